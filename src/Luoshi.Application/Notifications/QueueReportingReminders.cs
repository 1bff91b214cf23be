using System.Globalization;
using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Domain.Common;
using Luoshi.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Application.Notifications;

/// <summary>
/// Reporting reminders (催报) for one day, from the reporting calendar (a unit's monthly report is due on the earliest due
/// day among the indicators it reports, as timeliness and the missing-report rule judge it): a few days before the due
/// day, on it, and every few days after it while the report is not submitted; a report waiting for approval reminds the
/// reviewers above its unit; a returned report not submitted again reminds its unit, with the reason. Each message names
/// the unit, the period and what is missing, and links to the entry grid. Every message carries a key of its kind, unit,
/// period and day, so running a day twice queues nothing twice.
/// </summary>
public sealed class QueueReportingReminders(LuoshiDbContext db, Notify notify, IOptions<NotificationOptions> options, LocalCalendar calendar)
{
    /// <summary>Missing reports are recalled for at most this long after their due day; older gaps are the timeliness report's.</summary>
    public const int LookBackDays = 62;

    public sealed record Result(DateOnly Day, int Queued, int AlreadyQueued)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Day:yyyy-MM-dd}: {Queued} reminders queued, {AlreadyQueued} already queued");
    }

    private sealed record Reminder(int UnitId, string UnitCode, string Kind, string Period, Text Title, Text Body, string Link);

    public async Task<Result> Handle(DateOnly? asOf, CancellationToken ct)
    {
        var day = asOf ?? calendar.Today;
        var settings = options.Value.Reminders;
        var units = await db.OrgUnits.AsNoTracking().Select(u => new { u.Id, u.Code, u.Name, u.ParentId }).ToDictionaryAsync(u => u.Id, ct);
        var assigned = await (from a in db.ReportingAssignments.AsNoTracking()
                              join i in db.Indicators.AsNoTracking() on a.IndicatorId equals i.Id
                              where i.Frequency == Frequency.Month && i.FormulaText == null
                              select new { a.OrgUnitId, i.Id, i.Name, i.DueDay, a.Compulsory }).ToListAsync(ct);
        var reminders = new List<Reminder>();

        // Missing reports: months whose due day lies between LookBackDays ago and DaysBefore from now.
        var months = new List<Period>();
        for (var p = Period.Containing(Frequency.Month, day); p.DueDate(1) >= day.AddDays(-LookBackDays - 31); p = p.Previous)
        {
            months.Add(p);
        }

        var codes = months.Select(m => m.ToString()).ToList();
        var unitIds = assigned.Select(a => a.OrgUnitId).Distinct().ToList();
        var reports = await db.Reports.AsNoTracking().Where(r => unitIds.Contains(r.OrgUnitId) && codes.Contains(r.PeriodCode))
            .Select(r => new { r.OrgUnitId, r.PeriodCode, r.State }).ToListAsync(ct);
        var state = reports.ToDictionary(r => (r.OrgUnitId, r.PeriodCode), r => r.State);
        var values = (await db.Readings.AsNoTracking().Where(r => unitIds.Contains(r.OrgUnitId) && codes.Contains(r.PeriodCode) && r.Value != null)
            .Select(r => new { r.OrgUnitId, r.IndicatorId, r.PeriodCode }).ToListAsync(ct)).Select(r => (r.OrgUnitId, r.IndicatorId, r.PeriodCode)).ToHashSet();

        foreach (var group in assigned.GroupBy(a => a.OrgUnitId))
        {
            var unit = units[group.Key];
            int dueDay = group.Min(a => a.DueDay);
            foreach (var month in months)
            {
                var period = month.ToString();
                var due = month.DueDate(dueDay);
                if (state.TryGetValue((unit.Id, period), out var s) && s != ReportState.Draft)
                {
                    continue;
                }

                int late = day.DayNumber - due.DayNumber;
                (string Kind, Text Label)? when =
                    settings.DaysBefore > 0 && late == -settings.DaysBefore ? ("reportDueSoon", new Text($"{settings.DaysBefore}天后截止", $"due in {settings.DaysBefore} days")) :
                    late == 0 ? ("reportDueToday", new Text("今天截止", "due today")) :
                    late > 0 && late <= LookBackDays && (late - 1) % settings.RepeatDays == 0 ? ("reportOverdue", new Text($"已逾期{late}天", $"{late} days overdue")) :
                    null;
                if (when is not { } w)
                {
                    continue;
                }

                var missing = group.Where(a => !values.Contains((unit.Id, a.Id, period))).OrderByDescending(a => a.Compulsory).ThenBy(a => a.Name, StringComparer.Ordinal).Select(a => a.Name).ToList();
                var what = missing.Count == 0
                    ? new Text("数据已填齐,尚未报送", "all values entered, not yet submitted")
                    : new Text($"尚缺{missing.Count}项:{List(missing, "、")}", $"{missing.Count} missing: {List(missing, ", ")}");
                reminders.Add(new Reminder(unit.Id, unit.Code, w.Kind, period,
                    new Text($"催报:{unit.Name} {period} 月报{w.Label.Zh}({due:yyyy-MM-dd})", $"reminder: {unit.Name}'s {period} report is {w.Label.En} ({due:yyyy-MM-dd})"),
                    what, $"/reporting/{unit.Code}/{period}"));
            }
        }

        // Reports waiting on someone: submitted and not yet approved, returned and not yet submitted again.
        var waiting = await db.Reports.AsNoTracking().Where(r => r.State == ReportState.Submitted || r.State == ReportState.Returned)
            .Select(r => new { r.OrgUnitId, r.PeriodCode, r.State, Last = r.Transitions.OrderByDescending(t => t.Id).Select(t => new { t.At, t.Comment }).FirstOrDefault() })
            .ToListAsync(ct);
        foreach (var r in waiting.Where(r => r.Last is not null && units.ContainsKey(r.OrgUnitId)))
        {
            var unit = units[r.OrgUnitId];
            int days = day.DayNumber - calendar.DayOf(r.Last!.At).DayNumber;
            int every = r.State == ReportState.Submitted ? settings.ApprovalDays : settings.ReturnedDays;
            if (days < every || days % every != 0)
            {
                continue;
            }

            var link = $"/reporting/{unit.Code}/{r.PeriodCode}";
            if (r.State == ReportState.Submitted)
            {
                // Reviewers sit above the unit; the top unit reviews its own.
                var reviewers = unit.ParentId is { } parent && units.TryGetValue(parent, out var up) ? up : unit;
                reminders.Add(new Reminder(reviewers.Id, reviewers.Code, "reportAwaitingApproval", r.PeriodCode,
                    new Text($"待审核:{unit.Name} {r.PeriodCode} 报表已报送{days}天", $"awaiting your approval: {unit.Name}'s {r.PeriodCode} report, submitted {days} days ago"),
                    new Text("请审核通过或退回", "approve it or return it"), link));
            }
            else
            {
                var reason = r.Last.Comment ?? string.Empty;
                reminders.Add(new Reminder(unit.Id, unit.Code, "reportReturnedPending", r.PeriodCode,
                    new Text($"退回未重报:{unit.Name} {r.PeriodCode} 报表退回已{days}天", $"returned, not resubmitted: {unit.Name}'s {r.PeriodCode} report, returned {days} days ago"),
                    new Text($"退回理由:{reason}", $"reason: {reason}"), link));
            }
        }

        var stamp = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var keyed = reminders.Select(r => (Key: $"{r.Kind}:{r.UnitCode}:{r.Period}:{stamp}", Reminder: r)).DistinctBy(x => x.Key).ToList();
        var keys = keyed.Select(x => x.Key).ToList();
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(500))
        {
            existing.UnionWith(await db.Notifications.AsNoTracking().Where(n => n.Key != null && chunk.Contains(n.Key)).Select(n => n.Key!).ToListAsync(ct));
        }

        var fresh = keyed.Where(x => !existing.Contains(x.Key)).ToList();
        await notify.Prepare(ct);
        foreach (var (key, r) in fresh)
        {
            notify.Add(r.UnitId, r.UnitCode, r.Kind, r.Title.Bilingual, r.Body.Bilingual, null, r.Link, urgent: false, key);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A run beside this one queued the same day's reminders first: the unique key kept them single.
            db.ChangeTracker.Clear();
            return new Result(day, 0, keyed.Count);
        }

        return new Result(day, fresh.Count, existing.Count);
    }

    private static string List(IReadOnlyList<string> names, string separator) =>
        names.Count <= 5 ? string.Join(separator, names) : string.Join(separator, names.Take(5)) + separator + "…";
}
