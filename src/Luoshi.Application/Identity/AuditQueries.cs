using Luoshi.Application.Common;
using Luoshi.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Identity;

public sealed record AuditView(long Id, DateTimeOffset At, string Actor, string Action, string Entity, string Key, string? Before, string? After, string? RequestId, string? Client, string Hash);

public sealed record AuditVerification(long Entries, long? BrokenAt, bool Intact);

/// <summary>Reads the audit log (newest first) and verifies its hash chain.</summary>
public sealed class ReadAudit(Data.LuoshiDbContext db, ICurrentActor actor)
{
    public const int MaxRows = 5000;

    public async Task<IReadOnlyList<AuditView>> List(string? user, string? entity, string? key, int limit, CancellationToken ct)
    {
        actor.Require(Permission.ReadAudit);
        if (limit is < 1 or > MaxRows)
        {
            throw InputRefusedException.Single("limit", $"limit 须在1–{MaxRows}之间 / limit must be 1–{MaxRows}");
        }

        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(user))
        {
            q = q.Where(a => a.Actor == user.Trim().ToLowerInvariant());
        }

        if (!string.IsNullOrWhiteSpace(entity))
        {
            q = q.Where(a => a.Entity == entity.Trim());
        }

        if (!string.IsNullOrWhiteSpace(key))
        {
            q = q.Where(a => a.Key == key.Trim());
        }

        var rows = await q.OrderByDescending(a => a.Id).Take(limit).ToListAsync(ct);
        return [.. rows.Select(a => new AuditView(a.Id, a.At, a.Actor, a.Action, a.Entity, a.Key, a.Before, a.After, a.RequestId, a.Client, a.Hash))];
    }

    public async Task<AuditVerification> Verify(CancellationToken ct)
    {
        actor.Require(Permission.ReadAudit);
        long count = 0;
        var previous = AuditChain.Genesis;
        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (AuditChain.Verify(e, previous) is false)
            {
                return new AuditVerification(count, e.Id, false);
            }

            previous = e.Hash;
        }

        return new AuditVerification(count, null, true);
    }
}
