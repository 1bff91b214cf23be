using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Documents;
using Luoshi.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Documents;

/// <summary>Formulations across all documents: first seen, count per document and per year (one term, or every term).</summary>
public sealed class GetPhraseTimeline(Data.LuoshiDbContext db, ICurrentActor actor)
{
    public sealed record Query(string? Term = null, bool NumberedOnly = false);

    public async Task<IReadOnlyList<TermTimeline>> Handle(Query q, CancellationToken ct)
    {
        actor.Require(Permission.ReadAll);
        var terms = db.DocumentTerms.AsNoTracking();
        var term = string.IsNullOrWhiteSpace(q.Term) ? null : q.Term.Trim();
        if (term is not null)
        {
            terms = terms.Where(t => t.Term == term);
        }

        if (q.NumberedOnly)
        {
            terms = terms.Where(t => t.Numbered);
        }

        var rows = await (from t in terms
                          join d in db.Documents on t.DocumentId equals d.Id
                          select new { d.Id, d.Title, d.Date, t.Term, t.Count, t.Numbered }).ToListAsync(ct);
        var documents = rows.GroupBy(r => r.Id).Select(g => new DocumentTerms(
            new DocumentRef(g.Key, g.First().Title, g.First().Date),
            [.. g.Select(r => (r.Term, r.Count, r.Numbered))]));
        return PhraseTimeline.Build(documents, term);
    }
}

/// <summary>
/// The formulations a later document introduces, drops and continues compared with an earlier one, and the
/// same for its figures (a subject with its unit: 生产总值 %, 城镇新增就业 万人), each with the value and the
/// sentence it stood in on either side.
/// </summary>
public sealed class CompareDocuments(Data.LuoshiDbContext db, ICurrentActor actor)
{
    public sealed record DiffView(
        DocumentRef From,
        DocumentRef To,
        IReadOnlyList<TermChange> New,
        IReadOnlyList<TermChange> Dropped,
        IReadOnlyList<TermChange> Continued,
        IReadOnlyList<FigureChange>? NewFigures = null,
        IReadOnlyList<FigureChange>? DroppedFigures = null,
        IReadOnlyList<FigureChange>? ContinuedFigures = null);

    /// <summary>A figure's subject and unit; its value (and kind, measure, sentence) in the earlier and the later document where it appears.</summary>
    public sealed record FigureChange(string Subject, string Unit, FigureSide? From, FigureSide? To);

    public sealed record FigureSide(int Item, FigureKind Kind, decimal Value, string? Measure, FigureQualifier? Qualifier, string? Period, string Text);

    public async Task<DiffView> Handle(int? from, int? to, CancellationToken ct)
    {
        actor.Require(Permission.ReadAll);
        if (from is null || to is null)
        {
            throw InputRefusedException.Single(from is null ? "from" : "to", new Text("须指明要比较的两份文件", "name the two documents to compare (from, to)"));
        }

        var a = await Load(from.Value, ct);
        var b = await Load(to.Value, ct);
        var diff = FormulationDiff.Compare(a.Terms, b.Terms);
        var (newFigures, dropped, continued) = CompareFigures(a.Figures, b.Figures);
        return new DiffView(a.Ref, b.Ref, diff.New, diff.Dropped, diff.Continued, newFigures, dropped, continued);
    }

    // A subject stated twice in one document (a target and last year's actual) is compared by its first statement.
    private static (IReadOnlyList<FigureChange> New, IReadOnlyList<FigureChange> Dropped, IReadOnlyList<FigureChange> Continued) CompareFigures(
        IReadOnlyList<(string Key, string Subject, string Unit, FigureSide Side)> from,
        IReadOnlyList<(string Key, string Subject, string Unit, FigureSide Side)> to)
    {
        var a = from.GroupBy(f => f.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var b = to.GroupBy(f => f.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return (
            [.. b.Values.Where(f => !a.ContainsKey(f.Key)).OrderBy(f => f.Side.Item).Select(f => new FigureChange(f.Subject, f.Unit, null, f.Side))],
            [.. a.Values.Where(f => !b.ContainsKey(f.Key)).OrderBy(f => f.Side.Item).Select(f => new FigureChange(f.Subject, f.Unit, f.Side, null))],
            [.. b.Values.Where(f => a.ContainsKey(f.Key)).OrderBy(f => f.Side.Item).Select(f => new FigureChange(f.Subject, f.Unit, a[f.Key].Side, f.Side))]);
    }

    // A provincial document says 全省生产总值 once and 生产总值 the next time: the same subject.
    private static string Key(string subject) => subject.StartsWith("全省", StringComparison.Ordinal) && subject.Length > 2 ? subject[2..] : subject;

    private async Task<(DocumentRef Ref, IReadOnlyList<(string, int, bool)> Terms, IReadOnlyList<(string, string, string, FigureSide)> Figures)> Load(int id, CancellationToken ct)
    {
        var doc = await db.Documents.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.Id, d.Title, d.Date }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException(new Text("文件", "document"), id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var terms = await db.DocumentTerms.AsNoTracking().Where(t => t.DocumentId == id).Select(t => new { t.Term, t.Count, t.Numbered }).ToListAsync(ct);
        var items = await db.DocumentItems.AsNoTracking()
            .Where(i => i.DocumentId == id && (i.Kind == DocumentItemKind.Figure || i.Kind == DocumentItemKind.Target))
            .OrderBy(i => i.Number)
            .Select(i => new { i.Number, i.Kind, i.Data })
            .ToListAsync(ct);
        var figures = new List<(string, string, string, FigureSide)>(items.Count);
        foreach (var i in items)
        {
            var f = ItemData.Figure(i.Kind, i.Data);
            if (f is null || string.IsNullOrWhiteSpace(f.Subject))
            {
                continue;
            }

            figures.Add((Key(f.Subject) + "\u0001" + f.Unit, f.Subject, f.Unit, new FigureSide(i.Number, f.Kind, f.Value, f.Measure, f.Qualifier, f.Period, f.Text)));
        }

        return (new DocumentRef(doc.Id, doc.Title, doc.Date), [.. terms.Select(t => (t.Term, t.Count, t.Numbered))], figures);
    }
}
