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

        string? title = TitleFinder.Find([.. kept.Select(line => line.TrimStart('\f'))]);
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

        bool sentence = ChineseText.IsSentenceEnd(line[^1]);
        if (line.Length <= 160 && !sentence && (MetadataField().IsMatch(line) || Counter().IsMatch(line) || DateLed().IsMatch(line)))
        {
            return LineKind.Metadata;
        }

        return LineKind.Content;
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

    [GeneratedRegex(@"免责声明|不代表本(?:网|站|平台|号)|仅代表作者|如有侵权|转载请注明|未经(?:授权|许可).{0,10}(?:转载|使用)|本文来(?:源于|自).{0,20}(?:客户端|平台|号)|版权归原作者|联系(?:我们)?删除|侵删")]
    private static partial Regex Disclaimer();

    [GeneratedRegex(@"^(?:地址|通讯地址|邮编|邮政编码|电话|联系电话|咨询电话|传真|邮箱|电子邮箱|电子邮件|E-?mail|QQ|微信号?|网址)\s?[：:]", RegexOptions.IgnoreCase)]
    private static partial Regex Contact();

    [GeneratedRegex(@"^[（(]?(?:责任编辑|编辑|责编|审核|审校|校对|监制|终审|二审|一审|初审|统筹|制作|美编|值班编辑|实习编辑|编审|核稿)\s?[：:]")]
    private static partial Regex EditorCredit();

    [GeneratedRegex(@"^(?:(?:联系我们|友情链接|关注我们|官方微信|官方微博|微信公众号|扫一扫|手机版|网站地图|返回顶部|返回首页|打印本页|关闭窗口|分享到|相关阅读|相关新闻|推荐阅读|延伸阅读|热点推荐|热门推荐|今日热搜|更多|首页|登录|注册|上一篇|下一篇|上一条|下一条|收藏|打印|关闭|分享)\s?[|｜/·]?\s?)+(?:[：:].{0,30})?$")]
    private static partial Regex Navigation();

    [GeneratedRegex(@"^(?:当前位置|您的位置|您现在的位置|所在位置)[：:]|^(?:网站首页|首页)\s?[>»/|｜]")]
    private static partial Regex Breadcrumb();

    [GeneratedRegex(@"(?:来源|作者|发布时间|发布日期|发表时间|更新时间|时间|日期|编辑|责任编辑|责编|转自|稿源|供稿|摄影|图片来源|原标题|通讯员|字体|字号)\s?[：:]")]
    private static partial Regex MetadataField();

    [GeneratedRegex(@"(?:浏览|阅读|点击|评论|点赞|收藏|转发)(?:数|量|次数|次)?\s?[：:]|【?\s?大\s?中\s?小\s?】?$|【大中小】|^(?:打印|关闭|登录|注册)$")]
    private static partial Regex Counter();

    [GeneratedRegex(@"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s?\d{1,2}:\d{2}(?::\d{2})?)?(?:\s?[-—|｜]?\s?\S{0,20})?$")]
    private static partial Regex DateLed();

    [GeneratedRegex(@"(?<y>\d{4})[-/.年](?<m>\d{1,2})[-/.月](?<d>\d{1,2})(?!\d)")]
    private static partial Regex FullDate();
}
