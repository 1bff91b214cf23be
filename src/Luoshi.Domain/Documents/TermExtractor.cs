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

    /// <summary>
    /// Whether a formulation is built on a count, wherever in it the count stands: 八八战略, 两个先行, 三改一拆,
    /// 最多跑一次, 一件事, 一网通办, 千村示范, “1+N”, “十四五”. Words that only happen to hold a numeral
    /// (一体化, 统一, 一流, 进一步, 一批, 长三角, 千方百计) are set aside first; what is left counts when
    /// <list type="bullet">
    /// <item>it has an Arabic digit;</item>
    /// <item>it has 二…九, 十 or 两 (these are almost never anything but numbers), or 双 before another character;</item>
    /// <item>一 stands before a measure word (一件事, 一号工程, 一网通办, 跑一次) or is repeated as a pattern (一县一品, 一老一小);</item>
    /// <item>百, 千, 万 or 亿 stands beside another numeral (千万工程, 百千万) or before what such a number counts (千村, 万企, 百县).</item>
    /// </list>
    /// </summary>
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

        var masked = Masked(term);
        int ones = 0;
        for (int i = 0; i < masked.Length; i++)
        {
            char c = masked[i];
            char before = i > 0 ? masked[i - 1] : '\0';
            char after = i + 1 < masked.Length ? masked[i + 1] : '\0';
            switch (c)
            {
                case '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十' or '两':
                    return true;
                case '双' when after is not '\0':
                    return true;
                case '一':
                    if (MeasureWords.Contains(after) || Large.Contains(before) || Large.Contains(after))
                    {
                        return true;
                    }

                    ones++;
                    break;
                case '百' or '千' or '万' or '亿':
                    if (ChineseText.IsNumeral(before) || (ChineseText.IsNumeral(after) && after is not '一') || Counted.Contains(after))
                    {
                        return true;
                    }

                    break;
            }
        }

        // 一县一品, 一老一小, 一带一路: 一 repeated as the pattern of the slogan; 一区多园, 一网多用: one against many.
        return ones >= 2 || OneAgainstMany().IsMatch(masked);
    }

    /// <summary>The term with its set phrases and ordinals (第一, 第三方) blanked out, so that their numerals count nothing.</summary>
    private static string Masked(string term)
    {
        var chars = term.ToCharArray();
        foreach (var phrase in SetPhrases)
        {
            for (int at = term.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = term.IndexOf(phrase, at + 1, StringComparison.Ordinal))
            {
                Array.Fill(chars, Masking, at, phrase.Length);
            }
        }

        for (int i = 0; i + 1 < chars.Length; i++)
        {
            if (chars[i] == '第')
            {
                for (int j = i + 1; j < chars.Length && ChineseText.IsNumeral(chars[j]); j++)
                {
                    chars[j] = Masking;
                }
            }
        }

        return new string(chars);
    }

    private const char Masking = '□';

    [GeneratedRegex("一[\\p{IsCJKUnifiedIdeographs}]多[\\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex OneAgainstMany();

    /// <summary>Measure words that make 一 a count: 一件事, 一号工程, 一张蓝图, 一网通办, 最多跑一次, 一码通, 一口受理, 一刻钟生活圈.</summary>
    private const string MeasureWords = "个项大条种张件次号网码证窗套份台类级支篇屏图部口刻";

    /// <summary>百, 千, 万, 亿.</summary>
    private const string Large = "百千万亿";

    /// <summary>What a number of hundreds, thousands or tens of thousands counts in a slogan: 千村, 万企, 百县, 千项, 万亩, 百亿.</summary>
    private const string Counted = "个项条家户人企村县乡镇校园社区亩元亿名场所座";

    /// <summary>
    /// Words and set phrases that hold a numeral without counting anything: 一 as "one and the same", "whole",
    /// "first-rate" or "a"; places named with a numeral; idioms.
    /// </summary>
    private static readonly string[] SetPhrases =
    [
        "一体化", "一体", "统一", "一流", "一致", "进一步", "一批", "一大批", "一系列", "一揽子", "一些", "一起", "一切", "一样", "一般", "一直",
        "一定", "唯一", "同一", "一同", "一道", "一贯", "一代", "一线", "一站式", "一门式", "一条龙", "一条心", "一盘棋", "一次性", "一把手", "一以贯之", "一心一意",
        "一马当先", "一往无前", "一张一弛", "万一", "逐一", "单一", "专一", "划一", "一举", "一手", "一度", "一旦", "一律", "一向", "一番", "一点", "一口气", "一刻不停",
        "一方面", "十分", "十足", "两岸", "双方", "双向", "店小二", "小二",
        "长三角", "珠三角", "四川", "三峡", "三亚", "三明", "三门峡", "三沙", "九江", "十堰", "六安", "六盘水", "七台河", "五指山", "九寨沟", "千岛湖",
        "万州", "万宁", "百色", "八达岭", "五台山", "九华山", "四平", "二连浩特",
        "三思而行", "五湖四海", "四面八方", "七上八下", "九牛一毛", "十全十美", "三心二意", "五花八门", "八仙过海", "七嘴八舌", "十拿九稳", "三番五次",
        "四通八达", "五光十色", "六神无主", "九死一生", "三令五申", "十万火急", "八面玲珑", "千方百计", "千家万户", "万众一心", "百花齐放", "百家争鸣",
        "千帆竞发", "百舸争流", "万马奔腾", "万象更新", "千载难逢", "千里", "万里", "万物", "百姓", "千秋", "万家灯火", "一帆风顺", "一鼓作气",
        "一马平川", "一目了然", "一脉相承", "一如既往", "一蹴而就", "一劳永逸", "一针见血", "独一无二", "一席之地", "一臂之力", "万无一失",
    ];

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
