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

/// <summary>更正申请: an approved value changes only through a request with a reason, decided by a reviewer who did not ask.</summary>
public sealed class RevisionTests
{
    private const string Orgs = "code,name,kind,parent\n330000,测试省,Province,\n330100,甲市,City,330000\n330102,甲一区,County,330100\n";

    private const string Indicators = """
        code,name,unit,direction,frequency,valueKind,aggregation,formula,tolerance,profile
        FAI,固定资产投资,亿元,higher,month,cumulative,sum,,5%,linear
        """;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OnlyAnApprovedValue_NeedsARevision_AndARevisionNeedsAReason(Db db)
    {
        await using var host = await Seeded(db);
        await Write(host, 100m);

        var notLocked = await Should.ThrowAsync<DomainConflictException>(() => Open(host, 120m, "漏报一个项目"));
        notLocked.Field.ShouldBe("state");

        await Approve(host);
        (await Should.ThrowAsync<DomainException>(() => Open(host, 120m, " "))).Field.ShouldBe("reason");
        (await Should.ThrowAsync<InputRefusedException>(() => Open(host, null, "漏报一个项目"))).Errors.ShouldHaveSingleItem().Field.ShouldBe("value");
        await Should.ThrowAsync<NotFoundException>(() => host.Run<Revisions, RevisionView>(r => r.Open(new("FAI", "330102", "2026-05", 1m, "不存在的数据"), default)));
        (await host.Query(d => d.RevisionRequests.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheRequester_CannotDecideTheirOwnRequest(Db db)
    {
        await using var host = await Seeded(db);
        await Write(host, 100m);
        await Approve(host);
        var opened = await Open(host, 120m, "漏报一个项目");

        var e = await Should.ThrowAsync<DomainConflictException>(() => host.Run<Revisions, RevisionView>(r => r.Decide(opened.Id, true, "同意", default)));

        e.Field.ShouldBe("decidedBy");
        (await List(host)).ShouldHaveSingleItem().State.ShouldBe(RevisionState.Pending);
        (await host.Query(d => d.Readings.Select(r => r.Value).SingleAsync())).ShouldBe(100m);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnApprovedRevision_ChangesTheValue_AsANewVersion_AndIsDecidedOnce(Db db)
    {
        await using var host = await Seeded(db);
        await Write(host, 100m);
        await Approve(host);
        await using var reporter = host.SecondServer("reporter", s => s.AddSingleton<ICurrentActor>(new FixedActor("reporter", new ActorGrant(Role.Reporter, "/330000/330100/330102/"))));
        await using var reviewer = host.SecondServer("reviewer", s => s.AddSingleton<ICurrentActor>(new FixedActor("reviewer", new ActorGrant(Role.Reviewer, "/330000/330100/"))));
        var opened = await Open(reporter, 120m, "漏报一个项目");
        (opened.PreviousValue, opened.ProposedValue, opened.RequestedBy).ShouldBe((100m, 120m, "reporter"));

        await Should.ThrowAsync<ForbiddenException>(() => reporter.Run<Revisions, RevisionView>(r => r.Decide(opened.Id, true, null, default)));
        var decided = await reviewer.Run<Revisions, RevisionView>(r => r.Decide(opened.Id, true, "核实无误", default));

        (decided.State, decided.DecidedBy).ShouldBe((RevisionState.Approved, "reviewer"));
        var reading = await host.Query(d => d.Readings.Select(r => new { r.Value, r.State, r.Version }).SingleAsync());
        (reading.Value, reading.State).ShouldBe((120m, ReadingState.Approved));
        var history = await host.Query(d => d.ReadingVersions.OrderBy(v => v.Version).Select(v => v.Value).ToListAsync());
        history.First().ShouldBe(100m, "the value before the revision stays in the history");
        history.Last().ShouldBe(120m);

        (await Should.ThrowAsync<DomainConflictException>(() => reviewer.Run<Revisions, RevisionView>(r => r.Decide(opened.Id, false, "再议", default)))).Field.ShouldBe("state");
        (await host.Query(d => d.Readings.Select(r => r.Value).SingleAsync())).ShouldBe(120m);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ARejectedRevision_LeavesTheValueAsItWas(Db db)
    {
        await using var host = await Seeded(db);
        await Write(host, 100m);
        await Approve(host);
        await using var reporter = host.SecondServer("reporter", s => s.AddSingleton<ICurrentActor>(new FixedActor("reporter", new ActorGrant(Role.Reporter, "/330000/330100/330102/"))));
        var opened = await Open(reporter, 120m, "漏报一个项目");

        var decided = await host.Run<Revisions, RevisionView>(r => r.Decide(opened.Id, false, "依据不足", default));

        (decided.State, decided.DecisionComment).ShouldBe((RevisionState.Rejected, "依据不足"));
        var reading = await host.Query(d => d.Readings.Select(r => new { r.Value, r.Version }).SingleAsync());
        reading.Value.ShouldBe(100m);
        (await List(host)).ShouldHaveSingleItem().State.ShouldBe(RevisionState.Rejected);
    }

    private static Task<RevisionView> Open(AppHost host, decimal? value, string? reason) =>
        host.Run<Revisions, RevisionView>(r => r.Open(new("FAI", "330102", "2026-07", value, reason), default));

    private static Task<IReadOnlyList<RevisionView>> List(AppHost host) =>
        host.Run<Revisions, IReadOnlyList<RevisionView>>(r => r.List(null, "330100", default));

    private static async Task Approve(AppHost host)
    {
        await host.Run<TransitionReport, ReportView>(t => t.Handle("330102", "2026-07", ReportAction.Submit, null, default));
        await host.Run<TransitionReport, ReportView>(t => t.Handle("330102", "2026-07", ReportAction.Approve, null, default));
    }

    private static Task<IReadOnlyList<ReadingView>> Write(AppHost host, decimal value) =>
        host.Run<WriteReadings, IReadOnlyList<ReadingView>>(w => w.Handle(new([new("FAI", "330102", "2026-07", value)]), ReadingSource.Entry, default));

    private static async Task<AppHost> Seeded(Db db)
    {
        var host = await AppHost.StartAsync(db);
        await Import(host, ImportKind.Orgs, Orgs);
        await Import(host, ImportKind.Indicators, Indicators);
        await host.Run<ReportingSetup, AssignmentView>(s => s.Assign(new("FAI", "330102", Compulsory: true), default));
        return host;
    }

    private static Task<ImportSummary> Import(AppHost host, ImportKind kind, string csv) =>
        host.ImportCsv(kind, csv);
}
