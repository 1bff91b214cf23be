using System.Globalization;
using Luoshi.Web.Infrastructure;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Luoshi.Web.Ui;

/// <summary>The browser UI: Razor Pages in Chinese (default) and English, the language switch, and the UI's own error pages.</summary>
public static class UiServices
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static IServiceCollection AddLuoshiUi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton<IStringLocalizer<UiText>, UiTextLocalizer>();

        // Chinese text is written as itself, not as character references (markup characters are still encoded).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(o =>
            {
                o.Conventions.ConfigureFilter(new PageExceptionFilter());

                // Every page needs a signed-in user; use cases then check what that user may see and change.
                o.Conventions.AuthorizeFolder("/", Infrastructure.Security.SecurityServices.SignedIn);
                o.Conventions.AllowAnonymousToPage("/Account/SignIn");
                o.Conventions.AllowAnonymousToPage("/Account/SignOut");
                o.Conventions.AllowAnonymousToPage("/Status");
                o.Conventions.AllowAnonymousToFolder("/Public");
            })
            .AddViewLocalization();
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((o, factory) =>
        {
            // A form value that does not bind (letters in a number field) is reported in the reader's language.
            var text = factory.Create(typeof(UiText));
            var m = o.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((_, _) => text["Binding.Invalid"]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => text["Binding.Invalid"]);
            m.SetUnknownValueIsInvalidAccessor(_ => text["Binding.Invalid"]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Binding.Invalid"]);
            m.SetValueIsInvalidAccessor(_ => text["Binding.Invalid"]);
            m.SetValueMustBeANumberAccessor(_ => text["Binding.Number"]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => text["Binding.Number"]);
            m.SetValueMustNotBeNullAccessor(_ => text["Binding.Required"]);
            m.SetMissingBindRequiredValueAccessor(_ => text["Binding.Required"]);
            m.SetMissingKeyOrValueAccessor(() => text["Binding.Required"]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => text["Binding.Required"]);
        });
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;

            // Chinese unless the reader chose otherwise: the browser's Accept-Language is not consulted.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        services.AddScoped<UiContext>();
        services.AddScoped<UiFormat>();
        services.AddExceptionHandler<UiExceptionHandler>();
        return services;
    }

    /// <summary>
    /// Middleware before the endpoints: the request's language (the UI's switch for pages, <c>Accept-Language</c> for
    /// the API), and HTML status pages for the UI. It goes after UseStatusCodePages so that a page's 404 is rendered
    /// here first; the API keeps its problem documents.
    /// </summary>
    public static WebApplication UseLuoshiUi(this WebApplication app)
    {
        app.UseWhen(http => IsUiRequest(http.Request), ui => ui.UseRequestLocalization());
        app.UseWhen(http => !IsUiRequest(http.Request), api => api.UseApiLanguage());
        app.UseWhen(
            http => IsUiRequest(http.Request),
            ui => ui.UseStatusCodePagesWithReExecute("/status/{0}"));
        return app;
    }

    public static WebApplication MapLuoshiUi(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapPost("/culture", (Delegate)SetCulture).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>A request for the browser UI rather than the API, its documents or the public portal's open data.</summary>
    public static bool IsUiRequest(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !Features.Public.PublicData.IsDataPath(request.Path)
        && !request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
        && !request.Path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase)
        && !request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);

    // A plain form post (no antiforgery token): choosing the display language changes nothing but a cookie.
    private static async Task<IResult> SetCulture(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var name = form["culture"].ToString();
        var culture = Cultures.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)) ?? Cultures[0];
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Path = "/" });
        var back = form["returnUrl"].ToString();
        return Results.LocalRedirect(IsLocal(back) ? back : "/");
    }

    private static bool IsLocal(string url) =>
        url.Length > 0 && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
