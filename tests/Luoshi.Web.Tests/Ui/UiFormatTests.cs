using System.Globalization;
using Luoshi.Web.Ui;

namespace Luoshi.Web.Tests.Ui;

public sealed class UiFormatTests
{
    [Theory]
    [InlineData("zh-CN", "不能为空 / is required", "不能为空")]
    [InlineData("en", "不能为空 / is required", "is required")]
    [InlineData("zh-CN", "单位已被他人修改(当前版本 2)/ the unit was changed by someone else (now version 2)", "单位已被他人修改(当前版本 2)")]
    [InlineData("en", "单位已被他人修改(当前版本 2)/ the unit was changed by someone else (now version 2)", "the unit was changed by someone else (now version 2)")]
    [InlineData("en", "找不到单位/org unit X / org unit 'X' was not found", "org unit 'X' was not found")]
    [InlineData("en", "only one language", "only one language")]
    public void Message_ShowsTheHalfInTheReadersLanguage(string culture, string message, string expected)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            UiFormat.Message(message).ShouldBe(expected);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void YearOnYear_OfRates_IsInPercentagePoints()
    {
        var change = YearOnYear.Of(5.1m, 5.5m, "%");

        change.ShouldBe(new YearOnYear(-0.4m, InPoints: true));
    }

    [Fact]
    public void YearOnYear_OfAmounts_IsRelative()
    {
        var change = YearOnYear.Of(106m, 100m, "亿元");

        change.ShouldBe(new YearOnYear(6m, InPoints: false));
    }

    [Theory]
    [InlineData(null, "100")]
    [InlineData("100", null)]
    [InlineData("100", "0")]
    [InlineData("100", "-5")]
    public void YearOnYear_WithoutAPositiveBase_IsNone(string? now, string? then)
    {
        YearOnYear.Of(Parse(now), Parse(then), "亿元").ShouldBeNull();
    }

    private static decimal? Parse(string? s) => s is null ? null : decimal.Parse(s, CultureInfo.InvariantCulture);
}
