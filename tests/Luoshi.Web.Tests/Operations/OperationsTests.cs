using System.Net;
using System.Text.Json.Nodes;
using Luoshi.Application.Identity;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Identity;
using Luoshi.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Web.Tests.Operations;

/// <summary>Probes, request ids and metrics: what a proxy and an operator read from each server.</summary>
public sealed class OperationsTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Probes_LiveAndReady_AnswerWithoutSignIn_AndReadyChecksTheDatabase(Db db)
    {
        var app = await fixture.For(db);

        var live = await app.Anonymous.GetAsync("/health/live");
        var ready = await app.Anonymous.GetAsync("/health/ready");

        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;
        body["status"]!.GetValue<string>().ShouldBe("healthy");
        body["checks"]!["database"]!["status"]!.GetValue<string>().ShouldBe("healthy");
        body["checks"]!["startup"]!["status"]!.GetValue<string>().ShouldBe("healthy");
        ready.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RequestId_FromTheProxy_IsEchoed_AndRecordedInTheAuditLog(Db db)
    {
        var app = await fixture.For(db);
        var id = "nginx-" + Guid.NewGuid().ToString("N");

        using var write = new HttpRequestMessage(HttpMethod.Post, "/api/readings")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { indicator = "FAI", org = "330103", period = "2026-03", value = 7.5m, comment = "request id" }),
        };
        write.Headers.Add("X-Request-Id", id);
        var response = await app.Client.SendAsync(write);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("X-Request-Id").ShouldBe([id]);
        await using var scope = app.OperatorScope();
        var entries = await scope.ServiceProvider.GetRequiredService<ReadAudit>().List(TestApp.AdminName, "Reading", null, 50, default);
        entries.ShouldContain(e => e.RequestId == id);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("<script>")]
    [InlineData("x1234567890123456789012345678901234567890123456789012345678901234567890")]
    public async Task RequestId_ThatIsNotAnId_IsReplaced(string hostile)
    {
        var app = await fixture.For(Db.Sqlite);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.TryAddWithoutValidation("X-Request-Id", hostile);

        var response = await app.Anonymous.SendAsync(request);

        var echoed = response.Headers.GetValues("X-Request-Id").Single();
        echoed.ShouldNotBe(hostile);
        echoed.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Metrics_AreInPrometheusTextFormat_WithRequestDurationsAndSnapshotLoads()
    {
        var app = await fixture.For(Db.Sqlite);
        (await app.Client.GetAsync("/api/evaluation?period=2026-02")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await app.Anonymous.GetAsync("/metrics");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain("# TYPE http_server_request_duration_seconds histogram");
        text.ShouldContain("# TYPE luoshi_evaluation_snapshot_loads_total counter");
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var loads = lines.Where(l => l.StartsWith("luoshi_evaluation_snapshot_loads_total", StringComparison.Ordinal)).Sum(l => double.Parse(l.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture));
        loads.ShouldBeGreaterThanOrEqualTo(1);

        // Every histogram series is cumulative and ends in +Inf equal to its count.
        var evaluation = lines.Where(l => l.StartsWith("http_server_request_duration_seconds_", StringComparison.Ordinal) && l.Contains("http_route=\"/api/evaluation/\"", StringComparison.Ordinal)).ToList();
        var buckets = evaluation.Where(l => l.Contains("_bucket{", StringComparison.Ordinal)).Select(l => long.Parse(l.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        buckets.ShouldNotBeEmpty();
        buckets.ShouldBeInOrder(SortDirection.Ascending);
        var count = evaluation.Single(l => l.Contains("_count{", StringComparison.Ordinal) && l.Contains("http_response_status_code=\"200\"", StringComparison.Ordinal));
        long.Parse(count.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(1);
        foreach (var line in lines.Where(l => !l.StartsWith('#')))
        {
            line.ShouldMatch(@"^[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})? [-+0-9.eEInfNa]+$");
        }

        // Later requests with the same route and status add to the same series; every scrape reads the current values.
        (await app.Client.GetAsync("/api/evaluation?period=2026-02")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.Client.GetAsync("/api/evaluation?period=2026-03")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var later = (await app.Anonymous.GetStringAsync("/metrics")).Split('\n')
            .Single(l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal) && l.Contains("http_route=\"/api/evaluation/\"", StringComparison.Ordinal) && l.Contains("http_response_status_code=\"200\"", StringComparison.Ordinal));
        long.Parse(later.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeGreaterThanOrEqualTo(long.Parse(count.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture) + 2);
    }
}
