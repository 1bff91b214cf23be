using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Reporting;

/// <summary>One line of a report: an indicator the unit reports for the period, its value and its context.</summary>
public sealed record ReportLine(
    string Indicator,
    string Name,
    string Unit,
    bool Compulsory,
    decimal? Value,
    ReadingState? ReadingState,
    string? Comment,
    int ReadingVersion,
    decimal? Previous,
    string PreviousPeriod,
    decimal? Target);

/// <summary>What a unit reports for a period: the report (if opened yet) and its lines.</summary>
internal sealed record ReportContent(OrgUnit Unit, Period Period, Report? Report, DateOnly DueDate, IReadOnlyList<(Indicator Indicator, bool Compulsory)> Indicators, IReadOnlyList<ReportLine> Lines);

internal static class ReportContents
{
    public static async Task<OrgUnit> Unit(Data.LuoshiDbContext db, string? org, CancellationToken ct) =>
        await db.OrgUnits.AsNoTracking().UnitByCodeAsync(org, ct);

    public static Period ParsePeriod(string? period) =>
        Period.TryParse(period, out var p, out var error) ? p : throw new DomainException("period", error);

    /// <summary>
    /// The indicators a unit reports at the period's frequency: its reporting assignments, or — for a unit
    /// without any — the plain indicators it already has targets or values for.
    /// </summary>
    public static async Task<IReadOnlyList<(Indicator Indicator, bool Compulsory)>> Assigned(Data.LuoshiDbContext db, OrgUnit unit, Frequency frequency, CancellationToken ct)
    {
        var assigned = await (from a in db.ReportingAssignments.AsNoTracking()
                              join i in db.Indicators.AsNoTracking() on a.IndicatorId equals i.Id
                              where a.OrgUnitId == unit.Id
                              select new { i, a.Compulsory }).ToListAsync(ct);
        if (assigned.Count > 0)
        {
            return [.. assigned.Where(x => x.i.Frequency == frequency && !x.i.IsDerived).OrderBy(x => x.i.Code, StringComparer.Ordinal).Select(x => (x.i, x.Compulsory))];
        }

        var used = await db.Targets.AsNoTracking().Where(t => t.OrgUnitId == unit.Id).Select(t => t.IndicatorId)
            .Union(db.Readings.AsNoTracking().Where(r => r.OrgUnitId == unit.Id).Select(r => r.IndicatorId)).ToListAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().Where(i => used.Contains(i.Id) && i.Frequency == frequency && i.FormulaText == null).ToListAsync(ct);
        return [.. indicators.OrderBy(i => i.Code, StringComparer.Ordinal).Select(i => (i, false))];
    }

    public static async Task<ReportContent> Load(Data.LuoshiDbContext db, string? org, string? period, bool track, CancellationToken ct)
    {
        var unit = await Unit(db, org, ct);
        var p = ParsePeriod(period);
        var indicators = await Assigned(db, unit, p.Kind, ct);
        var reports = track ? db.Reports.Include(r => r.Transitions) : db.Reports.AsNoTracking().Include(r => r.Transitions);
        var code = p.ToString();
        var report = await reports.SingleOrDefaultAsync(r => r.OrgUnitId == unit.Id && r.PeriodCode == code, ct);
        var ids = indicators.Select(i => i.Indicator.Id).ToList();
        var previousCode = p.Previous.ToString();
        var yearCode = p.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var readings = await db.Readings.AsNoTracking().Where(r => r.OrgUnitId == unit.Id && ids.Contains(r.IndicatorId) && (r.PeriodCode == code || r.PeriodCode == previousCode)).ToListAsync(ct);
        var targets = await db.Targets.AsNoTracking().Where(t => t.OrgUnitId == unit.Id && ids.Contains(t.IndicatorId) && t.PeriodCode == yearCode && !t.IsDeleted).ToListAsync(ct);
        var lines = indicators.Select(x =>
        {
            var now = readings.FirstOrDefault(r => r.IndicatorId == x.Indicator.Id && r.PeriodCode == code);
            var before = readings.FirstOrDefault(r => r.IndicatorId == x.Indicator.Id && r.PeriodCode == previousCode);
            var target = targets.FirstOrDefault(t => t.IndicatorId == x.Indicator.Id);
            return new ReportLine(x.Indicator.Code, x.Indicator.Name, x.Indicator.Unit, x.Compulsory, Norm(now?.Value), now?.State, now?.Comment, now?.Version ?? 0, Norm(before?.Value), previousCode, Norm(target?.Value));
        }).ToList();
        var due = indicators.Count > 0 ? p.DueDate(indicators.Min(i => i.Indicator.DueDay)) : p.DueDate();
        return new ReportContent(unit, p, report, report?.DueDate ?? due, indicators, lines);
    }

    private static decimal? Norm(decimal? v) => v is { } x ? Numbers.Normalize(x) : null;
}
