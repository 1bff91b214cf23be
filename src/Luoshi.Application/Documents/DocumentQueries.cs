using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Documents;
using Luoshi.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Documents;

/// <summary>Documents, newest event first, with how many of their items still await review.</summary>
public sealed class ListDocuments(Data.LuoshiDbContext db, ICurrentActor actor)
{
    public sealed record Query(ReviewState? State = null, string? Term = null);

    public async Task<IReadOnlyList<DocumentSummary>> Handle(Query q, CancellationToken ct)
    {
        actor.Require(Permission.ReadAll);
        var docs = db.Documents.AsNoTracking();
        if (q.State is { } state)
        {
            docs = docs.Where(d => d.State == state);
        }

        if (!string.IsNullOrWhiteSpace(q.Term))
        {
            var term = q.Term.Trim();
            docs = docs.Where(d => db.DocumentTerms.Any(t => t.DocumentId == d.Id && t.Term == term));
        }

        var rows = await docs
            .Select(d => new
            {
                d.Id, d.Title, d.Date, d.DateBasis, d.Source, d.Format, d.State, d.IngestedAt, d.IngestedBy,
                Items = db.DocumentItems.Count(i => i.DocumentId == d.Id),
                Pending = db.DocumentItems.Count(i => i.DocumentId == d.Id && i.Decision == ItemDecision.Pending),
                Directives = db.DocumentItems.Count(i => i.DocumentId == d.Id && i.Kind == DocumentItemKind.Directive),
                Targets = db.DocumentItems.Count(i => i.DocumentId == d.Id && i.Kind == DocumentItemKind.Target),
            })
            .ToListAsync(ct);
        return [.. rows
            .OrderByDescending(r => r.Date ?? DateOnly.MinValue).ThenByDescending(r => r.Id)
            .Select(r => new DocumentSummary(r.Id, r.Title, r.Date, r.DateBasis, r.Source, r.Format, r.State, r.Items, r.Pending, r.IngestedAt, r.IngestedBy, r.Directives, r.Targets, r.Items - r.Directives - r.Targets))];
    }
}

public sealed class GetDocument(Data.LuoshiDbContext db, ICurrentActor actor)
{
    public async Task<DocumentView> Handle(int id, CancellationToken ct)
    {
        actor.Require(Permission.ReadAll);
        var document = await db.Documents.AsNoTracking().Include(d => d.Items).AsSplitQuery().SingleOrDefaultAsync(d => d.Id == id, ct)
            ?? throw new NotFoundException(new Text("文件", "document"), id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return DocumentJson.View(document);
    }

    /// <summary>The bytes as they were ingested, with the file name and a content type for download.</summary>
    public async Task<(byte[] Bytes, string FileName, string ContentType)> Original(int id, CancellationToken ct)
    {
        actor.Require(Permission.ReadAll);
        var doc = await db.Documents.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.Original, d.Source, d.Format }).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException(new Text("文件", "document"), id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var type = doc.Format switch
        {
            SourceFormat.Html => "text/html",
            SourceFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            SourceFormat.Pdf => "application/pdf",
            _ => "text/plain",
        };
        return (doc.Original, doc.Source, type);
    }
}
