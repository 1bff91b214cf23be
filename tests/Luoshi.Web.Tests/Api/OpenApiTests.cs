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
    public async Task EveryOperation_HasAStableId_AndSaysHowToSignIn()
    {
        var app = await fixture.For(Db.Sqlite);

        var doc = JsonNode.Parse(await app.Client.GetStringAsync("/openapi/v1.json"))!;

        var schemes = doc["components"]!["securitySchemes"]!;
        schemes["bearer"]!["type"]!.GetValue<string>().ShouldBe("http");
        schemes["bearer"]!["scheme"]!.GetValue<string>().ShouldBe("bearer");
        schemes["cookie"]!["type"]!.GetValue<string>().ShouldBe("apiKey");
        schemes["cookie"]!["in"]!.GetValue<string>().ShouldBe("cookie");
        var operations = doc["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(o => o.Key is "get" or "post" or "put" or "patch" or "delete").Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value!)))
            .ToList();
        operations.Count.ShouldBeGreaterThan(50);
        var ids = operations.Select(o => o.Operation["operationId"]?.GetValue<string>()).ToList();
        ids.ShouldAllBe(id => id != null && System.Text.RegularExpressions.Regex.IsMatch(id, "^[A-Z][A-Za-z]+_[A-Z][A-Za-z0-9]+$"));
        ids.Distinct().Count().ShouldBe(ids.Count);
        operations.ShouldAllBe(o => o.Operation["security"] != null && o.Operation["security"]!.AsArray().Count > 0);

        var write = operations.Single(o => o.Path == "/api/readings" && o.Method == "post").Operation;
        write["operationId"]!.GetValue<string>().ShouldBe("Readings_PostReadings");
        write["security"]!.AsArray().ShouldAllBe(r => r!.AsObject().Count == 1, "a write needs a sign-in");
        write["responses"]!["409"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>().ShouldBe("#/components/schemas/ProblemDetails");
        write["responses"]!["401"].ShouldNotBeNull();
        var anonymousRead = operations.Single(o => o.Path == "/api/org-units" && o.Method == "get").Operation;
        anonymousRead["security"]!.AsArray().ShouldContain(r => r!.AsObject().Count == 0, "the public may read without signing in");
        doc["components"]!["schemas"]!["ProblemDetails"]!["properties"]!["traceId"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Health_AnswersOk()
    {
        var app = await fixture.For(Db.Sqlite);

        (await app.Client.GetStringAsync("/health")).ShouldBe("ok");
    }
}
