using System.Globalization;
using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Application.Evaluation;
using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Plans;
using Luoshi.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Application.Supervision;

/// <summary>
/// The rules that open items by themselves, as of a date:
/// <list type="bullet">
/// <item>an indicator red for N consecutive periods of its own frequency at a unit (the evaluation engine judges
/// each period) — the unit leads the item; at the top unit the indicator's responsible department does;</item>
/// <item>a plan task or milestone past its due date and not reported done — its lead unit leads the item;</item>
/// <item>a unit's monthly report not submitted by its due date (the reporting calendar: the unit's assigned
/// monthly indicators, the earliest due day among them, as the timeliness view judges it) — the unit leads
/// the item, which names the other months of the year still missing.</item>
/// </list>
/// Items open as drafts for the supervising unit to review and assign
/// (docs/adr/0010). Each opens once: an item whose cause is still open, or whose cause period lies inside
/// the current red streak, stops another; a unique rule key stops two servers racing.
/// </summary>
public sealed class RunSupervisionRules(
    LuoshiDbContext db,
    ICurrentActor actor,
    TimeProvider clock,
    IOptions<SupervisionOptions> options,
    IndicatorStatuses statuses,
    SupervisionNotifications notifications)
{
    public const string RedIndicatorRule = "indicatorRed";
    public const string OverdueTaskRule = "overdueTask";
    public const string MissingReportRule = "missingReport";

    /// <summary>How the missing-report rule names its cause: report-missing:ORG (and its hit: report-missing:ORG#PERIOD).</summary>
    public const string MissingReportCause = "report-missing:";

    public sealed record Opened(int Id, string Rule, string Cause, string Title, string LeadOrg, DateOnly Deadline);

    public sealed record Result(DateOnly AsOf, IReadOnlyList<Opened> Opened, int AlreadyOpen, IReadOnlyList<string> Notes);

    private sealed record Candidate(
        string Rule,
        string CauseKey,
        string RuleKey,
        DateOnly CauseDate,
        DateOnly WindowStart,
        int LeadUnitId,
        string Title,
        string Description,
        SupervisionSource Source,
        int? IndicatorId = null,
        int? IndicatorUnitId = null,
        int? PlanItemId = null,
        int? ClearPeriods = null);

    private sealed record Prior(string CauseKey, string? RuleKey, SupervisionState State, DateOnly? CauseDate);

    private sealed record UnitInfo(int Id, string Code, string Name, OrgUnitKind Kind, string Path, int? ParentId);

    public async Task<Result> Handle(DateOnly? asOf, CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.Supervise);
        var settings = options.Value;
        var date = asOf ?? Evaluate.Today(clock);
        var units = await db.OrgUnits.AsNoTracking().Select(u => new UnitInfo(u.Id, u.Code, u.Name, u.Kind, u.Path, u.ParentId)).ToListAsync(ct);
        var byCode = units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        var byId = units.ToDictionary(u => u.Id);
        var priors = (await db.SupervisionItems.AsNoTracking().Where(i => i.CauseKey != null)
            .Select(i => new { i.CauseKey, i.RuleKey, i.State, i.CauseDate }).ToListAsync(ct))
            .Select(p => new Prior(p.CauseKey!, p.RuleKey, p.State, p.CauseDate))
            .ToLookup(p => p.CauseKey, StringComparer.Ordinal);
        var notes = new List<string>();

        var candidates = new List<Candidate>();
        candidates.AddRange(await RedIndicators(date, settings, byCode, notes, ct));
        candidates.AddRange(await OverdueTasks(date, settings, byId, notes, ct));
        candidates.AddRange(await MissingReports(date, byId, ct));

        var opened = new List<Opened>();
        int already = 0;
        foreach (var c in candidates)
        {
            // Opened once: not while an item for the same cause is still being followed, nor again for a streak
            // an earlier item already covered (its cause period falls inside the current window).
            if (priors[c.CauseKey].Any(p => !SupervisionWorkflow.IsFinished(p.State) || p.RuleKey == c.RuleKey || p.CauseDate >= c.WindowStart))
            {
                already++;
                continue;
            }

            var lead = byId[c.LeadUnitId];
            var root = byCode[lead.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0]];
            if (root.Id == lead.Id)
            {
                notes.Add($"{c.CauseKey}: 牵头单位是最上级单位,无人督办,未开事项 / the lead is the top unit, which nobody above supervises: not opened");
                continue;
            }

            if (await Open(c, root.Id, date, settings, ct) is { } id)
            {
                opened.Add(new Opened(id, c.Rule, c.CauseKey, c.Title, lead.Code, date.AddDays(settings.RuleDeadlineDays)));
            }
            else
            {
                already++;
            }
        }

        return new Result(date, opened, already, notes);
    }

    private async Task<List<Candidate>> RedIndicators(DateOnly date, SupervisionOptions settings, Dictionary<string, UnitInfo> units, List<string> notes, CancellationToken ct)
    {
        int n = settings.RedPeriods;
        var snapshot = await statuses.Snapshot(ct);
        var responsible = await db.Indicators.AsNoTracking().Where(i => i.ResponsibleUnitId != null).ToDictionaryAsync(i => i.Code, i => i.ResponsibleUnitId!.Value, StringComparer.Ordinal, ct);
        var found = new List<Candidate>();
        int unled = 0;

        // Indicators with the same frequency and due day share their periods, so each period is evaluated once.
        foreach (var group in snapshot.Indicators.Where(i => !i.IsNationalFigure).GroupBy(i => (i.Frequency, i.DueDay)))
        {
            var periods = IndicatorStatuses.LatestDue(group.Key.Frequency, group.Key.DueDay, date, n);
            if (periods.Count < n)
            {
                continue;
            }

            var codes = group.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
            var latest = await statuses.At(periods[0], date, ct);
            foreach (var row in latest.RowsWith(EvaluationStatus.Red))
            {
                if (!codes.Contains(row.IndicatorCode) || row.OrgKind == OrgUnitKind.Reference || !units.TryGetValue(row.OrgCode, out var unit))
                {
                    continue;
                }

                bool streak = true;
                for (int k = 1; k < n && streak; k++)
                {
                    streak = (await statuses.At(periods[k], date, ct)).Find(row.IndicatorCode, row.OrgCode)?.Status == EvaluationStatus.Red;
                }

                if (!streak)
                {
                    continue;
                }

                // The top unit's own figure is answered for by the indicator's responsible department.
                int? lead = unit.ParentId is not null ? unit.Id
                    : responsible.TryGetValue(row.IndicatorCode, out var department) ? department : null;
                if (lead is null)
                {
                    unled++;
                    continue;
                }

                var cause = $"indicator-red:{row.IndicatorCode}@{row.OrgCode}";
                found.Add(new Candidate(
                    RedIndicatorRule,
                    cause,
                    $"{cause}#{periods[0]}",
                    periods[0].End,
                    periods[n - 1].Start,
                    lead.Value,
                    Clip($"{row.IndicatorName}连续{n}期红灯:{row.OrgName}({periods[n - 1]}–{periods[0]})/ {row.IndicatorCode} red for {n} periods at {row.OrgCode}"),
                    $"{row.ReasonZh} / {row.ReasonEn}",
                    SupervisionSource.IndicatorRule,
                    IndicatorId: snapshot.FindIndicator(row.IndicatorCode)!.Id,
                    IndicatorUnitId: unit.Id,
                    ClearPeriods: settings.RedItemClearPeriods > 0 ? settings.RedItemClearPeriods : null));
            }
        }

        if (unled > 0)
        {
            notes.Add($"{unled}个最上级单位的红灯指标未设责任部门,未开事项 / {unled} red figures of the top unit have no responsible department: not opened");
        }

        return found;
    }

    private async Task<List<Candidate>> OverdueTasks(DateOnly date, SupervisionOptions settings, Dictionary<int, UnitInfo> units, List<string> notes, CancellationToken ct)
    {
        var cutoff = date.AddDays(-settings.OverdueTaskGraceDays);
        var late = await db.PlanItems.AsNoTracking()
            .Where(p => (p.Kind == PlanItemKind.Task || p.Kind == PlanItemKind.Milestone) && p.CompletedOn == null && p.DueDate != null && p.DueDate < cutoff)
            .OrderBy(p => p.Code).ToListAsync(ct);
        var found = new List<Candidate>();
        int unled = 0;
        foreach (var p in late)
        {
            if (p.LeadUnitId is not { } lead || !units.ContainsKey(lead))
            {
                unled++;
                continue;
            }

            var due = p.DueDate!.Value;
            var cause = $"plan-overdue:{p.Code}";
            var dueText = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            found.Add(new Candidate(
                OverdueTaskRule,
                cause,
                $"{cause}#{dueText}",
                due,
                due,
                lead,
                Clip($"逾期未完成:{p.Title}(应于{dueText}完成)/ past due: {p.Code} (due {dueText})"),
                $"计划项 {p.Code}「{p.Title}」应于{dueText}完成,截至{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}未报完成 / plan item {p.Code} was due {dueText} and is not reported done",
                SupervisionSource.OverdueTask,
                PlanItemId: p.Id));
        }

        if (unled > 0)
        {
            notes.Add($"{unled}个逾期计划项未设牵头单位,未开事项 / {unled} overdue plan items have no lead unit: not opened");
        }

        return found;
    }

    /// <summary>
    /// Each unit on the monthly reporting calendar whose latest month due has no submitted report. One cause per
    /// unit: while an item chases the unit's reports, a later missing month waits for it rather than opening another.
    /// </summary>
    private async Task<List<Candidate>> MissingReports(DateOnly date, Dictionary<int, UnitInfo> units, CancellationToken ct)
    {
        var calendar = await (from a in db.ReportingAssignments.AsNoTracking()
                              join i in db.Indicators on a.IndicatorId equals i.Id
                              where i.Frequency == Frequency.Month
                              group i.DueDay by a.OrgUnitId into g
                              select new { OrgUnitId = g.Key, DueDay = g.Min() }).ToListAsync(ct);
        if (calendar.Count == 0)
        {
            return [];
        }

        // The latest month each unit owes: due before today (a report is missing from the day after its due date).
        var owed = calendar.Where(c => units.ContainsKey(c.OrgUnitId)).Select(c =>
        {
            var month = Period.Containing(Frequency.Month, date).Previous;
            while (month.DueDate(c.DueDay) >= date)
            {
                month = month.Previous;
            }

            return (Unit: units[c.OrgUnitId], c.DueDay, Month: month);
        }).ToList();
        var ids = owed.Select(o => o.Unit.Id).ToList();
        var years = owed.Select(o => o.Month.Year).Distinct().ToList();
        var codes = years.SelectMany(y => Enumerable.Range(1, 12).Select(m => Period.OfMonth(y, m).ToString())).ToList();
        var submitted = (await db.Reports.AsNoTracking()
            .Where(r => ids.Contains(r.OrgUnitId) && codes.Contains(r.PeriodCode) && r.FirstSubmittedOn != null)
            .Select(r => new { r.OrgUnitId, r.PeriodCode }).ToListAsync(ct))
            .Select(r => (r.OrgUnitId, r.PeriodCode)).ToHashSet();

        var found = new List<Candidate>();
        foreach (var (unit, dueDay, month) in owed.OrderBy(o => o.Unit.Path, StringComparer.Ordinal))
        {
            if (submitted.Contains((unit.Id, month.ToString())))
            {
                continue;
            }

            var due = month.DueDate(dueDay);
            var dueText = Iso(due);
            var earlier = new List<string>();
            for (var m = Period.OfMonth(month.Year, 1); m < month; m = m.Next)
            {
                if (!submitted.Contains((unit.Id, m.ToString())))
                {
                    earlier.Add(m.ToString());
                }
            }

            var cause = MissingReportCause + unit.Code;
            var also = earlier.Count == 0 ? (Zh: string.Empty, En: string.Empty)
                : (Zh: $";今年另有{string.Join("、", earlier)}未报送", En: $"; also missing this year: {string.Join(", ", earlier)}");
            found.Add(new Candidate(
                MissingReportRule,
                cause,
                $"{cause}#{month}",
                due,
                due,
                unit.Id,
                Clip($"逾期未报送:{unit.Name}{month}月报(应于{dueText}前报送)/ report missing: {unit.Code} {month} (due {dueText})"),
                $"{unit.Name}({unit.Code}){month}月报应于{dueText}前报送,截至{Iso(date)}未报送{also.Zh} / {unit.Code}'s report for {month} was due {dueText} and is not submitted as of {Iso(date)}{also.En}",
                SupervisionSource.MissingReport));
        }

        return found;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Saves one item and its messages in one transaction; null when another server opened the same hit first.</summary>
    private async Task<int?> Open(Candidate c, int supervisingUnitId, DateOnly date, SupervisionOptions settings, CancellationToken ct)
    {
        var item = SupervisionItem.Create(c.Title, c.Source, c.LeadUnitId, supervisingUnitId, date.AddDays(settings.RuleDeadlineDays), SupervisionParticipant.System(actor.Name), clock.GetUtcNow());
        item.Describe(c.Title, Clip(c.Description, SupervisionItem.DescriptionMaxLength), SupervisionPriority.Normal);
        item.Link(c.PlanItemId, c.IndicatorId, c.IndicatorUnitId, null, null, null);
        item.RequireClearPeriods(c.ClearPeriods);
        item.AttributeToRule(c.CauseKey, c.RuleKey, c.CauseDate);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.SupervisionItems.Add(item);
            await db.SaveChangesAsync(ct);
            await notifications.Send(item, item.Events, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return item.Id;
        }
        catch (DbUpdateException)
        {
            // The unique rule key: the same hit was opened elsewhere a moment ago.
            await tx.RollbackAsync(ct);
            foreach (var entry in db.ChangeTracker.Entries().Where(x => x.State != EntityState.Unchanged || x.Entity == item || item.Events.Contains(x.Entity)).ToList())
            {
                entry.State = EntityState.Detached;
            }

            if (await db.SupervisionItems.AnyAsync(i => i.RuleKey == c.RuleKey, ct))
            {
                return null;
            }

            throw;
        }
    }

    private static string Clip(string text, int max = SupervisionItem.TitleMaxLength) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
