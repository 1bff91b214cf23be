using System.Globalization;
using System.Text.RegularExpressions;
using Luoshi.Domain.Common;

namespace Luoshi.Domain.Documents;

/// <summary>
/// Reads the period words of a figure (上半年, 1—5月, 一季度, 2025年, 去年) as a reporting period, in the
/// year of the document. A figure for 1—5月 is a year-to-date value, which the platform stores under the
/// month it ends in (2024-05), as it does for every cumulative indicator.
/// </summary>
public static partial class DocumentPeriods
{
    public static Period? Suggest(string? words, int? documentYear)
    {
        if (string.IsNullOrWhiteSpace(words))
        {
            return documentYear is { } y ? Period.OfYear(y) : null;
        }

        var explicitYear = ExplicitYear().Match(words);
        int? year = explicitYear.Success ? int.Parse(explicitYear.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : documentYear;
        if (year is null or < Period.MinYear or > Period.MaxYear)
        {
            return null;
        }

        int y0 = year.Value;
        if (words.Contains("去年", StringComparison.Ordinal))
        {
            return Period.OfYear(y0 - 1);
        }

        if (words.Contains("明年", StringComparison.Ordinal))
        {
            return Period.OfYear(y0 + 1);
        }

        if (words.Contains("上半年", StringComparison.Ordinal))
        {
            return Period.OfHalf(y0, 1);
        }

        if (words.Contains("下半年", StringComparison.Ordinal))
        {
            return Period.OfHalf(y0, 2);
        }

        if (words.Contains("前三季度", StringComparison.Ordinal))
        {
            return Period.OfMonth(y0, 9);
        }

        var quarter = Quarter().Match(words);
        if (quarter.Success)
        {
            int q = "一二三四".IndexOf(quarter.Groups[1].Value[0], StringComparison.Ordinal) is >= 0 and var i ? i + 1 : quarter.Groups[1].Value[0] - '0';
            return Period.OfQuarter(y0, q);
        }

        var month = LastMonth().Match(words);
        if (month.Success && int.Parse(month.Groups[1].ValueSpan, CultureInfo.InvariantCulture) is >= 1 and <= 12 and var m)
        {
            return Period.OfMonth(y0, m);
        }

        return Period.OfYear(y0);
    }

    [GeneratedRegex(@"(20\d{2})年")]
    private static partial Regex ExplicitYear();

    [GeneratedRegex(@"第?([一二三四1-4])季度")]
    private static partial Regex Quarter();

    [GeneratedRegex(@"(\d{1,2})月")]
    private static partial Regex LastMonth();
}
