namespace Luoshi.Domain.Documents;

/// <summary>A stretch of the normalised text, by UTF-16 offset and length.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public string Of(string text) => text.Substring(Start, Length);
}

/// <summary>A sentence of the normalised text, and the paragraph (line) it belongs to.</summary>
public sealed record Sentence(int Index, TextSpan Span, int Paragraph, string Text);
