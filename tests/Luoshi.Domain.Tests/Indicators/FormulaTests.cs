using FsCheck;
using FsCheck.Fluent;
using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;

namespace Luoshi.Domain.Tests.Indicators;

public class FormulaTests
{
    private static double Evaluate(string text, params (string Code, double Value)[] inputs)
    {
        var formula = Formula.Parse(text);
        var values = inputs.ToDictionary(i => i.Code, i => i.Value, StringComparer.Ordinal);
        formula.TryEvaluate(code => values.TryGetValue(code, out var v) ? v : null, out double value, out Text? failure)
            .ShouldBeTrue(failure?.Bilingual);
        failure.ShouldBeNull();
        return value;
    }

    /// <summary>Bad formulas must fail as a DomainException on the field, never as any other exception.</summary>
    private static DomainException ParseFails(string? text)
    {
        var ex = Record.Exception(() => Formula.Parse(text));
        var domain = ex.ShouldBeOfType<DomainException>();
        domain.Field.ShouldBe("formula");
        return domain;
    }

    [Fact]
    public void Evaluate_ShareOfPrivateInvestment_ReturnsPercentage() =>
        Evaluate("PRIVATE_INV / FAI * 100", ("PRIVATE_INV", 30), ("FAI", 120)).ShouldBe(25);

    [Fact]
    public void Parse_KeepsTrimmedTextAndListsInputs()
    {
        var formula = Formula.Parse("  PRIVATE_INV / FAI * 100 ");

        formula.Text.ShouldBe("PRIVATE_INV / FAI * 100");
        formula.ToString().ShouldBe("PRIVATE_INV / FAI * 100");
        formula.Inputs.ShouldBe(["PRIVATE_INV", "FAI"]);
    }

    [Fact]
    public void Inputs_AreInOrderOfFirstUseWithoutDuplicates() =>
        Formula.Parse("B + A * B - C / A + max(C, D_1)").Inputs.ShouldBe(["B", "A", "C", "D_1"]);

    [Fact]
    public void Inputs_OfConstantFormula_AreEmpty() =>
        Formula.Parse("1 + 2").Inputs.ShouldBeEmpty();

    [Theory]
    [InlineData("1+2*3", 7)]
    [InlineData("(1+2)*3", 9)]
    [InlineData("2*3+4*5", 26)]
    [InlineData("1 + 2 * 3 - 4 / 2", 5)]
    [InlineData("10-4-3", 3)]
    [InlineData("100/10/5", 2)]
    [InlineData("2*(3+(4-1))*2", 24)]
    [InlineData("0.5*4", 2)]
    [InlineData(".5*4", 2)]
    [InlineData("  7  ", 7)]
    public void Evaluate_Arithmetic_FollowsPrecedenceAndLeftAssociativity(string text, double expected) =>
        Evaluate(text).ShouldBe(expected);

    [Theory]
    [InlineData("-3+5", 2)]
    [InlineData("-(2+3)", -5)]
    [InlineData("2*-3", -6)]
    [InlineData("--4", 4)]
    [InlineData("+4", 4)]
    [InlineData("2--3", 5)]
    [InlineData("-2*-2", 4)]
    public void Evaluate_UnaryMinusAndPlus(string text, double expected) =>
        Evaluate(text).ShouldBe(expected);

    [Fact]
    public void Evaluate_UnaryMinusOnInput_NegatesIt() =>
        Evaluate("-A + 1", ("A", 2)).ShouldBe(-1);

    [Theory]
    [InlineData("6×7", 42)]
    [InlineData("8÷2", 4)]
    [InlineData("9−4", 5)]
    [InlineData("−3×2", -6)]
    [InlineData("(10 − 4) ÷ 3 × 2", 4)]
    public void Evaluate_ChineseOperatorSigns_WorkLikeAscii(string text, double expected) =>
        Evaluate(text).ShouldBe(expected);

    [Theory]
    [InlineData("（1+2）×3", 9)]
    [InlineData("max（1，5）", 5)]
    [InlineData("(1+2）*3", 9)]
    public void Evaluate_FullWidthParenthesesAndComma_WorkLikeAscii(string text, double expected) =>
        Evaluate(text).ShouldBe(expected);

