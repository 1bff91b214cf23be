using Luoshi.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Organization;

public sealed class GetOrgUnit(Data.LuoshiDbContext db)
{
    public async Task<OrgUnitView> Handle(string code, CancellationToken ct)
    {
        var unit = await db.OrgUnits.AsNoTracking().Include(u => u.Parent).UnitByCodeAsync(code, ct);
        return OrgUnitView.From(unit);
    }
}
