using Luoshi.Domain.Assessment;
using Luoshi.Domain.Common;

namespace Luoshi.Domain.Tests.Assessment;

public sealed class ScoringTests
{
    private static readonly string[] Group = ["A", "B", "C", "D"];

    private static Scheme Scheme(Criterion c, IReadOnlyList<Adjustment>? adjustments = null, IReadOnlyList<Veto>? veto = null, IReadOnlyList<GradeBand>? grades = null) =>
        new("测试方案", 2026, null, Group, [c], adjustments, veto, grades ?? [new("优秀", 9), new("一般", 5), new("较差")], "不合格");

    private static Func<Criterion, IReadOnlyList<CriterionInput>> Values(bool lower, params (string Org, double? Value, double? Expected)[] values) =>
        _ => [.. values.Select(v => new CriterionInput(v.Org, v.Org + "市", v.Value, v.Expected, lower, "%", null))];

    private static decimal Points(IReadOnlyList<UnitResult> results, string org) => results.Single(r => r.Org == org).Criteria[0].Points;

    [Fact]
    public void Attainment_IsPointsTimesActualOverExpected_CappedAndInvertedForLowerIsBetter()
    {
        var higher = Scoring.Run(Scheme(new("C1", "增速", 10, new("attainment", Cap: 1.2))), Values(false, ("A", 6, 5), ("B", 4, 5), ("C", 9, 5), ("D", null, 5)));
        var lower = Scoring.Run(Scheme(new("C1", "失业率", 10, new("attainment"))), Values(true, ("A", 4, 5), ("B", 5.5, 5), ("C", 5, 5), ("D", 0, 5)));

        Points(higher, "A").ShouldBe(10m * 6 / 5);   // 12.00: 120%, at the cap
        Points(higher, "B").ShouldBe(8.00m);          // 4 ÷ 5 = 80%
        Points(higher, "C").ShouldBe(12.00m);         // 180% capped at 120%
        Points(higher, "D").ShouldBe(0m);
        higher.Single(r => r.Org == "D").Criteria[0].Explanation.Bilingual.ShouldContain("无数据");
        Points(lower, "A").ShouldBe(10.00m);          // 5 ÷ 4 = 125%, capped at 100%
        Points(lower, "B").ShouldBe(9.09m);           // 5 ÷ 5.5 = 90.9%
        Points(lower, "D").ShouldBe(0m);              // a zero rate cannot be divided by
    }

    [Fact]
    public void Explanation_IsWrittenInEachLanguage_WithTheNoteInItsOwn()
    {
        var inputs = new CriterionInput[] { new("A", "甲市", 6, 5, false, "%", "超序时1.0%") { NoteEn = "1.0% ahead" }, new("B", "乙市", 4, 5, false, "%", "落后序时") };

        var r = Scoring.Run(Scheme(new("C1", "增速", 10, new("attainment"))), _ => inputs);

        var a = r.Single(x => x.Org == "A").Criteria[0].Explanation;
        a.Zh.ShouldBe("增速6%,完成目标120%(目标5%),得10.0分;超序时1.0%");
        a.En.ShouldBe("增速 6 %: 120% of the expected 5, 10.0 of 10 points; 1.0% ahead");
        r.Single(x => x.Org == "B").Criteria[0].Explanation.En.ShouldEndWith("; 落后序时");
    }

    [Fact]
    public void Linear_RunsFromFloorToCeiling_AndClamps()
    {
        var r = Scoring.Run(Scheme(new("C1", "完成率", 20, new("linear", Floor: 50, Ceiling: 80))), Values(false, ("A", 80, null), ("B", 65, null), ("C", 40, null), ("D", 95, null)));

        Points(r, "A").ShouldBe(20m);
        Points(r, "B").ShouldBe(10m);
        Points(r, "C").ShouldBe(0m);
        Points(r, "D").ShouldBe(20m);
    }

