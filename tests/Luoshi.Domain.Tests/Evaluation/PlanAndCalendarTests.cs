using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Plans;

namespace Luoshi.Domain.Tests.Evaluation;

public class PlanAndCalendarTests
{
    [Fact]
    public void PlanItem_TakesTheWorstOfItsIndicatorsAndChildren_AndOverdueMilestonesAreRed()
    {
        // FAI at 宁波 (lead of T1): 200 of 300 expected → red. EXPORTS at the province (T2 has no lead): green.
        // M1 (under T2) was due 2026-06-30 and is not done → red. M2 is done → green. P = worst = red.
        var province = new Province()
            .Indicator("FAI")
            .Indicator("EXPORTS")
            .Target("FAI", Province.Ningbo, "2026", 600)
            .Read("FAI", Province.Ningbo, "2026-06", 200)
            .Target("EXPORTS", Province.Zhejiang, "2026", 100)
            .Read("EXPORTS", Province.Zhejiang, "2026-06", 60)
            .Plan(1, "P", PlanItemKind.Programme, null, null, null, false)
            .Plan(2, "T1", PlanItemKind.Task, 1, Province.Ningbo, null, false, "FAI")
            .Plan(3, "T2", PlanItemKind.Task, 1, null, null, false, "EXPORTS")
            .Plan(4, "M1", PlanItemKind.Milestone, 3, null, "2026-06-30", false)
            .Plan(5, "M2", PlanItemKind.Milestone, 3, null, "2026-06-30", true);

        var plan = Evaluator.EvaluatePlan(province.Build(), Period.OfMonth(2026, 6), Province.Date("2026-07-25"));

        plan.Items.Select(i => i.Code).ShouldBe(["P", "T1", "T2", "M1", "M2"]);
        var t1 = plan.Find("T1").ShouldNotBeNull();
        t1.Status.ShouldBe(EvaluationStatus.Red);
        t1.Indicators.ShouldBe([new PlanIndicatorStatus("FAI", Province.Ningbo, EvaluationStatus.Red)]);

        var m1 = plan.Find("M1").ShouldNotBeNull();
        m1.Status.ShouldBe(EvaluationStatus.Red);
        m1.Overdue.ShouldBeTrue();
        m1.ReasonZh.ShouldBe("逾期未完成(应于2026-06-30完成)");
        m1.ReasonEn.ShouldBe("overdue and not completed (due 2026-06-30)");
        plan.Find("M2")!.Status.ShouldBe(EvaluationStatus.Green);

        var t2 = plan.Find("T2").ShouldNotBeNull();
        t2.Indicators.ShouldBe([new PlanIndicatorStatus("EXPORTS", Province.Zhejiang, EvaluationStatus.Green)]);
        t2.Status.ShouldBe(EvaluationStatus.Red);
        t2.Counts.ShouldBe(new StatusCounts(Green: 2, Yellow: 0, Red: 1, Grey: 0, None: 0));
        t2.Depth.ShouldBe(1);
        t2.ParentCode.ShouldBe("P");

        var p = plan.Find("P").ShouldNotBeNull();
        p.Status.ShouldBe(EvaluationStatus.Red);
        p.Counts.ShouldBe(new StatusCounts(Green: 0, Yellow: 0, Red: 2, Grey: 0, None: 0));
        p.ReasonZh.ShouldBe("指标及下级2项:红2、黄0、灰0、绿0、未评0");
    }

    [Fact]
    public void PlanItem_GreyIsWorseThanGreenButBetterThanYellow()
    {
        var province = new Province()
            .Indicator("A")
            .Indicator("B")
            .Target("A", Province.Zhejiang, "2026", 100)
            .Read("A", Province.Zhejiang, "2026-06", 60)
            .Target("B", Province.Zhejiang, "2026", 100)
            .Plan(1, "P", PlanItemKind.Programme, null, null, null, false, "A", "B")
            .Plan(2, "Q", PlanItemKind.Programme, null, null, null, false);

        var plan = Evaluator.EvaluatePlan(province.Build(), Period.OfMonth(2026, 6), Province.Date("2026-08-01"));

        plan.Find("P")!.Status.ShouldBe(EvaluationStatus.Grey);
        plan.Find("Q")!.Status.ShouldBe(EvaluationStatus.None);
        plan.Find("Q")!.ReasonEn.ShouldBe("no indicators or sub-items to judge");
    }

