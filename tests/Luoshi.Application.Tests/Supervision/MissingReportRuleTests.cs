using Luoshi.Application.Reporting;
using Luoshi.Application.Supervision;
using Luoshi.Domain.Common;
using Luoshi.Domain.Reporting;
using Luoshi.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Tests.Supervision;

/// <summary>
/// The missing-report rule reads the reporting calendar: 330100, 330102 and 330103 report FAI monthly (due on
/// the 20th of the following month). 330102 submitted January to June; 330103 missed March and June; 330100
/// opened its June report but never submitted it. As of 2026-07-25 June is the latest month owed.
/// </summary>
public sealed class MissingReportRuleTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AReportMissingPastItsDueDate_OpensOneDraftForTheUnit_OnceAndNotBeforeTheDueDate(Db db)
    {
        await using var host = await Seeded(db);

        var onTheDueDay = await Missing(host, new DateOnly(2026, 7, 20));
        var result = await Rules(host, new DateOnly(2026, 7, 25));
        var again = await Rules(host, new DateOnly(2026, 7, 25));

        onTheDueDay.ShouldBeEmpty("a report is missing from the day after its due date");
        var opened = result.Opened.Where(o => o.Rule == RunSupervisionRules.MissingReportRule).ToList();
        opened.Select(o => (o.Cause, o.LeadOrg)).ShouldBe([("report-missing:330100", "330100"), ("report-missing:330103", "330103")], ignoreOrder: true);
        again.Opened.ShouldBeEmpty();
        again.AlreadyOpen.ShouldBeGreaterThanOrEqualTo(2);

        var item = await host.Run<GetSupervisionItem, SupervisionItemView>(g => g.Handle(opened.Single(o => o.LeadOrg == "330103").Id!.Value, default));
        (item.State, item.Source, item.SupervisingOrg).ShouldBe((SupervisionState.Draft, SupervisionSource.MissingReport, "330000"));
        item.Title.ShouldContain("2026-06");
        item.Title.ShouldContain("2026-07-20");
        item.Description!.ShouldContain("2026-03", customMessage: "the other months still missing this year are named");
        item.Deadline.ShouldBe(new DateOnly(2026, 8, 24));
        item.Cause.ShouldBe("report-missing:330103#2026-06");
        var notice = await host.Query(d => d.Notifications.CountAsync(n => n.Kind == "opened"));
        notice.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ALaterMonthMissing_WaitsWhileTheUnitsItemIsOpen_AndOpensAnewOnceItIsFinished(Db db)
    {
        await using var host = await Seeded(db);
        var june = (await Rules(host, new DateOnly(2026, 7, 25))).Opened.Where(o => o.Rule == RunSupervisionRules.MissingReportRule).ToList();

        // 330103's item is withdrawn; July is missing everywhere but at 330102.
        await SupervisionSeed.Transition(host, june.Single(o => o.LeadOrg == "330103").Id!.Value, SupervisionAction.Cancel, "已电话催报");
        await Submit(host, "330102", Period.OfMonth(2026, 7), new DateOnly(2026, 8, 18));
        var july = await Missing(host, new DateOnly(2026, 8, 25));

        july.ShouldHaveSingleItem().LeadOrg.ShouldBe("330103", "330100's June item is still open, so July waits for it");
        july[0].Title.ShouldContain("2026-07");
    }

    private static async Task<AppHost> Seeded(Db db)
    {
        var host = await SupervisionSeed.StartAsync(db);
        foreach (var org in new[] { "330100", "330102", "330103" })
        {
            await host.Run<ReportingSetup, AssignmentView>(s => s.Assign(new("FAI", org), default));
        }

        for (int month = 1; month <= 6; month++)
        {
            var period = Period.OfMonth(2026, month);
            var due = period.DueDate();
            await Submit(host, "330102", period, due);
            if (month is not (3 or 6))
            {
                await Submit(host, "330103", period, due.AddDays(2));
            }

            if (month < 6)
            {
                await Submit(host, "330100", period, due);
            }
        }

        // Opened, never submitted: still missing.
        await host.Query(async d =>
        {
            var unit = await d.OrgUnits.Where(u => u.Code == "330100").Select(u => u.Id).SingleAsync();
            d.Reports.Add(Report.Open(unit, Period.OfMonth(2026, 6), Period.OfMonth(2026, 6).DueDate()));
            return await d.SaveChangesAsync();
        });
        return host;
    }

    private static Task<int> Submit(AppHost host, string org, Period period, DateOnly on) => host.Query(async d =>
    {
        var unit = await d.OrgUnits.Where(u => u.Code == org).Select(u => u.Id).SingleAsync();
        var report = Report.Open(unit, period, period.DueDate());
        report.Submit(Stamp.Of("reporter", new DateTimeOffset(on.ToDateTime(new TimeOnly(16, 0)), TimeSpan.FromHours(8))), on, onBehalf: false);
        d.Reports.Add(report);
        return await d.SaveChangesAsync();
    });

    private static Task<RunSupervisionRules.Result> Rules(AppHost host, DateOnly asOf) =>
        host.Run<RunSupervisionRules, RunSupervisionRules.Result>(r => r.Handle(asOf, default));

    private static async Task<List<RunSupervisionRules.Opened>> Missing(AppHost host, DateOnly asOf) =>
        [.. (await Rules(host, asOf)).Opened.Where(o => o.Rule == RunSupervisionRules.MissingReportRule)];
}
