using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Supervision;

namespace Luoshi.Domain.Tests.Supervision;

public sealed class SupervisionRuleTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 9, 0, 0, TimeSpan.FromHours(8));

    private static RuleDefinition Definition(
        IReadOnlyList<string>? indicators = null,
        string? plan = null,
        int periods = 3,
        decimal? gap = null,
        IReadOnlyList<OrgUnitKind>? kinds = null,
        int? clear = 1,
        int deadline = 30) => new(indicators ?? [], plan, periods, gap, kinds ?? [], clear, deadline);

    [Fact]
    public void FromSettings_IsTheDefaultRule_EveryIndicatorAndUnit_RedForTheSettingsPeriods()
    {
        var rule = SupervisionRule.FromSettingsOf(redPeriods: 4, clearPeriods: 0, deadlineDays: 20);

        rule.Code.ShouldBe(SupervisionRule.DefaultCode);
        rule.FromSettings.ShouldBeTrue();
        rule.Enabled.ShouldBeTrue();
        rule.Version.ShouldBe(0);
        (rule.Periods, rule.ClearPeriodsToClose, rule.DeadlineDays, rule.MinGapPoints).ShouldBe((4, (int?)null, 20, (decimal?)null));
        rule.IndicatorCodes.ShouldBeEmpty();
        rule.Covers(OrgUnitKind.County).ShouldBeTrue();
        rule.Covers(OrgUnitKind.Department).ShouldBeTrue();
        rule.Covers(OrgUnitKind.Reference).ShouldBeFalse();
        rule.Condition().ShouldBe(("连续4期红灯", "red 4 periods running"));
    }

    [Fact]
    public void Adopting_TheSettingsRule_StoresItAsItStands_AtVersionOne()
    {
        var adopted = SupervisionRule.Adopt(SupervisionRule.FromSettingsOf(3, 1, 30), "office", At);

        adopted.FromSettings.ShouldBeFalse();
        (adopted.Code, adopted.Periods, adopted.ClearPeriodsToClose, adopted.Enabled, adopted.Version).ShouldBe((SupervisionRule.DefaultCode, 3, (int?)1, true, 1));
        (adopted.CreatedBy, adopted.UpdatedBy, adopted.UpdatedAt).ShouldBe(("office", "office", At));
    }

    [Fact]
    public void Create_StartsOff_AndEveryChangeRaisesTheVersion()
    {
        var rule = SupervisionRule.Create("key-investment", "重点投资指标", Definition(["FAI", "PRIVATE_INV", "FAI"], kinds: [OrgUnitKind.County, OrgUnitKind.City]), "office", At);
        int created = rule.Version;

        rule.Enable("office", At.AddHours(1));
        rule.Define("重点投资指标(县市)", Definition(["FAI"], periods: 2, gap: 10m), "office", At.AddHours(2));
        rule.Disable("office", At.AddHours(3));

        rule.Enabled.ShouldBeFalse();
        rule.Version.ShouldBe(created + 3);
        rule.IndicatorCodes.ShouldBe(["FAI"]);
        (rule.Periods, rule.MinGapPoints).ShouldBe((2, (decimal?)10m));
        rule.UnitKinds.ShouldBeEmpty();
        rule.UpdatedAt.ShouldBe(At.AddHours(3));
        rule.Condition().Zh.ShouldBe("连续2期红灯且落后10个百分点以上");
    }

    [Fact]
    public void UnitKinds_LimitWhoseFiguresCount()
    {
        var rule = SupervisionRule.Create("counties", "县级", Definition(kinds: [OrgUnitKind.County, OrgUnitKind.County]), "office", At);

        rule.UnitKinds.ShouldBe([OrgUnitKind.County]);
        rule.Covers(OrgUnitKind.County).ShouldBeTrue();
        rule.Covers(OrgUnitKind.City).ShouldBeFalse();
    }

    [Theory]
    [InlineData("Default")]
    [InlineData("-lead")]
    [InlineData("规则")]
    [InlineData("a b")]
    [InlineData("")]
    [InlineData("x123456789x123456789x123456789x123456789x")]
    public void Create_RefusesACodeThatCannotNameTheRuleInCauses(string code) =>
        Should.Throw<DomainException>(() => SupervisionRule.Create(code, "名称", Definition(), "office", At)).Field.ShouldBe("code");

    [Fact]
    public void Define_RefusesEachBadPart_NamingItsField()
    {
        var rule = SupervisionRule.Create("r1", "名称", Definition(), "office", At);

        Should.Throw<DomainException>(() => rule.Define(" ", Definition(), "office", At)).Field.ShouldBe("name");
        Should.Throw<DomainException>(() => rule.Define("名称", Definition(periods: 0), "office", At)).Field.ShouldBe("periods");
        Should.Throw<DomainException>(() => rule.Define("名称", Definition(periods: 25), "office", At)).Field.ShouldBe("periods");
        Should.Throw<DomainException>(() => rule.Define("名称", Definition(gap: 0m), "office", At)).Field.ShouldBe("minGapPoints");
        Should.Throw<DomainException>(() => rule.Define("名称", Definition(gap: -5m), "office", At)).Field.ShouldBe("minGapPoints");
        Should.Throw<DomainException>(() => rule.Define("名称", Definition(kinds: [OrgUnitKind.Reference]), "office", At)).Field.ShouldBe("unitKinds");
        Should.Throw<DomainException>(() => rule.Define("名称", Definition(kinds: [(OrgUnitKind)99]), "office", At)).Field.ShouldBe("unitKinds");
        Should.Throw<DomainException>(() => rule.Define("名称", Definition(clear: 0), "office", At)).Field.ShouldBe("clearPeriodsToClose");
        Should.Throw<DomainException>(() => rule.Define("名称", Definition(deadline: 0), "office", At)).Field.ShouldBe("deadlineDays");
        Should.Throw<DomainException>(() => rule.Define("名称", Definition(["FAI;DROP"]), "office", At)).Field.ShouldBe("indicators");
        Should.Throw<DomainException>(() => rule.Define("名称", Definition(plan: "P 1"), "office", At)).Field.ShouldBe("planItem");
        rule.Version.ShouldBe(1);
    }

    [Fact]
    public void Switching_ToWhereItIs_IsAConflict()
    {
        var rule = SupervisionRule.Create("r1", "名称", Definition(), "office", At);

        Should.Throw<DomainConflictException>(() => rule.Disable("office", At)).Field.ShouldBe("enabled");
        rule.Enable("office", At);
        Should.Throw<DomainConflictException>(() => rule.Enable("office", At)).Field.ShouldBe("enabled");
    }

    [Theory]
    [InlineData(EvaluationStatus.Red, null, null, true)]
    [InlineData(EvaluationStatus.Yellow, null, null, false)]
    [InlineData(EvaluationStatus.Grey, null, null, false)]
    [InlineData(EvaluationStatus.Red, 10.0, 12.5, true)]
    [InlineData(EvaluationStatus.Red, 10.0, 10.0, true)]
    [InlineData(EvaluationStatus.Red, 10.0, 9.9, false)]
    [InlineData(EvaluationStatus.Red, 10.0, null, false)]
    [InlineData(EvaluationStatus.Yellow, 10.0, 30.0, false)]
    public void APeriodCounts_WhenRed_AndAtLeastTheGapBehindWhenOneIsSet(EvaluationStatus status, double? minGap, double? gap, bool counts)
    {
        var rule = SupervisionRule.Create("r1", "名称", Definition(gap: minGap is null ? null : (decimal)minGap.Value), "office", At);

        rule.Counts(status, gap).ShouldBe(counts);
    }

    [Theory]
    [InlineData(Direction.Higher, 40.0, 50.0, 0.40, 0.50, 10.0)]
    [InlineData(Direction.Higher, 60.0, 50.0, 0.60, 0.50, -10.0)]
    [InlineData(Direction.Lower, 60.0, 50.0, 0.60, 0.50, 10.0)]
    [InlineData(Direction.Higher, 90.0, 100.0, null, null, 10.0)]
    [InlineData(Direction.Lower, 5.5, 5.0, null, null, 10.0)]
    public void Shortfall_IsCompletionBehindTheCalendar_OrPercentShortOfTheTarget(Direction direction, double actual, double expected, double? completion, double? share, double points) =>
        Shortfall.Points(direction, actual, expected, completion, share)!.Value.ShouldBe(points, 1e-9);

    [Fact]
    public void Shortfall_IsUnknown_ForARangeTarget_OrWithoutAValueOrATarget()
    {
        Shortfall.Points(Direction.Range, 5, 10, null, null).ShouldBeNull();
        Shortfall.Points(Direction.Higher, null, 10, null, null).ShouldBeNull();
        Shortfall.Points(Direction.Higher, 5, null, null, null).ShouldBeNull();
        Shortfall.Points(Direction.Higher, 5, 0, null, null).ShouldBeNull();
    }
}
