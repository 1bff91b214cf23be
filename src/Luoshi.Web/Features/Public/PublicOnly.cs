namespace Luoshi.Web.Features.Public;

/// <summary>
/// <c>luoshi serve --public-only</c>: every path but the public portal, its data, its static files, the language switch,
/// the status pages and the health probes answers 404 — the sign-in page, the API and the signed-in pages are not there
/// at all. <c>/</c> leads to the portal.
/// </summary>
public static class PublicOnly
{
    private static readonly string[] Served = ["/public", "/health", "/css", "/js", "/lib", "/culture", "/status", "/favicon.ico"];

    public static bool Serves(PathString path) => Served.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    public static IApplicationBuilder UsePublicOnly(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var path = http.Request.Path;
        if (path == "/" || !path.HasValue)
        {
            http.Response.Redirect("/public");
            return;
        }

        if (!Serves(path))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await next();
    });
}
