using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Identity;

/// <summary>
/// Creates a user (or adds a grant to an existing one) with a role over an org subtree, and sets the
/// password when one is given. Only those who may manage users over that subtree may do it.
/// </summary>
public sealed class AddUser(Data.LuoshiDbContext db, ICurrentActor actor, TimeProvider clock)
{
    public sealed record Request(string? Name, Role? Role, string? Org = null, string? Password = null, string? DisplayName = null, string? Email = null);

    public async Task<UserView> Handle(Request r, CancellationToken ct)
    {
        var role = r.Role ?? throw InputRefusedException.Single("role", new Text("角色不能为空", "role is required"));
        Domain.Organization.OrgUnit? scope = null;
        if (!string.IsNullOrWhiteSpace(r.Org))
        {
            scope = await db.OrgUnits.UnitByCodeAsync(r.Org, "org", ct);
            actor.Require(Permission.ManageUsers, scope);
        }
        else
        {
            actor.RequireEverywhere(Permission.ManageUsers);
        }

        var name = r.Name?.Trim().ToLowerInvariant() ?? string.Empty;
        var user = await db.Users.Include(u => u.Grants).SingleOrDefaultAsync(u => u.Name == name, ct);
        if (user is null)
        {
            user = User.Create(name, r.DisplayName, clock.GetUtcNow());
            db.Users.Add(user);
        }

        if (r.Password is not null)
        {
            User.CheckPasswordStrength(r.Password);
            user.SetPasswordHash(PasswordHashing.Hash(user, r.Password));
        }

        if (r.Email is not null)
        {
            user.SetEmail(r.Email);
        }

        user.Grant(role, scope?.Id);
        await db.SaveChangesAsync(ct);
        return await UserQueries.View(db, user.Name, clock, ct);
    }
}

internal static class UserQueries
{
    public static async Task<UserView> View(Data.LuoshiDbContext db, string name, TimeProvider clock, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Grants).SingleOrDefaultAsync(u => u.Name == name, ct)
            ?? throw new NotFoundException(new Text("用户", "user"), name);
        var scopes = user.Grants.Where(g => g.ScopeUnitId != null).Select(g => g.ScopeUnitId!.Value).ToList();
        var codes = await db.OrgUnits.AsNoTracking().Where(u => scopes.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Code, ct);
        return new UserView(
            user.Name,
            user.DisplayName,
            [.. user.Grants.Select(g => new GrantView(g.Role, g.ScopeUnitId is { } id ? codes[id] : null))],
            user.IsLockedOut(clock.GetUtcNow()),
            user.IsDisabled,
            user.LastSignInAt,
            user.Email);
    }

    /// <summary>The grants of a user with the paths of their scopes: what an actor carries.</summary>
    public static async Task<IReadOnlyList<ActorGrant>> Grants(Data.LuoshiDbContext db, int userId, CancellationToken ct) =>
        await (from g in db.UserGrants.AsNoTracking()
               where g.UserId == userId
               join u in db.OrgUnits on g.ScopeUnitId equals u.Id into scope
               from s in scope.DefaultIfEmpty()
               select new ActorGrant(g.Role, s == null ? null : s.Path)).ToListAsync(ct);
}

public sealed class ListUsers(Data.LuoshiDbContext db, ICurrentActor actor, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserView>> Handle(CancellationToken ct)
    {
        actor.Require(Permission.ManageUsers);
        var names = await db.Users.AsNoTracking().OrderBy(u => u.Name).Select(u => u.Name).ToListAsync(ct);
        var views = new List<UserView>();
        foreach (var name in names)
        {
            views.Add(await UserQueries.View(db, name, clock, ct));
        }

        return views;
    }
}
