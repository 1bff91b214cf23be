using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Application.Demo;

namespace Luoshi.Web.Infrastructure;

/// <summary>Applies migrations (and, with <c>--demo</c>, loads the demo province into an empty database) before the server accepts requests.</summary>
internal sealed class DatabaseInitializer(IServiceProvider services, LuoshiOptions options, DatabaseOptions database, Operations.StartupState state, ILogger<DatabaseInitializer> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorScope>().Actor = FixedActor.Operator("system");
        var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();

        // Servers started together against one database migrate and load the demo one after the other.
        await migrator.ExclusiveAsync(
            async ct =>
            {
                await migrator.MigrateHeldAsync(ct);
                log.LogInformation("Database ready: {Database}", database.Describe());
                if (options.Demo)
                {
                    var summaries = await scope.ServiceProvider.GetRequiredService<SeedDemo>().Handle(null, ct);
                    foreach (var s in summaries)
                    {
                        log.LogInformation("Demo province loaded: {Kind} {Rows} rows", s.Kind, s.Rows);
                    }
                }
            },
            cancellationToken);

        state.Initialized();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
