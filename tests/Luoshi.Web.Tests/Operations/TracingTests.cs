using System.Diagnostics;
using System.Net;
using Luoshi.Web.Infrastructure.Operations;
using Luoshi.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Luoshi.Web.Tests.Operations;

/// <summary>With a collector named, every request is one trace from the server down to the database.</summary>
public sealed class TracingTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ARequest_IsOneTrace_DownToTheDatabase_NamedByItsRequestId(Db db)
    {
        var spans = new Spans();
        await using var app = await TestApp.StartAsync(db, configure: b =>
        {
            // Nothing listens there: the OTLP export fails quietly, and the spans are read from memory beside it.
            b.Configuration[Telemetry.OtlpEndpointSetting] = "http://127.0.0.1:9";
            b.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
        });
        var id = "trace-" + Guid.NewGuid().ToString("N")[..12];

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/audit?limit=1");
        request.Headers.Add("X-Request-Id", id);
        (await app.Client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The server's span ends as the response completes, which the client may see first; it is waited for, not timed.
        var server = await Eventually(spans, s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem(Telemetry.RequestIdAttribute), id));
        server.ParentSpanId.ShouldBe(default, "the request starts its own trace");
        var trace = spans.Snapshot().Where(s => s.TraceId == server.TraceId).ToList();
        trace.Count(s => s.Kind == ActivityKind.Server).ShouldBe(1);
        var database = trace.Where(s => s.Kind == ActivityKind.Client && s.TagObjects.Any(t => t.Key.StartsWith("db.", StringComparison.Ordinal))).ToList();
        database.ShouldNotBeEmpty("the request read the audit log from the database");
        database.ShouldAllBe(s => s.StartTimeUtc >= server.StartTimeUtc);
    }

    private static async Task<Activity> Eventually(Spans spans, Func<Activity, bool> match)
    {
        for (int i = 0; i < 200; i++)
        {
            if (spans.Snapshot().FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new ShouldAssertException("no such span was exported within 10 s");
    }

    /// <summary>The exported spans, added on the exporter's thread while the test reads them.</summary>
    private sealed class Spans : System.Collections.ObjectModel.Collection<Activity>
    {
        private readonly Lock _gate = new();

        public List<Activity> Snapshot()
        {
            lock (_gate)
            {
                return [.. Items];
            }
        }

        protected override void InsertItem(int index, Activity item)
        {
            lock (_gate)
            {
                base.InsertItem(index, item);
            }
        }
    }
}
