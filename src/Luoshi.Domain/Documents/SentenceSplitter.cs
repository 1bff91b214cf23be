namespace Luoshi.Domain.Documents;

/// <summary>
/// Splits normalised text into sentences at 。！？ (with any closing quote or bracket that follows) and at
/// line ends, so a headline is a sentence of its own. Semicolons separate clauses, not sentences: a
/// deployment sentence often lists its tasks between semicolons.
/// </summary>
public static class SentenceSplitter
{
    public static IReadOnlyList<Sentence> Split(string text)
    {
        var sentences = new List<Sentence>();
        int paragraph = 0, start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            bool lineEnd = i == text.Length || text[i] == '\n';
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

            Add(sentences, text, start, end, paragraph);
            start = end;
            if (lineEnd)
            {
                paragraph++;
                start = i + 1;
            }
        }

        return sentences;
    }

    private static void Add(List<Sentence> sentences, string text, int start, int end, int paragraph)
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
            sentences.Add(new Sentence(sentences.Count, new TextSpan(start, end - start), paragraph, text[start..end]));
        }
    }
}