    [Theory]
    [InlineData("min(3, 1, 2)", 1)]
    [InlineData("max(3, 1, 2, 7, -1)", 7)]
    [InlineData("abs(-4.5)", 4.5)]
    [InlineData("abs(4.5)", 4.5)]
    [InlineData("min(5)", 5)]
    [InlineData("MAX(1, 2)", 2)]
    [InlineData("Min(4,3)", 3)]
    [InlineData("max(min(1, 2), abs(-3)) * 2", 6)]
    [InlineData("max (1, 2)", 2)]
    public void Evaluate_Functions(string text, double expected) =>
        Evaluate(text).ShouldBe(expected);

    [Fact]
    public void Evaluate_FunctionsOverInputs() =>
        Evaluate("max(A, B) - min(A, B) + abs(A - B)", ("A", 3), ("B", 8)).ShouldBe(10);

    [Fact]
    public void TryEvaluate_WithSpan_ReadsInputsBySlot()
    {
        var formula = Formula.Parse("B - A");

        formula.TryEvaluate([10.0, 4.0], out double value, out _).ShouldBeTrue();

        formula.Inputs.ShouldBe(["B", "A"]);
        value.ShouldBe(6);
    }

    [Theory]
    [InlineData("A / B")]
    [InlineData("1 / (A - A)")]
    [InlineData("1 / 0")]
    [InlineData("A ÷ -0")]
    public void TryEvaluate_DivisionByZero_ReturnsFalseWithReason(string text)
    {
        var formula = Formula.Parse(text);

        bool ok = formula.TryEvaluate(code => code == "B" ? 0 : 5, out double value, out Text? failure);

        ok.ShouldBeFalse();
        double.IsNaN(value).ShouldBeTrue();
        failure.ShouldNotBeNull().Bilingual.ShouldContain("除数为零");
    }

    [Fact]
    public void TryEvaluate_NaNInput_ReturnsFalseNamingTheCode()
    {
        var formula = Formula.Parse("PRIVATE_INV / FAI * 100");

        formula.TryEvaluate([30.0, double.NaN], out double value, out Text? failure).ShouldBeFalse();

        double.IsNaN(value).ShouldBeTrue();
        failure.ShouldNotBeNull().Bilingual.ShouldContain("FAI");
    }

    [Fact]
    public void TryEvaluate_LookupWithoutValue_CountsAsMissing()
    {
        var formula = Formula.Parse("A + B");

        formula.TryEvaluate(code => code == "A" ? 1 : null, out _, out Text? failure).ShouldBeFalse();

        failure.ShouldNotBeNull().Bilingual.ShouldContain("B");
    }

    [Fact]
    public void TryEvaluate_MissingInputBeforeDivisionByZero_ReportsTheMissingInput()
    {
        var formula = Formula.Parse("A / 0");

        formula.TryEvaluate([double.NaN], out _, out Text? failure).ShouldBeFalse();

        failure.ShouldNotBeNull().Bilingual.ShouldContain("A");
    }

    [Theory]
    [InlineData("(1+2")]
    [InlineData("1+2)")]
    [InlineData("((A)")]
    [InlineData("foo(1)")]
    [InlineData("sqrt(4)")]
    [InlineData("1 2")]
    [InlineData("A B")]
    [InlineData("1+")]
    [InlineData("*2")]
    [InlineData("()")]
    [InlineData("min()")]
    [InlineData("max(1,)")]
    [InlineData("max(1 2)")]
    [InlineData("abs(1, 2)")]
    [InlineData("abs(")]
    [InlineData("1 + $")]
    [InlineData("A == B")]
    [InlineData("1,2")]
    [InlineData("1.2.3")]
    [InlineData(".")]
    [InlineData("1e5")]
    [InlineData("１+2")]
    [InlineData("A；")]
    [InlineData("2^3")]
    [InlineData("A % B")]
    [InlineData("\"A\"")]
    [InlineData("A\0")]
    [InlineData("指标A + 1")]
    public void Parse_SyntaxError_ThrowsDomainExceptionOnFormula(string text) => ParseFails(text);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \t ")]
    public void Parse_Empty_ThrowsDomainException(string? text) => ParseFails(text).Message.ShouldContain("公式不能为空");

