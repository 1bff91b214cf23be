using System.Text;
using Luoshi.Application.Common;
using Luoshi.Application.Readings;
using Luoshi.Application.Reporting;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Application.Tests.Reporting;

/// <summary>A unit's monthly report: submit, approve or return, what blocks a submission, and whether it came in on time.</summary>
public sealed class ReportWorkflowTests
{
    private const string Orgs = "code,name,kind,parent\n330000,测试省,Province,\n330100,甲市,City,330000\n330102,甲一区,County,330100\n330200,乙市,City,330000\n";

    private const string Indicators = """
        code,name,unit,direction,frequency,valueKind,aggregation,formula,tolerance,profile
        FAI,固定资产投资,亿元,higher,month,cumulative,sum,,5%,linear
        PRIVATE_INV,民间投资,亿元,higher,month,cumulative,sum,,5%,linear
        """;

    private static readonly string CountyScope = "/330000/330100/330102/";
    private static readonly string CityScope = "/330000/330100/";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SubmitThenApprove_MovesTheReportAndItsValues_AndRecordsWhoActedForWhom(Db db)
    {
        await using var host = await Seeded(db);
        await Write(host, ("FAI", 100m), ("PRIVATE_INV", 40m));
        await using var reporter = As(host, Role.Reporter, CountyScope);
        await using var reviewer = As(host, Role.Reviewer, CityScope);

        var submitted = await Act(reporter, "2026-07", ReportAction.Submit, "按时报送");
        submitted.State.ShouldBe(ReportState.Submitted);
        (await ReadingStates(host)).ShouldBe([ReadingState.Submitted, ReadingState.Submitted]);

        var approved = await Act(reviewer, "2026-07", ReportAction.Approve, null);
        approved.State.ShouldBe(ReportState.Approved);
        (await ReadingStates(host)).ShouldBe([ReadingState.Approved, ReadingState.Approved]);
        approved.Transitions.Select(t => (t.From, t.To, t.Actor, t.OnBehalf)).ShouldBe([
            (ReportState.Draft, ReportState.Submitted, "reporter", false),
            (ReportState.Submitted, ReportState.Approved, "reviewer", false)]);
        approved.Transitions[0].Comment.ShouldBe("按时报送");

        // An admin may act for the unit, and that is recorded as acting on its behalf.
        await host.Run<WriteReadings, IReadOnlyList<ReadingView>>(w => w.Handle(new([new("FAI", "330102", "2026-06", 80m)]), ReadingSource.Entry, default));
        var forTheUnit = await Act(host, "2026-06", ReportAction.Submit, null);
        forTheUnit.Transitions.ShouldHaveSingleItem().OnBehalf.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RefusedTransitions_AreConflictsNamingTheState_AndChangeNothing(Db db)
    {
        await using var host = await Seeded(db);
        await Write(host, ("FAI", 100m));

        var approveDraft = await Should.ThrowAsync<DomainConflictException>(() => Act(host, "2026-07", ReportAction.Approve, null));
        approveDraft.Field.ShouldBe("state");
        approveDraft.Message.ShouldContain("draft");
        (await Should.ThrowAsync<DomainConflictException>(() => Act(host, "2026-07", ReportAction.Return, "数据有误"))).Message.ShouldContain("draft");
        (await Get(host, "2026-07")).Transitions.ShouldBeEmpty();

        await Act(host, "2026-07", ReportAction.Submit, null);
        await Act(host, "2026-07", ReportAction.Approve, null);

        var resubmit = await Should.ThrowAsync<DomainConflictException>(() => Act(host, "2026-07", ReportAction.Submit, null));
        resubmit.Field.ShouldBe("state");
        resubmit.Message.ShouldContain("approved");
        (await Should.ThrowAsync<DomainConflictException>(() => Act(host, "2026-07", ReportAction.Return, "迟到的退回"))).Message.ShouldContain("approved");
        (await Should.ThrowAsync<DomainConflictException>(() => Act(host, "2026-07", ReportAction.Approve, null))).Message.ShouldContain("approved");

        var report = await Get(host, "2026-07");
        report.State.ShouldBe(ReportState.Approved);
        report.Transitions.Count.ShouldBe(2);
        (await ReadingStates(host)).ShouldBe([ReadingState.Approved]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AReturn_NeedsAReason_AndAReturnedReportCanBeSubmittedAgain(Db db)
    {
        await using var host = await Seeded(db);
        await Write(host, ("FAI", 100m));
        await Act(host, "2026-07", ReportAction.Submit, null);

        (await Should.ThrowAsync<DomainException>(() => Act(host, "2026-07", ReportAction.Return, "  "))).Field.ShouldBe("comment");
        (await Get(host, "2026-07")).State.ShouldBe(ReportState.Submitted);

        var returned = await Act(host, "2026-07", ReportAction.Return, "民间投资漏报");
        returned.State.ShouldBe(ReportState.Returned);
        (await ReadingStates(host)).ShouldBe([ReadingState.Returned]);

        var again = await Act(host, "2026-07", ReportAction.Submit, "已补报");
        again.State.ShouldBe(ReportState.Submitted);
        again.Transitions.Select(t => t.To).ShouldBe([ReportState.Submitted, ReportState.Returned, ReportState.Submitted]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AMissingCompulsoryValue_OrABrokenRule_BlocksSubmission_NamingTheIndicator(Db db)
    {
        await using var host = await Seeded(db);
        await host.Run<ReportingSetup, RuleView>(s => s.AddRule(new("R1", RuleKind.Compare, RuleSeverity.Error, "PRIVATE_INV <= FAI", null, null, null, null, "民间投资不能超过固定资产投资"), default));
        await Write(host, ("PRIVATE_INV", 40m));

        var missing = await Should.ThrowAsync<InputRefusedException>(() => Act(host, "2026-07", ReportAction.Submit, null));
        missing.Errors.Select(e => e.Field).ShouldContain("FAI");

        await Write(host, ("FAI", 30m));
        var broken = await Should.ThrowAsync<InputRefusedException>(() => Act(host, "2026-07", ReportAction.Submit, null));
        broken.Errors.ShouldHaveSingleItem().Field.ShouldBe("PRIVATE_INV");
        broken.Errors[0].Message.Bilingual.ShouldContain("[R1]");

        var report = await Get(host, "2026-07");
        report.State.ShouldBe(ReportState.Draft);
        report.Problems.ShouldHaveSingleItem().Severity.ShouldBe(RuleSeverity.Error);
        (await host.Query(d => d.Reports.CountAsync())).ShouldBe(0, "a refused submission opens no report");

        await Write(host, ("FAI", 120m));
        (await Act(host, "2026-07", ReportAction.Submit, null)).State.ShouldBe(ReportState.Submitted);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AWarning_BlocksSubmission_UntilItIsExplainedByAComment(Db db)
    {
        await using var host = await Seeded(db);
        await host.Run<ReportingSetup, RuleView>(s => s.AddRule(new("W1", RuleKind.Compare, RuleSeverity.Warning, "PRIVATE_INV <= FAI", null, null, null, null, "民间投资一般不超过固定资产投资"), default));
        await Write(host, ("FAI", 30m), ("PRIVATE_INV", 40m));

        (await Should.ThrowAsync<InputRefusedException>(() => Act(host, "2026-07", ReportAction.Submit, null))).Errors.ShouldHaveSingleItem().Field.ShouldBe("PRIVATE_INV");
        (await Get(host, "2026-07")).Problems.ShouldHaveSingleItem().Explained.ShouldBeFalse();

        await host.Run<WriteReadings, IReadOnlyList<ReadingView>>(w => w.Handle(new([new("PRIVATE_INV", "330102", "2026-07", 40m, "含一笔跨年结转")]), ReadingSource.Entry, default));

        (await Get(host, "2026-07")).Problems.ShouldHaveSingleItem().Explained.ShouldBeTrue();
        (await Act(host, "2026-07", ReportAction.Submit, null)).State.ShouldBe(ReportState.Submitted);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AReporterSubmits_ButMayNotApprove_NorSubmitForAnotherUnit(Db db)
    {
        await using var host = await Seeded(db);
        await Write(host, ("FAI", 100m));
        await using var reporter = As(host, Role.Reporter, CountyScope);

        await Act(reporter, "2026-07", ReportAction.Submit, null);

        await Should.ThrowAsync<ForbiddenException>(() => Act(reporter, "2026-07", ReportAction.Approve, null));
        await Should.ThrowAsync<ForbiddenException>(() => reporter.Run<TransitionReport, ReportView>(t => t.Handle("330200", "2026-07", ReportAction.Submit, null, default)));
        (await Get(host, "2026-07")).State.ShouldBe(ReportState.Submitted);
        (await host.Query(d => d.Reports.CountAsync())).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Timeliness_IsJudgedAgainstTheDueDate_AsOfToday_AndKeepsTheFirstSubmission(Db db)
    {
        await using var host = await Seeded(db);
        await Write(host, ("FAI", 100m));
        await host.Run<WriteReadings, IReadOnlyList<ReadingView>>(w => w.Handle(new([new("FAI", "330102", "2026-06", 80m)]), ReadingSource.Entry, default));

        // Today is 25 July: June's report was due on 20 July, July's is due on 20 August.
        var june = await Get(host, "2026-06");
        (june.DueDate, june.Timeliness).ShouldBe((new DateOnly(2026, 7, 20), Timeliness.Missing));
        var july = await Get(host, "2026-07");
        (july.DueDate, july.Timeliness).ShouldBe((new DateOnly(2026, 8, 20), Timeliness.NotDue));

        (await Act(host, "2026-06", ReportAction.Submit, null)).Timeliness.ShouldBe(Timeliness.Late);
        var onTime = await Act(host, "2026-07", ReportAction.Submit, null);
        (onTime.Timeliness, onTime.FirstSubmittedOn).ShouldBe((Timeliness.OnTime, new DateOnly(2026, 7, 25)));

        // Returned and submitted again after the deadline, it still came in on time the first time.
        await Act(host, "2026-07", ReportAction.Return, "补充说明");
        host.Clock.Now = new DateTimeOffset(2026, 8, 25, 9, 0, 0, TimeSpan.FromHours(8));
        var again = await Act(host, "2026-07", ReportAction.Submit, null);
        (again.Timeliness, again.FirstSubmittedOn).ShouldBe((Timeliness.OnTime, new DateOnly(2026, 7, 25)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheTimelinessReport_CountsOnTimeLateAndMissingPerUnit_AndNamesUnitsThatNeverSubmitted(Db db)
    {
        await using var host = await Seeded(db);
        await host.Run<ReportingSetup, AssignmentView>(s => s.Assign(new("FAI", "330100"), default));
        await Write(host, ("FAI", 100m));
        await host.Run<WriteReadings, IReadOnlyList<ReadingView>>(w => w.Handle(new([new("FAI", "330102", "2026-06", 80m)]), ReadingSource.Entry, default));
        await Act(host, "2026-06", ReportAction.Submit, null);
        await Act(host, "2026-07", ReportAction.Submit, null);

        var view = await host.Run<TimelinessReport, TimelinessView>(t => t.Handle("2026-05", "2026-07", null, new DateOnly(2026, 7, 25), default));

        view.Units.Select(u => (u.Org, u.OnTime, u.Late, u.Missing)).ShouldBe([("330100", 0, 0, 2), ("330102", 1, 1, 1)]);
        view.Units[1].Cells.Select(c => c.Timeliness).ShouldBe([Timeliness.Missing, Timeliness.Late, Timeliness.OnTime]);
        view.Units[0].Cells[2].Timeliness.ShouldBe(Timeliness.NotDue);
        (view.OnTime, view.Late, view.Missing).ShouldBe((1, 1, 3));
        view.NeverUpdated.ShouldBe(["330100"]);

        var county = await host.Run<TimelinessReport, TimelinessView>(t => t.Handle("2026-05", "2026-07", "330102", new DateOnly(2026, 7, 25), default));
        county.Units.Select(u => u.Org).ShouldBe(["330102"]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheTimelinessReport_RunsOverAtMost36MonthsInOrder(Db db)
    {
        await using var host = await Seeded(db);

        (await Should.ThrowAsync<DomainException>(() => host.Run<TimelinessReport, TimelinessView>(t => t.Handle("2026-07", "2026-05", null, null, default)))).Field.ShouldBe("from");
        (await Should.ThrowAsync<DomainException>(() => host.Run<TimelinessReport, TimelinessView>(t => t.Handle("2026Q1", "2026-05", null, null, default)))).Field.ShouldBe("from");
        (await Should.ThrowAsync<DomainException>(() => host.Run<TimelinessReport, TimelinessView>(t => t.Handle("2023-01", "2026-01", null, null, default)))).Field.ShouldBe("from");
        (await host.Run<TimelinessReport, TimelinessView>(t => t.Handle("2023-02", "2026-01", null, null, default))).Units.ShouldHaveSingleItem().Cells.Count.ShouldBe(36);

        // Without a range: January to the latest month due (June, as of 25 July).
        var current = await host.Run<TimelinessReport, TimelinessView>(t => t.Handle(null, null, null, null, default));
        (current.From, current.To).ShouldBe(("2026-01", "2026-06"));
    }

    private static AppHost As(AppHost host, Role role, string scope) =>
        host.SecondServer(role.ToString().ToLowerInvariant(), s => s.AddSingleton<ICurrentActor>(new FixedActor(role.ToString().ToLowerInvariant(), new ActorGrant(role, scope))));

    private static Task<ReportView> Act(AppHost host, string period, ReportAction action, string? comment) =>
        host.Run<TransitionReport, ReportView>(t => t.Handle("330102", period, action, comment, default));

    private static Task<ReportView> Get(AppHost host, string period) =>
        host.Run<GetReport, ReportView>(g => g.Handle("330102", period, default));

    private static Task<List<ReadingState>> ReadingStates(AppHost host) =>
        host.Query(d => d.Readings.Where(r => r.PeriodCode == "2026-07").OrderBy(r => r.IndicatorId).Select(r => r.State).ToListAsync());

    private static Task<IReadOnlyList<ReadingView>> Write(AppHost host, params (string Indicator, decimal Value)[] cells) =>
        host.Run<WriteReadings, IReadOnlyList<ReadingView>>(w => w.Handle(new([.. cells.Select(c => new WriteReadings.Cell(c.Indicator, "330102", "2026-07", c.Value))]), ReadingSource.Entry, default));

    private static async Task<AppHost> Seeded(Db db)
    {
        var host = await AppHost.StartAsync(db);
        await Import(host, ImportKind.Orgs, Orgs);
        await Import(host, ImportKind.Indicators, Indicators);
        await host.Run<ReportingSetup, AssignmentView>(s => s.Assign(new("FAI", "330102", Compulsory: true), default));
        await host.Run<ReportingSetup, AssignmentView>(s => s.Assign(new("PRIVATE_INV", "330102"), default));
        return host;
    }

    private static Task<ImportSummary> Import(AppHost host, ImportKind kind, string csv) =>
        host.ImportCsv(kind, csv);
}
