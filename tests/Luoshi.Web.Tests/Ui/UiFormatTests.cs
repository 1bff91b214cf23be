using System.Globalization;
using Luoshi.Web.Ui;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

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

    [Theory]
    [InlineData("zh-CN", 6.04, null, "+6.0%")]
    [InlineData("zh-CN", -0.4, -0.44, "−0.4 个百分点")]
    [InlineData("en", 12.3, 0.26, "+0.3 pp")]
    [InlineData("en", 0.0, null, "±0.0%")]
    [InlineData("en", null, null, "–")]
    public void Change_ShowsTheEnginesGrowth_InPointsForRates(string culture, double? percent, double? points, string expected)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            Format().Change(percent, points).ShouldBe(expected);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    [Fact]
    public void StatusClass_NamesTheLight()
    {
        UiFormat.StatusClass(Luoshi.Domain.Evaluation.EvaluationStatus.Red).ShouldBe("status-red");
        UiFormat.StatusClass(Luoshi.Domain.Evaluation.EvaluationStatus.None).ShouldBe("status-none");
    }

    private static UiFormat Format()
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        return new UiFormat(new StringLocalizer<UiText>(factory), Luoshi.Application.Common.LocalCalendar.China(TimeProvider.System));
    }

}
