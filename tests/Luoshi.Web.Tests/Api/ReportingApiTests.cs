using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Luoshi.Application.Reporting;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Reporting;
using Luoshi.Web.Tests.Infrastructure;

namespace Luoshi.Web.Tests.Api;

/// <summary>Reporting through the API on both providers; each test works on a unit and period of its own.</summary>
public sealed class ReportingApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly HashSet<TestApp> Seeded = [];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Template_ListsTheUnitsIndicators_WithPreviousValueAndTarget(Db db)
    {
        var app = await Seed(db);

        var response = await app.Client.GetAsync("/api/reporting/template?org=330103&period=2026-02");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var sheet = Xlsx.Read(await response.Content.ReadAsStreamAsync(), ReportFiles.SheetName);
        sheet.Rows[0].Cells["A"].Text.ShouldEndWith("indicator");
        var codes = sheet.Rows.Skip(1).Select(r => r.Cells["A"].Text).ToList();
        codes.ShouldBe(["FAI", "PRIVATE_INV", "UNEMP"]);
        var fai = sheet.Rows.Skip(1).First(r => r.Cells["A"].Text == "FAI").Cells;
        fai["D"].Number.ShouldBe(100);
        fai["E"].Number.ShouldBe(1200);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Upload_FilledTemplate_WritesDraftValues_AndTheSameFileTwiceChangesNothing(Db db)
    {
        var app = await Seed(db);
        var file = Workbook([("FAI", 210.5, null), ("PRIVATE_INV", 120, "民间投资回暖"), ("UNEMP", null, null)]);

        var first = await (await Upload(app.Client, "330103", "2026-03", file, "t.xlsx")).ShouldBeOk<UploadSummary>();
        var again = await (await Upload(app.Client, "330103", "2026-03", file, "t.xlsx")).ShouldBeOk<UploadSummary>();

        first.Written.ShouldBe(2);
        first.Skipped.ShouldBe(1);
        again.Written.ShouldBe(0);
        var report = await (await app.Client.GetAsync("/api/reports/330103/2026-03")).ShouldBeOk<ReportView>();
        report.State.ShouldBe(ReportState.Draft);
        var fai = report.Lines.Single(l => l.Indicator == "FAI");
        fai.Value.ShouldBe(210.5m);
        fai.ReadingState.ShouldBe(Domain.Indicators.ReadingState.Draft);
        report.Lines.Single(l => l.Indicator == "PRIVATE_INV").Comment.ShouldBe("民间投资回暖");
    }

    public static TheoryData<string, Db> HostileUploads()
    {
        var data = new TheoryData<string, Db>();
        foreach (var name in Hostile.Keys)
        {
            foreach (var db in Providers.Each)
            {
                data.Add(name, db);
            }
        }

        return data;
    }

    private static readonly Dictionary<string, (Func<byte[]> File, string Name, HttpStatusCode Status, string Field)> Hostile = new()
    {
        ["random bytes"] = (() => Random(5000), "x.xlsx", HttpStatusCode.UnprocessableEntity, "file"),
        ["zip that is no workbook"] = (() => [0x50, 0x4B, 0x03, 0x04, .. Random(300)], "x.xlsx", HttpStatusCode.UnprocessableEntity, "file"),
        ["wrong sheet name"] = (() => Xlsx.Write("Sheet1", [new("indicator"), new("value")], [["FAI", 1.0]]), "x.xlsx", HttpStatusCode.UnprocessableEntity, "sheet"),
        ["text in a number cell"] = (() => Xlsx.Write(ReportFiles.SheetName, [new("指标代码 indicator"), new("本期值 value")], [["FAI", "一百"]]), "x.xlsx", HttpStatusCode.UnprocessableEntity, "B"),
        ["extra column"] = (() => Xlsx.Write(ReportFiles.SheetName, [new("指标代码 indicator"), new("本期值 value"), new("颜色 colour")], [["FAI", 1.0, "red"]]), "x.xlsx", HttpStatusCode.UnprocessableEntity, "C"),
        ["missing value column"] = (() => Xlsx.Write(ReportFiles.SheetName, [new("指标代码 indicator")], [["FAI"]]), "x.xlsx", HttpStatusCode.UnprocessableEntity, "value"),
        ["duplicate rows"] = (() => Workbook([("FAI", 1, null), ("FAI", 2, null)]), "x.xlsx", HttpStatusCode.UnprocessableEntity, "A"),
        ["indicator not reported"] = (() => Workbook([("GDP", 1, null)]), "x.xlsx", HttpStatusCode.UnprocessableEntity, "A"),
        ["csv for another unit"] = (() => "indicator,org,period,value\nFAI,330102,2026-04,5\n"u8.ToArray(), "x.csv", HttpStatusCode.UnprocessableEntity, "org"),
        ["csv text value"] = (() => "indicator,org,period,value\nFAI,330103,2026-04,many\n"u8.ToArray(), "x.csv", HttpStatusCode.UnprocessableEntity, "value"),
        ["wrong extension"] = (() => "FAI,1"u8.ToArray(), "x.txt", HttpStatusCode.BadRequest, "file"),
    };

    [Theory]
    [MemberData(nameof(HostileUploads))]
    public async Task Upload_HostileFile_IsAProblemNamingWhere_AndWritesNothing(string what, Db db)
    {
        var app = await Seed(db);
        var (file, name, status, field) = Hostile[what];

        var response = await Upload(app.Client, "330103", "2026-04", file(), name);

        await response.ShouldBeProblem(status, field);
        var report = await (await app.Client.GetAsync("/api/reports/330103/2026-04")).ShouldBeOk<ReportView>();
        report.Lines.ShouldAllBe(l => l.Value == null);
    }

    [Fact]
    public async Task Upload_AFormulaCell_IsRefused()
    {
        var app = await Seed(Db.Sqlite);
        var bytes = Workbook([("FAI", 1, null)]);
        bytes = WithFormula(bytes);

        var problem = await (await Upload(app.Client, "330103", "2026-05", bytes, "f.xlsx")).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "F");

        problem["detail"]!.GetValue<string>().ShouldContain("公式");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Flow_SubmitApproveLocks_ReturnNeedsAReason_AndARevisionChangesALockedValue(Db db)
    {
        var app = await Seed(db);
        var reporter = await app.ClientFor("rep-330100", Role.Reporter, "330100");
        var reviewer = await app.ClientFor("rev-330100", Role.Reviewer, "330100");
        await reporter.PostAsJsonAsync("/api/readings", new { indicator = "FAI", org = "330103", period = "2026-06", value = 500, comment = "按时报送" });
        await reporter.PostAsJsonAsync("/api/readings", new { indicator = "PRIVATE_INV", org = "330103", period = "2026-06", value = 200, comment = "x" });

        var submitted = await (await reporter.PostAsJsonAsync("/api/reports/330103/2026-06/submit", new { comment = "请审核" })).ShouldBeOk<ReportView>();
        await (await reporter.PostAsJsonAsync("/api/readings", new { indicator = "FAI", org = "330103", period = "2026-06", value = 1 })).ShouldBeProblem(HttpStatusCode.Conflict, "period");
        await (await reporter.PostAsJsonAsync("/api/reports/330103/2026-06/approve", new { })).ShouldBeProblem(HttpStatusCode.Forbidden);
        await (await reviewer.PostAsJsonAsync("/api/reports/330103/2026-06/return", new { comment = "" })).ShouldBeProblem(HttpStatusCode.BadRequest, "comment");
        var approved = await (await reviewer.PostAsJsonAsync("/api/reports/330103/2026-06/approve", new { comment = "同意" })).ShouldBeOk<ReportView>();
        await (await reviewer.PostAsJsonAsync("/api/reports/330103/2026-06/return", new { comment = "晚了" })).ShouldBeProblem(HttpStatusCode.Conflict, "state");
        var locked = await reporter.PostAsJsonAsync("/api/readings", new { indicator = "FAI", org = "330103", period = "2026-06", value = 2 });

        submitted.State.ShouldBe(ReportState.Submitted);
        approved.State.ShouldBe(ReportState.Approved);
        approved.Lines.Where(l => l.Value != null).ShouldAllBe(l => l.ReadingState == Domain.Indicators.ReadingState.Approved);
        approved.Transitions.Select(t => (t.To, t.Actor)).ShouldBe([(ReportState.Submitted, "rep-330100"), (ReportState.Approved, "rev-330100")]);
        (await locked.ShouldBeProblem(HttpStatusCode.Conflict, "value"))["detail"]!.GetValue<string>().ShouldContain("/api/reporting/revisions");

        var request = await (await reporter.PostAsJsonAsync("/api/reporting/revisions", new { indicator = "FAI", org = "330103", period = "2026-06", value = 510, reason = "漏报一个项目" })).ShouldBeOk<RevisionView>();
        await (await reporter.PostAsJsonAsync($"/api/reporting/revisions/{request.Id}/approve", new { comment = "自己批" })).ShouldBeProblem(HttpStatusCode.Forbidden);
        var decided = await (await reviewer.PostAsJsonAsync($"/api/reporting/revisions/{request.Id}/approve", new { comment = "核实无误" })).ShouldBeOk<RevisionView>();

        decided.State.ShouldBe(RevisionState.Approved);
        var history = JsonNode.Parse(await app.Client.GetStringAsync("/api/readings/history?indicator=FAI&org=330103&period=2026-06"))!.AsArray();
        history[0]!["value"]!.GetValue<decimal>().ShouldBe(510m);
        history[0]!["reason"]!.GetValue<string>().ShouldContain("漏报一个项目");
        history.Select(h => h!["state"]!.GetValue<string>()).ShouldBe(["approved", "approved", "submitted", "draft"]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task List_ShowsTheSubmittedReports_OfTheReadersUnitsOnly(Db db)
    {
        var app = await Seed(db);
        await app.Client.PostAsJsonAsync("/api/readings", new { indicator = "FAI", org = "330102", period = "2026-08", value = 100, comment = "c" });
        await (await app.Client.PostAsJsonAsync("/api/reports/330102/2026-08/submit", new { })).ShouldBeOk<ReportView>();
        var reviewer = await app.ClientFor("list-rev-330100", Role.Reviewer, "330100");
        var reporter = await app.ClientFor("list-rep-330100", Role.Reporter, "330100");
        var outsider = await app.ClientFor("list-rev-330200", Role.Reviewer, "330200");

        var mine = await (await reviewer.GetAsync("/api/reports?period=2026-08")).ShouldBeOk<List<ReportSummaryView>>();
        var readOnly = await (await reporter.GetAsync("/api/reports?period=2026-08&reviewable=true")).ShouldBeOk<List<ReportSummaryView>>();
        var theirs = await (await outsider.GetAsync("/api/reports?period=2026-08")).ShouldBeOk<List<ReportSummaryView>>();
        var all = await (await app.Client.GetAsync("/api/reports?state=all&under=330100")).ShouldBeOk<List<ReportSummaryView>>();

        var report = mine.Single(r => r.Org == "330102");
        report.State.ShouldBe(ReportState.Submitted);
        report.CanReview.ShouldBeTrue();
        report.LastActor.ShouldBe(TestApp.AdminName);
        readOnly.ShouldBeEmpty();
        theirs.ShouldBeEmpty();
        all.ShouldContain(r => r.Org == "330102" && r.Period == "2026-08");
        await (await app.Client.GetAsync("/api/reports?state=sent")).ShouldBeProblem(HttpStatusCode.BadRequest, "state");
        await (await app.Anonymous.GetAsync("/api/reports")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Submit_IsBlockedByARuleError_AndByAnUnexplainedWarning(Db db)
    {
        var app = await Seed(db);
        await app.Client.PostAsJsonAsync("/api/readings", new { indicator = "FAI", org = "330103", period = "2026-07", value = 100, comment = "c" });
        await app.Client.PostAsJsonAsync("/api/readings", new { indicator = "PRIVATE_INV", org = "330103", period = "2026-07", value = 150 });

        var blocked = await app.Client.PostAsJsonAsync("/api/reports/330103/2026-07/submit", new { });
        await (await app.Client.PostAsJsonAsync("/api/readings", new { indicator = "PRIVATE_INV", org = "330103", period = "2026-07", value = 90 })).ShouldBeOk<object>();
        await (await app.Client.PostAsJsonAsync("/api/readings", new { indicator = "UNEMP", org = "330103", period = "2026-06", value = 4.0 })).ShouldBeOk<object>();
        await (await app.Client.PostAsJsonAsync("/api/readings", new { indicator = "UNEMP", org = "330103", period = "2026-07", value = 6.0 })).ShouldBeOk<object>();
        var warned = await app.Client.PostAsJsonAsync("/api/reports/330103/2026-07/submit", new { });
        await (await app.Client.PostAsJsonAsync("/api/readings", new { indicator = "UNEMP", org = "330103", period = "2026-07", value = 6.0, comment = "季节性用工减少" })).ShouldBeOk<object>();
        var ok = await app.Client.PostAsJsonAsync("/api/reports/330103/2026-07/submit", new { });

        (await blocked.ShouldBeProblem(HttpStatusCode.BadRequest, "PRIVATE_INV"))["detail"]!.GetValue<string>().ShouldContain("PRIVATE_LE_FAI");
        await warned.ShouldBeProblem(HttpStatusCode.BadRequest, "UNEMP");
        (await ok.ShouldBeOk<ReportView>()).State.ShouldBe(ReportState.Submitted);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Timeliness_CountsLateAndOnTime_AndListsUnitsThatNeverReport(Db db)
    {
        var app = await Seed(db);
        await app.Client.PostAsJsonAsync("/api/readings", new { indicator = "FAI", org = "330103", period = "2020-01", value = 1, comment = "c" });
        await (await app.Client.PostAsJsonAsync("/api/reports/330103/2020-01/submit", new { })).ShouldBeOk<ReportView>();

        var view = await (await app.Client.GetAsync("/api/reporting/timeliness?from=2020-01&to=2020-03")).ShouldBeOk<TimelinessView>();

        var unit = view.Units.Single(u => u.Org == "330103");
        unit.Cells[0].Timeliness.ShouldBe(Timeliness.Late);
        unit.Missing.ShouldBe(2);
        view.NeverUpdated.ShouldContain("330102");
        view.NeverUpdated.ShouldNotContain("330103");
        await (await app.Client.GetAsync("/api/reporting/timeliness?from=2020-05&to=2020-01")).ShouldBeProblem(HttpStatusCode.BadRequest, "from");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Exports_EvaluationAndReadings_AsXlsxAndCsv(Db db)
    {
        var app = await Seed(db);

        var xlsx = await app.Client.GetAsync("/api/readings/export?format=xlsx&indicator=FAI");
        var csv = await app.Client.GetAsync("/api/evaluation/export?format=csv&period=2026-02&asOf=2026-03-25");

        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        Xlsx.Read(await xlsx.Content.ReadAsStreamAsync(), "数据 readings").Rows[0].Cells["A"].Text.ShouldBe("indicator");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await csv.Content.ReadAsStringAsync()).ShouldContain("indicator,indicatorName,org");
        await (await app.Client.GetAsync("/api/readings/export?format=pdf")).ShouldBeProblem(HttpStatusCode.BadRequest, "format");
    }

    private async Task<TestApp> Seed(Db db)
    {
        var app = await fixture.For(db);
        await Gate.WaitAsync();
        try
        {
            if (Seeded.Add(app))
            {
                foreach (var code in new[] { "FAI", "PRIVATE_INV", "UNEMP" })
                {
                    (await app.Client.PostAsJsonAsync("/api/reporting/assignments", new { indicator = code, org = "330103" })).EnsureSuccessStatusCode();
                    (await app.Client.PostAsJsonAsync("/api/reporting/assignments", new { indicator = code, org = "330102" })).EnsureSuccessStatusCode();
                }

                (await app.Client.PostAsJsonAsync("/api/reporting/rules", new { code = "PRIVATE_LE_FAI", kind = "compare", severity = "error", expression = "PRIVATE_INV <= FAI", message = "民间投资不能超过固定资产投资" })).EnsureSuccessStatusCode();
                (await app.Client.PostAsJsonAsync("/api/reporting/rules", new { code = "UNEMP_JUMP", kind = "change", severity = "warning", indicator = "UNEMP", maxChangePercent = 30, message = "失业率变动过大" })).EnsureSuccessStatusCode();
                await app.ImportCsvAsync(Application.Spreadsheets.ImportKind.Targets, "indicator,org,year,value,qualifier\nFAI,330103,2026,1200,atLeast\n");
                await app.ImportCsvAsync(Application.Spreadsheets.ImportKind.Readings, "indicator,org,period,value\nFAI,330103,2026-01,100\n");
            }
        }
        finally
        {
            Gate.Release();
        }

        return app;
    }

    private static byte[] Workbook((string Code, double? Value, string? Comment)[] rows) =>
        Xlsx.Write(ReportFiles.SheetName, [new("指标代码 indicator"), new("指标名称 name"), new("计量单位 unit"), new("上期值 previous"), new("年度目标 target"), new("本期值 value"), new("说明 comment")],
            rows.Select(r => (IReadOnlyList<object?>)[r.Code, null, null, null, null, r.Value, r.Comment]));

    private static byte[] WithFormula(byte[] workbook)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, true))
        {
            var sheet = doc.WorkbookPart!.WorksheetParts.First().Worksheet;
            var cell = sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().First(c => c.CellReference!.Value == "F2");
            cell.CellFormula = new DocumentFormat.OpenXml.Spreadsheet.CellFormula("1+1");
            sheet.Save();
        }

        return stream.ToArray();
    }

    private static byte[] Random(int n)
    {
        var bytes = new byte[n];
        new Random(n).NextBytes(bytes);
        return bytes;
    }

    private static Task<HttpResponseMessage> Upload(HttpClient client, string org, string period, byte[] file, string name)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", name);
        return client.PostAsync($"/api/reporting/upload?org={org}&period={period}", form);
    }
}
