using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Luoshi.Domain.Documents;

/// <summary>
/// The date of the event a document reports (the meeting, the speech), in ISO form; the publication date
/// when no event date can be told. Reports usually write the event day without its year (2月5日，省委召开…),
/// so the year comes from the publication date, and a day after the publication day belongs to the year before.
/// Dates are read in Arabic (2024年6月18日, 2024-06-18) and Chinese numerals (二〇二四年六月十八日, 十二月五日);
/// a range (6月18日至19日, 2024年12月30日至2025年1月2日) stands for its first day; a date alone in brackets
/// (（2024年6月18日）, 【2023年12月5日】) is the day a speech was delivered.
/// </summary>
public static partial class DateExtractor
{
    public static DocumentDate? Extract(IReadOnlyList<Sentence> sentences, IReadOnlyList<DateOnly> publicationDates)
    {
        DateOnly? published = publicationDates.Count > 0 ? publicationDates[0] : null;
        int? fallbackYear = published?.Year;
        (DateOnly Date, int Score, TextSpan Sentence)? best = null;
        foreach (var sentence in sentences)
        {
            var text = WithArabicDates(sentence.Text);
            foreach (Match m in DateMention().Matches(text))
            {
                var date = Resolve(m, published, ref fallbackYear);
                if (date is null)
                {
                    continue;
                }

                int score = Score(text, sentence.Paragraph, m, date.Value, published);
                if (score <= 0)
                {
                    continue;
                }

                // Earlier mentions win ties (strictly greater): the lead paragraph says when the event happened.
                if (best is null || score > best.Value.Score)
                {
                    best = (date.Value, score, sentence.Span);
                }
            }
        }

        if (best is { } b && b.Score >= 3)
        {
            return new DocumentDate(b.Date, DateBasis.Event, b.Sentence);
        }

        return published is { } p ? new DocumentDate(p, DateBasis.Published, null) : null;
    }

    /// <summary>Rewrites dates in Chinese numerals (二〇二四年六月十八日, 十二月五日) in Arabic digits; other text is left as it is.</summary>
    internal static string WithArabicDates(string text)
    {
        if (!ChineseDate().IsMatch(text))
        {
            return text;
        }

        return ChineseDate().Replace(text, m =>
        {
            var sb = new StringBuilder(12);
            if (m.Groups["y"].Success)
            {
                foreach (var c in m.Groups["y"].ValueSpan)
                {
                    sb.Append((char)('0' + Digit(c)));
                }

                sb.Append('年');
            }

            sb.Append(Number(m.Groups["m"].ValueSpan).ToString(CultureInfo.InvariantCulture)).Append('月');
            sb.Append(Number(m.Groups["d"].ValueSpan).ToString(CultureInfo.InvariantCulture)).Append('日');
            return sb.ToString();
        });
    }

