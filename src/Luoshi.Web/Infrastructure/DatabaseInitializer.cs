using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Application.Demo;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Web.Infrastructure;

/// <summary>Applies migrations (and, with <c>--demo</c>, loads the demo province into an empty database) before the server accepts requests.</summary>
internal sealed class DatabaseInitializer(IServiceProvider services, LuoshiOptions options, DatabaseOptions database, Operations.StartupState state, ILogger<DatabaseInitializer> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorScope>().Actor = FixedActor.Operator("system");
        if (options.PublicOnly)
        {
            // A public-only server may read a replica: it changes nothing, and refuses to start on a schema it does not know.
            var pending = (await scope.ServiceProvider.GetRequiredService<LuoshiDbContext>().Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                throw new InvalidOperationException($"数据库尚未迁移到本版本(缺 {pending.Count} 个迁移,先运行 luoshi init)/ the database lacks {pending.Count} migrations of this version; run `luoshi init` against it first: {database.Describe()}");
            }

            log.LogInformation("Public-only server on {Database}", database.Describe());
            state.Initialized();
            return;
        }

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
