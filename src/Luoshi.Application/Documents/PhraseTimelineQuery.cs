using Luoshi.Application.Common;
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

/// <summary>The formulations a later document introduces, drops and continues compared with an earlier one.</summary>
public sealed class CompareDocuments(Data.LuoshiDbContext db, ICurrentActor actor)
{
    public sealed record DiffView(DocumentRef From, DocumentRef To, IReadOnlyList<TermChange> New, IReadOnlyList<TermChange> Dropped, IReadOnlyList<TermChange> Continued);

    public async Task<DiffView> Handle(int? from, int? to, CancellationToken ct)
    {
        actor.Require(Permission.ReadAll);
        if (from is null || to is null)
        {
            throw InputRefusedException.Single(from is null ? "from" : "to", "须指明要比较的两份文件 / name the two documents to compare (from, to)");
        }

        var a = await Load(from.Value, ct);
        var b = await Load(to.Value, ct);
        var diff = FormulationDiff.Compare(a.Terms, b.Terms);
        return new DiffView(a.Ref, b.Ref, diff.New, diff.Dropped, diff.Continued);
    }

    private async Task<(DocumentRef Ref, IReadOnlyList<(string, int, bool)> Terms)> Load(int id, CancellationToken ct)
    {
        var doc = await db.Documents.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.Id, d.Title, d.Date }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("文件/document", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var terms = await db.DocumentTerms.AsNoTracking().Where(t => t.DocumentId == id).Select(t => new { t.Term, t.Count, t.Numbered }).ToListAsync(ct);
        return (new DocumentRef(doc.Id, doc.Title, doc.Date), [.. terms.Select(t => (t.Term, t.Count, t.Numbered))]);
    }
}