    [Fact]
    public void Rank_GivesFirstFullAndLastTheShare_TiesShareTheBetterRank()
    {
        var r = Scoring.Run(Scheme(new("C1", "失业率", 15, new("rank", LastShare: 0.6))), Values(true, ("A", 4.1, null), ("B", 4.1, null), ("C", 4.5, null), ("D", 5.0, null)));

        // Ranks 1, 1, 3, 4 of 4: points = 15 × (1 − 0.4 × (rank − 1) / 3).
        Points(r, "A").ShouldBe(15m);
        Points(r, "B").ShouldBe(15m);
        Points(r, "C").ShouldBe(11m);
        Points(r, "D").ShouldBe(9m);
        r.Single(x => x.Org == "C").Criteria[0].Explanation.Bilingual.ShouldContain("组内第3名");
    }

    [Fact]
    public void Tiers_GiveThePointsOfTheHighestThresholdReached()
    {
        var tiers = new Tier[] { new(90, 20), new(75, 15), new(50, 8) };
        var r = Scoring.Run(Scheme(new("C1", "开工率", 20, new("tiers", Tiers: tiers))), Values(false, ("A", 95, null), ("B", 75, null), ("C", 60, null), ("D", 10, null)));

        Points(r, "A").ShouldBe(20m);
        Points(r, "B").ShouldBe(15m);
        Points(r, "C").ShouldBe(8m);
        Points(r, "D").ShouldBe(0m);
    }

    [Fact]
    public void AdjustmentsAreCapped_VetoSetsTheVetoGrade_AndEqualScoresShareARank()
    {
        var criterion = new Criterion("C1", "完成率", 10, new("linear", Floor: 0, Ceiling: 100));
        var scheme = Scheme(criterion, [new("A", 5, "试点"), new("B", -1, "差错"), new("C", 1, "表彰")], [new("C", "安全事故")]) with { BonusCap = 2 };

        var r = Scoring.Run(scheme, Values(false, ("A", 70, null), ("B", 81, null), ("C", 70, null), ("D", 90, null)));

        r.Single(x => x.Org == "A").Score.ShouldBe(9m);   // 7 + min(5, cap 2)
        r.Single(x => x.Org == "B").Score.ShouldBe(7.1m); // 8.1 − 1
        r.Single(x => x.Org == "D").Score.ShouldBe(9m);
        r.Single(x => x.Org == "A").Rank.ShouldBe(1);
        r.Single(x => x.Org == "D").Rank.ShouldBe(1);
        r.Single(x => x.Org == "C").Rank.ShouldBe(3);     // 7 + 1 = 8 beats B's 7.1
        r.Single(x => x.Org == "B").Rank.ShouldBe(4);
        r.Single(x => x.Org == "A").Grade.ShouldBe("优秀");
        r.Single(x => x.Org == "B").Grade.ShouldBe("一般");
        var vetoed = r.Single(x => x.Org == "C");
        vetoed.Grade.ShouldBe("不合格");
        vetoed.VetoReason.ShouldBe("安全事故");
    }

    [Fact]
    public void GradesByShare_GiveTheTopShareTheFirstGrade()
    {
        var scheme = Scheme(new("C1", "x", 10, new("linear", Floor: 0, Ceiling: 100)), grades: [new("优秀", TopShare: 0.25), new("良好", TopShare: 0.75), new("一般")]);

        var r = Scoring.Run(scheme, Values(false, ("A", 90, null), ("B", 80, null), ("C", 70, null), ("D", 60, null)));

        r.Select(x => x.Grade).ShouldBe(["优秀", "良好", "良好", "一般"]);
    }

    [Theory]
    [InlineData("average")]
    [InlineData("linear")]
    [InlineData("tiers")]
    public void Validate_RefusesAnIncompleteMethod(string type) =>
        Should.Throw<DomainException>(() => Scoring.Validate(Scheme(new("C1", "x", 10, new(type))))).Field.ShouldBe("criteria");

    [Fact]
    public void Run_IsDeterministic()
    {
        var scheme = Scheme(new("C1", "x", 10, new("rank", LastShare: 0.5)));
        var values = Values(false, ("A", 3, null), ("B", 2, null), ("C", 2, null), ("D", 1, null));

        Scoring.Run(scheme, values).Select(r => (r.Org, r.Score, r.Rank)).ShouldBe(Scoring.Run(scheme, values).Select(r => (r.Org, r.Score, r.Rank)));
    }
}
