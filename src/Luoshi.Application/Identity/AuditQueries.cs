using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Identity;

public sealed record AuditView(long Id, DateTimeOffset At, string Actor, string Action, string Entity, string Key, string? Before, string? After, string? RequestId, string? Client, string Hash);

public sealed record AuditVerification(long Entries, long? BrokenAt, bool Intact);

/// <summary>
/// What to look for in the log. <see cref="From"/> and <see cref="To"/> are calendar days in the server's time zone,
/// both included; <see cref="Before"/> is the keyset cursor: only entries older than that id.
/// </summary>
public sealed record AuditFilter(string? User = null, string? Entity = null, string? Key = null, DateOnly? From = null, DateOnly? To = null, long? Before = null);

/// <summary>One page of the log, newest first; <see cref="Next"/> is the cursor of the following page, null on the last.</summary>
public sealed record AuditPage(IReadOnlyList<AuditView> Entries, long? Next);

/// <summary>Reads the audit log (newest first) and verifies its hash chain.</summary>
public sealed class ReadAudit(Data.LuoshiDbContext db, ICurrentActor actor, LocalCalendar calendar)
{
    public const int MaxRows = 5000;

    public Task<IReadOnlyList<AuditView>> List(string? user, string? entity, string? key, int limit, CancellationToken ct) =>
        List(new AuditFilter(user, entity, key), limit, ct);

    public async Task<IReadOnlyList<AuditView>> List(AuditFilter filter, int limit, CancellationToken ct) =>
        (await Page(filter, limit, ct)).Entries;

    /// <summary>
    /// A page of entries, newest first. Paging is by keyset (id below the cursor), never by offset, so the
    /// thousandth page costs what the first does; the indexes on (actor, id), (entity, key, id), (entity, id)
    /// and (at) serve each filter.
    /// </summary>
    public async Task<AuditPage> Page(AuditFilter filter, int limit, CancellationToken ct)
    {
        actor.Require(Permission.ReadAudit);
        if (limit is < 1 or > MaxRows)
        {
            throw InputRefusedException.Single("limit", new Text($"limit 须在1–{MaxRows}之间", $"limit must be 1–{MaxRows}"));
        }

        if (filter.From is { } f && filter.To is { } t && f > t)
        {
            throw InputRefusedException.Single("to", new Text("截止日期早于起始日期", $"the end date {t:yyyy-MM-dd} is before the start date {f:yyyy-MM-dd}"));
        }

        if (filter.Before is < 1)
        {
            throw InputRefusedException.Single("before", new Text("before 须为正整数", "before must be a positive entry id"));
        }

        var q = Between(filter.From is { } from ? StartOf(from) : null, filter.To is { } to ? StartOf(to.AddDays(1)) : null);
        if (!string.IsNullOrWhiteSpace(filter.User))
        {
            var user = filter.User.Trim().ToLowerInvariant();
            q = q.Where(a => a.Actor == user);
        }

        if (!string.IsNullOrWhiteSpace(filter.Entity))
        {
            var entity = filter.Entity.Trim();
            q = q.Where(a => a.Entity == entity);
        }

        if (!string.IsNullOrWhiteSpace(filter.Key))
        {
            var key = filter.Key.Trim();
            q = q.Where(a => a.Key == key);
        }

        if (filter.Before is { } before)
        {
            q = q.Where(a => a.Id < before);
        }

        // One more than asked for tells whether another page follows without counting the table.
        var rows = await q.OrderByDescending(a => a.Id).Take(limit + 1).ToListAsync(ct);
        var more = rows.Count > limit;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return new AuditPage([.. rows.Select(a => new AuditView(a.Id, a.At, a.Actor, a.Action, a.Entity, a.Key, a.Before, a.After, a.RequestId, a.Client, a.Hash))], more ? rows[^1].Id : null);
    }

    /// <summary>The kinds of entity that are audited, for choosing one; read from the model, not by scanning the log.</summary>
    public IReadOnlyList<string> Entities()
    {
        actor.Require(Permission.ReadAudit);
        return [.. db.Model.GetEntityTypes().Select(t => t.ClrType).Where(Data.AuditTrail.IsAudited).Select(t => t.Name).Distinct().Order(StringComparer.Ordinal)];
    }

    private IQueryable<AuditEntry> Between(DateTimeOffset? start, DateTimeOffset? end)
    {
        if (start is null && end is null)
        {
            return db.AuditEntries.AsNoTracking();
        }

        if (db.Provider == Data.DatabaseProvider.Sqlite)
        {
            // SQLite keeps a DateTimeOffset as text, which EF does not compare. Every stored time is UTC (+00:00),
            // so the text sorts as the time does, and the bounds are written the same way.
            static string Text(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + "+00:00";
            var lo = start is { } s ? Text(s) : "0000";
            var hi = end is { } e ? Text(e) : "9999";
            return db.AuditEntries.FromSqlInterpolated($"SELECT * FROM audit_log WHERE \"At\" >= {lo} AND \"At\" < {hi}").AsNoTracking();
        }

        var q = db.AuditEntries.AsNoTracking();
        if (start is { } from)
        {
            q = q.Where(a => a.At >= from);
        }

        if (end is { } to)
        {
            q = q.Where(a => a.At < to);
        }

        return q;
    }

    // Stored times are UTC; a day is a day on the one calendar (China's), whatever zone the server runs in.
    private DateTimeOffset StartOf(DateOnly day) => calendar.StartOf(day);

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
