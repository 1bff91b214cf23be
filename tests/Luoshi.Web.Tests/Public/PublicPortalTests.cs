using System.Net;
using System.Net.Http.Json;
using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;
using Luoshi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Luoshi.Web.Tests.Public;

/// <summary>
/// The public portal on both providers: what is published appears, approved values only; what is not published appears on
/// no public route — checked over every route under <c>/public</c> the app maps, so a new one cannot ship unprobed.
/// </summary>
public sealed class PublicPortalTests
{
    /// <summary>
    /// Text that must never reach a public route: names not published, the value of an unpublished indicator a public
    /// formula reads, values not approved. (The unpublished indicator's code may: the public ratio's formula names it.)
    /// </summary>
    private static readonly string[] Secrets = ["保密乙指标", "4321.5", "987654", "876543", "P_SECRET", "保密政策", "XM_SECRET", "保密项目", "保密考核"];

    private const string Indicators = """
        code,name,unit,direction,frequency,valueKind,aggregation,formula,tolerance,profile
        PUB_A,公开甲指标,亿元,higher,month,cumulative,sum,,5%,linear
        SECRET_B,保密乙指标,亿元,higher,month,cumulative,sum,,5%,linear
        PUB_RATIO,公开比率,%,higher,month,level,formula,SECRET_B / PUB_A * 100,0.5,linear
        """;

