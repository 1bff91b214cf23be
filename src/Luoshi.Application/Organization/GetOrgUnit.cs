using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Organization;

public sealed class GetOrgUnit(Data.LuoshiDbContext db)
{
    public async Task<OrgUnitView> Handle(string code, CancellationToken ct)
    {
        var unit = await db.OrgUnits.AsNoTracking().Include(u => u.Parent).SingleOrDefaultAsync(u => u.Code == code, ct)
            ?? throw new NotFoundException(new Text("单位", "org unit"), code);
        return OrgUnitView.From(unit);
    }
}
