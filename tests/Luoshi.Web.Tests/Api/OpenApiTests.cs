using System.Diagnostics;
using System.Text.Json.Nodes;
using Luoshi.Cli;
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
    public async Task Document_PassesTheLinter_WithoutErrors()
    {
        var app = await fixture.For(Db.Sqlite);
        var file = Path.Combine(Path.GetTempPath(), $"luoshi-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await app.Client.GetStringAsync("/openapi/v1.json"));
        try
        {
            var (exit, output) = await LintAsync(file);

            var totals = JsonNode.Parse(output)!["totals"]!;
            var problems = JsonNode.Parse(output)!["problems"]!.AsArray().Where(p => p!["severity"]!.GetValue<string>() == "error").Select(p => p!["message"]!.GetValue<string>());
            totals["errors"]!.GetValue<int>().ShouldBe(0, string.Join("\n", problems));
            exit.ShouldBe(0);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Uploads_DeclareTheirMultipartBodies_AndDownloadsTheirMediaTypes()
    {
        var app = await fixture.For(Db.Sqlite);

        var doc = JsonNode.Parse(await app.Client.GetStringAsync("/openapi/v1.json"))!;

        var upload = doc["paths"]!["/api/reporting/upload"]!["post"]!["requestBody"]!;
        upload["required"]!.GetValue<bool>().ShouldBeTrue();
        var form = upload["content"]!["multipart/form-data"]!["schema"]!;
        form["properties"]!["file"]!["format"]!.GetValue<string>().ShouldBe("binary");
        form["required"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["file"]);
        doc["paths"]!["/api/projects/import/{kind}"]!["post"]!["requestBody"]!["content"]!["multipart/form-data"].ShouldNotBeNull();
        doc["paths"]!["/api/assessment/runs"]!["post"]!["requestBody"]!["content"]!["application/json"].ShouldNotBeNull();
        var export = doc["paths"]!["/api/readings/export"]!["get"]!["responses"]!["200"]!["content"]!.AsObject().Select(c => c.Key);
        export.ShouldBe(["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"], ignoreOrder: true);
        doc["paths"]!["/api/documents/{id}/original"]!["get"]!["responses"]!["200"]!["content"]!["application/pdf"].ShouldNotBeNull();
        doc["info"]!["license"]!["identifier"]!.GetValue<string>().ShouldBe("MIT");
    }

    [Fact]
    public async Task Schemas_AreOnePerType_WithTheWireTypesOfConvertedValues()
    {
        var app = await fixture.For(Db.Sqlite);

        var schemas = JsonNode.Parse(await app.Client.GetStringAsync("/openapi/v1.json"))!["components"]!["schemas"]!;

        // Two use cases' bodies, both declared as a nested Request, each keep their own fields.
        schemas["WriteReadingRequest"]!["properties"]!["value"].ShouldNotBeNull();
        schemas["CreateSupervisionItemRequest"]!["properties"]!["title"].ShouldNotBeNull();
        schemas["Request"].ShouldBeNull();
        // Strings, decimals, periods and texts are read and written by converters of their own; on the wire they are plain.
        var write = schemas["WriteReadingRequest"]!["properties"]!;
        write["indicator"]!["type"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldContain("string");
        write["value"]!["type"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldContain("number");
        var row = schemas["EvaluationRowView"]!["properties"]!;
        row["period"]!["type"]!.ToJsonString().ShouldContain("string");
        row["reason"]!["type"]!.ToJsonString().ShouldContain("string");
    }

    [Fact]
    public async Task CliDocument_IsTheServedOne_NamingItsServer()
    {
        var app = await fixture.For(Db.Sqlite);
        var served = JsonNode.Parse(await app.Client.GetStringAsync("/openapi/v1.json"))!.AsObject();
        using var stdout = new StringWriter();

        var exit = await LuoshiCli.RunAsync(["openapi", "--server", "https://luoshi.example.org/"], stdout, TextWriter.Null);

        exit.ShouldBe(0);
        var written = JsonNode.Parse(stdout.ToString())!.AsObject();
        written["servers"]![0]!["url"]!.GetValue<string>().ShouldBe("https://luoshi.example.org");
        written.Remove("servers");
        served.Remove("servers");
        JsonNode.DeepEquals(written, served).ShouldBeTrue();
    }

    [Fact]
    public async Task Health_AnswersOk()
    {
        var app = await fixture.For(Db.Sqlite);

        (await app.Client.GetStringAsync("/health")).ShouldBe("ok");
    }

    /// <summary>Runs the OpenAPI linter the build installed (tests/Luoshi.Web.Tests/node_modules) with its recommended rules.</summary>
    private static async Task<(int Exit, string Output)> LintAsync(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "node_modules", "@redocly", "cli", "bin", "cli.js")))
        {
            dir = dir.Parent;
        }

        dir.ShouldNotBeNull("the build installs @redocly/cli (npm ci in tests/Luoshi.Web.Tests)");
        var start = new ProcessStartInfo("node", [Path.Combine(dir.FullName, "node_modules", "@redocly", "cli", "bin", "cli.js"), "lint", file, "--format=json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await errors;
        return (process.ExitCode, await output);
    }
}