    private const string Scheme = """
        { "name": "NAME", "year": 2026, "period": "2026-03", "group": ["330100", "330200"],
          "criteria": [ { "code": "INV", "name": "投资", "points": 100, "indicator": "PUB_A", "method": { "type": "attainment" } } ],
          "grades": [ { "name": "优秀", "minScore": 90 }, { "name": "一般" } ] }
        """;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task IndicatorData_HoldsPublicIndicatorsOnly_WithApprovedValues(Db db)
    {
        await using var app = await Seeded(db);

        var csv = await Text(app, "/public/data/indicators.csv?org=330102");
        csv.ShouldContain("\r\n");                                          // RFC 4180 line ends
        var lines = Lines(csv);
        lines[0].ShouldBe("indicator,org,period,value,target,status");
        lines.Skip(1).Select(l => l.Split(',')[0]).Distinct().Order().ShouldBe(["PUB_A", "PUB_RATIO"]);
        lines.ShouldContain("PUB_A,330102,2026-01,200,500,green");

        // The February value is a draft and March's was returned after approval: the public sees no February and the approved March.
        lines.ShouldNotContain(l => l.StartsWith("PUB_A,330102,2026-02,", StringComparison.Ordinal) && l.Split(',')[3] != string.Empty);
        lines.ShouldContain(l => l.StartsWith("PUB_A,330102,2026-03,300,", StringComparison.Ordinal));

        // The derived ratio reads the unpublished indicator's approved values, and only shows its own.
        lines.ShouldContain(l => l.StartsWith("PUB_RATIO,330102,2026-01,2160.75,", StringComparison.Ordinal));

        var json = JsonNode.Parse(await Text(app, "/public/data/indicators.json?org=330102"))!.AsArray();
        json.Count.ShouldBe(lines.Length - 1);
        json[0]!.AsObject().Select(p => p.Key).ShouldBe(["indicator", "org", "period", "value", "target", "status"]);

        var filtered = Lines(await Text(app, "/public/data/indicators.csv?indicator=PUB_A&org=330100&from=2026-02&to=2026-03"));
        filtered.Skip(1).Select(l => l.Split(',')[2]).ShouldBe(["2026-02", "2026-03"]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EveryPublicRoute_ShowsNothingUnpublished_ToAnyone(Db db)
    {
        await using var app = await Seeded(db);
        var runs = JsonNode.Parse(await app.Client.GetStringAsync("/api/assessment/runs"))!.AsArray();
        int Run(string state) => runs.Single(r => r!["state"]!.GetValue<string>() == state)!["id"]!.GetValue<int>();
        var probes = Probes(Run("published"), Run("draft"));
        var routes = app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/public", StringComparison.OrdinalIgnoreCase))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        routes.ShouldNotBeEmpty();
        routes.Where(r => !probes.ContainsKey(r)).ShouldBeEmpty("every public route needs a probe here");

        var planner = await app.ClientFor("public-planner", Domain.Identity.Role.Planner, null);
        foreach (var route in routes)
        {
            foreach (var url in probes[route])
            {
                foreach (var (who, client) in new[] { ("anonymous", app.Anonymous), ("planner", planner), ("admin", app.Client) })
                {
                    var response = await client.GetAsync(url);
                    var body = await response.Content.ReadAsStringAsync();
                    ((int)response.StatusCode).ShouldBeLessThan(500, $"{who} {url}: {body}");
                    // A code asked for is named in the answer that it was not found, as an unknown code is; nothing else is.
                    foreach (var secret in Secrets.Where(s => !url.Contains(s, StringComparison.Ordinal)))
                    {
                        body.ShouldNotContain(secret, Case.Sensitive, $"{who} {url} shows {secret}");
                    }
                }
            }
        }

        // An unpublished indicator is answered exactly as one that does not exist.
        var hidden = await (await app.Anonymous.GetAsync("/public/data/indicators.csv?indicator=SECRET_B")).ShouldBeProblem(HttpStatusCode.NotFound);
        var unknown = await (await app.Anonymous.GetAsync("/public/data/indicators.csv?indicator=NO_SUCH")).ShouldBeProblem(HttpStatusCode.NotFound);
        hidden["detail"]!.GetValue<string>().Replace("SECRET_B", "NO_SUCH", StringComparison.Ordinal).ShouldBe(unknown["detail"]!.GetValue<string>());

        // The anonymous API follows the same switch for projects and policies; a signed-in reader still sees everything.
        foreach (var url in new[] { "/api/projects", "/api/projects/browse", "/api/policies" })
        {
            (await Text(app, url)).ShouldNotContain("SECRET");
            (await app.Client.GetStringAsync(url)).ShouldContain("SECRET");
        }

        (await app.Anonymous.GetAsync("/api/projects/XM_SECRET")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Anonymous.GetAsync("/api/projects/XM_SECRET/curve")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Anonymous.GetAsync("/api/projects/XM_PUB")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The public ratio explains itself by its formula, naming the unpublished input without its value.
        var ratio = JsonNode.Parse(await Text(app, "/public/data/indicators.json?indicator=PUB_RATIO&org=330102&from=2026-01&to=2026-01"))!.AsArray();
        ratio.Single()!["value"]!.GetValue<double>().ShouldBe(2160.75);
        (await Text(app, "/public/indicators/PUB_RATIO?org=330102&from=2026-01&to=2026-01")).ShouldContain("SECRET_B=(未公开)");

        // And what is published does appear.
        (await Text(app, "/public/data/policies.csv")).ShouldContain("P_PUB,公开政策");
        (await Text(app, "/public/data/projects.csv")).ShouldContain("XM_PUB,公开项目");
        (await Text(app, "/public/data/assessment.csv")).ShouldContain("公开考核");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SwitchingOff_TakesAnItemOutOfEveryPublicFile_AtOnce_AndIsAudited(Db db)
    {
        await using var app = await Seeded(db);
        (await Text(app, "/public/feed.atom")).ShouldContain("公开甲指标");

        var off = await (await app.Client.PutAsJsonAsync("/api/publication/indicator/PUB_A", new { @public = false })).Content.ReadFromJsonAsync<JsonObject>();
        off!["isPublic"]!.GetValue<bool>().ShouldBeFalse();
        (await app.Client.PutAsJsonAsync("/api/publication/policy/P_PUB", new { @public = false })).EnsureSuccessStatusCode();

        await (await app.Anonymous.GetAsync("/public/data/indicators.csv?indicator=PUB_A")).ShouldBeProblem(HttpStatusCode.NotFound);
        (await Text(app, "/public/data/indicators.csv")).ShouldNotContain("PUB_A,");
        (await Text(app, "/public/feed.atom")).ShouldNotContain("公开甲指标");
        (await Text(app, "/public/data/policies.csv")).ShouldNotContain("P_PUB");

        var audit = JsonNode.Parse(await app.Client.GetStringAsync("/api/audit?entity=Indicator"))!.ToJsonString();
        audit.ShouldContain("IsPublic");

        // Only those who may: a reporter cannot publish, an anonymous caller is asked to sign in, a bad kind is named.
        var reporter = await app.ClientFor("public-reporter", Domain.Identity.Role.Reporter, "330100");
        (await reporter.PutAsJsonAsync("/api/publication/indicator/PUB_A", new { @public = true })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await app.Anonymous.PutAsJsonAsync("/api/publication/indicator/PUB_A", new { @public = true })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await (await app.Client.PutAsJsonAsync("/api/publication/dataset/PUB_A", new { @public = true })).ShouldBeProblem(HttpStatusCode.BadRequest, "kind");
        await (await app.Client.PutAsJsonAsync("/api/publication/indicator/PUB_A", new { })).ShouldBeProblem(HttpStatusCode.BadRequest, "public");
        await (await app.Client.PutAsJsonAsync("/api/publication/project/NOPE", new { @public = true })).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task BadFilters_AreRefusedNamingTheField(Db db)
    {
        await using var app = await Seeded(db);
        await (await app.Anonymous.GetAsync("/public/data/indicators.csv?from=2026-13")).ShouldBeProblem(HttpStatusCode.BadRequest, "from");
        await (await app.Anonymous.GetAsync("/public/data/indicators.csv?indicator=PUB_A&from=2026-04&to=2026-01")).ShouldBeProblem(HttpStatusCode.BadRequest, "from");
        await (await app.Anonymous.GetAsync("/public/data/indicators.json?indicator=PUB_A&to=2026Q1")).ShouldBeProblem(HttpStatusCode.BadRequest, "to");
        await (await app.Anonymous.GetAsync("/public/data/indicators.csv?org=999999")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await app.Anonymous.GetAsync("/public/data/indicators.csv?indicator=SECRET_B")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await app.Anonymous.GetAsync("/public/data/indicators.xml")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await app.Anonymous.GetAsync("/public/data/assessment.csv?run=424242")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await app.Anonymous.GetAsync("/public/data/projects.json?stage=flying")).ShouldBeProblem(HttpStatusCode.BadRequest, "stage");
        await (await app.Anonymous.GetAsync("/public/feed.atom?org=999999")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CatalogAndFeed_DescribeWhatIsPublished(Db db)
    {
        await using var app = await Seeded(db);

        var response = await app.Anonymous.GetAsync("/public/catalog.jsonld");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/ld+json");
        var catalog = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        catalog["@type"]!.GetValue<string>().ShouldBe("dcat:Catalog");
        var datasets = catalog["dcat:dataset"]!.AsArray();
        datasets.Select(d => d!["dct:identifier"]!.GetValue<string>()).ShouldBe(["indicators", "assessment", "policies", "projects"]);
        foreach (var d in datasets)
        {
            d!["@type"]!.GetValue<string>().ShouldBe("dcat:Dataset");
            d["dct:title"]!.AsArray().ShouldNotBeEmpty();
            d["dct:modified"]!["@value"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
            var distributions = d["dcat:distribution"]!.AsArray();
            distributions.Select(x => x!["dcat:mediaType"]!.GetValue<string>()).ShouldBe(["text/csv", "application/json"]);
            foreach (var x in distributions)
            {
                var url = new Uri(x!["dcat:downloadURL"]!.GetValue<string>()).PathAndQuery;
                (await app.Anonymous.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK, url);
            }
        }

        var atom = await app.Anonymous.GetAsync("/public/feed.atom");
        atom.Content.Headers.ContentType!.MediaType.ShouldBe("application/atom+xml");
        using var reader = XmlReader.Create(await atom.Content.ReadAsStreamAsync());
        var feed = SyndicationFeed.Load(reader);
        var titles = feed.Items.Select(i => i.Title.Text).ToList();
        titles.ShouldContain(t => t.Contains("公开甲指标") && t.Contains("2026-03"));
        titles.ShouldContain(t => t.Contains("公开政策"));
        titles.ShouldContain(t => t.Contains("公开考核"));

        // By region: 乙市's feed holds its own periods, not 甲市's project.
        var regional = await Text(app, "/public/feed.atom?org=330200");
        regional.ShouldContain("公开甲指标");
        regional.ShouldNotContain("公开项目");
    }

    [Fact]
    public async Task APublicOnlyServer_AnswersThePortalAndNothingElse()
    {
        await using var app = await Seeded(Db.Sqlite);
        await using var portal = await TestApp.StartBesideAsync(app, b => b.Configuration["Luoshi:PublicOnly"] = "true");

        foreach (var path in new[] { "/api/readings", "/sign-in", "/api/indicators", "/dashboard", "/swagger", "/openapi/v1.json", "/metrics" })
        {
            (await portal.Anonymous.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
            (await portal.Client.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
        }

        (await portal.Anonymous.PostAsync("/api/readings", new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await portal.Anonymous.GetAsync("/public/data/indicators.csv?indicator=PUB_A")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await portal.Anonymous.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Embeds_MayBeFramedByTheOriginsSet_AndNothingElseMayBeFramed()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite, configure: b => b.Configuration["Luoshi:Public:FrameAncestors"] = "https://www.example.gov.cn, https://*.example.org");
        var embed = await app.Anonymous.GetAsync("/public/embed/indicator/PUB_A");
        string.Join(' ', embed.Headers.GetValues("Content-Security-Policy")).ShouldContain("frame-ancestors https://www.example.gov.cn https://*.example.org;");
        embed.Headers.Contains("X-Frame-Options").ShouldBeFalse();

        var data = await app.Anonymous.GetAsync("/public/data/indicators.csv");
        string.Join(' ', data.Headers.GetValues("Content-Security-Policy")).ShouldContain("frame-ancestors 'none'");
        data.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);

        var refused = await Should.ThrowAsync<OptionsValidationException>(() => TestApp.StartAsync(Db.Sqlite, configure: b => b.Configuration["Luoshi:Public:FrameAncestors"] = "javascript:alert(1)"));
        refused.Message.ShouldContain("Luoshi:Public:FrameAncestors");
    }

    /// <summary>The URLs each public route is read at: filtered and unfiltered, and at the unpublished codes.</summary>
    private static Dictionary<string, string[]> Probes(int publishedRun, int draftRun) => new(StringComparer.Ordinal)
    {
        ["/public"] = ["/public", "/public?org=330100", "/public?org=330102", "/public?culture=en"],
        ["/public/indicators"] = ["/public/indicators", "/public/indicators?culture=en"],
        ["/public/indicators/{code}"] =
        [
            "/public/indicators/PUB_A", "/public/indicators/PUB_A?org=330100&from=2026-01&to=2026-03", "/public/indicators/PUB_RATIO?org=330102",
            "/public/indicators/SECRET_B", "/public/indicators/PUB_A?org=330102&from=2026-02&to=2026-02",
        ],
        ["/public/embed/indicator/{code}"] = ["/public/embed/indicator/PUB_A?org=330102", "/public/embed/indicator/SECRET_B", "/public/embed/indicator/PUB_RATIO"],
        ["/public/assessment"] = ["/public/assessment"],
        ["/public/assessment/{id:int}"] = [$"/public/assessment/{publishedRun}", $"/public/assessment/{draftRun}"],
        ["/public/policies"] = ["/public/policies", "/public/policies?package=扩大有效投资"],
        ["/public/policies/{code}"] = ["/public/policies/P_PUB", "/public/policies/P_SECRET"],
        ["/public/projects"] = ["/public/projects", "/public/projects?org=330102", "/public/projects?text=XM"],
        ["/public/regions"] = ["/public/regions", "/public/regions?org=330100"],
        ["/public/data/indicators.{format}"] =
        [
            "/public/data/indicators.csv", "/public/data/indicators.json", "/public/data/indicators.csv?org=330102&from=2026-01&to=2026-03",
            "/public/data/indicators.csv?indicator=SECRET_B", "/public/data/indicators.json?indicator=PUB_RATIO&org=330100",
        ],
        ["/public/data/assessment.{format}"] = ["/public/data/assessment.csv", "/public/data/assessment.json"],
        ["/public/data/policies.{format}"] = ["/public/data/policies.csv", "/public/data/policies.json"],
        ["/public/data/projects.{format}"] = ["/public/data/projects.csv", "/public/data/projects.json?org=330100"],
        ["/public/catalog.jsonld"] = ["/public/catalog.jsonld"],
        ["/public/feed.atom"] = ["/public/feed.atom", "/public/feed.atom?org=330100"],
    };

    private static string[] Lines(string csv) => csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    private static async Task<string> Text(TestApp app, string url)
    {
        var response = await app.Anonymous.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return body;
    }

    /// <summary>
    /// A province with two public indicators and an unpublished one, approved values, a draft and a value returned after
    /// approval; a public and an unpublished policy and project; a published and a draft assessment run.
    /// </summary>
    private static async Task<TestApp> Seeded(Db db)
    {
        var app = await TestApp.StartAsync(db, configure: b => b.Configuration["Luoshi:Public:RefreshSeconds"] = "0");
        await app.ImportCsvAsync(ImportKind.Orgs, AppFixture.OrgsCsv);
        await app.ImportCsvAsync(ImportKind.Indicators, Indicators);
        await app.ImportCsvAsync(ImportKind.Targets, "indicator,org,year,value,qualifier\nPUB_A,330102,2026,500,atLeast\nPUB_A,330100,2026,900,atLeast\nPUB_A,330200,2026,800,atLeast\n");
        await app.ImportCsvAsync(ImportKind.Readings, """
            indicator,org,period,value
            PUB_A,330102,2026-01,200
            SECRET_B,330102,2026-01,4321.5
            PUB_A,330102,2026-03,300
            PUB_A,330202,2026-03,250
            """);
        (await app.Client.PostAsJsonAsync("/api/readings", new { indicator = "PUB_A", org = "330102", period = "2026-02", value = 987654 })).EnsureSuccessStatusCode();
        // March is then returned with another value (its current version is not approved): the public keeps the approved 300.
        await using (var scope = app.OperatorScope())
        {
            var data = scope.ServiceProvider.GetRequiredService<Application.Data.LuoshiDbContext>();
            var unit = await data.OrgUnits.Where(u => u.Code == "330102").Select(u => u.Id).SingleAsync();
            var indicator = await data.Indicators.Where(i => i.Code == "PUB_A").Select(i => i.Id).SingleAsync();
            var march = await data.Readings.Include(r => r.Versions).SingleAsync(r => r.PeriodCode == "2026-03" && r.OrgUnitId == unit && r.IndicatorId == indicator);
            march.Record(876543, null, ReadingSource.Import, ReadingState.Returned, Stamp.Of("test", DateTimeOffset.UtcNow, null));
            await data.SaveChangesAsync();
        }

        await Import(app, "policies", "policies", "code,title,package,lead,issued,budget\nP_PUB,公开政策,扩大有效投资,FGW,2026-01-10,100\nP_SECRET,保密政策,扩大有效投资,FGW,2026-01-10,100\n");
        await Import(app, "projects", "projects", """
            code,name,org,category,totalInvestment,plannedStart,plannedCompletion,stage,privateShare,actualCompletion
            XM_PUB,公开项目,330102,产业,10,2026-01-01,2027-12-31,preliminary,10,
            XM_SECRET,保密项目,330102,产业,12,2026-01-01,2027-12-31,preliminary,10,
            """);
        foreach (var (kind, code) in new[] { ("indicator", "PUB_A"), ("indicator", "PUB_RATIO"), ("policy", "P_PUB"), ("project", "XM_PUB") })
        {
            (await app.Client.PutAsJsonAsync($"/api/publication/{kind}/{code}", new { @public = true })).EnsureSuccessStatusCode();
        }

        var published = JsonNode.Parse(await (await app.Client.PostAsync("/api/assessment/runs", new StringContent(Scheme.Replace("NAME", "公开考核", StringComparison.Ordinal), Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync())!;
        (await app.Client.PostAsync($"/api/assessment/runs/{published["runId"]}/publish", null)).EnsureSuccessStatusCode();
        (await app.Client.PostAsync("/api/assessment/runs", new StringContent(Scheme.Replace("NAME", "保密考核", StringComparison.Ordinal), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        return app;
    }

    private static async Task Import(TestApp app, string feature, string kind, string csv) =>
        (await app.Client.PostAsync($"/api/{feature}/import/{kind}", new MultipartFormDataContent { { new StringContent(csv), "file", "f.csv" } })).EnsureSuccessStatusCode();
}
