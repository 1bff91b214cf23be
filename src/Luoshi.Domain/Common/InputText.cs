namespace Luoshi.Domain.Common;

/// <summary>
/// What text may hold when it comes in from outside (a request, a file's cell): no NUL or other control character
/// but tab, line feed, carriage return and form feed (a page break in pasted text), no half of a surrogate pair,
/// no U+FFFE/U+FFFF. PostgreSQL cannot store NUL at all and a lone surrogate cannot be written as UTF-8, so
/// refusing them at the door is what keeps both databases answering alike.
/// </summary>
public static class InputText
{
    /// <summary>What is wrong with the text, or null when it may be stored.</summary>
    public static Text? Problem(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < ' ' || (c >= '\u007F' && c <= '\u009F'))
            {
                if (c is '\t' or '\n' or '\r' or '\f')
                {
                    continue;
                }

                return c == '\0'
                    ? new Text("含有空字符(U+0000)", "contains a NUL character (U+0000)")
                    : new Text($"含有控制字符(U+{(int)c:X4})", $"contains a control character (U+{(int)c:X4})");
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return new Text("含有不成对的代理字符,不是有效的Unicode文本", "contains half of a surrogate pair: not valid Unicode text");
            }

            if (c is '\uFFFE' or '\uFFFF')
            {
                return new Text($"含有非字符(U+{(int)c:X4})", $"contains a noncharacter (U+{(int)c:X4})");
            }
        }

        return null;
    }

    /// <summary>The text as it was, or a refusal naming the field.</summary>
    public static string Require(string text, string field) =>
        Problem(text) is { } problem ? throw new DomainException(field, problem) : text;
}
