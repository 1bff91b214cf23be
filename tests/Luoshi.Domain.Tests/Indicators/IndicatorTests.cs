using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;

namespace Luoshi.Domain.Tests.Indicators;

public class IndicatorTests
{
    private static void DefineAs(Indicator indicator, Aggregation aggregation, string? formula, int decimals = 2) =>
        indicator.Define("民间投资占比", "%", Direction.Higher, Frequency.Month, ValueKind.Cumulative, aggregation, formula, Tolerance.Default, ProgressProfile.Linear, decimals);

    [Fact]
    public void Create_SetsCodeAndPlainDefaults()
    {
        var indicator = Indicator.Create("  GDP ", "地区生产总值", "亿元");

        indicator.Code.ShouldBe("GDP");
        indicator.Name.ShouldBe("地区生产总值");
        indicator.Unit.ShouldBe("亿元");
        indicator.Version.ShouldBe(1);
        indicator.DueDay.ShouldBe(20);
        indicator.Direction.ShouldBe(Direction.Higher);
        indicator.Frequency.ShouldBe(Frequency.Month);
        indicator.ValueKind.ShouldBe(ValueKind.Period);
        indicator.Aggregation.ShouldBe(Aggregation.Sum);
        indicator.Decimals.ShouldBe(2);
        indicator.Tolerance.ShouldBe(Tolerance.Default);
        indicator.IsDerived.ShouldBeFalse();
        indicator.Formula.ShouldBeNull();
    }

