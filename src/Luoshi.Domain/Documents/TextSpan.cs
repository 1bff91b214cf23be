namespace Luoshi.Domain.Documents;

/// <summary>A stretch of the normalised text, by UTF-16 offset and length.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public string Of(string text) => text.Substring(Start, Length);
}

/// <summary>
/// A sentence of the normalised text, the paragraph (line) it belongs to, and the page it stands on (1, 2…;
/// null when the text has no page breaks, as text that did not come from pages has none).
/// </summary>
public sealed record Sentence(int Index, TextSpan Span, int Paragraph, string Text, int? Page = null);
