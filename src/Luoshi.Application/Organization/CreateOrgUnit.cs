using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Organization;

public sealed class CreateOrgUnit(Data.LuoshiDbContext db, ICurrentActor actor)
{
    public sealed record Request(string? Code, string? Name, OrgUnitKind? Kind, string? Parent);

    public async Task<OrgUnitView> Handle(Request request, CancellationToken ct)
    {
        if (request.Kind is null)
        {
            throw InputRefusedException.Single("kind", new Text("单位类型不能为空", "kind is required"));
        }

        var parent = await OrgUnitLookup.FindParent(db, request.Parent, ct);
        OrgUnitLookup.RequireManage(actor, parent);
        var unit = OrgUnit.Create(request.Code!, request.Name!, request.Kind.Value, parent);

        if (await db.OrgUnits.AnyAsync(u => u.Code == unit.Code, ct))
        {
            throw new ConflictException("code", new Text($"单位代码 {unit.Code} 已存在", $"org unit code {unit.Code} already exists"));
        }

        db.OrgUnits.Add(unit);
        await db.SaveChangesAsync(ct);
        return OrgUnitView.From(unit);
    }
}

internal static class OrgUnitLookup
{
    /// <summary>Managing units under a parent needs the permission over that parent; roots need it over everything.</summary>
    public static void RequireManage(ICurrentActor actor, OrgUnit? parent)
    {
        if (parent is null)
        {
            actor.RequireEverywhere(Permission.ManageOrgUnits);
        }
        else
        {
            actor.Require(Permission.ManageOrgUnits, parent);
        }
    }

    public static async Task<OrgUnit?> FindParent(Data.LuoshiDbContext db, string? parentCode, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(parentCode))
        {
            return null;
        }

        return await db.OrgUnits.SingleOrDefaultAsync(u => u.Code == parentCode.Trim(), ct)
            ?? throw InputRefusedException.Single("parent", new Text($"上级单位 {Parsing.Clip(parentCode)} 不存在", $"parent unit '{Parsing.Clip(parentCode)}' does not exist"));
    }
}
