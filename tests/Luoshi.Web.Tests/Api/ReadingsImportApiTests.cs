using System.Net;
using System.Text.Json.Nodes;
using Luoshi.Web.Tests.Infrastructure;

namespace Luoshi.Web.Tests.Api;

public sealed class ReadingsImportApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ACsvOfReadings_IsImportedWhole(Db db)
    {
        var app = await fixture.For(db);

        var response = await Upload(app, "indicator,org,period,value\nUNEMP,330202,2025-01,4.1\nUNEMP,330202,2025-02,4.3\n");

        var summary = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (summary["rows"]!.GetValue<int>(), summary["created"]!.GetValue<int>()).ShouldBe((2, 2));
        var stored = JsonNode.Parse(await app.Client.GetStringAsync("/api/readings?indicator=UNEMP&org=330202&from=2025-01&to=2025-02"))!.AsArray();
        stored.Count.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OneBadCell_RefusesTheWholeFile_NamingRowAndColumn(Db db)
    {
        var app = await fixture.For(db);

        var response = await Upload(app, "indicator,org,period,value\nUNEMP,330202,2025-03,4.1\nUNEMP,330202,2025-04,四点三\n");

        var problem = await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        var first = problem["problems"]!.AsArray()[0]!;
        (first["row"]!.GetValue<int>(), first["column"]!.GetValue<string>()).ShouldBe((3, "value"));
        var stored = JsonNode.Parse(await app.Client.GetStringAsync("/api/readings?indicator=UNEMP&org=330202&from=2025-03&to=2025-04"))!.AsArray();
        stored.ShouldBeEmpty();
    }

    [Fact]
    public async Task NoFile_IsRefused_NamingTheField()
    {
        var app = await fixture.For(Db.Sqlite);

        var response = await app.Client.PostAsync("/api/readings/import", new StringContent("indicator,org,period,value\n"));

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "file");
    }

    private static Task<HttpResponseMessage> Upload(TestApp app, string csv) =>
        app.Client.PostAsync("/api/readings/import", new MultipartFormDataContent { { new StringContent(csv), "file", "readings.csv" } });
}
