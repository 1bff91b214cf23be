using Luoshi.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Tests.Operations;

/// <summary>
/// Several servers started at once against one new database (a deployment rolling out, a cluster rebooting):
/// each brings the schema up to date, none fails, and the migrations are applied once.
/// </summary>
public sealed class ConcurrentStartTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ServersMigratingANewDatabaseAtOnce_AllSucceed_AndEachMigrationIsAppliedOnce(Db db)
    {
        await using var database = await TestDatabase.CreateAsync(db);
        var contexts = Enumerable.Range(0, 4).Select(_ => DataServices.CreateContext(database.Options)).ToList();
        try
        {
            await Task.WhenAll(contexts.Select(c => Task.Run(() => new DatabaseMigrator(c).MigrateAsync())));

            await using var check = DataServices.CreateContext(database.Options);
            var applied = (await check.Database.GetAppliedMigrationsAsync()).ToList();
            applied.ShouldBe(check.Database.GetMigrations().ToList());
            (await check.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        }
        finally
        {
            foreach (var c in contexts)
            {
                await c.DisposeAsync();
            }
        }
    }
}
