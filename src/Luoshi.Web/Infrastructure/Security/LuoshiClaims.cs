using System.Security.Claims;
using Luoshi.Application.Common;
using Luoshi.Application.Identity;
using Luoshi.Domain.Identity;

namespace Luoshi.Web.Infrastructure.Security;

/// <summary>How a signed-in user travels in a principal: name, id, roles (for endpoint policies) and grants with their scope paths (for use cases).</summary>
internal static class LuoshiClaims
{
    public const string Grant = "luoshi:grant";

    public static ClaimsPrincipal Principal(SignedInUser user, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.Name),
            new(ClaimTypes.NameIdentifier, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("luoshi:display", user.DisplayName),
        };
        claims.AddRange(user.Grants.Select(g => g.Role).Distinct().Select(r => new Claim(ClaimTypes.Role, r.ToString())));
        claims.AddRange(user.Grants.Select(g => new Claim(Grant, $"{g.Role}|{g.ScopePath}")));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static IReadOnlyList<ActorGrant> Grants(ClaimsPrincipal principal) =>
        [.. principal.FindAll(Grant).Select(c =>
        {
            var parts = c.Value.Split('|', 2);
            return new ActorGrant(Enum.Parse<Role>(parts[0]), parts[1].Length == 0 ? null : parts[1]);
        })];
}
