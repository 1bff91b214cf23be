using Luoshi.Application.Common;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Indicators;

/// <summary><c>indicator,org,year,value,qualifier</c>; year may also be a quarter (2026Q1); qualifier atLeast|around|atMost.</summary>
public sealed record TargetRow(string Indicator, string Org, string Year, string Value, string Qualifier);

/// <summary>
/// Imports annual targets, all or nothing (<see cref="ImportData"/> tells how every import checks and writes); a
/// changed target appends a version.
/// </summary>
public sealed class ImportTargets(Data.LuoshiDbContext db, ICurrentActor actor, TimeProvider clock)
{
    public static readonly string[] Required = ["indicator", "org", "year", "value", "qualifier"];

    public async Task<ImportSummary> FromCsv(Stream stream, CancellationToken ct)
    {
        actor.RequireSignedIn();
        var t = CsvTable.Read(stream, Required, []);
        return await Handle([.. t.Rows.Select(r => (r.Line, new TargetRow(t.Text(r.Fields, "indicator"), t.Text(r.Fields, "org"), t.Text(r.Fields, "year"), t.Text(r.Fields, "value"), t.Text(r.Fields, "qualifier"))))], ct);
    }

    public async Task<ImportSummary> Handle(IReadOnlyList<(int Line, TargetRow Row)> rows, CancellationToken ct)
    {
        var errors = new RowErrors();
        var indicators = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code, i => i.Id, StringComparer.Ordinal, ct);
        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, ct);
        var orgs = units.ToDictionary(u => u.Key, u => u.Value.Id, StringComparer.Ordinal);
        var forbidden = new OutOfScope();
        var targets = await db.Targets.ToDictionaryAsync(t => (t.IndicatorId, t.OrgUnitId, t.PeriodCode), ct);
        db.AuditNames.Know(indicators, orgs);
        var seen = new HashSet<(int, int, string)>();
        var stamp = Stamp.Of(actor.Name, clock.GetUtcNow(), new Text("导入", "import").Bilingual);
        int created = 0, updated = 0;
        foreach (var (line, row) in rows)
        {
            bool known = errors.Known(line, "indicator", indicators, row.Indicator, out int indicatorId, new Text("指标", "indicator"))
                & errors.Known(line, "org", orgs, row.Org, out int orgId, new Text("单位", "org unit"));
            var period = errors.Try(line, "year", () => (Period?)Period.Parse(row.Year));
            var value = errors.Try(line, "value", () => (decimal?)Parsing.Decimal(row.Value, "value"));
            var qualifier = errors.Try(line, "qualifier", () => (TargetQualifier?)Parsing.Enum<TargetQualifier>(row.Qualifier, "qualifier"));
            if (!known || period is null || value is null || qualifier is null)
            {
                continue;
            }

            if (!actor.Can(Permission.ManageTargets, units[row.Org]))
            {
                forbidden.Add(line, row.Org);
                continue;
            }

            var key = (indicatorId, orgId, period.Value.ToString());
            if (!seen.Add(key))
            {
                errors.Add(line, "year", new Text("同一指标、单位、年份的目标在文件中重复", "the same indicator, unit and year appear twice in the file"));
                continue;
            }

            if (!targets.TryGetValue(key, out var target))
            {
                target = errors.Try(line, "year", () => Target.Create(indicatorId, orgId, period.Value, Horizon.Annual));
                if (target is null)
                {
                    continue;
                }

                db.Targets.Add(target);
                created++;
            }

            int version = target.Version;
            if (errors.Try(line, "qualifier", () => target.Set(value.Value, qualifier.Value, null, null, stamp)) && version != 0 && target.Version != version)
            {
                updated++;
            }
        }

        forbidden.ThrowIfAny();
        errors.ThrowIfAny();
        await db.SaveChangesAsync(ct);
        return new ImportSummary("targets", rows.Count, created, updated, rows.Count - created - updated);
    }
}
