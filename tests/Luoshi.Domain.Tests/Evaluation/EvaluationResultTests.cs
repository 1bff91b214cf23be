using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Organization;

namespace Luoshi.Domain.Tests.Evaluation;

public class EvaluationResultTests
{
    [Fact]
    public void Rows_FollowIndicatorOrderThenTreeOrder_AndIncludeReferenceUnits()
    {
        var result = Sample().Evaluate("2026-06", asOf: "2026-07-25");

        result.Rows.Select(r => (r.IndicatorCode, r.OrgCode)).ShouldBe(
        [
            ("FAI", Province.Zhejiang),
            ("FAI", Province.Hangzhou),
            ("FAI", Province.Shangcheng),
            ("FAI", Province.Ningbo),
            ("FAI", Province.National),
            ("RATE", Province.Hangzhou),
            ("RATE", Province.Ningbo),
        ]);
        result.Rows[4].OrgCode.ShouldBe(Province.National);
        result.Rows[6].IndicatorCode.ShouldBe("RATE");
        result.Counts.Total.ShouldBe(7);
    }

    [Fact]
    public void Scope_OfAUnitAndDepth_LimitsTheRows()
    {
        var province = Sample();

        province.Evaluate("2026-06", org: Province.Hangzhou).Rows.Select(r => r.OrgCode).Distinct()
            .ShouldBe([Province.Hangzhou, Province.Shangcheng]);
        province.Evaluate("2026-06", org: Province.Zhejiang, depth: 1).Rows.Select(r => r.OrgCode).Distinct()
            .ShouldBe([Province.Zhejiang, Province.Hangzhou, Province.Ningbo]);
        province.Evaluate("2026-06", org: Province.Zhejiang, depth: 0).Rows.Select(r => r.OrgCode).Distinct()
            .ShouldBe([Province.Zhejiang]);
        province.Evaluate("2026-06", depth: 0).Rows.Select(r => r.OrgCode).Distinct()
            .ShouldBe([Province.Zhejiang, Province.National]);
    }

    [Fact]
    public void RowsWith_ListsRedAndGreyRows()
    {
        var result = Sample().Evaluate("2026-06", asOf: "2026-07-25");

        result.RowsWith(EvaluationStatus.Red).Select(r => r.OrgCode).ShouldBe([Province.Hangzhou]);
        result.RowsWith(EvaluationStatus.Grey).Select(r => (r.IndicatorCode, r.OrgCode)).ShouldBe([("RATE", Province.Ningbo)]);
    }

    [Fact]
    public void LightMatrix_OfTheCities_HasAStatusPerIndicator()
    {
        var result = Sample().Evaluate("2026-06", asOf: "2026-07-25");

        var matrix = result.LightMatrix(OrgUnitKind.City);

        matrix.OrgCodes.ShouldBe([Province.Hangzhou, Province.Ningbo]);
        matrix.IndicatorCodes.ShouldBe(["FAI", "RATE"]);
        matrix[Province.Hangzhou, "FAI"].ShouldBe(EvaluationStatus.Red);
        matrix[Province.Ningbo, "FAI"].ShouldBe(EvaluationStatus.Green);
        matrix[Province.Hangzhou, "RATE"].ShouldBe(EvaluationStatus.Green);
        matrix[Province.Ningbo, "RATE"].ShouldBe(EvaluationStatus.Grey);
        matrix.Cells[1][1].ShouldBe(EvaluationStatus.Grey);
        matrix["nowhere", "FAI"].ShouldBe(EvaluationStatus.None);
    }

    [Fact]
    public void Find_OfAMissingRow_IsNull()
    {
        var result = Sample().Evaluate("2026-06");

        result.Find("FAI", Province.Gongshu).ShouldBeNull();
        result.Find("NOPE", Province.Zhejiang).ShouldBeNull();
        result.Find("FAI", "nowhere").ShouldBeNull();
    }

    [Fact]
    public void EvaluateRange_CountsMatchEvaluatingEachPeriod()
    {
        var province = Sample()
            .Read("FAI", Province.Ningbo, "2026-03", 100)
            .Read("FAI", Province.Shangcheng, "2026-02", 10);
        var snapshot = province.Build();
        var asOf = Province.Date("2026-07-25");

        var range = Evaluator.EvaluateRange(snapshot, Period.OfMonth(2026, 1), Period.OfMonth(2026, 12), asOf);

        range.Periods.Count.ShouldBe(12);
        foreach (var summary in range.Periods)
        {
            var result = Evaluator.Evaluate(snapshot, summary.Period, asOf);
            summary.Counts.ShouldBe(result.Counts);
            summary.ActualSum.ShouldBe(result.Rows.Sum(r => r.Actual ?? 0), 1e-9);
            summary.ExpectedSum.ShouldBe(result.Rows.Sum(r => r.Expected ?? 0), 1e-9);
        }

        range.Rows.ShouldBe(range.Periods.Sum(p => p.Rows));
        range.Counts.Total.ShouldBe(range.Rows);
    }

