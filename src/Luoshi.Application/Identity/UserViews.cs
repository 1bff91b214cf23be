using Luoshi.Domain.Identity;

namespace Luoshi.Application.Identity;

public sealed record GrantView(Role Role, string? Org);

public sealed record UserView(string Name, string DisplayName, IReadOnlyList<GrantView> Grants, bool Locked, bool Disabled, DateTimeOffset? LastSignInAt, string? Email = null);

public sealed record TokenView(int Id, string Name, string Hint, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

/// <summary>A new token: the secret is shown this once.</summary>
public sealed record IssuedToken(int Id, string Name, string Token, DateTimeOffset? ExpiresAt);
