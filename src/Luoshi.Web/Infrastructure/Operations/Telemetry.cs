using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Luoshi.Web.Infrastructure.Operations;

/// <summary>
/// Metrics and traces through OpenTelemetry (docs/adr/0029). Metrics are always collected and answered at
/// <c>/metrics</c> in Prometheus text; with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set they are also pushed to that
/// collector, and every request is traced there, down to the database.
/// </summary>
public static class Telemetry
{
    public const string MetricsPath = "/metrics";

    /// <summary>The attribute of a request's span that carries its id, as the logs and the audit log name it.</summary>
    public const string RequestIdAttribute = "luoshi.request.id";

    /// <summary>The standard variable (read through configuration, so also <c>--OTEL_EXPORTER_OTLP_ENDPOINT=…</c>).</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddLuoshiTelemetry(this WebApplicationBuilder builder, DatabaseProvider provider)
    {
        bool otlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("luoshi", serviceVersion: typeof(Telemetry).Assembly.GetName().Version?.ToString()))
            .WithMetrics(m =>
            {
                // Of ASP.NET Core's meters, the ones /metrics always had: request durations, Kestrel's connections and the rate
                // limiter. Its instrumentation would also enable routing, authentication and authorization meters, each a
                // measurement on every request, which the cached answers would pay for (bench/README.md).
                m.AddMeter(LuoshiMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting")
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    // Every scrape reads the current values: the default keeps an answer for 300 ms.
                    .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);

                // Only this server's meters. Listeners take a meter made by any host's factory for their own, so several
                // servers in one process (the tests) would share series, and one stopping would end the other's; meters
                // made outside any factory (the runtime's) are the process's and stay.
                ((IDeferredMeterProviderBuilder)m).Configure((sp, b) =>
                {
                    var own = sp.GetRequiredService<IMeterFactory>();
                    b.AddView(i => i.Meter.Scope is { } scope && !ReferenceEquals(scope, own) ? MetricStreamConfiguration.Drop : null);
                });
                if (otlp)
                {
                    m.AddOtlpExporter();
                }
            });

        // Traces only go somewhere when a collector is named; without one no request pays for spans.
        if (otlp)
        {
            telemetry.WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation(o => o.Filter = http => !IsProbe(http.Request.Path))
                    .AddHttpClientInstrumentation();

                // PostgreSQL: Npgsql's spans (EF Core's commands and the bulk COPY of imports alike). SQLite's driver has
                // none, so there EF Core's commands are the database spans.
                if (provider == DatabaseProvider.Postgres)
                {
                    t.AddNpgsql();
                }
                else
                {
                    t.AddEntityFrameworkCoreInstrumentation();
                }

                t.AddOtlpExporter();
            });
        }

        return builder;
    }

    /// <summary>
    /// <c>/metrics</c> for the machine itself and the private network (after the proxy's forwarded address is
    /// applied); anyone else falls through to a plain 404.
    /// </summary>
    public static IApplicationBuilder UseLuoshiMetrics(this IApplicationBuilder app) =>
        app.UseOpenTelemetryPrometheusScrapingEndpoint(http => http.Request.Path == MetricsPath && MayScrape(http.Connection.RemoteIpAddress));

    /// <summary>Names the current request's span by the request's id, when the request is being traced.</summary>
    public static void TagRequestId(string id) => Activity.Current?.SetTag(RequestIdAttribute, id);

    private static bool IsProbe(PathString path) => path.StartsWithSegments("/health") || path == MetricsPath;

    private static bool MayScrape(IPAddress? address)
    {
        if (address is null)
        {
            return true; // in-process test server
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return true;
        }

        var b = address.GetAddressBytes();
        return address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork
            ? b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168)
            : address.IsIPv6UniqueLocal;
    }
}
