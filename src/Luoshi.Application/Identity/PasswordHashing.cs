using Luoshi.Domain.Identity;
using Microsoft.AspNetCore.Identity;

namespace Luoshi.Application.Identity;

/// <summary>ASP.NET Core Identity's password hasher (PBKDF2-HMAC-SHA512, 100,000 iterations, per-user salt).</summary>
public static class PasswordHashing
{
    private static readonly PasswordHasher<User> Hasher = new();

    public static string Hash(User user, string password) => Hasher.HashPassword(user, password);

    public static bool Verify(User user, string password) =>
        user.PasswordHash is not null && Hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
}
