using Luoshi.Application.Data;
using Luoshi.Application.Identity;
using Luoshi.Application.Organization;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Application.Tests.Operations;

/// <summary>
/// The data versions as a server reads them: its own commits at once, another server's within the window,
/// the identity counter moved by who-may-do-what and not by use.
/// </summary>
public sealed class DataVersionClockTests
{
    // Longer than any test runs: whatever the clock reports without asking the database again is what it read before.
    private static readonly TimeSpan Long = TimeSpan.FromHours(1);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ACommitOfThisProcess_IsSeenAtOnce_WhateverTheWindow(Db db)
    {
        await using var host = await AppHost.StartAsync(db, s => s.AddSingleton(new DataVersionClock(Long)));
        var clock = host.Services.GetRequiredService<DataVersionClock>();
        var before = await host.Query(async x => await clock.Current(x, default));

        await host.Run<CreateOrgUnit, OrgUnitView>(c => c.Handle(new("330000", "之江省", OrgUnitKind.Province, null), default));
        var after = await host.Query(async x => await clock.Current(x, default));

        after.Evaluation.ShouldBe(before.Evaluation + 1);
        after.Identity.ShouldBe(before.Identity);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AChangeInAnOuterTransaction_IsSeenWhenItCommits_AndNotWhenItRollsBack(Db db)
    {
        await using var host = await AppHost.StartAsync(db, s => s.AddSingleton(new DataVersionClock(Long)));
        var clock = host.Services.GetRequiredService<DataVersionClock>();
        var start = await host.Query(async x => await clock.Current(x, default));

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var x = scope.ServiceProvider.GetRequiredService<LuoshiDbContext>();
            await using var rolledBack = await x.Database.BeginTransactionAsync();
            x.OrgUnits.Add(OrgUnit.Create("990000", "撤销省", OrgUnitKind.Province, null));
            await x.SaveChangesAsync();
            await rolledBack.RollbackAsync();
        }

        (await host.Query(async x => await clock.Fresh(x, default))).ShouldBe(start);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var x = scope.ServiceProvider.GetRequiredService<LuoshiDbContext>();
            await using var tx = await x.Database.BeginTransactionAsync();
            x.OrgUnits.Add(OrgUnit.Create("330000", "之江省", OrgUnitKind.Province, null));
            await x.SaveChangesAsync();

            // Not yet committed: another connection still reads the old counter, and the clock keeps it.
            (await host.Query(async y => await clock.Current(y, default))).ShouldBe(start);
            await tx.CommitAsync();
        }

        (await host.Query(async x => await clock.Current(x, default))).Evaluation.ShouldBe(start.Evaluation + 1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AChangeByAnotherServer_IsSeenOnceTheWindowHasPassed(Db db)
    {
        await using var host = await AppHost.StartAsync(db);
        var patient = new DataVersionClock(Long);
        var eager = new DataVersionClock(TimeSpan.Zero);
        var before = await host.Query(async x => await patient.Current(x, default));
        (await host.Query(async x => await eager.Current(x, default))).ShouldBe(before);

        // Another server's commit reaches this one only through the database: a statement outside this process's saves.
        await host.Query(x => x.Database.ExecuteSqlRawAsync("UPDATE data_versions SET \"Version\" = \"Version\" + 5 WHERE \"Scope\" = 'evaluation'"));

        (await host.Query(async x => await patient.Current(x, default))).ShouldBe(before);
        (await host.Query(async x => await eager.Current(x, default))).Evaluation.ShouldBe(before.Evaluation + 5);
        (await host.Query(async x => await patient.Fresh(x, default))).Evaluation.ShouldBe(before.Evaluation + 5);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheIdentityCounter_MovesWithUsersGrantsAndTokens_NotWithTheirUse(Db db)
    {
        await using var host = await AppHost.StartAsync(db);
        async Task<VersionStamp> Now() => await host.Query(x => DataVersion.Read(x, default));
        var start = await Now();
        start.Identity.ShouldBe(0, "no row before the first change");

        await host.Run<AddUser, UserView>(u => u.Handle(new AddUser.Request("zhao.lei", Role.Leader, null, "A-long-passphrase-2026"), default));
        var added = await Now();
        var token = await host.Run<ManageTokens, IssuedToken>(t => t.Issue("zhao.lei", "script", null, default));
        var issued = await Now();
        var user = await host.Run<AuthenticateToken, SignedInUser?>(a => a.Handle(token.Token, default));
        var used = await Now();
        await host.Run<ManageTokens, int>(async t => { await t.Revoke(token.Id, default); return 0; });
        var revoked = await Now();

        added.Identity.ShouldBeGreaterThan(start.Identity);
        issued.Identity.ShouldBeGreaterThan(added.Identity);
        user.ShouldNotBeNull().Name.ShouldBe("zhao.lei");
        used.ShouldBe(issued, "recording a token's use changes nobody's rights");
        revoked.Identity.ShouldBeGreaterThan(used.Identity);
        revoked.Evaluation.ShouldBe(start.Evaluation, "identity changes leave evaluations alone");
        (await host.Run<AuthenticateToken, SignedInUser?>(a => a.Handle(token.Token, default))).ShouldBeNull();
    }
}
