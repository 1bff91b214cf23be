using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Luoshi.Application.Spreadsheets;
using Luoshi.Web.Tests.Infrastructure;

namespace Luoshi.Web.Tests.Api;

/// <summary>
/// The evaluation through the API on both providers, over a small hand-made province:
/// FAI (monthly, cumulative, linear, tolerance 5%), annual target of 甲市 330100 = 1200, so at June the
/// expected-to-date is 1200 × 6/12 = 600.
/// </summary>
public sealed class EvaluationApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static readonly HashSet<TestApp> Done = [];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RolledUpCity_IsJudgedAgainstTimeProgress_WithItsReason(Db db)
    {
        var app = await Seed(db);

        var rows = await Rows(app, "/api/evaluation?period=2026-06&asOf=2026-07-25&org=330100&indicator=FAI");

        // Counties 330102 (350) and 330103 (270) report; the city has no own figure: 620 rolled up.
        var city = rows.Single(r => r["org"]!.GetValue<string>() == "330100");
        city["actual"]!.GetValue<double>().ShouldBe(620);
        city["expected"]!.GetValue<double>().ShouldBe(600);
        city["target"]!.GetValue<decimal>().ShouldBe(1200m);
        city["status"]!.GetValue<string>().ShouldBe("green");
        city["rolledUp"]!.GetValue<bool>().ShouldBeTrue();
        city["reason"]!.GetValue<string>().ShouldContain("620");
        city["reason"]!.GetValue<string>().ShouldContain("600");
        city["reasonEn"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();

        // 330103: 270 against 300 expected (600 × 6/12) is 10% behind, beyond the 5% tolerance.
        var lagging = rows.Single(r => r["org"]!.GetValue<string>() == "330103");
        lagging["expected"]!.GetValue<double>().ShouldBe(300);
        lagging["status"]!.GetValue<string>().ShouldBe("red");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DerivedShare_RollsUpAsSumOverSum_AndYoyComesFromLastYear(Db db)
    {
        var app = await Seed(db);

        var rows = await Rows(app, "/api/evaluation?period=2026-06&asOf=2026-07-25&org=330100&depth=0");

        // Σ PRIVATE_INV / Σ FAI = (210 + 100) / (350 + 270) = 50%, not the average of 60% and 37.04%.
        rows.Single(r => r["indicator"]!.GetValue<string>() == "PRIVATE_SHARE")["actual"]!.GetValue<double>().ShouldBe(50);

        // Last June the city had 500: (620 − 500) / 500 = 24%.
        rows.Single(r => r["indicator"]!.GetValue<string>() == "FAI")["yoy"]!.GetValue<double>().ShouldBe(24);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AWriteThroughTheApi_ShowsInTheNextEvaluation(Db db)
    {
        var app = await Seed(db);
        // May, a month no other test of this class writes or asks about (they share the database, in any order).
        var before = await Rows(app, "/api/evaluation?period=2026-05&asOf=2026-07-25&org=330202&depth=0&indicator=FAI");

        (await app.Client.PostAsJsonAsync("/api/readings", new { indicator = "FAI", org = "330202", period = "2026-05", value = 999 })).EnsureSuccessStatusCode();
        var after = await Rows(app, "/api/evaluation?period=2026-05&asOf=2026-07-25&org=330202&depth=0&indicator=FAI");

        before.ShouldAllBe(r => r["actual"] == null);
        after.Single()["actual"]!.GetValue<double>().ShouldBe(999);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task MissingAfterTheDeadline_IsGrey_AndBeforeItNone(Db db)
    {
        var app = await Seed(db);

        var late = await Rows(app, "/api/evaluation?period=2026-06&asOf=2026-07-25&org=330200&depth=0&indicator=FAI");
        var early = await Rows(app, "/api/evaluation?period=2026-06&asOf=2026-07-10&org=330200&depth=0&indicator=FAI");

        late.Single()["status"]!.GetValue<string>().ShouldBe("grey");
        early.Single()["status"]!.GetValue<string>().ShouldBe("none");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task BadQueries_AreProblems_AndAnonymousIs401(Db db)
    {
        var app = await Seed(db);

        await (await app.Client.GetAsync("/api/evaluation?period=June")).ShouldBeProblem(HttpStatusCode.BadRequest, "period");
        await (await app.Client.GetAsync("/api/evaluation?org=nowhere")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await app.Client.GetAsync("/api/evaluation?status=purple")).ShouldBeProblem(HttpStatusCode.BadRequest, "status");
        await (await app.Client.GetAsync("/api/evaluation?depth=99")).ShouldBeProblem(HttpStatusCode.BadRequest, "depth");
        (await app.Client.GetAsync("/api/evaluation?asOf=notadate")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await (await app.Anonymous.GetAsync("/api/evaluation")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PlanTree_AndCalendarChecks_Answer(Db db)
    {
        var app = await Seed(db);

        var plan = JsonNode.Parse(await app.Client.GetStringAsync("/api/evaluation/plan?period=2026-06&asOf=2026-07-25"))!;
        var checks = JsonNode.Parse(await app.Client.GetStringAsync("/api/evaluation/checks?year=2026&asOf=2026-07-25"))!;

        var milestone = plan["items"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "EVM1")!;
        milestone["overdue"]!.GetValue<bool>().ShouldBeTrue();
        milestone["status"]!.GetValue<string>().ShouldBe("red");
        plan["items"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "EVP")!["status"]!.GetValue<string>().ShouldBe("red");
        plan["period"]!.GetValue<string>().ShouldBe("2026-06");
        checks["halfYear"]!["items"]!.AsArray().ShouldNotBeEmpty();
        checks["firstQuarter"].ShouldNotBeNull();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Series_OfOneIndicatorAtAUnit_JudgesEveryPeriod(Db db)
    {
        var app = await Seed(db);

        var response = await app.Client.GetAsync("/api/evaluation/series?indicator=FAI&org=330100&from=2026-01&to=2026-06&asOf=2026-07-25");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var rows = JsonNode.Parse(body)!.AsArray();

        // The annual target gives every month a row; March and June hold the counties' sums against 1200 × m/12.
        rows.Select(r => r!["period"]!.GetValue<string>()).ShouldBe(["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]);
        rows[2]!["actual"]!.GetValue<double>().ShouldBe(290);
        rows[2]!["expected"]!.GetValue<double>().ShouldBe(300);
        rows[5]!["actual"]!.GetValue<double>().ShouldBe(620);
        rows[5]!["yoy"]!.GetValue<double>().ShouldBe(24);
        rows[1]!["status"]!.GetValue<string>().ShouldBe("grey");

        await (await app.Client.GetAsync("/api/evaluation/series?indicator=FAI&org=330100&from=2026Q1")).ShouldBeProblem(HttpStatusCode.BadRequest, "from");
        await (await app.Client.GetAsync("/api/evaluation/series?indicator=FAI")).ShouldBeProblem(HttpStatusCode.BadRequest, "org");
        await (await app.Client.GetAsync("/api/evaluation/series?indicator=NOPE&org=330100")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnAnswer_IsTagged_Compressed_AndRevalidated_UntilTheDataChange(Db db)
    {
        var app = await Seed(db);
        const string url = "/api/evaluation?period=2026-06&asOf=2026-07-25&org=330000&depth=2";
        async Task<HttpResponseMessage> Get(string? encoding = null, EntityTagHeaderValue? tag = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (encoding is not null)
            {
                request.Headers.AcceptEncoding.ParseAdd(encoding);
            }

            if (tag is not null)
            {
                request.Headers.IfNoneMatch.Add(tag);
            }

            return await app.Client.SendAsync(request);
        }

        var plain = await Get();
        var plainBody = await plain.Content.ReadAsByteArrayAsync();
        plainBody.Length.ShouldBeGreaterThan(1024, "large enough to be worth compressing");
        var brotli = await Get("br");
        var gzip = await Get("gzip, deflate");
        var refused = await Get("br;q=0, gzip;q=0");
        var tag = plain.Headers.ETag.ShouldNotBeNull();
        var unchanged = await Get(tag: tag);

        (await app.Client.PostAsJsonAsync("/api/readings", new { indicator = "PRIVATE_INV", org = "330202", period = "2026-06", value = 77 })).EnsureSuccessStatusCode();
        var changed = await Get(tag: tag);

        plain.StatusCode.ShouldBe(HttpStatusCode.OK);
        plain.Content.Headers.ContentEncoding.ShouldBeEmpty();
        plain.Headers.CacheControl!.Private.ShouldBeTrue();
        brotli.Content.Headers.ContentEncoding.ShouldBe(["br"]);
        Decode(new System.IO.Compression.BrotliStream(await brotli.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress)).ShouldBe(plainBody);
        gzip.Content.Headers.ContentEncoding.ShouldBe(["gzip"]);
        Decode(new System.IO.Compression.GZipStream(await gzip.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress)).ShouldBe(plainBody);
        refused.Content.Headers.ContentEncoding.ShouldBeEmpty();
        (await refused.Content.ReadAsByteArrayAsync()).ShouldBe(plainBody);
        brotli.Headers.ETag.ShouldBe(tag);
        unchanged.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await unchanged.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        changed.Headers.ETag.ShouldNotBe(tag);
        JsonNode.Parse(await changed.Content.ReadAsStringAsync())!["rows"]!.AsArray()
            .Single(r => r!["org"]!.GetValue<string>() == "330202" && r["indicator"]!.GetValue<string>() == "PRIVATE_INV")!["actual"]!.GetValue<double>().ShouldBe(77);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnAnswerWorkedOutForOneReader_IsStillRefusedToAReaderWithoutTheGrant(Db db)
    {
        var app = await Seed(db);
        var reporter = await app.ClientFor("fang.min", Luoshi.Domain.Identity.Role.Reporter, "330100");
        const string elsewhere = "/api/evaluation?period=2026-06&asOf=2026-07-25&org=330200&depth=0";
        const string own = "/api/evaluation?period=2026-06&asOf=2026-07-25&org=330100&depth=0";

        (await app.Client.GetAsync(elsewhere)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var adminOwn = await app.Client.GetStringAsync(own);

        await (await reporter.GetAsync(elsewhere)).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await reporter.GetStringAsync(own)).ShouldBe(adminOwn);
    }

    private static byte[] Decode(Stream decompressing)
    {
        using var output = new MemoryStream();
        using (decompressing)
        {
            decompressing.CopyTo(output);
        }

        return output.ToArray();
    }

    private static async Task<List<JsonNode>> Rows(TestApp app, string url)
    {
        var response = await app.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return [.. JsonNode.Parse(body)!["rows"]!.AsArray().Select(n => n!)];
    }

    private async Task<TestApp> Seed(Db db)
    {
        var app = await fixture.For(db);
        await Seeded.WaitAsync();
        try
        {
            if (Done.Add(app))
            {
                await app.ImportCsvAsync(ImportKind.Targets, "indicator,org,year,value,qualifier\nFAI,330100,2026,1200,atLeast\nFAI,330102,2026,600,atLeast\nFAI,330103,2026,600,atLeast\nFAI,330200,2026,800,atLeast\n");
                await app.ImportCsvAsync(ImportKind.Readings, "indicator,org,period,value\nFAI,330102,2026-06,350\nFAI,330103,2026-06,270\nPRIVATE_INV,330102,2026-06,210\nPRIVATE_INV,330103,2026-06,100\nFAI,330102,2025-06,300\nFAI,330103,2025-06,200\nFAI,330102,2026-03,150\nFAI,330103,2026-03,140\nFAI,330102,2025-03,120\nFAI,330103,2025-03,100\n");
                await app.ImportCsvAsync(ImportKind.Plans, "code,kind,title,parent,lead,supporting,start,due,horizon,indicators\nEVS,Strategy,评估战略,,,,,,,\nEVP,Programme,评估工程,EVS,,,,,,FAI\nEVT,Task,评估任务,EVP,330100,,2026-01-01,2026-12-31,annual,\nEVM1,Milestone,上半年节点,EVT,330100,,,2026-06-30,annual,\n");
            }
        }
        finally
        {
            Seeded.Release();
        }

        return app;
    }
}
