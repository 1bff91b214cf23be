using System.Net;
using System.Text.Json.Nodes;
using Luoshi.Application.Spreadsheets;
using Luoshi.Cli;
using Luoshi.Web.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Luoshi.Web.Tests.Api;

/// <summary>
/// The one calendar from outside: a bad zone stops the server at start naming its key, and on the last day of a
/// month that month counts as complete (双过半 is judged on 30 June with the first half's figures), through the API
/// and the CLI alike.
/// </summary>
public sealed class OneCalendarTests : IDisposable
{
    private const string Projects = """
        code,name,org,category,totalInvestment,plannedStart,plannedCompletion,stage,actualStart
        XA,甲一区产业园,330102,产业,50,2026-02-10,2028-06-30,新开工,2026-02-10
        XB,甲一区快速路,330102,交通,80,2025-05-01,2027-12-31,续建,2025-04-28
        """;

    private const string Plans = "project,year,plannedInvestment\nXA,2026,12\nXB,2026,24\n";

    // January to May 6 in all, June 4 more: the first half is 10.
    private const string Progress = "project,month,completedInvestment,actualStart\nXA,2026-03,2,\nXB,2026-05,4,\nXB,2026-06,4,\n";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "luoshi-cli-tests", Guid.NewGuid().ToString("N"));

    public OneCalendarTests() => Directory.CreateDirectory(_dir);

    [Fact]
    public async Task ABadTimeZone_StopsTheServerAtStart_NamingItsKey()
    {
        var failure = await Should.ThrowAsync<OptionsValidationException>(() => TestApp.StartAsync(Db.Sqlite, configure: b => b.Configuration["Luoshi:TimeZone"] = "Mars/Olympus_Mons"));

        failure.Failures.ShouldContain(f => f.StartsWith("Luoshi:TimeZone: ", StringComparison.Ordinal) && f.Contains("Mars/Olympus_Mons"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ProjectsSummary_AsOf30June_CountsJune_AsOf29June_DoesNot(Db db)
    {
        await using var app = await TestApp.StartAsync(db);
        await app.ImportCsvAsync(ImportKind.Orgs, AppFixture.OrgsCsv);
        foreach (var (kind, csv) in new[] { ("projects", Projects), ("project-plans", Plans), ("project-progress", Progress) })
        {
            (await app.Client.PostAsync($"/api/projects/import/{kind}", new MultipartFormDataContent { { new StringContent(csv), "file", "f.csv" } })).EnsureSuccessStatusCode();
        }

        var onThe30th = await Province(app, "2026-06-30");
        var onThe29th = await Province(app, "2026-06-29");

        onThe30th["completedYtd"]!.GetValue<decimal>().ShouldBe(10m);
        onThe29th["completedYtd"]!.GetValue<decimal>().ShouldBe(6m);

        // The plan curve moves with the months counted: six months of the S-curve (half the plan), then five.
        onThe30th["expectedYtd"]!.GetValue<decimal>().ShouldBe(18m);
        onThe29th["expectedYtd"]!.GetValue<decimal>().ShouldBeLessThan(18m);
    }

    [Fact]
    public async Task ProjectsSummaryFromTheCli_AsOf30June_CountsJune_AsOf29June_DoesNot()
    {
        (await Run("init", "--data-dir", _dir)).Code.ShouldBe(0);
        (await Run("import", "orgs", Write("orgs.csv", AppFixture.OrgsCsv), "--data-dir", _dir)).Code.ShouldBe(0);
        foreach (var (kind, csv) in new[] { ("projects", Projects), ("project-plans", Plans), ("project-progress", Progress) })
        {
            var imported = await Run("import", kind, Write(kind + ".csv", csv), "--data-dir", _dir);
            imported.Code.ShouldBe(0, imported.Err);
        }

        var onThe30th = await Run("projects", "summary", "--year", "2026", "--as-of", "2026-06-30", "--format", "json", "--data-dir", _dir);
        var onThe29th = await Run("projects", "summary", "--year", "2026", "--as-of", "2026-06-29", "--format", "json", "--data-dir", _dir);

        onThe30th.Code.ShouldBe(0, onThe30th.Err);
        ProvinceRow(onThe30th.Out)["completedYtd"]!.GetValue<decimal>().ShouldBe(10m);
        ProvinceRow(onThe29th.Out)["completedYtd"]!.GetValue<decimal>().ShouldBe(6m);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing process; the temp directory is cleaned by the OS.
        }
    }

    private static async Task<JsonNode> Province(TestApp app, string asOf)
    {
        var response = await app.Client.GetAsync($"/api/projects/summary?year=2026&asOf={asOf}");
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return ProvinceRow(body);
    }

    private static JsonNode ProvinceRow(string json) => JsonNode.Parse(json)!.AsArray().Single(r => r!["org"]!.GetValue<string>() == "330000")!;

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await LuoshiCli.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
