using Luoshi.Domain.Organization;

namespace Luoshi.Application.Organization;

/// <summary>An org unit as the API and CLI show it: codes, not ids, for every reference.</summary>
public sealed record OrgUnitView(int Id, string Code, string Name, OrgUnitKind Kind, string? Parent, string Path, int Version)
{
    public static OrgUnitView From(OrgUnit u) => new(u.Id, u.Code, u.Name, u.Kind, u.Parent?.Code, u.Path, u.Version);
}
