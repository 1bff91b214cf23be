using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Identity;

/// <summary>Personal API tokens: issue (for oneself, or by an admin for anyone), list, revoke.</summary>
public sealed class ManageTokens(Data.LuoshiDbContext db, ICurrentActor actor, TimeProvider clock)
{
    public async Task<IssuedToken> Issue(string userName, string? tokenName, DateTimeOffset? expiresAt, CancellationToken ct)
    {
        var user = await Owner(userName, ct);
        // Instants are kept in UTC (PostgreSQL's timestamptz takes nothing else); an expiry given with an offset is the same instant.
        var (token, secret) = ApiToken.Issue(user.Id, tokenName ?? "token", clock.GetUtcNow(), expiresAt?.ToUniversalTime());
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return new IssuedToken(token.Id, token.Name, secret, token.ExpiresAt);
    }

    public async Task<IReadOnlyList<TokenView>> List(string userName, CancellationToken ct)
    {
        var user = await Owner(userName, ct);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == user.Id).OrderBy(t => t.Id).ToListAsync(ct);
        return [.. tokens.Select(t => new TokenView(t.Id, t.Name, t.Hint, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt))];
    }

    public async Task Revoke(int id, CancellationToken ct)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new NotFoundException(new Text("令牌", "token"), id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var owner = await db.Users.AsNoTracking().SingleAsync(u => u.Id == token.UserId, ct);
        await Owner(owner.Name, ct);
        token.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The user whose tokens are meant; one's own, or anyone's for those who manage users.</summary>
    private async Task<User> Owner(string userName, CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
        {
            throw new UnauthenticatedException();
        }

        var name = userName.Trim().ToLowerInvariant();
        if (name != actor.Name)
        {
            actor.RequireEverywhere(Permission.ManageUsers);
        }

        return await db.Users.SingleOrDefaultAsync(u => u.Name == name, ct) ?? throw new NotFoundException(new Text("用户", "user"), userName);
    }
}
