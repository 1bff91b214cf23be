using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Domain.Common;
using Luoshi.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Supervision;

/// <summary>
/// The transitions the signed-in actor may make on an item now (the right party, from its state), each saying
/// whether an Admin would act on a party's behalf: what the item page offers as forms. Whoever may read the
/// item may ask; the transition itself is still decided when it is made.
/// </summary>
public sealed class AvailableTransitions(LuoshiDbContext db, ICurrentActor actor)
{
    public async Task<IReadOnlyList<SupervisionOption>> Handle(int id, CancellationToken ct)
    {
        var item = await db.SupervisionItems.AsNoTracking().Include(i => i.SupportingUnits).SingleOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new NotFoundException(new Text("督办事项", "supervision item"), id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var unitIds = item.SupportingUnits.Select(s => s.OrgUnitId).Append(item.LeadUnitId).Append(item.SupervisingUnitId).ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToListAsync(ct);
        var lead = units.Single(u => u.Id == item.LeadUnitId);
        if (!SupervisionParties.CanRead(actor, units))
        {
            actor.Require(Domain.Identity.Permission.ReadAll, lead);
        }

        return actor.IsAuthenticated ? item.OptionsFor(SupervisionParties.Of(actor, lead)) : [];
    }
}
