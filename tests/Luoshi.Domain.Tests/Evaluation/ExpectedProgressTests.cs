using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Indicators;

namespace Luoshi.Domain.Tests.Evaluation;

public class ExpectedProgressTests
{
    private const string Fai = "FAI";

    [Theory]
    [InlineData(3, 0.25)]
    [InlineData(6, 0.5)]
    [InlineData(12, 1.0)]
    public void Linear_IsMonthsOverTwelve(int month, double share) => ExpectedProgress.Linear(month).ShouldBe(share, 1e-12);

    [Theory]
    // t = 3/12: 3·(1/16) − 2·(1/64) = 0.1875 − 0.03125 = 0.15625
    [InlineData(3, 0.15625)]
    // t = 1/2: 3/4 − 2/8 = 0.5
    [InlineData(6, 0.5)]
    // t = 9/12: 3·(9/16) − 2·(27/64) = 1.6875 − 0.84375 = 0.84375
    [InlineData(9, 0.84375)]
    [InlineData(12, 1.0)]
    public void SCurve_IsSmoothstepOfTheYear(int month, double share) => ExpectedProgress.SCurve(month).ShouldBe(share, 1e-12);

    [Fact]
    public void Linear_CumulativeAheadOfSchedule_IsGreenWithReasonInBothLanguages()
    {
        // Target 1200 for the year; by June 6/12 = 50% → expected 600. 620 done: (620 − 600)/600 = 3.3% ahead.
        var row = new Province()
            .Indicator(Fai)
            .Target(Fai, Province.Zhejiang, "2026", 1200)
            .Read(Fai, Province.Zhejiang, "2026-06", 620)
            .Row("2026-06", Fai, Province.Zhejiang);

        row.Expected.ShouldBe(600);
        row.TimeShare.ShouldBe(0.5);
        row.ShareSource.ShouldBe(ShareSource.Linear);
        row.Completion!.Value.ShouldBe(620.0 / 1200, 1e-12);
        row.Target.ShouldBe(1200m);
        row.TargetPeriod.ShouldBe(Period.OfYear(2026));
        row.Status.ShouldBe(EvaluationStatus.Green);
        row.ReasonZh.ShouldBe("累计完成620亿元,序时目标600亿元(年度目标1200亿元,时间进度50.0%,线性),超序时3.3%");
        row.ReasonEn.ShouldBe("620 (100 million yuan) done to date against 600 (100 million yuan) expected (annual target 1200 (100 million yuan), 50.0% of the year, linear); 3.3% ahead");
    }

    [Fact]
    public void SCurve_ExpectsLessEarlyInTheYear()
    {
        // March: S-curve share 0.15625 × 1200 = 187.5; linear would expect 300, so 200 is green only on the S-curve.
        var province = new Province()
            .Indicator(Fai, profile: ProgressProfile.SCurve, decimals: 1)
            .Target(Fai, Province.Zhejiang, "2026", 1200)
            .Read(Fai, Province.Zhejiang, "2026-03", 200);

        var row = province.Row("2026-03", Fai, Province.Zhejiang);

        row.Expected!.Value.ShouldBe(187.5, 1e-9);
        row.ShareSource.ShouldBe(ShareSource.SCurve);
        row.Status.ShouldBe(EvaluationStatus.Green);
        row.ReasonZh.ShouldContain("序时目标187.5亿元");
        row.ReasonZh.ShouldContain("S曲线");
        row.ReasonEn.ShouldContain("S-curve");
    }

    [Fact]
    public void Seasonal_AveragesEarlierYearsOfTheUnit()
    {
        // 2024: 400/1000 = 0.40 by June; 2025: 450/1000 = 0.45 → seasonal share 0.425, expected 0.425 × 1200 = 510.
        // 500 done: 10 short of 510 = 2.0% behind, within 5% → yellow (linear would expect 600 → red).
        var row = SeasonalProvince()
            .Read(Fai, Province.Zhejiang, "2024-06", 400).Read(Fai, Province.Zhejiang, "2024-12", 1000)
            .Read(Fai, Province.Zhejiang, "2025-06", 450).Read(Fai, Province.Zhejiang, "2025-12", 1000)
            .Row("2026-06", Fai, Province.Zhejiang);

        row.TimeShare!.Value.ShouldBe(0.425, 1e-12);
        row.Expected!.Value.ShouldBe(510, 1e-9);
        row.ShareSource.ShouldBe(ShareSource.Seasonal);
        row.SeasonalYears.ShouldBe(2);
        row.Status.ShouldBe(EvaluationStatus.Yellow);
        row.ReasonZh.ShouldBe("累计完成500亿元,序时目标510亿元(年度目标1200亿元,时间进度42.5%,季节性,本单位2年平均),落后序时2.0%,在容差5%以内");
        row.ReasonEn.ShouldContain("seasonal, average of 2 earlier years");
        row.ReasonEn.ShouldContain("2.0% behind, within the 5% tolerance");
    }

