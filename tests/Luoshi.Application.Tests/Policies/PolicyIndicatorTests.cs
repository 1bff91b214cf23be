using System.Text;
using Luoshi.Application.Evaluation;
using Luoshi.Application.Policies;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Tests.Policies;

/// <summary>The payout rate and days to pay written from the cases as computed readings, and judged against targets.</summary>
public sealed class PolicyIndicatorTests
{
    private const string Indicators = """
        code,name,unit,direction,frequency,valueKind,aggregation,formula,tolerance,profile
        POLICY_PAYOUT_RATE,惠企政策兑现率,%,higher,month,level,none,,2,
        POLICY_DAYS_TO_PAY,惠企政策平均兑现时长,工作日,lower,month,level,none,,1,
        """;

    private const string Targets = """
        indicator,org,year,value,qualifier
        POLICY_PAYOUT_RATE,330102,2026,90,atLeast
        POLICY_PAYOUT_RATE,330100,2026,20,atLeast
        POLICY_DAYS_TO_PAY,330102,2026,10,atMost
        POLICY_DAYS_TO_PAY,330100,2026,5,atMost
        """;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CaseImport_WritesEachRegionsFiguresFromItsSubtree_ForEveryMonthSoFar(Db db)
    {
        await using var host = await Seeded(db);
        var readings = await Readings(host);

        // February's end: 甲一区 paid 10 of 10 in 5 working days, 甲二区 15 of 20 in 6; 甲市 and the province 25 of 30 in 5.5.
        readings[("POLICY_PAYOUT_RATE", "330102", "2026-02")].Value.ShouldBe(100m);
        readings[("POLICY_PAYOUT_RATE", "330103", "2026-02")].Value.ShouldBe(75m);
        readings[("POLICY_PAYOUT_RATE", "330100", "2026-02")].Value.ShouldBe(83.33m);   // 25 ÷ 30, not 175 nor 87.5
        readings[("POLICY_PAYOUT_RATE", "330000", "2026-02")].Value.ShouldBe(83.33m);
        readings[("POLICY_DAYS_TO_PAY", "330100", "2026-02")].Value.ShouldBe(5.5m);
        // March adds 30 approved in 甲一区, 40 in 甲二区 and an application in 甲市 itself: 25 of 100.
        readings[("POLICY_PAYOUT_RATE", "330102", "2026-03")].Value.ShouldBe(25m);
        readings[("POLICY_PAYOUT_RATE", "330100", "2026-03")].Value.ShouldBe(25m);
        // Nothing before the first case, every month that has ended by the clock's 25 July, not July; no department gets one.
        readings.Keys.Where(k => k.Org == "330100").Select(k => k.Period).Distinct().Order().ShouldBe(["2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]);
        readings.Keys.ShouldNotContain(k => k.Org == "CZT" || k.Org == "JXT");
        readings.Values.ShouldAllBe(r => r.Source == ReadingSource.Computed && r.State == ReadingState.Approved && r.Version == 1);
        readings[("POLICY_PAYOUT_RATE", "330100", "2026-03")].Comment!.ShouldStartWith("由当年1–3月申报、月末前已兑现2笔25万元、应兑现100万元计算");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Reimport_AddsAVersionOnlyWhereAFigureChanged(Db db)
    {
        await using var host = await Seeded(db);
        await Cases(host, PolicyImportTests.CasesCsv);
        (await Readings(host)).Values.ShouldAllBe(r => r.Version == 1);

        // 甲一区's land-tax relief is paid on 10 March, six working days after the application.
        await Cases(host, $"measure,enterprise,name,org,applied,status,approvedAmount,paidOn,paidAmount\nM2,{PolicyImportTests.E1},甲公司,330102,2026-03-02,paid,30,2026-03-10,30\n");
        var readings = await Readings(host);
        readings[("POLICY_PAYOUT_RATE", "330102", "2026-02")].Version.ShouldBe(1);
        var march = readings[("POLICY_PAYOUT_RATE", "330102", "2026-03")];
        march.Value.ShouldBe(100m);
        march.Version.ShouldBe(2);
        march.Versions.OrderBy(v => v.Version).First().Value.ShouldBe(25m);
        march.Versions.OrderBy(v => v.Version).Last().Reason!.ShouldContain("政策兑现导入");
        readings[("POLICY_PAYOUT_RATE", "330100", "2026-03")].Value.ShouldBe(55m);   // (25 + 30) ÷ 100
        readings[("POLICY_DAYS_TO_PAY", "330102", "2026-03")].Value.ShouldBe(5.5m);  // (5 + 6) ÷ 2
        readings[("POLICY_PAYOUT_RATE", "330103", "2026-03")].Version.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Evaluation_JudgesTheRegionAndItsParent_OnTheirOwnFigures(Db db)
    {
        await using var host = await Seeded(db);

        var county = await Evaluate(host, "POLICY_PAYOUT_RATE", "330102");
        county.Actual.ShouldBe(25);
        county.RolledUp.ShouldBeFalse();
        county.Status.ShouldBe(EvaluationStatus.Red);       // 25% against 90% 以上
        county.Reason.ShouldContain("90");

        var city = await Evaluate(host, "POLICY_PAYOUT_RATE", "330100");
        city.Actual.ShouldBe(25);                           // its own figure, not its counties' 50
        city.RolledUp.ShouldBeFalse();
        city.Status.ShouldBe(EvaluationStatus.Green);       // 25% against 20% 以上

        var days = await Evaluate(host, "POLICY_DAYS_TO_PAY", "330100");
        days.Actual.ShouldBe(5.5);
        days.Status.ShouldBe(EvaluationStatus.Yellow);      // 5.5 working days against 5 以内, within the tolerance of 1
        days.Reason.ShouldBe("当前值5.50工作日,目标5.00工作日以内,差0.50工作日,在容差1.00工作日以内");
        (await Evaluate(host, "POLICY_DAYS_TO_PAY", "330102")).Status.ShouldBe(EvaluationStatus.Green);
    }

    private static async Task<EvaluationRowView> Evaluate(AppHost host, string indicator, string org) =>
        (await host.Run<EvaluateIndicator, IReadOnlyList<EvaluationRowView>>(e => e.Handle(indicator, org, "2026-03", "2026-03", null, default))).Single();

    private static Task<Dictionary<(string Indicator, string Org, string Period), Reading>> Readings(AppHost host) =>
        host.Query(async d =>
        {
            var rows = await (from r in d.Readings.Include(r => r.Versions)
                              join i in d.Indicators on r.IndicatorId equals i.Id
                              join u in d.OrgUnits on r.OrgUnitId equals u.Id
                              select new { i.Code, Org = u.Code, Reading = r }).ToListAsync();
            return rows.ToDictionary(x => (x.Code, x.Org, x.Reading.PeriodCode), x => x.Reading);
        });

    private static Task<ImportSummary> Cases(AppHost host, string csv) =>
        host.Run<ImportPolicies, ImportSummary>(i => i.FromCsv(PolicyImportKind.PolicyCases, Csv(csv), default));

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<AppHost> Seeded(Db db)
    {
        var host = await AppHost.StartAsync(db);
        await host.ImportCsv(ImportKind.Orgs, PolicyImportTests.Orgs);
        await host.ImportCsv(ImportKind.Indicators, Indicators);
        await host.ImportCsv(ImportKind.Targets, Targets);
        await host.Run<ImportPolicies, ImportSummary>(i => i.FromCsv(PolicyImportKind.Holidays, Csv(PolicyImportTests.HolidaysCsv), default));
        await host.Run<ImportPolicies, ImportSummary>(i => i.FromCsv(PolicyImportKind.Policies, Csv(PolicyImportTests.PoliciesCsv), default));
        await host.Run<ImportPolicies, ImportSummary>(i => i.FromCsv(PolicyImportKind.PolicyMeasures, Csv(PolicyImportTests.MeasuresCsv), default));
        await Cases(host, PolicyImportTests.CasesCsv);
        return host;
    }
}
