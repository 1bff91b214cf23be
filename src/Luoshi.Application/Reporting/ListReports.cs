using Luoshi.Application.Common;
using Luoshi.Application.Evaluation;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Reporting;

/// <summary>A report in a list: whose, which period, where it stands, and whether the reader may decide on it.</summary>
public sealed record ReportSummaryView(
    string Org,
    string OrgName,
    string Period,
    ReportState State,
    DateOnly DueDate,
    DateOnly? FirstSubmittedOn,
    Timeliness Timeliness,
    string? LastActor,
    DateTimeOffset? LastAt,
    string? LastComment,
    bool CanReview);

/// <summary>
/// The reports the reader may see, newest period first — by default those waiting for review: the review
/// queue of a reviewer is the submitted reports of the units under their grants.
/// </summary>
public sealed class ListReports(Data.LuoshiDbContext db, ICurrentActor actor, LocalCalendar calendar)
{
    public const int MaxRows = 500;

    public sealed record Query(ReportState? State = ReportState.Submitted, string? Under = null, string? Period = null, bool ReviewableOnly = false);

    public async Task<IReadOnlyList<ReportSummaryView>> Handle(Query q, CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
        {
            throw new UnauthenticatedException();
        }

        var readable = actor.Grants.Where(g => g.Role.Grants(Permission.ReadAll)).Select(g => g.ScopePath).ToList();
        if (readable.Count == 0)
        {
            throw new ForbiddenException(new Text($"无权查看报表({Permission.ReadAll})", $"you do not hold the permission {Permission.ReadAll}"));
        }

        var rows = from r in db.Reports.AsNoTracking()
                   join u in db.OrgUnits on r.OrgUnitId equals u.Id
                   select new { Report = r, u.Code, u.Name, u.Path };
        if (q.State is { } state)
        {
            rows = rows.Where(x => x.Report.State == state);
        }

        if (!string.IsNullOrWhiteSpace(q.Period))
        {
            var period = ReportContents.ParsePeriod(q.Period).ToString();
            rows = rows.Where(x => x.Report.PeriodCode == period);
        }

        if (!string.IsNullOrWhiteSpace(q.Under))
        {
            var root = await ReportContents.Unit(db, q.Under, ct);
            actor.Require(Permission.ReadAll, root);
            rows = rows.Where(x => x.Path.StartsWith(root.Path));
        }

        // Only what the reader's grants cover: the whole tree, or the subtrees they hold a reading role over
        // (a handful of grants at most, so the paths are matched here rather than in SQL).
        var everywhere = readable.Contains(null);
        var list = (await rows.OrderByDescending(x => x.Report.PeriodCode).ThenBy(x => x.Path)
                .Select(x => new { x.Report.Id, x.Code, x.Name, x.Path, x.Report.PeriodCode, x.Report.State, x.Report.DueDate, x.Report.FirstSubmittedOn })
                .ToListAsync(ct))
            .Where(x => everywhere || readable.Any(p => x.Path.StartsWith(p!, StringComparison.Ordinal)))
            .Take(MaxRows)
            .ToList();
        var ids = list.Select(x => x.Id).ToList();
        var last = (await db.Set<ReportTransition>().AsNoTracking().Where(t => ids.Contains(t.ReportId))
                .Select(t => new { t.ReportId, t.Id, t.Actor, t.At, t.Comment }).ToListAsync(ct))
            .GroupBy(t => t.ReportId).ToDictionary(g => g.Key, g => g.MaxBy(t => t.Id)!);
        var today = calendar.Today;
        var reviewing = actor.Grants.Where(g => g.Role.Grants(Permission.ReviewReadings)).Select(g => g.ScopePath).ToList();
        return [.. list
            .Select(x =>
            {
                var t = last.GetValueOrDefault(x.Id);
                bool canReview = reviewing.Any(p => p is null || x.Path.StartsWith(p, StringComparison.Ordinal));
                return new ReportSummaryView(x.Code, x.Name, x.PeriodCode, x.State, x.DueDate, x.FirstSubmittedOn, TimelinessRules.Judge(x.DueDate, x.FirstSubmittedOn, today), t?.Actor, t?.At, t?.Comment, canReview);
            })
            .Where(r => !q.ReviewableOnly || r.CanReview)];
    }
}
