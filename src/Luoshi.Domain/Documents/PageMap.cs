namespace Luoshi.Domain.Documents;

/// <summary>
/// The pages of a normalised text: a form feed (<c>\f</c>) ends each page of a paged source (a PDF), so the
/// page of an offset is one more than the form feeds before it (docs/adr/0025). A text without form feeds has
/// no pages, and every offset's page is null. Build one per text and ask it for many offsets.
/// </summary>
public sealed class PageMap
{
    private static readonly PageMap None = new([]);

    private readonly int[] _ends;

    private PageMap(int[] ends) => _ends = ends;

    /// <summary>Whether the text came in pages.</summary>
    public bool Paged => _ends.Length > 0;

    /// <summary>How many pages the text spans (the form feeds it holds, one more when text follows the last); 0 when unpaged.</summary>
    public int Pages { get; private init; }

    public static PageMap Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ends = new List<int>();
        for (int at = text.IndexOf('\f', StringComparison.Ordinal); at >= 0; at = text.IndexOf('\f', at + 1))
        {
            ends.Add(at);
        }

        if (ends.Count == 0)
        {
            return None;
        }

        return new PageMap([.. ends]) { Pages = ends[^1] == text.Length - 1 ? ends.Count : ends.Count + 1 };
    }

    /// <summary>The page (1, 2…) the character at <paramref name="offset"/> stands on; null for a text without pages.</summary>
    public int? PageOf(int offset)
    {
        if (!Paged)
        {
            return null;
        }

        // The form feeds before the offset: BinarySearch gives the index of an equal one (itself a page's end), or the complement of the first greater.
        int found = Array.BinarySearch(_ends, offset);
        return 1 + (found >= 0 ? found : ~found);
    }
}
