using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Luoshi.Web.Infrastructure.Security.Oidc;

/// <summary>Whether the sign-in page offers an external provider, and under which name.</summary>
public sealed record ExternalSignInOption(bool Enabled, string DisplayName);

public static class OidcServices
{
    /// <summary>Adds the OpenID Connect scheme when <c>Luoshi:Oidc:Authority</c> is set; checks the settings now, so a half-configured provider fails at start.</summary>
    public static IServiceCollection AddLuoshiOidc(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(OidcOptions.Section);
        var settings = new OidcOptions();
        section.Bind(settings);
        services.AddSingleton(new ExternalSignInOption(settings.Enabled, settings.DisplayName));
        if (!settings.Enabled)
        {
            return services;
        }

        settings.Validate();
        services.AddAuthentication().AddRemoteScheme<OidcOptions, OidcHandler>(OidcHandler.SchemeName, settings.DisplayName, o =>
        {
            section.Bind(o);
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.Events = new RemoteAuthenticationEvents { OnRemoteFailure = OnFailure };
        });
        services.AddSingleton<IPostConfigureOptions<OidcOptions>, CompleteOptions>();
        return services;
    }

    /// <summary>The sign-in page explains a refusal; the log keeps the technical reason (never a token).</summary>
    private static Task OnFailure(RemoteFailureContext context)
    {
        var refusal = context.Failure is OidcRefusedException r ? r.Refusal : OidcRefusal.Failed;
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OidcHandler))
            .LogWarning("OpenID Connect sign-in refused ({Refusal}): {Reason}", refusal, context.Failure?.Message);
        context.Response.Redirect("/sign-in?external=" + refusal.ToString().ToLowerInvariant());
        context.HandleResponse();
        return Task.CompletedTask;
    }

    private sealed class CompleteOptions(IDataProtectionProvider protection) : IPostConfigureOptions<OidcOptions>
    {
        public void PostConfigure(string? name, OidcOptions o)
        {
            o.StateDataFormat ??= new PropertiesDataFormat(protection.CreateProtector(typeof(OidcHandler).FullName!, name ?? OidcHandler.SchemeName, "v1"));
            o.Backchannel ??= new HttpClient(o.BackchannelHttpHandler ?? new HttpClientHandler())
            {
                Timeout = o.BackchannelTimeout,
                MaxResponseContentBufferSize = 1024 * 1024,
            };
            o.ConfigurationManager ??= new ConfigurationManager<OpenIdConnectConfiguration>(
                o.Authority!.TrimEnd('/') + "/.well-known/openid-configuration",
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever(o.Backchannel) { RequireHttps = o.RequireHttpsMetadata });
        }
    }
}
