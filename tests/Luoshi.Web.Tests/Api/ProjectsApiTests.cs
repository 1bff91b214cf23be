using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Luoshi.Application.Projects;
using Luoshi.Application.Spreadsheets;
using Luoshi.Web.Tests.Infrastructure;

namespace Luoshi.Web.Tests.Api;

/// <summary>The project list, a project's curve and the progress workbook through the API, on both providers.</summary>
public sealed class ProjectsApiTests
{
    private const string Projects = """
        code,name,org,category,totalInvestment,plannedStart,plannedCompletion,stage,actualStart
        XA,甲一区产业园,330102,产业,50,2026-02-10,2028-06-30,前期,
        XB,甲一区快速路,330102,交通,80,2025-05-01,2027-12-31,续建,2025-04-28
        XC,乙一区水厂,330202,水利,30,2026-03-01,2027-03-31,前期,
        """;

    private static readonly Xlsx.Column[] TemplateColumns =
        [.. new[] { "项目代码 project", "项目名称 name", "所属地区 org", "月份 month", "本月完成投资(亿元) completedInvestment", "实际开工日期 actualStart", "进展情况 narrative" }.Select(h => new Xlsx.Column(h))];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Browse_FiltersBySubtreeAndStart_SortsAndPages_WithCounts(Db db)
    {
        await using var app = await Seeded(db);

        // As of 2026-04-01: XA started on time, XB (2025) on time, XC planned for 1 March and not started.
        var all = await Json(app, "/api/projects/browse?asOf=2026-04-01&year=2026&sort=total&desc=true&pageSize=2");
        all["total"]!.GetValue<int>().ShouldBe(3);
        all["items"]!.AsArray().Select(i => i!["code"]!.GetValue<string>()).ShouldBe(["XB", "XA"]);
        all["byStartStatus"]!["overdue"]!.GetValue<int>().ShouldBe(1);
        all["byStartStatus"]!["onTime"]!.GetValue<int>().ShouldBe(2);
        all["annualPlan"]!.GetValue<decimal>().ShouldBe(46m);
        var second = await Json(app, "/api/projects/browse?asOf=2026-04-01&sort=total&desc=true&pageSize=2&page=2");
        second["items"]!.AsArray().Single()!["code"]!.GetValue<string>().ShouldBe("XC");

        var city = await Json(app, "/api/projects/browse?asOf=2026-04-01&org=330100&q=产业");
        city["items"]!.AsArray().Select(i => i!["code"]!.GetValue<string>()).ShouldBe(["XA"]);
        var overdue = await Json(app, "/api/projects/browse?asOf=2026-04-01&started=overdue");
        var xc = overdue["items"]!.AsArray().Single()!;
        xc["code"]!.GetValue<string>().ShouldBe("XC");
        xc["startReason"]!.GetValue<string>().ShouldBe("计划2026-03-01开工,截至2026-04-01尚未开工,已逾期31天");

        await (await app.Client.GetAsync("/api/projects/browse?sort=colour")).ShouldBeProblem(HttpStatusCode.BadRequest, "sort");
        await (await app.Client.GetAsync("/api/projects/browse?started=maybe")).ShouldBeProblem(HttpStatusCode.BadRequest, "started");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Curve_CumulatesTheMonths_AgainstThePlanOnTheSCurve(Db db)
    {
        await using var app = await Seeded(db);

        var curve = await Json(app, "/api/projects/XA/curve?year=2026&asOf=2026-04-01");

        // Plan 12: June expects 12 × (3·0.5² − 2·0.5³) = 6; January 12 × (3/144 − 2/1728) ≈ 0.24.
        curve["basis"]!.GetValue<string>().ShouldBe("sCurve");
        var months = curve["months"]!.AsArray();
        months.Count.ShouldBe(12);
        months[0]!["cumulative"]!.GetValue<decimal>().ShouldBe(2.5m);
        months[1]!["cumulative"]!.GetValue<decimal>().ShouldBe(4m);
        months[2]!["cumulative"].ShouldBeNull();
        months[5]!["expected"]!.GetValue<decimal>().ShouldBe(6m);
        months[0]!["expected"]!.GetValue<decimal>().ShouldBe(0.24m);
        curve["start"]!["status"]!.GetValue<string>().ShouldBe("onTime");
        await (await app.Client.GetAsync("/api/projects/NOPE/curve")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ProgressTemplate_DownloadsAndUploadsBack(Db db)
    {
        await using var app = await Seeded(db);

        var response = await app.Client.GetAsync("/api/projects/progress/template?org=330100&month=2026-03");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var sheet = Xlsx.Read(await response.Content.ReadAsStreamAsync(), "项目进度");
        sheet.Rows.Skip(1).Select(r => r.Cells["A"].Text).ShouldBe(["XA", "XB"]);

        var filled = Xlsx.Write("项目进度", TemplateColumns, [["XB", "", "", "2026-03", 6.5m, null, "路基"]]);
        var summary = await (await Upload(app.Client, filled, "p.xlsx")).ShouldBeOk<ImportSummary>();
        summary.Created.ShouldBe(1);

        (await app.Anonymous.GetAsync("/api/projects/progress/template?org=330100")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await (await app.Client.GetAsync("/api/projects/progress/template?org=330100&month=2026-13")).ShouldBeProblem(HttpStatusCode.BadRequest, "month");
    }

    public static TheoryData<string, Db> HostileUploads()
    {
        var data = new TheoryData<string, Db>();
        foreach (var what in new[] { "bad sheet", "wrong header", "text in a number cell", "unknown project", "not multipart", "csv with an unknown project" })
        {
            foreach (var db in Providers.Each)
            {
                data.Add(what, db);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HostileUploads))]
    public async Task ProgressUpload_HostileInput_Is400NamingWhere_AndWritesNothing(string what, Db db)
    {
        await using var app = await Seeded(db);
        IReadOnlyList<object?> good = ["XB", "", "", "2026-03", 1m, null, null];
        HttpResponseMessage response = what switch
        {
            "bad sheet" => await Upload(app.Client, Xlsx.Write("Sheet1", TemplateColumns, [good]), "p.xlsx"),
            "wrong header" => await Upload(app.Client, Xlsx.Write("项目进度", [.. TemplateColumns.Take(4), new Xlsx.Column("完成 done")], [good]), "p.xlsx"),
            "text in a number cell" => await Upload(app.Client, Xlsx.Write("项目进度", TemplateColumns, [good, ["XA", "", "", "2026-03", "一点五", null, null]]), "p.xlsx"),
            "unknown project" => await Upload(app.Client, Xlsx.Write("项目进度", TemplateColumns, [["NOPE", "", "", "2026-03", 1m, null, null]]), "p.xlsx"),
            "not multipart" => await app.Client.PostAsync("/api/projects/progress/upload", new StringContent("x")),
            _ => await Upload(app.Client, Encoding.UTF8.GetBytes("project,month,completedInvestment,actualStart\nNOPE,2026-03,1,\n"), "p.csv"),
        };

        var (status, key, row, column) = what switch
        {
            "bad sheet" => (HttpStatusCode.UnprocessableEntity, "sheet", 1, "sheet"),
            "wrong header" => (HttpStatusCode.UnprocessableEntity, "E", 1, "E"),
            "text in a number cell" => (HttpStatusCode.UnprocessableEntity, "E", 3, "E"),
            "unknown project" => (HttpStatusCode.UnprocessableEntity, "A", 2, "A"),
            "not multipart" => (HttpStatusCode.BadRequest, "file", 0, null),
            _ => (HttpStatusCode.UnprocessableEntity, "project", 2, "project"),
        };
        var problem = await response.ShouldBeProblem(status, key);
        if (row > 0)
        {
            var where = problem["problems"]!.AsArray().First(e => e!["column"]?.GetValue<string>() == column)!;
            where["row"]!.GetValue<int>().ShouldBe(row);
            if (what is "text in a number cell" or "unknown project")
            {
                where["message"]!.GetValue<string>().ShouldContain($"工作表“项目进度”第{row}行{column}列");
            }
        }

        var xb = await Json(app, "/api/projects/XB");
        xb["progress"]!.AsArray().Count.ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TemplatesOfEveryKind_DownloadAsXlsxAndCsv_AndUploadBack(Db db)
    {
        await using var app = await Seeded(db);

        var projects = await app.Client.GetAsync("/api/projects/template/projects?org=330100");
        projects.StatusCode.ShouldBe(HttpStatusCode.OK);
        projects.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("luoshi-projects-330100.xlsx");
        var sheet = Xlsx.Read(await projects.Content.ReadAsStreamAsync(), "重大项目");
        sheet.Rows.Skip(1).Select(r => r.Cells["A"].Text).ShouldBe(["XA", "XB"]);

        var csv = await app.Client.GetAsync("/api/projects/template/project-plans?org=330000&year=2026&format=csv");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.ShouldBe(["project,year,plannedInvestment", "XA,2026,12", "XB,2026,24", "XC,2026,10"]);

        // The plans CSV, changed, goes back through the kind's upload; so does the projects workbook as downloaded.
        var changed = Encoding.UTF8.GetBytes(string.Join("\n", lines).Replace("XC,2026,10", "XC,2026,11", StringComparison.Ordinal));
        var plans = await (await Upload(app.Client, changed, "plans.csv", "/api/projects/upload/project-plans")).ShouldBeOk<ImportSummary>();
        (plans.Updated, plans.Unchanged).ShouldBe((1, 2));
        var workbook = await (await app.Client.GetAsync("/api/projects/template/projects?org=330100")).Content.ReadAsByteArrayAsync();
        var again = await (await Upload(app.Client, workbook, "projects.xlsx", "/api/projects/upload/projects")).ShouldBeOk<ImportSummary>();
        (again.Rows, again.Created, again.Updated, again.Unchanged).ShouldBe((2, 0, 0, 2), "the workbook as downloaded states what is recorded");
        (await Json(app, "/api/projects/XA"))["totalInvestment"]!.GetValue<decimal>().ShouldBe(50m);

        await (await app.Client.GetAsync("/api/projects/template/bridges")).ShouldBeProblem(HttpStatusCode.BadRequest, "kind");
        await (await app.Client.GetAsync("/api/projects/template/projects?format=json")).ShouldBeProblem(HttpStatusCode.BadRequest, "format");
        await (await app.Client.GetAsync("/api/projects/template/project-plans?year=1200")).ShouldBeProblem(HttpStatusCode.BadRequest, "year");
        await (await app.Client.GetAsync("/api/projects/template/projects?org=999999")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await Upload(app.Client, workbook, "projects.xlsx", "/api/projects/upload/bridges")).ShouldBeProblem(HttpStatusCode.BadRequest, "kind");
        var refused = await (await Upload(app.Client, workbook, "projects.xlsx", "/api/projects/upload/project-plans")).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "sheet");
        refused["problems"]!.AsArray().Single()!["message"]!.GetValue<string>().ShouldContain("年度计划");
        (await app.Anonymous.GetAsync("/api/projects/template/projects")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task<TestApp> Seeded(Db db)
    {
        var app = await TestApp.StartAsync(db);
        await app.ImportCsvAsync(ImportKind.Orgs, AppFixture.OrgsCsv);
        await app.ImportCsvAsync(ImportKind.Indicators, AppFixture.IndicatorsCsv);
        await Import(app, "projects", Projects);
        await Import(app, "project-plans", "project,year,plannedInvestment\nXA,2026,12\nXB,2026,24\nXC,2026,10\n");
        await Import(app, "project-progress", "project,month,completedInvestment,actualStart\nXA,2026-01,2.5,2026-02-10\nXA,2026-02,1.5,\n");
        return app;
    }

    private static async Task Import(TestApp app, string kind, string csv) =>
        (await app.Client.PostAsync($"/api/projects/import/{kind}", new MultipartFormDataContent { { new StringContent(csv), "file", "f.csv" } })).EnsureSuccessStatusCode();

    private static Task<HttpResponseMessage> Upload(HttpClient client, byte[] bytes, string name, string url = "/api/projects/progress/upload")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return client.PostAsync(url, new MultipartFormDataContent { { file, "file", name } });
    }

    private static async Task<JsonObject> Json(TestApp app, string url)
    {
        var response = await app.Client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
