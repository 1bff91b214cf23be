using Luoshi.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Identity;

public enum ExternalSignInOutcome
{
    Success,

    /// <summary>The provider vouched for a name that has no local account: nobody is created.</summary>
    UnknownUser,

    Disabled,
}

/// <summary>
/// Signs in the local user an external identity provider vouched for. The provider only proves who someone
/// is; what they may do comes from the local user's grants, so an unknown name is refused rather than
/// created — an identity provider must never be able to mint an Admin.
/// </summary>
public sealed class SignInExternal(Data.LuoshiDbContext db, TimeProvider clock)
{
    public async Task<(ExternalSignInOutcome Outcome, SignedInUser? User)> Handle(string provider, string? name, CancellationToken ct)
    {
        var n = name?.Trim().ToLowerInvariant() ?? string.Empty;
        var user = n.Length is > 0 and <= 64 ? await db.Users.SingleOrDefaultAsync(u => u.Name == n, ct) : null;
        if (user is null)
        {
            return (ExternalSignInOutcome.UnknownUser, null);
        }

        if (user.IsDisabled)
        {
            return (ExternalSignInOutcome.Disabled, null);
        }

        // A password lockout does not apply (the password was not used; the provider has its own protection), nor is it lifted.
        user.RecordExternalSignIn(clock.GetUtcNow());
        db.RecordEvent("sign-in", nameof(User), user.Name, System.Text.Json.JsonSerializer.Serialize(new { via = provider }), by: user.Name);
        await db.SaveChangesAsync(ct);
        return (ExternalSignInOutcome.Success, new SignedInUser(user.Id, user.Name, user.DisplayName, await UserQueries.Grants(db, user.Id, ct)));
    }
}
