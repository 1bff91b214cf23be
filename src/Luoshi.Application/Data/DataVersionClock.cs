using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Luoshi.Application.Data;

/// <summary>
/// This process's view of the <see cref="DataVersion"/> counters, read from the database at most once per
/// <see cref="Freshness"/> window instead of once per request. A change committed by this process makes
/// the next read go to the database at once (read-your-writes on one server); a change committed by
/// another server is seen within the window (0 reads on every call). Everything cached by version —
/// the evaluation snapshot, rendered answers, signed-in users — is therefore at most that old.
/// </summary>
public sealed class DataVersionClock(TimeSpan freshness, TimeSpan readerLag)
{
    /// <summary>The default window: well inside the second within which a write on one server must show on the others.</summary>
    public static readonly TimeSpan DefaultFreshness = TimeSpan.FromMilliseconds(250);

    // Raised by every commit of this process that changed a counter, whichever context or clock it went
    // through; a reading taken under an older generation is not reused.
    private static long s_generation;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> s_writes = new(StringComparer.Ordinal);

    private Reading? _last;

    public DataVersionClock()
        : this(DefaultFreshness)
    {
    }

    public DataVersionClock(TimeSpan freshness)
        : this(freshness, TimeSpan.Zero)
    {
    }

    public TimeSpan Freshness { get; } = freshness < TimeSpan.Zero ? TimeSpan.Zero : freshness;

    /// <summary>
    /// How long what was worked out from one data version may be shared with readers who have not written since,
    /// however many writes land meanwhile (their own writes always show at once). On a reporting day every write is a
    /// new version; without this a province-wide question read by many would be worked out afresh after every write.
    /// Zero: every reader sees every commit of this process at once.
    /// </summary>
    public TimeSpan ReaderLag { get; } = readerLag < TimeSpan.Zero ? TimeSpan.Zero : readerLag;

    /// <summary>Called after this process commits a change to a counter.</summary>
    public static void Invalidate() => Interlocked.Increment(ref s_generation);

    /// <summary>
    /// The evaluation version of the latest change each person committed through this process, so that what they
    /// read next can wait for it (read-your-writes) while others may be answered from an older snapshot for a moment.
    /// One entry per person who wrote since the process started.
    /// </summary>
    public static long LastWriteOf(string actor) => s_writes.TryGetValue(actor, out long version) ? version : 0;

    internal static void Wrote(string actor, long version) =>
        s_writes.AddOrUpdate(actor, version, (_, known) => Math.Max(known, version));

    public ValueTask<VersionStamp> Current(LuoshiDbContext db, CancellationToken ct) => Current(Common.Deferred<LuoshiDbContext>.Of(db), ct);

    /// <summary>The counters as of at most <see cref="Freshness"/> ago; the context is created only when they have to be read.</summary>
    public async ValueTask<VersionStamp> Current(Common.Deferred<LuoshiDbContext> db, CancellationToken ct)
    {
        long generation = Volatile.Read(ref s_generation);
        long now = Stopwatch.GetTimestamp();
        if (_last is { } last && last.Generation == generation && Stopwatch.GetElapsedTime(last.At, now) < Freshness)
        {
            return last.Stamp;
        }

        return await Read(db.Value, generation, now, ct);
    }

    /// <summary>Reads the counters now, whatever the window says (before rebuilding something expensive).</summary>
    public async ValueTask<VersionStamp> Fresh(LuoshiDbContext db, CancellationToken ct) =>
        await Read(db, Volatile.Read(ref s_generation), Stopwatch.GetTimestamp(), ct);

    private async Task<VersionStamp> Read(LuoshiDbContext db, long generation, long startedAt, CancellationToken ct)
    {
        var stamp = await DataVersion.Read(db, ct);

        // Timed from before the query, so the window never stretches past what was true when it was asked.
        _last = new Reading(generation, startedAt, stamp);
        return stamp;
    }

    private sealed record Reading(long Generation, long At, VersionStamp Stamp);
}

/// <summary>Tells <see cref="DataVersionClock"/> when a transaction that raised a counter commits.</summary>
internal sealed class VersionCommitInterceptor : DbTransactionInterceptor
{
    public static readonly VersionCommitInterceptor Instance = new();

    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData)
    {
        Committed(eventData);
        base.TransactionCommitted(transaction, eventData);
    }

    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData);
        return base.TransactionCommittedAsync(transaction, eventData, cancellationToken);
    }

    public override void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData)
    {
        Forget(eventData);
        base.TransactionRolledBack(transaction, eventData);
    }

    public override Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return base.TransactionRolledBackAsync(transaction, eventData, cancellationToken);
    }

    private static void Committed(TransactionEndEventData e)
    {
        if (e.Context is LuoshiDbContext { VersionsChanged: true } db)
        {
            db.VersionsChanged = false;
            if (db.TakeClaim() is { } version)
            {
                DataVersionClock.Wrote(db.ActorName, version);
            }

            DataVersionClock.Invalidate();
        }
    }

    private static void Forget(TransactionEndEventData e)
    {
        if (e.Context is LuoshiDbContext db)
        {
            db.VersionsChanged = false;
            db.TakeClaim();
        }
    }
}
