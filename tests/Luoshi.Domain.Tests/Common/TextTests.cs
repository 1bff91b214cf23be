using System.Globalization;
using System.Text.Json;
using Luoshi.Domain.Common;

namespace Luoshi.Domain.Tests.Common;

public class TextTests
{
    private static readonly Text Locked = new("数据已锁定", "the value is locked");

    [Theory]
    [InlineData("zh-CN", "数据已锁定")]
    [InlineData("zh", "数据已锁定")]
    [InlineData("en", "the value is locked")]
    [InlineData("en-GB", "the value is locked")]
    [InlineData("", "数据已锁定 / the value is locked")]
    [InlineData("fr", "数据已锁定 / the value is locked")]
    public void ToString_FollowsTheCurrentUiCulture(string culture, string expected) =>
        In(CultureInfo.GetCultureInfo(culture), () => Locked.ToString()).ShouldBe(expected);

    [Fact]
    public void Bilingual_AfterAFullWidthBracket_HasNoSpaceBeforeTheSlash()
    {
        new Text("已被他人修改（当前版本 3）", "changed (now version 3)").Bilingual.ShouldBe("已被他人修改（当前版本 3）/ changed (now version 3)");
        new Text("按公式 min(A, 1)", "by min(A, 1)").Bilingual.ShouldBe("按公式 min(A, 1) / by min(A, 1)");
    }

    [Fact]
    public void Same_IsWrittenOnceEvenWhenBothAreAsked() =>
        Text.Same("FAI/330102/2026-10").In(Language.Both).ShouldBe("FAI/330102/2026-10");

    [Theory]
    [InlineData(Language.Chinese, "zh-CN")]
    [InlineData(Language.English, "en")]
    public void CultureOf_RoundTripsTheLanguage(Language language, string culture)
    {
        Text.CultureOf(language).Name.ShouldBe(culture);
        Text.LanguageOf(Text.CultureOf(language)).ShouldBe(language);
        Text.LanguageOf(Text.CultureOf(Language.Both)).ShouldBe(Language.Both);
    }

    [Fact]
    public void Json_WritesOneStringInTheReadersLanguage_AndKeepsTheShape()
    {
        var json = In(CultureInfo.GetCultureInfo("en"), () => JsonSerializer.Serialize(new { reason = Locked }));
        json.ShouldBe("{\"reason\":\"the value is locked\"}");
        JsonSerializer.Deserialize<Text>("\"原话\"").ShouldBe(Text.Same("原话"));
    }

    [Fact]
    public void DomainException_KeepsTheTextAndLogsBoth()
    {
        var e = new DomainException("value", Locked);
        e.Detail.ShouldBe(Locked);
        e.Message.ShouldBe("数据已锁定 / the value is locked");
    }

    private static T In<T>(CultureInfo culture, Func<T> body)
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return body();
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
