using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using Luoshi.Application.Spreadsheets;
using Luoshi.Web.Tests.Infrastructure;

namespace Luoshi.Web.Tests.Api;

/// <summary>Policies, their summaries, cases and the enterprise page through the API, on both providers.</summary>
public sealed class PoliciesApiTests
{
    private const string E1 = "91330102MA2CA00015", E2 = "91330103MA2CB0002E";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Summary_KeepsTheContractsKeys_AndRollsRegionsUp(Db db)
    {
        await using var app = await Seeded(db);

        var rows = (await Json(app, "/api/policies/summary?by=policy&asOf=2026-03-10")).AsArray();
        var p1 = rows.Single()!.AsObject();
        foreach (var key in new[] { "key", "cases", "enterprises", "approvedAmount", "paidAmount", "payoutRate", "avgDaysToPay", "onTimeRate", "overdue", "autoShare", "budget", "budgetExecution" })
        {
            p1.ContainsKey(key).ShouldBeTrue(key);
        }

        p1["key"]!.GetValue<string>().ShouldBe("P1");
        p1["approvedAmount"]!.GetValue<decimal>().ShouldBe(50m);
        p1["paidAmount"]!.GetValue<decimal>().ShouldBe(10m);
        p1["payoutRate"]!.GetValue<double>().ShouldBe(20);
        p1["overdue"]!.GetValue<int>().ShouldBe(1);                 // 乙's 5 working days ended on 9 March
        p1["budgetExecution"]!.GetValue<double>().ShouldBe(10);

        var regions = (await Json(app, "/api/policies/summary?by=region&asOf=2026-03-10")).AsArray();
        regions.Select(r => r!["key"]!.GetValue<string>()).ShouldBe(["330000", "330100", "330102", "330103"]);

        await (await app.Client.GetAsync("/api/policies/summary?by=colour")).ShouldBeProblem(HttpStatusCode.BadRequest, "by");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CasesAndEnterprise_FilterAndList_AndABadCodeIsRefusedByName(Db db)
    {
        await using var app = await Seeded(db);

        var overdue = await Json(app, "/api/policies/cases?status=overdue&asOf=2026-03-10");
        overdue["total"]!.GetValue<int>().ShouldBe(1);
        overdue["items"]!.AsArray().Single()!["enterprise"]!.GetValue<string>().ShouldBe(E2);
        var county = await Json(app, "/api/policies/cases?org=330102&asOf=2026-03-10");
        county["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ShouldBe(["甲公司"]);

        var enterprise = await Json(app, $"/api/policies/enterprises/{E1.ToLowerInvariant()}?asOf=2026-03-10");
        enterprise["name"]!.GetValue<string>().ShouldBe("甲公司");
        enterprise["paidAmount"]!.GetValue<decimal>().ShouldBe(10m);

        await (await app.Client.GetAsync("/api/policies/enterprises/91330102MA2CA00016")).ShouldBeProblem(HttpStatusCode.BadRequest, "enterprise");
        await (await app.Client.GetAsync("/api/policies/cases?status=lost")).ShouldBeProblem(HttpStatusCode.BadRequest, "status");
        (await app.Anonymous.GetAsync($"/api/policies/enterprises/{E1}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_ABadCreditCode_Is422NamingRowAndColumn(Db db)
    {
        await using var app = await Seeded(db);
        var response = await Post(app, "policy-cases", "measure,enterprise,name,org,applied,status,approvedAmount,paidOn,paidAmount\nM1,91330102MA2CA00016,丙公司,330102,2026-03-03,applied,,,\n");

        var problem = await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "enterprise");
        var where = problem["problems"]!.AsArray().Single()!;
        where["row"]!.GetValue<int>().ShouldBe(2);
        where["column"]!.GetValue<string>().ShouldBe("enterprise");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PolicyAndList_AreReadWithoutSigningIn(Db db)
    {
        await using var app = await Seeded(db);
        var list = JsonNode.Parse(await (await app.Anonymous.GetAsync("/api/policies?asOf=2026-03-10")).Content.ReadAsStringAsync())!.AsArray();
        list.Single()!["figures"]!["paidAmount"]!.GetValue<decimal>().ShouldBe(10m);

        var detail = JsonNode.Parse(await (await app.Anonymous.GetAsync("/api/policies/P1?asOf=2026-03-10")).Content.ReadAsStringAsync())!.AsObject();
        detail["measures"]!.AsArray().Single()!["code"]!.GetValue<string>().ShouldBe("M1");
        detail["curve"]!.AsArray().Select(p => p!["month"]!.GetValue<string>()).ShouldBe(["2026-02", "2026-03"]);
        detail["curve"]!.AsArray()[^1]!["paid"]!.GetValue<decimal>().ShouldBe(10m);
        (await app.Anonymous.GetAsync("/api/policies/NOPE")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<TestApp> Seeded(Db db)
    {
        var app = await TestApp.StartAsync(db);
        await app.ImportCsvAsync(ImportKind.Orgs, AppFixture.OrgsCsv);
        (await Post(app, "policies", "code,title,package,lead,issued,budget\nP1,技改政策,扩大有效投资,FGW,2026-01-10,100\n")).EnsureSuccessStatusCode();
        (await app.Client.PutAsJsonAsync("/api/publication/policy/P1", new { @public = true })).EnsureSuccessStatusCode();
        (await Post(app, "policy-measures", "code,policy,title,kind,mode,timeLimitDays\nM1,P1,技改奖补,subsidy,automatic,5\n")).EnsureSuccessStatusCode();
        (await Post(app, "policy-cases", "measure,enterprise,name,org,applied,status,approvedAmount,paidOn,paidAmount\n"
            + $"M1,{E1},甲公司,330102,2026-02-24,paid,10,2026-02-27,10\nM1,{E2},乙公司,330103,2026-03-02,approved,40,,\n")).EnsureSuccessStatusCode();
        return app;
    }

    private static Task<HttpResponseMessage> Post(TestApp app, string kind, string csv) =>
        app.Client.PostAsync($"/api/policies/import/{kind}", new MultipartFormDataContent { { new StringContent(csv), "file", "f.csv" } });

    private static async Task<JsonNode> Json(TestApp app, string url)
    {
        var response = await app.Client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
