using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Indicators;

namespace Luoshi.Domain.Tests.Evaluation;

public class StatusTests
{
    private static readonly Tolerance FivePercent = Tolerance.Parse("5%");
    private static readonly Tolerance Thirty = Tolerance.Parse("30");

    [Theory]
    // Expected 600, 5%: the yellow floor is 600 − 30 = 570.
    [InlineData(630, EvaluationStatus.Green)]
    [InlineData(600, EvaluationStatus.Green)]
    [InlineData(599.99, EvaluationStatus.Yellow)]
    [InlineData(570, EvaluationStatus.Yellow)]
    [InlineData(569.99, EvaluationStatus.Red)]
    public void Higher_RelativeTolerance_Boundaries(double actual, EvaluationStatus status) =>
        StatusRules.ByDirection(actual, 600, Direction.Higher, FivePercent).ShouldBe(status);

    [Theory]
    // Expected 300, absolute 30: floor 270 (a relative 5% would put it at 285).
    [InlineData(300, EvaluationStatus.Green)]
    [InlineData(280, EvaluationStatus.Yellow)]
    [InlineData(270, EvaluationStatus.Yellow)]
    [InlineData(269.9, EvaluationStatus.Red)]
    public void Higher_AbsoluteTolerance_Boundaries(double actual, EvaluationStatus status) =>
        StatusRules.ByDirection(actual, 300, Direction.Higher, Thirty).ShouldBe(status);

    [Theory]
    // Lower is better, expected 100, 5%: at or below 100 green, up to 105 yellow.
    [InlineData(80, EvaluationStatus.Green)]
    [InlineData(100, EvaluationStatus.Green)]
    [InlineData(105, EvaluationStatus.Yellow)]
    [InlineData(105.01, EvaluationStatus.Red)]
    public void Lower_InvertsTheComparison(double actual, EvaluationStatus status) =>
        StatusRules.ByDirection(actual, 100, Direction.Lower, FivePercent).ShouldBe(status);

    [Theory]
    // 以上 5.5, tolerance 0.3 points: 5.2 is the yellow floor.
    [InlineData(5.8, EvaluationStatus.Green)]
    [InlineData(5.5, EvaluationStatus.Green)]
    [InlineData(5.2, EvaluationStatus.Yellow)]
    [InlineData(5.1, EvaluationStatus.Red)]
    public void AtLeast_IsHigherIsBetterAgainstTheTarget(double actual, EvaluationStatus status) =>
        StatusRules.ByQualifier(actual, 5.5, null, TargetQualifier.AtLeast, Direction.Lower, Tolerance.Parse("0.3")).ShouldBe(status);

    [Theory]
    // 以内 3.0, tolerance 0.2: 3.2 is the yellow ceiling.
    [InlineData(2.5, EvaluationStatus.Green)]
    [InlineData(3.0, EvaluationStatus.Green)]
    [InlineData(3.2, EvaluationStatus.Yellow)]
    [InlineData(3.3, EvaluationStatus.Red)]
    public void AtMost_IsLowerIsBetterAgainstTheTarget(double actual, EvaluationStatus status) =>
        StatusRules.ByQualifier(actual, 3.0, null, TargetQualifier.AtMost, Direction.Higher, Tolerance.Parse("0.2")).ShouldBe(status);

    [Theory]
    // 左右 6 ± 0.5: within 0.5 green, within 1.0 yellow; beyond on the good side of the direction green.
    [InlineData(6.4, Direction.Higher, EvaluationStatus.Green)]
    [InlineData(5.5, Direction.Higher, EvaluationStatus.Green)]
    [InlineData(7.2, Direction.Higher, EvaluationStatus.Green)]
    [InlineData(5.4, Direction.Higher, EvaluationStatus.Yellow)]
    [InlineData(5.0, Direction.Higher, EvaluationStatus.Yellow)]
    [InlineData(4.9, Direction.Higher, EvaluationStatus.Red)]
    [InlineData(4.9, Direction.Lower, EvaluationStatus.Green)]
    [InlineData(6.8, Direction.Lower, EvaluationStatus.Yellow)]
    [InlineData(7.2, Direction.Lower, EvaluationStatus.Red)]
    [InlineData(6.8, Direction.Range, EvaluationStatus.Yellow)]
    [InlineData(7.2, Direction.Range, EvaluationStatus.Red)]
    [InlineData(5.2, Direction.Range, EvaluationStatus.Yellow)]
    public void Around_ToleranceEitherSideAndTheGoodSide(double actual, Direction direction, EvaluationStatus status) =>
        StatusRules.ByQualifier(actual, 6, null, TargetQualifier.Around, direction, Tolerance.Parse("0.5")).ShouldBe(status);

