using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Luoshi.Domain.Common;

namespace Luoshi.Domain.Documents;

/// <summary>The cleaned body of a document and what was learnt while cleaning it.</summary>
/// <param name="Text">
/// Paragraphs separated by <c>\n</c>: simplified, punctuation normalised, boilerplate removed. A form feed
/// (<c>\f</c>) that ended a page of the source stands in place of the line break after the page's last
/// paragraph, one for each page (<see cref="PageMap"/>).
/// </param>
/// <param name="Title">The first headline-like line after any site chrome (see <see cref="TitleFinder"/>).</param>
/// <param name="PublicationDates">Dates found in the page's metadata lines (来源/发布时间/…), which were removed.</param>
/// <param name="Removed">The lines removed as boilerplate or metadata (the first 200), so a reviewer can check them.</param>
public sealed record NormalizedText(string Text, string? Title, IReadOnlyList<DateOnly> PublicationDates, IReadOnlyList<string> Removed);

/// <summary>
/// Turns a noisy web page or pasted speech into clean simplified Chinese: traditional → simplified,
/// full-width digits and letters to half-width and half-width punctuation in Chinese text to full-width
/// (the forms official documents use), pinyin glosses dropped, web boilerplate (navigation, counters,
/// copyright and ICP lines, contact blocks, disclaimers, image placeholders, editor and photo credits)
/// removed, repeated punctuation and repeated lines collapsed. Pure: the converter is passed in.
/// <para>
/// Boilerplate comes in line classes. Anywhere: lines made only of site chrome (登录 注册, 字号：大 中 小,
/// 分享到：微信 微博, 【打印】【关闭】, 评论(12)) and platform disclaimers. At the edges only — before the first
/// paragraph and after the last, where a page keeps its chrome — breadcrumbs without 首页, 上一篇/下一篇 with
/// their titles, login prompts, follow-us lines and English disclaimers. And at the end, everything from a
/// comment-section or related-reading heading on (网友评论, 已有3条评论, 相关阅读, Related articles) once the
/// body has come before it. A sentence that merely mentions 登录 or 评论 is body text and stays.
/// </para>
/// </summary>
public static partial class TextNormalizer
{
    /// <summary>Far above any speech or report (the longest are a few hundred thousand characters); refuses runaway input.</summary>
    public const int MaxChars = 20_000_000;

    private const int MaxRemembered = 200;

    public static NormalizedText Normalize(string raw, ITextConverter converter)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(converter);
        if (raw.Length > MaxChars)
        {
            throw new DomainException("text", new Text($"文本过长(超过{MaxChars / 1_000_000}百万字符)", $"the text is too long (over {MaxChars / 1_000_000} million characters)"));
        }

        var text = Prepare(converter.Convert(raw));

        // Pages write 鍊 (to smelt) for 链 (chain) in 产业鍊, 供应鍊, 友情鍊接; the dictionary rightly reads it as 炼.
        text = ChainMisread().Replace(text, "链");
        text = ImagePlaceholder().Replace(text, string.Empty);
        text = HtmlBreak().Replace(text, "\n");
        text = PinyinGloss().Replace(text, m => IsPinyinGloss(m.Groups[1].ValueSpan) ? string.Empty : m.Value);

        var kept = new List<string>();
        var removed = new List<string>();
        var dates = new List<DateOnly>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int pageEnds = 0;
        var sectionEnds = new List<(int Kept, int Dates, bool Comments)>();
        foreach (var rawLine in text.Split('\n'))
        {
            if (rawLine == "\f")
            {
                // A page ended (Prepare put each form feed on a line of its own): it goes before the next kept line.
                pageEnds++;
                continue;
            }

            var line = Spaces().Replace(rawLine, " ").Trim();
            if (line.Length == 0)
            {
                continue;
            }

            line = FixPunctuation(line);
            line = Credit().Replace(line, string.Empty).TrimEnd();
            line = Repeats(line);
            if (line.Length <= 40 && SectionEnd().Match(line) is { Success: true } heading)
            {
                sectionEnds.Add((kept.Count, dates.Count, heading.Groups["comments"].Success));
            }

            switch (Classify(line))
            {
                case LineKind.Content when line.Length > 0:
                    // Pages repeat their headline and whole blocks (a contact block above and below); keep the first.
                    if (line.Length < 6 || seen.Add(line))
                    {
                        kept.Add(pageEnds > 0 ? new string('\f', pageEnds) + line : line);
                        pageEnds = 0;
                    }

                    break;
                case LineKind.Metadata:
                    CollectDates(line, dates);
                    Remember(removed, line);
                    break;
                default:
                    Remember(removed, line);
                    break;
            }
        }

