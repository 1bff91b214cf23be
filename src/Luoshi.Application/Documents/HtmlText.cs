using System.Net;
using System.Text.RegularExpressions;

namespace Luoshi.Application.Documents;

/// <summary>
/// A small HTML-to-text reader: enough for saved news and government pages. Scripts, styles, navigation,
/// footers, sidebars and forms go; block elements become line breaks; entities are decoded. The text
/// normaliser removes the boilerplate that pages keep in ordinary paragraphs.
/// </summary>
public static partial class HtmlText
{
    public static (string Text, string? Title) ToText(string html)
    {
        var title = Title().Match(html) is { Success: true } t ? Clean(t.Groups[1].Value) : null;
        var s = Dropped().Replace(html, " ");
        s = Head().Replace(s, " ");
        s = Block().Replace(s, "\n");
        s = Cell().Replace(s, " ");
        s = Tag().Replace(s, string.Empty);
        s = WebUtility.HtmlDecode(s);
        return (s, string.IsNullOrWhiteSpace(title) ? null : title);
    }

    private static string Clean(string fragment) => WebUtility.HtmlDecode(Tag().Replace(fragment, string.Empty)).Trim();

    [GeneratedRegex(@"<title[^>]*>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Title();

    [GeneratedRegex(@"<!--.*?-->|<(script|style|noscript|template|svg|iframe|nav|footer|aside|form|select|button|object)\b.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Dropped();

    [GeneratedRegex(@"<head\b.*?</head\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Head();

    [GeneratedRegex(@"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|header|main|blockquote|pre|dd|dt|dl|hr|figure|figcaption|center)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Block();

    [GeneratedRegex(@"</?(?:td|th)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Cell();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();
}