    [Fact]
    public void Seasonal_YearsWithoutJuneOrDecember_AreSkipped()
    {
        // 2023 lacks December and 2024 has December = 0: neither counts; only 2025 (300/1000 = 0.3) does.
        var row = SeasonalProvince()
            .Read(Fai, Province.Zhejiang, "2023-06", 999)
            .Read(Fai, Province.Zhejiang, "2024-06", 10).Read(Fai, Province.Zhejiang, "2024-12", 0)
            .Read(Fai, Province.Zhejiang, "2025-06", 300).Read(Fai, Province.Zhejiang, "2025-12", 1000)
            .Row("2026-06", Fai, Province.Zhejiang);

        row.TimeShare!.Value.ShouldBe(0.3, 1e-12);
        row.SeasonalYears.ShouldBe(1);
    }

    [Fact]
    public void Seasonal_UnitWithoutHistory_FollowsTheProvince()
    {
        // Ningbo has no earlier years; the province's 2025 pattern 400/1000 = 0.4 → expected 0.4 × 300 = 120.
        var row = SeasonalProvince()
            .Read(Fai, Province.Zhejiang, "2025-06", 400).Read(Fai, Province.Zhejiang, "2025-12", 1000)
            .Target(Fai, Province.Ningbo, "2026", 300)
            .Read(Fai, Province.Ningbo, "2026-06", 120)
            .Row("2026-06", Fai, Province.Ningbo);

        row.Expected!.Value.ShouldBe(120, 1e-9);
        row.ShareSource.ShouldBe(ShareSource.SeasonalFromRoot);
        row.ReasonZh.ShouldContain("季节性,按浙江省1年平均");
        row.ReasonEn.ShouldContain("seasonal, 浙江省's average of 1 earlier years");
    }

    [Fact]
    public void Seasonal_WithoutAnyHistory_FallsBackToLinear()
    {
        var row = SeasonalProvince().Row("2026-06", Fai, Province.Zhejiang);

        row.TimeShare.ShouldBe(0.5);
        row.Expected.ShouldBe(600);
        row.ShareSource.ShouldBe(ShareSource.SeasonalFallbackLinear);
        row.ReasonZh.ShouldContain("季节性无往年数据,按线性");
    }

    [Fact]
    public void QuarterlyCumulative_UsesTheQuarterEndMonth()
    {
        // Q2 ends in June: 6/12 of 800 = 400; 380 is 5.0% behind — exactly on the tolerance, so yellow.
        var row = new Province()
            .Indicator(Fai, frequency: Frequency.Quarter)
            .Target(Fai, Province.Zhejiang, "2026", 800)
            .Read(Fai, Province.Zhejiang, "2026Q2", 380)
            .Row("2026Q2", Fai, Province.Zhejiang);

        row.TimeShare.ShouldBe(0.5);
        row.Expected.ShouldBe(400);
        row.Status.ShouldBe(EvaluationStatus.Yellow);
    }

    [Fact]
    public void QuarterTarget_IsTheYearToDateDueByTheQuarterEnd()
    {
        // Q1 target 250 (year-to-date by March). In February linear shares are 2/12 and 3/12: expected 250 × (2/12)/(3/12) = 166.67.
        var province = new Province()
            .Indicator(Fai)
            .Target(Fai, Province.Zhejiang, "2026", 1200)
            .Target(Fai, Province.Zhejiang, "2026Q1", 250)
            .Read(Fai, Province.Zhejiang, "2026-02", 170)
            .Read(Fai, Province.Zhejiang, "2026-03", 240);

        var february = province.Row("2026-02", Fai, Province.Zhejiang);
        february.Target.ShouldBe(250m);
        february.TargetPeriod.ShouldBe(Period.OfQuarter(2026, 1));
        february.AnnualTarget.ShouldBe(1200m);
        february.Expected!.Value.ShouldBe(250.0 * 2 / 3, 1e-9);
        february.Completion!.Value.ShouldBe(170.0 / 1200, 1e-12);
        february.Status.ShouldBe(EvaluationStatus.Green);

        // In March the quarter target itself is expected: 240 of 250 is 4% behind → yellow.
        var march = province.Row("2026-03", Fai, Province.Zhejiang);
        march.Expected.ShouldBe(250);
        march.Status.ShouldBe(EvaluationStatus.Yellow);
        march.ReasonZh.ShouldContain("2026Q1目标250亿元,年度目标1200亿元");
    }

    private static Province SeasonalProvince() => new Province()
        .Indicator(Fai, profile: ProgressProfile.Seasonal)
        .Target(Fai, Province.Zhejiang, "2026", 1200)
        .Read(Fai, Province.Zhejiang, "2026-06", 500);
}
