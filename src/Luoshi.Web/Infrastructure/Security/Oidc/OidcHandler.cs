using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Luoshi.Application.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Luoshi.Web.Infrastructure.Security.Oidc;

/// <summary>
/// The authorization-code flow with PKCE against an OpenID Connect provider, over its discovery document:
/// the challenge sends the browser to the provider with a protected state (return address, PKCE verifier,
/// nonce) bound to a correlation cookie; the callback checks state and correlation, redeems the code at the
/// token endpoint with the verifier, validates the id_token (signature by the provider's published keys,
/// issuer, audience, lifetime, nonce) and signs in the local user named by the configured claim. Nothing from
/// the provider becomes a grant: a name without a local account is refused (docs/adr/0012).
/// </summary>
internal sealed class OidcHandler(IOptionsMonitor<OidcOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : RemoteAuthenticationHandler<OidcOptions>(options, logger, encoder)
{
    public const string SchemeName = "oidc";

    private const string VerifierKey = "luoshi.oidc.verifier";
    private const string NonceKey = "luoshi.oidc.nonce";

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var config = await Configuration();
        if (config is null)
        {
            Response.Redirect("/sign-in?external=" + nameof(OidcRefusal.Unavailable).ToLowerInvariant());
            return;
        }

        if (string.IsNullOrEmpty(properties.RedirectUri))
        {
            properties.RedirectUri = OriginalPathBase + OriginalPath + Request.QueryString;
        }

        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var nonce = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        properties.Items[VerifierKey] = verifier;
        properties.Items[NonceKey] = nonce;
        GenerateCorrelationId(properties);

        var url = QueryHelpers.AddQueryString(config.AuthorizationEndpoint, new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = Options.ClientId,
            ["redirect_uri"] = BuildRedirectUri(Options.CallbackPath),
            ["scope"] = Options.Scope,
            ["state"] = Options.StateDataFormat!.Protect(properties),
            ["nonce"] = nonce,
            ["code_challenge"] = Challenge(verifier),
            ["code_challenge_method"] = "S256",
        });
        Response.Redirect(url);
    }

    protected override async Task<HandleRequestResult> HandleRemoteAuthenticateAsync()
    {
        var query = Request.Query;
        var properties = Options.StateDataFormat!.Unprotect(query["state"]);
        if (properties is null)
        {
            return Refuse("the state is missing or was not issued here");
        }

        if (!ValidateCorrelationId(properties))
        {
            return Refuse("the correlation cookie does not match the state", properties);
        }

        if (query["error"].ToString() is { Length: > 0 } error)
        {
            return error == "access_denied"
                ? await HandleAccessDeniedErrorAsync(properties)
                : Refuse($"the provider answered {Clip(error)}: {Clip(query["error_description"].ToString())}", properties);
        }

        if (query["code"].ToString() is not { Length: > 0 } code
            || !properties.Items.TryGetValue(VerifierKey, out var verifier) || verifier is null
            || !properties.Items.TryGetValue(NonceKey, out var nonce) || nonce is null)
        {
            return Refuse("the answer carries no authorization code", properties);
        }

        if (await Configuration() is not { } config)
        {
            return HandleRequestResult.Fail(new OidcRefusedException(OidcRefusal.Unavailable, "the provider's discovery document cannot be read"), properties);
        }

        var idToken = await RedeemCode(config, code, verifier);
        if (idToken is null)
        {
            return Refuse("the token endpoint did not answer with an id_token", properties);
        }

        var validation = await Validate(idToken);
        if (!validation.IsValid)
        {
            return Refuse($"the id_token is not valid: {validation.Exception?.GetType().Name}: {validation.Exception?.Message}", properties);
        }

        // The nonce ties the token to this browser's request: a token issued for another sign-in is refused.
        if (!validation.Claims.TryGetValue("nonce", out var tokenNonce) || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(tokenNonce?.ToString() ?? string.Empty), Encoding.UTF8.GetBytes(nonce)))
        {
            return Refuse("the id_token's nonce is not the one sent with this sign-in", properties);
        }

        var name = validation.Claims.TryGetValue(Options.UserClaim, out var claim) ? claim?.ToString() : null;
        if (string.IsNullOrWhiteSpace(name))
        {
            return Refuse($"the id_token has no '{Options.UserClaim}' claim", properties);
        }

        var (outcome, user) = await Context.RequestServices.GetRequiredService<SignInExternal>().Handle(SchemeName, name, Context.RequestAborted);
        if (user is null)
        {
            var refusal = outcome == ExternalSignInOutcome.Disabled ? OidcRefusal.Disabled : OidcRefusal.UnknownUser;
            return HandleRequestResult.Fail(new OidcRefusedException(refusal, $"the provider vouched for '{Clip(name)}', who has no usable local account"), properties);
        }

        // The PKCE verifier and nonce have served their purpose and do not travel on in the session cookie.
        properties.Items.Remove(VerifierKey);
        properties.Items.Remove(NonceKey);
        var principal = LuoshiClaims.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme);
        return HandleRequestResult.Success(new AuthenticationTicket(principal, properties, Scheme.Name));
    }

    /// <summary>The provider's discovery document and keys (cached, refreshed by the configuration manager); null when it cannot be reached.</summary>
    private async Task<OpenIdConnectConfiguration?> Configuration()
    {
        try
        {
            return await Options.ConfigurationManager!.GetConfigurationAsync(Context.RequestAborted);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException)
        {
            Logger.LogWarning(e, "OpenID Connect discovery at {Authority} failed", Options.Authority);
            return null;
        }
    }

    /// <summary>The PKCE challenge (RFC 7636, S256): the provider keeps it and later checks the verifier against it.</summary>
    internal static string Challenge(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private async Task<string?> RedeemCode(OpenIdConnectConfiguration config, string code, string verifier)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = BuildRedirectUri(Options.CallbackPath),
            ["code_verifier"] = verifier,
            ["client_id"] = Options.ClientId!,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, config.TokenEndpoint);
        if (!string.IsNullOrEmpty(Options.ClientSecret))
        {
            // client_secret_basic is the default method (OIDC Core 9); the form is used only when the provider does not take Basic.
            var methods = config.TokenEndpointAuthMethodsSupported;
            if (methods.Count == 0 || methods.Contains("client_secret_basic"))
            {
                var pair = Uri.EscapeDataString(Options.ClientId!) + ":" + Uri.EscapeDataString(Options.ClientSecret);
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
            }
            else
            {
                form["client_secret"] = Options.ClientSecret;
            }
        }

        request.Content = new FormUrlEncodedContent(form);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await Options.Backchannel.SendAsync(request, Context.RequestAborted);
        if (!response.IsSuccessStatusCode)
        {
            Logger.LogWarning("OpenID Connect token endpoint answered {Status}", (int)response.StatusCode);
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(Context.RequestAborted));
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("id_token", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<TokenValidationResult> Validate(string idToken)
    {
        var handler = new JsonWebTokenHandler();
        var result = await handler.ValidateTokenAsync(idToken, await Parameters());
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The provider may have rotated its keys since discovery was read: read it again, once.
            Options.ConfigurationManager!.RequestRefresh();
            result = await handler.ValidateTokenAsync(idToken, await Parameters());
        }

        return result;
    }

    private async Task<TokenValidationParameters> Parameters()
    {
        var config = await Options.ConfigurationManager!.GetConfigurationAsync(Context.RequestAborted);
        return new TokenValidationParameters
        {
            ValidIssuer = config.Issuer,
            ValidAudience = Options.ClientId,
            IssuerSigningKeys = config.SigningKeys,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = Options.ClockSkew,
            ValidAlgorithms = config.IdTokenSigningAlgValuesSupported.Count > 0 ? config.IdTokenSigningAlgValuesSupported : [SecurityAlgorithms.RsaSha256],
        };
    }

    private HandleRequestResult Refuse(string reason, AuthenticationProperties? properties = null) =>
        HandleRequestResult.Fail(new OidcRefusedException(OidcRefusal.Failed, reason), properties);

    private static string Clip(string s) => s.Length > 100 ? s[..100] + "…" : s;
}