        pageEnds += TrimEdges(kept, removed, dates, sectionEnds);
        string? title = TitleFinder.Find(kept);
        dates.Sort();

        // A form feed replaces the line break before the line it was kept with; the pages that end after the last line end the text.
        var body = string.Join('\n', kept).Replace("\n\f", "\f", StringComparison.Ordinal);
        return new NormalizedText(kept.Count > 0 ? body + new string('\f', pageEnds) : body, title, dates, removed);
    }

    private static void Remember(List<string> removed, string line)
    {
        if (removed.Count < MaxRemembered)
        {
            removed.Add(line);
        }
    }

    /// <summary>One pass over the characters: line breaks, invisible characters, full-width forms, corner quotes.</summary>
    private static string Prepare(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '\r':
                    if (i + 1 < s.Length && s[i + 1] == '\n')
                    {
                        continue;
                    }

                    sb.Append('\n');
                    continue;
                case '\u2028' or '\u2029' or '\u0085':
                    sb.Append('\n');
                    continue;
                case '\f':
                    // A page break (docs/adr/0025): a line of its own, so the lines around it are cleaned as before.
                    sb.Append("\n\f\n");
                    continue;
                case '\u200b' or '\u200c' or '\u200d' or '\u2060' or '\ufeff' or '\u00ad':
                    continue;
                case '\t' or '\u00a0' or '\u3000' or (>= '\u2002' and <= '\u200a') or '\u202f':
                    sb.Append(' ');
                    continue;
                case '「':
                    sb.Append('“');
                    continue;
                case '」':
                    sb.Append('”');
                    continue;
                case '『':
                    sb.Append('‘');
                    continue;
                case '』':
                    sb.Append('’');
                    continue;
                case '﹐':
                    sb.Append('，');
                    continue;
                case '﹒' or '｡':
                    sb.Append('。');
                    continue;
            }

            if (c is (>= '\uff10' and <= '\uff19') or (>= '\uff21' and <= '\uff3a') or (>= '\uff41' and <= '\uff5a')
                or '％' or '＋' or '－' or '．' or '／' or '＝' or '＜' or '＞' or '＃' or '＆' or '＊' or '＠' or '［' or '］' or '＿' or '｛' or '｝' or '～' or '＂' or '＇' or '＄' or '＾' or '｀')
            {
                sb.Append((char)(c - 0xfee0));
                continue;
            }

            if (c == '\uffe5')
            {
                sb.Append('¥');
                continue;
            }

            if (char.IsControl(c) && c != '\n')
            {
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static bool IsPinyinGloss(ReadOnlySpan<char> s)
    {
        if (char.IsAsciiDigit(s[^1]))
        {
            return true;
        }

        foreach (var c in s)
        {
            if ("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ".Contains(c, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Half-width punctuation inside Chinese text becomes full-width (，；：？！（）“”), except between digits
    /// (times 09:55, thousands 1,000); spaces around full-width punctuation go.
    /// </summary>
    internal static string FixPunctuation(string line)
    {
        if (!ChineseText.ContainsCjk(line))
        {
            return line;
        }

        var sb = new StringBuilder(line.Length);
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            char full = c switch { ',' => '，', ';' => '；', ':' => '：', '?' => '？', '!' => '！', '.' => '。', _ => '\0' };
            if (full == '\0')
            {
                sb.Append(c);
                continue;
            }

            char before = i > 0 ? line[i - 1] : '\0';
            char after = i + 1 < line.Length ? line[i + 1] : '\0';
            if (char.IsAsciiDigit(before) && char.IsAsciiDigit(after))
            {
                if (c == ',' && IsThousandsGroup(line, i))
                {
                    continue;
                }

                sb.Append(c);
                continue;
            }

            char prev = NonSpace(line, i, -1);
            char next = NonSpace(line, i, +1);
            bool chinese = c == '.'
                ? ChineseText.IsCjk(before) && (after is '\0' or ' ' || ChineseText.IsCjk(after))
                : IsChineseContext(prev) || IsChineseContext(next);
            sb.Append(chinese ? full : c);
        }

        var s = sb.ToString();
        s = AsciiParentheses().Replace(s, m =>
            ChineseText.ContainsCjk(m.Groups[1].ValueSpan) || (m.Index > 0 && ChineseText.IsCjk(s[m.Index - 1])) ? "（" + m.Groups[1].Value + "）" : m.Value);
        if (s.Contains('"', StringComparison.Ordinal))
        {
            var q = new StringBuilder(s.Length);
            bool open = true;
            foreach (var c in s)
            {
                q.Append(c == '"' ? (open ? '“' : '”') : c);
                open = c == '"' ? !open : open;
            }

            s = q.ToString();
        }

        s = SpaceBeforePunctuation().Replace(s, string.Empty);
        return SpaceAfterPunctuation().Replace(s, string.Empty);
    }

    private static bool IsThousandsGroup(string s, int comma) =>
        comma + 3 < s.Length && char.IsAsciiDigit(s[comma + 1]) && char.IsAsciiDigit(s[comma + 2]) && char.IsAsciiDigit(s[comma + 3])
        && (comma + 4 >= s.Length || !char.IsAsciiDigit(s[comma + 4]));

    private static char NonSpace(string s, int i, int step)
    {
        for (int j = i + step; j >= 0 && j < s.Length; j += step)
        {
            if (s[j] != ' ')
            {
                return s[j];
            }
        }

        return '\0';
    }

    private static bool IsChineseContext(char c) =>
        ChineseText.IsCjk(c) || ChineseText.IsCjkPunctuation(c) || c is '“' or '”' or '（' or '）' or '《' or '》' or '【' or '】';

    /// <summary>Collapses doubled punctuation (，，  。。  ，。) left by careless editing or by removed fragments.</summary>
    private static string Repeats(string line)
    {
        line = DoubledPunctuation().Replace(line, "$1");
        line = PauseBeforeStop().Replace(line, "$1");
        line = PauseAfterStop().Replace(line, "$1");
        return LeadingPunctuation().Replace(line, string.Empty);
    }

    private enum LineKind
    {
        Content,
        Metadata,
        Boilerplate,
    }

    private static LineKind Classify(string line)
    {
        if (!ChineseText.ContainsCjk(line))
        {
            // Menus, share buttons and addresses in Latin letters; a long line without Chinese (an English
            // paragraph) is kept. A bare date line is the page's publication stamp.
            if (DateLed().IsMatch(line))
            {
                return LineKind.Metadata;
            }

            return line.Length < 80 ? LineKind.Boilerplate : LineKind.Content;
        }

        if (Copyright().IsMatch(line) || (line.Length <= 300 && Disclaimer().IsMatch(line)))
        {
            return LineKind.Boilerplate;
        }

        if (Contact().IsMatch(line) || EditorCredit().IsMatch(line) || (line.Length <= 40 && Navigation().IsMatch(line)) || Breadcrumb().IsMatch(line))
        {
            return LineKind.Boilerplate;
        }

        if (line.Length <= 80 && !ChineseText.IsSentenceEnd(line[^1]) && ChromeLine().IsMatch(line))
        {
            return LineKind.Boilerplate;
        }

        // Calls to follow or open an app, notes on a page's pinyin glosses, advertisements: short lines, never a sentence of the text.
        if ((line.Length <= 30 && (CallToAction().IsMatch(line) || PinyinNote().IsMatch(line))) || (line.Length <= 60 && Advertisement().IsMatch(line)))
        {
            return LineKind.Boilerplate;
        }

        bool sentence = ChineseText.IsSentenceEnd(line[^1]);
        if (line.Length <= 160 && !sentence && (MetadataField().IsMatch(line) || Counter().IsMatch(line) || DateLed().IsMatch(line)))
        {
            return LineKind.Metadata;
        }

        return LineKind.Content;
    }

    /// <summary>
    /// The edges of the page. First the sections at the end that follow a heading, from the last heading back, each
    /// once the body came before it: after a related-reading heading, a list without a sentence; after a comments
    /// heading, comments (no paragraph of 100 characters) or less text than precedes it. The first section that is
    /// not one of those ends the cut: a heading in the middle of an article stays. The dates seen in what goes were
    /// the comments' and the related articles', not the page's. Then the chrome before the first paragraph and after
    /// the last. A line that goes hands the page ends it carried (<c>\f</c>) to the next line kept; the count of
    /// those left over at the end is returned, so the pages still number as in the source.
    /// </summary>
    private static int TrimEdges(List<string> kept, List<string> removed, List<DateOnly> dates, List<(int Kept, int Dates, bool Comments)> sectionEnds)
    {
        // Linear in the lines, however many headings a page repeats.
        int n = kept.Count;
        var paragraph = new bool[n];
        var length = new long[n + 1];
        var paragraphs = new int[n + 1];
        var nextLong = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            paragraph[i] = IsParagraph(kept[i].TrimStart('\f'));
            length[i + 1] = length[i] + kept[i].Length;
            paragraphs[i + 1] = paragraphs[i] + (paragraph[i] ? 1 : 0);
        }

        nextLong[n] = n;
        for (int i = n - 1; i >= 0; i--)
        {
            nextLong[i] = paragraph[i] && kept[i].Length >= 100 ? i : nextLong[i + 1];
        }

        int firstParagraph = Array.IndexOf(paragraph, true);
        int cut = n, datesCut = dates.Count;
        for (int s = sectionEnds.Count - 1; s >= 0; s--)
        {
            var (at, datesBefore, comments) = sectionEnds[s];
            if (at >= cut)
            {
                continue;
            }

            bool bodyBefore = firstParagraph >= 0 && firstParagraph < at;
            bool goes = comments
                ? nextLong[at] >= cut || length[at] >= length[cut] - length[at]
                : paragraphs[cut] == paragraphs[at];
            if (!bodyBefore || !goes)
            {
                break;
            }

            (cut, datesCut) = (at, datesBefore);
        }

        dates.RemoveRange(datesCut, dates.Count - datesCut);
        int first = Array.IndexOf(paragraph, true, 0, cut);
        int last = cut == 0 ? -1 : Array.LastIndexOf(paragraph, true, cut - 1, cut);
        var body = new List<string>(cut);
        int carried = 0;
        for (int i = 0; i < n; i++)
        {
            var line = kept[i];
            int feeds = line.Length - line.TrimStart('\f').Length;
            if (i >= cut || ((first < 0 || i < first || i > last) && EdgeChrome(line[feeds..])))
            {
                Remember(removed, line[feeds..]);
                carried += feeds;
            }
            else
            {
                body.Add(carried > 0 ? new string('\f', carried) + line : line);
                carried = 0;
            }
        }

        kept.Clear();
        kept.AddRange(body);
        return carried;
    }

    /// <summary>A line of body text: a sentence or more (chrome and disclaimers aside).</summary>
    private static bool IsParagraph(string line)
    {
        if (line.Length < 30)
        {
            return false;
        }

        char end = line[^1] is '”' or '’' or '）' or ')' or '"' ? line[^2] : line[^1];
        return end is '。' or '！' or '？' or '.' or '!' or '?' && !EdgeChrome(line);
    }

    /// <summary>What is chrome at the top or the bottom of a page, though it could be a line of text in the middle.</summary>
    private static bool EdgeChrome(string line) =>
        (line.Length <= 80 && (EdgeBreadcrumb().IsMatch(line) || PreviousNext().IsMatch(line) || LoginPrompt().IsMatch(line) || FollowUs().IsMatch(line)
            || SearchBox().IsMatch(line) || SiteName().IsMatch(line) || IsMenu(line)))
        || (line.Length <= 500 && EnglishDisclaimer().IsMatch(line));

    /// <summary>
    /// A site's menu: three or more short items and nothing else, set apart by spaces, bars or dashes (网站首页　机构概况
    /// 信息公开, 网站地图 | 联系我们 | 隐私声明). Two of them must be longer than a name, so that a line of names
    /// (记者　林晓岚　通讯员　张平) is never taken for one.
    /// </summary>
    private static bool IsMenu(string line)
    {
        var items = MenuSeparator().Split(line.Trim());
        return items.Length >= 3
            && items.All(i => i.Length is >= 2 and <= 8 && i.All(char.IsLetter))
            && items.Count(i => i.Length >= 4) >= 2;
    }

    private static void CollectDates(string line, List<DateOnly> dates)
    {
        foreach (Match m in FullDate().Matches(line))
        {
            if (TryDate(m.Groups["y"].ValueSpan, m.Groups["m"].ValueSpan, m.Groups["d"].ValueSpan) is { } date)
            {
                dates.Add(date);
            }
        }
    }

    internal static DateOnly? TryDate(ReadOnlySpan<char> y, ReadOnlySpan<char> m, ReadOnlySpan<char> d)
    {
        if (int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out int year)
            && int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out int month)
            && int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out int day)
            && year is >= Period.MinYear and <= Period.MaxYear && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return new DateOnly(year, month, day);
        }

        return null;
    }

    [GeneratedRegex(@"炼(?=接|主|条|长制)|(?<=产业|供应|创新|价值|资金|人才|服务|物流|冷|区块)炼")]
    private static partial Regex ChainMisread();

    [GeneratedRegex(@"!\[[^\]\n]{0,300}\]\([^)\n]{0,1000}\)|\[(?:图片|视频|图|音频|image|img)\]", RegexOptions.IgnoreCase)]
    private static partial Regex ImagePlaceholder();

    [GeneratedRegex(@"</?(?:br|p|div)\b[^>\n]{0,200}>", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlBreak();

    [GeneratedRegex(@"(?<=[\u4e00-\u9fff”」’])[(（]\s?([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]{1,7}[1-5]?(?:[ '’\-]{1,2}[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]{1,7}[1-5]?){0,11})\s?[)）]")]
    private static partial Regex PinyinGloss();

    [GeneratedRegex(@"[ ]{2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\(([^()\n]{0,300})\)")]
    private static partial Regex AsciiParentheses();

    [GeneratedRegex(@" +(?=[，。、；：！？）】》”])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"(?<=[，。、；：！？（【《“]) +")]
    private static partial Regex SpaceAfterPunctuation();

    [GeneratedRegex(@"([，。、；：！？])\1+")]
    private static partial Regex DoubledPunctuation();

    [GeneratedRegex(@"[，、；：]+([。！？])")]
    private static partial Regex PauseBeforeStop();

    [GeneratedRegex(@"([。！？])[，、；：]+")]
    private static partial Regex PauseAfterStop();

    [GeneratedRegex(@"^[，。、；：！？]+")]
    private static partial Regex LeadingPunctuation();

    /// <summary>A photo or editor credit at the end of a line: 潮新闻记者 李震宇 摄, （记者 张三 摄）, （责任编辑：李四）.</summary>
    [GeneratedRegex(@"(?:[\u4e00-\u9fff]{0,8}(?:记者|摄影|通讯员)\s?[\u4e00-\u9fff]{2,4}(?:[ 、][\u4e00-\u9fff]{2,4}){0,3}\s?摄|[（(][^（）()\n]{0,30}摄[）)]|[（(]\s?(?:责任编辑|编辑|责编|审核|校对|实习生|图片来源|来源)\s?[：:][^（）()\n]{0,30}[）)])$")]
    private static partial Regex Credit();

    [GeneratedRegex(@"copyright|©|版权所有|ICP备|ICP证|公网安备|all rights reserved|网站标识码|主办单位|承办单位|技术支持[：:]|建议使用.{0,20}浏览器|分辨率", RegexOptions.IgnoreCase)]
    private static partial Regex Copyright();

    [GeneratedRegex(@"免责声明|不代表本(?:网|站|平台|号)|仅代表作者|如有侵权|转载请注明|未经(?:授权|许可).{0,10}(?:转载|使用)|本文来(?:源于|自).{0,20}(?:客户端|平台|号)|版权归原作者|联系(?:我们|本站|本网|平台)?删除|侵删"
        + @"|(?:本文|本篇|文档|内容)(?:系|为|由)?(?:网友|用户)(?:自行)?(?:上传|发布)|用户上传(?:的)?(?:内容|文档)|仅提供(?:信息)?(?:存储|储存)(?:空间)?服务|不拥有所有权|发现有害或侵权|一键举报")]
    private static partial Regex Disclaimer();

    [GeneratedRegex(@"^(?:地址|通讯地址|邮编|邮政编码|电话|联系电话|咨询电话|传真|邮箱|电子邮箱|电子邮件|E-?mail|QQ|微信号?|网址)\s?[：:]", RegexOptions.IgnoreCase)]
    private static partial Regex Contact();

    [GeneratedRegex(@"^[（(]?(?:责任编辑|编辑|责编|审核|审校|校对|监制|终审|二审|一审|初审|统筹|制作|美编|值班编辑|实习编辑|编审|核稿)\s?[：:]")]
    private static partial Regex EditorCredit();

    [GeneratedRegex(@"^(?:(?:联系我们|友情链接|关注我们|官方微信|官方微博|微信公众号|扫一扫|手机版|网站地图|返回顶部|返回首页|打印本页|关闭窗口|分享到|相关阅读|相关新闻|推荐阅读|延伸阅读|热点推荐|热门推荐|今日热搜|更多|首页|登录|注册|上一篇|下一篇|上一条|下一条|收藏|打印|关闭|分享)\s?[|｜/·]?\s?)+(?:[：:].{0,30})?$")]
    private static partial Regex Navigation();

    [GeneratedRegex(@"^(?:当前位置|您的位置|您现在的位置|所在位置|您当前的位置|当前的位置|您所在的位置)[：:]|^(?:网站首页|首页)\s?[>»/|｜]")]
    private static partial Regex Breadcrumb();

    [GeneratedRegex(@"(?:来源|作者|发布者|发布人|发布机构|发文机关|索引号|主题分类|成文日期|信息来源|发布时间|发布日期|发表时间|更新时间|时间|日期|编辑|责任编辑|责编|转自|稿源|供稿|摄影|图片来源|原标题|通讯员|字体|字号)\s?[：:]")]
    private static partial Regex MetadataField();

    [GeneratedRegex(@"(?:浏览|阅读|点击|评论|点赞|收藏|转发)(?:数|量|次数|次)?\s?[：:]|【?\s?大\s?中\s?小\s?】?$|【大中小】|^(?:打印|关闭|登录|注册)$|^(?:阅读|浏览|点击|点赞|评论)(?:量|数)?\s?\d+(?:\s|$)")]
    private static partial Regex Counter();

    [GeneratedRegex(@"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s?\d{1,2}:\d{2}(?::\d{2})?)?(?:\s?[-—|｜]?\s?\S{0,20})?$")]
    private static partial Regex DateLed();

    [GeneratedRegex(@"(?<y>\d{4})[-/.年](?<m>\d{1,2})[-/.月](?<d>\d{1,2})(?!\d)")]
    private static partial Regex FullDate();

    /// <summary>
    /// A line made only of site chrome: account links, font-size switches, share and print buttons, comment and
    /// reading counts, separated by punctuation, symbols and digits (登录 | 注册, 字号：大 中 小, 【打印】【关闭】, 评论(12)).
    /// </summary>
    [GeneratedRegex(@"^(?:[\s\p{P}\p{S}\d]|已有\d+条评论|共\d+条评论|\d+\s?(?:条评论|人参与|人评论|人点赞|次浏览|次阅读|人阅读|次)"
        + @"|登录|登入|注册|退出|注销|个人中心|会员中心|网站首页|返回首页|首页|字号|字体|默认|大\s?中\s?小|分享到|分享|转发|一键分享"
        + @"|微信好友|微信|新浪微博|腾讯微博|微博|朋友圈|QQ空间|QQ好友|QQ|豆瓣|抖音|今日头条|打印本页|打印|关闭窗口|关闭本页|关闭|收藏本页|加入收藏|收藏"
        + @"|设为首页|扫一扫|扫码阅读|扫码|二维码|手机版|手机看|移动版|电脑版|无障碍浏览|无障碍阅读|无障碍|长者模式|适老化|繁体|繁體|简体|English"
        + @"|网友评论|发表评论|我要评论|查看评论|评论|点赞|在看|举报|反馈|我要纠错|阅读原文|展开全文|查看全文|上传文档|下载文档|需\d+积分|\d+积分|积分|下载券|金币|分享给好友|广告|纠错|返回顶部|回到顶部|返回|订阅|RSS|上一篇|下一篇|上一条|下一条|更多|站内搜索|搜索|网站地图|复制链接|阅读|浏览|点击)+$")]
    private static partial Regex ChromeLine();

    /// <summary>点击上方蓝字关注我们, 扫一扫在手机打开当前页, 打开APP，阅读体验更佳, 欢迎访问某某网.</summary>
    [GeneratedRegex(@"^(?:点击|长按|扫一扫|扫码|扫描|打开|下载|欢迎访问|欢迎关注|欢迎来到)[^。！？]{0,24}?(?:关注|APP|App|app|客户端|手机|阅读|访问|二维码|公众号|网|更佳|页)[^。！？]{0,12}[！!]?$")]
    private static partial Regex CallToAction();

    /// <summary>注：括号内为难读词语拼音, 本页拼音由机器自动生成, 生词注音版: what a glossed copy says about its glosses.</summary>
    [GeneratedRegex(@"^[^。！？]{0,20}(?:拼音|注音)[^。！？]{0,20}[。]?$")]
    private static partial Regex PinyinNote();

    /// <summary>An advertisement's label or its offer (【广告】, 限时优惠, 低至5折, 立即抢购).</summary>
    [GeneratedRegex(@"^[【\[]?(?:广告|推广)[】\]]?$|低至\d+(?:\.\d+)?折|限时(?:优惠|特惠|抢购|秒杀)|立即(?:购买|抢购|领取|下单)|优惠券|全场\d+(?:\.\d+)?折")]
    private static partial Regex Advertisement();

    /// <summary>Where a page's comments or its list of related articles begin.</summary>
    [GeneratedRegex(@"^[\s\p{P}\p{S}]*(?:(?<comments>网友评论|发表评论|我要评论|全部评论|热门评论|最新评论|精彩评论|用户评论|读者评论|评论区|网友留言|评论|已有\d+条评论|共\d+条评论|\d+条评论"
        + @"|\d*\s?comments?|leave a (?:comment|reply))"
        + @"|相关阅读|相关新闻|相关文章|相关推荐|相关链接|推荐阅读|往期推荐|往期精选|往期阅读|推荐文章|延伸阅读|猜你喜欢|为你推荐|热点推荐|热门推荐|热门文章|热门新闻|今日热搜|更多精彩|精彩推荐|往期回顾"
        + @"|related (?:articles|posts|stories|news|content)|you (?:may|might) also like|recommended(?: for you)?|read more|more (?:from|stories)|most (?:read|popular))"
        + @"[\s\p{P}\p{S}\d]*(?:条|人参与)?[\s\p{P}\p{S}\d]*$", RegexOptions.IgnoreCase)]
    private static partial Regex SectionEnd();

    [GeneratedRegex(@"\s*(?:[|｜·/—–]|\s)\s*")]
    private static partial Regex MenuSeparator();

    /// <summary>A search box's placeholder and button (请输入关键字　搜索).</summary>
    [GeneratedRegex(@"^(?:请输入|输入)(?:关键字|关键词|搜索内容|检索内容)[\s…\.]*(?:搜索|检索|查询)?$")]
    private static partial Regex SearchBox();

    /// <summary>The site's name over the page (江川市人民政府门户网站, 某某新闻网).</summary>
    [GeneratedRegex(@"^\p{L}{2,20}(?:门户网站|官方网站|网站|官网|门户网|新闻网)$")]
    private static partial Regex SiteName();

    /// <summary>A breadcrumb trail that does not start at 首页 (新闻 > 正文, 政务公开 » 通知公告).</summary>
    [GeneratedRegex(@"^[\p{L}\s]{1,15}(?:\s?(?:>>|[>»›])\s?[\p{L}\s]{1,15}){1,6}$")]
    private static partial Regex EdgeBreadcrumb();

    /// <summary>Links to the previous and next article with their titles (上一篇：…, 下一篇：…).</summary>
    [GeneratedRegex(@"^[【\[]?(?:上一篇|下一篇|上一条|下一条|上篇|下篇|previous|next)[】\]]?\s?[：:]", RegexOptions.IgnoreCase)]
    private static partial Regex PreviousNext();

    /// <summary>A prompt to sign in before commenting (请登录后发表评论, 您还未登录).</summary>
    [GeneratedRegex(@"^[^。！？]{0,12}(?:登录|登入)[^。！？]{0,12}(?:评论|留言|回复|跟帖|发言)[^。！？]{0,8}[。！!]?$|^您?(?:还)?(?:未|没有)登录")]
    private static partial Regex LoginPrompt();

    /// <summary>Follow-us lines under an article (扫码关注, 长按识别二维码, 关注我们的公众号).</summary>
    [GeneratedRegex(@"^[^。！？]{0,20}(?:扫码关注|扫描二维码|长按(?:识别)?二维码|关注(?:我们|本号|公众号|微信公众号|官方微信|官方微博))[^。！？]{0,20}[。！!]?$")]
    private static partial Regex FollowUs();

    /// <summary>A platform's disclaimer for what its users upload, and copyright notices, in English.</summary>
    [GeneratedRegex(@"uploaded by (?:users|the users?|a user|our users|netizens)|does not represent the (?:views?|position|opinions?|stance) of|only provides? (?:information )?storage|contact us (?:for|to request|to) (?:removal|deletion|delete)|please contact us (?:for|to) (?:removal|delete)|all rights reserved|^copyright\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishDisclaimer();
}
