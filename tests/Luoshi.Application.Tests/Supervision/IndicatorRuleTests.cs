using System.Data.Common;
using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Application.Readings;
using Luoshi.Application.Spreadsheets;
using Luoshi.Application.Supervision;
using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Application.Tests.Supervision;

/// <summary>
/// The indicator rules open one item per lead unit per rule and period, listing every figure it caught; an item
/// still open takes new figures in. FAI and RETAIL (monthly, cumulative, 600 a year at each county, so 200, 250
/// and 300 due by April, May and June): 甲二区 330103 lags on both, 甲一区 330102 on RETAIL only. As of 2026-07-25
/// the latest month due is June.
/// </summary>
public sealed class IndicatorRuleTests
{
    private const string Retail = """
        code,name,unit,direction,frequency,valueKind,aggregation,formula,tolerance,profile
        RETAIL,社会消费品零售总额,亿元,higher,month,cumulative,sum,,5%,linear
        """;

    private const string RetailTargets = "indicator,org,year,value,qualifier\nRETAIL,330102,2026,600,atLeast\nRETAIL,330103,2026,600,atLeast\n";

    private const string FaiBehind = """
        indicator,org,period,value
        FAI,330103,2026-04,150
        FAI,330103,2026-05,200
        FAI,330103,2026-06,250
        FAI,330102,2026-04,210
        FAI,330102,2026-05,260
        FAI,330102,2026-06,310
        """;

