using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Application.Evaluation;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Application.Supervision;

/// <summary>
/// The calendar's part of the closed loop, as of a date (default today in China): reminds lead units of
/// deadlines that are near, and climbs the escalation ladder for items overdue, recording each step in the
/// item's history and telling its audience. Idempotent: run twice for the same day, the second run finds
/// nothing to do. Each item is saved on its own, so that a person moving one item at the same moment does
/// not hold up the rest (that item is picked up by the next run).
/// </summary>
public sealed class EscalateOverdue(LuoshiDbContext db, ICurrentActor actor, TimeProvider clock, IOptions<SupervisionOptions> options, SupervisionNotifications notifications)
{
    public sealed record Escalation(int Id, string Title, string LeadOrg, DateOnly Deadline, int DaysOverdue, int FromLevel, int ToLevel);

    public sealed record Reminder(int Id, string Title, string LeadOrg, DateOnly Deadline, int DaysLeft);

    public sealed record Result(DateOnly AsOf, IReadOnlyList<Escalation> Escalated, IReadOnlyList<Reminder> Reminded, int Skipped);

    public async Task<Result> Handle(DateOnly? asOf, CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.Supervise);
        var settings = options.Value;
        var ladder = settings.Ladder;
        var reminders = settings.Reminders;
        var date = asOf ?? Evaluate.Today(clock);
        var horizon = date.AddDays(reminders.Longest);
        var items = await db.SupervisionItems.Include(i => i.SupportingUnits)
            .Where(i => (i.State == SupervisionState.Assigned || i.State == SupervisionState.Accepted || i.State == SupervisionState.InProgress
                         || i.State == SupervisionState.Returned || i.State == SupervisionState.ExtensionRequested) && i.Deadline <= horizon)
            .OrderBy(i => i.Id).ToListAsync(ct);
        var codes = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code, ct);

        var escalated = new List<Escalation>();
        var reminded = new List<Reminder>();
        int skipped = 0;
        foreach (var item in items)
        {
            var now = clock.GetUtcNow();
            int before = item.EscalationLevel;
            var events = item.Escalate(date, ladder, actor.Name, now).ToList();
            var reminder = item.Remind(date, reminders, actor.Name, now);
            if (reminder is not null)
            {
                events.Add(reminder);
            }

            if (events.Count == 0)
            {
                continue;
            }

            await notifications.Send(item, events, ct);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Someone moved the item meanwhile; their change stands and the next run looks at it again. Earlier
                // items are saved already, so only this item's pending changes are dropped.
                foreach (var entry in db.ChangeTracker.Entries().Where(x => x.State != EntityState.Unchanged).ToList())
                {
                    entry.State = EntityState.Detached;
                }

                skipped++;
                continue;
            }

            var lead = codes.GetValueOrDefault(item.LeadUnitId, "?");
            if (item.EscalationLevel > before)
            {
                escalated.Add(new Escalation(item.Id, item.Title, lead, item.Deadline, item.DaysOverdue(date), before, item.EscalationLevel));
            }

            if (reminder is not null)
            {
                reminded.Add(new Reminder(item.Id, item.Title, lead, item.Deadline, item.Deadline.DayNumber - date.DayNumber));
            }
        }

        return new Result(date, escalated, reminded, skipped);
    }
}
