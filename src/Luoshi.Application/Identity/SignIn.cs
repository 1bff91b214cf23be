using Luoshi.Application.Common;
using Luoshi.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Identity;

public enum SignInOutcome
{
    Success,
    WrongNameOrPassword,
    LockedOut,
}

/// <summary>Who signed in, with the grants their session carries.</summary>
public sealed record SignedInUser(int Id, string Name, string DisplayName, IReadOnlyList<ActorGrant> Grants);

/// <summary>
/// Checks a name and password. Wrong passwords count towards a lockout; while locked, even the right
/// password is refused. An unknown name costs the same hashing time as a known one, so timing does not
/// reveal which names exist.
/// </summary>
public sealed class SignIn(Data.LuoshiDbContext db, TimeProvider clock)
{
    private static readonly User Decoy = User.Create("decoy", null, DateTimeOffset.UnixEpoch);
    private static readonly string DecoyHash = PasswordHashing.Hash(Decoy, Guid.NewGuid().ToString());

    public async Task<(SignInOutcome Outcome, SignedInUser? User)> Handle(string? name, string? password, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var n = name?.Trim().ToLowerInvariant() ?? string.Empty;
        var user = n.Length is > 0 and <= 64 ? await db.Users.SingleOrDefaultAsync(u => u.Name == n, ct) : null;
        if (user is null || user.IsDisabled || user.PasswordHash is null)
        {
            _ = new Microsoft.AspNetCore.Identity.PasswordHasher<User>().VerifyHashedPassword(Decoy, DecoyHash, password ?? string.Empty);
            return (SignInOutcome.WrongNameOrPassword, null);
        }

        if (user.IsLockedOut(now))
        {
            return (SignInOutcome.LockedOut, null);
        }

        if (password is null || password.Length > 256 || !PasswordHashing.Verify(user, password))
        {
            user.RecordFailedSignIn(now);
            await db.SaveChangesAsync(ct);
            return (user.IsLockedOut(now) ? SignInOutcome.LockedOut : SignInOutcome.WrongNameOrPassword, null);
        }

        user.RecordSignIn(now);
        db.RecordEvent("sign-in", nameof(User), user.Name, null, by: user.Name);
        await db.SaveChangesAsync(ct);
        return (SignInOutcome.Success, new SignedInUser(user.Id, user.Name, user.DisplayName, await UserQueries.Grants(db, user.Id, ct)));
    }
}

/// <summary>Resolves a bearer token to its user; expired, revoked or unknown tokens resolve to nobody.</summary>
public sealed class AuthenticateToken(Common.Deferred<Data.LuoshiDbContext> context, Data.DataVersionClock versions, SignedInUserCache cache, TimeProvider clock)
{
    // Last use is kept to the hour: enough to spot unused tokens without a write on every request.
    private static readonly TimeSpan LastUseGrain = TimeSpan.FromHours(1);

    public async Task<SignedInUser?> Handle(string token, CancellationToken ct)
    {
        if (!token.StartsWith(ApiToken.Prefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var hash = ApiToken.HashOf(token);
        var known = cache.For(await versions.Current(context, ct));
        if (known.TryGetValue("token:" + hash, out var hit) && now - hit.LastUsedAt <= LastUseGrain)
        {
            return hit.ExpiresAt is null || hit.ExpiresAt > now ? hit.User : null;
        }

        var db = context.Value;

        var found = await db.ApiTokens.SingleOrDefaultAsync(t => t.Hash == hash, ct);
        if (found is null || !found.IsValid(now))
        {
            return null;
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == found.UserId, ct);
        if (user is null || user.IsDisabled)
        {
            return null;
        }

        if (found.LastUsedAt is null || now - found.LastUsedAt > LastUseGrain)
        {
            found.MarkUsed(now);
            await db.SaveChangesAsync(ct);
        }

        var signedIn = new SignedInUser(user.Id, user.Name, user.DisplayName, await UserQueries.Grants(db, user.Id, ct));
        known["token:" + hash] = new SignedInUserCache.Entry(signedIn, found.ExpiresAt, found.LastUsedAt ?? now);
        return signedIn;
    }
}

/// <summary>
/// Users already resolved (by token hash or by name), kept while neither data version moves: a revoked
/// token, a disabled user or a changed grant raises the identity version, so it takes effect on this
/// server's next request and on every other server's within <see cref="Data.DataVersionClock.Freshness"/>.
/// Only successful lookups are kept, so the size is bounded by the users and tokens that exist.
/// </summary>
public sealed class SignedInUserCache
{
    private Generation _current = new(new Data.VersionStamp(-1, -1));

    /// <param name="ExpiresAt">When the token stops being valid (null: never, or not a token).</param>
    /// <param name="LastUsedAt">When the token's last use was recorded; past the hour, the next request records it again.</param>
    public sealed record Entry(SignedInUser User, DateTimeOffset? ExpiresAt, DateTimeOffset LastUsedAt);

    /// <summary>The entries valid at <paramref name="stamp"/>; a new stamp starts from none.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, Entry> For(Data.VersionStamp stamp)
    {
        var current = _current;
        if (current.Stamp == stamp)
        {
            return current.Entries;
        }

        var fresh = new Generation(stamp);
        return (Interlocked.CompareExchange(ref _current, fresh, current) == current ? fresh : _current).Entries;
    }

    private sealed class Generation(Data.VersionStamp stamp)
    {
        public Data.VersionStamp Stamp { get; } = stamp;
        public System.Collections.Concurrent.ConcurrentDictionary<string, Entry> Entries { get; } = new(StringComparer.Ordinal);
    }
}

/// <summary>The current grants of a signed-in user, re-read so that a revoked grant or a disabled user takes effect at once.</summary>
public sealed class RefreshUser(Common.Deferred<Data.LuoshiDbContext> context, Data.DataVersionClock versions, SignedInUserCache cache)
{
    public async Task<SignedInUser?> Handle(string name, CancellationToken ct)
    {
        var known = cache.For(await versions.Current(context, ct));
        if (known.TryGetValue("user:" + name, out var hit))
        {
            return hit.User;
        }

        var db = context.Value;

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Name == name, ct);
        if (user is null || user.IsDisabled)
        {
            return null;
        }

        var signedIn = new SignedInUser(user.Id, user.Name, user.DisplayName, await UserQueries.Grants(db, user.Id, ct));
        known["user:" + name] = new SignedInUserCache.Entry(signedIn, null, DateTimeOffset.MaxValue);
        return signedIn;
    }
}
