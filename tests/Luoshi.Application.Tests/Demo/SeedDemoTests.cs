using Luoshi.Application.Common;
using Luoshi.Application.Demo;
using Luoshi.Application.Organization;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Tests.Demo;

public sealed class SeedDemoTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Seed_EmptyDatabase_LoadsTheSyntheticProvince_Once(Db db)
    {
        await using var host = await AppHost.StartAsync(db);

        var summaries = await host.Run<SeedDemo, IReadOnlyList<ImportSummary>>(s => s.Handle(null, default));
        var again = await host.Run<SeedDemo, IReadOnlyList<ImportSummary>>(s => s.Handle(null, default));

        summaries.Select(s => s.Kind).ShouldBe(["orgs", "indicators", "plans", "targets", "readings", "projects", "projectPlans", "projectProgress", "targets", "holidays", "policies", "policyMeasures", "policyCases"]);
        again.ShouldBeEmpty();
        (await host.Query(d => d.OrgUnits.CountAsync(u => u.Kind == OrgUnitKind.City))).ShouldBe(11);
        (await host.Query(d => d.OrgUnits.CountAsync(u => u.Kind == OrgUnitKind.County))).ShouldBeInRange(80, 100);
        (await host.Query(d => d.OrgUnits.Where(u => u.Kind == OrgUnitKind.Reference).Select(u => u.Code).ToListAsync())).ShouldBe(["100000", "310000", "320000"], ignoreOrder: true);
        (await host.Query(d => d.Indicators.CountAsync())).ShouldBeGreaterThanOrEqualTo(40);
        (await host.Query(d => d.Indicators.CountAsync(i => i.FormulaText != null))).ShouldBeGreaterThanOrEqualTo(5);
        (await host.Query(d => d.PlanItems.CountAsync(p => p.Kind == Domain.Plans.PlanItemKind.Programme))).ShouldBe(10);
        (await host.Query(d => d.Readings.CountAsync(r => r.Source != Domain.Indicators.ReadingSource.Computed))).ShouldBe(summaries[4].Rows);
        // The major-project investment indicator is computed from the projects' progress, the policy delivery ones from the cases, not typed.
        (await host.Query(d => d.Readings.Where(r => r.Source == Domain.Indicators.ReadingSource.Computed).Select(r => r.IndicatorId).Distinct()
            .Join(d.Indicators, id => id, i => i.Id, (_, i) => i.Code).ToListAsync())).ShouldBe(
            [Luoshi.Application.Projects.ProjectInvestmentFeed.IndicatorCode, Application.Policies.PolicyDeliveryFeed.PayoutRateCode, Application.Policies.PolicyDeliveryFeed.DaysToPayCode], ignoreOrder: true);
        // … and judged against their targets, the province on its own figure.
        var payout = await host.Run<Application.Evaluation.EvaluateIndicator, IReadOnlyList<Application.Evaluation.EvaluationRowView>>(e => e.Handle(Application.Policies.PolicyDeliveryFeed.PayoutRateCode, "330000", null, null, null, default));
        payout.ShouldNotBeEmpty();
        payout.ShouldAllBe(r => !r.RolledUp && r.Target == 90m);
        payout.ShouldContain(r => r.Status != Domain.Evaluation.EvaluationStatus.None && r.Actual > 0);
        (await host.Query(d => d.Projects.CountAsync())).ShouldBeGreaterThan(250);
        (await host.Query(d => d.Settings.SingleAsync(s => s.Key == Data.Setting.Demo))).Value.ShouldBe("true");

        // The "8+4" packages: twelve, a few thousand cases, none applied for after "today", each title marked synthetic.
        (await host.Query(d => d.Policies.Select(p => p.Package).Distinct().CountAsync())).ShouldBe(12);
        (await host.Query(d => d.Policies.AllAsync(p => p.Title.EndsWith("(合成)")))).ShouldBeTrue();
        (await host.Query(d => d.PolicyCases.CountAsync())).ShouldBeInRange(2000, 6000);
        (await host.Query(d => d.PolicyCases.AnyAsync(c => c.Applied > new DateOnly(2026, 7, 25) || c.PaidOn > new DateOnly(2026, 7, 25)))).ShouldBeFalse();
        (await host.Query(d => d.CalendarDays.CountAsync(c => c.Date.Year == 2026))).ShouldBeGreaterThan(20);

        // Nothing is due after "today" (2026-07-25 here): June's figures are due on 20 July, July's on 20 August.
        (await host.Query(d => d.Readings.AnyAsync(r => r.PeriodCode == "2026-06"))).ShouldBeTrue();
        (await host.Query(d => d.Readings.AnyAsync(r => r.PeriodCode == "2026-07"))).ShouldBeFalse();
    }

    [Fact]
    public async Task Seed_CityTotals_EqualTheSumOfTheirCounties_WhereAllReported()
    {
        await using var host = await AppHost.StartAsync(Db.Sqlite);
        await host.Run<SeedDemo, IReadOnlyList<ImportSummary>>(s => s.Handle(null, default));

        var rows = await host.Query(d => (
            from r in d.Readings
            join i in d.Indicators on r.IndicatorId equals i.Id
            join u in d.OrgUnits on r.OrgUnitId equals u.Id
            where i.Code == "FAI" && r.PeriodCode == "2025-12"
            select new { u.Code, u.Path, u.Kind, r.Value }).ToListAsync());

        var city = rows.Single(r => r.Code == "330100");
        var counties = rows.Where(r => r.Kind == OrgUnitKind.County && r.Path.StartsWith(city.Path, StringComparison.Ordinal)).ToList();
        counties.Count.ShouldBeGreaterThan(3);
        counties.Sum(c => c.Value).ShouldBe(city.Value);
        rows.Where(r => r.Kind == OrgUnitKind.City).Sum(r => r.Value).ShouldBe(rows.Single(r => r.Code == "330000").Value);
    }

    [Fact]
    public async Task Seed_IntoADatabaseWithOtherData_IsRefused()
    {
        await using var host = await AppHost.StartAsync(Db.Sqlite);
        await host.Run<ImportOrgUnits, ImportSummary>(i => i.Handle([(2, new OrgRow("440000", "别省", "Province", null))], default));

        await Should.ThrowAsync<ConflictException>(() => host.Run<SeedDemo, IReadOnlyList<ImportSummary>>(s => s.Handle(null, default)));
    }

    [Fact]
    public void Demo_IsDeterministic()
    {
        var today = new DateOnly(2026, 7, 25);

        DemoProvince.Readings(today).Take(5000).ShouldBe(DemoProvince.Readings(today).Take(5000));
        DemoProvince.Targets(2021, 2030).ShouldBe(DemoProvince.Targets(2021, 2030));
    }
}
