namespace Luoshi.Domain.Documents;

/// <summary>
/// Splits normalised text into sentences at 。！？ (with any closing quote or bracket that follows) and at
/// line ends, so a headline is a sentence of its own. Semicolons separate clauses, not sentences: a
/// deployment sentence often lists its tasks between semicolons. A form feed (the end of a page) ends a line
/// too, and counts the pages: each sentence carries the page it stands on when the text has any.
/// </summary>
public static class SentenceSplitter
{
    public static IReadOnlyList<Sentence> Split(string text)
    {
        var sentences = new List<Sentence>();
        int paragraph = 0, start = 0;
        int? page = text.Contains('\f', StringComparison.Ordinal) ? 1 : null;
        for (int i = 0; i <= text.Length; i++)
        {
            bool lineEnd = i == text.Length || text[i] is '\n' or '\f';
            if (!lineEnd && !ChineseText.IsSentenceEnd(text[i]))
            {
                continue;
            }

            int end = i;
            if (!lineEnd)
            {
                end = i + 1;
                while (end < text.Length && (text[end] is '”' or '’' or '）' or '」' || ChineseText.IsSentenceEnd(text[end])))
                {
                    end++;
                }

                i = end - 1;
            }

            Add(sentences, text, start, end, paragraph, page);
            start = end;
            if (lineEnd)
            {
                paragraph++;
                start = i + 1;
                page += i < text.Length && text[i] == '\f' ? 1 : 0;
            }
        }

        return sentences;
    }

    private static void Add(List<Sentence> sentences, string text, int start, int end, int paragraph, int? page)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add(new Sentence(sentences.Count, new TextSpan(start, end - start), paragraph, text[start..end], page));
        }
    }
}
