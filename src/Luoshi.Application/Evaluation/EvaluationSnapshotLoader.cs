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

        foreach (var p in await PlanItems(db, ct))
        {
            builder.AddPlanItem(p.Id, p.Code, p.Title, p.Kind, p.ParentId, p.LeadUnitId, p.DueDate, p.Completed, p.Indicators);
        }

        return (builder.Build(), units);
    }

    /// <summary>The plan items as they now stand, for a delta that replaces them (the plan tree is small: read whole).</summary>
    public static async Task ReadPlans(Data.LuoshiDbContext db, SnapshotDelta delta, CancellationToken ct)
    {
        delta.ReplacePlans();
        foreach (var p in await PlanItems(db, ct))
        {
            delta.SetPlanItem(p.Id, p.Code, p.Title, p.Kind, p.ParentId, p.LeadUnitId, p.DueDate, p.Completed, p.Indicators);
        }
    }

    private sealed record PlanRow(int Id, string Code, string Title, Domain.Plans.PlanItemKind Kind, int? ParentId, int? LeadUnitId, DateOnly? DueDate, bool Completed, int[] Indicators);

    private static async Task<List<PlanRow>> PlanItems(Data.LuoshiDbContext db, CancellationToken ct)
    {
        var plans = await db.PlanItems.AsNoTracking().Select(p => new { p.Id, p.Code, p.Title, p.Kind, p.ParentId, p.LeadUnitId, p.DueDate, p.CompletedOn }).ToListAsync(ct);
        var links = (await db.Set<Domain.Indicators.IndicatorPlanLink>().AsNoTracking().ToListAsync(ct)).ToLookup(l => l.PlanItemId, l => l.IndicatorId);
        return [.. plans.Select(p => new PlanRow(p.Id, p.Code, p.Title, p.Kind, p.ParentId, p.LeadUnitId, p.DueDate, p.CompletedOn is not null, [.. links[p.Id]]))];
    }
}
