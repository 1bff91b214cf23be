using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Evaluation;

/// <summary>Reads everything an evaluation needs from the database into the engine's in-memory snapshot.</summary>
public static class EvaluationSnapshotLoader
{
    public static async Task<EvaluationSnapshot> Load(Data.LuoshiDbContext db, CancellationToken ct) =>
        (await LoadWithUnits(db, ct)).Snapshot;

    /// <summary>The snapshot and the org units it was built from, read once for both.</summary>
    public static async Task<(EvaluationSnapshot Snapshot, IReadOnlyList<Domain.Organization.OrgUnit> Units)> LoadWithUnits(Data.LuoshiDbContext db, CancellationToken ct)
    {
        var builder = new EvaluationSnapshotBuilder();
        var units = await db.OrgUnits.AsNoTracking().ToListAsync(ct);
        foreach (var u in units)
        {
            builder.AddUnit(u.Id, u.Code, u.Name, u.Kind, u.ParentId);
        }

        foreach (var i in await db.Indicators.AsNoTracking().ToListAsync(ct))
        {
            builder.AddIndicator(i.Id, i.Code, i.Name, i.Unit, i.Direction, i.Frequency, i.ValueKind, i.Aggregation, i.FormulaText, i.Tolerance, i.Profile, i.Decimals, i.DueDay);
        }

        foreach (var t in await db.Targets.AsNoTracking().Where(t => !t.IsDeleted && t.Value != null)
                     .Select(t => new { t.IndicatorId, t.OrgUnitId, t.PeriodCode, t.Value, t.Qualifier, t.UpperValue, t.Stretch }).ToListAsync(ct))
        {
            builder.AddTarget(t.IndicatorId, t.OrgUnitId, Period.Parse(t.PeriodCode), t.Value!.Value, t.Qualifier, t.UpperValue, t.Stretch);
        }

        // A few hundred distinct period codes stand behind millions of readings: parse each once.
        var periods = new Dictionary<string, Period>(StringComparer.Ordinal);
        await foreach (var r in db.Readings.AsNoTracking().Where(r => r.Value != null)
                           .Select(r => new { r.IndicatorId, r.OrgUnitId, r.PeriodCode, r.Value }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!periods.TryGetValue(r.PeriodCode, out var period))
            {
                period = Period.Parse(r.PeriodCode);
                periods[r.PeriodCode] = period;
            }

            builder.AddReading(r.IndicatorId, r.OrgUnitId, period, (double)r.Value!.Value);
        }

        var plans = await db.PlanItems.AsNoTracking().Select(p => new { p.Id, p.Code, p.Title, p.Kind, p.ParentId, p.LeadUnitId, p.DueDate, p.CompletedOn }).ToListAsync(ct);
        var links = (await db.Set<Domain.Indicators.IndicatorPlanLink>().AsNoTracking().ToListAsync(ct)).ToLookup(l => l.PlanItemId, l => l.IndicatorId);
        foreach (var p in plans)
        {
            builder.AddPlanItem(p.Id, p.Code, p.Title, p.Kind, p.ParentId, p.LeadUnitId, p.DueDate, p.CompletedOn is not null, [.. links[p.Id]]);
        }

        return (builder.Build(), units);
    }
}

/// <summary>
/// The snapshot shared by all requests of one server, rebuilt when the database's evaluation data version
/// moves (read through <see cref="Data.DataVersionClock"/>: a write through this server shows in its next
/// evaluation, a write through another within the clock's window). The org units come with it, so that
/// resolving a unit code and checking a grant against its path needs no query.
/// </summary>
public sealed class EvaluationCache(Common.LuoshiMetrics metrics, Data.DataVersionClock versions)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Entry? _current;

    /// <param name="Version">The evaluation data version the snapshot was built at (or after).</param>
    /// <param name="Units">Every org unit by code, as read with the snapshot; shared by all requests, never to be modified.</param>
    public sealed record Entry(long Version, EvaluationSnapshot Snapshot, IReadOnlyDictionary<string, Domain.Organization.OrgUnit> Units);

    public async Task<EvaluationSnapshot> Get(Data.LuoshiDbContext db, CancellationToken ct) => (await Current(db, ct)).Snapshot;

    public Task<Entry> Current(Data.LuoshiDbContext db, CancellationToken ct) => Current(Common.Deferred<Data.LuoshiDbContext>.Of(db), ct);

    /// <summary>The snapshot of the current data version; the context is created only to read the version or rebuild.</summary>
    public async Task<Entry> Current(Common.Deferred<Data.LuoshiDbContext> db, CancellationToken ct)
    {
        long version = (await versions.Current(db, ct)).Evaluation;
        if (_current is { } c && c.Version == version)
        {
            return c;
        }

        await _gate.WaitAsync(ct);
        try
        {
            // Whoever held the gate may have built it meanwhile; the version is read afresh before a rebuild,
            // and read before the data, so a snapshot is never labelled newer than it is.
            version = (await versions.Fresh(db.Value, ct)).Evaluation;
            if (_current is { } again && again.Version == version)
            {
                return again;
            }

            long started = Common.LuoshiMetrics.Start();
            var (snapshot, units) = await EvaluationSnapshotLoader.LoadWithUnits(db.Value, ct);
            metrics.SnapshotLoaded(System.Diagnostics.Stopwatch.GetElapsedTime(started), snapshot.ReadingCount);
            var entry = new Entry(version, snapshot, units.ToDictionary(u => u.Code, StringComparer.Ordinal));
            _current = entry;
            return entry;
        }
        finally
        {
            _gate.Release();
        }
    }
}
