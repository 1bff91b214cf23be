using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Organization;

namespace Luoshi.Application.Common;

/// <summary>A role held over the org subtree whose path is <see cref="ScopePath"/> (null: everything).</summary>
public sealed record ActorGrant(Role Role, string? ScopePath);

/// <summary>
/// Who is making the current request or change: a signed-in user, a token's owner, anonymous (treated
/// as Public), or the operator at the CLI. Use cases ask it before they act.
/// </summary>
public interface ICurrentActor
{
    string Name { get; }
    bool IsAuthenticated { get; }
    IReadOnlyList<ActorGrant> Grants { get; }

    /// <summary>The request this change belongs to and the address it came from, for the audit log.</summary>
    string? RequestId { get; }
    string? Client { get; }
}

/// <summary>A fixed actor: the operator at the CLI (all grants) or background work.</summary>
public sealed class FixedActor(string name, params ActorGrant[] grants) : ICurrentActor
{
    public static FixedActor Operator(string name) => new(name, new ActorGrant(Role.Admin, null));

    public string Name { get; } = name;
    public bool IsAuthenticated => true;
    public IReadOnlyList<ActorGrant> Grants { get; } = grants;
    public string? RequestId => null;
    public string? Client => Environment.MachineName;
}

public static class ActorAuthorization
{
    /// <summary>Whether the actor holds the permission over <paramref name="unit"/> (or anywhere, when null).</summary>
    public static bool Can(this ICurrentActor actor, Permission permission, OrgUnit? unit = null) => actor.Can(permission, unit?.Path);

    /// <summary>Whether the actor holds the permission over the unit at <paramref name="unitPath"/> (or anywhere, when null): for callers that hold a view of the unit.</summary>
    public static bool Can(this ICurrentActor actor, Permission permission, string? unitPath) =>
        actor.Grants.Any(g => g.Role.Grants(permission) && (unitPath is null || g.ScopePath is null || unitPath.StartsWith(g.ScopePath, StringComparison.Ordinal)))
        || (permission == Permission.ReadPublished);

    /// <summary>The codes of the units the actor's grants holding the permission are bound to; empty when one of them covers everything or none holds it.</summary>
    public static IReadOnlyList<string> GrantUnits(this ICurrentActor actor, Permission permission) =>
        actor.CanEverywhere(permission) ? []
        : [.. actor.Grants.Where(g => g.Role.Grants(permission) && g.ScopePath is not null)
            .Select(g => g.ScopePath!.TrimEnd('/').Split('/')[^1]).Distinct(StringComparer.Ordinal)];

    /// <summary>Whether the permission is held over the whole tree (not just a subtree).</summary>
    public static bool CanEverywhere(this ICurrentActor actor, Permission permission) =>
        actor.Grants.Any(g => g.Role.Grants(permission) && g.ScopePath is null);

    /// <summary>Refuses with 401 when nobody is signed in, 403 when the actor lacks the permission over the unit.</summary>
    public static void Require(this ICurrentActor actor, Permission permission, OrgUnit? unit = null)
    {
        if (actor.Can(permission, unit))
        {
            return;
        }

        if (!actor.IsAuthenticated)
        {
            throw new UnauthenticatedException();
        }

        throw new ForbiddenException(unit is null
            ? new Text($"无权执行此操作({permission})", $"you do not hold the permission {permission}")
            : new Text($"无权对 {unit.Code} {unit.Name} 执行此操作({permission})", $"you do not hold {permission} over {unit.Code}"));
    }

    /// <summary>Refuses with 401 when nobody is signed in.</summary>
    public static void RequireSignedIn(this ICurrentActor actor)
    {
        if (!actor.IsAuthenticated)
        {
            throw new UnauthenticatedException();
        }
    }

    public static void RequireEverywhere(this ICurrentActor actor, Permission permission)
    {
        if (actor.CanEverywhere(permission))
        {
            return;
        }

        if (!actor.IsAuthenticated)
        {
            throw new UnauthenticatedException();
        }

        throw new ForbiddenException(new Text($"此操作须在全省范围拥有权限({permission})", $"this needs {permission} over the whole tree"));
    }
}
