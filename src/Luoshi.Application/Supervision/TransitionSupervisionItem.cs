using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Application.Evaluation;
using Luoshi.Domain.Common;
using Luoshi.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Supervision;

/// <summary>
/// Makes one transition of an item (assign, accept, start, submit, verify, return, request / approve /
/// reject an extension, cancel) for the signed-in actor. The item decides whether the actor is the right
/// party (403) and whether the state allows it (409); this use case supplies the facts it needs — the
/// actor's standing, the linked indicator's recent statuses for a closure rule — and tells the units
/// concerned. A caller that sends the version it read gets 409 if the item moved since.
/// </summary>
public sealed class TransitionSupervisionItem(LuoshiDbContext db, ICurrentActor actor, LocalCalendar calendar, IndicatorStatuses indicators, SupervisionNotifications notifications)
{
    public sealed record Request(string? Comment = null, IReadOnlyList<string>? Evidence = null, DateOnly? Deadline = null, int? Version = null);

    public async Task<SupervisionItemView> Handle(int id, SupervisionAction action, Request r, CancellationToken ct)
    {
        if (!SupervisionWorkflow.Transitions.Contains(action))
        {
            throw InputRefusedException.Single("action", new Text("不是可执行的流转", $"not a transition: {action}"));
        }

        if (!actor.IsAuthenticated)
        {
            throw new UnauthenticatedException();
        }

        var item = await db.SupervisionItems.Include(i => i.SupportingUnits).Include(i => i.Events).Include(i => i.Indicators).AsSplitQuery().SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new NotFoundException(new Text("督办事项", "supervision item"), id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var lead = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == item.LeadUnitId, ct);
        var by = SupervisionParties.Of(actor, lead);
        if (r.Version is { } expected && expected != item.Version)
        {
            throw new ConflictException("version", new Text($"事项已被他人处理(当前版本 {item.Version})", $"the item was changed by someone else (now version {item.Version})"));
        }

        var now = calendar.UtcNow;
        var today = calendar.Today;
        int readVersion = item.Version;
        var e = action switch
        {
            SupervisionAction.Assign => item.Assign(by, now, r.Comment, r.Deadline),
            SupervisionAction.Accept => item.Accept(by, now, r.Comment),
            SupervisionAction.Start => item.Start(by, now, r.Comment),
            SupervisionAction.Submit => item.Submit(by, now, r.Comment, r.Evidence),
            SupervisionAction.Verify => item.Verify(by, now, r.Comment, r.Evidence, await ClosureFacts(item, today, ct)),
            SupervisionAction.Return => item.Return(by, now, r.Comment),
            SupervisionAction.RequestExtension => item.RequestExtension(by, now, r.Comment, r.Deadline),
            SupervisionAction.ApproveExtension => item.ApproveExtension(by, now, r.Comment, r.Deadline),
            SupervisionAction.RejectExtension => item.RejectExtension(by, now, r.Comment),
            _ => item.Cancel(by, now, r.Comment),
        };

        await notifications.Send(item, [e], ct);
        db.Entry(item).Property(i => i.Version).OriginalValue = readVersion;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || IsDuplicateEntry(ex))
        {
            // Two people moved the item at once: the other's change is in, this one is refused whole.
            throw new ConflictException("version", new Text("事项刚被他人处理,请刷新后重试", "someone else has just changed the item; reload and retry"));
        }

        return SupervisionViews.Full(item, await SupervisionViews.NamesFor(db, [item], ct), calendar);
    }

    /// <summary>
    /// The recent statuses of the linked indicator and of every figure the item lists, for items that carry a
    /// closure rule (null for the rest): all of them must be out of red for the item to close.
    /// </summary>
    private async Task<IReadOnlyList<Domain.Supervision.ClosureFigure>?> ClosureFacts(SupervisionItem item, DateOnly today, CancellationToken ct)
    {
        if (item.ClearPeriodsToClose is not { } n)
        {
            return null;
        }

        var cells = item.Indicators.Select(f => (f.IndicatorId, f.OrgUnitId)).ToList();
        if (item.IndicatorId is { } linked)
        {
            cells.Insert(0, (linked, item.IndicatorUnitId ?? item.LeadUnitId));
        }

        var indicatorIds = cells.Select(c => c.IndicatorId).Distinct().ToList();
        var unitIds = cells.Select(c => c.OrgUnitId).Distinct().ToList();
        var codes = await db.Indicators.AsNoTracking().Where(i => indicatorIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Code, ct);
        var orgs = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Code, ct);
        var figures = new List<Domain.Supervision.ClosureFigure>(cells.Count);
        foreach (var (indicatorId, unitId) in cells.Distinct())
        {
            var (code, org) = (codes[indicatorId], orgs[unitId]);
            figures.Add(new($"{code}@{org}", await indicators.Recent(code, org, today, n, ct)));
        }

        return figures;
    }

    private static bool IsDuplicateEntry(DbUpdateException ex) => Data.DatabaseConflict.IsDuplicate(ex);
}