    [Fact]
    public void Parse_SyntaxError_SaysWhere()
    {
        var e = ParseFails("1 + 2 )");
        e.Detail.Zh.ShouldContain("(位置 7)");
        e.Detail.En.ShouldContain("(at 7)");
    }

    [Fact]
    public void Parse_UnknownFunction_NamesItAndTheKnownOnes()
    {
        var message = ParseFails("avg(A, B)").Message;

        message.ShouldContain("avg");
        message.ShouldContain("min");
    }

    [Fact]
    public void Parse_GivenField_IsUsedInTheError() =>
        Should.Throw<DomainException>(() => Formula.Parse("(", "formulaText")).Field.ShouldBe("formulaText");

    [Fact]
    public void Parse_ExactlyMaxLength_IsAccepted()
    {
        var text = string.Concat(Enumerable.Repeat("1+", 249)) + "11";
        text.Length.ShouldBe(Formula.MaxLength);

        Evaluate(text).ShouldBe(249 + 11);
    }

    [Fact]
    public void Parse_LongerThanMaxLength_Throws()
    {
        var text = string.Concat(Enumerable.Repeat("1+", 250)) + "1";

        ParseFails(text).Message.ShouldContain("500");
    }

    [Fact]
    public void Parse_HugeInput_ThrowsQuickly() =>
        ParseFails(new string('(', 1_000_000));

    [Theory]
    [InlineData(200)]
    [InlineData(40)]
    public void Parse_DeepParentheses_ThrowsNotStackOverflow(int depth) =>
        ParseFails(new string('(', depth) + "1" + new string(')', depth));

    [Fact]
    public void Parse_DeepFunctionNesting_Throws() =>
        ParseFails(string.Concat(Enumerable.Repeat("abs(", 100)) + "1" + new string(')', 100));

    [Fact]
    public void Parse_UnclosedDeepParentheses_Throws() =>
        ParseFails(new string('(', 200));

    [Fact]
    public void Parse_ModerateNesting_IsAccepted() =>
        Evaluate(new string('(', 10) + "A" + new string(')', 10) + "*2", ("A", 3)).ShouldBe(6);

    [Fact]
    public void Parse_LongChainOfUnaryMinus_EvaluatesWithoutOverflow() =>
        Evaluate(new string('-', 400) + "1").ShouldBe(1);

    [Fact]
    public void Parse_TooManyFunctionArguments_ThrowsTooComplex() =>
        ParseFails("max(" + string.Join(',', Enumerable.Repeat("1", 100)) + ")");

    [Fact]
    public void Property_SumOfTwoInputs_IsTheirSum() =>
        Prop.ForAll(ArbMap.Default.ArbFor<double>(), ArbMap.Default.ArbFor<double>(), (a, b) =>
        {
            var formula = Formula.Parse("A+B");
            bool ok = formula.TryEvaluate([a, b], out double value, out _);
            // No input, or a sum beyond the range of double, gives no value rather than NaN or infinity.
            return double.IsNaN(a) || double.IsNaN(b) || !double.IsFinite(a + b)
                ? !ok && double.IsNaN(value)
                : ok && value.Equals(a + b);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Property_Quotient_IsQuotientOrNoValueForZero() =>
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), ArbMap.Default.ArbFor<int>(), (a, b) =>
        {
            bool ok = Formula.Parse("A ÷ B").TryEvaluate([a, b], out double value, out Text? failure);
            return b == 0
                ? !ok && failure!.Value.Zh.Contains("除数为零", StringComparison.Ordinal)
                : ok && value.Equals((double)a / b);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Property_ArbitraryText_EitherParsesAndEvaluatesOrThrowsDomainException()
    {
        var alphabet = "AB12.0()+-*/×÷−,minaxbs （），$_ ".ToCharArray();
        var texts =
            from length in Gen.Choose(0, 40)
            from chars in Gen.ArrayOf(Gen.Elements(alphabet), length)
            select new string(chars);

        Prop.ForAll(texts.ToArbitrary(), text =>
        {
            Formula formula;
            try
            {
                formula = Formula.Parse(text);
            }
            catch (DomainException ex) when (ex.Field == "formula")
            {
                return true;
            }

            var inputs = Enumerable.Repeat(1.0, formula.Inputs.Count).ToArray();
            formula.TryEvaluate(inputs, out _, out _);
            return true;
        }).QuickCheckThrowOnFailure();
    }
}