    [Fact]
    public void Snapshot_EvaluatedFromManyThreadsAtOnce_GivesTheSameRows()
    {
        var snapshot = Sample().Build();
        var asOf = Province.Date("2026-07-25");
        var expected = Evaluator.Evaluate(snapshot, Period.OfMonth(2026, 6), asOf).Rows.Select(r => (r.IndicatorCode, r.OrgCode, r.Status, r.ReasonEn)).ToList();

        var results = new List<(string, string, EvaluationStatus, string)>[16];
        Parallel.For(0, results.Length, k =>
            results[k] = [.. Evaluator.Evaluate(snapshot, Period.OfMonth(2026, 6), asOf).Rows.Select(r => (r.IndicatorCode, r.OrgCode, r.Status, r.ReasonEn))]);

        results.ShouldAllBe(r => r.SequenceEqual(expected));
    }

    [Fact]
    public void EvaluateIndicator_OverPeriods_GivesTheRowsOfAFullEvaluation()
    {
        var province = Sample()
            .Read("FAI", Province.Shangcheng, "2026-05", 150)
            .Read("FAI", Province.Shangcheng, "2025-06", 180)
            .Read("RATE", Province.Hangzhou, "2025-06", 4.0);
        var snapshot = province.Build();
        var asOf = Province.Date("2026-07-25");
        var months = new[] { Period.OfMonth(2026, 5), Period.OfMonth(2026, 6) };

        var series = Evaluator.EvaluateIndicator(snapshot, "FAI", months, asOf, [Province.Ningbo, Province.Hangzhou, "nowhere"]);

        series.Count.ShouldBe(2);
        for (int k = 0; k < months.Length; k++)
        {
            var full = Evaluator.Evaluate(snapshot, months[k], asOf);
            series[k].Period.ShouldBe(months[k]);
            series[k].Rows.Select(r => r.OrgCode).ShouldBe([Province.Hangzhou, Province.Ningbo]);
            foreach (var row in series[k].Rows)
            {
                var same = full.Find("FAI", row.OrgCode)!.Value;
                (row.Actual, row.Expected, row.Status, row.Yoy, row.RankAmongSiblings, row.ReasonEn)
                    .ShouldBe((same.Actual, same.Expected, same.Status, same.Yoy, same.RankAmongSiblings, same.ReasonEn));
            }

            series[k].Find("RATE", Province.Hangzhou).ShouldBeNull();
        }

        series[1].Find("FAI", Province.Hangzhou)!.Value.Yoy!.Value.ShouldBe((200.0 - 180) / 180 * 100, 1e-9);
        Should.Throw<DomainException>(() => Evaluator.EvaluateIndicator(snapshot, "NOPE", months, asOf, [Province.Hangzhou]));
    }

    [Fact]
    public void EvaluateRange_Backwards_IsADomainError()
    {
        var snapshot = Sample().Build();

        Should.Throw<DomainException>(() => Evaluator.EvaluateRange(snapshot, Period.OfMonth(2026, 5), Period.OfMonth(2026, 1), new DateOnly(2026, 7, 1)));
        Should.Throw<DomainException>(() => Evaluator.EvaluateRange(snapshot, Period.OfMonth(2026, 1), Period.OfQuarter(2026, 2), new DateOnly(2026, 7, 1)));
    }

    /// <summary>
    /// FAI: 杭州 target 600 with 上城 200 (expected 300 → red), 宁波 target 400 with 250 (expected 200 → green),
    /// the province summing 450, 全国 reporting its own. RATE: 杭州 5.0 against 4.5 以上 (green), 宁波 target without data (grey after 20 July).
    /// </summary>
    private static Province Sample() => new Province()
        .Indicator("FAI")
        .Rate("RATE")
        .Target("FAI", Province.Hangzhou, "2026", 600)
        .Read("FAI", Province.Shangcheng, "2026-06", 200)
        .Target("FAI", Province.Ningbo, "2026", 400)
        .Read("FAI", Province.Ningbo, "2026-06", 250)
        .Read("FAI", Province.National, "2026-06", 100000)
        .Target("RATE", Province.Hangzhou, "2026", 4.5m)
        .Read("RATE", Province.Hangzhou, "2026-06", 5.0)
        .Target("RATE", Province.Ningbo, "2026", 4.5m);
}
