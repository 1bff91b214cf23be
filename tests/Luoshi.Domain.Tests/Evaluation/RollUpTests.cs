using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Indicators;

namespace Luoshi.Domain.Tests.Evaluation;

public class RollUpTests
{
    [Fact]
    public void Sum_WithPartialCoverage_CountsReportingChildren()
    {
        // 上城 30, 拱墅 silent → 杭州 = 30 from 1 of 2 districts; province = 杭州 30 + 宁波 50 = 80 from 2 of 2 cities.
        var result = new Province()
            .Indicator("FAI")
            .Target("FAI", Province.Hangzhou, "2026", 100)
            .Read("FAI", Province.Shangcheng, "2026-06", 30)
            .Read("FAI", Province.Ningbo, "2026-06", 50)
            .Evaluate("2026-06");

        var hangzhou = result.Find("FAI", Province.Hangzhou).ShouldNotBeNull();
        hangzhou.Actual.ShouldBe(30);
        hangzhou.IsRolledUp.ShouldBeTrue();
        hangzhou.ChildrenReported.ShouldBe(1);
        hangzhou.ChildrenTotal.ShouldBe(2);
        hangzhou.ReasonZh.ShouldContain("由下级汇总,1/2个单位已报送,覆盖不全");
        hangzhou.ReasonEn.ShouldContain("summed from subordinate units, 1 of 2 reported (incomplete)");

        var province = result.Find("FAI", Province.Zhejiang).ShouldNotBeNull();
        province.Actual.ShouldBe(80);
        province.ChildrenReported.ShouldBe(2);
        // The department never reports FAI, so it does not count as missing.
        province.ChildrenTotal.ShouldBe(2);
        province.ReasonZh.ShouldContain("由下级2个单位汇总");

        // A unit with neither value nor target has no row.
        result.Find("FAI", Province.Gongshu).ShouldBeNull();
    }

    [Fact]
    public void Sum_WithNoChildReporting_IsGreyAndSaysSo()
    {
        var row = new Province()
            .Indicator("FAI")
            .Target("FAI", Province.Hangzhou, "2026", 100)
            .Read("FAI", Province.Ningbo, "2026-06", 50)
            .Read("FAI", Province.Shangcheng, "2026-05", 20)
            .Row("2026-06", "FAI", Province.Hangzhou, asOf: "2026-08-01");

        row.Status.ShouldBe(EvaluationStatus.Grey);
        row.ChildrenReported.ShouldBe(0);
        row.ChildrenTotal.ShouldBe(2);
        row.ReasonZh.ShouldEndWith(",下级0/2个单位已报送");
        row.ReasonEn.ShouldEndWith("; 0 of 2 subordinate units reported");
    }

    [Fact]
    public void OwnReading_BeatsTheSumOfChildren()
    {
        // The province's official 1000 wins over 杭州 300 + 宁波 500.
        var row = new Province()
            .Indicator("FAI")
            .Read("FAI", Province.Zhejiang, "2026-06", 1000)
            .Read("FAI", Province.Hangzhou, "2026-06", 300)
            .Read("FAI", Province.Ningbo, "2026-06", 500)
            .Row("2026-06", "FAI", Province.Zhejiang);

        row.Actual.ShouldBe(1000);
        row.IsRolledUp.ShouldBeFalse();
        row.ChildrenTotal.ShouldBe(0);
    }

    [Fact]
    public void AggregationNone_TakesOnlyTheUnitsOwnReading()
    {
        var result = new Province()
            .Rate("RATE")
            .Read("RATE", Province.Hangzhou, "2026-06", 4)
            .Read("RATE", Province.Ningbo, "2026-06", 6)
            .Evaluate("2026-06");

        result.Find("RATE", Province.Zhejiang).ShouldBeNull();
    }

