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
/// nothing to do. Items are worked through in short batches, each saved in a transaction of its own
/// (<see cref="JobBatches"/>), so that people's writes go through meanwhile; an item someone moved at the same
/// moment is left to them and picked up by the next run, without holding up the rest.
/// </summary>
public sealed class EscalateOverdue(LuoshiDbContext db, ICurrentActor actor, LocalCalendar calendar, IOptions<SupervisionOptions> options, SupervisionNotifications notifications)
{
    public sealed record Escalation(int Id, string Title, string LeadOrg, DateOnly Deadline, int DaysOverdue, int FromLevel, int ToLevel);

    public sealed record Reminder(int Id, string Title, string LeadOrg, DateOnly Deadline, int DaysLeft);

    public sealed record Result(DateOnly AsOf, IReadOnlyList<Escalation> Escalated, IReadOnlyList<Reminder> Reminded, int Skipped)
    {
        public WriteStats? Writes { get; init; }
    }

    /// <summary>Rows an item may write: itself, up to three escalations and a reminder, and their messages (up to six, each with its outbox copy).</summary>
    private const int RowsPerItem = 16;

    private sealed record Step(SupervisionItem Item, int Before, List<SupervisionEvent> Events, SupervisionEvent? Reminder);

    public async Task<Result> Handle(DateOnly? asOf, CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.Supervise);
        var settings = options.Value;
        var date = asOf ?? calendar.Today;
        var horizon = date.AddDays(settings.Reminders.Longest);
        var ids = await db.SupervisionItems.AsNoTracking()
            .Where(i => (i.State == SupervisionState.Assigned || i.State == SupervisionState.Accepted || i.State == SupervisionState.InProgress
                         || i.State == SupervisionState.Returned || i.State == SupervisionState.ExtensionRequested) && i.Deadline <= horizon)
            .OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(ct);
        var codes = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code, ct);
        await notifications.Prepare(ct);

        var escalated = new List<Escalation>();
        var reminded = new List<Reminder>();
        var batches = new JobBatches(db);
        int skipped = 0;
        foreach (var chunk in JobBatches.Split(ids, _ => RowsPerItem))
        {
            // Worked out before the transaction opens: reading and deciding hold no lock.
            var steps = await Steps(chunk, date, settings, ct);
            if (steps.Count == 0)
            {
                batches.Skip();
                continue;
            }

            try
            {
                await batches.Write(c => db.SaveChangesAsync(c), ct);
            }
            catch (DbUpdateException)
            {
                // Someone moved one of these items meanwhile: their change stands. The others are saved one by one,
                // each worked out again from what is stored now; the moved one is skipped and looked at next run.
                steps = [];
                foreach (var id in chunk)
                {
                    var single = await Steps([id], date, settings, ct);
                    if (single.Count == 0)
                    {
                        batches.Skip();
                        continue;
                    }

                    try
                    {
                        await batches.Write(c => db.SaveChangesAsync(c), ct);
                        steps.AddRange(single);
                    }
                    catch (DbUpdateException)
                    {
                        skipped++;
                    }
                }
            }

            foreach (var (item, before, _, reminder) in steps)
            {
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
        }

        return new Result(date, escalated, reminded, skipped) { Writes = batches.Stats };
    }

    /// <summary>Loads the items (tracked), escalates and reminds them in memory and adds their messages; those that changed.</summary>
    private async Task<List<Step>> Steps(IReadOnlyCollection<int> ids, DateOnly date, SupervisionOptions settings, CancellationToken ct)
    {
        var items = await db.SupervisionItems.Include(i => i.SupportingUnits).Where(i => ids.Contains(i.Id)).OrderBy(i => i.Id).ToListAsync(ct);
        var steps = new List<Step>();
        foreach (var item in items)
        {
            var now = calendar.UtcNow;
            int before = item.EscalationLevel;
            var events = item.Escalate(date, settings.Ladder, actor.Name, now).ToList();
            var reminder = item.Remind(date, settings.Reminders, actor.Name, now);
            if (reminder is not null)
            {
                events.Add(reminder);
            }

            if (events.Count > 0)
            {
                await notifications.Send(item, events, ct);
                steps.Add(new Step(item, before, events, reminder));
            }
        }

        return steps;
    }
}
