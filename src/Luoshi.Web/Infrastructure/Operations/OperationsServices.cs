using System.Text.Json;
using Luoshi.Application.Data;
using Luoshi.Domain.Common;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Luoshi.Web.Infrastructure.Operations;

/// <summary>
/// What running several servers behind a proxy needs from each (docs/adr/0013): liveness and readiness
/// probes, a request id that follows a request through the proxy, the logs and the audit log, graceful
/// shutdown that drains requests; metrics and traces are in <see cref="Telemetry"/>.
/// </summary>
public static class OperationsServices
{
    public const string RequestIdHeader = "X-Request-Id";
    private const string Ready = "ready";

    public static WebApplicationBuilder AddLuoshiOperations(this WebApplicationBuilder builder, LuoshiOptions options, DatabaseOptions database)
    {
        // One JSON object per line with the request id in its scopes, for log shippers; plain lines otherwise.
        if (string.Equals(options.LogFormat, "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }

        // On SIGTERM the server stops accepting connections, reports itself not ready, and lets the requests it
        // has finish for up to this long before it stops.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(options.ShutdownSeconds));
        builder.Services.AddSingleton(Application.Operations.HeapLimit.Apply(options.HeapLimitMegabytes));
        builder.Services.AddSingleton<StartupState>();
        builder.Services.AddHealthChecks()
            .AddCheck<StartupState>("startup", tags: [Ready])
            .AddDbContextCheck<LuoshiDbContext>("database", tags: [Ready]);
        builder.AddLuoshiTelemetry(database.Provider);
        return builder;
    }

    /// <summary>First in the pipeline: every log line and audit entry of a request carries its id.</summary>
    public static IApplicationBuilder UseLuoshiRequestIds(this IApplicationBuilder app)
    {
        var log = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Luoshi.Requests");
        app.Use(async (http, next) =>
        {
            // A proxy's id (nginx $request_id) is kept, so that its access log and ours name the same request.
            if (http.Request.Headers[RequestIdHeader].ToString() is { Length: > 0 and <= 64 } incoming && incoming.All(IsIdChar))
            {
                http.TraceIdentifier = incoming;
            }

            http.Response.Headers[RequestIdHeader] = http.TraceIdentifier;
            Telemetry.TagRequestId(http.TraceIdentifier);
            using (log.BeginScope(new Dictionary<string, object> { ["RequestId"] = http.TraceIdentifier }))
            {
                await next();
            }
        });
        return app;
    }

    public static IEndpointRouteBuilder MapLuoshiOperations(this IEndpointRouteBuilder app)
    {
        // Live: the process answers. Ready: migrated, the database answers, and not shutting down.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealth }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteHealth }).AllowAnonymous();
        app.MapGet("/health", () => Results.Text("ok")).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static bool IsIdChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':';

    private static Task WriteHealth(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString().ToLowerInvariant(), description = e.Value.Description, ms = Math.Round(e.Value.Duration.TotalMilliseconds, 1) }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

/// <summary>Readiness beyond the database: the schema is migrated (and the demo loaded), and the server is not stopping.</summary>
internal sealed class StartupState(IHostApplicationLifetime lifetime) : IHealthCheck
{
    private volatile bool _initialized;

    public void Initialized() => _initialized = true;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            lifetime.ApplicationStopping.IsCancellationRequested ? HealthCheckResult.Unhealthy(new Text("停机中", "shutting down").Bilingual)
            : !_initialized ? HealthCheckResult.Unhealthy(new Text("初始化中", "migrating the database").Bilingual)
            : HealthCheckResult.Healthy());
}
