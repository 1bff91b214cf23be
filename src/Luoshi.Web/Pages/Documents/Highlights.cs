using System.Globalization;

namespace Luoshi.Web.Pages.Documents;

/// <summary>
/// One extracted thing marked in the text: a directive, target or figure (an item of the review, by number),
/// a person or a formulation (提法). <see cref="Tip"/> is what hovering it shows.
/// </summary>
public sealed record Mark(int Start, int End, string Kind, int? Item, string Tip, string? Term = null)
{
    /// <summary>What a click opens when marks overlap: the narrowest kinds first (a figure inside a directive).</summary>
    public int Rank => Kind switch
    {
        "target" or "figure" => 4,
        "term" => 3,
        "person" => 2,
        _ => 1,
    };
}

/// <summary>
/// A run of text under the same marks (none for plain text), as the page writes it: a run under an item links to
/// the item beside the text, one under a formulation to its timeline, any other is only marked. A form feed (the
/// end of a page of a PDF) is a run of its own, with <see cref="PageEnd"/> the page it ends, and is written as a
/// page foot rather than as the character.
/// </summary>
public sealed record Segment(int Start, string Text, IReadOnlyList<Mark> Marks, int? PageEnd = null)
{
    public Mark? Top => Marks.Count == 0 ? null : Marks.MaxBy(m => m.Rank);

    public string Classes => string.Join(' ', Marks.Select(m => "hl-" + m.Kind).Distinct(StringComparer.Ordinal).Prepend("hl"));

    public string Tip => string.Join('\n', Marks.OrderByDescending(m => m.Rank).Select(m => m.Tip).Distinct(StringComparer.Ordinal));

    /// <summary>The items that begin here: each gets an anchor for the item's "#n" beside the text to scroll to.</summary>
    public IEnumerable<int> Anchors => Marks.Where(m => m.Item is not null && m.Start == Start).Select(m => m.Item!.Value);

    public string? Href => Top switch
    {
        { Item: { } n } => $"#item-{n.ToString(CultureInfo.InvariantCulture)}",
        { Term: { } term } => "/documents/timeline?term=" + Uri.EscapeDataString(term),
        _ => null,
    };

    /// <summary>The item the run opens, if its top mark is an item's.</summary>
    public string? Item => Top?.Item?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every item the run belongs to (a figure inside a directive belongs to both), space-separated; null for none.</summary>
    public string? Items =>
        Marks.Any(m => m.Item is not null)
            ? string.Join(' ', Marks.Where(m => m.Item is not null).Select(m => m.Item!.Value.ToString(CultureInfo.InvariantCulture)))
            : null;
}

/// <summary>
/// Cuts the normalised text at every mark's edges, so that overlapping marks (a figure inside a directive) render as
/// flat runs, and around every form feed, so that each page end is a run of its own.
/// </summary>
public static class Highlights
{
    public static IReadOnlyList<Segment> Cut(string text, IEnumerable<Mark> marks)
    {
        var valid = marks.Where(m => m.Start >= 0 && m.End <= text.Length && m.Start < m.End).ToList();
        var pageEnds = Occurrences(text, "\f").ToList();
        var edges = valid.SelectMany(m => new[] { m.Start, m.End }).Concat(pageEnds.SelectMany(at => new[] { at, at + 1 }))
            .Append(0).Append(text.Length).Distinct().Order().ToArray();
        var covering = new List<Mark>?[edges.Length - 1];
        foreach (var m in valid)
        {
            var first = Array.BinarySearch(edges, m.Start);
            for (var i = first; i < edges.Length - 1 && edges[i] < m.End; i++)
            {
                (covering[i] ??= []).Add(m);
            }
        }

        var segments = new List<Segment>(edges.Length);
        var page = 0;
        for (var i = 0; i < edges.Length - 1; i++)
        {
            var run = text[edges[i]..edges[i + 1]];
            segments.Add(new Segment(edges[i], run, (IReadOnlyList<Mark>?)covering[i] ?? [], run == "\f" ? ++page : null));
        }

        return segments;
    }

    /// <summary>Every place <paramref name="needle"/> occurs in <paramref name="text"/>, without overlaps.</summary>
    public static IEnumerable<int> Occurrences(string text, string needle)
    {
        if (needle.Length == 0)
        {
            yield break;
        }

        for (var at = text.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = text.IndexOf(needle, at + needle.Length, StringComparison.Ordinal))
        {
            yield return at;
        }
    }
}