    private static int Digit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => 0, // 〇 ○ 零 O
    };

    /// <summary>A number from 1 to 31 in Chinese numerals: 五, 十, 十二, 二十, 二十八, 三十一.</summary>
    private static int Number(ReadOnlySpan<char> s)
    {
        int ten = s.IndexOf('十');
        if (ten < 0)
        {
            return Digit(s[0]);
        }

        int tens = ten == 0 ? 1 : Digit(s[0]);
        int units = ten + 1 < s.Length ? Digit(s[ten + 1]) : 0;
        return (tens * 10) + units;
    }

    private static DateOnly? Resolve(Match m, DateOnly? published, ref int? fallbackYear)
    {
        var y = m.Groups["y"];
        if (y.Success)
        {
            var explicitDate = TextNormalizer.TryDate(y.ValueSpan, m.Groups["m"].ValueSpan, m.Groups["d"].ValueSpan);
            fallbackYear ??= explicitDate?.Year;
            return explicitDate;
        }

        if (fallbackYear is not { } year)
        {
            return null;
        }

        var date = TextNormalizer.TryDate(year.ToString(CultureInfo.InvariantCulture), m.Groups["m"].ValueSpan, m.Groups["d"].ValueSpan);
        if (date is { } d && published is { } p && d > p)
        {
            date = d.AddYears(-1);
        }

        return date;
    }

    private static int Score(string sentence, int paragraph, Match m, DateOnly date, DateOnly? published)
    {
        int score = 0;
        if (EventWords().IsMatch(sentence))
        {
            score += 3;
        }

        var after = sentence.AsSpan(m.Index + m.Length);
        if (after.StartsWith("讯", StringComparison.Ordinal) || after.StartsWith("电", StringComparison.Ordinal))
        {
            score += 4;
        }

        int lookBack = Math.Max(0, m.Index - 40);
        var before = sentence.AsSpan(lookBack, m.Index - lookBack);
        if (SpeechAfter().IsMatch(after) || before.Contains("摘自", StringComparison.Ordinal))
        {
            score += 3;
        }

        // （2024年6月18日）, 【2023年12月5日】, a line that is only a date: the delivery date of a speech or the date a document was signed.
        if (InBrackets(sentence, m) || StandsAlone(sentence, m))
        {
            score += 4;
        }

        // The lead of a news report opens with its day (6月18日，…; 本报讯（记者 张三）6月18日，…), below the headline
        // and a subtitle or two; later paragraphs that open with a day tell of other days.
        if (after.Length > 0 && after[0] is '，' or ' ' && LeadBefore().IsMatch(sentence.AsSpan(0, m.Index)))
        {
            score += paragraph <= 3 ? 3 : 1;
        }

        if (m.Groups["y"].Success)
        {
            score += 1;
        }

        // A day named as a deadline or a starting point is not the day of the event: 6月30日前, 自7月1日起, 截至6月底, 到6月30日.
        if (Deadline().IsMatch(after) || DeadlineBefore().IsMatch(before))
        {
            score -= 5;
        }

        // A page cannot report an event that has not happened yet: a later day is a plan or a deadline.
        return published is { } p && date > p ? 0 : score;
    }

    /// <summary>The date closes a bracket opened shortly before it: （2024年6月18日）, (张三 2024-06-18).</summary>
    private static bool InBrackets(string sentence, Match m)
    {
        int end = m.Index + m.Length;
        while (end < sentence.Length && sentence[end] == ' ')
        {
            end++;
        }

        if (end >= sentence.Length || sentence[end] is not ('）' or ')' or '】' or ']' or '〕'))
        {
            return false;
        }

        for (int i = m.Index - 1; i >= 0 && i >= m.Index - 16; i--)
        {
            switch (sentence[i])
            {
                case '（' or '(' or '【' or '[' or '〔':
                    return true;
                case '）' or ')' or '】' or ']' or '〕' or '。' or '，' or '；':
                    return false;
            }
        }

        return false;
    }

    private static bool StandsAlone(string sentence, Match m) =>
        m.Groups["y"].Success && sentence.AsSpan().Trim().TrimEnd("。 ").Length == m.Length;

    [GeneratedRegex(@"(?:(?<y>[〇○零O0-9一二三四五六七八九]{4})年)?(?<m>十[一二]?|[一二三四五六七八九])月(?<d>三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])[日号]")]
    private static partial Regex ChineseDate();

    /// <summary>
    /// 2024年6月18日, 6月18日, 6月18号, 2024-06-18, 2024/6/18, 2024.06.18; with an optional range tail (至19日, —20日,
    /// 到7月2日, 至2025年1月2日) consumed so that the end of a range is not read as a date of its own.
    /// </summary>
    [GeneratedRegex(@"(?:(?:(?<y>\d{4})年)?(?<m>\d{1,2})月(?<d>\d{1,2})(?:[日号](?:\s?(?:至|到|—{1,2}|–|-|~)\s?(?:(?:\d{4}年)?\d{1,2}月)?\d{1,2}[日号])?|\s?(?:至|到|—{1,2}|–|-|~)\s?(?:\d{1,2}月)?\d{1,2}[日号])|(?<!\d)(?<y>\d{4})(?<sep>[-/.])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})(?!\d))")]
    private static partial Regex DateMention();

    [GeneratedRegex(@"召开|举行|举办|讲话|会议|大会|例会|座谈会|推进会|发布会|开幕|闭幕|出席|主持|上班第一天|调研|考察|视察|慰问|会见|会谈|签约|签署|揭牌|启动|宣讲|发表|作报告|作出")]
    private static partial Regex EventWords();

    [GeneratedRegex(@"^[^。；]{0,6}在[^。；]{0,60}(?:讲话|会议|会上|报告|致辞)")]
    private static partial Regex SpeechAfter();

    [GeneratedRegex(@"^(?:前|之前|以前|起|开始|以来|截止|为止|至)")]
    private static partial Regex Deadline();

    [GeneratedRegex(@"^(?:[^，。；]{0,16}讯)?\s?(?:[（(][^（）()]{0,30}[）)])?\s?$")]
    private static partial Regex LeadBefore();

    [GeneratedRegex(@"(?:截至|截止|截止到|到|至|不晚于)\s?$")]
    private static partial Regex DeadlineBefore();
}
