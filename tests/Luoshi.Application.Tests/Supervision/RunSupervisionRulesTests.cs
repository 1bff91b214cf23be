using Luoshi.Application.Common;
using Luoshi.Application.Spreadsheets;
using Luoshi.Application.Supervision;
using Luoshi.Domain.Common;
using Luoshi.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Tests.Supervision;

/// <summary>
/// 330103 lags: 150, 200, 250 against 200, 250, 300 expected in April–June (red each month); 330102 is on
/// track. As of 2026-07-25 (AppHost's day) the latest month due is June.
/// </summary>
public sealed class RunSupervisionRulesTests
{
    private const string Readings = """
        indicator,org,period,value
        FAI,330103,2026-04,150
        FAI,330103,2026-05,200
        FAI,330103,2026-06,250
        FAI,330102,2026-04,210
        FAI,330102,2026-05,260
        FAI,330102,2026-06,310
        """;

    private const string Plans = """
        code,kind,title,parent,lead,supporting,start,due,horizon,indicators
        S,Strategy,战略,,,,,,,
        P,Programme,工程,S,,,,,,
        T1,Task,开工建设,P,330102,,2026-01-01,2026-06-30,annual,
        T2,Task,已完成的任务,P,330102,,2026-01-01,2026-06-30,annual,
        M1,Milestone,无牵头单位的节点,T1,,,,2026-05-31,annual,
        T3,Task,未到期任务,P,330102,,2026-01-01,2026-12-31,annual,
        """;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RedThreeMonths_AndATaskPastDue_OpenOneDraftEach_LinkedToTheirCause_AndOnlyOnce(Db db)
    {
        await using var host = await Seeded(db);

        var first = await Rules(host);
        var again = await Rules(host);

        first.Opened.Select(o => (o.Rule, o.Cause, o.LeadOrg)).ShouldBe(
        [
            (RunSupervisionRules.RedIndicatorRule, "indicator-rule:default@330103", "330103"),
            (RunSupervisionRules.OverdueTaskRule, "plan-overdue:T1", "330102"),
        ], ignoreOrder: true);
        first.Notes.ShouldContain(n => n.Bilingual.Contains("1 overdue plan items have no lead unit"));
        again.Opened.ShouldBeEmpty();
        again.AlreadyOpen.ShouldBe(2);

        var red = await Item(host, first.Opened.Single(o => o.Rule == RunSupervisionRules.RedIndicatorRule).Id!.Value);
        red.State.ShouldBe(SupervisionState.Draft);
        red.Source.ShouldBe(SupervisionSource.IndicatorRule);
        red.SupervisingOrg.ShouldBe("330000");
        var figure = red.Indicators.ShouldHaveSingleItem();
        (figure.Indicator, figure.Org, figure.From, figure.To).ShouldBe(("FAI", "330103", "2026-04", "2026-06"));
        figure.ReasonZh.ShouldContain("250");
        red.ClearPeriodsToClose.ShouldBe(1);
        red.Deadline.ShouldBe(new DateOnly(2026, 8, 24));
        red.Title.ShouldContain("2026-04");
        red.Description!.ShouldContain("250");
        red.History.ShouldHaveSingleItem().Party.ShouldBe(SupervisionParty.System);
        var task = await Item(host, first.Opened.Single(o => o.Rule == RunSupervisionRules.OverdueTaskRule).Id!.Value);
        (task.Source, task.Links.PlanItem).ShouldBe((SupervisionSource.OverdueTask, "T1"));
        var opened = await host.Query(d => d.Notifications.CountAsync(n => n.Kind == "opened"));
        opened.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AStreakThatGoesOn_OpensNothingMore_ButAFreshStreakAfterClosureOpensAgain(Db db)
    {
        await using var host = await Seeded(db);
        var first = (await Rules(host)).Opened.Single(o => o.Rule == RunSupervisionRules.RedIndicatorRule);

        // July is red too (300 against 350): same streak, and the item is still open.
        await SupervisionSeed.Import(host, ImportKind.Readings, "indicator,org,period,value\nFAI,330103,2026-07,300\n");
        var july = await Rules(host, new DateOnly(2026, 8, 25));

        // The office withdraws the item; August is red as well — still the streak the item covered (June lies in Jun–Aug).
        await SupervisionSeed.Transition(host, first.Id!.Value, SupervisionAction.Cancel, "并入年度考核");
        await SupervisionSeed.Import(host, ImportKind.Readings, "indicator,org,period,value\nFAI,330103,2026-08,350\n");
        var august = await Rules(host, new DateOnly(2026, 9, 25));

        // September red too: Jul–Sep is a streak the first item never covered.
        await SupervisionSeed.Import(host, ImportKind.Readings, "indicator,org,period,value\nFAI,330103,2026-09,400\n");
        var september = await Rules(host, new DateOnly(2026, 10, 25));

        july.Opened.Where(o => o.Rule == RunSupervisionRules.RedIndicatorRule).ShouldBeEmpty();
        august.Opened.Where(o => o.Rule == RunSupervisionRules.RedIndicatorRule).ShouldBeEmpty();
        september.Opened.Where(o => o.Rule == RunSupervisionRules.RedIndicatorRule).ShouldHaveSingleItem().Cause.ShouldBe("indicator-rule:default@330103");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnItemWithTheClosureRule_ClosesOnlyOnceTheFiguresLeaveRed(Db db)
    {
        await using var host = await Seeded(db);
        var id = (await Rules(host)).Opened.Single(o => o.Rule == RunSupervisionRules.RedIndicatorRule).Id!.Value;
        await SupervisionSeed.Transition(host, id, SupervisionAction.Assign);
        await SupervisionSeed.Transition(host, id, SupervisionAction.Accept);
        await SupervisionSeed.Transition(host, id, SupervisionAction.Submit, "已加快进度", ["项目开工清单"]);

        var stillRed = await Should.ThrowAsync<DomainConflictException>(() => SupervisionSeed.Transition(host, id, SupervisionAction.Verify, evidence: ["核查记录"]));

        // July catches up (360 against 350 expected: green), and is due on 20 August.
        await SupervisionSeed.Import(host, ImportKind.Readings, "indicator,org,period,value\nFAI,330103,2026-07,360\n");
        SupervisionSeed.SetDay(host, new DateOnly(2026, 8, 21));
        var closed = await SupervisionSeed.Transition(host, id, SupervisionAction.Verify, evidence: ["核查记录"]);

        stillRed.Field.ShouldBe("clearPeriodsToClose");
        closed.State.ShouldBe(SupervisionState.Closed);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheTopUnitsOwnRedFigure_IsLedByTheIndicatorsResponsibleDepartment(Db db)
    {
        await using var host = await Seeded(db);
        await SupervisionSeed.Import(host, ImportKind.Targets, "indicator,org,year,value,qualifier\nFAI,330000,2026,1200,atLeast\n");
        var withoutDepartment = await Rules(host);
        await host.Query(async d =>
        {
            var fai = await d.Indicators.SingleAsync(i => i.Code == "FAI");
            fai.AssignResponsibleUnit(await d.OrgUnits.Where(u => u.Code == "FGW").Select(u => u.Id).SingleAsync());
            return await d.SaveChangesAsync();
        });
        var withDepartment = await Rules(host);

        // 330000: 150+210=360, 460, 560 against 400, 500, 600 — more than 5% behind in April and May, but June is 6.7% behind: red too.
        withoutDepartment.Notes.ShouldContain(n => n.Bilingual.Contains("no responsible department"));
        withDepartment.Opened.ShouldHaveSingleItem().LeadOrg.ShouldBe("FGW");
    }

    private static async Task<AppHost> Seeded(Db db)
    {
        var host = await SupervisionSeed.StartAsync(db);
        await SupervisionSeed.Import(host, ImportKind.Readings, Readings);
        await SupervisionSeed.Import(host, ImportKind.Plans, Plans);
        await host.Query(async d =>
        {
            var done = await d.PlanItems.SingleAsync(p => p.Code == "T2");
            done.MarkCompleted(new DateOnly(2026, 6, 28));
            return await d.SaveChangesAsync();
        });
        return host;
    }

    private static Task<RunSupervisionRules.Result> Rules(AppHost host, DateOnly? asOf = null) =>
        host.Run<RunSupervisionRules, RunSupervisionRules.Result>(r => r.Handle(asOf, default));

    private static Task<SupervisionItemView> Item(AppHost host, int id) => host.Run<GetSupervisionItem, SupervisionItemView>(g => g.Handle(id, default));
}
