using Luoshi.Application.Common;
using Luoshi.Application.Evaluation;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Reporting;

public sealed record TimelinessCell(string Period, Timeliness Timeliness, DateOnly DueDate, DateOnly? SubmittedOn);

public sealed record TimelinessRow(string Org, string OrgName, IReadOnlyList<TimelinessCell> Cells, int OnTime, int Late, int Missing);

public sealed record TimelinessView(string From, string To, DateOnly AsOf, int OnTime, int Late, int Missing, IReadOnlyList<TimelinessRow> Units, IReadOnlyList<string> NeverUpdated);

/// <summary>
/// Timeliness over units and months: on time, late or missing per unit per month, totals, and the units
/// that never submitted anything in the range — the "owners who never update" that trackers lose sight of.
/// </summary>
public sealed class TimelinessReport(Data.LuoshiDbContext db, ICurrentActor actor, LocalCalendar calendar)
{
    public const int MaxPeriods = 36;

    public async Task<TimelinessView> Handle(string? from, string? to, string? under, DateOnly? asOf, CancellationToken ct)
    {
        var today = asOf ?? calendar.Today;
        var last = string.IsNullOrWhiteSpace(to) ? Evaluate.LatestDueMonth(today) : ReportContents.ParsePeriod(to);
        var first = string.IsNullOrWhiteSpace(from) ? Period.OfMonth(last.Year, 1) : ReportContents.ParsePeriod(from);
        if (first.Kind != Frequency.Month || last.Kind != Frequency.Month || first > last)
        {
            throw new DomainException("from", new Text("时限报告按月,起止须为月份且由早到晚", "timeliness runs over months: from and to are months, from first"));
        }

        var periods = new List<Period>();
        for (var p = first; p <= last; p = p.Next)
        {
            periods.Add(p);
            if (periods.Count > MaxPeriods)
            {
                throw new DomainException("from", new Text($"最多{MaxPeriods}个月", $"at most {MaxPeriods} months"));
            }
        }

        var root = string.IsNullOrWhiteSpace(under) ? null : await ReportContents.Unit(db, under, ct);
        if (root is null)
        {
            actor.RequireEverywhere(Permission.ReadAll);
        }
        else
        {
            actor.Require(Permission.ReadAll, root);
        }

        // Units that report something monthly, with the earliest due day among what they report.
        var reporting = await (from a in db.ReportingAssignments.AsNoTracking()
                               join i in db.Indicators on a.IndicatorId equals i.Id
                               join u in db.OrgUnits on a.OrgUnitId equals u.Id
                               where i.Frequency == Frequency.Month && (root == null || u.Path.StartsWith(root.Path))
                               group i.DueDay by new { u.Id, u.Code, u.Name, u.Path } into g
                               select new { g.Key.Id, g.Key.Code, g.Key.Name, g.Key.Path, DueDay = g.Min() }).ToListAsync(ct);
        var ids = reporting.Select(u => u.Id).ToList();
        var codes = periods.Select(p => p.ToString()).ToList();
        var reports = await db.Reports.AsNoTracking().Where(r => ids.Contains(r.OrgUnitId) && codes.Contains(r.PeriodCode))
            .Select(r => new { r.OrgUnitId, r.PeriodCode, r.FirstSubmittedOn }).ToListAsync(ct);
        var submitted = reports.ToDictionary(r => (r.OrgUnitId, r.PeriodCode), r => r.FirstSubmittedOn);

        var rows = new List<TimelinessRow>();
        foreach (var u in reporting.OrderBy(u => u.Path, StringComparer.Ordinal))
        {
            var cells = periods.Select(p =>
            {
                var due = p.DueDate(u.DueDay);
                var on = submitted.GetValueOrDefault((u.Id, p.ToString()));
                return new TimelinessCell(p.ToString(), TimelinessRules.Judge(due, on, today), due, on);
            }).ToList();
            rows.Add(new TimelinessRow(u.Code, u.Name, cells, cells.Count(c => c.Timeliness == Timeliness.OnTime), cells.Count(c => c.Timeliness == Timeliness.Late), cells.Count(c => c.Timeliness == Timeliness.Missing)));
        }

        var never = rows.Where(r => r.Cells.All(c => c.SubmittedOn is null) && r.Missing > 0).Select(r => r.Org).ToList();
        return new TimelinessView(first.ToString(), last.ToString(), today, rows.Sum(r => r.OnTime), rows.Sum(r => r.Late), rows.Sum(r => r.Missing), rows, never);
    }
}
