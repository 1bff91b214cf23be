namespace Luoshi.Domain.Documents;

/// <summary>A document as the timeline and the diff name it.</summary>
public sealed record DocumentRef(int Id, string Title, DateOnly? Date);

/// <summary>The formulations one document quoted, with their counts.</summary>
public sealed record DocumentTerms(DocumentRef Document, IReadOnlyList<(string Term, int Count, bool Numbered)> Terms);

public sealed record TermInDocument(DocumentRef Document, int Count);

public sealed record TermInYear(int Year, int Count);

/// <summary>One formulation across documents: where it was first seen, and how often it was quoted per document and per year.</summary>
public sealed record TermTimeline(string Term, bool Numbered, DocumentRef FirstSeen, int Total, IReadOnlyList<TermInDocument> Documents, IReadOnlyList<TermInYear> Years);

/// <summary>
/// The life of formulations (提法) across documents in date order: when a phrase first appeared, how often
/// each document quoted it, and per year. Documents without a date sort last, by id.
/// </summary>
public static class PhraseTimeline
{
    public static IReadOnlyList<TermTimeline> Build(IEnumerable<DocumentTerms> documents, string? term = null)
    {
        var ordered = documents.OrderBy(d => d.Document.Date is null).ThenBy(d => d.Document.Date).ThenBy(d => d.Document.Id).ToList();
        var byTerm = new Dictionary<string, List<(DocumentRef Doc, int Count, bool Numbered)>>(StringComparer.Ordinal);
        foreach (var d in ordered)
        {
            foreach (var (t, count, numbered) in d.Terms)
            {
                if (term is not null && !string.Equals(t, term, StringComparison.Ordinal))
                {
                    continue;
                }

                if (!byTerm.TryGetValue(t, out var list))
                {
                    byTerm[t] = list = [];
                }

                list.Add((d.Document, count, numbered));
            }
        }

        return [.. byTerm
            .Select(kv => new TermTimeline(
                kv.Key,
                kv.Value.Any(x => x.Numbered),
                kv.Value[0].Doc,
                kv.Value.Sum(x => x.Count),
                [.. kv.Value.Select(x => new TermInDocument(x.Doc, x.Count))],
                [.. kv.Value.Where(x => x.Doc.Date is not null).GroupBy(x => x.Doc.Date!.Value.Year).OrderBy(g => g.Key).Select(g => new TermInYear(g.Key, g.Sum(x => x.Count)))]))
            .OrderByDescending(t => t.Documents.Count)
            .ThenByDescending(t => t.Total)
            .ThenBy(t => t.Term, StringComparer.Ordinal)];
    }
}

public sealed record TermChange(string Term, bool Numbered, int FromCount, int ToCount);

/// <summary>What a later document says differently: formulations it introduces, drops and continues.</summary>
public sealed record FormulationDiff(IReadOnlyList<TermChange> New, IReadOnlyList<TermChange> Dropped, IReadOnlyList<TermChange> Continued)
{
    public static FormulationDiff Compare(IReadOnlyList<(string Term, int Count, bool Numbered)> from, IReadOnlyList<(string Term, int Count, bool Numbered)> to)
    {
        var a = from.GroupBy(t => t.Term, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (Count: g.Sum(x => x.Count), Numbered: g.Any(x => x.Numbered)), StringComparer.Ordinal);
        var b = to.GroupBy(t => t.Term, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (Count: g.Sum(x => x.Count), Numbered: g.Any(x => x.Numbered)), StringComparer.Ordinal);
        IReadOnlyList<TermChange> Sorted(IEnumerable<TermChange> changes) =>
            [.. changes.OrderByDescending(c => c.Numbered).ThenByDescending(c => c.FromCount + c.ToCount).ThenBy(c => c.Term, StringComparer.Ordinal)];

        return new FormulationDiff(
            Sorted(b.Where(kv => !a.ContainsKey(kv.Key)).Select(kv => new TermChange(kv.Key, kv.Value.Numbered, 0, kv.Value.Count))),
            Sorted(a.Where(kv => !b.ContainsKey(kv.Key)).Select(kv => new TermChange(kv.Key, kv.Value.Numbered, kv.Value.Count, 0))),
            Sorted(a.Where(kv => b.ContainsKey(kv.Key)).Select(kv => new TermChange(kv.Key, kv.Value.Numbered || b[kv.Key].Numbered, kv.Value.Count, b[kv.Key].Count))));
    }
}