    [Fact]
    public void HalfYearCheck_PassesWhereHalfTheAnnualTargetIsDone()
    {
        // 宁波: 330 of 600 = 55% → passed; 杭州: 270 of 600 = 45% → not. Rates are not cumulative and stay out.
        var report = new Province()
            .Indicator("FAI")
            .Rate("RATE")
            .Target("FAI", Province.Ningbo, "2026", 600)
            .Target("FAI", Province.Hangzhou, "2026", 600)
            .Target("RATE", Province.Ningbo, "2026", 5)
            .Read("FAI", Province.Ningbo, "2026-06", 330)
            .Read("FAI", Province.Hangzhou, "2026-06", 270)
            .Read("RATE", Province.Ningbo, "2026-06", 5)
            .Build();

        var check = Evaluator.HalfYearCheck(report, 2026, Province.Date("2026-07-25"));

        check.Items.Select(i => (i.OrgCode, i.Passed)).ShouldBe([(Province.Hangzhou, false), (Province.Ningbo, true)]);
        var ningbo = check.Items.Single(i => i.OrgCode == Province.Ningbo);
        ningbo.Completion!.Value.ShouldBe(0.55, 1e-12);
        ningbo.TimeShare.ShouldBe(0.5);
        ningbo.AnnualTarget.ShouldBe(600m);
        check.Passed.ShouldBe(1);
    }

    [Fact]
    public void HalfYearCheck_AtTheSecondQuarter_UsesJune()
    {
        var check = new Province()
            .Indicator("FAI")
            .Target("FAI", Province.Ningbo, "2026", 600)
            .Read("FAI", Province.Ningbo, "2026-06", 300)
            .Evaluate("2026Q2")
            .Let(Evaluator.HalfYearCheck);

        check.Period.ShouldBe(Period.OfQuarter(2026, 2));
        check.Items.Single(i => i.OrgCode == Province.Ningbo).Passed.ShouldBeTrue();
    }

    [Fact]
    public void HalfYearCheck_AtAnotherPeriod_IsRefused()
    {
        var result = new Province().Indicator("FAI").Evaluate("2026-05");

        Should.Throw<DomainException>(() => Evaluator.HalfYearCheck(result)).Field.ShouldBe("period");
        Should.Throw<DomainException>(() => Evaluator.FirstQuarterCheck(result)).Field.ShouldBe("period");
    }

    [Fact]
    public void FirstQuarterCheck_PassesGreenRowsThatGrew()
    {
        // Target 400 → March expects 100. 宁波 110 (green, last year 100 → +10%) passes;
        // 杭州 105 (green but last year 120 → −12.5%) does not; the province 80 (red) does not.
        var check = new Province()
            .Indicator("FAI")
            .Target("FAI", Province.Ningbo, "2026", 400).Read("FAI", Province.Ningbo, "2026-03", 110).Read("FAI", Province.Ningbo, "2025-03", 100)
            .Target("FAI", Province.Hangzhou, "2026", 400).Read("FAI", Province.Hangzhou, "2026-03", 105).Read("FAI", Province.Hangzhou, "2025-03", 120)
            .Target("FAI", Province.Zhejiang, "2026", 400).Read("FAI", Province.Zhejiang, "2026-03", 80)
            .Evaluate("2026Q1")
            .Let(Evaluator.FirstQuarterCheck);

        check.Items.Select(i => (i.OrgCode, i.Status, i.Passed)).ShouldBe(
        [
            (Province.Zhejiang, EvaluationStatus.Red, false),
            (Province.Hangzhou, EvaluationStatus.Green, false),
            (Province.Ningbo, EvaluationStatus.Green, true),
        ]);
        check.Items.Single(i => i.OrgCode == Province.Ningbo).Growth!.Value.ShouldBe(10, 1e-9);
    }

    [Fact]
    public void FirstQuarterCheck_LowerIsBetter_CountsAFallAsGrowth()
    {
        var check = new Province()
            .Indicator("ACCIDENTS", "起", Direction.Lower)
            .Target("ACCIDENTS", Province.Zhejiang, "2026", 400, TargetQualifier.AtMost)
            .Read("ACCIDENTS", Province.Zhejiang, "2026-03", 90)
            .Read("ACCIDENTS", Province.Zhejiang, "2025-03", 100)
            .Evaluate("2026-03")
            .Let(Evaluator.FirstQuarterCheck);

        check.Items.Single().Passed.ShouldBeTrue();
    }
}

internal static class LetExtension
{
    public static TOut Let<TIn, TOut>(this TIn value, Func<TIn, TOut> f) => f(value);
}
