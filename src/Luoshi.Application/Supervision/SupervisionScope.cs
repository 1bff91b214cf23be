using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Supervision;

/// <summary>
/// The items whose lead unit lies in a subtree (or everywhere, for whoever reads everything), as lists,
/// the board, the overdue list and the metrics read them.
/// </summary>
internal static class SupervisionScope
{
    public static async Task<(string? Org, IQueryable<SupervisionItem> Items)> Resolve(LuoshiDbContext db, ICurrentActor actor, string? org, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(org))
        {
            actor.RequireEverywhere(Permission.ReadAll);
            return (null, db.SupervisionItems.AsNoTracking());
        }

        var unit = await db.OrgUnits.AsNoTracking().UnitByCodeAsync(org, ct);
        actor.Require(Permission.ReadAll, unit);
        var ids = db.OrgUnits.Where(u => u.Path.StartsWith(unit.Path)).Select(u => u.Id);
        return (unit.Code, db.SupervisionItems.AsNoTracking().Where(i => ids.Contains(i.LeadUnitId)));
    }
}
