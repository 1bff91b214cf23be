namespace Luoshi.Domain.Documents;

/// <summary>Character classes and small word lists the normaliser and extractors share.</summary>
internal static class ChineseText
{
    public const string Numerals = "零〇一二三四五六七八九十百千万亿两双";

    /// <summary>Common single-character surnames (the great majority of officials' names start with one of these).</summary>
    private const string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
        + "易廉翁习楼车骆俞倪柯裘童单葛鲍庞施欧祝厉诸岑应竺屠鲁卞虞宁甘包吉郁尤柏舒涂聂阮洪常辛管耿乔庄符殷伍文裴季凌伏明齐申左艾安褚娄冉华纪邢焦麦敖练栾柴滕蓝刁瞿晏储关饶卓冀聂";

    private static readonly HashSet<char> SurnameSet = [.. Surnames];

    private static readonly string[] CompoundSurnames = ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "公孙", "慕容", "尉迟", "夏侯", "长孙", "宇文", "司徒"];

    public static bool IsCjk(char c) => c is (>= '\u4e00' and <= '\u9fff') or (>= '\u3400' and <= '\u4dbf') or (>= '\uf900' and <= '\ufaff');

    /// <summary>Full-width punctuation of running Chinese text (not brackets or quotes).</summary>
    public static bool IsCjkPunctuation(char c) => c is '，' or '。' or '、' or '；' or '：' or '！' or '？' or '…' or '—';

    public static bool IsSentenceEnd(char c) => c is '。' or '！' or '？';

    public static bool IsNumeral(char c) => Numerals.Contains(c, StringComparison.Ordinal);

    public static bool IsSurname(char c) => SurnameSet.Contains(c);

    public static int CompoundSurnameLength(string text, int at)
    {
        foreach (var s in CompoundSurnames)
        {
            if (string.CompareOrdinal(text, at, s, 0, s.Length) == 0)
            {
                return s.Length;
            }
        }

        return 0;
    }

    public static bool ContainsCjk(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (IsCjk(c))
            {
                return true;
            }
        }

        return false;
    }
}
