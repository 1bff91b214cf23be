using System.Net;
using System.Text.Json.Nodes;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Identity;
using Luoshi.Web.Tests.Infrastructure;

namespace Luoshi.Web.Tests.Api;

/// <summary>
/// POST /api/supervision/run: the day's supervision now, as the schedule would run it. 甲二区 330103 lags on FAI and
/// PRIVATE_INV (600 a year, 150/200/250 reported for April to June), so as of 2026-07-25 the default rule opens one
/// item for it listing both; run again, it opens nothing.
/// </summary>
public sealed class SupervisionRunApiTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheDaysRun_OpensWhatTheRulesFind_OnceForADate(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.ImportCsvAsync(ImportKind.Orgs, AppFixture.OrgsCsv);
        await app.ImportCsvAsync(ImportKind.Indicators, AppFixture.IndicatorsCsv);
        await app.ImportCsvAsync(ImportKind.Targets, "indicator,org,year,value,qualifier\nFAI,330103,2026,600,atLeast\nPRIVATE_INV,330103,2026,600,atLeast\n");
        await app.ImportCsvAsync(ImportKind.Readings, "indicator,org,period,value\nFAI,330103,2026-04,150\nFAI,330103,2026-05,200\nFAI,330103,2026-06,250\nPRIVATE_INV,330103,2026-04,100\nPRIVATE_INV,330103,2026-05,120\nPRIVATE_INV,330103,2026-06,150\n");
        var office = await app.ClientFor("run-office", Role.Supervisor, null);
        var cityInspector = await app.ClientFor("run-city-inspector", Role.Supervisor, "330100");

        var first = await Run(office, HttpStatusCode.OK);
        var second = await Run(office, HttpStatusCode.OK);
        var refused = await cityInspector.PostAsync("/api/supervision/run?asOf=2026-07-25", null);
        var items = JsonNode.Parse(await office.GetStringAsync("/api/supervision/items?org=330103"))!.AsArray();

        first!["day"]!.GetValue<string>().ShouldBe("2026-07-25");
        var opened = first["rules"]!["opened"]!.AsArray().ShouldHaveSingleItem()!;
        (opened["leadOrg"]!.GetValue<string>(), opened["indicators"]!.AsArray().Count).ShouldBe(("330103", 2));
        first["escalation"]!["escalated"].ShouldBeOfType<JsonArray>();
        second!["rules"]!["opened"]!.AsArray().ShouldBeEmpty();
        items.Count.ShouldBe(1);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task<JsonNode?> Run(HttpClient client, HttpStatusCode expected)
    {
        var response = await client.PostAsync("/api/supervision/run?asOf=2026-07-25", null);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonNode.Parse(text);
    }
}