    [Theory]
    // Range 2–3, tolerance 0.2: inside green; outside by at most 0.2 yellow.
    [InlineData(2.0, EvaluationStatus.Green)]
    [InlineData(2.5, EvaluationStatus.Green)]
    [InlineData(3.0, EvaluationStatus.Green)]
    [InlineData(3.2, EvaluationStatus.Yellow)]
    [InlineData(1.8, EvaluationStatus.Yellow)]
    [InlineData(1.7, EvaluationStatus.Red)]
    [InlineData(3.25, EvaluationStatus.Red)]
    public void Range_InsideGreenNearYellow(double actual, EvaluationStatus status) =>
        StatusRules.ByQualifier(actual, 2, 3, TargetQualifier.Range, Direction.Range, Tolerance.Parse("0.2")).ShouldBe(status);

    [Fact]
    public void Worst_OrdersRedYellowGreyGreenNone()
    {
        StatusRules.Worst(EvaluationStatus.Grey, EvaluationStatus.Yellow).ShouldBe(EvaluationStatus.Yellow);
        StatusRules.Worst(EvaluationStatus.Green, EvaluationStatus.Grey).ShouldBe(EvaluationStatus.Grey);
        StatusRules.Worst(EvaluationStatus.None, EvaluationStatus.Green).ShouldBe(EvaluationStatus.Green);
        StatusRules.Worst(EvaluationStatus.Red, EvaluationStatus.Yellow).ShouldBe(EvaluationStatus.Red);
    }

    [Fact]
    public void Level_AtLeastTarget_BehindBeyondTolerance_IsRedWithTheGapInPoints()
    {
        // Target 5.5% 以上, tolerance 0.3 points; 5.1 is 0.4 points short → red.
        var row = new Province()
            .Rate("GROWTH", tolerance: "0.3")
            .Target("GROWTH", Province.Zhejiang, "2026", 5.5m)
            .Read("GROWTH", Province.Zhejiang, "2026-06", 5.1)
            .Row("2026-06", "GROWTH", Province.Zhejiang);

        row.Expected.ShouldBe(5.5);
        row.TimeShare.ShouldBeNull();
        row.Status.ShouldBe(EvaluationStatus.Red);
        row.ReasonZh.ShouldBe("当前值5.1%,目标5.5%以上,差0.4个百分点,超出容差0.3个百分点");
        row.ReasonEn.ShouldBe("value 5.1%; target at least 5.5%; 0.4 percentage points off, beyond the 0.3 percentage points tolerance");
    }

    [Fact]
    public void Row_CarriesTheTargetsStretchValue()
    {
        // 1200 以上, 力争 1300.
        var row = new Province()
            .Indicator("FAI")
            .Target("FAI", Province.Zhejiang, "2026", 1200, stretch: 1300)
            .Row("2026-06", "FAI", Province.Zhejiang);

        row.Target.ShouldBe(1200m);
        row.Stretch.ShouldBe(1300m);
        row.TargetUpper.ShouldBeNull();
    }

    [Fact]
    public void Level_AroundTarget_AboveOnTheGoodSide_IsGreen()
    {
        // 6% 左右 ± 0.5 points; 7.0 is above but higher is better.
        var row = new Province()
            .Rate("GDP_GROWTH")
            .Target("GDP_GROWTH", Province.Zhejiang, "2026", 6m, TargetQualifier.Around)
            .Read("GDP_GROWTH", Province.Zhejiang, "2026-06", 7.0)
            .Row("2026-06", "GDP_GROWTH", Province.Zhejiang);

        row.Status.ShouldBe(EvaluationStatus.Green);
        row.Qualifier.ShouldBe(TargetQualifier.Around);
        row.ReasonZh.ShouldBe("当前值7.0%,目标6.0%左右(±0.5个百分点),达到目标");
        row.ReasonEn.ShouldBe("value 7.0%; target around 6.0% (±0.5 percentage points); target met");
    }

    [Fact]
    public void Level_AtMostTarget_AboveWithinTolerance_IsYellow()
    {
        // Unemployment 以内 5.5%, tolerance 0.5 points: 5.8 is 0.3 above → yellow.
        var row = new Province()
            .Rate("UNEMPLOYMENT", direction: Direction.Lower)
            .Target("UNEMPLOYMENT", Province.Zhejiang, "2026", 5.5m, TargetQualifier.AtMost)
            .Read("UNEMPLOYMENT", Province.Zhejiang, "2026-06", 5.8)
            .Row("2026-06", "UNEMPLOYMENT", Province.Zhejiang);

        row.Status.ShouldBe(EvaluationStatus.Yellow);
        row.ReasonZh.ShouldBe("当前值5.8%,目标5.5%以内,差0.3个百分点,在容差0.5个百分点以内");
    }

    [Fact]
    public void Level_RangeTarget_Inside_IsGreen()
    {
        var row = new Province()
            .Rate("CPI", direction: Direction.Range)
            .Target("CPI", Province.Zhejiang, "2026", 2m, TargetQualifier.Range, 3m)
            .Read("CPI", Province.Zhejiang, "2026-06", 2.4)
            .Row("2026-06", "CPI", Province.Zhejiang);

        row.Status.ShouldBe(EvaluationStatus.Green);
        row.TargetUpper.ShouldBe(3m);
        row.RankAmongSiblings.ShouldBeNull();
        row.ReasonZh.ShouldBe("当前值2.4%,目标2.0%–3.0%,达到目标");
    }

