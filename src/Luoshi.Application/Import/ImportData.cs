using Luoshi.Application.Common;
using Luoshi.Application.Plans;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Import;

public enum ImportKind
{
    Orgs,
    Indicators,
    Targets,
    Readings,
    Plans,
}

/// <summary>
/// Imports org units, indicators, targets, readings or plan items. All or nothing: every row is
/// checked first and any problem refuses the whole file, naming line and column; the writes then run
/// in one transaction. Existing rows are updated (readings and targets by appending a version); a row
/// equal to what is stored changes nothing, so importing the same file twice is harmless.
/// </summary>
public sealed class ImportData(Data.LuoshiDbContext db, ICurrentActor actor, TimeProvider clock)
{
    private const int BatchSize = 4000;

    public static readonly IReadOnlyDictionary<ImportKind, (string[] Required, string[] Optional)> Columns =
        new Dictionary<ImportKind, (string[], string[])>
        {
            [ImportKind.Orgs] = (["code", "name", "kind", "parent"], []),
            [ImportKind.Indicators] = (["code", "name", "unit", "direction", "frequency", "valueKind", "aggregation", "formula", "tolerance", "profile"], []),
            [ImportKind.Targets] = (["indicator", "org", "year", "value", "qualifier"], []),

            // The readings export adds the comment and the cell's metadata; importing an export back reads the comment and ignores the rest.
            [ImportKind.Readings] = (["indicator", "org", "period", "value"], ["comment", "state", "source", "version", "updatedAt", "updatedBy"]),
            [ImportKind.Plans] = (["code", "kind", "title", "parent", "lead", "supporting", "start", "due", "horizon", "indicators"], ["completed"]),
        };

