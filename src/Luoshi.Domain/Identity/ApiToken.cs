using System.Security.Cryptography;
using System.Text;
using Luoshi.Domain.Common;

namespace Luoshi.Domain.Identity;

/// <summary>
/// A personal API token. Only its SHA-256 is stored (a token is 256 random bits, so a fast hash is
/// enough); the token itself is shown once, when created. Revocable, optionally expiring.
/// </summary>
public sealed class ApiToken
{
    public const string Prefix = "lst_";

    private ApiToken()
    {
        Name = string.Empty;
        Hash = string.Empty;
        Hint = string.Empty;
    }

    public int Id { get; private set; }
    public int UserId { get; private set; }
    public string Name { get; private set; }
    public string Hash { get; private set; }

    /// <summary>The first characters of the token, to tell tokens apart in lists.</summary>
    public string Hint { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }

    /// <summary>Creates a token for a user; returns the entity and the secret to show once.</summary>
    public static (ApiToken Token, string Secret) Issue(int userId, string name, DateTimeOffset now, DateTimeOffset? expiresAt)
    {
        if (expiresAt is not null && expiresAt <= now)
        {
            throw new DomainException("expiresAt", new Text("过期时间须在将来", "the expiry must be in the future"));
        }

        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = new ApiToken
        {
            UserId = userId,
            Name = Code.RequireText(name, "name", 100),
            Hash = HashOf(secret),
            Hint = secret[..(Prefix.Length + 6)],
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        return (token, secret);
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public bool IsValid(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    public void MarkUsed(DateTimeOffset now) => LastUsedAt = now;
}