    [Fact]
    public void DerivedShare_RollsUpAsSumOfNumeratorsOverSumOfDenominators()
    {
        // 上城 30/100 = 30%, 拱墅 10/300 = 3.33%: 杭州 = (30 + 10)/(100 + 300) = 10%, not the average of shares (16.67%).
        var province = SharesProvince()
            .Read("PRIVATE_INV", Province.Shangcheng, "2026-06", 30).Read("FAI", Province.Shangcheng, "2026-06", 100)
            .Read("PRIVATE_INV", Province.Gongshu, "2026-06", 10).Read("FAI", Province.Gongshu, "2026-06", 300);
        var result = province.Evaluate("2026-06");

        var hangzhou = result.Find("PRIVATE_SHARE", Province.Hangzhou).ShouldNotBeNull();
        hangzhou.Actual!.Value.ShouldBe(10, 1e-9);
        Math.Abs(hangzhou.Actual!.Value - ((30.0 + (10.0 / 3)) / 2)).ShouldBeGreaterThan(6);
        hangzhou.IsDerived.ShouldBeTrue();
        hangzhou.IsRolledUp.ShouldBeTrue();
        hangzhou.ReasonZh.ShouldContain("按PRIVATE_INV / FAI * 100计算:PRIVATE_INV=40、FAI=400");
        hangzhou.ReasonEn.ShouldContain("computed as PRIVATE_INV / FAI * 100 from PRIVATE_INV=40, FAI=400");
        result.Find("PRIVATE_SHARE", Province.Shangcheng)!.Value.Actual!.Value.ShouldBe(30, 1e-9);
        result.Find("PRIVATE_SHARE", Province.Shangcheng)!.Value.IsRolledUp.ShouldBeFalse();
    }

    [Fact]
    public void Derived_AtAQuarter_UsesTheInputsAtTheQuarter()
    {
        // Period-kind shares do not add: Q2 share = (10 + 30)/(100 + 100) = 20%, not 10% + 30%.
        var row = new Province()
            .Indicator("PART", valueKind: ValueKind.Period)
            .Indicator("WHOLE", valueKind: ValueKind.Period)
            .Indicator("PART_SHARE", "%", valueKind: ValueKind.Period, aggregation: Aggregation.Formula, formula: "PART / WHOLE * 100", decimals: 1)
            .Read("PART", Province.Zhejiang, "2026-04", 10).Read("WHOLE", Province.Zhejiang, "2026-04", 100)
            .Read("PART", Province.Zhejiang, "2026-05", 0).Read("WHOLE", Province.Zhejiang, "2026-05", 0)
            .Read("PART", Province.Zhejiang, "2026-06", 30).Read("WHOLE", Province.Zhejiang, "2026-06", 100)
            .Row("2026Q2", "PART_SHARE", Province.Zhejiang);

        row.Actual!.Value.ShouldBe(20, 1e-9);
    }

    [Fact]
    public void Derived_DivisionByZero_HasNoValueAndSaysWhy()
    {
        var row = SharesProvince()
            .Target("PRIVATE_SHARE", Province.Ningbo, "2026", 40)
            .Read("PRIVATE_INV", Province.Ningbo, "2026-06", 5).Read("FAI", Province.Ningbo, "2026-06", 0)
            .Row("2026-06", "PRIVATE_SHARE", Province.Ningbo, asOf: "2026-08-01");

        row.Actual.ShouldBeNull();
        row.Status.ShouldBe(EvaluationStatus.Grey);
        var reason = row.Explain();
        reason.Issue.ShouldBe(ValueIssue.DivisionByZero);
        reason.Inputs.ShouldBe([new FormulaInput("PRIVATE_INV", 5, false), new FormulaInput("FAI", 0, false)]);
        row.ReasonZh.ShouldEndWith(",PRIVATE_INV / FAI * 100除数为零(PRIVATE_INV=5、FAI=0)");
        row.ReasonEn.ShouldEndWith("; division by zero in PRIVATE_INV / FAI * 100 (PRIVATE_INV=5, FAI=0)");
    }

    [Fact]
    public void Derived_MissingInput_NamesTheInput()
    {
        var row = SharesProvince()
            .Target("PRIVATE_SHARE", Province.Ningbo, "2026", 40)
            .Read("PRIVATE_INV", Province.Ningbo, "2026-06", 5)
            .Row("2026-06", "PRIVATE_SHARE", Province.Ningbo, asOf: "2026-06-30");

        row.Status.ShouldBe(EvaluationStatus.None);
        row.Explain().Issue.ShouldBe(ValueIssue.MissingInput);
        row.Explain().Detail.ShouldBe("FAI");
        row.ReasonZh.ShouldBe("2026-06数据未到报送期限(2026-07-20),缺少FAI的数据");
        row.ReasonEn.ShouldBe("2026-06 data is not due yet (due 2026-07-20); no value for FAI");
    }

