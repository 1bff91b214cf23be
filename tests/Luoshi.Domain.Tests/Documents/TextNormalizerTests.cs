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

    private const string Body = "1月2日，甲省召开全省工作会议，部署今年重点工作。会议强调，要加快建设现代化产业体系，确保全年经济增长5%以上。";

    [Fact]
    public void ChromeAtTheTop_AccountLinksBreadcrumbsFontSizeShareAndPrint_IsRemoved()
    {
        string[] chrome =
        [
            "登录 | 注册 | 手机版 | 无障碍",
            "首页 > 新闻 > 正文",
            "新闻中心 » 要闻 » 正文",
            "字号：大 中 小 【打印】【关闭】",
            "分享到：微信 微博 QQ空间",
            "收藏 扫一扫",
            "阅读 1024 | 评论（12）",
        ];
        var raw = string.Join('\n', chrome[0], chrome[1], chrome[2], "甲省召开全省工作会议", "发布时间：2024-01-03 09:00 来源：甲省日报", chrome[3], chrome[4], chrome[5], chrome[6], Body, "要加快建设现代化产业体系。");

        var n = Normalize(raw);

        n.Text.ShouldBe($"甲省召开全省工作会议\n{Body}\n要加快建设现代化产业体系。");
        n.Title.ShouldBe("甲省召开全省工作会议");
        n.PublicationDates.ShouldBe([new DateOnly(2024, 1, 3)]);
        foreach (var line in chrome)
        {
            n.Removed.ShouldContain(line);
        }
    }

    [Fact]
    public void ChromeAtTheEnd_CommentsRelatedReadingPreviousNextCreditsAndCopyright_IsRemoved()
    {
        const string previous = "上一篇：乙市召开经济工作会议部署明年重点任务并动员全市上下奋力拼搏实现开门红";
        var raw = string.Join('\n',
            "甲省召开全省工作会议",
            "发布时间：2024-01-03",
            Body,
            "责任编辑：王五",
            "编辑：赵六 校对：钱七 审核：孙八",
            "来源：甲省日报",
            previous,
            "下一篇：丙县推进乡村振兴",
            "相关阅读",
            "2023-12-30 乙市召开经济工作会议",
            "丙县推进乡村振兴取得新成效",
            "网友评论",
            "已有3条评论",
            "网友甲：这次会议开得好，我很赞同，希望各地抓好落实。",
            "网友乙 2024-01-04 10:00：希望落到实处！",
            "评论(12)",
            "请登录后发表评论",
            "版权所有 © 甲省日报社 备案号：甲ICP备12345678号");

        var n = Normalize(raw);

        n.Text.ShouldBe($"甲省召开全省工作会议\n{Body}");
        n.PublicationDates.ShouldBe([new DateOnly(2024, 1, 3)]);
        n.Removed.ShouldContain(previous);
        n.Removed.ShouldContain("丙县推进乡村振兴取得新成效");
        n.Removed.ShouldContain("网友甲：这次会议开得好，我很赞同，希望各地抓好落实。");
        n.Removed.ShouldContain("请登录后发表评论");
        n.Removed.Count.ShouldBe(16);
    }

    [Fact]
    public void PlatformDisclaimers_InChineseAndEnglish_AreRemovedAtTheStartAndTheEnd()
    {
        const string english = "This document was uploaded by users; the site only provides information storage services and does not represent the views of this site. If it infringes your rights, please contact us for removal.";
        var raw = string.Join('\n',
            "本文为用户上传，本站仅提供信息存储服务，不代表本站观点。",
            english,
            "甲省召开全省工作会议",
            Body,
            "本站仅提供存储服务，如发现有害或侵权内容，请点击一键举报。",
            "如有侵权请联系删除",
            "Disclaimer: this page was uploaded by a user and does not represent the views of this site.");

        var n = Normalize(raw);

        n.Text.ShouldBe($"甲省召开全省工作会议\n{Body}");
        n.Removed.ShouldContain(english);
        n.Removed.ShouldContain("如有侵权请联系删除");
        n.Removed.Count.ShouldBe(5);
    }

    [Fact]
    public void EnglishPages_LoseTheirChromeAtTheEdges_AndKeepTheirBody()
    {
        const string middle = "Officials said the plan does not represent the views of every department, but that it sets one direction for the province.";
        var raw = string.Join('\n',
            "Sign in | Register",
            "Home > News > Article",
            "The provincial government held its annual work conference on 2 January, setting out the main tasks for the year ahead.",
            middle,
            "The conference asked every city to start its major projects before the end of the first quarter.",
            "Related articles",
            "Province sets out growth target for the coming year and asks cities to start projects early in the year",
            "Comments (2)",
            "Great article, thanks for sharing this with all of us here today, it was a really interesting read.",
            "This article was uploaded by a user. The platform only provides information storage space and does not represent the views of this site.");

        var n = Normalize(raw);

        n.Text.Split('\n').ShouldBe(
        [
            "The provincial government held its annual work conference on 2 January, setting out the main tasks for the year ahead.",
            middle,
            "The conference asked every city to start its major projects before the end of the first quarter.",
        ]);
    }

    [Fact]
    public void BodySentences_ThatMentionChromeWords_AreKept()
    {
        string[] body =
        [
            "企业登录政务服务网即可办理",
            "市民可登录“浙里办”APP查询办理进度，也可以扫一扫窗口的二维码。",
            "欢迎广大网友发表评论，提出意见建议。",
            "相关新闻报道引起广泛关注，各地纷纷学习借鉴。",
            "上一篇文章提到的问题，现已整改到位。",
            "打印、复印等费用由财政统一保障。",
            "登录注册流程进一步简化",
        ];

        var n = Normalize(string.Join('\n', body));

        n.Text.ShouldBe(string.Join('\n', body));
        n.Removed.ShouldBeEmpty();
    }

    [Fact]
    public void ARelatedNewsHeading_InTheMiddleOfALongArticle_DoesNotCutIt()
    {
        var paragraph = string.Concat(Enumerable.Repeat("要加快建设现代化产业体系，推动经济实现质的有效提升和量的合理增长。", 4));
        var raw = string.Join('\n', "甲省召开全省工作会议", paragraph, "相关新闻", "第二部分" + paragraph, "第三部分" + paragraph);

        var n = Normalize(raw);

        n.Text.ShouldBe($"甲省召开全省工作会议\n{paragraph}\n第二部分{paragraph}\n第三部分{paragraph}");
        n.Removed.ShouldBe(["相关新闻"]);
    }

    [Fact]
    public void ThousandsOfHeadingsAndChromeLines_AreAllTrimmed()
    {
        // 160,000 lines: a trim that rescans what it kept for every line would not finish; how fast it is, is not asserted here.
        var lines = Enumerable.Range(0, 40_000).SelectMany(i => new[] { $"第{i}段：{Body}", "评论", "下一篇：某某新闻标题" + i, "相关阅读" });

        var n = Normalize(string.Join('\n', lines));

        var kept = n.Text.Split('\n');
        kept.Length.ShouldBe(40_000);
        kept.ShouldAllBe(line => line.StartsWith('第'));
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

    [Fact]
    public void PageEnds_SurviveTheChromeTrimmedAtTheEdges()
    {
        const string body1 = "第一页的正文段落，写得足够长，好让它读作一段正文而不是页面上的栏目名称。";
        const string body2 = "第二页的正文段落，同样写得足够长，好让它读作一段正文而不是页面上的栏目。";

        var n = Normalize(body1 + "\f" + body2 + "\f上一篇：某县召开秋季农业生产现场会\f");

        n.Text.ShouldBe(body1 + "\f" + body2 + "\f\f");
        n.Removed.ShouldContain("上一篇：某县召开秋季农业生产现场会");
    }

    [Fact]
    public void CallsToAction_PinyinNotes_AdsAndGovernmentFileFields_AreBoilerplate_TheBodyStays()
    {
        const string body = "11月2日，某县召开冬季农田水利建设推进会，部署今冬明春各项重点工作。";
        var raw = string.Join('\n',
            "点击上方蓝字，关注某县发布",
            "欢迎访问某县融媒体中心网站",
            "您当前的位置：首页 > 政务公开",
            "索引号：001122-2024-00031",
            "发布者：县农业农村局",
            "带拼音版 · 看新闻识生字",
            "注：括号内为生僻字的拼音",
            "阅读 1208",
            body,
            "打开政务服务网即可在线办理农机补贴申请，全程不用跑腿。",
            "【广告】",
            "冬季大促，全场低至3折！",
            "在看 | 点赞 | 阅读原文",
            "扫一扫在手机上阅读本文");

        var n = Normalize(raw);

        n.Text.ShouldBe(body + "\n打开政务服务网即可在线办理农机补贴申请，全程不用跑腿。");
    }

    [Fact]
    public void ARecommendedReadingsSection_AtTheEnd_GoesWithItsTitles()
    {
        const string body = "会议强调，要把冬季农田水利建设作为当前农业农村工作的重中之重，抓紧抓实。";

        var n = Normalize(body + "\n往期推荐\n某县召开乡村振兴工作推进会\n某镇举办农民丰收节");

        n.Text.ShouldBe(body);
    }

    [Fact]
    public void MenusSearchBoxesAndTheSiteName_AtThePagesEdges_Go_ButALineOfNamesStays()
    {
        const string body = "全县秋冬季森林防火工作会议昨日召开，会议对重点时段的巡查值守作出具体安排，要求各乡镇落实到人。";
        var raw = string.Join(
            "\n",
            "南溪县人民政府门户网站",
            "首页　政府信息公开　网上办事大厅　公众参与　走进南溪",
            "请输入关键词　搜索",
            "记者　程雨桐　通讯员　罗平",
            body,
            "部门网站 | 乡镇网站 | 无障碍浏览 | 联系我们",
            "收藏 | 举报 | 下载文档（需3积分）");

        var n = Normalize(raw);

        n.Text.ShouldBe("记者 程雨桐 通讯员 罗平\n" + body);
    }

    [Fact]
    public void AMenuInsideTheText_IsLeftAlone()
    {
        const string first = "全县秋冬季森林防火工作会议昨日召开，会议对重点时段的巡查值守作出具体安排，要求各乡镇落实到人。";
        const string last = "会议要求，各乡镇要把责任压实到村组，确保不发生较大森林火灾，确保群众生命财产安全。";

        Normalize(first + "\n防火巡查　隐患排查　宣传教育\n" + last).Text.ShouldContain("防火巡查");
    }
}

