using Luoshi.Application.Notifications;
using Luoshi.Application.Readings;
using Luoshi.Application.Reporting;
using Luoshi.Application.Spreadsheets;
using Luoshi.Application.Tests.Supervision;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Tests.Notifications;

/// <summary>催报 from the reporting calendar: before, on and after the due day, approvals waiting, returns not resubmitted; once per day.</summary>
public sealed class ReportingRemindersTests
{
    private const string Orgs = "code,name,kind,parent\n330000,测试省,Province,\n330100,甲市,City,330000\n330102,甲一区,County,330100\n";

    private const string Indicators = """
        code,name,unit,direction,frequency,valueKind,aggregation,formula,tolerance,profile
        FAI,固定资产投资,亿元,higher,month,cumulative,sum,,5%,linear
        PRIVATE_INV,民间投资,亿元,higher,month,cumulative,sum,,5%,linear
        """;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AMissingReport_IsRemindedBefore_On_AndAfterItsDueDay_OncePerDay(Db db)
    {
        await using var host = await Seeded(db, approveJune: true);

        // The July report is due on 20 August; May's and June's were submitted and approved, so only July is missing.
        var soon = await Remind(host, new DateOnly(2026, 8, 17));
        var again = await Remind(host, new DateOnly(2026, 8, 17));
        var today = await Remind(host, new DateOnly(2026, 8, 20));
        var late = await Remind(host, new DateOnly(2026, 8, 21));
        var quiet = await Remind(host, new DateOnly(2026, 8, 22));
        var lateAgain = await Remind(host, new DateOnly(2026, 8, 24));

        (soon.Queued, again.Queued, again.AlreadyQueued, today.Queued, late.Queued, quiet.Queued, lateAgain.Queued).ShouldBe((1, 0, 1, 1, 1, 0, 1));
        var sent = await Messages(host, "330102");
        sent.Select(n => n.Kind).ShouldBe(["reportDueSoon", "reportDueToday", "reportOverdue", "reportOverdue"]);
        var first = sent[0];
        first.Title.ShouldContain("甲一区");
        first.Title.ShouldContain("2026-07");
        first.Title.ShouldContain("2026-08-20");
        first.Body!.ShouldContain("尚缺2项:固定资产投资、民间投资");
        first.Link.ShouldBe("/reporting/330102/2026-07");
        (await host.Query(d => d.OutboxMessages.CountAsync(m => m.Recipient == "330102"))).ShouldBe(4);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AReportWaitingForApproval_RemindsTheReviewersAbove_AndAReturnedOne_ItsUnitWithTheReason(Db db)
    {
        await using var host = await Seeded(db, approveJune: false);
        await Remind(host, new DateOnly(2026, 7, 27));
        (await Messages(host, "330100")).Count.ShouldBe(2);

        var waiting = await Remind(host, new DateOnly(2026, 7, 28));
        var reviewers = await Messages(host, "330100");

        SupervisionSeed.SetDay(host, new DateOnly(2026, 7, 28));
        await host.Run<TransitionReport, ReportView>(t => t.Handle("330102", "2026-06", ReportAction.Return, "民间投资口径有误", default));
        await Remind(host, new DateOnly(2026, 7, 30));
        var returned = await Remind(host, new DateOnly(2026, 7, 31));
        var unit = await Messages(host, "330102");

        waiting.Queued.ShouldBe(1);
        reviewers.Select(n => n.Kind).ShouldBe(["reportSubmitted", "reportSubmitted", "reportAwaitingApproval"]);
        reviewers[2].Title.ShouldContain("已报送3天");
        reviewers[2].Link.ShouldBe("/reporting/330102/2026-06");
        returned.Queued.ShouldBe(1);
        unit.Select(n => n.Kind).ShouldBe(["reportReturned", "reportReturnedPending"]);
        unit[1].Body!.ShouldContain("民间投资口径有误");
    }

    private static Task<QueueReportingReminders.Result> Remind(AppHost host, DateOnly day) =>
        host.Run<QueueReportingReminders, QueueReportingReminders.Result>(q => q.Handle(day, default));

    private static Task<List<Notification>> Messages(AppHost host, string org) =>
        host.Query(d => d.Notifications.AsNoTracking().Where(n => d.OrgUnits.Any(u => u.Id == n.OrgUnitId && u.Code == org)).OrderBy(n => n.Id).ToListAsync());

    /// <summary>A county reporting two monthly indicators; its May report approved and its June one submitted on 25 July (the host's day).</summary>
    private static async Task<AppHost> Seeded(Db db, bool approveJune)
    {
        var host = await AppHost.StartAsync(db);
        await host.ImportCsv(ImportKind.Orgs, Orgs);
        await host.ImportCsv(ImportKind.Indicators, Indicators);
        await host.Run<ReportingSetup, AssignmentView>(s => s.Assign(new("FAI", "330102", Compulsory: true), default));
        await host.Run<ReportingSetup, AssignmentView>(s => s.Assign(new("PRIVATE_INV", "330102"), default));
        await host.Run<WriteReadings, IReadOnlyList<ReadingView>>(w => w.Handle(new([
            new("FAI", "330102", "2026-05", 60m), new("PRIVATE_INV", "330102", "2026-05", 20m),
            new("FAI", "330102", "2026-06", 80m), new("PRIVATE_INV", "330102", "2026-06", 30m)]), ReadingSource.Entry, default));
        foreach (var (period, approve) in new[] { ("2026-05", true), ("2026-06", approveJune) })
        {
            await host.Run<TransitionReport, ReportView>(t => t.Handle("330102", period, ReportAction.Submit, null, default));
            if (approve)
            {
                await host.Run<TransitionReport, ReportView>(t => t.Handle("330102", period, ReportAction.Approve, null, default));
            }
        }

        return host;
    }
}
