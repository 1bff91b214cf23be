using System.Threading.RateLimiting;
using Luoshi.Application.Data;
using Luoshi.Application.Identity;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.RateLimiting;

namespace Luoshi.Web.Infrastructure.Security;

/// <summary>Sign-in (cookies for the UI, bearer tokens for the API), permission policies, rate limits and security headers.</summary>
public static class SecurityServices
{
    public const string SignedIn = "signed-in";
    public const string SignInLimit = "sign-in";
    private const string Smart = "cookie-or-token";

    public static string Policy(Permission permission) => "permission:" + permission;

    public static IServiceCollection AddLuoshiSecurity(this IServiceCollection services, int requestsPerMinute)
    {
        // The key ring lives in the database, shared by every server behind the proxy (docs/adr/0013).
        services.AddDataProtection().SetApplicationName("luoshi").PersistKeysToDbContext<LuoshiDbContext>();

        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, Smart, o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? TokenAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.Cookie.Name = "luoshi";
                o.Cookie.HttpOnly = true;

                // Strict same-site cookies keep other sites from riding a session into the JSON API.
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.LoginPath = "/sign-in";
                o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = async ctx =>
                {
                    // A disabled user or a revoked grant takes effect on the next request, not when the cookie expires.
                    var name = ctx.Principal?.Identity?.Name;
                    var user = name is null ? null : await ctx.HttpContext.RequestServices.GetRequiredService<RefreshUser>().Handle(name, ctx.HttpContext.RequestAborted);
                    if (user is null)
                    {
                        ctx.RejectPrincipal();
                    }
                    else
                    {
                        ctx.ReplacePrincipal(LuoshiClaims.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme));
                    }
                };
            });

        services.AddAuthorization(o =>
        {
            o.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
            foreach (var permission in Enum.GetValues<Permission>())
            {
                o.AddPolicy(Policy(permission), p => p.RequireAuthenticatedUser().RequireRole(Permissions.Holding(permission).Select(r => r.ToString())));
            }
        });

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;

            // Guessing passwords: ten tries a minute from one address, on top of the per-user lockout.
            o.AddPolicy(SignInLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

            // Everything else: a generous per-caller budget that stops a runaway script, not a person (default 3,600 a
            // minute with bursts of 1,200; Luoshi:RequestsPerMinute, 0 for none).
            if (requestsPerMinute <= 0)
            {
                return;
            }

            int perTenSeconds = Math.Max(1, requestsPerMinute / 6);
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetTokenBucketLimiter(
                http.User.Identity?.Name ?? http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new TokenBucketRateLimiterOptions { TokenLimit = perTenSeconds * 2, TokensPerPeriod = perTenSeconds, ReplenishmentPeriod = TimeSpan.FromSeconds(10), QueueLimit = 0 }));
        });
        return services;
    }

    /// <summary>Headers and the request-size check for every response, static files included.</summary>
    /// <param name="frameAncestors">The origins allowed to frame the public embeds (<c>Luoshi:Public:FrameAncestors</c>, checked); none when empty.</param>
    public static IApplicationBuilder UseLuoshiSecurityHeaders(this IApplicationBuilder app, long maxRequestBytes, string frameAncestors = "'none'")
    {
        app.Use(async (http, next) =>
        {
            // Kestrel enforces the limit on the bytes it reads; a declared length over it is refused before anything is read.
            if (http.Request.ContentLength > maxRequestBytes)
            {
                throw new BadHttpRequestException("request body too large", StatusCodes.Status413PayloadTooLarge);
            }

            // PostgreSQL can neither store nor compare text holding a NUL character: a query holding one, or any text
            // InputText refuses, is refused at the door, naming the parameter, rather than failing deep in a lookup
            // (the server already refuses one in the path). The API's other text is checked by CheckedTextFilter.
            if (RefusedIn(http.Request.Query) is { } refused)
            {
                throw new Domain.Common.DomainException(refused.Field, refused.Problem);
            }

            var h = http.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            // The public embeds may be framed by the origins the settings name; nothing else may be framed at all.
            bool embed = http.Request.Path.StartsWithSegments("/public/embed", StringComparison.OrdinalIgnoreCase);
            if (!embed)
            {
                h.XFrameOptions = "DENY";
            }

            h["Referrer-Policy"] = "no-referrer";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            // Alpine.js evaluates its x-on expressions with Function(), hence 'unsafe-eval'; no inline scripts are allowed.
            h.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/swagger")
                ? "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'"
                : $"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-eval'; connect-src 'self'; frame-ancestors {(embed ? frameAncestors : "'none'")}; base-uri 'self'; form-action 'self'";
            await next();
        });
        return app;
    }

    private static (string Field, Text Problem)? RefusedIn(IQueryCollection query)
    {
        foreach (var (key, values) in query)
        {
            var problem = InputText.Problem(key) ?? values.Select(v => InputText.Problem(v)).FirstOrDefault(p => p is not null);
            if (problem is { } p)
            {
                return (InputText.Problem(key) is null ? key : "parameter", p);
            }
        }

        return null;
    }

    /// <summary>Who is calling, how often, and whether they may: after routing, so endpoint policies apply.</summary>
    public static IApplicationBuilder UseLuoshiAuthentication(this IApplicationBuilder app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
        }
        else
        {
            ctx.Response.Redirect(ctx.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
