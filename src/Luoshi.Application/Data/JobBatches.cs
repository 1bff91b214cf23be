using System.Diagnostics;

namespace Luoshi.Application.Data;

/// <summary>
/// Writes a background job's changes in short transactions, so that people's writes never wait long behind a
/// job (docs/adr/0017). SQLite has one writer at a time and Microsoft.Data.Sqlite takes the write lock as soon as a
/// transaction begins: a job that held it for minutes answered requests with 503, and its own lease renewal failed.
/// So a job works out what to write first, outside any transaction, and adds it to the context; each batch then
/// begins, saves and commits, holding about sixty rows; after each the job forgets what it tracked (so each
/// save looks at its own batch, not at everything saved before it) and pauses several times as long as the batch
/// took, so that the lock is free far more often than taken, on a busy machine as on an idle one. On PostgreSQL the
/// same keeps the audit chain's lock, which every audited write takes, free for others.
/// </summary>
public sealed class JobBatches(LuoshiDbContext db)
{
    /// <summary>Rows (inserted or updated) a batch aims at: a few milliseconds of work, tens on a machine short of CPU.</summary>
    public const int RowBudget = 60;

    /// <summary>The least pause between batches. Wall-clock time on purpose, whatever clock the job judges dates by.</summary>
    public static readonly TimeSpan MinPause = TimeSpan.FromMilliseconds(50);

    /// <summary>How many times the last batch's length the job waits before the next: the lock is then free four fifths of the time.</summary>
    public const int PauseFactor = 4;

    private TimeSpan _last;

    /// <summary>Transactions committed or rolled back so far.</summary>
    public int Count { get; private set; }

    /// <summary>How long the first transaction stayed open: in a fresh process it also compiles the save path.</summary>
    public TimeSpan First { get; private set; }

    /// <summary>The longest any later transaction stayed open, from its start to its commit (or roll-back).</summary>
    public TimeSpan LongestLater { get; private set; }

    public WriteStats Stats => new(Count, Ms(First > LongestLater ? First : LongestLater), Ms(First), Ms(LongestLater));

    /// <summary>Splits work into batches of about <see cref="RowBudget"/> rows (at least one piece of work each), keeping its order.</summary>
    public static IEnumerable<List<T>> Split<T>(IEnumerable<T> work, Func<T, int> rows)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(rows);
        var batch = new List<T>();
        int size = 0;
        foreach (var piece in work)
        {
            int cost = Math.Max(1, rows(piece));
            if (batch.Count > 0 && size + cost > RowBudget)
            {
                yield return batch;
                batch = [];
                size = 0;
            }

            batch.Add(piece);
            size += cost;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>
    /// Pauses after the previous batch, then saves what the context holds in a transaction of its own (what
    /// <paramref name="write"/> does) and commits it; whatever happens, the batch's entities are forgotten.
    /// </summary>
    public async Task Write(Func<CancellationToken, Task> write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (Count > 0)
        {
            var pause = _last * PauseFactor;
            await Task.Delay(pause > MinPause ? pause : MinPause, ct);
        }

        if (Count == 0)
        {
            await Rehearse(ct);
        }

        long start = Stopwatch.GetTimestamp();
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await write(ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            _last = Stopwatch.GetElapsedTime(start);
            if (Count == 0)
            {
                First = _last;
            }
            else if (_last > LongestLater)
            {
                LongestLater = _last;
            }

            Count++;
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// The first save of a process compiles its way through change detection, the audit entries' serialisation and
    /// the audit chain's head query — about half of what the first batch took on the bench. Going through those once
    /// here, before the transaction begins, keeps that compiling outside the write lock; what it works out is thrown
    /// away, and the save works it out again.
    /// </summary>
    private async Task Rehearse(CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        await db.AuditNames.Complete(db, db.ChangeTracker, ct);
        _ = AuditTrail.Collect(db.ChangeTracker, db.AuditNames, null, DateTimeOffset.UnixEpoch);
        _ = await AuditTrail.Head(db, ct);
    }

    /// <summary>Forgets what a batch that turned out to have nothing to write had loaded.</summary>
    public void Skip() => db.ChangeTracker.Clear();

    private static long Ms(TimeSpan t) => (long)Math.Ceiling(t.TotalMilliseconds);
}

/// <summary>How a job wrote: in how many transactions, the longest of them, the first, and the longest after the first, in milliseconds.</summary>
public sealed record WriteStats(int Batches, long LongestMilliseconds, long FirstMilliseconds, long LongestLaterMilliseconds);
