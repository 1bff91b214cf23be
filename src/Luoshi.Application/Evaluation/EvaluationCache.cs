using Luoshi.Domain.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Luoshi.Application.Evaluation;

/// <summary>
/// The snapshot shared by all requests of one server, kept at the database's evaluation data version (read through
/// <see cref="Data.DataVersionClock"/>: a write through this server shows in its next evaluation, a write through
/// another within the clock's window). A change of readings, targets or plan items is applied as a delta — only the
/// rows stamped since the snapshot's version are read (<see cref="Data.EvaluationChanges"/>) — at a cost that
/// follows the change, not the province. What a delta cannot express (org units, indicator definitions, a new year,
/// very many rows at once) is rebuilt in full in the background while the previous snapshot keeps answering;
/// only a reader whose own write is newer than that snapshot waits for it (read-your-writes). Readers who wrote
/// nothing share one version for <see cref="Data.DataVersionClock.ReaderLag"/> (docs/adr/0016). The org units come
/// with the snapshot, so that resolving a unit code and checking a grant against its path needs no query.
/// </summary>
public sealed partial class EvaluationCache(Common.LuoshiMetrics metrics, Data.DataVersionClock versions, IServiceScopeFactory scopes, ILogger<EvaluationCache> log)
{
    /// <summary>More changed rows than this since a snapshot's version are read faster as a whole new snapshot.</summary>
    public const int DeltaLimit = 50_000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Entry? _current;
    private Task<Entry>? _rebuild;

    // The entry shared with readers who have not written since it, and when it was first shared (DataVersionClock.ReaderLag).
    private Shared? _shared;

    /// <param name="Version">The evaluation data version the snapshot was built at (or after).</param>
    /// <param name="Stamp">Every counter as read with it: the narrower ones tell what kind of change a newer version is.</param>
    /// <param name="Units">Every org unit by code, as read with the snapshot; shared by all requests, never to be modified.</param>
    public sealed record Entry(long Version, Data.VersionStamp Stamp, EvaluationSnapshot Snapshot, IReadOnlyDictionary<string, Domain.Organization.OrgUnit> Units);

    /// <summary>The snapshot of the database's current data, for work the system does for itself (the rules, a warm-up): see <see cref="Latest"/>.</summary>
    public async Task<EvaluationSnapshot> Get(Data.LuoshiDbContext db, CancellationToken ct) => (await Latest(Common.Deferred<Data.LuoshiDbContext>.Of(db), ct)).Snapshot;

    /// <summary>
    /// The snapshot <paramref name="reader"/> is to be answered from: the one shared with readers who wrote nothing
    /// while it is younger than the reader lag, else that of the current data version — or, while a full rebuild is
    /// under way, the previous one, unless the reader committed something newer through this server (they wait for
    /// it). The context is created only to read the version or the changes.
    /// </summary>
    public async Task<Entry> Current(Common.Deferred<Data.LuoshiDbContext> db, string? reader, CancellationToken ct)
    {
        long ownWrite = reader is null ? 0 : Data.DataVersionClock.LastWriteOf(reader);
        long now = System.Diagnostics.Stopwatch.GetTimestamp();
        if (_shared is { } shared && ownWrite <= shared.Entry.Version && System.Diagnostics.Stopwatch.GetElapsedTime(shared.At, now) < versions.ReaderLag)
        {
            return shared.Entry;
        }

        var entry = await AtLeast(db, ownWrite, ct);
        if (ownWrite <= (_shared?.Entry.Version ?? 0))
        {
            // A reader with nothing of their own to see moves what is shared on; a writer reading their own write does not.
            _shared = new Shared(entry, now);
        }

        return entry;
    }

    /// <summary>
    /// The snapshot of the database's current version, waiting for a rebuild under way: for a question the previous
    /// snapshot cannot answer at all (a unit or indicator it does not know yet), or work that must see everything.
    /// </summary>
    public Task<Entry> Latest(Common.Deferred<Data.LuoshiDbContext> db, CancellationToken ct) => AtLeast(db, long.MaxValue, ct);

