namespace Luoshi.Domain.Documents;

/// <summary>Character classes and small word lists the normaliser and extractors share.</summary>
internal static class ChineseText
{
    public const string Numerals = "零〇一二三四五六七八九十百千万亿两双";

    public static bool IsCjk(char c) => c is (>= '\u4e00' and <= '\u9fff') or (>= '\u3400' and <= '\u4dbf') or (>= '\uf900' and <= '\ufaff');

    /// <summary>Full-width punctuation of running Chinese text (not brackets or quotes).</summary>
    public static bool IsCjkPunctuation(char c) => c is '，' or '。' or '、' or '；' or '：' or '！' or '？' or '…' or '—';

    public static bool IsSentenceEnd(char c) => c is '。' or '！' or '？';

    public static bool IsNumeral(char c) => Numerals.Contains(c, StringComparison.Ordinal);

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
