using Luoshi.Application.Documents;
using Luoshi.Domain.Documents;

namespace Luoshi.Application.Tests.Documents;

/// <summary>Saved pages as sites write them: the article found among navigation, sidebars and div soup, the chrome dropped.</summary>
public sealed class HtmlTextTests
{
    private static string Links(string prefix, int count) =>
        string.Concat(Enumerable.Range(1, count).Select(i => $"<li><a href=\"/n/{i}.html\">{prefix}新闻标题第{i}条关于全省经济工作的报道</a></li>"));

    [Fact]
    public void Article_IsFound_AmongABigNavigationAndASidebarOfLinks()
    {
        var html = $"""
            <!DOCTYPE html><html><head><title>全省工作会议召开_某某网</title></head><body>
            <div class="top-bar"><a href="/login">登录</a> | <a href="/reg">注册</a> | 手机版</div>
            <nav><ul><li><a href="/">首页</a></li>{Links("导航", 30)}</ul></nav>
            <div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/news">新闻</a> &gt; 正文</div>
            <div class="wrap">
              <div class="left-list"><h3>热点新闻</h3><ul>{Links("热点", 15)}</ul></div>
              <article>
                <h1>全省工作会议召开</h1>
                <div class="info">发布时间：2024-01-03 09:00 来源：某某日报</div>
                <p>1月2日，全省工作会议在杭州召开。省委书记张明出席会议并讲话。</p>
                <p>会议强调，要加快建设现代化产业体系，确保全年经济增长5%以上。</p>
                <ul class="links"><li><a href="/a">相关链接：上一次会议</a></li><li><a href="/b">相关链接：下一次会议</a></li></ul>
                <div class="share-box">分享到：<a>微信</a> <a>微博</a></div>
              </article>
              <aside><h3>推荐阅读</h3><ul>{Links("推荐", 10)}</ul></aside>
            </div>
            <div id="comment-list"><p>网友甲：这次会议开得好，我很赞同。</p></div>
            <footer>版权所有 © 某某网 浙ICP备12345678号</footer>
            </body></html>
            """;

        var (text, title) = HtmlText.ToText(html);

        title.ShouldBe("全省工作会议召开_某某网");
        text.ShouldBe("""
            全省工作会议召开
            发布时间：2024-01-03 09:00 来源：某某日报
            1月2日，全省工作会议在杭州召开。省委书记张明出席会议并讲话。
            会议强调，要加快建设现代化产业体系，确保全年经济增长5%以上。
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void DivSoup_TheDensestBlockWins_AndTheHeadlineAndDateLineAboveItAreKept()
    {
        var html = $"""
            <html><head><meta charset="utf-8"><title>关于印发实施方案的通知</title></head><body>
            <div id="header"><div class="logo">某某市人民政府</div><div class="menu-top">{Links("菜单", 12)}</div></div>
            <div id="container">
              <div class="l">
                <div class="box"><div class="tit">通知公告</div><ul>{Links("公告", 12)}</ul></div>
                <div class="box">办公地址：某某市某某路1号，工作日受理咨询。</div>
              </div>
              <div class="r">
                <div class="title"><h1>关于印发实施方案的通知</h1></div>
                <div class="property"><span>发布日期：2024-03-08</span>
                  <span>来源：市政府办公室</span> <span>浏览次数：1024</span></div>
                <div id="zoom">
                  各区县人民政府，市政府各部门：<br>
                  现将《某某市推进产业链高质量发展实施方案》印发给你们，请结合实际认真贯彻落实。<br><br>
                  一、加快推进重大项目建设，确保年底前全部开工，全年完成投资500亿元以上。<br>
                  二、着力培育新质生产力，规模以上工业增加值增长6%左右。<br>
                  某某市人民政府办公室<br>2024年3月6日
                </div>
              </div>
            </div>
            <div class="bottom">主办单位：某某市人民政府办公室 网站标识码：1234567890</div>
            </body></html>
            """;

        var (text, _) = HtmlText.ToText(html);
        var lines = text.Split('\n');

        lines[0].ShouldBe("关于印发实施方案的通知");
        lines[1].ShouldBe("发布日期：2024-03-08 来源：市政府办公室 浏览次数：1024");
        lines[2].ShouldBe("各区县人民政府，市政府各部门：");
        lines.ShouldContain("一、加快推进重大项目建设，确保年底前全部开工，全年完成投资500亿元以上。");
        lines[^1].ShouldBe("2024年3月6日");
        text.ShouldNotContain("新闻标题");
        text.ShouldNotContain("办公地址");
        text.ShouldNotContain("主办单位");
    }

    [Fact]
    public void ParagraphsInSiblingDivs_ClimbToTheirParent()
    {
        var paragraphs = string.Concat(Enumerable.Range(1, 6).Select(i => $"<div class=\"para\">第{i}段：要加快建设现代化产业体系，推动经济实现质的有效提升和量的合理增长。</div>"));
        var html = $"<html><body><div class=\"side\"><ul>{Links("侧栏", 20)}</ul></div><div class=\"content\">{paragraphs}</div></body></html>";

        var lines = HtmlText.ToText(html).Text.Split('\n');

        lines.Length.ShouldBe(6);
        lines[0].ShouldStartWith("第1段");
        lines[5].ShouldStartWith("第6段");
    }

    [Fact]
    public void TableRows_AreKeptAsOneLineEach_CellsJoinedByATab()
    {
        const string html = """
            <html><body><article><h1>主要目标</h1><p>今年全省经济社会发展的主要预期目标如下，各地要对照抓好落实。</p>
            <table><thead><tr><th>指标</th><th>目标</th></tr></thead>
            <tbody><tr><td>地区生产总值增长</td><td>5%左右</td></tr><tr><td>城镇新增就业</td><td>100万人以上</td></tr></tbody></table>
            </article></body></html>
            """;

        var text = HtmlText.ToText(html).Text;

        text.ShouldBe("主要目标\n今年全省经济社会发展的主要预期目标如下，各地要对照抓好落实。\n指标\t目标\n地区生产总值增长\t5%左右\n城镇新增就业\t100万人以上");
    }

    [Fact]
    public void LayoutTables_WithParagraphsInTheirCells_KeepTheParagraphsApart()
    {
        const string html = """
            <html><body><table><tr><td><a href="/">首页</a></td><td>
            <p>第一段：要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。</p>
            <p>第二段：要加快建设现代化产业体系，着力扩大国内需求。</p>
            </td></tr></table></body></html>
            """;

        HtmlText.ToText(html).Text.ShouldBe("第一段：要坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。\n第二段：要加快建设现代化产业体系，着力扩大国内需求。");
    }

    [Fact]
    public void Ruby_KeepsTheBaseText_AndDropsThePinyin()
    {
        const string html = "<html><body><p>这是<ruby>浙<rp>(</rp><rt>zhè</rt><rp>)</rp></ruby><ruby>江<rt>jiāng</rt></ruby>省召开的全省工作会议，会议部署了今年的重点工作。</p></body></html>";

        HtmlText.ToText(html).Text.ShouldBe("这是浙江省召开的全省工作会议，会议部署了今年的重点工作。");
    }

    [Fact]
    public void HiddenElements_AndScripts_AreDropped()
    {
        const string html = """
            <html><body><div class="content">
            <p>要加快建设现代化产业体系，确保全年经济增长5%以上。</p>
            <div style="display: none">隐藏的旧版正文不应出现。</div>
            <p hidden>带隐藏属性的段落也不应出现。</p>
            <span style="visibility:hidden">看不见的文字</span>
            <script>document.write("脚本里的文字")</script><style>.a{}</style><noscript>请启用脚本</noscript>
            <p>要着力扩大国内需求，持续推进消费品以旧换新。</p>
            </div></body></html>
            """;

        HtmlText.ToText(html).Text.ShouldBe("要加快建设现代化产业体系，确保全年经济增长5%以上。\n要着力扩大国内需求，持续推进消费品以旧换新。");
    }

    [Fact]
    public void SourceLineBreaks_BetweenChineseCharacters_DoNotBecomeSpaces()
    {
        const string html = "<html><body><p>要加快建设\n        现代化产业体系，推动 GDP\n增长。</p></body></html>";

        HtmlText.ToText(html).Text.ShouldBe("要加快建设现代化产业体系，推动 GDP 增长。");
    }

    [Fact]
    public void APageWrappedInAForm_OrInADivNamedAfterItsSidebar_KeepsItsText()
    {
        const string form = """
            <html><body><form id="form1" action="x.aspx"><input type="hidden" name="__VIEWSTATE" value="abc">
            <div id="main" class="has-sidebar"><h1>全市工作会议召开</h1><p>会议要求，要加快推进重大项目建设，确保年底前全部开工。</p>
            <p>会议强调，要着力稳就业、保民生、防风险，推动经济持续回升向好。</p></div></form></body></html>
            """;

        var text = HtmlText.ToText(form).Text;

        text.ShouldContain("会议要求，要加快推进重大项目建设，确保年底前全部开工。");
        text.ShouldContain("推动经济持续回升向好。");
    }

    [Fact]
    public void AlmostNothingFound_TheWholeBodyIsRead()
    {
        HtmlText.ToText("<html><body>短短一句话，没有任何段落标记。<a href=\"/\">返回</a></body></html>").Text.ShouldBe("短短一句话，没有任何段落标记。返回");
    }

    [Fact]
    public void ABodyHiddenUntilAScriptShowsIt_IsStillRead()
    {
        const string html = "<html><body><div id=\"app\" style=\"display:none\"><p>要加快建设现代化产业体系，确保全年经济增长5%以上。</p></div><script>show()</script></body></html>";

        HtmlText.ToText(html).Text.ShouldBe("要加快建设现代化产业体系，确保全年经济增长5%以上。");
    }

    [Theory]
    [InlineData("<html><head><title> 标题在 title 里 </title><meta property=\"og:title\" content=\"社交标题\"></head><body><h1>正文标题</h1></body></html>", "标题在 title 里")]
    [InlineData("<html><head><meta property=\"og:title\" content=\"社交标题\"></head><body><h1>正文标题</h1></body></html>", "社交标题")]
    [InlineData("<html><body><h1>正文<b>标题</b></h1><p>正文。</p></body></html>", "正文标题")]
    [InlineData("<html><body><p>正文。</p></body></html>", null)]
    public void TheTitleHint_IsTheTitleElement_ElseOgTitle_ElseTheFirstHeadline(string html, string? title)
    {
        HtmlText.ToText(html).Title.ShouldBe(title);
    }

    [Fact]
    public void APageNestedDeeperThanAnyRealPage_IsReadFlat()
    {
        var html = "<html><head><title>深</title></head><body>" + string.Concat(Enumerable.Repeat("<div>", 200_000)) + "<p>要加快建设现代化产业体系。</p><script>var x;</script></body></html>";

        var (text, title) = HtmlText.ToText(html);

        text.ShouldBe("要加快建设现代化产业体系。");
        title.ShouldBe("深");
    }

    [Fact]
    public void ThroughTheReaderAndTheExtractor_ThePageGivesTitleDateAndBody()
    {
        const string html = """
            <html><head><meta charset="utf-8"><title>省委召开全体会议_新闻中心_某某网</title></head><body>
            <div class="nav"><a>首页</a><a>要闻</a><a>时政</a><a>经济</a></div>
            <div class="main"><div class="article-head"><h1>省委召开全体会议</h1><div class="meta">2024-01-05 10:00:00 来源：某某日报</div></div>
            <div class="article-body"><p>1月4日，省委召开全体会议。省委书记张明在会上讲话，要求加快建设现代化产业体系。</p>
            <p>会议强调，要确保全年地区生产总值增长5.5%左右。</p></div></div>
            </body></html>
            """;

        var x = new ExtractDocument(NoTextConversion.Instance).Handle(System.Text.Encoding.UTF8.GetBytes(html), "page.html").View;

        x.Title.ShouldBe("省委召开全体会议");
        x.Date.ShouldBe(new DateOnly(2024, 1, 4));
        x.Text.ShouldNotContain("要闻");
        x.Text.ShouldNotContain("来源");
    }
}
