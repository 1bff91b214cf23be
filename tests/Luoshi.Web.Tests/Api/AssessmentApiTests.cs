using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Luoshi.Application.Assessment;
using Luoshi.Application.Import;
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
        a.Criteria.Single(c => c.Code == "INV").Explanation.ShouldContain("得33");
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