    public async Task<ImportSummary> FromCsv(ImportKind kind, Stream stream, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
        {
            throw new UnauthenticatedException();
        }

        var (required, optional) = Columns[kind];
        var t = CsvTable.Read(stream, required, optional);
        string? G(string[] f, string c) => t.Get(f, c)?.Trim();
        string R(string[] f, string c) => G(f, c) ?? string.Empty;
        return kind switch
        {
            ImportKind.Orgs => await Orgs([.. t.Rows.Select(r => (r.Line, new OrgRow(R(r.Fields, "code"), R(r.Fields, "name"), R(r.Fields, "kind"), G(r.Fields, "parent"))))], ct),
            ImportKind.Indicators => await Indicators([.. t.Rows.Select(r => (r.Line, new IndicatorRow(
                R(r.Fields, "code"), R(r.Fields, "name"), R(r.Fields, "unit"), R(r.Fields, "direction"), R(r.Fields, "frequency"),
                R(r.Fields, "valueKind"), R(r.Fields, "aggregation"), G(r.Fields, "formula"), G(r.Fields, "tolerance"), G(r.Fields, "profile"))))], ct),
            ImportKind.Targets => await Targets([.. t.Rows.Select(r => (r.Line, new TargetRow(R(r.Fields, "indicator"), R(r.Fields, "org"), R(r.Fields, "year"), R(r.Fields, "value"), R(r.Fields, "qualifier"))))], ct),
            ImportKind.Readings => await Readings(
                t.Rows.Select(r => (r.Line, new ReadingRow(R(r.Fields, "indicator"), R(r.Fields, "org"), R(r.Fields, "period"), R(r.Fields, "value")), G(r.Fields, "comment"))),
                progress,
                ct),
            ImportKind.Plans => await Plans([.. t.Rows.Select(r => (r.Line, new PlanRow(
                R(r.Fields, "code"), R(r.Fields, "kind"), R(r.Fields, "title"), G(r.Fields, "parent"), G(r.Fields, "lead"), G(r.Fields, "supporting"),
                G(r.Fields, "start"), G(r.Fields, "due"), G(r.Fields, "horizon"), G(r.Fields, "indicators"), G(r.Fields, "completed"))))], ct),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    public async Task<ImportSummary> Orgs(IReadOnlyList<(int Line, OrgRow Row)> rows, CancellationToken ct)
    {
        var errors = new RowErrors();
        var forbidden = new OutOfScope();
        var units = await db.OrgUnits.ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, ct);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int created = 0, updated = 0;
        foreach (var (line, row) in rows)
        {
            if (!seen.Add(row.Code))
            {
                errors.Add(line, "code", $"代码 {Parsing.Clip(row.Code)} 在文件中重复 / code '{Parsing.Clip(row.Code)}' appears twice in the file");
                continue;
            }

            var kind = errors.Try(line, "kind", () => (OrgUnitKind?)Parsing.Enum<OrgUnitKind>(row.Kind, "kind"));
            OrgUnit? parent = null;
            if (!string.IsNullOrWhiteSpace(row.Parent) && !units.TryGetValue(row.Parent, out parent))
            {
                errors.Add(line, "parent", $"上级单位 {Parsing.Clip(row.Parent)} 不存在(上级须在前面的行或已在系统中)/ parent '{Parsing.Clip(row.Parent)}' does not exist (it must come on an earlier line or exist already)");
                continue;
            }

            if (kind is null)
            {
                continue;
            }

            if (parent is null ? !actor.CanEverywhere(Permission.ManageOrgUnits) : !actor.Can(Permission.ManageOrgUnits, parent))
            {
                forbidden.Add(line, row.Parent ?? row.Code);
                continue;
            }

            if (units.TryGetValue(row.Code, out var unit))
            {
                var (version, oldPath) = (unit.Version, unit.Path);
                if (errors.Try(line, "name", () => unit.Rename(row.Name)) && errors.Try(line, "parent", () => unit.Place(kind.Value, parent)))
                {
                    if (unit.Path != oldPath)
                    {
                        foreach (var d in units.Values.Where(d => d != unit && d.Path.StartsWith(oldPath, StringComparison.Ordinal)))
                        {
                            d.FollowAncestor(oldPath, unit.Path);
                        }
                    }

                    updated += unit.Version != version ? 1 : 0;
                }
            }
            else
            {
                var column = string.IsNullOrWhiteSpace(row.Name) ? "name" : "code";
                var createdUnit = errors.Try(line, column, () => OrgUnit.Create(row.Code, row.Name, kind.Value, parent));
                if (createdUnit is not null)
                {
                    units[createdUnit.Code] = createdUnit;
                    db.OrgUnits.Add(createdUnit);
                    created++;
                }
            }
        }

        forbidden.ThrowIfAny();
        errors.ThrowIfAny();
        await db.SaveChangesAsync(ct);
        return new ImportSummary("orgs", rows.Count, created, updated, rows.Count - created - updated);
    }

    public async Task<ImportSummary> Indicators(IReadOnlyList<(int Line, IndicatorRow Row)> rows, CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.ManageIndicators);
        var errors = new RowErrors();
        var indicators = await db.Indicators.ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        int created = 0, updated = 0;
        foreach (var (line, row) in rows)
        {
            if (!seen.Add(row.Code))
            {
                errors.Add(line, "code", $"代码 {Parsing.Clip(row.Code)} 在文件中重复 / code '{Parsing.Clip(row.Code)}' appears twice in the file");
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
                errors.Add(culprit is null ? 1 : lineOf[culprit], "formula", e.Message);
            }
        }

        errors.ThrowIfAny();
        await db.SaveChangesAsync(ct);
        return new ImportSummary("indicators", rows.Count, created, updated, rows.Count - created - updated);

        static string Snapshot(Indicator i) =>
            string.Join('|', i.Name, i.Unit, i.Direction, i.Frequency, i.ValueKind, i.Aggregation, i.FormulaText, i.ToleranceText, i.Profile);
    }