    [Theory]
    [InlineData("_private")]
    [InlineData("PRIVATE_INV")]
    [InlineData("a1")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ_01234")]
    public void Create_FormulaFriendlyCode_IsAccepted(string code) =>
        Indicator.Create(code, "指标", "").Code.ShouldBe(code);

    [Theory]
    [InlineData("1GDP")]
    [InlineData("GDP-2")]
    [InlineData("国内生产总值")]
    [InlineData("GDP.2")]
    [InlineData("G DP")]
    [InlineData("G\nDP")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ_012345")]
    public void Create_CodeNotUsableInFormulas_IsRefused(string code) =>
        Should.Throw<DomainException>(() => Indicator.Create(code, "指标", "")).Field.ShouldBe("code");

    [Fact]
    public void Create_EmptyOrOverlongName_IsRefused()
    {
        Should.Throw<DomainException>(() => Indicator.Create("GDP", " ", "")).Field.ShouldBe("name");
        Should.Throw<DomainException>(() => Indicator.Create("GDP", new string('名', Indicator.NameMaxLength + 1), ""))
            .Field.ShouldBe("name");
    }

    [Fact]
    public void Define_FormulaWithFormulaAggregation_MakesDerivedIndicator()
    {
        var share = Indicator.Create("PRIVATE_SHARE", "民间投资占比", "%");

        DefineAs(share, Aggregation.Formula, "  PRIVATE_INV / FAI * 100 ");

        share.IsDerived.ShouldBeTrue();
        share.FormulaText.ShouldBe("PRIVATE_INV / FAI * 100");
        share.Formula.ShouldNotBeNull().Inputs.ShouldBe(["PRIVATE_INV", "FAI"]);
        share.Aggregation.ShouldBe(Aggregation.Formula);
        share.ValueKind.ShouldBe(ValueKind.Cumulative);
    }

    [Fact]
    public void Define_FormulaWithoutFormulaAggregation_IsRefused() =>
        Should.Throw<DomainException>(() => DefineAs(Indicator.Create("SHARE", "占比", "%"), Aggregation.Sum, "A / B"))
            .Field.ShouldBe("aggregation");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Define_FormulaAggregationWithoutFormula_IsRefused(string? formula) =>
        Should.Throw<DomainException>(() => DefineAs(Indicator.Create("SHARE", "占比", "%"), Aggregation.Formula, formula))
            .Field.ShouldBe("formula");

    [Fact]
    public void Define_FormulaReferringToItself_IsRefused()
    {
        var ex = Should.Throw<DomainException>(() => DefineAs(Indicator.Create("SHARE", "占比", "%"), Aggregation.Formula, "SHARE * 2 + A"));

        ex.Field.ShouldBe("formula");
        ex.Message.ShouldContain("SHARE");
    }

    [Fact]
    public void Define_MalformedFormula_IsRefusedOnFormula() =>
        Should.Throw<DomainException>(() => DefineAs(Indicator.Create("SHARE", "占比", "%"), Aggregation.Formula, "A / (B"))
            .Field.ShouldBe("formula");

    [Fact]
    public void Define_BackToPlainIndicator_DropsFormula()
    {
        var share = Indicator.Create("SHARE", "占比", "%");
        DefineAs(share, Aggregation.Formula, "A / B");

        DefineAs(share, Aggregation.None, null);

        share.IsDerived.ShouldBeFalse();
        share.FormulaText.ShouldBeNull();
        share.Formula.ShouldBeNull();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(Indicator.MaxDecimals)]
    public void Define_DecimalsWithinRange_AreKept(int decimals)
    {
        var indicator = Indicator.Create("GDP", "地区生产总值", "亿元");

        DefineAs(indicator, Aggregation.Sum, null, decimals);

        indicator.Decimals.ShouldBe(decimals);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(Indicator.MaxDecimals + 1)]
    public void Define_DecimalsOutOfRange_AreRefused(int decimals) =>
        Should.Throw<DomainException>(() => DefineAs(Indicator.Create("GDP", "地区生产总值", "亿元"), Aggregation.Sum, null, decimals))
            .Field.ShouldBe("decimals");

    [Fact]
    public void Define_UndefinedEnumValues_AreRefusedOnTheirField()
    {
        var indicator = Indicator.Create("GDP", "地区生产总值", "亿元");

        Should.Throw<DomainException>(() => indicator.Define("n", "", (Direction)9, Frequency.Year, ValueKind.Level, Aggregation.None, null, Tolerance.Default, ProgressProfile.Linear, 2))
            .Field.ShouldBe("direction");
        Should.Throw<DomainException>(() => indicator.Define("n", "", Direction.Lower, (Frequency)0, ValueKind.Level, Aggregation.None, null, Tolerance.Default, ProgressProfile.Linear, 2))
            .Field.ShouldBe("frequency");
        Should.Throw<DomainException>(() => indicator.Define("n", "", Direction.Lower, Frequency.Year, (ValueKind)7, Aggregation.None, null, Tolerance.Default, ProgressProfile.Linear, 2))
            .Field.ShouldBe("valueKind");
        Should.Throw<DomainException>(() => indicator.Define("n", "", Direction.Lower, Frequency.Year, ValueKind.Level, (Aggregation)7, null, Tolerance.Default, ProgressProfile.Linear, 2))
            .Field.ShouldBe("aggregation");
        Should.Throw<DomainException>(() => indicator.Define("n", "", Direction.Lower, Frequency.Year, ValueKind.Level, Aggregation.None, null, Tolerance.Default, (ProgressProfile)7, 2))
            .Field.ShouldBe("profile");
    }

    [Fact]
    public void Define_Tolerance_IsStoredAndReadBack()
    {
        var cpi = Indicator.Create("CPI", "居民消费价格涨幅", "%");

        cpi.Define("居民消费价格涨幅", "%", Direction.Range, Frequency.Month, ValueKind.Level, Aggregation.None, null, new Tolerance(0.3m, IsRelative: false), ProgressProfile.Linear, 1);

        cpi.ToleranceText.ShouldBe("0.3");
        cpi.Tolerance.ShouldBe(new Tolerance(0.3m, IsRelative: false));
    }

    [Fact]
    public void Define_Refused_LeavesDefinitionUnchanged()
    {
        var share = Indicator.Create("SHARE", "占比", "%");
        DefineAs(share, Aggregation.Formula, "A / B");
    
        Should.Throw<DomainException>(() => share.Define("改名", "%", Direction.Lower, Frequency.Year, ValueKind.Level, Aggregation.Sum, "A / B", Tolerance.Default, ProgressProfile.Linear, 2));
        Should.Throw<DomainException>(() => DefineAs(share, Aggregation.Formula, "SHARE + A"));
    
        share.Name.ShouldBe("民间投资占比");
        share.Aggregation.ShouldBe(Aggregation.Formula);
        share.Formula.ShouldNotBeNull().Text.ShouldBe(share.FormulaText);
        share.Formula.Inputs.ShouldBe(["A", "B"]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(28)]
    public void SetDueDay_WithinMonth_IsKept(int day)
    {
        var indicator = Indicator.Create("GDP", "地区生产总值", "亿元");

        indicator.SetDueDay(day);

        indicator.DueDay.ShouldBe(day);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(29)]
    public void SetDueDay_OutsideOneTo28_IsRefused(int day) =>
        Should.Throw<DomainException>(() => Indicator.Create("GDP", "地区生产总值", "亿元").SetDueDay(day)).Field.ShouldBe("dueDay");

    [Fact]
    public void LinkPlanItems_ReplacesTheSetWithoutDuplicates()
    {
        var indicator = Indicator.Create("GDP", "地区生产总值", "亿元");
        indicator.LinkPlanItems([1, 2, 2]);

        indicator.LinkPlanItems([2, 3, 3]);

        indicator.PlanLinks.Select(l => l.PlanItemId).Order().ShouldBe([2, 3]);
    }

    [Fact]
    public void CheckFormulaGraph_UnknownInput_NamesItAndTheFormula()
    {
        var formulas = new Dictionary<string, Formula> { ["RATIO"] = Formula.Parse("A / MISSING") };

        var ex = Should.Throw<DomainException>(() => Indicator.CheckFormulaGraph(formulas, new HashSet<string> { "A", "RATIO" }));

        ex.Field.ShouldBe("formula");
        ex.Message.ShouldContain("MISSING");
        ex.Message.ShouldContain("RATIO");
    }

    [Fact]
    public void CheckFormulaGraph_TwoFormulasReadingEachOther_ReportsCycle()
    {
        var formulas = new Dictionary<string, Formula>
        {
            ["A"] = Formula.Parse("B + 1"),
            ["B"] = Formula.Parse("A * 2"),
        };

        var ex = Should.Throw<DomainException>(() => Indicator.CheckFormulaGraph(formulas, new HashSet<string> { "A", "B" }));

        ex.Field.ShouldBe("formula");
        ex.Message.ShouldContain("循环");
        ex.Message.ShouldContain("A → B → A");
    }

    [Fact]
    public void CheckFormulaGraph_LongerCycle_ReportsCycle()
    {
        var formulas = new Dictionary<string, Formula>
        {
            ["A"] = Formula.Parse("B + X"),
            ["B"] = Formula.Parse("C + X"),
            ["C"] = Formula.Parse("A + X"),
        };

        Should.Throw<DomainException>(() => Indicator.CheckFormulaGraph(formulas, new HashSet<string> { "A", "B", "C", "X" }))
            .Message.ShouldContain("循环");
    }

    [Fact]
    public void CheckFormulaGraph_InputsComeBeforeTheFormulasReadingThem()
    {
        var formulas = new Dictionary<string, Formula>
        {
            ["E"] = Formula.Parse("D + C"),
            ["SHARE"] = Formula.Parse("PRIVATE_INV / FAI * 100"),
            ["D"] = Formula.Parse("C * 2"),
            ["C"] = Formula.Parse("X + Y"),
            ["FAI"] = Formula.Parse("FAI_CITY + FAI_COUNTY"),
        };
        var known = new HashSet<string> { "C", "D", "E", "SHARE", "FAI", "X", "Y", "PRIVATE_INV", "FAI_CITY", "FAI_COUNTY" };

        var order = Indicator.CheckFormulaGraph(formulas, known).ToList();

        order.ShouldBe(formulas.Keys, ignoreOrder: true);
        order.IndexOf("C").ShouldBeLessThan(order.IndexOf("D"));
        order.IndexOf("D").ShouldBeLessThan(order.IndexOf("E"));
        order.IndexOf("FAI").ShouldBeLessThan(order.IndexOf("SHARE"));
    }

    [Fact]
    public void CheckFormulaGraph_SharedInputs_AreNotACycle()
    {
        var formulas = new Dictionary<string, Formula>
        {
            ["TOP"] = Formula.Parse("LEFT + RIGHT"),
            ["LEFT"] = Formula.Parse("BASE * 2"),
            ["RIGHT"] = Formula.Parse("BASE * 3"),
            ["BASE"] = Formula.Parse("X + 1"),
        };

        var order = Indicator.CheckFormulaGraph(formulas, new HashSet<string>(formulas.Keys) { "X" }).ToList();

        order[0].ShouldBe("BASE");
        order[^1].ShouldBe("TOP");
    }

    [Fact]
    public void CheckFormulaGraph_NoFormulas_ReturnsEmpty() =>
        Indicator.CheckFormulaGraph(new Dictionary<string, Formula>(), new HashSet<string>()).ShouldBeEmpty();
}
