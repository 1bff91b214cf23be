using Luoshi.Application.Common;
using Luoshi.Application.Evaluation;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Reporting;

public enum ReportAction
{
    Submit,
    Approve,
    Return,
}

/// <summary>
/// Moves a report: the unit submits (blocked by errors and by unexplained warnings), a reviewer above it
/// approves — locking its values — or returns it with a reason. The report's values move with it, each
/// state change a new version of the value. An Admin may act for either party; that is recorded.
/// </summary>
public sealed class TransitionReport(Data.LuoshiDbContext db, GetReport reader, ICurrentActor actor, LocalCalendar calendar, Notifications.Notify notify)
{
    public async Task<ReportView> Handle(string? org, string? period, ReportAction action, string? comment, CancellationToken ct)
    {
        var content = await ReportContents.Load(db, org, period, track: true, ct);
        var permission = action == ReportAction.Submit ? Permission.WriteReadings : Permission.ReviewReadings;
        actor.Require(permission, content.Unit);
        bool onBehalf = !actor.Grants.Any(g => g.Role != Role.Admin && g.Role.Grants(permission) && Covers(g, content.Unit));
        var stamp = Stamp.Of(actor.Name, calendar.UtcNow, comment);
        var report = content.Report;
        if (report is null)
        {
            report = Report.Open(content.Unit.Id, content.Period, content.DueDate);
            db.Reports.Add(report);
        }

        ReadingState readingState;
        switch (action)
        {
            case ReportAction.Submit:
                if (!report.IsOpenForEntry)
                {
                    throw new DomainConflictException("state", new Text($"报表{Report.Describe(report.State)},不能再次报送", $"the report is {report.State.ToString().ToLowerInvariant()} and cannot be submitted"));
                }

                var blocking = (await reader.Problems(content, ct)).Where(p => p.Severity == RuleSeverity.Error || !p.Explained).ToList();
                if (blocking.Count > 0)
                {
                    throw new InputRefusedException([.. blocking.Select(p => new FieldError(p.Indicator, p.Message))], new Text("报表有未解决的问题,不能报送", "the report has unresolved problems and cannot be submitted"));
                }

                report.Submit(stamp, calendar.Today, onBehalf);
                readingState = ReadingState.Submitted;
                break;
            case ReportAction.Approve:
                report.Approve(stamp, onBehalf);
                readingState = ReadingState.Approved;
                break;
            default:
                report.Return(stamp, onBehalf);
                readingState = ReadingState.Returned;
                break;
        }

        var ids = content.Indicators.Select(i => i.Indicator.Id).ToList();
        var code = content.Period.ToString();
        foreach (var reading in await db.Readings.Where(r => r.OrgUnitId == content.Unit.Id && ids.Contains(r.IndicatorId) && r.PeriodCode == code).ToListAsync(ct))
        {
            reading.ChangeState(readingState, stamp);
        }

        await Announce(content, action, comment, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (report.Id == 0 || db.Entry(report).State == EntityState.Modified)
        {
            throw new ConflictException("state", new Text("报表刚被他人处理,请刷新", "someone else has just acted on this report; reload"));
        }

        return await reader.Handle(org, period, ct);
    }

    /// <summary>A submission goes to the reviewers above the unit; a return goes to the unit with its reason.</summary>
    private async Task Announce(ReportContent content, ReportAction action, string? comment, CancellationToken ct)
    {
        var unit = content.Unit;
        var period = content.Period.ToString();
        var link = $"/reporting/{unit.Code}/{period}";
        await notify.Prepare(ct);
        if (action == ReportAction.Return)
        {
            notify.Add(unit.Id, unit.Code, "reportReturned", new Text($"报表被退回:{unit.Name} {period}", $"report returned: {unit.Name} {period}").Bilingual,
                new Text($"退回理由:{comment}", $"reason: {comment}").Bilingual, null, link);
        }
        else if (action == ReportAction.Submit && unit.ParentId is { } parentId)
        {
            var parent = await db.OrgUnits.AsNoTracking().Where(u => u.Id == parentId).Select(u => u.Code).SingleAsync(ct);
            notify.Add(parentId, parent, "reportSubmitted", new Text($"报表待审核:{unit.Name} {period}", $"report to review: {unit.Name} {period}").Bilingual,
                new Text($"{unit.Name}已报送{period}报表", $"{unit.Name} has submitted its {period} report").Bilingual, null, link);
        }
    }

    private static bool Covers(ActorGrant grant, OrgUnit unit) => grant.ScopePath is null || unit.Path.StartsWith(grant.ScopePath, StringComparison.Ordinal);
}
