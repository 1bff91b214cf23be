using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Luoshi.Application.Assessment;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Assessment;
using Luoshi.Web.Tests.Infrastructure;

namespace Luoshi.Web.Tests.Api;

public sealed class AssessmentApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly HashSet<TestApp> Seeded = [];

    // FAI at June: 甲市 330100 has 330 of 600 expected (1200 × 6/12) → 55%; 乙市 330200 has 480 of 400 → capped at 100%.
    private const string Scheme = """
        { "name": "测试考核", "year": 2026, "period": "2026-06", "group": ["330100", "330200"],
          "criteria": [
            { "code": "INV", "name": "投资序时进度", "points": 60, "indicator": "FAI", "method": { "type": "attainment" } },
            { "code": "WORK", "name": "重点工作", "points": 40, "source": "manual", "method": { "type": "linear", "floor": 0, "ceiling": 40 },
              "scores": [ { "org": "330100", "points": 38, "evidence": "督查报告" }, { "org": "330200", "points": 30, "evidence": "督查报告" } ] } ],
          "adjustments": [ { "org": "330100", "points": 1, "reason": "改革试点" } ],
          "grades": [ { "name": "优秀", "minScore": 90 }, { "name": "良好", "minScore": 60 }, { "name": "一般" } ], "vetoGrade": "不合格" }
        """;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Run_ScoresRanksAndGrades_WithExplanations(Db db)
    {
        var app = await Seed(db);

        var run = await (await Post(app, "/api/assessment/runs", Scheme)).ShouldBeOk<AssessmentResult>();

        var a = run.Results.Single(r => r.Org == "330100");
        var b = run.Results.Single(r => r.Org == "330200");
        a.Criteria.Single(c => c.Code == "INV").Points.ShouldBe(33m);   // 60 × 330 / 600
        b.Criteria.Single(c => c.Code == "INV").Points.ShouldBe(60m);   // 480 / 400 capped at 100%
        a.Score.ShouldBe(33m + 38m + 1m);
        b.Score.ShouldBe(60m + 30m);
        b.Rank.ShouldBe(1);
        b.Grade.ShouldBe("优秀");
        a.Grade.ShouldBe("良好");
        a.Criteria.Single(c => c.Code == "INV").Explanation.Bilingual.ShouldContain("得33");
        run.State.ShouldBe(RunState.Draft);
        run.InputsHash.Length.ShouldBe(64);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Published_IsFrozen_RecomputesToTheSameHash_AndAnAppealMakesANewVersion(Db db)
    {
        var app = await Seed(db);
        var run = await (await Post(app, "/api/assessment/runs", Scheme)).ShouldBeOk<AssessmentResult>();

        var published = await (await app.Client.PostAsync($"/api/assessment/runs/{run.RunId}/publish", null)).ShouldBeOk<AssessmentResult>();
        var again = await app.Client.PostAsync($"/api/assessment/runs/{run.RunId}/publish", null);
        var verify = JsonNode.Parse(await app.Client.GetStringAsync($"/api/assessment/runs/{run.RunId}/verify"))!;
        var appeal = await (await Post(app, $"/api/assessment/runs/{run.RunId}/appeals", """{"org":"330100","points":2,"reason":"统计口径调整后补计投资"}""")).ShouldBeOk<AssessmentResult>();
        var old = await (await app.Client.GetAsync($"/api/assessment/runs/{run.RunId}")).ShouldBeOk<AssessmentResult>();

        published.State.ShouldBe(RunState.Published);
        await again.ShouldBeProblem(HttpStatusCode.Conflict, "state");
        verify["same"]!.GetValue<bool>().ShouldBeTrue();
        appeal.RunId.ShouldNotBe(run.RunId);
        appeal.Results.Single(r => r.Org == "330100").Score.ShouldBe(run.Results.Single(r => r.Org == "330100").Score + 2);
        old.State.ShouldBe(RunState.Superseded);
        old.Results.Single(r => r.Org == "330100").Score.ShouldBe(run.Results.Single(r => r.Org == "330100").Score);
        JsonNode.Parse(await app.Client.GetStringAsync($"/api/assessment/runs/{appeal.RunId}/verify"))!["same"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task BadSchemes_AreProblemsNamingTheField(Db db)
    {
        var app = await Seed(db);

        await (await Post(app, "/api/assessment/preview", "{ not json")).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await Post(app, "/api/assessment/preview", """{"name":"x","year":2026,"group":[],"criteria":[],"grades":[]}""")).ShouldBeProblem(HttpStatusCode.BadRequest, "group");
        await (await Post(app, "/api/assessment/preview", Scheme.Replace("\"attainment\"", "\"average\"", StringComparison.Ordinal))).ShouldBeProblem(HttpStatusCode.BadRequest, "criteria");
        await (await Post(app, "/api/assessment/preview", Scheme.Replace("\"330200\"]", "\"999999\"]", StringComparison.Ordinal))).ShouldBeProblem(HttpStatusCode.BadRequest, "group");
        await (await app.Client.GetAsync("/api/assessment/runs/99999")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SaveScheme_StoresANewVersion_NeverOverwrites_AndAnUnchangedSchemeStoresNothing(Db db)
    {
        var app = await Seed(db);
        var scheme = Scheme.Replace("测试考核", "版本测试", StringComparison.Ordinal);

        var first = await (await Post(app, "/api/assessment/schemes", scheme)).ShouldBeOk<SavedScheme>(HttpStatusCode.Created);
        var same = await (await Post(app, "/api/assessment/schemes", scheme)).ShouldBeOk<SavedScheme>();
        var second = await (await Post(app, "/api/assessment/schemes", scheme.Replace("\"points\": 1,", "\"points\": 2,", StringComparison.Ordinal))).ShouldBeOk<SavedScheme>(HttpStatusCode.Created);
        var old = await (await app.Client.GetAsync($"/api/assessment/schemes/{first.Version.Id}")).ShouldBeOk<SchemeDetail>();
        var all = await (await app.Client.GetAsync("/api/assessment/schemes")).ShouldBeOk<List<SchemeVersionView>>();

        first.Created.ShouldBeTrue();
        first.Version.Version.ShouldBe(1);
        same.Created.ShouldBeFalse();
        same.Version.Id.ShouldBe(first.Version.Id);
        second.Version.Version.ShouldBe(2);
        second.Version.Id.ShouldNotBe(first.Version.Id);
        old.Scheme.Adjustments!.Single().Points.ShouldBe(1m);
        old.Version.Latest.ShouldBeFalse();
        old.Versions.Select(v => v.Version).ShouldBe([2, 1]);
        old.Json.ShouldContain("\n");
        all.Where(v => v.Name == "版本测试").Select(v => (v.Version, v.Latest)).ShouldBe([(2, true), (1, false)]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SaveScheme_Refused_IsAProblemNamingTheField(Db db)
    {
        var app = await Seed(db);

        await (await Post(app, "/api/assessment/schemes", Scheme.Replace("\"points\": 60", "\"points\": \"sixty\"", StringComparison.Ordinal))).ShouldBeProblem(HttpStatusCode.BadRequest, "criteria[0].points");
        await (await Post(app, "/api/assessment/schemes", Scheme.Replace("\"FAI\"", "\"NO_SUCH\"", StringComparison.Ordinal))).ShouldBeProblem(HttpStatusCode.BadRequest, "criteria[0].indicator");
        await (await Post(app, "/api/assessment/schemes", Scheme.Replace("\"330200\"]", "\"999999\"]", StringComparison.Ordinal))).ShouldBeProblem(HttpStatusCode.BadRequest, "group");
        await (await Post(app, "/api/assessment/schemes", Scheme.Replace("\"2026-06\"", "\"2026-13\"", StringComparison.Ordinal))).ShouldBeProblem(HttpStatusCode.BadRequest, "period");
        await (await Post(app, "/api/assessment/schemes", " ")).ShouldBeProblem(HttpStatusCode.BadRequest, "scheme");
        await (await app.Client.GetAsync("/api/assessment/schemes/99999")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Runs_AreListedNewestFirst_WithTheirSchemeVersion(Db db)
    {
        var app = await Seed(db);
        var run = await (await Post(app, "/api/assessment/runs", Scheme.Replace("测试考核", "列表测试", StringComparison.Ordinal))).ShouldBeOk<AssessmentResult>();

        var runs = await (await app.Client.GetAsync("/api/assessment/runs")).ShouldBeOk<List<RunSummary>>();

        runs[0].Id.ShouldBe(run.RunId!.Value);
        runs[0].Scheme.ShouldBe("列表测试");
        runs[0].SchemeVersion.ShouldBe(1);
        runs[0].State.ShouldBe(RunState.Draft);
        runs.Select(r => r.Id).ShouldBeInOrder(SortDirection.Descending);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Export_Xlsx_IsAWorkbookWithTheRankingAndTheBreakdown(Db db)
    {
        var app = await Seed(db);
        var run = await (await Post(app, "/api/assessment/runs", Scheme.Replace("测试考核", "导出测试", StringComparison.Ordinal))).ShouldBeOk<AssessmentResult>();

        var response = await app.Client.GetAsync($"/api/assessment/runs/{run.RunId}/export?format=xlsx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);
        var workbook = doc.WorkbookPart!;
        var sheets = workbook.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().ToList();
        List<List<string>> Rows(string name)
        {
            var part = (DocumentFormat.OpenXml.Packaging.WorksheetPart)workbook.GetPartById(sheets.Single(x => x.Name == name).Id!);
            // Cells by their column (an empty value has no cell), so that index 0 is column A.
            return [.. part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Select(r =>
            {
                var cells = r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToDictionary(c => c.CellReference!.Value![0] - 'A', c => c.InnerText);
                return Enumerable.Range(0, cells.Keys.Max() + 1).Select(i => cells.GetValueOrDefault(i, string.Empty)).ToList();
            })];
        }

        sheets.Select(x => x.Name!.Value).ShouldBe([AssessmentWorkbook.RankingSheet, AssessmentWorkbook.BreakdownSheet, "说明 notes"]);
        var ranking = Rows(AssessmentWorkbook.RankingSheet);
        ranking.Count.ShouldBe(3);
        ranking[0][0].ShouldBe("名次 rank");
        static decimal Number(string cell) => decimal.Parse(cell, System.Globalization.CultureInfo.InvariantCulture);
        ranking[1].Take(3).ShouldBe(["1", "330200", "乙市"]);
        Number(ranking[1][3]).ShouldBe(90m);
        ranking[1][4].ShouldBe("优秀");
        ranking[2].Take(3).ShouldBe(["2", "330100", "甲市"]);
        Number(ranking[2][3]).ShouldBe(72m);
        ranking[2][4].ShouldBe("良好");
        ranking[2].ShouldContain("+1 改革试点");
        var breakdown = Rows(AssessmentWorkbook.BreakdownSheet);
        breakdown.Count.ShouldBe(1 + (2 * 2));
        var inv = breakdown.Single(r => r[0] == "330100" && r.Contains("INV"));
        Number(inv[8]).ShouldBe(33m);   // points earned
        Number(inv[9]).ShouldBe(60m);   // of the points available
        Number(inv[6]).ShouldBe(330m);  // the raw value
        inv.ShouldContain("完成度法:分值×min(实际÷目标, 1) / attainment: points × min(actual ÷ expected, 1)");
        inv.Last().ShouldContain("得33");
        breakdown.Single(r => r[0] == "330200" && r.Contains("WORK")).Last().ShouldContain("督查报告");
    }

    private static Task<HttpResponseMessage> Post(TestApp app, string url, string json) =>
        app.Client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<TestApp> Seed(Db db)
    {
        var app = await fixture.For(db);
        await Gate.WaitAsync();
        try
        {
            if (Seeded.Add(app))
            {
                await app.ImportCsvAsync(ImportKind.Targets, "indicator,org,year,value,qualifier\nFAI,330100,2026,1200,atLeast\nFAI,330200,2026,800,atLeast\n");
                await app.ImportCsvAsync(ImportKind.Readings, "indicator,org,period,value\nFAI,330100,2026-06,330\nFAI,330200,2026-06,480\n");
            }
        }
        finally
        {
            Gate.Release();
        }

        return app;
    }
}
