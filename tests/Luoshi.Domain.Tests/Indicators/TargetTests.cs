using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Tests.Common;

namespace Luoshi.Domain.Tests.Indicators;

public class TargetTests
{
    private static Target AnnualTarget() => Target.Create(1, 2, Period.OfYear(2026), Horizon.Annual);

    [Theory]
    [InlineData("2026")]
    [InlineData("2026Q1")]
    public void Create_YearOrQuarter_KeepsPeriodCode(string code)
    {
        var target = Target.Create(7, 9, Period.Parse(code), Horizon.FiveYear);

        target.IndicatorId.ShouldBe(7);
        target.OrgUnitId.ShouldBe(9);
        target.PeriodCode.ShouldBe(code);
        target.Period.ShouldBe(Period.Parse(code));
        target.Horizon.ShouldBe(Horizon.FiveYear);
        target.Version.ShouldBe(0);
        target.Versions.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2026-05")]
    [InlineData("2026H1")]
    public void Create_MonthOrHalf_IsRefused(string code) =>
        Should.Throw<DomainException>(() => Target.Create(1, 2, Period.Parse(code), Horizon.Annual)).Field.ShouldBe("year");

    [Fact]
    public void Create_UndefinedHorizon_IsRefused() =>
        Should.Throw<DomainException>(() => Target.Create(1, 2, Period.OfYear(2026), (Horizon)2)).Field.ShouldBe("horizon");

    [Fact]
    public void Set_First_AppendsVersionWithStamp()
    {
        var target = AnnualTarget();

        target.Set(7m, TargetQualifier.AtLeast, null, 7.5m, Stamps.By("planner", reason: "年度计划"));

        target.Value.ShouldBe(7m);
        target.Qualifier.ShouldBe(TargetQualifier.AtLeast);
        target.Stretch.ShouldBe(7.5m);
        target.Version.ShouldBe(1);
        target.UpdatedBy.ShouldBe("planner");
        target.UpdatedAt.ShouldBe(Stamps.Monday);
        var version = target.Versions.ShouldHaveSingleItem();
        version.Version.ShouldBe(1);
        version.Value.ShouldBe(7m);
        version.Stretch.ShouldBe(7.5m);
        version.Actor.ShouldBe("planner");
        version.Reason.ShouldBe("年度计划");
        version.IsDeleted.ShouldBeFalse();
    }

    [Fact]
    public void Set_Range_WithUpperNotBelowValue_IsAccepted()
    {
        var target = AnnualTarget();

        target.Set(2m, TargetQualifier.Range, 3m, null, Stamps.By("planner"));
        target.Set(2m, TargetQualifier.Range, 2m, null, Stamps.By("planner", 1));

        target.UpperValue.ShouldBe(2m);
        target.Version.ShouldBe(2);
    }

    [Fact]
    public void Set_RangeWithoutUpper_IsRefused() =>
        Should.Throw<DomainException>(() => AnnualTarget().Set(2m, TargetQualifier.Range, null, null, Stamps.By("planner")))
            .Field.ShouldBe("upperValue");

    [Fact]
    public void Set_RangeWithUpperBelowValue_IsRefusedAndAppendsNothing()
    {
        var target = AnnualTarget();

        Should.Throw<DomainException>(() => target.Set(3m, TargetQualifier.Range, 2.99m, null, Stamps.By("planner")))
            .Field.ShouldBe("upperValue");

        target.Versions.ShouldBeEmpty();
        target.Value.ShouldBeNull();
    }

    [Fact]
    public void Set_UpperValueOnNonRange_IsRefused() =>
        Should.Throw<DomainException>(() => AnnualTarget().Set(3m, TargetQualifier.AtLeast, 4m, null, Stamps.By("planner")))
            .Field.ShouldBe("upperValue");

    [Fact]
    public void Set_UndefinedQualifier_IsRefused() =>
        Should.Throw<DomainException>(() => AnnualTarget().Set(3m, (TargetQualifier)0, null, null, Stamps.By("planner")))
            .Field.ShouldBe("qualifier");

    [Fact]
    public void Set_Unchanged_AppendsNothing()
    {
        var target = AnnualTarget();
        target.Set(7m, TargetQualifier.AtLeast, null, null, Stamps.By("planner"));

        target.Set(7.00m, TargetQualifier.AtLeast, null, null, Stamps.By("someone else", 5));

        target.Version.ShouldBe(1);
        target.Versions.Count.ShouldBe(1);
        target.UpdatedBy.ShouldBe("planner");
    }

    [Fact]
    public void Set_Changed_AppendsVersionAndKeepsHistory()
    {
        var target = AnnualTarget();
        target.Set(7m, TargetQualifier.AtLeast, null, null, Stamps.By("planner"));

        target.Set(6.5m, TargetQualifier.Around, null, null, Stamps.By("reviewer", 10, "省政府调整"));
        target.Set(6.5m, TargetQualifier.Around, null, 7m, Stamps.By("reviewer", 20));

        target.Version.ShouldBe(3);
        target.Versions.Select(v => v.Value).ShouldBe([7m, 6.5m, 6.5m]);
        target.Versions.Select(v => v.Qualifier).ShouldBe([TargetQualifier.AtLeast, TargetQualifier.Around, TargetQualifier.Around]);
        target.Versions.Select(v => v.Stretch).ShouldBe([null, null, 7m]);
        target.Versions.Select(v => v.Version).ShouldBe([1, 2, 3]);
        target.Versions[1].Reason.ShouldBe("省政府调整");
        target.UpdatedAt.ShouldBe(Stamps.Monday.AddMinutes(20));
    }

    [Fact]
    public void Withdraw_AppendsDeletedVersionOnce()
    {
        var target = AnnualTarget();
        target.Set(7m, TargetQualifier.AtLeast, null, null, Stamps.By("planner"));

        target.Withdraw(Stamps.By("planner", 1, "指标取消"));
        target.Withdraw(Stamps.By("planner", 2));

        target.IsDeleted.ShouldBeTrue();
        target.Version.ShouldBe(2);
        var last = target.Versions[^1];
        last.IsDeleted.ShouldBeTrue();
        last.Value.ShouldBe(7m);
        last.Reason.ShouldBe("指标取消");
        target.Versions[0].IsDeleted.ShouldBeFalse();
    }

    [Fact]
    public void Set_SameValueAfterWithdraw_RestoresWithNewVersion()
    {
        var target = AnnualTarget();
        target.Set(7m, TargetQualifier.AtLeast, null, null, Stamps.By("planner"));
        target.Withdraw(Stamps.By("planner", 1));

        target.Set(7m, TargetQualifier.AtLeast, null, null, Stamps.By("planner", 2));

        target.IsDeleted.ShouldBeFalse();
        target.Versions.Select(v => v.IsDeleted).ShouldBe([false, true, false]);
    }

    public static TheoryData<decimal, decimal, TargetQualifier, decimal?, string, bool> MetCases => new()
    {
        // 以上
        { 7m, 7m, TargetQualifier.AtLeast, null, "5%", true },
        { 8m, 7m, TargetQualifier.AtLeast, null, "5%", true },
        { 6.99m, 7m, TargetQualifier.AtLeast, null, "5%", false },
        // 以内
        { 3m, 3m, TargetQualifier.AtMost, null, "5%", true },
        { -1m, 3m, TargetQualifier.AtMost, null, "5%", true },
        { 3.01m, 3m, TargetQualifier.AtMost, null, "5%", false },
        // 左右, relative: 5% of 100 either side
        { 95m, 100m, TargetQualifier.Around, null, "5%", true },
        { 105m, 100m, TargetQualifier.Around, null, "5%", true },
        { 94.99m, 100m, TargetQualifier.Around, null, "5%", false },
        { 105.01m, 100m, TargetQualifier.Around, null, "5%", false },
        // 左右, absolute: CPI 3 ± 0.3
        { 2.7m, 3m, TargetQualifier.Around, null, "0.3", true },
        { 3.3m, 3m, TargetQualifier.Around, null, "0.3", true },
        { 3.31m, 3m, TargetQualifier.Around, null, "0.3", false },
        { 2.69m, 3m, TargetQualifier.Around, null, "0.3", false },
        // Range, both ends inclusive
        { 2m, 2m, TargetQualifier.Range, 3m, "5%", true },
        { 3m, 2m, TargetQualifier.Range, 3m, "5%", true },
        { 2.5m, 2m, TargetQualifier.Range, 3m, "5%", true },
        { 1.99m, 2m, TargetQualifier.Range, 3m, "5%", false },
        { 3.01m, 2m, TargetQualifier.Range, 3m, "5%", false },
        { 2m, 2m, TargetQualifier.Range, null, "5%", true },
        { 2.01m, 2m, TargetQualifier.Range, null, "5%", false },
        // Undefined qualifier never counts as met
        { 7m, 7m, (TargetQualifier)0, null, "5%", false },
    };

    [Theory]
    [MemberData(nameof(MetCases))]
    public void IsMet_ReadsTheQualifier(decimal actual, decimal value, TargetQualifier qualifier, decimal? upper, string tolerance, bool expected) =>
        Target.IsMet(actual, value, qualifier, upper, Tolerance.Parse(tolerance)).ShouldBe(expected);
}
