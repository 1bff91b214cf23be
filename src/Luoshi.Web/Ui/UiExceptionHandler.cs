using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace Luoshi.Web.Ui;

/// <summary>
/// An unexpected failure while rendering a page: a short HTML page with the trace id rather than a JSON
/// problem document. API requests fall through to the problem-document handler.
/// </summary>
internal sealed class UiExceptionHandler(IStringLocalizer<UiText> text, ILogger<UiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!UiServices.IsUiRequest(http.Request))
        {
            return false;
        }

        if (http.RequestAborted.IsCancellationRequested)
        {
            return true;
        }

        var unavailable = Luoshi.Application.Data.DatabaseUnavailable.Is(exception);
        if (unavailable)
        {
            log.LogWarning("Database unavailable on page {Method} {Path}", http.Request.Method, http.Request.Path);
            http.Response.Headers.RetryAfter = Infrastructure.ProblemExceptionHandler.RetryAfterSeconds;
        }
        else
        {
            log.LogError(exception, "Unhandled error on page {Method} {Path}", http.Request.Method, http.Request.Path);
        }

        var html = HtmlEncoder.Default;
        var detail = unavailable ? text["Error.Unavailable"] : text["Error.Detail"];
        http.Response.StatusCode = unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            $"""
            <!doctype html><html lang="{UiContext.LanguageTag}"><meta charset="utf-8"><title>{html.Encode(text["Error.Title"])}</title>
            <link rel="stylesheet" href="/css/luoshi.css">
            <main class="page narrow"><h1>{html.Encode(text["Error.Title"])}</h1><p>{html.Encode(detail)}</p>
            <p class="muted">{html.Encode(text["Error.Trace"])} <code>{html.Encode(http.TraceIdentifier)}</code></p><p><a href="/">{html.Encode(text["Nav.Dashboard"])}</a></p></main>
            """,
            ct);
        return true;
    }
}
