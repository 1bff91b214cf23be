using Luoshi.Application.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Luoshi.Web.Infrastructure.Security.Oidc;

/// <summary>Whether the sign-in page offers an external provider, and under which name.</summary>
public sealed record ExternalSignInOption(bool Enabled, string DisplayName);

/// <summary>
/// Sign-in through an OpenID Connect provider with ASP.NET Core's handler: the authorization-code flow with PKCE,
/// the answer in the query, the id_token checked by the handler (signature by the provider's published keys, issuer,
/// audience, lifetime, nonce). What is ours is what follows: the configured claim names a local user, whose grants
/// apply; a name without a usable local account is refused and nobody is created (docs/adr/0012).
/// </summary>
public static class OidcServices
{
    public const string SchemeName = "oidc";

    /// <summary>Adds the OpenID Connect scheme when <c>Luoshi:Oidc:Authority</c> is set; checks the settings now, so a half-configured provider fails at start.</summary>
    public static IServiceCollection AddLuoshiOidc(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = new OidcSettings();
        configuration.GetSection(OidcSettings.Section).Bind(settings);
        services.AddSingleton(new ExternalSignInOption(settings.Enabled, settings.DisplayName));
        if (!settings.Enabled)
        {
            return services;
        }

        settings.Validate();
        services.AddAuthentication().AddOpenIdConnect(SchemeName, settings.DisplayName, o =>
        {
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId;
            o.ClientSecret = string.IsNullOrEmpty(settings.ClientSecret) ? null : settings.ClientSecret;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.CallbackPath = "/signin-oidc";
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;

            // Back in the query of a top-level GET, not a cross-site form post: the Lax correlation and nonce cookies come
            // along with it, and nothing needs SameSite=None. Secure when the site is served over HTTPS, as it must be.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
            {
                cookie.SameSite = SameSiteMode.Lax;
                cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }

            o.Scope.Clear();
            foreach (var scope in settings.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                o.Scope.Add(scope);
            }

            // Only the id_token is read: no userinfo call, no tokens kept in the session, claim names as the provider sent them.
            o.GetClaimsFromUserInfoEndpoint = false;
            o.SaveTokens = false;
            o.MapInboundClaims = false;
            o.DisableTelemetry = true;
            o.TokenValidationParameters.ClockSkew = settings.ClockSkew;
            o.BackchannelTimeout = TimeSpan.FromSeconds(30);
            o.Events = new OpenIdConnectEvents
            {
                OnTokenValidated = context => ToLocalUser(context, settings.UserClaim),
                OnRemoteFailure = OnFailure,
            };
        });
        return services;
    }

    /// <summary>The provider only says who someone is: the local user of that name signs in, with their own grants.</summary>
    private static async Task ToLocalUser(TokenValidatedContext context, string userClaim)
    {
        var name = context.Principal?.FindFirst(userClaim)?.Value;
        if (string.IsNullOrWhiteSpace(name))
        {
            context.Fail(new OidcRefusedException(OidcRefusal.Failed, $"the id_token has no '{userClaim}' claim"));
            return;
        }

        var (outcome, user) = await context.HttpContext.RequestServices.GetRequiredService<SignInExternal>().Handle(SchemeName, name, context.HttpContext.RequestAborted);
        if (user is null)
        {
            var refusal = outcome == ExternalSignInOutcome.Disabled ? OidcRefusal.Disabled : OidcRefusal.UnknownUser;
            context.Fail(new OidcRefusedException(refusal, $"the provider vouched for '{Clip(name)}', who has no usable local account"));
            return;
        }

        context.Principal = LuoshiClaims.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>The sign-in page explains a refusal; the log keeps the technical reason (never a token).</summary>
    private static Task OnFailure(RemoteFailureContext context)
    {
        var refusal = Refusal(context.Failure);
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcServices))
            .LogWarning("OpenID Connect sign-in refused ({Refusal}): {Reason}", refusal, context.Failure?.Message);
        context.Response.Redirect(RefusedPath(refusal));
        context.HandleResponse();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Whether the provider's discovery document and keys can be read (cached by the handler's configuration manager,
    /// which the challenge then uses): the handler would fail the challenge with an error page, the sign-in page
    /// sends the browser back with a message instead.
    /// </summary>
    public static async Task<bool> ProviderReachableAsync(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(SchemeName);
        try
        {
            await options.ConfigurationManager!.GetConfigurationAsync(http.RequestAborted);
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcServices))
                .LogWarning(e, "OpenID Connect discovery at {Authority} failed", options.Authority);
            return false;
        }
    }

    /// <summary>The sign-in page that explains a refusal.</summary>
    public static string RefusedPath(OidcRefusal refusal) => "/sign-in?external=" + refusal.ToString().ToLowerInvariant();

    private static OidcRefusal Refusal(Exception? failure)
    {
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is OidcRefusedException refused)
            {
                return refused.Refusal;
            }

            if (e is HttpRequestException or IOException or TaskCanceledException)
            {
                return OidcRefusal.Unavailable;
            }
        }

        return OidcRefusal.Failed;
    }

    private static string Clip(string s) => s.Length > 100 ? s[..100] + "…" : s;
}
