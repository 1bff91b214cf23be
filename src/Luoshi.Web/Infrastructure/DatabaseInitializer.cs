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
        // Both take the database's start-up lock: servers started together migrate and load the demo one after the other.
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        log.LogInformation("Database ready: {Database}", database.Describe());
        if (options.Demo)
        {
            var summaries = await scope.ServiceProvider.GetRequiredService<SeedDemo>().Handle(null, cancellationToken);
            foreach (var s in summaries)
            {
                log.LogInformation("Demo province loaded: {Kind} {Rows} rows", s.Kind, s.Rows);
            }
        }

        state.Initialized();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
