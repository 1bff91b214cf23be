using System.Text.RegularExpressions;

namespace Luoshi.Domain.Documents;

/// <summary>
/// The date of the event a document reports (the meeting, the speech), in ISO form; the publication date
/// when no event date can be told. Reports usually write the event day without its year (2月5日，省委召开…),
/// so the year comes from the publication date, and a day after the publication day belongs to the year before.
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
            foreach (Match m in DateMention().Matches(sentence.Text))
            {
                var date = Resolve(m, published, ref fallbackYear);
                if (date is null)
                {
                    continue;
                }

                int score = Score(sentence.Text, m, date.Value, published);
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

        var date = TextNormalizer.TryDate(year.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Groups["m"].ValueSpan, m.Groups["d"].ValueSpan);
        if (date is { } d && published is { } p && d > p)
        {
            date = d.AddYears(-1);
        }

        return date;
    }

    private static int Score(string sentence, Match m, DateOnly date, DateOnly? published)
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
        if (SpeechAfter().IsMatch(after) || sentence.AsSpan(lookBack, m.Index - lookBack).Contains("摘自", StringComparison.Ordinal))
        {
            score += 3;
        }

        if (m.Groups["y"].Success)
        {
            score += 1;
        }

        // A day named as a deadline or a starting point is not the day of the event.
        if (Deadline().IsMatch(after))
        {
            score -= 5;
        }

        if (published is { } p && date > p)
        {
            score -= 5;
        }

        return score;
    }

    [GeneratedRegex(@"(?:(?<y>\d{4})年)?(?<m>\d{1,2})月(?<d>\d{1,2})日")]
    private static partial Regex DateMention();

    [GeneratedRegex(@"召开|举行|举办|讲话|会议|大会|例会|座谈会|开幕|闭幕|出席|主持|上班第一天|调研|考察|发表|作报告|作出")]
    private static partial Regex EventWords();

    [GeneratedRegex(@"^[^。；]{0,6}在[^。；]{0,60}(?:讲话|会议|会上|报告|致辞)")]
    private static partial Regex SpeechAfter();

    [GeneratedRegex(@"^(?:前|之前|以前|起|开始|以来|截止|为止|至)")]
    private static partial Regex Deadline();
}
