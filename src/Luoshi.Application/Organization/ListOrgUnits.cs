using Luoshi.Application.Common;
using Luoshi.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Organization;

/// <summary>Lists org units, optionally of one kind, children of one parent, or within a subtree; in tree order.</summary>
public sealed class ListOrgUnits(Data.LuoshiDbContext db)
{
    public sealed record Query(OrgUnitKind? Kind = null, string? Parent = null, string? Under = null);

    public async Task<IReadOnlyList<OrgUnitView>> Handle(Query query, CancellationToken ct)
    {
        var units = db.OrgUnits.AsNoTracking().Include(u => u.Parent).AsQueryable();
        if (query.Kind is { } kind)
        {
            units = units.Where(u => u.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(query.Parent))
        {
            var parent = query.Parent.Trim();
            units = units.Where(u => u.Parent != null && u.Parent.Code == parent);
        }

        if (!string.IsNullOrWhiteSpace(query.Under))
        {
            var root = await db.OrgUnits.AsNoTracking().UnitByCodeAsync(query.Under, ct);
            units = units.Where(u => u.Path.StartsWith(root.Path));
        }

        var list = await units.ToListAsync(ct);
        return [.. list.OrderBy(u => u.Kind == OrgUnitKind.Reference).ThenBy(u => u.Path, StringComparer.Ordinal).Select(OrgUnitView.From)];
    }
}