    [Fact]
    public void NationalFigure_InAFormula_IsReadAtTheNationalUnitForEveryUnit()
    {
        // 宁波 exports 120 of the national 2400 → 5%; 杭州 60 → 2.5%; the province (sum 180) → 7.5%.
        var result = new Province()
            .Indicator("EXPORTS", valueKind: ValueKind.Period)
            .Indicator("NATIONAL_EXPORTS", valueKind: ValueKind.Period)
            .Indicator("EXPORT_SHARE", "%", valueKind: ValueKind.Period, aggregation: Aggregation.Formula, formula: "EXPORTS / NATIONAL_EXPORTS * 100", decimals: 2)
            .Read("NATIONAL_EXPORTS", Province.National, "2026-06", 2400)
            .Read("EXPORTS", Province.Ningbo, "2026-06", 120)
            .Read("EXPORTS", Province.Hangzhou, "2026-06", 60)
            .Evaluate("2026-06");

        result.Find("EXPORT_SHARE", Province.Ningbo)!.Value.Actual!.Value.ShouldBe(5, 1e-9);
        result.Find("EXPORT_SHARE", Province.Hangzhou)!.Value.Actual!.Value.ShouldBe(2.5, 1e-9);
        var province = result.Find("EXPORT_SHARE", Province.Zhejiang).ShouldNotBeNull();
        province.Actual!.Value.ShouldBe(7.5, 1e-9);
        province.ReasonZh.ShouldContain("EXPORTS=180、NATIONAL_EXPORTS(全国)=2400");
        province.ReasonEn.ShouldContain("NATIONAL_EXPORTS (national)=2400");
        result.Snapshot.FindIndicator("NATIONAL_EXPORTS")!.IsNationalFigure.ShouldBeTrue();

        // The national figure itself has a row only at the reference unit.
        result.Rows.Where(r => r.IndicatorCode == "NATIONAL_EXPORTS").Select(r => r.OrgCode).ShouldBe([Province.National]);
    }

    [Fact]
    public void Derived_OwnOfficialReading_WinsOverTheFormula()
    {
        // The province publishes 12% itself; its inputs would give (30 + 10)/(100 + 300) = 10%.
        var row = SharesProvince()
            .Read("PRIVATE_SHARE", Province.Zhejiang, "2026-06", 12)
            .Read("PRIVATE_INV", Province.Shangcheng, "2026-06", 30).Read("FAI", Province.Shangcheng, "2026-06", 100)
            .Read("PRIVATE_INV", Province.Gongshu, "2026-06", 10).Read("FAI", Province.Gongshu, "2026-06", 300)
            .Row("2026-06", "PRIVATE_SHARE", Province.Zhejiang);

        row.Actual.ShouldBe(12);
        row.IsRolledUp.ShouldBeFalse();
        row.ReasonZh.ShouldBe("当前值12.0%,无目标值");
    }

    [Fact]
    public void Derived_OfDerived_IsComputedAfterItsInputs()
    {
        // PRIVATE_SHARE at 上城 = 30/100 × 100 = 30; DOUBLE_SHARE = 30 × 2 = 60.
        var row = SharesProvince()
            .Indicator("DOUBLE_SHARE", "%", valueKind: ValueKind.Level, aggregation: Aggregation.Formula, formula: "PRIVATE_SHARE * 2")
            .Read("PRIVATE_INV", Province.Shangcheng, "2026-06", 30).Read("FAI", Province.Shangcheng, "2026-06", 100)
            .Row("2026-06", "DOUBLE_SHARE", Province.Shangcheng);

        row.Actual!.Value.ShouldBe(60, 1e-9);
    }

    private static Province SharesProvince() => new Province()
        .Indicator("PRIVATE_INV")
        .Indicator("FAI")
        .Indicator("PRIVATE_SHARE", "%", valueKind: ValueKind.Level, aggregation: Aggregation.Formula, formula: "PRIVATE_INV / FAI * 100", decimals: 1);
}
