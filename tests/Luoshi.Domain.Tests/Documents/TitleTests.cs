using Luoshi.Domain.Documents;

namespace Luoshi.Domain.Tests.Documents;

public class TitleTests
{
    private static string? Title(string text, string? hint = null) => DocumentExtractor.Extract(text, NoTextConversion.Instance, hint).Title;

    [Theory]
    [InlineData("首页 > 新闻中心 > 正文\n甲市召开全市安全生产工作会议\n6月18日，甲市召开会议。")]
    [InlineData("当前位置：首页 » 要闻动态\n甲市召开全市安全生产工作会议\n6月18日，甲市召开会议。")]
    [InlineData("登录 注册\n甲市新闻网\n要闻动态\n甲市召开全市安全生产工作会议\n2024-06-20 10:21 来源：甲市日报\n6月18日，甲市召开会议。")]
    [InlineData("首页 | 政务公开 | 互动交流\n2024年6月20日 星期四\n甲市召开全市安全生产工作会议\n6月18日，甲市召开会议。")]
    [InlineData("甲市人民政府门户网站\n甲市召开全市安全生产工作会议\n6月18日，甲市召开会议。")]
    [InlineData("您好，欢迎访问甲市人民政府网站！\n今天是2024年6月20日 星期四\n甲市召开全市安全生产工作会议\n6月18日，甲市召开会议。")]
    [InlineData("甲市人民政府文件\n甲政发〔2024〕18号\n甲市召开全市安全生产工作会议\n6月18日，甲市召开会议。")]
    public void SiteChromeAboveTheHeadline_IsPassedOver(string text)
    {
        Title(text).ShouldBe("甲市召开全市安全生产工作会议");
    }

    [Fact]
    public void AHeadlineWithOneComma_IsATitle_ButALeadSentenceIsNot()
    {
        Title("甲省召开新春第一会，扭住高质量发展不放松\n正文第一句。").ShouldBe("甲省召开新春第一会，扭住高质量发展不放松");
        Title("6月18日，甲市召开会议，研究部署安全生产工作，要求各地压实责任\n正文。").ShouldBeNull();
        Title("6月18日，甲市召开全市安全生产工作会议。\n会议要求压实责任。").ShouldBeNull();
    }

    [Fact]
    public void ASpeechHeading_IsTheTitle_AndTheDeliveryDateBelowItIsNot()
    {
        var x = DocumentExtractor.Extract("在全市安全生产工作会议上的讲话\n（2024年6月18日）\n张三\n同志们：今天开会。", NoTextConversion.Instance);

        x.Title.ShouldBe("在全市安全生产工作会议上的讲话");
        x.Date!.Date.ShouldBe(new DateOnly(2024, 6, 18));
    }

    [Fact]
    public void BreadcrumbsMenusAndShortColumnNames_AreNeverTitles()
    {
        Title("首页 > 新闻中心 > 正文\n要闻动态\n今天全市天气晴朗。").ShouldBeNull();
        Title("登录 注册 帮助\n正文第一句。").ShouldBeNull();
    }

    [Theory]
    [InlineData("甲市召开全市安全生产工作会议_甲市人民政府")]
    [InlineData("甲市召开全市安全生产工作会议 - 甲市新闻网")]
    [InlineData("甲市召开全市安全生产工作会议 | 要闻动态 | 甲市人民政府门户网站")]
    [InlineData("甲市召开全市安全生产工作会议-甲市新闻网")]
    public void TheContainerTitle_LosesItsSiteName_AndStandsInWhenTheTextHasNoHeadline(string hint)
    {
        Title("6月18日，甲市召开全市安全生产工作会议。会议要求压实责任。", hint).ShouldBe("甲市召开全市安全生产工作会议");
    }

    [Fact]
    public void TheContainerTitle_PicksTheHeadlineAmongTheOpeningLines()
    {
        // 甲市融媒 reads like a headline on its own; the page's <title> says which line is the headline.
        Title("甲市融媒专稿\n甲市召开全市安全生产工作会议\n6月18日，甲市召开会议。", "甲市召开全市安全生产工作会议_甲市融媒").ShouldBe("甲市召开全市安全生产工作会议");
        Title("甲市召开全市安全生产工作会议\n6月18日，甲市召开会议。", "甲市人民政府门户网站").ShouldBe("甲市召开全市安全生产工作会议");
    }

    [Fact]
    public void AContainerTitleThatIsOnlyTheSiteName_IsNotATitle()
    {
        TitleFinder.FromHint("甲市人民政府门户网站").ShouldBeNull();
        TitleFinder.FromHint("  ").ShouldBeNull();
        TitleFinder.FromHint("奋进新征程——甲市发展纪实_甲市新闻网").ShouldBe("奋进新征程——甲市发展纪实");
    }

    [Theory]
    [InlineData("【要闻速递】县委召开全会部署冬季工作\n正文第一段。", "县委召开全会部署冬季工作")]
    [InlineData("[原创]县委召开全会部署冬季工作\n正文第一段。", "县委召开全会部署冬季工作")]
    [InlineData("县委召开全会【附全文】\n正文第一段。", "县委召开全会【附全文】")]
    public void ColumnTag_BeforeTheHeadline_IsNoPartOfTheTitle(string text, string title) =>
        TitleFinder.Find(text.Split('\n')).ShouldBe(title);
}