    /// <param name="ownWrite">The version the caller must see (its own latest write); anything older may be answered from the previous snapshot while a rebuild runs.</param>
    private async Task<Entry> AtLeast(Common.Deferred<Data.LuoshiDbContext> db, long ownWrite, CancellationToken ct)
    {
        // What the caller must see: the version as this server last read it, and their own latest write.
        long need = Math.Max((await versions.Current(db, ct)).Evaluation, ownWrite);
        var current = _current;
        if (current is not null && current.Version >= need)
        {
            return current;
        }

        if (current is not null && _rebuild is { IsCompleted: false } && ownWrite <= current.Version)
        {
            return current;
        }

        Task<Entry> rebuild;
        await _gate.WaitAsync(ct);
        try
        {
            // Whoever held the gate may have caught up meanwhile, past this caller's need (on a reporting day the writers
            // queued here are mostly served by the first one's catching up); if not, the versions are read afresh, and
            // before the data, so a snapshot is never labelled newer than it is.
            current = _current;
            if (current is not null && current.Version >= need)
            {
                return current;
            }

            var stamp = await versions.Fresh(db.Value, ct);
            if (current is not null && current.Version >= stamp.Evaluation)
            {
                return current;
            }

            if (current is null)
            {
                return _current = await Load(db.Value, stamp, ct);
            }

            if (_rebuild is null && current.Stamp.Structure == stamp.Structure && await Delta(db.Value, current, stamp, ct) is { } next)
            {
                return _current = next;
            }

            rebuild = _rebuild ??= Rebuild();
        }
        finally
        {
            _gate.Release();
        }

        if (ownWrite <= current.Version)
        {
            return current;
        }

        await rebuild.WaitAsync(ct);
        return await AtLeast(db, ownWrite, ct);
    }

    private sealed record Shared(Entry Entry, long At);

    private async Task<Entry> Load(Data.LuoshiDbContext db, Data.VersionStamp stamp, CancellationToken ct)
    {
        long started = Common.LuoshiMetrics.Start();
        var (snapshot, units) = await EvaluationSnapshotLoader.LoadWithUnits(db, ct);
        metrics.SnapshotLoaded(System.Diagnostics.Stopwatch.GetElapsedTime(started), snapshot.ReadingCount);
        return new Entry(stamp.Evaluation, stamp, snapshot, units.ToDictionary(u => u.Code, StringComparer.Ordinal));
    }

    /// <summary>The current entry moved on by the rows changed since its version; null when a full rebuild is needed.</summary>
    private async Task<Entry?> Delta(Data.LuoshiDbContext db, Entry current, Data.VersionStamp stamp, CancellationToken ct)
    {
        long started = Common.LuoshiMetrics.Start();
        var changes = await Data.EvaluationChanges.After(db, current.Version, DeltaLimit, ct);
        if (changes is null)
        {
            DeltaRefused(log, current.Version, stamp.Evaluation, $"more than {DeltaLimit} rows changed");
            return null;
        }

        bool plans = current.Stamp.Plans != stamp.Plans;
        if (changes.Readings.Count + changes.Targets.Count == 0 && !plans)
        {
            return current with { Version = stamp.Evaluation, Stamp = stamp };
        }

        var delta = new SnapshotDelta(current.Snapshot);
        Data.EvaluationChanges.AddTo(delta, changes);
        if (plans)
        {
            await EvaluationSnapshotLoader.ReadPlans(db, delta, ct);
        }

        if (delta.TryApply(out string? reason) is not { } snapshot)
        {
            DeltaRefused(log, current.Version, stamp.Evaluation, reason);
            return null;
        }

        metrics.SnapshotUpdated(System.Diagnostics.Stopwatch.GetElapsedTime(started), delta.Count);
        return new Entry(stamp.Evaluation, stamp, snapshot, current.Units);
    }

    /// <summary>A full build on a context of its own, in the background; it replaces the current entry when done.</summary>
    private Task<Entry> Rebuild() => Task.Run(async () =>
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Data.LuoshiDbContext>();
            var entry = await Load(db, await versions.Fresh(db, CancellationToken.None), CancellationToken.None);
            await _gate.WaitAsync();
            try
            {
                if (_current is null || entry.Version >= _current.Version)
                {
                    _current = entry;
                }

                _rebuild = null;
            }
            finally
            {
                _gate.Release();
            }

            return entry;
        }
        catch (Exception e)
        {
            RebuildFailed(log, e);
            await _gate.WaitAsync();
            _rebuild = null;
            _gate.Release();
            throw;
        }
    });

    [LoggerMessage(Level = LogLevel.Information, Message = "Evaluation snapshot at version {From} rebuilt for {To} rather than changed: {Reason}")]
    private static partial void DeltaRefused(ILogger logger, long from, long to, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evaluation snapshot rebuild failed; the previous snapshot keeps answering")]
    private static partial void RebuildFailed(ILogger logger, Exception e);
}
