using Luoshi.Application.Notifications;
using Luoshi.Application.Supervision;
using Luoshi.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Tests.Supervision;

public sealed class EscalateOverdueTests
{
    private static readonly DateOnly Deadline = new(2026, 8, 5);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DayByDay_WithAFixedClock_RemindsTwice_ThenClimbsTheLadder_OnceEach(Db db)
    {
        await using var host = await SupervisionSeed.StartAsync(db);
        var item = await SupervisionSeed.Assigned(host, "330102", Deadline);
        var log = new List<string>();

        for (var day = new DateOnly(2026, 7, 25); day <= new DateOnly(2026, 8, 25); day = day.AddDays(1))
        {
            SupervisionSeed.SetDay(host, day);
            for (int run = 0; run < 2; run++)
            {
                var result = await host.Run<EscalateOverdue, EscalateOverdue.Result>(e => e.Handle(null, default));
                result.AsOf.ShouldBe(day);
                log.AddRange(result.Reminded.Select(r => $"{day:MM-dd} remind {r.DaysLeft}"));
                log.AddRange(result.Escalated.Select(e => $"{day:MM-dd} level {e.FromLevel}→{e.ToLevel} ({e.DaysOverdue}d)"));
            }
        }

        log.ShouldBe(["08-02 remind 3", "08-04 remind 1", "08-06 level 0→1 (1d)", "08-12 level 1→2 (7d)", "08-20 level 2→3 (15d)"]);
        var view = await host.Run<GetSupervisionItem, SupervisionItemView>(g => g.Handle(item.Id, default));
        view.EscalationLevel.ShouldBe(3);
        view.Overdue.ShouldBeTrue();
        view.DaysOverdue.ShouldBe(20);
        view.History.Select(h => h.Kind).ShouldBe(["transition", "transition", "reminder", "reminder", "escalation", "escalation", "escalation"]);
        view.History.Where(h => h.Kind == "escalation").Select(h => h.Level).ShouldBe([1, 2, 3]);
        view.History.Select(h => h.Seq).ShouldBe([1, 2, 3, 4, 5, 6, 7]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EachRung_IsToldToItsAudience_AndQueuedForEveryChannel(Db db)
    {
        await using var host = await SupervisionSeed.StartAsync(db);
        await SupervisionSeed.Assigned(host, "330102", Deadline);
        SupervisionSeed.SetDay(host, Deadline.AddDays(20));

        var result = await host.Run<EscalateOverdue, EscalateOverdue.Result>(e => e.Handle(null, default));

        result.Escalated.ShouldHaveSingleItem().ToLevel.ShouldBe(3);
        var inbox = await host.Query(d => d.Notifications.Join(d.OrgUnits, n => n.OrgUnitId, u => u.Id, (n, u) => new { u.Code, n.Kind }).ToListAsync());

        // Level 1: the county; level 2: its city (the leadership above it); level 3: the province's office.
        inbox.Where(n => n.Kind == "escalated").GroupBy(n => n.Code).ToDictionary(g => g.Key, g => g.Count())
            .ShouldBe(new Dictionary<string, int> { ["330102"] = 3, ["330100"] = 1, ["330000"] = 1 }, ignoreOrder: true);
        inbox.Count(n => n.Kind == "assigned").ShouldBe(1);
        (await host.Query(d => d.OutboxMessages.CountAsync())).ShouldBe(inbox.Count);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AsOfAnEarlierDay_AfterALaterRun_ChangesNothing_AndFinishedItemsAreLeftAlone(Db db)
    {
        await using var host = await SupervisionSeed.StartAsync(db);
        var open = await SupervisionSeed.Assigned(host, "330102", Deadline);
        var submitted = await SupervisionSeed.Assigned(host, "330103", Deadline, "已报结的事项");
        await SupervisionSeed.Transition(host, submitted.Id, SupervisionAction.Accept);
        await SupervisionSeed.Transition(host, submitted.Id, SupervisionAction.Submit, evidence: ["报告"]);

        var late = await host.Run<EscalateOverdue, EscalateOverdue.Result>(e => e.Handle(Deadline.AddDays(10), default));
        var earlier = await host.Run<EscalateOverdue, EscalateOverdue.Result>(e => e.Handle(Deadline.AddDays(2), default));

        late.Escalated.ShouldHaveSingleItem().Id.ShouldBe(open.Id);
        earlier.Escalated.ShouldBeEmpty();
        earlier.Reminded.ShouldBeEmpty();
        (await host.Run<GetSupervisionItem, SupervisionItemView>(g => g.Handle(submitted.Id, default))).EscalationLevel.ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnApprovedExtension_TakesTheItemOffTheLadder_UntilTheNewDeadlinePasses(Db db)
    {
        await using var host = await SupervisionSeed.StartAsync(db);
        var item = await SupervisionSeed.Assigned(host, "330102", Deadline);
        await host.Run<EscalateOverdue, EscalateOverdue.Result>(e => e.Handle(Deadline.AddDays(3), default));
        await SupervisionSeed.Transition(host, item.Id, SupervisionAction.RequestExtension, "征地未完成", deadline: Deadline.AddDays(30));
        var approved = await SupervisionSeed.Transition(host, item.Id, SupervisionAction.ApproveExtension, null);

        var during = await host.Run<EscalateOverdue, EscalateOverdue.Result>(e => e.Handle(Deadline.AddDays(20), default));
        var after = await host.Run<EscalateOverdue, EscalateOverdue.Result>(e => e.Handle(Deadline.AddDays(31), default));

        approved.EscalationLevel.ShouldBe(0);
        approved.Deadline.ShouldBe(Deadline.AddDays(30));
        approved.OriginalDeadline.ShouldBe(Deadline);
        approved.State.ShouldBe(SupervisionState.Assigned);
        during.Escalated.ShouldBeEmpty();
        after.Escalated.ShouldHaveSingleItem().ToLevel.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OverdueList_Board_AndMetrics_ReadTheSameItems(Db db)
    {
        await using var host = await SupervisionSeed.StartAsync(db);
        var late = await SupervisionSeed.Assigned(host, "330102", new DateOnly(2026, 7, 20), "逾期事项");
        await SupervisionSeed.Assigned(host, "330102", new DateOnly(2026, 9, 30), "未到期事项");
        var closed = await SupervisionSeed.Assigned(host, "330103", new DateOnly(2026, 8, 31), "按期办结事项");
        await SupervisionSeed.Transition(host, closed.Id, SupervisionAction.Accept);
        await SupervisionSeed.Transition(host, closed.Id, SupervisionAction.Submit, evidence: ["报告"]);
        await SupervisionSeed.Transition(host, closed.Id, SupervisionAction.Verify, evidence: ["核查记录"]);

        var overdue = await host.Run<OverdueItems, OverdueListView>(o => o.Handle("330100", null, default));
        var board = await host.Run<SupervisionBoard, SupervisionBoardView>(b => b.Handle("330000", 10, default));
        var metrics = await host.Run<SupervisionMetrics, SupervisionMetricsView>(m => m.Handle(null, null, null, null, default));

        overdue.Items.ShouldHaveSingleItem().Id.ShouldBe(late.Id);
        overdue.Items[0].DaysOverdue.ShouldBe(5);
        board.Columns.Single(c => c.State == SupervisionState.Assigned).Count.ShouldBe(2);
        board.Columns.Single(c => c.State == SupervisionState.Assigned).Overdue.ShouldBe(1);
        board.Columns.Single(c => c.State == SupervisionState.Closed).Items.ShouldHaveSingleItem().Id.ShouldBe(closed.Id);
        board.Columns.Count.ShouldBe(Enum.GetValues<SupervisionState>().Length);
        var county = metrics.Units.Single(u => u.Org == "330102");
        (county.Open, county.Overdue, county.Closed).ShouldBe((2, 1, 0));
        var other = metrics.Units.Single(u => u.Org == "330103");
        (other.Open, other.Closed, other.ClosedOnTime, other.ClosedOnTimePercent).ShouldBe((0, 1, 1, (double?)100));
        other.AverageDaysToClose.ShouldBe(0);
        (metrics.Total.Open, metrics.Total.Overdue, metrics.Total.Closed).ShouldBe((2, 1, 1));
    }
}
