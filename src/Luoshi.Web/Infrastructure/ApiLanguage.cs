using System.Globalization;
using Luoshi.Domain.Common;
using Microsoft.Net.Http.Headers;

namespace Luoshi.Web.Infrastructure;

/// <summary>
/// The language of the API's words (problem documents, reasons, notes): the first of Chinese or English the client
/// names in <c>Accept-Language</c>, by quality; both, Chinese first, when it names neither or sends no header. JSON
/// keys, codes and field names never change with it. The UI has its own switch (cookie) and is not affected.
/// </summary>
public static class ApiLanguage
{
    // Numbers and dates keep the culture the API has always used; only the language of the words follows the client.
    private static readonly CultureInfo Formatting = CultureInfo.GetCultureInfo("zh-CN");

    public static Language Of(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().AcceptLanguage;
        if (accepted is null || accepted.Count == 0)
        {
            return Language.Both;
        }

        foreach (var value in accepted.Where(v => v.Quality is not 0).OrderByDescending(v => v.Quality ?? 1))
        {
            var tag = value.Value.Value ?? string.Empty;
            if (tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            {
                return Language.Chinese;
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return Language.English;
            }
        }

        return Language.Both;
    }

    /// <summary>Makes the request's language the current one for what runs after, and says the answer varies by it.</summary>
    public static void Apply(HttpContext http)
    {
        CultureInfo.CurrentCulture = Formatting;
        CultureInfo.CurrentUICulture = Text.CultureOf(Of(http.Request));
        if (!http.Response.HasStarted && !http.Response.Headers.Vary.Contains(HeaderNames.AcceptLanguage))
        {
            http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
        }
    }

    public static IApplicationBuilder UseApiLanguage(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        Apply(http);
        return next(http);
    });
}
