using System.Text.RegularExpressions;

namespace Luoshi.Domain.Documents;

/// <summary>
/// 提法: every formulation the document puts in quotation marks, counted by its quoted occurrences (a
/// common word such as 融合 may be a formulation when quoted and plain text elsewhere). A formulation is
/// numbered when it is built on a count — 八八战略, 十项重大工程, 三大差距, 两个确立, 双碳, 千万工程, “4+1”,
/// “415X” — or when a count stands just outside the quotes, as in 三个“一号工程”.
/// </summary>
public static partial class TermExtractor
{
    public const int MaxTermLength = 50;

    /// <summary>Characters that, after a leading 一/百/千/万, make a count rather than an idiom (一号工程 but not 一马当先).</summary>
    private const string Counters = "一二三四五六七八九十百千万亿两双个项大条支张篇类批号化级体方面";

    public static IReadOnlyList<Formulation> Extract(string text, IReadOnlyList<Sentence> sentences)
    {
        var terms = new Dictionary<string, (List<int> Positions, bool Numbered, string? Numeral, TextSpan Sentence)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var sentence in sentences)
        {
            foreach (Match m in Quoted().Matches(sentence.Text))
            {
                var term = m.Groups[1].Value.Trim();
                if (term.Length < 2 || term.Length > MaxTermLength)
                {
                    continue;
                }

                var numeral = NumeralBefore(sentence.Text, m.Index);
                int position = sentence.Span.Start + m.Index + 1;
                if (terms.TryGetValue(term, out var known))
                {
                    known.Positions.Add(position);
                    if (numeral is not null && known.Numeral is null)
                    {
                        terms[term] = (known.Positions, true, numeral, known.Sentence);
                    }

                    continue;
                }

                terms[term] = ([position], numeral is not null || IsNumbered(term), numeral, sentence.Span);
                order.Add(term);
            }
        }

        return [.. order.Select(t => new Formulation(t, terms[t].Positions.Count, terms[t].Numbered, terms[t].Numeral, terms[t].Positions, terms[t].Sentence))];
    }

    /// <summary>Whether a formulation is built on a count.</summary>
    public static bool IsNumbered(string term)
    {
        if (term.Length == 0)
        {
            return false;
        }

        foreach (var c in term)
        {
            if (char.IsAsciiDigit(c))
            {
                return true;
            }
        }

        char first = term[0];
        char second = term.Length > 1 ? term[1] : '\0';
        return first switch
        {
            '两' or '双' => term.Length > 1,
            '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十' => term.Length > 1 && !Idioms.Contains(term),
            '一' or '百' or '千' or '万' => second != '\0' && Counters.Contains(second, StringComparison.Ordinal),
            _ => false,
        };
    }

    /// <summary>Set phrases that start with a numeral but count nothing.</summary>
    private static readonly HashSet<string> Idioms = new(StringComparer.Ordinal)
    {
        "三思而行", "五湖四海", "四面八方", "七上八下", "九牛一毛", "十全十美", "三心二意", "五花八门", "八仙过海", "七嘴八舌", "十拿九稳", "三番五次",
        "四通八达", "五光十色", "六神无主", "九死一生", "三令五申", "十万火急", "八面玲珑",
    };

    /// <summary>A count written just before the opening quote: 三个“一号工程”, 十项“民生实事”.</summary>
    private static string? NumeralBefore(string s, int quote)
    {
        int i = quote;
        while (i > 0 && "个项大条支张篇类批".Contains(s[i - 1], StringComparison.Ordinal))
        {
            i--;
        }

        int end = i;
        while (i > 0 && (ChineseText.IsNumeral(s[i - 1]) || char.IsAsciiDigit(s[i - 1])) && s[i - 1] is not '万' and not '亿')
        {
            i--;
        }

        if (i == end)
        {
            return null;
        }

        // 一个“…” reads as "a …", not as a count; 统一“…” ends in 一 without being one.
        var numeral = s[i..quote];
        if ((numeral.StartsWith('一') && numeral.Length <= 2) || (i > 0 && ChineseText.IsCjk(s[i - 1]) && "统唯单同专第万之其逐".Contains(s[i - 1], StringComparison.Ordinal)))
        {
            return null;
        }

        return numeral;
    }

    [GeneratedRegex(@"“([^“”\n。！？]{2,60})”")]
    private static partial Regex Quoted();
}
