using Luoshi.Application.Common;
using Luoshi.Application.Indicators;
using Luoshi.Application.Plans;
using Luoshi.Application.Readings;
using Luoshi.Domain.Common;
using Luoshi.Domain.Documents;
using Luoshi.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Documents;

/// <summary>What a review decision made: the item as it now stands, and what it became in the platform.</summary>
public sealed record ReviewOutcome(DocumentItemView Item, PlanItemView? PlanItem = null, TargetView? Target = null, ReadingView? Reading = null, AcceptPolicy.PolicyDraft? Policy = null);

/// <summary>Loading, citing and saving shared by the review use cases.</summary>
internal static class DocumentReview
{
    public static async Task<Document> Load(Data.LuoshiDbContext db, int id, CancellationToken ct) =>
        await db.Documents.Include(d => d.Items).SingleOrDefaultAsync(d => d.Id == id, ct)
        ?? throw new NotFoundException(new Text("文件", "document"), id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static DocumentItem Item(Document document, int number) =>
        document.Items.FirstOrDefault(i => i.Number == number)
        ?? throw new NotFoundException(new Text("文件条目", "document item"), $"{document.Id}/{number}");

    /// <summary>Where a value came from, short enough for a version's reason: 文件《…》第3条: the sentence.</summary>
    public static string Cite(Document document, DocumentItem item, int max) =>
        Clip(new Text($"文件《{document.Title}》第{item.Number}条", $"document {document.Id} item {item.Number}: {document.SentenceOf(item)}").Bilingual, max);

    public static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    public static async Task<OrgUnit> Org(Data.LuoshiDbContext db, string? code, string field, CancellationToken ct)
    {
        return await db.OrgUnits.UnitByCodeAsync(code, field, ct);
    }

    /// <summary>
    /// Runs the decision and the change it makes in one transaction: an item is never marked accepted
    /// without its plan item, target or reading, nor the other way round. Two reviewers deciding items of
    /// the same document at once: the second is told to reload (409).
    /// </summary>
    public static async Task<T> Atomically<T>(Data.LuoshiDbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // The decision is written first, so that a reviewer who lost the race is told so before anything else is created.
            await db.SaveChangesAsync(ct);
            var result = await work();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", new Text("文件刚被他人审核,请刷新后重试", "someone else has just reviewed this document; reload and retry"));
        }
    }

    public static Stamp Stamp(ICurrentActor actor, TimeProvider clock, string? note) =>
        Domain.Common.Stamp.Of(actor.Name, clock.GetUtcNow(), string.IsNullOrWhiteSpace(note) ? null : Clip(note.Trim(), Document.NoteMaxLength));
}
