using Luoshi.Domain.Policies;

namespace Luoshi.Domain.Tests.Policies;

public sealed class PolicyDeliveryIndicatorsTests
{
    private static DateOnly D(int month, int day) => new(2026, month, day);

    private static CaseFacts Case(string enterprise, DateOnly applied, CaseStatus status, decimal? approved, DateOnly? paidOn, decimal? paid) =>
        new(enterprise, applied, status, approved, paidOn, paid, 5);

    private static CaseFacts[] Cases() =>
    [
        Case("E1", D(2, 13), CaseStatus.Paid, 10, D(2, 27), 10),         // 5 working days (14 Feb worked, 15–23 Feb off)
        Case("E2", D(2, 13), CaseStatus.Paid, 20, D(2, 28), 15),         // 6: the make-up Saturday 28 Feb counts
        Case("E4", D(2, 2), CaseStatus.Rejected, null, null, null),
        Case("E7", D(2, 24), CaseStatus.Paid, 0, D(2, 24), 0),           // 0
        Case("E1", D(3, 2), CaseStatus.Approved, 30, null, null),
        Case("E3", D(3, 4), CaseStatus.Applied, null, null, null),
        Case("E6", D(3, 2), CaseStatus.Paid, 40, D(3, 12), 40),          // 8: 3–6 and 9–12 March
        Case("E8", new DateOnly(2025, 12, 30), CaseStatus.Paid, 50, D(1, 5), 5), // last year's: not counted in 2026
    ];

    [Fact]
    public void YearToDate_TakesTheRateFromTheSums_AndTheMeanOverThePaidCases_AtEachMonthsEnd()
    {
        var months = PolicyDeliveryIndicators.YearToDate(Cases(), WorkingCalendarTests.SpringFestival2026(), 2026, 3);

        months.Count.ShouldBe(3);
        months[0].Cases.ShouldBe(0);               // January: nothing applied for yet, so no figure
        months[0].PayoutRate.ShouldBeNull();
        months[0].AvgDaysToPay.ShouldBeNull();

        var feb = months[1];
        feb.Cases.ShouldBe(4);
        feb.ApprovedAmount.ShouldBe(30m);          // 10 + 20 + 0; the rejected one carries none
        feb.PaidAmount.ShouldBe(25m);              // 10 + 15 + 0
        feb.PayoutRate.ShouldBe(83.33m);
        feb.PaidCases.ShouldBe(3);
        feb.AvgDaysToPay.ShouldBe(3.67m);          // (5 + 6 + 0) ÷ 3

        var mar = months[2];
        mar.ApprovedAmount.ShouldBe(100m);         // + 30 + 40
        mar.PaidAmount.ShouldBe(65m);
        mar.PayoutRate.ShouldBe(65m);
        mar.AvgDaysToPay.ShouldBe(4.75m);          // (5 + 6 + 0 + 8) ÷ 4
        mar.PayoutRateInputs.Zh.ShouldBe("由当年1–3月申报、月末前已兑现4笔65万元、应兑现100万元计算");
        mar.PayoutRateInputs.En.ShouldContain("4 paid cases, 65 paid of 100 due");
    }

    [Fact]
    public void YearToDate_AgreesWithTheSummaryOnTheSameDay()
    {
        var calendar = WorkingCalendarTests.SpringFestival2026();
        var ofYear = Cases().Where(c => c.Applied.Year == 2026).ToList();
        foreach (var month in PolicyDeliveryIndicators.YearToDate(Cases(), calendar, 2026, 12))
        {
            var summary = PolicyMetrics.Summarize(ofYear, calendar, new DateOnly(2026, month.Month, 1).AddMonths(1).AddDays(-1));
            ((double?)month.PayoutRate).ShouldBe(summary.PayoutRate is { } r ? Math.Round(r, 2, MidpointRounding.AwayFromZero) : null);
            ((double?)month.AvgDaysToPay).ShouldBe(summary.AvgDaysToPay is { } d ? Math.Round(d, 2, MidpointRounding.AwayFromZero) : null);
        }
    }

    [Fact]
    public void ForTree_WorksEachUnitOutFromTheCasesInItsSubtree_NotFromItsChildrensFigures()
    {
        // 1 province ← 2 city ← 3 and 4 counties; 5 a department with no cases.
        var parents = new Dictionary<int, int?> { [1] = null, [2] = 1, [3] = 2, [4] = 2, [5] = 1 };
        var monday = new DateOnly(2026, 1, 5);
        (int, CaseFacts)[] cases =
        [
            (3, Case("A", monday, CaseStatus.Paid, 100, new DateOnly(2026, 1, 7), 100)),   // 2 working days
            (4, Case("B", monday, CaseStatus.Paid, 10, new DateOnly(2026, 1, 19), 10)),    // 10
            (4, Case("C", monday, CaseStatus.Paid, 10, new DateOnly(2026, 1, 21), 10)),    // 12
            (4, Case("D", monday, CaseStatus.Approved, 20, null, null)),
            (4, Case("E", new DateOnly(2025, 6, 1), CaseStatus.Approved, 1000, null, null)), // another year
        ];

        var tree = PolicyDeliveryIndicators.ForTree(cases, parents, WorkingCalendar.WeekendsOnly, 2026, 1);

        tree.Keys.Order().ShouldBe([1, 2, 3, 4]);
        tree[3][0].PayoutRate.ShouldBe(100m);
        tree[4][0].PayoutRate.ShouldBe(50m);        // 20 ÷ 40
        tree[2][0].PayoutRate.ShouldBe(85.71m);     // 120 ÷ 140 — not 150 (a sum) nor 75 (a mean of rates)
        tree[1][0].PayoutRate.ShouldBe(85.71m);
        tree[3][0].AvgDaysToPay.ShouldBe(2m);
        tree[4][0].AvgDaysToPay.ShouldBe(11m);
        tree[2][0].AvgDaysToPay.ShouldBe(8m);       // (2 + 10 + 12) ÷ 3 — not 6.5 (a mean of means)
        tree[1][0].Cases.ShouldBe(4);
    }
}
