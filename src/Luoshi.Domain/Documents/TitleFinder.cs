using System.Text.RegularExpressions;

namespace Luoshi.Domain.Documents;

/// <summary>
/// Chooses a document's title. Web copies often open with site chrome (a breadcrumb 首页 > 新闻中心 > 正文, a menu
/// 登录 注册, a site or column name, a date or source line), so the title is the first headline-like line near the
/// top: 6 to 80 characters, not a sentence (no full stop, at most a few clauses), not chrome. A hint from the
/// container (an HTML &lt;title&gt; such as 标题_某某网, 标题 - 某某网, 标题 | 某某网) confirms a line of the text or
/// stands in when the text opens without a headline.
/// </summary>
public static partial class TitleFinder
{
    /// <summary>Lines looked at before the body; pages put their headline after at most a handful of chrome lines.</summary>
    private const int Scan = 12;

    private const int MinLength = 6;

    private const int MaxLength = 80;

    /// <summary>The first headline-like line among the opening lines, or null when the body starts first.</summary>
    /// <param name="lines">The lines of the text; only the opening ones are read (a page's end, <c>\f</c>, before a line is no part of it).</param>
    public static string? Find(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var opening in lines.Take(Scan))
        {
            var line = opening.Trim().TrimStart('\f');
            if (line.Length == 0 || IsChrome(line))
            {
                continue;
            }

            if (IsBody(line))
            {
                return null;
            }

            line = ColumnTag().Replace(line, string.Empty);
            if (line.Length >= MinLength)
            {
                return line;
            }
        }

