using Luoshi.Application.Data;
using Luoshi.Application.Supervision;
using Luoshi.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Application.Tests.Supervision;

/// <summary>Several servers share one database; the day's run happens once, from the configured time, and again the next day.</summary>
public sealed class DailyRunTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TwoServers_SameDay_OneRuns_AndTheNextDayRunsAgain(Db db)
    {
        await using var host = await SupervisionSeed.StartAsync(db);
        await SupervisionSeed.Assigned(host, "330102", new DateOnly(2026, 7, 20));

        var a = await Run(host, "server-a");
        var b = await Run(host, "server-b");
        var aAgain = await Run(host, "server-a");
        SupervisionSeed.SetDay(host, new DateOnly(2026, 7, 26), hour: 0);
        var beforeRunAt = await Run(host, "server-b");
        SupervisionSeed.SetDay(host, new DateOnly(2026, 7, 26), hour: 2);
        var nextDay = await Run(host, "server-b");

        a.ShouldNotBeNull().Escalation.Escalated.ShouldHaveSingleItem().ToLevel.ShouldBe(1);
        b.ShouldBeNull();
        aAgain.ShouldBeNull();
        beforeRunAt.ShouldBeNull();
        nextDay.ShouldNotBeNull().Day.ShouldBe(new DateOnly(2026, 7, 26));
        var lease = await host.Query(d => d.JobLeases.AsNoTracking().SingleAsync(j => j.Name == JobLease.SupervisionDaily));
        (lease.LastRunOn, lease.Holder, lease.LeasedUntil).ShouldBe((new DateOnly(2026, 7, 26), (string?)null, (DateTime?)null));
        lease.LastResult.ShouldNotBeNull().ShouldContain("2026-07-26");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ServersRacing_ForTheSameDay_RunItOnce(Db db)
    {
        await using var host = await SupervisionSeed.StartAsync(db);
        await SupervisionSeed.Assigned(host, "330102", new DateOnly(2026, 7, 20));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Run(host, $"server-{i}")));

        results.Count(r => r is not null).ShouldBe(1);
        var history = await host.Query(d => d.SupervisionEvents.CountAsync(e => e.Action == SupervisionAction.Escalate));
        history.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AHolderThatDied_KeepsTheDayOnlyUntilItsLeaseLapses(Db db)
    {
        await using var host = await SupervisionSeed.StartAsync(db);
        var day = new DateOnly(2026, 7, 25);
        var claimed = await host.Query(d => JobLease.TryClaim(d, JobLease.SupervisionDaily, day, "crashed", host.Clock.GetUtcNow(), RunDailySupervision.Lease, default));

        host.Clock.Now = host.Clock.Now.AddMinutes(1);
        var during = await Run(host, "server-b");
        host.Clock.Now = host.Clock.Now.AddMinutes(1.5);
        var after = await Run(host, "server-b");

        claimed.ShouldBeTrue();
        during.ShouldBeNull();
        after.ShouldNotBeNull();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AHolderThatRenews_KeepsTheDay_PastTheFirstLease_AndLosesItOnlyWhenItStops(Db db)
    {
        await using var host = await SupervisionSeed.StartAsync(db);
        var day = new DateOnly(2026, 7, 25);
        var lease = RunDailySupervision.Lease;
        var claimed = await host.Query(d => JobLease.TryClaim(d, JobLease.SupervisionDaily, day, "slow", host.Clock.GetUtcNow(), lease, default));

        host.Clock.Now = host.Clock.Now.AddMinutes(1.5);
        var renewed = await host.Query(d => JobLease.Renew(d, JobLease.SupervisionDaily, "slow", host.Clock.GetUtcNow(), lease, default));
        host.Clock.Now = host.Clock.Now.AddMinutes(1.5);
        var pastFirstLease = await Run(host, "server-b");
        var renewedByOther = await host.Query(d => JobLease.Renew(d, JobLease.SupervisionDaily, "server-b", host.Clock.GetUtcNow(), lease, default));
        host.Clock.Now = host.Clock.Now.AddMinutes(1);
        var afterItStopped = await Run(host, "server-b");
        var renewedAfterLoss = await host.Query(d => JobLease.Renew(d, JobLease.SupervisionDaily, "slow", host.Clock.GetUtcNow(), lease, default));

        (claimed, renewed, renewedByOther, renewedAfterLoss).ShouldBe((true, true, false, false));
        pastFirstLease.ShouldBeNull();
        afterItStopped.ShouldNotBeNull();
    }

    private static async Task<RunDailySupervision.Result?> Run(AppHost host, string holder)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RunDailySupervision>().RunIfDue(holder, default);
    }
}
