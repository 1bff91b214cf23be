using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Indicators;

namespace Luoshi.Domain.Tests.Evaluation;

/// <summary>Which value a row shows when the requested period is coarser or finer than the indicator's frequency.</summary>
public class ValueRuleTests
{
    [Fact]
    public void MonthlyCumulative_AtAQuarter_UsesTheQuarterEndMonth()
    {
        var row = new Province()
            .Indicator("FAI")
            .Target("FAI", Province.Zhejiang, "2026", 1200)
            .Read("FAI", Province.Zhejiang, "2026-05", 480)
            .Read("FAI", Province.Zhejiang, "2026-06", 620)
            .Row("2026Q2", "FAI", Province.Zhejiang);

        row.Period.ShouldBe(Period.OfQuarter(2026, 2));
        row.ActualPeriod.ShouldBe(Period.OfMonth(2026, 6));
        row.Actual.ShouldBe(620);
        row.Expected.ShouldBe(600);
        row.ReasonZh.ShouldEndWith(";采用2026-06数据");
        row.ReasonEn.ShouldEndWith("; using 2026-06 data");
    }

    [Fact]
    public void MonthlyLevel_AtAYear_UsesDecember()
    {
        var row = new Province()
            .Rate("RATE")
            .Read("RATE", Province.Zhejiang, "2026-11", 4.1)
            .Read("RATE", Province.Zhejiang, "2026-12", 4.3)
            .Row("2026", "RATE", Province.Zhejiang);

        row.ActualPeriod.ShouldBe(Period.OfMonth(2026, 12));
        row.Actual.ShouldBe(4.3);
    }

    [Fact]
    public void QuarterlyIndicator_AtAMonth_UsesTheLatestEndedQuarter()
    {
        // May: Q2 has not ended, so Q1 is the latest quarter ending on or before 31 May.
        var row = new Province()
            .Rate("UNEMPLOYMENT", direction: Direction.Lower, frequency: Frequency.Quarter)
            .Target("UNEMPLOYMENT", Province.Zhejiang, "2026", 5.5m, TargetQualifier.AtMost)
            .Read("UNEMPLOYMENT", Province.Zhejiang, "2026Q1", 4.9)
            .Row("2026-05", "UNEMPLOYMENT", Province.Zhejiang);

        row.ActualPeriod.ShouldBe(Period.OfQuarter(2026, 1));
        row.Actual.ShouldBe(4.9);
        row.Status.ShouldBe(EvaluationStatus.Green);
        row.ReasonZh.ShouldEndWith("采用2026Q1数据");
        row.ReasonEn.ShouldEndWith("using 2026Q1 data");
    }

    [Fact]
    public void QuarterlyIndicator_BeforeTheFirstQuarterEnds_HasNoPeriodYet()
    {
        // February: no quarter of 2026 has ended, and last year's Q4 is no progress towards this year's target.
        var row = new Province()
            .Rate("UNEMPLOYMENT", frequency: Frequency.Quarter)
            .Target("UNEMPLOYMENT", Province.Zhejiang, "2026", 5.5m, TargetQualifier.AtMost)
            .Read("UNEMPLOYMENT", Province.Zhejiang, "2025Q4", 4.9)
            .Row("2026-02", "UNEMPLOYMENT", Province.Zhejiang, asOf: "2026-12-31");

        row.ActualPeriod.ShouldBeNull();
        row.Actual.ShouldBeNull();
        row.Status.ShouldBe(EvaluationStatus.None);
        row.Explain().Kind.ShouldBe(ReasonKind.NoPeriodYet);
        row.ReasonZh.ShouldBe("2026-02尚无已结束的季度数据期");
        row.ReasonEn.ShouldBe("no quarterly period has ended by 2026-02");
    }

    [Fact]
    public void PeriodValues_AtAQuarter_AreSummed()
    {
        // April 10 + May 20 + June 30 = 60 against a Q2 target of 55.
        var row = new Province()
            .Indicator("EXPORTS", valueKind: ValueKind.Period)
            .Target("EXPORTS", Province.Zhejiang, "2026Q2", 55)
            .Read("EXPORTS", Province.Zhejiang, "2026-04", 10)
            .Read("EXPORTS", Province.Zhejiang, "2026-05", 20)
            .Read("EXPORTS", Province.Zhejiang, "2026-06", 30)
            .Row("2026Q2", "EXPORTS", Province.Zhejiang);

        row.Actual.ShouldBe(60);
        row.ActualPeriod.ShouldBe(Period.OfQuarter(2026, 2));
        row.Target.ShouldBe(55m);
        row.TargetPeriod.ShouldBe(Period.OfQuarter(2026, 2));
        row.Status.ShouldBe(EvaluationStatus.Green);
        row.ReasonZh.ShouldBe("本期60亿元,2026Q2目标55亿元以上,达到目标");
    }

    [Fact]
    public void PeriodValues_WithAMonthMissing_HaveNoSumAndSayWhich()
    {
        var row = new Province()
            .Indicator("EXPORTS", valueKind: ValueKind.Period)
            .Target("EXPORTS", Province.Zhejiang, "2026", 200)
            .Read("EXPORTS", Province.Zhejiang, "2026-04", 10)
            .Read("EXPORTS", Province.Zhejiang, "2026-06", 30)
            .Row("2026Q2", "EXPORTS", Province.Zhejiang, asOf: "2026-08-01");

        row.Actual.ShouldBeNull();
        row.Status.ShouldBe(EvaluationStatus.Grey);
        var reason = row.Explain();
        reason.Issue.ShouldBe(ValueIssue.IncompletePeriod);
        reason.Detail.ShouldBe("2026-05");
        row.ReasonZh.ShouldBe("2026Q2数据应于2026-07-20前报送,截至2026-08-01未报送,2026-05缺数,无法合计");
        row.ReasonEn.ShouldEndWith("; 2026-05 is missing, so there is no total");
    }

    [Fact]
    public void TargetWithoutAnyData_StillGetsARow_AndYearOutsideTheData()
    {
        var result = new Province()
            .Indicator("FAI")
            .Target("FAI", Province.Zhejiang, "2030", 900)
            .Evaluate("2030-06", asOf: "2030-07-01");

        var row = result.Find("FAI", Province.Zhejiang).ShouldNotBeNull();
        row.Status.ShouldBe(EvaluationStatus.None);
        result.Rows.Count.ShouldBe(1);
    }
}