    [Fact]
    public void CumulativeLowerIsBetter_BelowExpected_IsGreen()
    {
        // Accidents 以内 120 for the year; by June 60 expected; 50 happened → green; in September (90 expected) 100 → 11.1% above → red.
        var province = new Province()
            .Indicator("ACCIDENTS", "起", Direction.Lower)
            .Target("ACCIDENTS", Province.Zhejiang, "2026", 120, TargetQualifier.AtMost)
            .Read("ACCIDENTS", Province.Zhejiang, "2026-06", 50)
            .Read("ACCIDENTS", Province.Zhejiang, "2026-09", 100);

        var june = province.Row("2026-06", "ACCIDENTS", Province.Zhejiang);
        june.Expected.ShouldBe(60);
        june.Status.ShouldBe(EvaluationStatus.Green);
        june.ReasonZh.ShouldBe("累计完成50起,序时目标60起(年度目标120起,时间进度50.0%,线性),低于序时进度16.7%");
        june.ReasonEn.ShouldContain("50 (incidents) done to date against 60 (incidents) expected");
        june.ReasonEn.ShouldContain("16.7% below the expected (lower is better)");

        var september = province.Row("2026-09", "ACCIDENTS", Province.Zhejiang);
        september.Status.ShouldBe(EvaluationStatus.Red);
        september.ReasonZh.ShouldEndWith("高于序时进度11.1%,超出容差5%");
    }

    [Fact]
    public void CumulativeAtYearEnd_IsJudgedByTheQualifier()
    {
        // 1200 左右 ± 5% (60): the December value 1150 is 50 below → green although below the target.
        var row = new Province()
            .Indicator("OUTPUT", direction: Direction.Range)
            .Target("OUTPUT", Province.Zhejiang, "2026", 1200, TargetQualifier.Around)
            .Read("OUTPUT", Province.Zhejiang, "2026-12", 1150)
            .Row("2026-12", "OUTPUT", Province.Zhejiang, asOf: "2027-02-01");

        row.Status.ShouldBe(EvaluationStatus.Green);
        row.ReasonZh.ShouldBe("全年累计1150亿元,目标1200亿元左右(±60亿元),达到目标");
    }

    [Fact]
    public void NoReading_AfterTheDeadline_IsGrey_BeforeItNone()
    {
        // June's figure is due on 2026-07-20 (the 20th of the following month).
        var province = new Province()
            .Indicator("FAI")
            .Target("FAI", Province.Ningbo, "2026", 500);

        var late = province.Row("2026-06", "FAI", Province.Ningbo, asOf: "2026-07-21");
        late.Status.ShouldBe(EvaluationStatus.Grey);
        late.Actual.ShouldBeNull();
        late.DueDate.ShouldBe(Province.Date("2026-07-20"));
        late.Explain().Kind.ShouldBe(ReasonKind.Overdue);
        late.ReasonZh.ShouldBe("2026-06数据应于2026-07-20前报送,截至2026-07-21未报送");
        late.ReasonEn.ShouldBe("2026-06 data was due by 2026-07-20 and is missing as of 2026-07-21");

        var onTheDay = province.Row("2026-06", "FAI", Province.Ningbo, asOf: "2026-07-20");
        onTheDay.Status.ShouldBe(EvaluationStatus.None);
        onTheDay.Explain().Kind.ShouldBe(ReasonKind.NotYetDue);
        onTheDay.ReasonZh.ShouldBe("2026-06数据未到报送期限(2026-07-20)");
        onTheDay.ReasonEn.ShouldBe("2026-06 data is not due yet (due 2026-07-20)");
    }

    [Fact]
    public void DueDay_OfTheIndicator_MovesTheDeadline()
    {
        var row = new Province()
            .Indicator("FAI", dueDay: 10)
            .Target("FAI", Province.Ningbo, "2026", 500)
            .Row("2026-06", "FAI", Province.Ningbo, asOf: "2026-07-11");

        row.Status.ShouldBe(EvaluationStatus.Grey);
        row.DueDate.ShouldBe(Province.Date("2026-07-10"));
    }

    [Fact]
    public void Value_WithoutTarget_IsNoneWithReason()
    {
        var row = new Province()
            .Indicator("FAI")
            .Read("FAI", Province.Ningbo, "2026-06", 300)
            .Row("2026-06", "FAI", Province.Ningbo);

        row.Status.ShouldBe(EvaluationStatus.None);
        row.Target.ShouldBeNull();
        row.Expected.ShouldBeNull();
        row.Explain().Kind.ShouldBe(ReasonKind.NoTarget);
        row.ReasonZh.ShouldBe("累计完成300亿元,无目标值");
        row.ReasonEn.ShouldBe("300 (100 million yuan) done to date; no target set");
    }
}
