using Luoshi.Domain.Documents;

namespace Luoshi.Domain.Tests.Documents;

public class ExtractorTests
{
    private static DocumentExtraction Extract(string text) => DocumentExtractor.Extract(text, NoTextConversion.Instance);

    [Fact]
    public void Sentences_CarryOffsetsIntoTheText_AndClosingQuotesStayWithTheirSentence()
    {
        const string text = "第一句。“第二句！”第三句？\n没有句号的标题";

        var sentences = SentenceSplitter.Split(text);

        sentences.Select(s => s.Text).ShouldBe(["第一句。", "“第二句！”", "第三句？", "没有句号的标题"]);
        sentences.ShouldAllBe(s => text.Substring(s.Span.Start, s.Span.Length) == s.Text);
        sentences.Select(s => s.Paragraph).ShouldBe([0, 0, 0, 1]);
    }

    [Fact]
    public void Date_MonthAndDayOfTheMeeting_TakeTheYearOfPublication()
    {
        var x = Extract("来源：某报 2024年1月3日\n12月28日，省委召开经济工作会议。会议要求，到6月30日前完成部署。");

        x.Date.ShouldNotBeNull();
        x.Date.Date.ShouldBe(new DateOnly(2023, 12, 28));
        x.Date.Basis.ShouldBe(DateBasis.Event);
    }

    [Fact]
    public void Date_DatelineAndFullDateOfASpeech_AreRecognised()
    {
        Extract("发布时间：2022-05-01\n本报讯4月20日讯 省政府召开常务会议。").Date!.Date.ShouldBe(new DateOnly(2022, 4, 20));
        Extract("（摘自某某同志2021年9月9日在全市干部大会上的讲话）").Date!.Date.ShouldBe(new DateOnly(2021, 9, 9));
    }

    [Fact]
    public void Date_WithoutAnEvent_FallsBackToThePublicationDate()
    {
        var x = Extract("发布日期：2020-10-10\n全年粮食生产形势良好。");

        x.Date!.Date.ShouldBe(new DateOnly(2020, 10, 10));
        x.Date.Basis.ShouldBe(DateBasis.Published);
        Extract("没有任何日期的文字。").Date.ShouldBeNull();
    }

    [Fact]
    public void People_TakeTheOfficeWrittenBeforeTheName_TwoOrThreeCharacters()
    {
        var x = Extract("市委书记张明在会上讲话，市委副书记、市长欧阳晓东主持会议，市政协主席李强、市委副书记赵一鸣等出席。张明强调，要学习贯彻习近平总书记重要讲话精神。");

        x.People.Select(p => (p.Name, p.Role)).ShouldBe(
        [
            ("张明", "市委书记"), ("欧阳晓东", "市委副书记、市长"), ("李强", "市政协主席"), ("赵一鸣", "市委副书记"), ("习近平", "总书记"),
        ]);
    }

    [Fact]
    public void People_ComradeMentionsCountOnlyWhenTheNameRecurs()
    {
        var x = Extract("各位同志：会议由王立新同志主持。王立新指出，要抓好落实。");

        x.People.ShouldHaveSingleItem().Name.ShouldBe("王立新");
    }

    [Fact]
    public void Terms_AreCounted_AndNumberedFormulationsAreMarked()
    {
        var x = Extract("深入实施“八八战略”，统筹推进三个“一号工程”，实施“十项重大工程”，落实“4+1”专项行动，缩小“三大差距”，推进“双碳”工作，深化“千万工程”，坚持“八八战略”，以“一马当先”带动“万马奔腾”，擦亮“金名片”。");

        var terms = x.Terms.ToDictionary(t => t.Term);
        terms["八八战略"].Count.ShouldBe(2);
        terms["八八战略"].Positions.Count.ShouldBe(2);
        terms["一号工程"].Numeral.ShouldBe("三个");
        foreach (var numbered in new[] { "八八战略", "一号工程", "十项重大工程", "4+1", "三大差距", "双碳", "千万工程" })
        {
            terms[numbered].Numbered.ShouldBeTrue(numbered);
        }

        foreach (var plain in new[] { "一马当先", "万马奔腾", "金名片" })
        {
            terms[plain].Numbered.ShouldBeFalse(plain);
        }
    }

    [Theory]
    [InlineData("两个确立", true)]
    [InlineData("132", true)]
    [InlineData("七优享", true)]
    [InlineData("一把手", false)]
    [InlineData("五湖四海", false)]
    [InlineData("开门红", false)]
    public void IsNumbered_ReadsTheCount(string term, bool numbered) => TermExtractor.IsNumbered(term).ShouldBe(numbered);

    [Fact]
    public void Directives_AreCutIntoTasks_AtDeploymentVerbs_WithTheTopicOfTheirHeading()
    {
        var x = Extract(string.Join('\n',
            "总体要求",
            new string('甲', 160) + "。",
            "稳住基本盘",
            "要始终坚持扩大内需这个战略基点。以项目为抓手，加快推进重大工程建设，着力扩大有效投资；确保全年投资增长6%以上。",
            "要在科技创新上取得新突破，推动高校科研成果转化，完善创新平台体系。"));

        var texts = x.Directives.Select(d => d.Text).ToList();
        texts.ShouldContain("以项目为抓手，加快推进重大工程建设");
        texts.ShouldContain("着力扩大有效投资");
        texts.ShouldContain("确保全年投资增长6%以上");
        x.Directives.Single(d => d.Text == "着力扩大有效投资").Topic.ShouldBe("扩大内需");
        x.Directives.Single(d => d.Text == "推动高校科研成果转化").Topic.ShouldBe("科技创新");
        x.Directives.Single(d => d.Text == "完善创新平台体系").Verb.ShouldBe("完善");
        x.Directives.ShouldAllBe(d => x.Text.Substring(d.Span.Start, d.Span.Length) == d.Text);
    }

    [Fact]
    public void Directives_SkipNarrativeAndJudgements()
    {
        var x = Extract("今年以来，全省加快推进项目建设，取得明显成效。推进改革，是当前的重大任务。各地要抓好安全生产。");

        x.Directives.ShouldHaveSingleItem().Text.ShouldBe("抓好安全生产");
    }

    [Fact]
    public void Directives_FallBackToABroadArea()
    {
        var x = Extract("要大力发展外贸，稳住出口基本盘。");

        x.Directives.ShouldAllBe(d => d.Area == "对外开放");
    }
}
