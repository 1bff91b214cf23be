using System.Text.Json;
using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Web.Infrastructure;

/// <summary>
/// Turns every failure into an RFC 7807 problem document. Refused input names its field (and for files,
/// row and column) in <c>errors</c>; unexpected failures say nothing about the server's insides.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, IHostEnvironment env, LuoshiMetrics metrics, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // The handler runs outside the request's own pipeline, so the client's language is set again here.
        ApiLanguage.Apply(http);

        // EF evaluates a query's parameters itself and wraps what they throw: a refusal is still a refusal.
        if (exception is InvalidOperationException { InnerException: { } inner } && inner is DomainException or InputRefusedException)
        {
            exception = inner;
        }

        var problem = exception switch
        {
            InputRefusedException e => Refused(e),
            DomainConflictException e => Problem(StatusCodes.Status409Conflict, new Text("冲突", "conflict"), e.Detail, e.Field),
            DomainForbiddenException e => Problem(StatusCodes.Status403Forbidden, new Text("无权限", "forbidden"), e.Detail, e.Field),
            DomainException e => Problem(StatusCodes.Status400BadRequest, new Text("输入有误", "invalid input"), e.Detail, e.Field),
            NotFoundException e => Problem(StatusCodes.Status404NotFound, new Text("未找到", "not found"), e.Detail, null),
            UnauthenticatedException e => Problem(StatusCodes.Status401Unauthorized, new Text("需要登录", "sign-in required"), e.Detail, null),
            ForbiddenException e => Problem(StatusCodes.Status403Forbidden, new Text("无权限", "forbidden"), e.Detail, null),
            ConflictException e => Problem(StatusCodes.Status409Conflict, new Text("冲突", "conflict"), e.Detail, e.Field),
            DbUpdateException when DatabaseConflict.Is(exception) => Problem(StatusCodes.Status409Conflict, new Text("冲突", "conflict"), new Text("数据刚被他人同时修改,请刷新后重试", "someone changed the same data at the same moment; reload and try again"), "version"),
            DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, new Text("冲突", "conflict"), new Text("数据已被他人修改", "the data was changed by someone else"), "version"),
            BadHttpRequestException e => BadRequest(e),
            OperationCanceledException when http.RequestAborted.IsCancellationRequested => null,
            _ when DatabaseUnavailable.Is(exception) => Unavailable(http),
            _ => null,
        };

        if (problem is null)
        {
            if (http.RequestAborted.IsCancellationRequested)
            {
                return true;
            }

            log.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = new Text("服务器内部错误", "internal server error").ToString(),
                Detail = env.IsDevelopment() ? exception.Message : null,
            };
        }

        problem.Extensions["traceId"] = http.TraceIdentifier;
        http.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private ProblemDetails Unavailable(HttpContext http)
    {
        // Nothing was written: the transaction could not reach the database. Worth a retry shortly.
        metrics.DatabaseUnavailable();
        log.LogWarning("Database unavailable on {Method} {Path}", http.Request.Method, http.Request.Path);
        http.Response.Headers.RetryAfter = RetryAfterSeconds;
        return new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = new Text("服务暂不可用", "service temporarily unavailable").ToString(),
            Detail = new Text("数据库暂时无法访问,请稍后重试", "the database cannot be reached right now; please retry shortly").ToString(),
        };
    }

    public const string RetryAfterSeconds = "5";

    private static ProblemDetails Problem(int status, Text title, Text detail, string? field)
    {
        var p = new ProblemDetails { Status = status, Title = title.ToString(), Detail = detail.ToString() };
        if (field is not null)
        {
            p.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [p.Detail] };
        }

        return p;
    }

    private static ProblemDetails Refused(InputRefusedException e)
    {
        var p = new ProblemDetails
        {
            Status = e.IsFileContent ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status400BadRequest,
            Title = e.Title.ToString(),
            Detail = string.Join("; ", e.Errors.Take(5).Select(x => x.ToString())),
        };
        p.Extensions["errors"] = e.Errors.GroupBy(x => x.Column ?? x.Field).ToDictionary(g => g.Key, g => g.Select(x => x.ToString()).ToArray());
        p.Extensions["problems"] = e.Errors.Select(x => new { field = x.Field, row = x.Row, column = x.Column, message = x.Message.ToString() }).ToArray();
        return p;
    }

    private static ProblemDetails BadRequest(BadHttpRequestException e)
    {
        // A JSON body that does not parse: name the JSON path of the bad value (e.g. "$.value" → value).
        var json = e.InnerException as JsonException ?? e.InnerException?.InnerException as JsonException;
        var field = json?.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
        var detail = json is JsonValueRefusedException refused
            ? new Text($"请求体中 {field} 的值无效:{refused.Reason.Zh}", $"the value of '{field}' in the request body is invalid: {refused.Reason.En}")
            : json is not null
            ? new Text($"请求体中 {field} 的值无效", $"the value of '{field}' in the request body is invalid")
            : e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? new Text("请求体过大", "the request body is too large")
                : new Text("请求无效", $"bad request: {e.Message}");
        return Problem(e.StatusCode, new Text("输入有误", "invalid input"), detail, field);
    }
}
