using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Data;

/// <summary>
/// A row per scheduled job that several servers share (docs/adr/0009): the day it last completed, and who
/// holds it while it runs. Claiming is one conditional UPDATE, which both databases make atomic — the
/// first server to claim a day's run wins, the others see zero rows changed. A holder that dies lets its
/// lease lapse and another server runs the (idempotent) job again.
/// </summary>
public sealed class JobLease
{
    public const string SupervisionDaily = "supervision-daily";
    public const string RemindersDaily = "reminders-daily";

    public required string Name { get; init; }
    public DateOnly? LastRunOn { get; private set; }
    public DateTimeOffset? LastRunAt { get; private set; }
    public string? LastResult { get; private set; }
    public string? Holder { get; private set; }

    // UTC DateTime rather than DateTimeOffset: SQLite compares it as ISO text in the claim's WHERE clause,
    // which it cannot do for DateTimeOffset values.
    public DateTime? LeasedUntil { get; private set; }

    /// <summary>Takes the day's run of a job if it has not completed for <paramref name="day"/> and nobody holds a live lease.</summary>
    public static async Task<bool> TryClaim(LuoshiDbContext db, string name, DateOnly day, string holder, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        var utcNow = now.UtcDateTime;
        var until = utcNow + lease;
        int claimed = await db.JobLeases
            .Where(j => j.Name == name && (j.LastRunOn == null || j.LastRunOn < day) && (j.LeasedUntil == null || j.LeasedUntil < utcNow))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Holder, holder).SetProperty(j => j.LeasedUntil, until), ct);
        return claimed == 1;
    }

    /// <summary>Records the day's run as done and releases the lease (only the holder can).</summary>
    public static async Task Complete(LuoshiDbContext db, string name, DateOnly day, string holder, DateTimeOffset now, string result, CancellationToken ct)
    {
        var clipped = result.Length > 1000 ? result[..1000] : result;
        await db.JobLeases
            .Where(j => j.Name == name && j.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LastRunOn, day).SetProperty(j => j.LastRunAt, now).SetProperty(j => j.LastResult, clipped)
                .SetProperty(j => j.Holder, (string?)null).SetProperty(j => j.LeasedUntil, (DateTime?)null), ct);
    }

    /// <summary>Extends a lease its holder still holds; false when it lapsed and someone else took the job.</summary>
    public static async Task<bool> Renew(LuoshiDbContext db, string name, string holder, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        var until = now.UtcDateTime + lease;
        return await db.JobLeases
            .Where(j => j.Name == name && j.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeasedUntil, until), ct) == 1;
    }

    /// <summary>Gives the lease back after a failed run, so that the next tick (here or elsewhere) tries again.</summary>
    public static async Task Release(LuoshiDbContext db, string name, string holder, CancellationToken ct) =>
        await db.JobLeases
            .Where(j => j.Name == name && j.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Holder, (string?)null).SetProperty(j => j.LeasedUntil, (DateTime?)null), ct);
}
