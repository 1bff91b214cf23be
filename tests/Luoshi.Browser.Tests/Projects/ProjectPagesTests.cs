using System.Text.RegularExpressions;
using Luoshi.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Luoshi.Browser.Tests.Projects;

[Collection(BrowserCollection.Name)]
public sealed class ProjectPagesTests(DemoSite site)
{
    [Fact]
    public async Task List_FiltersByRegionAndStartStatus_SortsAndPages()
    {
        await using var s = await site.OpenAsync();
        await s.GoAsync("/projects");
        await Expect(s.Page.Locator(".mainnav a[aria-current='page']")).ToHaveTextAsync("项目");
        await Expect(s.Page.Locator("#projects tbody tr")).ToHaveCountAsync(25);
        await Expect(s.Page.Locator("#next-page")).ToBeVisibleAsync();
        await s.ShotAsync("all");

        // 钱塘市 with its counties, the projects overdue to start: every row is one of them, and says why.
        await s.Page.Locator("#org").SelectOptionAsync("330100");
        await Expect(s.Page).ToHaveURLAsync(new Regex("org=330100"));
        await s.Page.Locator("#started").SelectOptionAsync("overdue");
        await Expect(s.Page).ToHaveURLAsync(new Regex("started=overdue"));
        var rows = s.Page.Locator("#projects tbody tr");
        (await rows.CountAsync()).ShouldBeGreaterThan(0);
        foreach (var start in await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.start)"))
        {
            start.ShouldBe("overdue");
        }

        await Expect(rows.First.Locator("td.start-overdue")).ToHaveAttributeAsync("title", new Regex("尚未开工,已逾期\\d+天"));

        // Sorting by total investment, largest first.
        await s.GoAsync("/projects?sort=total&desc=true");
        var totals = await s.Page.Locator("#projects tbody tr td:nth-child(6)").AllInnerTextsAsync();
        var numbers = totals.Select(t => decimal.Parse(t.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        numbers.ShouldBe(numbers.OrderDescending().ToList());
        await s.Page.Locator("#next-page").ClickAsync();
        await Expect(s.Page.Locator(".pager")).ToContainTextAsync("第2页");

        // Text search narrows the table in place.
        await s.GoAsync("/projects");
        await s.Page.Locator("#q").FillAsync("XM0001");
        await Expect(s.Page.Locator("#projects tbody tr")).ToHaveCountAsync(1);
        await s.ShotAsync("search");
    }

    [Fact]
    public async Task ProjectPage_ShowsTheCurveAgainstThePlan_TheMonthsAndTheStart()
    {
        await using var s = await site.OpenAsync();
        await s.GoAsync("/projects/XM0001");
        await Expect(s.Page.Locator("#curve-chart.chart-ready")).ToBeVisibleAsync();
        await Expect(s.Page.Locator("#curve-basis")).ToContainTextAsync("S曲线");
        await Expect(s.Page.Locator("#start-status")).ToContainTextAsync("开工");
        await Expect(s.Page.Locator("#project-facts")).ToContainTextAsync("民间投资占比");
        (await s.Page.Locator("#progress-table tbody tr").CountAsync()).ShouldBeGreaterThan(3);
        await s.ShotAsync("zh");

        await s.Page.Locator(".lang button").Last.ClickAsync();
        await Expect(s.Page.Locator("#curve-basis")).ToContainTextAsync("S-curve");
        await Expect(s.Page.Locator("#curve-chart.chart-ready")).ToBeVisibleAsync();
        await s.ShotAsync("en");
    }

    [Fact]
    public async Task Regions_ShowEachRateWithItsInputsAndMeaning()
    {
        await using var s = await site.OpenAsync(user: "leader");
        await s.GoAsync("/projects/regions");
        await Expect(s.Page.Locator("#regions-chart.chart-ready")).ToBeVisibleAsync();
        var province = s.Page.Locator("#region-table tbody tr").First;
        await Expect(province).ToHaveAttributeAsync("data-unit", "330000");
        await Expect(province).ToHaveAttributeAsync("title", new Regex("计划开工\\d+个,已开工\\d+个"));
        await Expect(province.Locator("td").Nth(2)).ToHaveTextAsync(new Regex("^\\d+ / \\d+$"));
        await Expect(s.Page.Locator("#region-table tbody tr")).ToHaveCountAsync(12);
        (await s.Page.Locator("#category-table tbody tr").CountAsync()).ShouldBeGreaterThan(3);
        await Expect(s.Page.Locator("#explanations")).ToContainTextAsync("往年已开工的续建项目不计入");
        await s.ShotAsync("province");
    }

    [Fact]
    public async Task ProgressUpload_IsRefusedNamingRowsAndColumns_ThenWritten()
    {
        await using var s = await site.OpenAsync();
        await s.GoAsync("/projects/progress");
        await Expect(s.Page.Locator("#download-template")).ToBeVisibleAsync();
        var bad = "project,month,completedInvestment,actualStart\nXM0002,2026-10,很多,\nNO_SUCH,2026-10,1,\n"u8.ToArray();
        await s.Page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "progress.csv", MimeType = "text/csv", Buffer = bad });
        await s.Page.Locator("#upload").ClickAsync();
        var problems = s.Page.Locator("#file-problems li");
        await Expect(problems).ToHaveCountAsync(2);
        await Expect(problems.First).ToContainTextAsync("第2行");
        await Expect(problems.Last).ToContainTextAsync("NO_SUCH");
        await Expect(s.Page.Locator("#upload-refused")).ToContainTextAsync("未导入任何数据");
        await s.ShotAsync("refused");

        // A workbook's problem names its sheet, row and column.
        Luoshi.Application.Spreadsheets.Xlsx.Column[] columns =
            [.. new[] { "项目代码 project", "项目名称 name", "所属地区 org", "月份 month", "本月完成投资(亿元) completedInvestment", "实际开工日期 actualStart", "进展情况 narrative" }.Select(h => new Luoshi.Application.Spreadsheets.Xlsx.Column(h))];
        var workbook = Luoshi.Application.Spreadsheets.Xlsx.Write("项目进度", columns, [["XM0002", "", "", "2026-10", 1m, null, null], ["XM0003", "", "", "2026-10", "两亿", null, null]]);
        await s.Page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "progress.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = workbook });
        await s.Page.Locator("#upload").ClickAsync();
        await Expect(problems).ToHaveCountAsync(1);
        await Expect(problems.First).ToContainTextAsync("工作表“项目进度”第3行E列");
        await s.ShotAsync("refused-xlsx");

        var good = "project,month,completedInvestment,actualStart\nXM0002,2026-10,3.5,\n"u8.ToArray();
        await s.Page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "progress.csv", MimeType = "text/csv", Buffer = good });
        await s.Page.Locator("#upload").ClickAsync();
        await Expect(s.Page.Locator("#upload-done")).ToContainTextAsync("已导入");
        await s.ShotAsync("written");
    }
}
