using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Organization;

/// <summary>
/// Renames, re-kinds or moves an org unit. The caller sends the version it read; if someone changed
/// the unit since, the update is refused with 409 rather than silently overwriting their change.
/// </summary>
public sealed class UpdateOrgUnit(Data.LuoshiDbContext db, ICurrentActor actor)
{
    public sealed record Request(string? Name, OrgUnitKind? Kind, string? Parent, int? Version);

    public async Task<OrgUnitView> Handle(string code, Request request, CancellationToken ct)
    {
        if (request.Version is null)
        {
            throw InputRefusedException.Single("version", new Text("须提供读取时的版本号", "the version you read is required"));
        }

        var unit = await db.OrgUnits.Include(u => u.Parent).UnitByCodeAsync(code, ct);
        if (unit.Version != request.Version)
        {
            throw new ConflictException("version", new Text($"单位已被他人修改(当前版本 {unit.Version})", $"the unit was changed by someone else (now version {unit.Version})"));
        }

        OrgUnitLookup.RequireManage(actor, unit.Parent);
        var parent = await OrgUnitLookup.FindParent(db, request.Parent, ct);
        if (parent?.Id != unit.ParentId)
        {
            OrgUnitLookup.RequireManage(actor, parent);
        }

        var oldPath = unit.Path;
        if (request.Name is not null)
        {
            unit.Rename(request.Name);
        }

        unit.Place(request.Kind ?? unit.Kind, parent);

        if (unit.Path != oldPath)
        {
            var descendants = await db.OrgUnits.Where(u => u.Path.StartsWith(oldPath) && u.Id != unit.Id).ToListAsync(ct);
            foreach (var d in descendants)
            {
                d.FollowAncestor(oldPath, unit.Path);
            }
        }

        db.Entry(unit).Property(u => u.Version).OriginalValue = request.Version.Value;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", new Text("单位已被他人修改", "the unit was changed by someone else"));
        }

        return OrgUnitView.From(unit);
    }
}
