using Luoshi.Domain.Policies;

namespace Luoshi.Domain.Tests.Policies;

public sealed class PolicyMetricsTests
{
    private static readonly DateOnly AsOf = new(2026, 3, 10);

    private static DateOnly D(int month, int day) => new(2026, month, day);

    private static CaseFacts Case(string enterprise, DateOnly applied, CaseStatus status, decimal? approved, DateOnly? paidOn, decimal? paid, int limit) =>
        new(enterprise, applied, status, approved, paidOn, paid, limit);

    private static CaseFacts[] Cases() =>
    [
        // Paid on the 5th working day after the application (14 Feb worked, 15–23 Feb off): on time within 5.
        Case("E1", D(2, 13), CaseStatus.Paid, 10, D(2, 27), 10, 5),
        // Paid on the 6th (the make-up Saturday 28 Feb): late.
        Case("E2", D(2, 13), CaseStatus.Paid, 20, D(2, 28), 15, 5),
        // Approved, unpaid; its 5 working days ended on Monday 9 March: overdue on the 10th.
        Case("E1", D(3, 2), CaseStatus.Approved, 30, null, null, 5),
        // Applied, not yet due.
        Case("E3", D(3, 4), CaseStatus.Applied, null, null, null, 10),
        // Rejected: neither approved nor overdue.
        Case("E4", D(2, 2), CaseStatus.Rejected, null, null, null, 5),
        // Applied after the day: not counted at all.
        Case("E5", D(3, 11), CaseStatus.Applied, null, null, null, 5),
        // Paid after the day: approved then, due on 16 March, not overdue.
        Case("E6", D(3, 2), CaseStatus.Paid, 40, D(3, 12), 40, 10),
        // Paid the same day, nothing owed: on time, but no enterprise reached.
        Case("E7", D(2, 24), CaseStatus.Paid, 0, D(2, 24), 0, 0),
    ];

    [Fact]
    public void Summarize_GivesEveryFigureFromItsInputs()
    {
        var f = PolicyMetrics.Summarize(Cases(), WorkingCalendarTests.SpringFestival2026(), AsOf,
            [DeliveryMode.Automatic, DeliveryMode.Application, DeliveryMode.Application, DeliveryMode.Instant], budget: 200);

        f.Cases.ShouldBe(7);
        f.ApprovedAmount.ShouldBe(100m);          // 10 + 20 + 30 + 40 + 0 (the rejected and the applied carry none)
        f.PaidAmount.ShouldBe(25m);               // 10 + 15 + 0; E6's 40 came after the day
        f.PayoutRate.ShouldBe(25);
        f.PaidCases.ShouldBe(3);
        f.AvgDaysToPay!.Value.ShouldBe(11.0 / 3, 1e-9);   // (5 + 6 + 0) ÷ 3
        f.PaidOnTime.ShouldBe(2);
        f.OnTimeRate!.Value.ShouldBe(200.0 / 3, 1e-9);
        f.Overdue.ShouldBe(1);
        f.Enterprises.ShouldBe(2);                // E1 and E2; E7 was paid nothing
        f.Measures.ShouldBe(4);
        f.AutomaticMeasures.ShouldBe(1);
        f.AutoShare.ShouldBe(25);
        f.Budget.ShouldBe(200m);
        f.BudgetExecution.ShouldBe(12.5);
        f.Reason.Zh.ShouldContain("兑现率25.0%");
        f.Reason.Zh.ShouldContain("逾期未兑现1件");
        f.Reason.En.ShouldContain("25 of 100");
        f.Reason.En.ShouldContain("budget 200, executed 12.5%");
    }

    [Fact]
    public void Summarize_CountsTheHolidayAsNoTime_OnlyWithTheCalendar()
    {
        // Weekends only, E1's 27 February is the 10th working day after 13 February: late against 5.
        var f = PolicyMetrics.Summarize(Cases(), WorkingCalendar.WeekendsOnly, AsOf);
        f.AvgDaysToPay!.Value.ShouldBe((10.0 + 10 + 0) / 3, 1e-9);   // 28 Feb is an ordinary Saturday then
        f.PaidOnTime.ShouldBe(1);
    }

    [Fact]
    public void Summarize_GivesNoRateOverNothing()
    {
        var f = PolicyMetrics.Summarize([], WorkingCalendar.WeekendsOnly, AsOf, [], budget: 0);
        f.Cases.ShouldBe(0);
        f.PayoutRate.ShouldBeNull();
        f.AvgDaysToPay.ShouldBeNull();
        f.OnTimeRate.ShouldBeNull();
        f.AutoShare.ShouldBeNull();
        f.BudgetExecution.ShouldBeNull();
        f.Reason.En.ShouldContain("—");
    }

    [Fact]
    public void Summarize_LeavesOutWhatWasNotAskedFor()
    {
        var f = PolicyMetrics.Summarize(Cases(), WorkingCalendar.WeekendsOnly, AsOf);
        f.AutoShare.ShouldBeNull();
        f.Budget.ShouldBeNull();
        f.BudgetExecution.ShouldBeNull();
        f.Reason.Zh.ShouldNotContain("预算");
    }

    [Fact]
    public void Timing_ReadsAPaymentAfterTheDayAsNotYetMade()
    {
        var t = PolicyMetrics.Timing(Cases()[6], WorkingCalendar.WeekendsOnly, AsOf);
        t.Status.ShouldBe(CaseStatus.Approved);
        t.DaysToPay.ShouldBeNull();
        t.Deadline.ShouldBe(D(3, 16));
        t.Overdue.ShouldBeFalse();
    }
}
