using System.Text.Json.Nodes;
using Luoshi.Application.Projects;
using Luoshi.Application.Spreadsheets;
using Luoshi.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Luoshi.Browser.Tests.Projects;

[Collection(BrowserCollection.Name)]
public sealed class ProjectFilesPageTests(DemoSite site)
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task PlansTemplate_Downloaded_Filled_AndUploaded_ChangesThePlan_AndABadWorkbookIsNamedCellByCell()
    {
        await using var s = await site.OpenAsync(user: "planner");
        await s.GoAsync("/projects");
        await s.Page.Locator("#files-link").ClickAsync();
        await s.Page.Locator("#kind-tabs a[data-kind='project-plans']").ClickAsync();
        await Expect(s.Page.Locator("#kind-tabs a[aria-current='true']")).ToHaveTextAsync("年度投资计划");
        await s.Page.Locator("#org").SelectOptionAsync("330100");

        var download = await s.Page.RunAndWaitForDownloadAsync(() => s.Page.Locator("#download-template").ClickAsync());
        download.SuggestedFilename.ShouldStartWith("luoshi-project-plans-330100-");
        var original = await File.ReadAllBytesAsync((await download.PathAsync())!);
        var sheet = Xlsx.Read(new MemoryStream(original), "年度计划");
        var planned = sheet.Rows.Skip(1).First(r => r.Cells.ContainsKey("G"));
        var (code, year, before) = (planned.Cells["A"].Text, planned.Cells["F"].Text, decimal.Parse(planned.Cells["G"].Text, System.Globalization.CultureInfo.InvariantCulture));
        (sheet.Rows.Count - 1).ShouldBeGreaterThan(3);

        // The planner raises one project's plan by 1.25 (亿元) and uploads the workbook.
        var columns = ProjectFiles.Sheets[ProjectImportKind.ProjectPlans].Columns;
        var filled = Xlsx.Write("年度计划", [.. columns.Select(c => new Xlsx.Column(c.Header))], sheet.Rows.Skip(1).Select(r =>
            (IReadOnlyList<object?>)[.. columns.Select((c, i) => r.Cells.TryGetValue(Xlsx.ColumnName(i), out var cell)
                ? r == planned && c.Name == "plannedInvestment" ? before + 1.25m : cell.Number is { } n && !cell.IsText ? (object?)(decimal)n : cell.Text
                : null)]));
        await s.Page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "plans.xlsx", MimeType = XlsxType, Buffer = filled });
        await s.Page.Locator("#upload").ClickAsync();
        await Expect(s.Page.Locator("#upload-done")).ToContainTextAsync("更新1条");
        (await PlanOf(s, code, year)).ShouldBe(before + 1.25m);
        await s.Page.Locator("#template-columns summary").ClickAsync();
        await s.ShotAsync("written");

        // The projects tab: a workbook with a stage nobody knows is refused cell by cell, and nothing is written.
        await s.Page.Locator("#kind-tabs a[data-kind='projects']").ClickAsync();
        await Expect(s.Page.Locator("#upload-title")).ToHaveTextAsync("上传项目清单");
        var projects = await s.Page.RunAndWaitForDownloadAsync(() => s.Page.Locator("#download-template").ClickAsync());
        var projectSheet = Xlsx.Read(new MemoryStream(await File.ReadAllBytesAsync((await projects.PathAsync())!)), "重大项目");
        var projectColumns = ProjectFiles.Sheets[ProjectImportKind.Projects].Columns;
        var bad = Xlsx.Write("重大项目", [.. projectColumns.Select(c => new Xlsx.Column(c.Header))], projectSheet.Rows.Skip(1).Take(3).Select((r, line) =>
            (IReadOnlyList<object?>)[.. projectColumns.Select((c, i) => line == 1 && c.Name == "stage" ? "开挖" : line == 2 && c.Name == "totalInvestment" ? "很多" : r.Cells.TryGetValue(Xlsx.ColumnName(i), out var cell) ? cell.Text : (object?)null)]));
        await s.Page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "projects.xlsx", MimeType = XlsxType, Buffer = bad });
        await s.Page.Locator("#upload").ClickAsync();
        var problems = s.Page.Locator("#file-problems li");
        await Expect(problems).ToHaveCountAsync(2);
        await Expect(problems.First).ToContainTextAsync("工作表“重大项目”第3行I列(stage):阶段“开挖”无效");
        await Expect(problems.Last).ToContainTextAsync("工作表“重大项目”第4行F列");
        await Expect(s.Page.Locator("#upload-refused")).ToContainTextAsync("未导入任何数据");
        await s.ShotAsync("refused");

        await s.Page.Locator(".lang button").Last.ClickAsync();
        await Expect(s.Page.Locator("#upload-title")).ToHaveTextAsync("Upload projects");
        await s.ShotAsync("en");

        // The workbook as first downloaded puts the plan back: the template is the export.
        await s.GoAsync("/projects/progress?kind=project-plans");
        await s.Page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "plans.xlsx", MimeType = XlsxType, Buffer = original });
        await s.Page.Locator("#upload").ClickAsync();
        await Expect(s.Page.Locator("#upload-done")).ToContainTextAsync("1 updated");
        (await PlanOf(s, code, year)).ShouldBe(before);
    }

    private async Task<decimal> PlanOf(Session s, string code, string year)
    {
        var response = await s.Page.APIRequest.GetAsync($"{site.BaseUrl}/api/projects/{code}");
        var project = JsonNode.Parse(await response.TextAsync())!;
        return project["plans"]!.AsArray().Single(p => p!["year"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture) == year)!["plannedInvestment"]!.GetValue<decimal>();
    }
}
