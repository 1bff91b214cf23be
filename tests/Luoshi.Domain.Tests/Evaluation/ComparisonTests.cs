using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;

namespace Luoshi.Domain.Tests.Evaluation;

/// <summary>Year-on-year growth, the gap to the national figure and the rank among siblings.</summary>
public class ComparisonTests
{
    [Fact]
    public void Yoy_IsGrowthInPercentAgainstTheSamePeriodLastYear()
    {
        // (620 − 500) / 500 × 100 = 24%.
        var row = new Province()
            .Indicator("FAI")
            .Read("FAI", Province.Zhejiang, "2025-06", 500)
            .Read("FAI", Province.Zhejiang, "2026-06", 620)
            .Row("2026-06", "FAI", Province.Zhejiang);

        row.PreviousYear.ShouldBe(500);
        row.Yoy!.Value.ShouldBe(24, 1e-9);
        row.YoyPoints.ShouldBeNull();
    }

    [Fact]
    public void Yoy_OfANegativeBase_DividesByItsMagnitude()
    {
        // Profit from −100 to −50: (−50 − (−100)) / 100 × 100 = +50%.
        var row = new Province()
            .Indicator("PROFIT")
            .Read("PROFIT", Province.Zhejiang, "2025-06", -100)
            .Read("PROFIT", Province.Zhejiang, "2026-06", -50)
            .Row("2026-06", "PROFIT", Province.Zhejiang);

        row.Yoy!.Value.ShouldBe(50, 1e-9);
    }

    [Fact]
    public void Yoy_AgainstZeroOrNothing_IsNull()
    {
        var province = new Province()
            .Indicator("FAI")
            .Read("FAI", Province.Zhejiang, "2025-06", 0)
            .Read("FAI", Province.Zhejiang, "2026-06", 620)
            .Read("FAI", Province.Ningbo, "2026-06", 100);
        var result = province.Evaluate("2026-06");

        result.Find("FAI", Province.Zhejiang)!.Value.Yoy.ShouldBeNull();
        result.Find("FAI", Province.Ningbo)!.Value.Yoy.ShouldBeNull();
    }

    [Fact]
    public void Yoy_UsesRolledUpValuesOfLastYearToo()
    {
        // 杭州 has no own readings: 2025-06 = 40 + 60 = 100, 2026-06 = 50 + 70 = 120 → +20%.
        var row = new Province()
            .Indicator("FAI")
            .Read("FAI", Province.Shangcheng, "2025-06", 40).Read("FAI", Province.Gongshu, "2025-06", 60)
            .Read("FAI", Province.Shangcheng, "2026-06", 50).Read("FAI", Province.Gongshu, "2026-06", 70)
            .Row("2026-06", "FAI", Province.Hangzhou);

        row.Yoy!.Value.ShouldBe(20, 1e-9);
    }

    [Fact]
    public void RatesInPercent_CompareInPercentagePoints()
    {
        // 5.2% against 4.8% last year: +0.4 points; against the national 5.0%: +0.2 points.
        var row = new Province()
            .Rate("RATE")
            .Read("RATE", Province.Zhejiang, "2025-06", 4.8)
            .Read("RATE", Province.Zhejiang, "2026-06", 5.2)
            .Read("RATE", Province.National, "2026-06", 5.0)
            .Row("2026-06", "RATE", Province.Zhejiang);

        row.YoyPoints!.Value.ShouldBe(0.4, 1e-9);
        row.Yoy.ShouldBeNull();
        row.National.ShouldBe(5.0);
        row.GapToNational!.Value.ShouldBe(0.2, 1e-9);
    }

    [Fact]
    public void NationalRow_HasNoGapToItself()
    {
        var result = new Province()
            .Rate("RATE")
            .Read("RATE", Province.Zhejiang, "2026-06", 5.2)
            .Read("RATE", Province.National, "2026-06", 5.0)
            .Evaluate("2026-06");

        var national = result.Find("RATE", Province.National).ShouldNotBeNull();
        national.National.ShouldBe(5.0);
        national.GapToNational.ShouldBeNull();
        national.OrgKind.ShouldBe(OrgUnitKind.Reference);
    }

    [Fact]
    public void Rank_AmongSiblingsOfTheSameKind_SharesTiedRanks()
    {
        // Four cities: 20, 30, 30, 10 → ranks 3, 1, 1, 4 (competition ranking); 10 for the department ranks alone.
        var result = CitiesProvince(Direction.Higher).Evaluate("2026-06");

        Rank(result, "330300").ShouldBe((1, 4));
        Rank(result, Province.Ningbo).ShouldBe((1, 4));
        Rank(result, Province.Hangzhou).ShouldBe((3, 4));
        Rank(result, "330400").ShouldBe((4, 4));
        Rank(result, Province.Drc).ShouldBe((1, 1));
    }

    [Fact]
    public void Rank_OfLowerIsBetter_PutsTheSmallestFirst()
    {
        var result = CitiesProvince(Direction.Lower).Evaluate("2026-06");

        Rank(result, "330400").ShouldBe((1, 4));
        Rank(result, Province.Hangzhou).ShouldBe((2, 4));
        Rank(result, Province.Ningbo).ShouldBe((3, 4));
        Rank(result, "330300").ShouldBe((3, 4));
    }

    [Fact]
    public void Rank_OfAUnitWithoutValue_IsNullButCountsTheOthers()
    {
        var result = CitiesProvince(Direction.Higher)
            .Unit("330500", "湖州市", OrgUnitKind.City, Province.Zhejiang)
            .Target("IDX", "330500", "2026", 10)
            .Evaluate("2026-06");

        var row = result.Find("IDX", "330500").ShouldNotBeNull();
        row.RankAmongSiblings.ShouldBeNull();
        row.SiblingCount.ShouldBe(4);
    }

    [Fact]
    public void Rank_InAScopedEvaluation_IsStillAmongAllSiblings()
    {
        var result = CitiesProvince(Direction.Higher).Evaluate("2026-06", org: Province.Hangzhou, depth: 0);

        result.Rows.Select(r => r.OrgCode).Distinct().ShouldBe([Province.Hangzhou]);
        Rank(result, Province.Hangzhou).ShouldBe((3, 4));
    }

    private static (int?, int) Rank(EvaluationResult result, string org)
    {
        var row = result.Find("IDX", org) ?? throw new ShouldAssertException($"no row at {org}");
        return (row.RankAmongSiblings, row.SiblingCount);
    }

    private static Province CitiesProvince(Direction direction) => new Province()
        .Unit("330300", "温州市", OrgUnitKind.City, Province.Zhejiang)
        .Unit("330400", "嘉兴市", OrgUnitKind.City, Province.Zhejiang)
        .Indicator("IDX", "个", direction, valueKind: ValueKind.Level, aggregation: Aggregation.None)
        .Read("IDX", Province.Hangzhou, "2026-06", 20)
        .Read("IDX", Province.Ningbo, "2026-06", 30)
        .Read("IDX", "330300", "2026-06", 30)
        .Read("IDX", "330400", "2026-06", 10)
        .Read("IDX", Province.Drc, "2026-06", 10);
}
