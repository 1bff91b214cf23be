namespace Luoshi.Domain.Documents;

/// <summary>Normalises a document and runs every extractor over the result. Pure: the converter is the only outside help.</summary>
public static class DocumentExtractor
{
    /// <param name="raw">The decoded text of the document (a page, a speech, pasted text).</param>
    /// <param name="converter">Traditional → simplified; <see cref="NoTextConversion"/> for text known to be simplified.</param>
    /// <param name="titleHint">A title the container carried (an HTML &lt;title&gt;, a Word document's first heading), used when the text opens without one or to confirm which opening line is the headline.</param>
    public static DocumentExtraction Extract(string raw, ITextConverter converter, string? titleHint = null)
    {
        var normalized = TextNormalizer.Normalize(raw, converter);
        var text = normalized.Text;
        var sentences = SentenceSplitter.Split(text);
        var hint = string.IsNullOrWhiteSpace(titleHint) ? null : TextNormalizer.FixPunctuation(converter.Convert(titleHint.Trim()));
        var title = TitleFinder.Choose(normalized.Title, text, hint);
        var date = DateExtractor.Extract(sentences, normalized.PublicationDates);

        return new DocumentExtraction(
            title,
            date,
            PeopleExtractor.Extract(sentences, normalized.Removed),
            TermExtractor.Extract(text, sentences),
            DirectiveExtractor.Extract(sentences),
            FigureExtractor.Extract(sentences, date?.Date.Year),
            text,
            sentences,
            normalized.PublicationDates,
            normalized.Removed,
            converter.Name);
    }
}