    public async Task<ImportSummary> Targets(IReadOnlyList<(int Line, TargetRow Row)> rows, CancellationToken ct)
    {
        var errors = new RowErrors();
        var indicators = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code, i => i.Id, StringComparer.Ordinal, ct);
        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, ct);
        var orgs = units.ToDictionary(u => u.Key, u => u.Value.Id, StringComparer.Ordinal);
        var forbidden = new OutOfScope();
        var targets = await db.Targets.ToDictionaryAsync(t => (t.IndicatorId, t.OrgUnitId, t.PeriodCode), ct);
        KnowForAudit(indicators, orgs);
        var seen = new HashSet<(int, int, string)>();
        var stamp = Stamp.Of(actor.Name, clock.GetUtcNow(), "导入 / import");
        int created = 0, updated = 0;
        foreach (var (line, row) in rows)
        {
            bool known = LookUp(errors, line, "indicator", indicators, row.Indicator, out int indicatorId, "指标/indicator")
                & LookUp(errors, line, "org", orgs, row.Org, out int orgId, "单位/org unit");
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
                errors.Add(line, "year", $"同一指标、单位、年份的目标在文件中重复 / the same indicator, unit and year appear twice in the file");
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

    /// <summary>
    /// Imports readings as approved versions with source <c>import</c>: an operator's import is the
    /// authoritative figure. Streams its input once to check it, then writes in batches inside one transaction.
    /// </summary>
    public async Task<ImportSummary> Readings(IEnumerable<(int Line, ReadingRow Row, string? Comment)> input, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var errors = new RowErrors();
        var indicators = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, ct);
        var orgs = units.ToDictionary(u => u.Key, u => u.Value.Id, StringComparer.Ordinal);
        var forbidden = new OutOfScope();
        var cells = new List<(int IndicatorId, int OrgId, Period Period, decimal Value, string? Comment, Frequency Frequency)>();
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
                errors.Add(line, "indicator", $"指标 {Parsing.Clip(row.Indicator)} 不存在 / indicator '{Parsing.Clip(row.Indicator)}' does not exist");
            }
            else if (indicator.IsDerived)
            {
                errors.Add(line, "indicator", $"{indicator.Code} 是派生指标,由公式计算,不能导入 / {indicator.Code} is derived by formula and cannot be imported");
                indicator = null;
            }

            bool orgKnown = LookUp(errors, line, "org", orgs, row.Org, out int orgId, "单位/org unit");
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
                errors.Add(line, "period", $"{indicator.Code} 按 {indicator.Frequency.ToString().ToLowerInvariant()} 报送,期间 {period} 不符 / {indicator.Code} is reported per {indicator.Frequency.ToString().ToLowerInvariant()}, not as {period}");
                continue;
            }

            if (comment is { Length: > Reading.CommentMaxLength })
            {
                errors.Add(line, "comment", $"说明不能超过{Reading.CommentMaxLength}字 / the comment is longer than {Reading.CommentMaxLength}");
                continue;
            }

            if (!seen.Add((indicator.Id, orgId, period.Value)))
            {
                errors.Add(line, "period", "同一指标、单位、期间在文件中重复 / the same indicator, unit and period appear twice in the file");
                continue;
            }

            cells.Add((indicator.Id, orgId, period.Value, value.Value, string.IsNullOrWhiteSpace(comment) ? null : comment, indicator.Frequency));
        }

        forbidden.ThrowIfAny();
        errors.ThrowIfAny();
        KnowForAudit(indicators.ToDictionary(i => i.Key, i => i.Value.Id, StringComparer.Ordinal), orgs);

        // Existing cells of the indicators and years the file touches, to append versions rather than duplicate.
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

        var stamp = Stamp.Of(actor.Name, clock.GetUtcNow(), "导入 / import");
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
                created += fresh.Count;
                progress?.Report(new ImportProgress(Math.Min(start + BatchSize, cells.Count), cells.Count));
            }

            // Changed cells were each recorded by the change tracker under their own key. New cells bypass it: they are
            // recorded per indicator and period, keyed INDICATOR/*/PERIOD (each cell's first version names the import too),
            // and the import as a whole under "readings".
            var codes = indicators.Values.ToDictionary(i => i.Id, i => i.Code);
            foreach (var ((indicatorId, period), count) in bulk.OrderBy(b => codes[b.Key.IndicatorId], StringComparer.Ordinal).ThenBy(b => b.Key.Period, StringComparer.Ordinal))
            {
                db.RecordAudit("import", nameof(Reading), Data.AuditNames.Key(codes[indicatorId], "*", period), null, System.Text.Json.JsonSerializer.Serialize(new { created = count, state = nameof(ReadingState.Approved), source = nameof(ReadingSource.Import) }));
            }

            db.RecordAudit("import", nameof(Reading), "readings", null, System.Text.Json.JsonSerializer.Serialize(new { rows = cells.Count, created, updated }));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        return new ImportSummary("readings", cells.Count, created, updated, cells.Count - created - updated);
    }

    public async Task<ImportSummary> Plans(IReadOnlyList<(int Line, PlanRow Row)> rows, CancellationToken ct)
    {
        var errors = new RowErrors();
        var save = new SavePlanItem(db, actor);
        int created = 0, updated = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (line, row) in rows)
        {
            var kind = errors.Try(line, "kind", () => (PlanItemKind?)Parsing.Enum<PlanItemKind>(row.Kind, "kind"));
            var horizon = string.IsNullOrWhiteSpace(row.Horizon) ? Horizon.Annual : errors.Try(line, "horizon", () => (Horizon?)Parsing.Enum<Horizon>(row.Horizon, "horizon"));
            var startDate = errors.Try(line, "start", () => Parsing.OptionalDate(row.Start, "start"));
            var dueDate = errors.Try(line, "due", () => Parsing.OptionalDate(row.Due, "due"));
            var completed = errors.Try(line, "completed", () => Parsing.OptionalDate(row.Completed, "completed"));
            if (errors.Any || kind is null || horizon is null)
            {
                break;
            }

            var existing = await db.PlanItems.AsNoTracking().Where(p => p.Code == row.Code).Select(p => (int?)p.Version).SingleOrDefaultAsync(ct);
            var request = new SavePlanItem.Request(row.Code, kind, row.Title, null, row.Parent, row.Lead, Split(row.Supporting), startDate, dueDate, horizon, Order: line, Version: existing, CompletedOn: completed);
            try
            {
                _ = existing is null ? await save.Create(request, ct) : await save.Update(row.Code, request, ct);
                if (existing is null)
                {
                    created++;
                }
                else
                {
                    updated++;
                }

                foreach (var code in Split(row.Indicators))
                {
                    var indicator = await db.Indicators.Include(i => i.PlanLinks).SingleOrDefaultAsync(i => i.Code == code, ct);
                    if (indicator is null)
                    {
                        errors.Add(line, "indicators", $"指标 {Parsing.Clip(code)} 不存在 / indicator '{Parsing.Clip(code)}' does not exist");
                        break;
                    }

                    var planId = await db.PlanItems.Where(p => p.Code == row.Code).Select(p => p.Id).SingleAsync(ct);
                    indicator.LinkPlanItems(indicator.PlanLinks.Select(l => l.PlanItemId).Append(planId));
                    await db.SaveChangesAsync(ct);
                }
            }
            catch (InputRefusedException e)
            {
                foreach (var error in e.Errors)
                {
                    errors.Add(line, error.Field, error.Message);
                }
            }
            catch (DomainException e)
            {
                errors.Add(line, e.Field, e.Message);
            }
            catch (ConflictException e)
            {
                errors.Add(line, e.Field, e.Message);
            }

            if (errors.Any)
            {
                break;
            }
        }

        errors.ThrowIfAny();
        await tx.CommitAsync(ct);
        return new ImportSummary("plans", rows.Count, created, updated, rows.Count - created - updated);

        static string[] Split(string? codes) =>
            string.IsNullOrWhiteSpace(codes) ? [] : codes.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Hands the codes of a file's indicators and units to the audit log, which names the cells it writes by them.</summary>
    private void KnowForAudit(Dictionary<string, int> indicators, Dictionary<string, int> orgs)
    {
        foreach (var (code, id) in indicators)
        {
            db.AuditNames.KnowIndicator(id, code);
        }

        foreach (var (code, id) in orgs)
        {
            db.AuditNames.KnowOrg(id, code);
        }
    }

    private static bool LookUp(RowErrors errors, int line, string column, Dictionary<string, int> ids, string code, out int id, string what)
    {
        if (ids.TryGetValue(code, out id))
        {
            return true;
        }

        errors.Add(line, column, $"{what} {Parsing.Clip(code)} 不存在 / {what} '{Parsing.Clip(code)}' does not exist");
        return false;
    }
}
