using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Plans;

namespace Luoshi.Domain.Tests.Evaluation;

public class SnapshotBuilderTests
{
    private static readonly Tolerance Five = Tolerance.Default;

    [Fact]
    public void Build_OrdersUnitsAsATree_WithReferenceUnitsLast()
    {
        var snapshot = new Province().Build();

        snapshot.Units.Select(u => u.Code).ShouldBe(
            [Province.Zhejiang, Province.Hangzhou, Province.Shangcheng, Province.Gongshu, Province.Ningbo, Province.Drc, Province.National]);
        snapshot.FindUnit(Province.Gongshu).ShouldBe(new SnapshotUnit(5, Province.Gongshu, "拱墅区", OrgUnitKind.County, Province.Hangzhou, 2));
        snapshot.HasNationalUnit.ShouldBeTrue();
        snapshot.FirstReadingYear.ShouldBeNull();
    }

    [Fact]
    public void Build_UnknownFormulaInput_IsADomainError()
    {
        var builder = UnitsOnly();
        builder.AddIndicator(1, "SHARE", "占比", "%", Direction.Higher, Frequency.Month, ValueKind.Level, Aggregation.Formula, "A / NOPE", Five, ProgressProfile.Linear, 1, 20);
        builder.AddIndicator(2, "A", "A", "亿元", Direction.Higher, Frequency.Month, ValueKind.Level, Aggregation.Sum, null, Five, ProgressProfile.Linear, 1, 20);

        var error = Should.Throw<DomainException>(builder.Build);
        error.Field.ShouldBe("formula");
        error.Message.ShouldContain("NOPE");
    }

    [Fact]
    public void Build_FormulaCycle_IsADomainError()
    {
        var builder = UnitsOnly();
        builder.AddIndicator(1, "A", "A", "", Direction.Higher, Frequency.Month, ValueKind.Level, Aggregation.Formula, "B + 1", Five, ProgressProfile.Linear, 1, 20);
        builder.AddIndicator(2, "B", "B", "", Direction.Higher, Frequency.Month, ValueKind.Level, Aggregation.Formula, "A * 2", Five, ProgressProfile.Linear, 1, 20);

        Should.Throw<DomainException>(builder.Build).Message.ShouldContain("cycle");
    }

    [Fact]
    public void AddIndicator_FormulaWithoutFormulaAggregation_IsRefused()
    {
        var builder = UnitsOnly();

        Should.Throw<DomainException>(() => builder.AddIndicator(1, "A", "A", "", Direction.Higher, Frequency.Month, ValueKind.Level, Aggregation.Sum, "B + 1", Five, ProgressProfile.Linear, 1, 20))
            .Field.ShouldBe("formula");
        Should.Throw<DomainException>(() => builder.AddIndicator(1, "1A", "A", "", Direction.Higher, Frequency.Month, ValueKind.Level, Aggregation.Sum, null, Five, ProgressProfile.Linear, 1, 20))
            .Field.ShouldBe("code");
    }

    [Fact]
    public void AddReading_OfAnotherFrequency_OrTwice_IsRefused()
    {
        var builder = UnitsOnly();
        builder.AddIndicator(1, "A", "A", "", Direction.Higher, Frequency.Month, ValueKind.Level, Aggregation.Sum, null, Five, ProgressProfile.Linear, 1, 20);
        builder.AddReading(1, 1, Period.OfMonth(2026, 1), 1);

        Should.Throw<DomainException>(() => builder.AddReading(1, 1, Period.OfQuarter(2026, 1), 1)).Field.ShouldBe("period");
        Should.Throw<DomainException>(() => builder.AddReading(1, 1, Period.OfMonth(2026, 1), 2)).Field.ShouldBe("reading");
        Should.Throw<DomainException>(() => builder.AddReading(1, 99, Period.OfMonth(2026, 2), 2)).Field.ShouldBe("unitId");
        Should.Throw<DomainException>(() => builder.AddReading(1, 1, Period.OfMonth(2026, 2), double.NaN)).Field.ShouldBe("value");
    }

    [Fact]
    public void AddUnit_AfterTheFirstReading_IsRefused()
    {
        var builder = UnitsOnly();
        builder.AddIndicator(1, "A", "A", "", Direction.Higher, Frequency.Month, ValueKind.Level, Aggregation.Sum, null, Five, ProgressProfile.Linear, 1, 20);
        builder.AddReading(1, 1, Period.OfMonth(2026, 1), 1);

        Should.Throw<InvalidOperationException>(() => builder.AddUnit(9, "330900", "舟山市", OrgUnitKind.City, 1));
    }

