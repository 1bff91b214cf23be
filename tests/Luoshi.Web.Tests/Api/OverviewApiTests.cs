using System.Net;
using System.Text.Json.Nodes;
using Luoshi.Application.Spreadsheets;
using Luoshi.Web.Tests.Infrastructure;

namespace Luoshi.Web.Tests.Api;

/// <summary>
/// The overview through the API on both providers, over the small test province: FAI (monthly, cumulative,
/// linear) with annual targets of 3000 for the province, 1200 for 甲市 330100 and 800 for 乙市 330200, so that
/// at June the expected-to-date is half of each. 乙市 reports nothing: grey once June's figures are due.
/// </summary>
public sealed class OverviewApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly SemaphoreSlim Seeded = new(1, 1);
    private static readonly HashSet<TestApp> Done = [];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheOverview_CarriesTheContractKeys_AndAgreesWithTheEvaluation(Db db)
    {
        var app = await Seed(db);

        var overview = await Get(app, "/api/overview?period=2026-06&org=330000");
        var evaluation = JsonNode.Parse(await app.Client.GetStringAsync("/api/evaluation?period=2026-06&org=330000&depth=1"))!["rows"]!.AsArray();

        overview.Select(p => p.Key).ShouldBe(["period", "asOf", "org", "orgName", "cards", "matrix", "ranking", "checks", "red", "grey"], ignoreOrder: true);
        overview["period"]!.GetValue<string>().ShouldBe("2026-06");
        overview["org"]!.GetValue<string>().ShouldBe("330000");

        // The headline indicators that exist, in the configured order (GDP before FAI); each card is the engine's row.
        var cards = overview["cards"]!.AsArray();
        cards.Select(c => c!["indicator"]!.GetValue<string>()).ShouldBe(["GDP", "FAI"]);
        var fai = cards[1]!;
        foreach (var key in new[] { "indicator", "status", "actual", "target", "expectedToDate", "yoy", "reason" })
        {
            fai.AsObject().ContainsKey(key).ShouldBeTrue(key);
        }

        fai["actual"]!.GetValue<double>().ShouldBe(1500);
        fai["target"]!.GetValue<decimal>().ShouldBe(3000m);
        fai["expectedToDate"]!.GetValue<double>().ShouldBe(1500);
        fai["status"]!.GetValue<string>().ShouldBe("green");
        fai["yoy"]!.GetValue<double>().ShouldBe(15.38); // (1500 − 1300) / 1300
        var row = Row(evaluation, "FAI", "330000");
        fai["reason"]!.GetValue<string>().ShouldBe(row["reason"]!.GetValue<string>());
        fai["reasonEn"]!.GetValue<string>().ShouldBe(row["reasonEn"]!.GetValue<string>());

        // Rows: the unit, then its regions (not the department, not the counties); a cell is the engine's status and value.
        var matrix = overview["matrix"]!;
        matrix["indicators"]!.AsArray().Select(i => i!["code"]!.GetValue<string>()).ShouldBe(["GDP", "FAI"]);
        var rows = matrix["rows"]!.AsArray();
        rows.Select(r => r!["org"]!.GetValue<string>()).ShouldBe(["330000", "330100", "330200"]);
        foreach (var matrixRow in rows)
        {
            var cell = matrixRow!["cells"]!.AsArray().Single(c => c!["indicator"]!.GetValue<string>() == "FAI")!;
            var engine = Row(evaluation, "FAI", matrixRow["org"]!.GetValue<string>());
            cell["status"]!.GetValue<string>().ShouldBe(engine["status"]!.GetValue<string>());
            ActualOf(cell).ShouldBe(ActualOf(engine));
        }

        Cell(rows, "330100", "FAI")["actual"]!.GetValue<double>().ShouldBe(620); // 350 + 270 rolled up
        Cell(rows, "330200", "FAI")["status"]!.GetValue<string>().ShouldBe("grey");
        Cell(rows, "330100", "GDP")["status"]!.GetValue<string>().ShouldBe("none");

        // GDP has nothing to rank the cities on, so the ranking falls to FAI: 甲市 first, 乙市 (no figure) unranked.
        var ranking = overview["ranking"]!;
        ranking["indicator"]!.GetValue<string>().ShouldBe("FAI");
        ranking["rows"]!.AsArray().Select(r => r!["org"]!.GetValue<string>()).ShouldBe(["330100", "330200"]);
        ranking["rows"]![0]!["rank"]!.GetValue<int>().ShouldBe(1);

        // The lists are the engine's red and grey rows of the province and its cities.
        overview["grey"]!.AsArray().Select(r => $"{r!["indicator"]}/{r["org"]}").ShouldBe(
            [.. evaluation.Where(r => r!["status"]!.GetValue<string>() == "grey").Select(r => $"{r!["indicator"]}/{r["org"]}")], ignoreOrder: true);
        overview["grey"]!.AsArray().ShouldContain(r => r!["org"]!.GetValue<string>() == "330200" && r["indicator"]!.GetValue<string>() == "FAI");
        overview["red"]!.AsArray().Count.ShouldBe(evaluation.Count(r => r!["status"]!.GetValue<string>() == "red"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheChecks_CountTheProvinceAndItsCities_AsTheCalendarChecksDo(Db db)
    {
        var app = await Seed(db);

        var overview = await Get(app, "/api/overview?period=2026-06");
        var checks = JsonNode.Parse(await app.Client.GetStringAsync("/api/evaluation/checks?year=2026&org=330000"))!;

        // Half-year: every indicator × unit check of the province and its two cities (counties and departments not counted).
        string[] units = ["330000", "330100", "330200"];
        var items = checks["halfYear"]!["items"]!.AsArray().Where(i => units.Contains(i!["orgCode"]!.GetValue<string>())).ToList();
        items.ShouldNotBeEmpty();
        var half = overview["checks"]!["halfYear"]!;
        half["period"]!.GetValue<string>().ShouldBe("2026-06");
        half["total"]!.GetValue<int>().ShouldBe(items.Count);
        half["passed"]!.GetValue<int>().ShouldBe(items.Count(i => i!["passed"]!.GetValue<bool>()));
        half["ownTotal"]!.GetValue<int>().ShouldBe(items.Count(i => i!["orgCode"]!.GetValue<string>() == "330000"));
        overview["checks"]!["year"]!.GetValue<int>().ShouldBe(2026);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ACity_IsOverviewedWithItsCounties_AndTheDefaultMonthIsTheLatestItsFiguresReach(Db db)
    {
        var app = await Seed(db);

        // 甲市 has no figure of its own: its months come from what its counties report, rolled up.
        var city = await Get(app, "/api/overview?org=330100");

        city["period"]!.GetValue<string>().ShouldBe("2026-06");
        city["orgName"]!.GetValue<string>().ShouldBe("甲市");
        city["matrix"]!["rows"]!.AsArray().Select(r => r!["org"]!.GetValue<string>()).ShouldBe(["330100", "330102", "330103"]);
        city["cards"]!.AsArray().Single(c => c!["indicator"]!.GetValue<string>() == "FAI")!["actual"]!.GetValue<double>().ShouldBe(620);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task BadQueries_AreProblemsNamingTheField_AndTheGrantIsChecked(Db db)
    {
        var app = await Seed(db);
        var reporter = await app.ClientFor("overview.reporter", Luoshi.Domain.Identity.Role.Reporter, "330100");

        await (await app.Client.GetAsync("/api/overview?period=June")).ShouldBeProblem(HttpStatusCode.BadRequest, "period");
        await (await app.Client.GetAsync("/api/overview?period=2026")).ShouldBeProblem(HttpStatusCode.BadRequest, "period");
        await (await app.Client.GetAsync("/api/overview?period=2026Q2")).ShouldBeProblem(HttpStatusCode.BadRequest, "period");
        await (await app.Client.GetAsync("/api/overview?org=nowhere")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await app.Client.GetAsync("/api/overview?org=%27;drop%20table")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await app.Client.GetAsync("/api/overview?org=3300%0000")).ShouldBeProblem(HttpStatusCode.BadRequest, "org");
        await (await app.Anonymous.GetAsync("/api/overview")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await reporter.GetAsync("/api/overview?period=2026-06&org=330000")).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await reporter.GetAsync("/api/overview?period=2026-06&org=330100")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A ranking indicator that does not exist (or cannot rank) falls back to one that can.
        (await Get(app, "/api/overview?period=2026-06&rank=NOPE"))["ranking"]!["indicator"]!.GetValue<string>().ShouldBe("FAI");
    }

    private static double? ActualOf(JsonNode row) => row["actual"] is { } actual ? actual.GetValue<double>() : null;

    private static JsonNode Row(JsonArray rows, string indicator, string org) =>
        rows.Single(r => r!["indicator"]!.GetValue<string>() == indicator && r["org"]!.GetValue<string>() == org)!;

    private static JsonNode Cell(JsonArray rows, string org, string indicator) =>
        rows.Single(r => r!["org"]!.GetValue<string>() == org)!["cells"]!.AsArray().Single(c => c!["indicator"]!.GetValue<string>() == indicator)!;

    private static async Task<JsonObject> Get(TestApp app, string url)
    {
        var response = await app.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private async Task<TestApp> Seed(Db db)
    {
        var app = await fixture.For(db);
        await Seeded.WaitAsync();
        try
        {
            if (Done.Add(app))
            {
                await app.ImportCsvAsync(ImportKind.Targets, "indicator,org,year,value,qualifier\nFAI,330000,2026,3000,atLeast\nFAI,330100,2026,1200,atLeast\nFAI,330200,2026,800,atLeast\n");
                await app.ImportCsvAsync(ImportKind.Readings, "indicator,org,period,value\nFAI,330000,2026-06,1500\nFAI,330000,2025-06,1300\nFAI,330102,2026-06,350\nFAI,330103,2026-06,270\n");
            }
        }
        finally
        {
            Seeded.Release();
        }

        return app;
    }
}
