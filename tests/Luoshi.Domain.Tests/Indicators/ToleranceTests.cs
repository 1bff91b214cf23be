using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;

namespace Luoshi.Domain.Tests.Indicators;

public class ToleranceTests
{
    [Fact]
    public void Parse_Percent_IsRelative() =>
        Tolerance.Parse("5%").ShouldBe(new Tolerance(5m, IsRelative: true));

    [Fact]
    public void Parse_PlainNumber_IsAbsolute() =>
        Tolerance.Parse("0.3").ShouldBe(new Tolerance(0.3m, IsRelative: false));

    [Fact]
    public void Parse_SpacesAroundNumberAndSign_AreIgnored() =>
        Tolerance.Parse(" 2.5 % ").ShouldBe(new Tolerance(2.5m, IsRelative: true));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_Blank_ReturnsDefaultFivePercent(string? text) =>
        Tolerance.Parse(text).ShouldBe(Tolerance.Default);

    [Fact]
    public void Parse_HundredPercent_IsTheLimit()
    {
        Tolerance.Parse("100%").Amount.ShouldBe(100m);
        Should.Throw<DomainException>(() => Tolerance.Parse("100.1%")).Field.ShouldBe("tolerance");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5%")]
    [InlineData("-0.3")]
    [InlineData("5%%")]
    [InlineData("%")]
    [InlineData("1,5")]
    [InlineData("1e3")]
    [InlineData("５%")]
    [InlineData("5 percent")]
    [InlineData("NaN")]
    [InlineData("0x10")]
    public void Parse_Malformed_ThrowsOnToleranceField(string text) =>
        Should.Throw<DomainException>(() => Tolerance.Parse(text)).Field.ShouldBe("tolerance");

    [Fact]
    public void Parse_Malformed_UsesGivenFieldAndQuotesAShortPrefix()
    {
        var ex = Should.Throw<DomainException>(() => Tolerance.Parse(new string('x', 10_000), "indicatorTolerance"));

        ex.Field.ShouldBe("indicatorTolerance");
        ex.Message.Length.ShouldBeLessThan(200);
    }

    [Theory]
    [InlineData("5%")]
    [InlineData("0.3")]
    [InlineData("12.5%")]
    [InlineData("0")]
    public void ToString_ParsesBackToSameTolerance(string text)
    {
        var tolerance = Tolerance.Parse(text);

        tolerance.ToString().ShouldBe(text);
        Tolerance.Parse(tolerance.ToString()).ShouldBe(tolerance);
    }

    [Fact]
    public void ToString_FineAbsoluteTolerance_KeepsAllDigits() =>
        Tolerance.Parse(Tolerance.Parse("0.00005").ToString()).Amount.ShouldBe(0.00005m);

    [Theory]
    [InlineData(200, 10)]
    [InlineData(-200, 10)]
    [InlineData(0, 0)]
    public void AbsoluteAround_Relative_IsShareOfReferenceMagnitude(int reference, int expected) =>
        new Tolerance(5m, IsRelative: true).AbsoluteAround(reference).ShouldBe(expected);

    [Fact]
    public void AbsoluteAround_Absolute_IgnoresReference()
    {
        var tolerance = new Tolerance(0.3m, IsRelative: false);

        tolerance.AbsoluteAround(1000m).ShouldBe(0.3m);
        tolerance.AbsoluteAround(-2m).ShouldBe(0.3m);
    }
}