    [Fact]
    public void AddTarget_RangeWithoutUpper_OrTwice_IsRefused()
    {
        var builder = UnitsOnly();
        builder.AddIndicator(1, "A", "A", "", Direction.Range, Frequency.Month, ValueKind.Level, Aggregation.None, null, Five, ProgressProfile.Linear, 1, 20);
        builder.AddTarget(1, 1, Period.OfYear(2026), 2, TargetQualifier.AtLeast, null, null);

        Should.Throw<DomainException>(() => builder.AddTarget(1, 1, Period.OfYear(2027), 2, TargetQualifier.Range, null, null)).Field.ShouldBe("upperValue");
        Should.Throw<DomainException>(() => builder.AddTarget(1, 1, Period.OfYear(2026), 3, TargetQualifier.AtLeast, null, null)).Field.ShouldBe("target");
        Should.Throw<DomainException>(() => builder.AddTarget(1, 1, Period.OfMonth(2026, 1), 3, TargetQualifier.AtLeast, null, null)).Field.ShouldBe("period");
    }

    [Fact]
    public void Build_UnknownParent_OrParentCycle_IsADomainError()
    {
        var unknown = new EvaluationSnapshotBuilder();
        unknown.AddUnit(1, "330100", "杭州市", OrgUnitKind.City, 7);
        Should.Throw<DomainException>(unknown.Build).Field.ShouldBe("parentId");

        var cycle = new EvaluationSnapshotBuilder();
        cycle.AddUnit(1, "330100", "杭州市", OrgUnitKind.City, 2);
        cycle.AddUnit(2, "330200", "宁波市", OrgUnitKind.City, 1);
        Should.Throw<DomainException>(cycle.Build).Message.ShouldContain("cycle");
    }

    [Fact]
    public void Build_NationalCodeOnATreeUnit_IsADomainError()
    {
        var builder = new EvaluationSnapshotBuilder { NationalUnitCode = "330000" };
        builder.AddUnit(1, "330000", "浙江省", OrgUnitKind.Province, null);

        Should.Throw<DomainException>(builder.Build).Field.ShouldBe("nationalUnitCode");
    }

    [Fact]
    public void NationalUnitCode_IsConfigurable()
    {
        var builder = new EvaluationSnapshotBuilder { NationalUnitCode = "CN" };
        builder.AddUnit(1, "330000", "浙江省", OrgUnitKind.Province, null);
        builder.AddUnit(2, "CN", "全国", OrgUnitKind.Reference, null);
        builder.AddIndicator(1, "R", "R", "%", Direction.Higher, Frequency.Month, ValueKind.Level, Aggregation.None, null, Five, ProgressProfile.Linear, 1, 20);
        builder.AddReading(1, 1, Period.OfMonth(2026, 1), 5);
        builder.AddReading(1, 2, Period.OfMonth(2026, 1), 4);

        var row = Evaluator.Evaluate(builder.Build(), Period.OfMonth(2026, 1), new DateOnly(2026, 3, 1)).Find("R", "330000")!.Value;

        row.GapToNational!.Value.ShouldBe(1, 1e-12);
    }

    [Fact]
    public void Build_PlanItemLinkingAnUnknownIndicator_IsADomainError()
    {
        var builder = UnitsOnly();
        builder.AddPlanItem(1, "P", "纲要", PlanItemKind.Programme, null, null, null, false, [42]);

        Should.Throw<DomainException>(builder.Build).Field.ShouldBe("indicatorIds");
    }

    [Fact]
    public void Builder_IsSingleUse()
    {
        var builder = UnitsOnly();
        builder.Build();

        Should.Throw<InvalidOperationException>(builder.Build);
    }

    [Fact]
    public void Evaluate_UnknownOrgOrNegativeDepth_IsADomainError()
    {
        var snapshot = new Province().Build();

        Should.Throw<DomainException>(() => Evaluator.Evaluate(snapshot, Period.OfMonth(2026, 6), new DateOnly(2026, 7, 1), "999999")).Field.ShouldBe("org");
        Should.Throw<DomainException>(() => Evaluator.Evaluate(snapshot, Period.OfMonth(2026, 6), new DateOnly(2026, 7, 1), null, -1)).Field.ShouldBe("depth");
    }

    private static EvaluationSnapshotBuilder UnitsOnly()
    {
        var builder = new EvaluationSnapshotBuilder();
        builder.AddUnit(1, "330000", "浙江省", OrgUnitKind.Province, null);
        return builder;
    }
}
