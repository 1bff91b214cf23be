using Luoshi.Application.Common;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Readings;

/// <summary><c>indicator,org,period,value</c>.</summary>
public sealed record ReadingRow(string Indicator, string Org, string Period, string Value);

/// <summary>Imports readings, all or nothing (<see cref="ImportData"/> tells how every import checks and writes).</summary>
public sealed class ImportReadings(Data.LuoshiDbContext db, ICurrentActor actor, TimeProvider clock)
{
    private const int BatchSize = 4000;

    public static readonly string[] Required = ["indicator", "org", "period", "value"];

    // The readings export adds the comment and the cell's metadata; importing an export back reads the comment and ignores the rest.
    public static readonly string[] Optional = ["comment", "state", "source", "version", "updatedAt", "updatedBy"];

    public async Task<ImportSummary> FromCsv(Stream stream, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        actor.RequireSignedIn();
        var t = CsvTable.Read(stream, Required, Optional);
        return await Handle(
            t.Rows.Select(r => (r.Line, new ReadingRow(t.Text(r.Fields, "indicator"), t.Text(r.Fields, "org"), t.Text(r.Fields, "period"), t.Text(r.Fields, "value")), t.Trimmed(r.Fields, "comment"))),
            progress,
            ct);
    }

    /// <summary>
    /// Imports readings as approved versions with source <c>import</c>: an operator's import is the
    /// authoritative figure. Streams its input once to check it, then writes in batches inside one transaction.
    /// </summary>
    public async Task<ImportSummary> Handle(IEnumerable<(int Line, ReadingRow Row, string? Comment)> input, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var indicators = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, ct);
        var orgs = units.ToDictionary(u => u.Key, u => u.Value.Id, StringComparer.Ordinal);
        var cells = Check(input, indicators, units, orgs);
        db.AuditNames.Know(indicators.ToDictionary(i => i.Key, i => i.Value.Id, StringComparer.Ordinal), orgs);
        var existing = await Existing(cells, ct);
        var (created, updated) = await Write(cells, existing, indicators.Values.ToDictionary(i => i.Id, i => i.Code), progress, ct);
        return new ImportSummary("readings", cells.Count, created, updated, cells.Count - created - updated);
    }

    /// <summary>A checked cell of the file, ready to write.</summary>
    private readonly record struct Cell(int IndicatorId, int OrgId, Period Period, decimal Value, string? Comment, Frequency Frequency);

    /// <summary>Checks every row, refusing the whole file on any problem (403 first when some rows are outside the actor's scope).</summary>
    private List<Cell> Check(IEnumerable<(int Line, ReadingRow Row, string? Comment)> input, Dictionary<string, Indicator> indicators, Dictionary<string, OrgUnit> units, Dictionary<string, int> orgs)
    {
        var errors = new RowErrors();
        var forbidden = new OutOfScope();
        var cells = new List<Cell>();
        var seen = new HashSet<(int, int, Period)>();
        foreach (var (line, row, comment) in input)
        {
            if (errors.Full)
            {
                break;
            }

            Indicator? indicator = null;
            if (!indicators.TryGetValue(row.Indicator, out indicator))
            {
                errors.Add(line, "indicator", new Text($"指标 {Parsing.Clip(row.Indicator)} 不存在", $"indicator '{Parsing.Clip(row.Indicator)}' does not exist"));
            }
            else if (indicator.IsDerived)
            {
                errors.Add(line, "indicator", new Text($"{indicator.Code} 是派生指标,由公式计算,不能导入", $"{indicator.Code} is derived by formula and cannot be imported"));
                indicator = null;
            }

            bool orgKnown = errors.Known(line, "org", orgs, row.Org, out int orgId, new Text("单位", "org unit"));
            var period = errors.Try(line, "period", () => (Period?)Period.Parse(row.Period));
            var value = errors.Try(line, "value", () => (decimal?)Parsing.Decimal(row.Value, "value"));
            if (indicator is null || !orgKnown || period is null || value is null)
            {
                continue;
            }

            if (!actor.Can(Permission.WriteReadings, units[row.Org]))
            {
                forbidden.Add(line, row.Org);
                continue;
            }

            if (period.Value.Kind != indicator.Frequency)
            {
                errors.Add(line, "period", new Text($"{indicator.Code} 按 {indicator.Frequency.ToString().ToLowerInvariant()} 报送,期间 {period} 不符", $"{indicator.Code} is reported per {indicator.Frequency.ToString().ToLowerInvariant()}, not as {period}"));
                continue;
            }

            if (comment is { Length: > Reading.CommentMaxLength })
            {
                errors.Add(line, "comment", new Text($"说明不能超过{Reading.CommentMaxLength}字", $"the comment is longer than {Reading.CommentMaxLength}"));
                continue;
            }

            if (!seen.Add((indicator.Id, orgId, period.Value)))
            {
                errors.Add(line, "period", new Text("同一指标、单位、期间在文件中重复", "the same indicator, unit and period appear twice in the file"));
                continue;
            }

            cells.Add(new Cell(indicator.Id, orgId, period.Value, value.Value, string.IsNullOrWhiteSpace(comment) ? null : comment, indicator.Frequency));
        }

        forbidden.ThrowIfAny();
        errors.ThrowIfAny();
        return cells;
    }

    /// <summary>Existing cells of the indicators and years the file touches, to append versions rather than duplicate.</summary>
    private async Task<Dictionary<(int, int, string), long>> Existing(List<Cell> cells, CancellationToken ct)
    {
        var existing = new Dictionary<(int, int, string), long>();
        if (cells.Count > 0 && await db.Readings.AnyAsync(ct))
        {
            var indicatorIds = cells.Select(c => c.IndicatorId).Distinct().ToList();
            var from = cells.Min(c => c.Period.Start);
            var to = cells.Max(c => c.Period.End);
            foreach (var r in await db.Readings.AsNoTracking().Where(r => indicatorIds.Contains(r.IndicatorId) && r.PeriodStart >= from && r.PeriodEnd <= to)
                         .Select(r => new { r.Id, r.IndicatorId, r.OrgUnitId, r.PeriodCode }).ToListAsync(ct))
            {
                existing[(r.IndicatorId, r.OrgUnitId, r.PeriodCode)] = r.Id;
            }
        }

        return existing;
    }

    /// <summary>Writes the cells in batches inside one transaction, and records the import in the audit log.</summary>
    private async Task<(int Created, int Updated)> Write(List<Cell> cells, Dictionary<(int, int, string), long> existing, Dictionary<int, string> codes, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var stamp = Stamp.Of(actor.Name, clock.GetUtcNow(), new Text("导入", "import").Bilingual);
        int created = 0, updated = 0;
        var bulk = new Dictionary<(int IndicatorId, string Period), int>();
        var readingRows = new BulkInsert<Reading>(db);
        var versionRows = new BulkInsert<ReadingVersion>(db);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            readingRows.SetShadow(Data.EvaluationChanges.Column, await db.ClaimEvaluationVersion(ct));
            for (int start = 0; start < cells.Count; start += BatchSize)
            {
                var batch = cells.Skip(start).Take(BatchSize).ToList();
                var (fresh, changed) = await Record(batch, existing, stamp, bulk, ct);
                updated += changed;
                await InsertNew(fresh, readingRows, versionRows, ct);
                created += fresh.Count;
                progress?.Report(new ImportProgress(Math.Min(start + BatchSize, cells.Count), cells.Count));
            }

            // Changed cells were each recorded by the change tracker under their own key. New cells bypass it: they are
            // recorded per indicator and period, keyed INDICATOR/*/PERIOD (each cell's first version names the import too),
            // and the import as a whole under "readings".
            foreach (var ((indicatorId, period), count) in bulk.OrderBy(b => codes[b.Key.IndicatorId], StringComparer.Ordinal).ThenBy(b => b.Key.Period, StringComparer.Ordinal))
            {
                db.RecordAudit("import", nameof(Reading), Data.AuditNames.Key(codes[indicatorId], "*", period), null, System.Text.Json.JsonSerializer.Serialize(new { created = count, state = nameof(ReadingState.Approved), source = nameof(ReadingSource.Import) }));
            }

            db.RecordAudit("import", nameof(Reading), "readings", null, System.Text.Json.JsonSerializer.Serialize(new { rows = cells.Count, created, updated }));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        return (created, updated);
    }

    /// <summary>Records a batch's values: a new version on each changed existing cell, and the new cells (counted per indicator and period for the audit log) to insert in bulk.</summary>
    private async Task<(List<Reading> Fresh, int Updated)> Record(List<Cell> batch, Dictionary<(int, int, string), long> existing, Stamp stamp, Dictionary<(int IndicatorId, string Period), int> bulk, CancellationToken ct)
    {
        int updated = 0;
        var ids = batch.Select(c => existing.GetValueOrDefault((c.IndicatorId, c.OrgId, c.Period.ToString()))).Where(id => id != 0).ToList();
        var tracked = ids.Count == 0
            ? []
            : await db.Readings.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => (r.IndicatorId, r.OrgUnitId, r.PeriodCode), ct);
        var fresh = new List<Reading>();
        foreach (var c in batch)
        {
            if (tracked.TryGetValue((c.IndicatorId, c.OrgId, c.Period.ToString()), out var reading))
            {
                if (reading.Value == c.Value && reading.State == ReadingState.Approved && reading.Comment == c.Comment)
                {
                    continue;
                }

                reading.Record(c.Value, c.Comment, ReadingSource.Import, ReadingState.Approved, stamp);
                updated++;
            }
            else
            {
                reading = Reading.Create(c.IndicatorId, c.OrgId, c.Period, c.Frequency);
                reading.Record(c.Value, c.Comment, ReadingSource.Import, ReadingState.Approved, stamp);
                fresh.Add(reading);
                bulk[(c.IndicatorId, reading.PeriodCode)] = bulk.GetValueOrDefault((c.IndicatorId, reading.PeriodCode)) + 1;
            }
        }

        return (fresh, updated);
    }

    /// <summary>Saves the batch's changed cells through EF, then inserts its new cells and their first versions in bulk.</summary>
    private async Task InsertNew(List<Reading> fresh, BulkInsert<Reading> readingRows, BulkInsert<ReadingVersion> versionRows, CancellationToken ct)
    {
        // Changed cells append their version through EF; new cells and their first versions go in bulk.
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        var readingKeys = await readingRows.AllocateKeys(fresh.Count, ct);
        var versionKeys = await versionRows.AllocateKeys(fresh.Count, ct);
        var versions = new List<ReadingVersion>(fresh.Count);
        for (int i = 0; i < fresh.Count; i++)
        {
            readingRows.SetKey(fresh[i], readingKeys[i]);
            var version = fresh[i].Versions[0];
            versionRows.SetKey(version, versionKeys[i]);
            versionRows.Set(version, nameof(ReadingVersion.ReadingId), readingKeys[i]);
            versions.Add(version);
        }

        await readingRows.Insert(fresh, ct);
        await versionRows.Insert(versions, ct);
    }
}
