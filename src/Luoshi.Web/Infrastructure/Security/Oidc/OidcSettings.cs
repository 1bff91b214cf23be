namespace Luoshi.Web.Infrastructure.Security.Oidc;

/// <summary>
/// Settings under <c>Luoshi:Oidc</c>. Sign-in through an OpenID Connect provider is off unless
/// <see cref="Authority"/> is set; then <see cref="ClientId"/> is required too (docs/adr/0012). They configure
/// ASP.NET Core's OpenID Connect handler (<see cref="OidcServices"/>).
/// </summary>
public sealed class OidcSettings
{
    public const string Section = "Luoshi:Oidc";

    /// <summary>The provider's issuer URL; its discovery document is at <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Sent to the token endpoint (in the form: client_secret_post); may be empty for a public client, which PKCE then protects alone.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The id_token claim whose value is the name of the local user to sign in as.</summary>
    public string UserClaim { get; set; } = "preferred_username";

    public string Scope { get; set; } = "openid profile";

    /// <summary>The provider's name on the sign-in button (「使用 … 登录」).</summary>
    public string DisplayName { get; set; } = "OpenID Connect";

    /// <summary>Refuse discovery and key documents over plain HTTP; off only for a provider on the same machine or in tests.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Allowed difference between the provider's clock and ours when checking the token's lifetime.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            throw new InvalidOperationException("Luoshi:Oidc:Authority is set but Luoshi:Oidc:ClientId is not: set both (or neither, to sign in with local passwords only).");
        }

        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || (RequireHttpsMetadata && authority.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"Luoshi:Oidc:Authority must be an absolute https URL (got '{Authority}'); set Luoshi:Oidc:RequireHttpsMetadata=false only for a provider on this machine.");
        }

        if (string.IsNullOrWhiteSpace(UserClaim))
        {
            throw new InvalidOperationException("Luoshi:Oidc:UserClaim must name the id_token claim that holds the local user name (e.g. preferred_username).");
        }
    }
}

/// <summary>Why an external sign-in was refused: the sign-in page shows a message for each.</summary>
public enum OidcRefusal
{
    /// <summary>The provider said no, the answer did not match our request, or the token failed validation.</summary>
    Failed,

    /// <summary>The provider vouched for a name that has no local account.</summary>
    UnknownUser,

    /// <summary>The local account is disabled.</summary>
    Disabled,

    /// <summary>The provider cannot be reached (its discovery document or keys do not load).</summary>
    Unavailable,
}

/// <summary>A refused external sign-in: carries the kind for the page and the technical reason for the log.</summary>
public sealed class OidcRefusedException(OidcRefusal refusal, string reason) : Exception(reason)
{
    public OidcRefusal Refusal { get; } = refusal;
}
