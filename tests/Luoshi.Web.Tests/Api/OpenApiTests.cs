using System.Text.Json.Nodes;
using Luoshi.Web.Tests.Infrastructure;

namespace Luoshi.Web.Tests.Api;

public sealed class OpenApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task OpenApiDocument_ListsTheApiRoutes()
    {
        var app = await fixture.For(Db.Sqlite);

        var doc = JsonNode.Parse(await app.Client.GetStringAsync("/openapi/v1.json"))!;

        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        paths.ShouldContain("/api/org-units");
        paths.ShouldContain("/api/indicators");
        paths.ShouldContain("/api/readings");
        paths.ShouldContain("/api/readings/history");
        paths.ShouldContain("/api/targets");
        paths.ShouldContain("/api/plan-items/{code}");
        paths.ShouldContain("/api/supervision/items/{id}/verify");
    }

    [Fact]
    public async Task Health_AnswersOk()
    {
        var app = await fixture.For(Db.Sqlite);

        (await app.Client.GetStringAsync("/health")).ShouldBe("ok");
    }
}
