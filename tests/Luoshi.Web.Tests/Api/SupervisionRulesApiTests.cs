using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Identity;
using Luoshi.Web.Tests.Infrastructure;

namespace Luoshi.Web.Tests.Api;

/// <summary>
/// /api/supervision/rules on both providers: the supervising office writes, previews and switches indicator rules;
/// everyone who reads the board reads them. 甲二区 330103 lags on FAI (600 a year: 200, 250, 300 due by April, May,
/// June) and on PRIVATE_INV, so as of 2026-07-25 a rule opens one item for it listing both.
/// </summary>
public sealed class SupervisionRulesApiTests(SupervisionRulesApiTests.Fixture fixture) : IClassFixture<SupervisionRulesApiTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        private readonly PerProvider<TestApp> _apps = new(async db =>
        {
            var app = await TestApp.StartAsync(db);
            await app.ImportCsvAsync(ImportKind.Orgs, AppFixture.OrgsCsv);
            await app.ImportCsvAsync(ImportKind.Indicators, AppFixture.IndicatorsCsv);
            await app.ImportCsvAsync(ImportKind.Targets, "indicator,org,year,value,qualifier\nFAI,330103,2026,600,atLeast\nPRIVATE_INV,330103,2026,600,atLeast\n");
            await app.ImportCsvAsync(ImportKind.Readings, """
                indicator,org,period,value
                FAI,330103,2026-04,150
                FAI,330103,2026-05,200
                FAI,330103,2026-06,250
                PRIVATE_INV,330103,2026-04,100
                PRIVATE_INV,330103,2026-05,120
                PRIVATE_INV,330103,2026-06,150
                """);
            return app;
        });

        public Task<TestApp> For(Db db) => _apps.For(db);

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync()
        {
            foreach (var app in _apps.Started)
            {
                await (await app).DisposeAsync();
            }
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ARule_IsWritten_PreviewedWhileOff_SwitchedOn_AndRewrittenWithTheVersionRead(Db db)
    {
        var (_, office, _) = await Parties(db);

        var created = await Send(office, HttpMethod.Post, "/api/supervision/rules", new { code = "investment", name = "投资类指标", indicators = new[] { "FAI", "PRIVATE_INV" }, unitKinds = new[] { "County" }, clearPeriodsToClose = 1, deadlineDays = 20 }, HttpStatusCode.Created);
        var list = (await Get(office, "/api/supervision/rules")).AsArray();
        var preview = await Get(office, "/api/supervision/rules/investment/preview?asOf=2026-07-25");
        var on = await Send(office, HttpMethod.Post, "/api/supervision/rules/investment/enable", new { version = 1 });
        var stale = await office.PutAsJsonAsync("/api/supervision/rules/investment", new { name = "投资", periods = 2, version = 1 });
        var rewritten = await Send(office, HttpMethod.Put, "/api/supervision/rules/investment", new { name = "投资类指标(两期)", indicators = new[] { "FAI" }, periods = 2, version = 2, enabled = true });
        var items = (await Get(office, "/api/supervision/items?org=330103")).AsArray();

        (created["code"]!.GetValue<string>(), created["enabled"]!.GetValue<bool>(), created["version"]!.GetValue<int>()).ShouldBe(("investment", false, 1));
        created["conditionZh"]!.GetValue<string>().ShouldBe("连续3期红灯");
        list[0]!["code"]!.GetValue<string>().ShouldBe("default");
        list.ShouldContain(r => r!["code"]!.GetValue<string>() == "investment");
        preview["dryRun"]!.GetValue<bool>().ShouldBeTrue();
        preview["rules"]!.AsArray().Single()!.GetValue<string>().ShouldBe("investment");
        var would = preview["opened"]!.AsArray().ShouldHaveSingleItem()!;
        (would["id"], would["leadOrg"]!.GetValue<string>(), would["ruleCode"]!.GetValue<string>()).ShouldBe((null, "330103", "investment"));
        would["indicators"]!.AsArray().Select(f => f!["indicator"]!.GetValue<string>()).ShouldBe(["FAI", "PRIVATE_INV"]);
        would["indicators"]![0]!["reasonZh"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        would["deadline"]!.GetValue<string>().ShouldBe("2026-08-14");
        preview["absorbed"]!.AsArray().ShouldBeEmpty();
        on["enabled"]!.GetValue<bool>().ShouldBeTrue();
        await stale.ShouldBeProblem(HttpStatusCode.Conflict, "version");
        (rewritten["periods"]!.GetValue<int>(), rewritten["version"]!.GetValue<int>(), rewritten["indicators"]!.AsArray().Count).ShouldBe((2, 3, 1));
        items.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ThePreviewOfEveryRuleThatIsOn_IsTheDryRun_AndWritesNothing(Db db)
    {
        var (app, office, _) = await Parties(db);

        var preview = await Get(office, "/api/supervision/rules/preview?asOf=2026-07-25");
        var again = await Get(office, "/api/supervision/rules/preview?asOf=2026-07-25");
        var items = (await Get(app.Client, "/api/supervision/items")).AsArray();

        var opened = preview["opened"]!.AsArray();
        opened.ShouldContain(o => o!["leadOrg"]!.GetValue<string>() == "330103" && o["ruleCode"]!.GetValue<string>() == "default" && o["indicators"]!.AsArray().Count == 2);
        preview["alreadyOpen"]!.GetValue<int>().ShouldBe(0);
        preview["notes"].ShouldBeOfType<JsonArray>();
        preview["writes"].ShouldBeNull();
        again.ToJsonString().ShouldBe(preview.ToJsonString());
        items.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task HostileInput_IsRefused_WithAProblemNamingTheField(Db db)
    {
        var (_, office, _) = await Parties(db);
        await Send(office, HttpMethod.Post, "/api/supervision/rules", new { code = "taken", name = "已有" }, HttpStatusCode.Created);

        var cases = new (Task<HttpResponseMessage> Call, HttpStatusCode Status, string? Field)[]
        {
            (office.PostJson("/api/supervision/rules", new { code = "no-name" }), HttpStatusCode.BadRequest, "name"),
            (office.PostJson("/api/supervision/rules", new { code = "Bad Code!", name = "x" }), HttpStatusCode.BadRequest, "code"),
            (office.PostJson("/api/supervision/rules", new { code = "preview", name = "x" }), HttpStatusCode.BadRequest, "code"),
            (office.PostJson("/api/supervision/rules", new { code = "taken", name = "x" }), HttpStatusCode.Conflict, "code"),
            (office.PostJson("/api/supervision/rules", new { code = "r-periods", name = "x", periods = 0 }), HttpStatusCode.BadRequest, "periods"),
            (office.PostRaw("/api/supervision/rules", """{"code":"r-periods2","name":"x","periods":"three"}"""), HttpStatusCode.BadRequest, "periods"),
            (office.PostJson("/api/supervision/rules", new { code = "r-gap", name = "x", minGapPoints = -1 }), HttpStatusCode.BadRequest, "minGapPoints"),
            (office.PostRaw("/api/supervision/rules", """{"code":"r-gap2","name":"x","minGapPoints":1e400}"""), HttpStatusCode.BadRequest, "minGapPoints"),
            (office.PostJson("/api/supervision/rules", new { code = "r-kind", name = "x", unitKinds = new[] { "Planet" } }), HttpStatusCode.BadRequest, "unitKinds"),
            (office.PostJson("/api/supervision/rules", new { code = "r-kind2", name = "x", unitKinds = new[] { "Reference" } }), HttpStatusCode.BadRequest, "unitKinds"),
            (office.PostJson("/api/supervision/rules", new { code = "r-ind", name = "x", indicators = new[] { "NOPE" } }), HttpStatusCode.BadRequest, "indicators"),
            (office.PostJson("/api/supervision/rules", new { code = "r-many", name = "x", indicators = Enumerable.Range(0, 5000).Select(k => $"I{k}").ToArray() }), HttpStatusCode.BadRequest, "indicators"),
            (office.PostJson("/api/supervision/rules", new { code = "r-long", name = new string('长', 10_000) }), HttpStatusCode.BadRequest, "name"),
            (office.PostJson("/api/supervision/rules", new { code = "r-ctl", name = "名\u0001称" }), HttpStatusCode.BadRequest, "name"),
            (office.PostJson("/api/supervision/rules", new { code = "r-days", name = "x", deadlineDays = 9999 }), HttpStatusCode.BadRequest, "deadlineDays"),
            (office.PostJson("/api/supervision/rules", new { code = "r-clear", name = "x", clearPeriodsToClose = 99 }), HttpStatusCode.BadRequest, "clearPeriodsToClose"),
            (office.PostJson("/api/supervision/rules", new { code = "r-plan", name = "x", planItem = "P1'; DROP TABLE supervision_rules; --" }), HttpStatusCode.BadRequest, "planItem"),
            (office.PostJson("/api/supervision/rules", new { code = "r-plan2", name = "x", planItem = "NOPLAN" }), HttpStatusCode.BadRequest, "planItem"),
            (office.PostRaw("/api/supervision/rules", "{not json"), HttpStatusCode.BadRequest, null),
            (office.PutAsJsonAsync("/api/supervision/rules/taken", new { name = "改" }), HttpStatusCode.BadRequest, "version"),
            (office.PostJson("/api/supervision/rules/taken/disable", new { }), HttpStatusCode.Conflict, "enabled"),
            (office.GetAsync("/api/supervision/rules/preview?asOf=yesterday"), HttpStatusCode.BadRequest, "asOf"),
            (office.GetAsync("/api/supervision/rules/taken/preview?asOf=2026-02-30"), HttpStatusCode.BadRequest, "asOf"),
            (office.GetAsync("/api/supervision/rules/no-such-rule"), HttpStatusCode.NotFound, null),
            (office.GetAsync("/api/supervision/rules/no-such-rule/preview"), HttpStatusCode.NotFound, null),
            (office.PostJson("/api/supervision/rules/no-such-rule/enable", new { }), HttpStatusCode.NotFound, null),
        };

        foreach (var (call, status, field) in cases)
        {
            await (await call).ShouldBeProblem(status, field);
        }

        (await Get(office, "/api/supervision/rules")).AsArray().Select(r => r!["code"]!.GetValue<string>()).ShouldNotContain(c => c.StartsWith("r-", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OnlyTheSupervisingOfficeOverTheWholeTree_WritesAndPreviewsRules(Db db)
    {
        var (app, office, cityInspector) = await Parties(db);
        var reporter = await app.ClientFor("rules-reporter", Role.Reporter, "330100");
        var leader = await app.ClientFor("rules-leader", Role.Leader, null);

        var byReporter = await reporter.PostJson("/api/supervision/rules", new { code = "by-reporter", name = "x" });
        var byCity = await cityInspector.PostJson("/api/supervision/rules", new { code = "by-city", name = "x" });
        var cityPreview = await cityInspector.GetAsync("/api/supervision/rules/preview");
        var leaderPreview = await leader.GetAsync("/api/supervision/rules/default/preview");
        var leaderSwitch = await leader.PostJson("/api/supervision/rules/default/disable", new { });
        var leaderList = await leader.GetAsync("/api/supervision/rules");
        var anonymous = await app.Anonymous.GetAsync("/api/supervision/rules");
        var byOffice = await office.PostJson("/api/supervision/rules", new { code = "by-office", name = "x" });

        await byReporter.ShouldBeProblem(HttpStatusCode.Forbidden);
        await byCity.ShouldBeProblem(HttpStatusCode.Forbidden);
        await cityPreview.ShouldBeProblem(HttpStatusCode.Forbidden);
        await leaderPreview.ShouldBeProblem(HttpStatusCode.Forbidden);
        await leaderSwitch.ShouldBeProblem(HttpStatusCode.Forbidden);
        leaderList.StatusCode.ShouldBe(HttpStatusCode.OK);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        byOffice.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    private async Task<(TestApp App, HttpClient Office, HttpClient CityInspector)> Parties(Db db)
    {
        var app = await fixture.For(db);
        return (app, await app.ClientFor("rules-office", Role.Supervisor, null), await app.ClientFor("rules-city-inspector", Role.Supervisor, "330100"));
    }

    private static async Task<JsonNode> Send(HttpClient client, HttpMethod method, string url, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonNode.Parse(text)!;
    }

    private static async Task<JsonNode> Get(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }
}
