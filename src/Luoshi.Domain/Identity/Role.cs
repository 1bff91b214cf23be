namespace Luoshi.Domain.Identity;

/// <summary>What a user does; each grant of a role is bound to an org subtree.</summary>
public enum Role
{
    Admin = 1,
    Planner = 2,
    Reporter = 3,
    Reviewer = 4,
    Supervisor = 5,

    /// <summary>Reads everything, changes nothing.</summary>
    Leader = 6,

    /// <summary>Published (approved) data only.</summary>
    Public = 7,
}

/// <summary>What may be done. Roles map to permissions in one table (<see cref="Permissions"/>).</summary>
public enum Permission
{
    ReadPublished = 1,
    ReadAll,
    ManageOrgUnits,
    ManagePlans,
    ManageIndicators,
    ManageTargets,
    WriteReadings,
    ReviewReadings,
    Supervise,
    ReadAudit,
    ManageUsers,

    /// <summary>Work on a supervision item as its lead unit (签收, 办理, 报结, 延期申请): held over the unit one works for.</summary>
    HandleSupervision,
}

public static class Permissions
{
    private static readonly Dictionary<Role, Permission[]> Table = new()
    {
        [Role.Admin] = Enum.GetValues<Permission>(),
        [Role.Planner] = [Permission.ReadPublished, Permission.ReadAll, Permission.ManagePlans, Permission.ManageIndicators, Permission.ManageTargets, Permission.HandleSupervision],
        [Role.Reporter] = [Permission.ReadPublished, Permission.ReadAll, Permission.WriteReadings, Permission.HandleSupervision],
        [Role.Reviewer] = [Permission.ReadPublished, Permission.ReadAll, Permission.ReviewReadings, Permission.HandleSupervision],
        [Role.Supervisor] = [Permission.ReadPublished, Permission.ReadAll, Permission.Supervise, Permission.HandleSupervision],
        [Role.Leader] = [Permission.ReadPublished, Permission.ReadAll, Permission.ReadAudit],
        [Role.Public] = [Permission.ReadPublished],
    };

    public static bool Grants(this Role role, Permission permission) => Table[role].Contains(permission);

    /// <summary>The roles that hold a permission (for endpoint policies).</summary>
    public static IReadOnlyList<Role> Holding(Permission permission) => [.. Table.Where(t => t.Value.Contains(permission)).Select(t => t.Key)];
}
