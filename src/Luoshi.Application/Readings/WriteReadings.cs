using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Readings;

/// <summary>
/// Writes a batch of cells (the entry grid's save) all or nothing: every cell is checked first, and any problem
/// refuses the whole batch, each bad cell named by its place in the batch (<c>cells[2].value</c>) and its
/// indicator, unit and period; otherwise every value is written as a new version in one transaction, which claims
/// one evaluation version for all of them. Each cell follows <see cref="WriteReading"/>'s rules: derived indicators
/// are not written, an approved value is locked, a closed report takes no values, and a cell read at a version that
/// someone has since moved on is refused.
/// </summary>
public sealed class WriteReadings(Data.LuoshiDbContext db, ICurrentActor actor, TimeProvider clock)
{
    /// <summary>The most cells one batch takes: a report's lines many times over.</summary>
    public const int MaxCells = 2000;

    public sealed record Cell(string? Indicator, string? Org, string? Period, decimal? Value, string? Comment = null, int? Version = null);

    public sealed record Request(IReadOnlyList<Cell> Cells, string? Reason = null);

    public async Task<IReadOnlyList<ReadingView>> Handle(Request r, ReadingSource source, CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
        {
            throw new UnauthenticatedException();
        }

        if (r.Cells is not { Count: > 0 and <= MaxCells })
        {
            throw InputRefusedException.Single("cells", new Text($"须有1–{MaxCells}个单元格", $"a batch holds 1–{MaxCells} cells"));
        }

        var indicatorCodes = r.Cells.Select(c => (c.Indicator ?? "").Trim()).Distinct().ToList();
        var orgCodes = r.Cells.Select(c => (c.Org ?? "").Trim()).Distinct().ToList();
        var indicators = await db.Indicators.AsNoTracking().Where(i => indicatorCodes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, ct);
        var orgs = await db.OrgUnits.AsNoTracking().Where(u => orgCodes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, ct);

        // First pass: what each cell says on its own.
        var errors = new List<FieldError>();
        var checkedCells = new List<(int Index, Indicator Indicator, Domain.Organization.OrgUnit Org, Period Period, Cell Cell)>();
        var seen = new HashSet<(int, int, Period)>();
        for (int k = 0; k < r.Cells.Count; k++)
        {
            var c = r.Cells[k];
            var name = Name(c);
            void Refuse(string field, Text message) => errors.Add(new FieldError($"cells[{k}].{field}", Named(name, message)));

            var indicator = indicators.GetValueOrDefault((c.Indicator ?? "").Trim());
            if (indicator is null)
            {
                Refuse("indicator", ReadingRules.UnknownIndicator(c.Indicator));
            }
            else if (indicator.IsDerived)
            {
                Refuse("indicator", ReadingRules.Derived(indicator));
                indicator = null;
            }

            var org = orgs.GetValueOrDefault((c.Org ?? "").Trim());
            if (org is null)
            {
                Refuse("org", ReadingRules.UnknownOrg(c.Org));
            }

            Period? period = null;
            if (!Period.TryParse(c.Period, out var p, out var periodError))
            {
                Refuse("period", periodError);
            }
            else if (indicator is not null && p.Kind != indicator.Frequency)
            {
                Refuse("period", new Text($"{indicator.Code} 按 {indicator.Frequency.ToString().ToLowerInvariant()} 报送,期间 {p} 不符", $"{indicator.Code} is reported per {indicator.Frequency.ToString().ToLowerInvariant()}, not as {p}"));
            }
            else
            {
                period = p;
            }

            if (c.Value is null)
            {
                Refuse("value", ReadingRules.ValueRequired);
            }

            try
            {
                Code.OptionalText(c.Comment, "comment", Reading.CommentMaxLength);
            }
            catch (DomainException e)
            {
                Refuse("comment", e.Detail);
            }

            if (indicator is null || org is null || period is null || c.Value is null)
            {
                continue;
            }

            if (!seen.Add((indicator.Id, org.Id, period.Value)))
            {
                Refuse("period", new Text("同一单元格在本批中出现两次", "the same cell appears twice in the batch"));
                continue;
            }

            checkedCells.Add((k, indicator, org, period.Value, c));
        }

        if (errors.Count > 0)
        {
            throw Refused(errors);
        }

        foreach (var org in checkedCells.Select(c => c.Org).DistinctBy(o => o.Id))
        {
            actor.Require(Permission.WriteReadings, org);
        }

        // Second pass: each cell against what is stored — its current version, whether it is locked, its report.
        var indicatorIds = checkedCells.Select(c => c.Indicator.Id).Distinct().ToList();
        var orgIds = checkedCells.Select(c => c.Org.Id).Distinct().ToList();
        var periodCodes = checkedCells.Select(c => c.Period.ToString()).Distinct().ToList();
        var stored = await db.Readings.Where(x => indicatorIds.Contains(x.IndicatorId) && orgIds.Contains(x.OrgUnitId) && periodCodes.Contains(x.PeriodCode))
            .ToDictionaryAsync(x => (x.IndicatorId, x.OrgUnitId, x.PeriodCode), ct);
        var reports = await db.Reports.AsNoTracking().Where(x => orgIds.Contains(x.OrgUnitId) && periodCodes.Contains(x.PeriodCode))
            .ToDictionaryAsync(x => (x.OrgUnitId, x.PeriodCode), ct);
        var stamp = Stamp.Of(actor.Name, clock.GetUtcNow(), r.Reason);
        var written = new List<(Reading Reading, int ReadVersion, string Indicator, string Org)>();
        foreach (var (k, indicator, org, period, c) in checkedCells)
        {
            var code = period.ToString();
            void Refuse(string field, Text message) => errors.Add(new FieldError($"cells[{k}].{field}", Named(Name(c), message)));

            var reading = stored.GetValueOrDefault((indicator.Id, org.Id, code));
            if (ReadingRules.Against(reading, c.Version, reports.GetValueOrDefault((org.Id, code)), org, code) is { } problem)
            {
                Refuse(problem.Field, problem.Message);
                continue;
            }

            if (reading is null)
            {
                reading = Reading.Create(indicator.Id, org.Id, period, indicator.Frequency);
                db.Readings.Add(reading);
            }

            int readVersion = reading.Version;
            reading.Record(c.Value, c.Comment, source, ReadingState.Draft, stamp);
            if (readVersion > 0)
            {
                db.Entry(reading).Property(x => x.Version).OriginalValue = readVersion;
            }

            db.AuditNames.Know(indicator);
            db.AuditNames.Know(org);
            written.Add((reading, readVersion, indicator.Code, org.Code));
        }

        if (errors.Count > 0)
        {
            // Nothing of the batch may reach the database: forget what the cells that passed changed.
            db.ChangeTracker.Clear();
            throw Refused(errors);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new ConflictException("version", new Text("有数据已被他人修改,本批未保存", "someone else changed one of the values; nothing of the batch was saved"));
        }
        catch (DbUpdateException) when (written.Any(w => w.ReadVersion == 0))
        {
            // Two first writes of the same cell raced; the unique key kept the other one, and this transaction rolled back.
            db.ChangeTracker.Clear();
            throw new ConflictException("version", new Text("有单元格刚被他人写入,本批未保存,请刷新后重试", "someone else has just written one of these cells; nothing was saved; reload and retry"));
        }

        return [.. written.Select(w => ReadingQueries.View(w.Reading, w.Indicator, w.Org))];
    }

    /// <summary>How a refusal names a cell: as sent, INDICATOR/ORG/PERIOD.</summary>
    private static string Name(Cell c) =>
        Data.AuditNames.Key(Parsing.Clip((c.Indicator ?? "").Trim()), Parsing.Clip((c.Org ?? "").Trim()), Parsing.Clip((c.Period ?? "").Trim()));

    /// <summary>A message with the cell it is about named first, in both languages.</summary>
    private static Text Named(string name, Text message) => new($"{name}:{message.Zh}", $"{name}: {message.En}");

    private static InputRefusedException Refused(List<FieldError> errors) =>
        new(errors, new Text($"有 {errors.Count} 个单元格不能保存,本批未保存任何数据", $"{errors.Count} cell(s) cannot be saved; nothing of the batch was saved"));
}
