using Luoshi.Application.Common;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Indicators;

/// <summary><c>code,name,unit,direction,frequency,valueKind,aggregation,formula,tolerance,profile</c>.</summary>
public sealed record IndicatorRow(
    string Code,
    string Name,
    string Unit,
    string Direction,
    string Frequency,
    string ValueKind,
    string Aggregation,
    string? Formula,
    string? Tolerance,
    string? Profile);

/// <summary>
/// Imports indicator definitions, all or nothing (<see cref="ImportData"/> tells how every import checks and
/// writes). The formulas of the file and of the stored indicators are checked together as one graph.
/// </summary>
public sealed class ImportIndicators(Data.LuoshiDbContext db, ICurrentActor actor)
{
    public static readonly string[] Required = ["code", "name", "unit", "direction", "frequency", "valueKind", "aggregation", "formula", "tolerance", "profile"];

    public async Task<ImportSummary> FromCsv(Stream stream, CancellationToken ct)
    {
        actor.RequireSignedIn();
        var t = CsvTable.Read(stream, Required, []);
        return await Handle([.. t.Rows.Select(r => (r.Line, new IndicatorRow(
            t.Text(r.Fields, "code"), t.Text(r.Fields, "name"), t.Text(r.Fields, "unit"), t.Text(r.Fields, "direction"), t.Text(r.Fields, "frequency"),
            t.Text(r.Fields, "valueKind"), t.Text(r.Fields, "aggregation"), t.Trimmed(r.Fields, "formula"), t.Trimmed(r.Fields, "tolerance"), t.Trimmed(r.Fields, "profile"))))], ct);
    }

    public async Task<ImportSummary> Handle(IReadOnlyList<(int Line, IndicatorRow Row)> rows, CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.ManageIndicators);
        var errors = new RowErrors();
        var indicators = await db.Indicators.ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        int created = 0, updated = 0;
        foreach (var (line, row) in rows)
        {
            if (!errors.FirstTime(line, seen, row.Code))
            {
                continue;
            }

            var direction = errors.Try(line, "direction", () => (Direction?)Parsing.Enum<Direction>(row.Direction, "direction"));
            var frequency = errors.Try(line, "frequency", () => (Frequency?)Parsing.Enum<Frequency>(row.Frequency, "frequency"));
            var valueKind = errors.Try(line, "valueKind", () => (ValueKind?)Parsing.Enum<ValueKind>(row.ValueKind, "valueKind"));
            var aggregation = errors.Try(line, "aggregation", () => (Aggregation?)Parsing.Enum<Aggregation>(row.Aggregation, "aggregation"));
            var tolerance = errors.Try(line, "tolerance", () => (Tolerance?)Tolerance.Parse(row.Tolerance));
            var profile = string.IsNullOrWhiteSpace(row.Profile)
                ? ProgressProfile.Linear
                : errors.Try(line, "profile", () => (ProgressProfile?)Parsing.Enum<ProgressProfile>(row.Profile, "profile"));
            if (direction is null || frequency is null || valueKind is null || aggregation is null || tolerance is null || profile is null)
            {
                continue;
            }

            bool isNew = !indicators.TryGetValue(row.Code, out var indicator);
            indicator ??= errors.Try(line, "code", () => Indicator.Create(row.Code, row.Name, row.Unit));
            if (indicator is null)
            {
                continue;
            }

            var before = Snapshot(indicator);
            var ok = errors.Try(line, "formula", () => indicator.Define(row.Name, row.Unit, direction.Value, frequency.Value, valueKind.Value, aggregation.Value, row.Formula, tolerance.Value, profile.Value, indicator.Decimals));
            if (!ok)
            {
                continue;
            }

            lineOf[indicator.Code] = line;
            if (isNew)
            {
                indicators[indicator.Code] = indicator;
                db.Indicators.Add(indicator);
                created++;
            }
            else if (Snapshot(indicator) != before)
            {
                updated++;
            }
        }

        if (!errors.Any)
        {
            var formulas = indicators.Values.Where(i => i.Formula is not null).ToDictionary(i => i.Code, i => i.Formula!, StringComparer.Ordinal);
            try
            {
                Indicator.CheckFormulaGraph(formulas, indicators.Keys.ToHashSet(StringComparer.Ordinal));
            }
            catch (DomainException e)
            {
                var culprit = lineOf.Keys.FirstOrDefault(c => e.Message.StartsWith(c + " ", StringComparison.Ordinal) || e.Message.Contains(c, StringComparison.Ordinal));
                errors.Add(culprit is null ? 1 : lineOf[culprit], "formula", e.Detail);
            }
        }

        errors.ThrowIfAny();
        await db.SaveChangesAsync(ct);
        return new ImportSummary("indicators", rows.Count, created, updated, rows.Count - created - updated);

        static string Snapshot(Indicator i) =>
            string.Join('|', i.Name, i.Unit, i.Direction, i.Frequency, i.ValueKind, i.Aggregation, i.FormulaText, i.ToleranceText, i.Profile);
    }
}