        return null;
    }

    /// <summary>A column's tag before a headline (【时政要闻】, 【转载】, [原创]): the page's filing, not the title's words.</summary>
    [GeneratedRegex(@"^(?:【[^【】]{1,8}】|\[[^\[\]]{1,8}\])\s?(?=\S{6})")]
    private static partial Regex ColumnTag();

    /// <summary>
    /// The title found in the text, unless the container's hint names another of the opening lines (the text's first
    /// candidate was then a site name or a column); the hint itself when the text has no headline.
    /// </summary>
    /// <param name="found">The title <see cref="Find"/> chose from the text, or null.</param>
    /// <param name="text">The normalised text; only its opening lines are read.</param>
    /// <param name="hint">The container's title, already converted and punctuation-fixed, or null.</param>
    public static string? Choose(string? found, string text, string? hint)
    {
        ArgumentNullException.ThrowIfNull(text);
        var h = FromHint(hint);
        if (h is null)
        {
            return found;
        }

        if (found is not null && Same(found, h))
        {
            return found;
        }

        // EnumerateLines breaks at \n and at \f (a page's end) alike, and copies nothing but the lines compared.
        int looked = 0;
        foreach (var opening in text.AsSpan().EnumerateLines())
        {
            if (looked++ == Scan)
            {
                break;
            }

            var line = opening.Trim().ToString();
            if (line.Length >= MinLength && Same(line, h))
            {
                return line;
            }
        }

        return found ?? h;
    }

    /// <summary>A container title without the site's name: 标题_某某网, 标题 - 某某网, 标题 | 栏目 | 某某网 → 标题.</summary>
    public static string? FromHint(string? hint)
    {
        if (string.IsNullOrWhiteSpace(hint))
        {
            return null;
        }

        foreach (var part in HintSeparator().Split(hint.Trim()))
        {
            var p = part.Trim();
            if (p.Length >= 2 && !IsChrome(p) && !SiteName().IsMatch(p))
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>Breadcrumbs, menus, site and column names, date, source and counter lines.</summary>
    internal static bool IsChrome(string line) =>
        Breadcrumb().IsMatch(line) || DateLine().IsMatch(line) || SourceLine().IsMatch(line) || Greeting().IsMatch(line) || IsMenu(line)
        || (line.Length <= 30 && IssuerOrNumber().IsMatch(line))
        || (line.Length <= 20 && SiteName().IsMatch(line)) || (line.Length <= 8 && Column().IsMatch(line));

    /// <summary>A sentence of the body rather than a headline: it closes with a full stop, runs long, or opens a numbered section.</summary>
    private static bool IsBody(string line)
    {
        if (line.Length > MaxLength || line.Contains('。', StringComparison.Ordinal) || NumberedHeading().IsMatch(line))
        {
            return true;
        }

        int clauses = 0;
        foreach (var c in line)
        {
            if (c is '，' or '；')
            {
                clauses++;
            }
        }

        return clauses >= 3;
    }

    /// <summary>Two or more short words separated by spaces or bars: 登录 注册, 首页 | 新闻 | 政务.</summary>
    private static bool IsMenu(string line)
    {
        var words = line.Split([' ', '|', '｜', '·', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length >= 2 && words.All(w => w.Length <= 5);
    }

    private static bool Same(string a, string b)
    {
        var x = a.Replace(" ", string.Empty, StringComparison.Ordinal);
        var y = b.Replace(" ", string.Empty, StringComparison.Ordinal);

        // Containers cut long titles short (标题…); a cut hint still names its line.
        var yCut = y.TrimEnd('…', '.');
        return string.Equals(x, y, StringComparison.Ordinal) || (yCut.Length >= 8 && yCut.Length < y.Length && x.StartsWith(yCut, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\s*(?:_+|\|+|｜|\s[-–—]{1,2}\s|(?<=[\u4e00-\u9fff》”）])[-–](?=[\u4e00-\u9fff《“A-Za-z]))\s*")]
    private static partial Regex HintSeparator();

    [GeneratedRegex(@"[>»›＞]|^(?:当前位置|您的位置|您现在的位置|所在位置|位置)\s?[：:]|^(?:网站首页|首页)(?:\s|$)")]
    private static partial Regex Breadcrumb();

    /// <summary>A line that opens with a date (2024-06-20 10:21, 2024年6月20日 星期四, 二〇二四年六月二十日).</summary>
    [GeneratedRegex(@"^[（(【\[]?(?:\d{4}\s?[-/.年]\s?\d{1,2}\s?[-/.月]\s?\d{1,2}|[〇○零O一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月|\d{1,2}月\d{1,2}日\s?(?:星期|周)|\d{1,2}:\d{2})")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^(?:来源|作者|发布|发布时间|发布日期|发布机构|发文机关|时间|日期|编辑|责任编辑|字号|字体|浏览|阅读|点击|分享|打印|信息来源|文章来源|索引号|主题分类|成文日期|原标题)\s?[：:]|(?:来源|发布时间|发布日期)\s?[：:]")]
    private static partial Regex SourceLine();

    /// <summary>A site's name: 某某新闻网, 某某市人民政府门户网站, 某某客户端, 某某发布.</summary>
    [GeneratedRegex(@"(?:网站|门户|客户端|官网|官方网站|人民政府|政府网|新闻网|在线|融媒体?中心|公众号)$|^\S{2,6}(?:网|发布)$")]
    private static partial Regex SiteName();

    /// <summary>A column of a site: 要闻动态, 工作动态, 新闻中心, 政务公开, 图片新闻.</summary>
    [GeneratedRegex(@"(?:动态|要闻|新闻|资讯|快讯|专题|专栏|频道|中心|公开|信息|聚焦|头条|报道|时政|政务|正文|详情)$")]
    private static partial Regex Column();

    [GeneratedRegex(@"^(?:您好|你好|欢迎(?:访问|来到|光临|您)|今天是|今日是)")]
    private static partial Regex Greeting();

    /// <summary>The masthead and number of an official document: 甲市人民政府文件, 甲政发〔2024〕18号, 甲市人民政府办公室.</summary>
    [GeneratedRegex(@"(?:文件|办公室|办公厅)$|[〔\[（(]\d{4}[〕\]）)]\s?\d{1,4}\s?号$")]
    private static partial Regex IssuerOrNumber();

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、．])")]
    private static partial Regex NumberedHeading();
}