    private const string RetailBehind = """
        indicator,org,period,value
        RETAIL,330103,2026-04,120
        RETAIL,330103,2026-05,160
        RETAIL,330103,2026-06,200
        RETAIL,330102,2026-04,170
        RETAIL,330102,2026-05,220
        RETAIL,330102,2026-06,260
        """;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ARule_OpensOneItemPerLeadUnit_ListingEveryFigureItCaught(Db db)
    {
        await using var host = await Seeded(db, FaiBehind, RetailBehind);

        var result = await Rules(host);

        result.Opened.Select(o => (o.LeadOrg, o.RuleCode, o.Indicators.Count)).ShouldBe([("330102", "default", 1), ("330103", "default", 2)], ignoreOrder: true);
        result.Opened.ShouldAllBe(o => o.Rule == RunSupervisionRules.RedIndicatorRule && o.Cause == $"indicator-rule:default@{o.LeadOrg}");
        var both = await Item(host, result.Opened.Single(o => o.LeadOrg == "330103").Id!.Value);
        both.Indicators.Select(f => (f.Indicator, f.Org, f.From, f.To)).ShouldBe([("FAI", "330103", "2026-04", "2026-06"), ("RETAIL", "330103", "2026-04", "2026-06")]);
        both.Indicators.ShouldAllBe(f => f.ReasonZh.Length > 0 && f.ReasonEn.Length > 0);
        both.Title.ShouldContain("2项指标");
        both.Cause.ShouldBe("indicator-rule:default@330103#2026-06");
        (both.State, both.Source, both.ClearPeriodsToClose, both.SupervisingOrg).ShouldBe((SupervisionState.Draft, SupervisionSource.IndicatorRule, (int?)1, "330000"));
        result.Writes.ShouldNotBeNull().Batches.ShouldBeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ASecondRunTheSameDay_OpensNothing_AndCountsWhatIsFollowed(Db db)
    {
        await using var host = await Seeded(db, FaiBehind, RetailBehind);

        var first = await Rules(host);
        var again = await Rules(host);

        first.Opened.Count.ShouldBe(2);
        again.Opened.ShouldBeEmpty();
        again.Absorbed.ShouldBeEmpty();
        again.AlreadyOpen.ShouldBe(3);
        (await host.Query(d => d.SupervisionItems.CountAsync())).ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnItemStillOpen_TakesInNewFigures_WithAHistoryEntry_InsteadOfAnotherItem(Db db)
    {
        await using var host = await Seeded(db, FaiBehind);
        var first = (await Rules(host)).Opened.ShouldHaveSingleItem();
        await SupervisionSeed.Transition(host, first.Id!.Value, SupervisionAction.Assign);

        await SupervisionSeed.Import(host, ImportKind.Readings, RetailBehind);
        var second = await Rules(host);

        second.Opened.Select(o => o.LeadOrg).ShouldBe(["330102"]);
        var absorbed = second.Absorbed.ShouldHaveSingleItem();
        (absorbed.Id, absorbed.LeadOrg, absorbed.RuleCode).ShouldBe((first.Id.Value, "330103", "default"));
        absorbed.Indicators.ShouldHaveSingleItem().Indicator.ShouldBe("RETAIL");
        var item = await Item(host, first.Id.Value);
        item.Indicators.Select(f => f.Indicator).ShouldBe(["FAI", "RETAIL"]);
        item.State.ShouldBe(SupervisionState.Assigned);
        var entry = item.History[^1];
        (entry.Action, entry.Kind, entry.Party).ShouldBe((SupervisionAction.Absorb, "absorption", SupervisionParty.System));
        entry.Comment.ShouldNotBeNull().ShouldContain("RETAIL@330103");
        var told = await host.Query(d => d.Notifications.Where(n => n.Kind == "absorbed").Select(n => n.OrgUnitId).ToListAsync());
        told.Count.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ADryRun_WritesNothing_AndListsWhatWouldOpenAndWhatWouldBeAbsorbed(Db db)
    {
        await using var host = await Seeded(db, FaiBehind);
        var before = await Footprint(host);

        var preview = await Rules(host, dryRun: true);
        var unchanged = await Footprint(host);
        var opened = (await Rules(host)).Opened.ShouldHaveSingleItem();
        await SupervisionSeed.Import(host, ImportKind.Readings, RetailBehind);
        var afterOpening = await Footprint(host);
        var absorbing = await Rules(host, dryRun: true);

        preview.DryRun.ShouldBeTrue();
        preview.Writes.ShouldBeNull();
        var would = preview.Opened.ShouldHaveSingleItem();
        (would.Id, would.LeadOrg, would.Cause, would.Title).ShouldBe(((int?)null, "330103", opened.Cause, opened.Title));
        unchanged.ShouldBe(before);
        absorbing.Absorbed.ShouldHaveSingleItem().Id.ShouldBe(opened.Id!.Value);
        absorbing.Opened.ShouldHaveSingleItem().LeadOrg.ShouldBe("330102");
        (await Footprint(host)).ShouldBe(afterOpening);
        (await Item(host, opened.Id.Value)).Indicators.Count.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheClosureRule_NeedsEveryListedFigureOutOfRed(Db db)
    {
        await using var host = await Seeded(db, FaiBehind, RetailBehind);
        var id = (await Rules(host)).Opened.Single(o => o.LeadOrg == "330103").Id!.Value;
        await SupervisionSeed.Transition(host, id, SupervisionAction.Assign);
        await SupervisionSeed.Transition(host, id, SupervisionAction.Accept);
        await SupervisionSeed.Transition(host, id, SupervisionAction.Submit, "已整改", ["整改报告"]);

        // July: FAI catches up (360 against 350 due), RETAIL does not (250); both are due on 20 August.
        await SupervisionSeed.Import(host, ImportKind.Readings, "indicator,org,period,value\nFAI,330103,2026-07,360\nRETAIL,330103,2026-07,250\n");
        SupervisionSeed.SetDay(host, new DateOnly(2026, 8, 21));
        var oneStillRed = await Should.ThrowAsync<DomainConflictException>(() => SupervisionSeed.Transition(host, id, SupervisionAction.Verify, evidence: ["核查记录"]));
        await SupervisionSeed.Import(host, ImportKind.Readings, "indicator,org,period,value\nRETAIL,330103,2026-07,345\n");
        var closed = await SupervisionSeed.Transition(host, id, SupervisionAction.Verify, evidence: ["核查记录"]);

        oneStillRed.Field.ShouldBe("clearPeriodsToClose");
        oneStillRed.Message.ShouldContain("RETAIL@330103");
        oneStillRed.Message.ShouldNotContain("FAI@330103");
        closed.State.ShouldBe(SupervisionState.Closed);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ARuleOfItsOwn_CoversOnlyItsIndicatorsAndUnitKinds_AndTheFirstRuleKeepsAFigure(Db db)
    {
        await using var host = await Seeded(db, FaiBehind, RetailBehind);
        await Save(host, new("retail-counties", "零售(县)", ["RETAIL"], Periods: 2, UnitKinds: ["county"], Enabled: true));
        await Save(host, new("all-two", "全部两期", Periods: 2, Enabled: true));
        await host.Run<SwitchSupervisionRule, SupervisionRuleView>(s => s.Handle(SupervisionRule.DefaultCode, enable: false, version: 0, default));

        var result = await Rules(host);

        result.Rules.ShouldBe(["all-two", "retail-counties"]);
        result.Opened.Select(o => (o.RuleCode, o.LeadOrg, string.Join(",", o.Indicators.Select(f => f.Indicator)))).ShouldBe(
        [
            ("all-two", "330102", "RETAIL"),
            ("all-two", "330103", "FAI,RETAIL"),
        ], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AMinimumGap_LeavesOutFiguresRedButNotThatFarBehind(Db db)
    {
        // 330102's RETAIL is 170/220/260 against 200/250/300: 5, 5 and 6.7 points behind; 330103's is 13.3 to 16.7 behind.
        await using var host = await Seeded(db, FaiBehind, RetailBehind);
        await Save(host, new("far-behind", "落后10个百分点以上", ["RETAIL"], MinGapPoints: 10m));

        var preview = await host.Run<RunSupervisionRules, RunSupervisionRules.Result>(r => r.Handle(new RunSupervisionRules.Request(DryRun: true, Rule: "far-behind"), default));

        preview.Opened.ShouldHaveSingleItem().LeadOrg.ShouldBe("330103");
        preview.Opened[0].Indicators.ShouldHaveSingleItem().Indicator.ShouldBe("RETAIL");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ARuleByPlanItem_CoversTheIndicatorsLinkedBelowIt(Db db)
    {
        await using var host = await Seeded(db, FaiBehind, RetailBehind);
        await SupervisionSeed.Import(host, ImportKind.Plans, """
            code,kind,title,parent,lead,supporting,start,due,horizon,indicators
            S,Strategy,战略,,,,,,,
            P1,Programme,扩大有效投资,S,,,,,,
            T1,Task,项目开工,P1,,,,,annual,FAI
            P2,Programme,促进消费,S,,,,,,RETAIL
            """);
        await Save(host, new("investment", "扩大有效投资", PlanItem: "P1"));

        var preview = await host.Run<RunSupervisionRules, RunSupervisionRules.Result>(r => r.Handle(new RunSupervisionRules.Request(DryRun: true, Rule: "investment"), default));

        preview.Opened.SelectMany(o => o.Indicators).Select(f => $"{f.Indicator}@{f.Org}").ShouldBe(["FAI@330103"]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SavingARule_NamesEveryUnknownIndicatorPlanItemAndUnitKind(Db db)
    {
        await using var host = await Seeded(db, FaiBehind);

        var refused = await Should.ThrowAsync<InputRefusedException>(() => Save(host, new("r1", "规则", ["FAI", "NOPE"], PlanItem: "NOPLAN", UnitKinds: ["County", "Reference", "Planet"])));
        var reserved = await Should.ThrowAsync<InputRefusedException>(() => Save(host, new("preview", "规则")));
        var badCode = await Should.ThrowAsync<DomainException>(() => Save(host, new("Bad Code", "规则")));
        await Save(host, new("r1", "规则"));
        var twice = await Should.ThrowAsync<ConflictException>(() => Save(host, new("r1", "规则")));

        refused.Errors.Select(e => e.Field).ShouldBe(["indicators", "planItem", "unitKinds", "unitKinds"]);
        refused.Errors[0].Message.Bilingual.ShouldContain("NOPE");
        reserved.Errors.ShouldHaveSingleItem().Field.ShouldBe("code");
        badCode.Field.ShouldBe("code");
        twice.Field.ShouldBe("code");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EditingARule_IsVersioned_Audited_AndAStaleVersionIsRefused(Db db)
    {
        await using var host = await Seeded(db, FaiBehind);

        var settings = (await host.Run<ListSupervisionRules, IReadOnlyList<SupervisionRuleView>>(l => l.Handle(default))).ShouldHaveSingleItem();
        var edited = await host.Run<SaveSupervisionRule, SupervisionRuleView>(s => s.Update("default", new(Name: "默认规则", Periods: 2, DeadlineDays: 15, Enabled: true, Version: 0), default));
        var stale = await Should.ThrowAsync<ConflictException>(() => host.Run<SaveSupervisionRule, SupervisionRuleView>(s => s.Update("default", new(Name: "另改", Periods: 4, Version: 0), default)));
        var off = await host.Run<SwitchSupervisionRule, SupervisionRuleView>(s => s.Handle("default", enable: false, version: edited.Version, default));
        var audit = await host.Query(d => d.AuditEntries.AsNoTracking().Where(a => a.Entity == nameof(SupervisionRule)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());

        (settings.FromSettings, settings.Version, settings.Periods, settings.Enabled).ShouldBe((true, 0, 3, true));
        (edited.FromSettings, edited.Periods, edited.DeadlineDays, edited.Name).ShouldBe((false, 2, 15, "默认规则"));
        stale.Field.ShouldBe("version");
        (off.Enabled, off.Version).ShouldBe((false, edited.Version + 1));
        audit.ShouldBe(["create", "update"]);
        (await Rules(host)).Opened.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheSettingsSeedTheDefaultRule(Db db)
    {
        await using var host = await SupervisionSeed.StartAsync(db, s => s.Configure<SupervisionOptions>(o => o.RedPeriods = 2));
        await SupervisionSeed.Import(host, ImportKind.Readings, "indicator,org,period,value\nFAI,330103,2026-05,200\nFAI,330103,2026-06,250\n");

        var rule = await host.Run<GetSupervisionRule, SupervisionRuleView>(g => g.Handle("default", default));
        var opened = (await Rules(host)).Opened.ShouldHaveSingleItem();

        rule.Periods.ShouldBe(2);
        opened.Indicators.ShouldHaveSingleItem().From.ShouldBe("2026-05");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheRulesWriteInShortBatches_BetweenWhichOthersWrite(Db db)
    {
        // Thirty counties lag on FAI: thirty items, more than one batch's worth of rows.
        var hook = new BetweenBatches();
        await using var host = await SupervisionSeed.StartAsync(db, s =>
        {
            s.ConfigureDbContext<SqliteLuoshiDbContext>(o => o.AddInterceptors(hook));
            s.ConfigureDbContext<PostgresLuoshiDbContext>(o => o.AddInterceptors(hook));
        });
        var counties = Enumerable.Range(1, 30).Select(k => $"3301{k + 10:D2}").ToList();
        await SupervisionSeed.Import(host, ImportKind.Orgs, "code,name,kind,parent\n" + string.Concat(counties.Select(c => $"{c},县{c},County,330100\n")));
        await SupervisionSeed.Import(host, ImportKind.Targets, "indicator,org,year,value,qualifier\n" + string.Concat(counties.Select(c => $"FAI,{c},2026,600,atLeast\n")));
        await SupervisionSeed.Import(host, ImportKind.Readings, "indicator,org,period,value\n" + string.Concat(counties.Select(c => $"FAI,{c},2026-04,100\nFAI,{c},2026-05,150\nFAI,{c},2026-06,200\n")));
        hook.Write = async () =>
        {
            // Between two of the job's batches: a person's write and the job's lease renewal both go through.
            var reading = await host.Run<WriteReading, ReadingView>(w => w.Handle(new("FAI", "330102", "2026-07", 400m), Domain.Indicators.ReadingSource.Api, default));
            var claimed = await host.Query(d => JobLease.TryClaim(d, JobLease.SupervisionDaily, new DateOnly(2026, 7, 25), "test", host.Clock.GetUtcNow(), TimeSpan.FromMinutes(2), default));
            var renewed = await host.Query(d => JobLease.Renew(d, JobLease.SupervisionDaily, "test", host.Clock.GetUtcNow(), TimeSpan.FromMinutes(2), default));
            return (reading.Value, claimed && renewed);
        };

        hook.Armed = true;
        var result = await Rules(host);

        result.Opened.Count.ShouldBe(30);
        result.Writes.ShouldNotBeNull().Batches.ShouldBeGreaterThan(1);
        hook.Outcome.ShouldBe((400m, true));
        var order = await host.Query(d => d.AuditEntries.AsNoTracking().Where(a => a.Entity == "SupervisionItem" || a.Entity == "Reading").OrderBy(a => a.Id).Select(a => a.Entity).ToListAsync());
        var between = order.IndexOf("Reading", order.IndexOf("SupervisionItem"));
        between.ShouldBeGreaterThan(0);
        order.Skip(between).ShouldContain("SupervisionItem");
    }

    private static async Task<AppHost> Seeded(Db db, params string[] readings)
    {
        var host = await SupervisionSeed.StartAsync(db);
        await SupervisionSeed.Import(host, ImportKind.Indicators, Retail);
        await SupervisionSeed.Import(host, ImportKind.Targets, RetailTargets);
        foreach (var csv in readings)
        {
            await SupervisionSeed.Import(host, ImportKind.Readings, csv);
        }

        return host;
    }

    private static Task<RunSupervisionRules.Result> Rules(AppHost host, bool dryRun = false) =>
        host.Run<RunSupervisionRules, RunSupervisionRules.Result>(r => r.Handle(new RunSupervisionRules.Request(DryRun: dryRun), default));

    private static Task<SupervisionRuleView> Save(AppHost host, SaveSupervisionRule.Request request) =>
        host.Run<SaveSupervisionRule, SupervisionRuleView>(s => s.Create(request, default));

    private static Task<SupervisionItemView> Item(AppHost host, int id) => host.Run<GetSupervisionItem, SupervisionItemView>(g => g.Handle(id, default));

    /// <summary>What a run could have written: items, figures, history, messages and audit entries.</summary>
    private static Task<(int Items, int Figures, int Events, int Notifications, int Audit)> Footprint(AppHost host) => host.Query(async d => (
        await d.SupervisionItems.CountAsync(),
        await d.Set<SupervisionItemIndicator>().CountAsync(),
        await d.SupervisionEvents.CountAsync(),
        await d.Notifications.CountAsync(),
        await d.AuditEntries.CountAsync()));

    /// <summary>Once armed, runs a write of its own right after the first commit that a supervision item was part of.</summary>
    private sealed class BetweenBatches : DbTransactionInterceptor
    {
        public bool Armed { get; set; }

        public Func<Task<(decimal?, bool)>>? Write { get; set; }

        public (decimal?, bool)? Outcome { get; private set; }

        public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (Armed && eventData.Context is { } context && context.ChangeTracker.Entries<SupervisionItem>().Any())
            {
                Armed = false;
                Outcome = await Write!();
            }
        }
    }
}
