using Luoshi.Application.Common;
using Luoshi.Domain.Identity;

namespace Luoshi.Application.Documents;

/// <summary>Rejects an extracted item (not a task, a misread number); the rejection and its note are kept.</summary>
public sealed class RejectItem(Data.LuoshiDbContext db, ICurrentActor actor, TimeProvider clock)
{
    public sealed record Request(string? Note = null);

    public async Task<ReviewOutcome> Handle(int id, int number, Request r, CancellationToken ct)
    {
        var document = await DocumentReview.Load(db, id, ct);
        var item = DocumentReview.Item(document, number);
        actor.Require(Permission.ManagePlans);
        document.Reject(number, DocumentReview.Stamp(actor, clock, r.Note));
        return await DocumentReview.Atomically(db, () => Task.FromResult(new ReviewOutcome(DocumentJson.Item(document, item))), ct);
    }
}
