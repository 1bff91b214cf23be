using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Application.Evaluation;
using Luoshi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Supervision;

/// <summary>One item with its history (transitions, reminders and escalations, oldest first).</summary>
public sealed class GetSupervisionItem(LuoshiDbContext db, ICurrentActor actor, LocalCalendar calendar)
{
    public async Task<SupervisionItemView> Handle(int id, CancellationToken ct)
    {
        var item = await db.SupervisionItems.AsNoTracking().Include(i => i.SupportingUnits).Include(i => i.Events).Include(i => i.Indicators).AsSplitQuery().SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new NotFoundException(new Text("督办事项", "supervision item"), id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var unitIds = item.SupportingUnits.Select(s => s.OrgUnitId).Append(item.LeadUnitId).Append(item.SupervisingUnitId).ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToListAsync(ct);
        if (!SupervisionParties.CanRead(actor, units))
        {
            // Refused as for the lead unit, which names what the reader lacks.
            actor.Require(Domain.Identity.Permission.ReadAll, units.Single(u => u.Id == item.LeadUnitId));
        }

        return SupervisionViews.Full(item, await SupervisionViews.NamesFor(db, [item], ct), calendar);
    }
}
