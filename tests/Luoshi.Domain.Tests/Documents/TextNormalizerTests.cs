using Luoshi.Domain.Common;
using Luoshi.Domain.Documents;

namespace Luoshi.Domain.Tests.Documents;

public class TextNormalizerTests
{
    /// <summary>A stand-in dictionary for the few traditional characters these tests use.</summary>
    private sealed class TinyConverter : ITextConverter
    {
        private static readonly Dictionary<char, char> Map = new() { ['國'] = '国', ['內'] = '内', ['書'] = '书', ['記'] = '记', ['會'] = '会', ['議'] = '议', ['發'] = '发', ['展'] = '展', ['來'] = '来', ['源'] = '源' };

        public string Name => "tiny";
        public string? Warning => null;
        public string Convert(string text) => string.Concat(text.Select(c => Map.GetValueOrDefault(c, c)));
    }

    private static NormalizedText Normalize(string raw) => TextNormalizer.Normalize(raw, NoTextConversion.Instance);

    [Fact]
    public void FullWidthDigitsAndLetters_BecomeHalfWidth_ChinesePunctuationBecomesFullWidth()
    {
        var n = Normalize("全省ＧＤＰ增长５．５％,高于预期;详见(附件)");

        n.Text.ShouldBe("全省GDP增长5.5%，高于预期；详见（附件）");
    }

    [Fact]
    public void TimesThousandsAndLatinText_KeepTheirPunctuation()
    {
        var n = Normalize("会议于09:30开始，投资1,250亿元。\nSee www.example.org, page 2: details follow in a long English line that should stay as it is.");

        n.Text.ShouldContain("09:30");
        n.Text.ShouldContain("投资1250亿元");
        n.Text.ShouldContain("www.example.org, page 2: details");
    }

    [Fact]
    public void TraditionalCharacters_GoThroughTheConverter_PinyinGlossesAreDropped()
    {
        var n = TextNormalizer.Normalize("國(guó)內(nèi)書記在會議上講話。", new TinyConverter());

        n.Text.ShouldBe("国内书记在会议上講話。");
    }

    [Fact]
    public void ParenthesesWithoutToneMarks_AreNotTakenForPinyin()
    {
        Normalize("出口(GDP)和进口（abc）").Text.ShouldBe("出口（GDP）和进口（abc）");
        Normalize("发展人工智能（Artificial Intelligence）产业").Text.ShouldBe("发展人工智能（Artificial Intelligence）产业");
    }

    [Fact]
    public void GlossesOfWholeWords_AreDropped_InsideAndAfterQuotes()
    {
        Normalize("深化“村村通（cūn cūn tōng）”建设，抓好落实（luò shí）。").Text.ShouldBe("深化“村村通”建设，抓好落实。");
        Normalize("发扬“滚石上山”（gǔn shí shàng shān）精神。").Text.ShouldBe("发扬“滚石上山”精神。");
        Normalize("推进“西部陆海新通道（xī bù lù hǎi xīn tōng dào）”建设。").Text.ShouldBe("推进“西部陆海新通道”建设。");
    }

    [Fact]
    public void WebBoilerplate_IsRemoved_AndMetadataDatesAreKept()
    {
        var raw = string.Join('\n',
            "首页 > 新闻中心 > 要闻",
            "甲省召开全省工作会议",
            "作者：张三 来源：甲省日报 浏览：【大中小】 发布时间：2024-03-08 10:21:00 评论数：",
            "![](https://img.example/1.jpg)",
            "3月6日，甲省召开全省工作会议，部署今年重点工作。记者 李四 摄",
            "要加快建设现代化产业体系。",
            "责任编辑：王五",
            "本文来自某某客户端，仅代表作者观点，不代表本平台立场。",
            "联系我们",
            "地址：甲省乙市丙路1号",
            "电话：0000-1234567",
            "Copyright © 2024 某某网 版权所有 甲ICP备12345678号",
            "Baidu");

        var n = Normalize(raw);

        n.Text.ShouldBe("甲省召开全省工作会议\n3月6日，甲省召开全省工作会议，部署今年重点工作。\n要加快建设现代化产业体系。");
        n.Title.ShouldBe("甲省召开全省工作会议");
        n.PublicationDates.ShouldBe([new DateOnly(2024, 3, 8)]);
        n.Removed.ShouldContain(l => l.StartsWith("Copyright", StringComparison.Ordinal));
        n.Removed.Count.ShouldBe(9);
    }

    [Fact]
    public void RepeatedPunctuationAndLines_AreCollapsed()
    {
        var n = Normalize("重要的事说一遍，，再说一遍。。\n标题重复出现的一行\n正文。\n标题重复出现的一行\n，开头的逗号。");

        n.Text.ShouldBe("重要的事说一遍，再说一遍。\n标题重复出现的一行\n正文。\n开头的逗号。");
    }

    [Fact]
    public void AsciiQuotes_PairUpAsChineseQuotes()
    {
        Normalize("实施\"八八战略\"和\"千万工程\"").Text.ShouldBe("实施“八八战略”和“千万工程”");
    }

    [Fact]
    public void EmptyAndBlankInput_GiveEmptyText()
    {
        Normalize(string.Empty).Text.ShouldBeEmpty();
        Normalize(" \n\t\r\n\u3000 ").Text.ShouldBeEmpty();
        Normalize(string.Empty).Title.ShouldBeNull();
    }

    [Fact]
    public void TextOverTheLimit_IsRefusedNamingTheField()
    {
        var e = Should.Throw<DomainException>(() => Normalize(new string('字', TextNormalizer.MaxChars + 1)));

        e.Field.ShouldBe("text");
    }
}
