using Luoshi.Application;
using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Application.Spreadsheets;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Application.Tests;

/// <summary>The application's services over a fresh, migrated database of one provider, with a fixed clock.</summary>
public sealed class AppHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly TestDatabase? _database;

    private AppHost(ServiceProvider provider, TestDatabase? database, FixedClock clock)
    {
        _provider = provider;
        _database = database;
        Clock = clock;
    }

    public static readonly DateTimeOffset Now = new(2026, 7, 25, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The clock every service reads; a test moves it to simulate days passing.</summary>
    public FixedClock Clock { get; }

    public IServiceProvider Services => _provider;

    public static async Task<AppHost> StartAsync(Db db, Action<IServiceCollection>? configure = null)
    {
        var database = await TestDatabase.CreateAsync(db);
        var clock = new FixedClock(Now);
        var provider = BuildServices(database.Options, clock, "tester", configure);
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        }

        return new AppHost(provider, database, clock);
    }

    /// <summary>
    /// Another server on the same database: services of its own (its own snapshot cache and version clock), acting as
    /// <paramref name="actor"/>. The database stays with the host that created it.
    /// </summary>
    public AppHost SecondServer(string actor, Action<IServiceCollection>? configure = null) =>
        new(BuildServices(_provider.GetRequiredService<DatabaseOptions>(), Clock, actor, configure), null, Clock);

    private static ServiceProvider BuildServices(DatabaseOptions options, FixedClock clock, string actor, Action<IServiceCollection>? configure)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddLuoshiData(options);
        services.AddLuoshiApplication();
        services.AddSingleton<ICurrentActor>(FixedActor.Operator(actor));
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>Runs <paramref name="work"/> with a use case resolved in a fresh scope, as one request would.</summary>
    public async Task<TResult> Run<TUseCase, TResult>(Func<TUseCase, Task<TResult>> work)
        where TUseCase : notnull
    {
        await using var scope = _provider.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TUseCase>());
    }

    /// <summary>A fresh database holding the org units and indicators given as CSV, imported as an operator would.</summary>
    public static async Task<AppHost> StartWithAsync(Db db, string orgsCsv, string indicatorsCsv)
    {
        var host = await StartAsync(db);
        await host.ImportCsv(ImportKind.Orgs, orgsCsv);
        await host.ImportCsv(ImportKind.Indicators, indicatorsCsv);
        return host;
    }

    /// <summary>Imports one CSV through the import use case: all or nothing.</summary>
    public Task<ImportSummary> ImportCsv(ImportKind kind, string csv) =>
        Run<ImportData, ImportSummary>(i => i.FromCsv(kind, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), null, default));

    public async Task<TResult> Query<TResult>(Func<LuoshiDbContext, Task<TResult>> query)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LuoshiDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
