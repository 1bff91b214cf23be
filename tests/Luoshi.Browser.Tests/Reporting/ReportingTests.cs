using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Luoshi.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Luoshi.Browser.Tests.Reporting;

[Collection(BrowserCollection.Name)]
public sealed class ReportingTests(DemoSite site)
{
    [Fact]
    public async Task EntryGrid_ValueWithAComment_ShowsTheProblems_ThenSubmits()
    {
        // 衢江市's November report: the month is not over, nothing is entered yet, and no other test reads it.
        await using var s = await site.OpenAsync();
        await s.GoAsync("/reporting");
        await Expect(s.Page.Locator(".mainnav a[aria-current='page']")).ToHaveTextAsync("填报");
        await s.Page.Locator("#org").SelectOptionAsync("330800");
        await s.Page.Locator("#open-period").SelectOptionAsync("2026-11");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "打开" }).ClickAsync();
        await Expect(s.Page).ToHaveURLAsync(new Regex("/reporting/330800/2026-11$"));
        await Expect(s.Page.Locator("#report-state")).ToHaveTextAsync("填报中");

        // Private investment above all investment breaks a rule; a small investment figure is red and unexplained.
        await Cell(s, "FAI").FillAsync("100");
        await Cell(s, "PRIVATE_INV").FillAsync("250");
        await Comment(s, "PRIVATE_INV").FillAsync("含两个省重大项目");
        await s.Page.Locator("#save").ClickAsync();

        await Expect(s.Page.Locator(".notice")).ToContainTextAsync("已保存 2 个数据");
        var problems = s.Page.Locator("#problem-list");
        await Expect(problems.Locator("li.error[data-indicator='PRIVATE_INV']")).ToContainTextAsync("PRIVATE_LE_FAI");
        await Expect(problems.Locator("li.warning[data-indicator='FAI']")).ToContainTextAsync("须说明原因");
        await Expect(s.Page.Locator("#problems-FAI")).ToBeVisibleAsync();
        await s.ShotAsync("problems");

        await s.Page.Locator("#submit").ClickAsync();
        await Expect(s.Page.Locator("#page-errors")).ToContainTextAsync("不能报送");
        await Expect(s.Page.Locator("#report-state")).ToHaveTextAsync("填报中");

        // Corrected and explained, it goes up.
        await Cell(s, "PRIVATE_INV").FillAsync("60");
        await Comment(s, "FAI").FillAsync("受台风影响,多个项目延期开工");
        await s.Page.Locator("#save").ClickAsync();
        await Expect(s.Page.Locator("#problem-list li.error")).ToHaveCountAsync(0);
        await Expect(s.Page.Locator("#problem-list li.warning")).ToHaveCountAsync(0);
        await s.Page.Locator("#submit").ClickAsync();

        await Expect(s.Page.Locator(".notice")).ToContainTextAsync("已报送");
        await Expect(s.Page.Locator("#report-state")).ToHaveTextAsync("已报送");
        await Expect(s.Page.Locator("#entry-grid input")).ToHaveCountAsync(0);
        await Expect(s.Page.Locator("#line-FAI .value-text")).ToHaveTextAsync("100.00");
        await Expect(s.Page.Locator("#line-FAI .comment-text")).ToHaveTextAsync("受台风影响,多个项目延期开工");
        await Expect(s.Page.Locator("#report-history tbody tr").First).ToContainTextAsync("已报送");
    }

    [Fact]
    public async Task EntryGrid_TextInAValueCell_IsRefusedBesideIt()
    {
        await using var s = await site.OpenAsync();
        await s.GoAsync("/reporting/330900/2026-11");

        await Cell(s, "FAI").FillAsync("一百");
        await s.Page.Locator("#save").ClickAsync();

        var row = s.Page.Locator("#line-FAI");
        await Expect(row.Locator("td:has(input.value-input) .field-error")).ToContainTextAsync("数字");
        await Expect(Cell(s, "FAI")).ToHaveValueAsync("一百");
        await Expect(s.Page.Locator("#page-errors")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task EntryGrid_OneBadCell_SavesNothing_AndTheGoodCellsKeepWhatWasTyped()
    {
        // 婺城市's November report: no other test reads or writes it, and this one writes nothing.
        await using var s = await site.OpenAsync();
        await s.GoAsync("/reporting/330700/2026-11");

        await Cell(s, "FAI").FillAsync("一百");
        await Cell(s, "PRIVATE_INV").FillAsync("60");
        await s.Page.Locator("#save").ClickAsync();

        await Expect(s.Page.Locator("#line-FAI td:has(input.value-input) .field-error")).ToContainTextAsync("数字");
        await Expect(s.Page.Locator("#page-errors")).ToContainTextAsync("未保存任何数据");
        await Expect(Cell(s, "PRIVATE_INV")).ToHaveValueAsync("60");

        // A cell the use case refuses (a comment past its length, sent around the field's own limit) holds back the rest too.
        await Cell(s, "FAI").FillAsync("100");
        await Comment(s, "PRIVATE_INV").EvaluateAsync("(e) => { e.removeAttribute('maxlength'); e.value = '长'.repeat(2001); }");
        await s.Page.Locator("#save").ClickAsync();

        await Expect(s.Page.Locator("#line-PRIVATE_INV td:has(input.comment-input) .field-error")).ToContainTextAsync("PRIVATE_INV/330700/2026-11");
        await Expect(s.Page.Locator("#page-errors")).ToContainTextAsync("未保存任何数据");
        await Expect(Cell(s, "FAI")).ToHaveValueAsync("100");
        await s.ShotAsync("batch-refused");

        await s.GoAsync("/reporting/330700/2026-11");
        await Expect(Cell(s, "FAI")).ToHaveValueAsync(string.Empty);
        await Expect(Cell(s, "PRIVATE_INV")).ToHaveValueAsync(string.Empty);
    }

    [Fact]
    public async Task EntryGrid_UploadedFile_IsRefusedWithItsRowsAndColumns_ThenWritten()
    {
        await using var s = await site.OpenAsync();
        await s.GoAsync("/reporting/331100/2026-11");
        var bad = "indicator,org,period,value\nFAI,331100,2026-11,一百\nNO_SUCH,331100,2026-11,1\n"u8.ToArray();

        await s.Page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "readings.csv", MimeType = "text/csv", Buffer = bad });
        await s.Page.Locator("#upload").ClickAsync();

        var problems = s.Page.Locator("#file-problems li");
        await Expect(problems).ToHaveCountAsync(2);
        await Expect(problems.First).ToContainTextAsync("第2行");
        await Expect(Cell(s, "FAI")).ToHaveValueAsync(string.Empty);
        await s.ShotAsync("refused");

        var good = "indicator,org,period,value\nFAI,331100,2026-11,800\n"u8.ToArray();
        await s.Page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "readings.csv", MimeType = "text/csv", Buffer = good });
        await s.Page.Locator("#upload").ClickAsync();
        await Expect(s.Page.Locator(".notice")).ToContainTextAsync("写入 1 个");
        await Expect(Cell(s, "FAI")).ToHaveValueAsync("800");
    }

    [Fact]
    public async Task ReviewQueue_TheReviewerReturnsWithoutAReasonIsToldSo_ThenApproves()
    {
        // The demo reviewer answers for 钱塘市 and its counties only.
        await using var s = await site.OpenAsync(user: "reviewer");
        await s.GoAsync("/reporting/review");
        var rows = s.Page.Locator("#review-queue tbody tr");
        (await rows.CountAsync()).ShouldBeGreaterThan(0);
        foreach (var unit in await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.unit)"))
        {
            unit.ShouldStartWith("3301");
        }

        var first = rows.First;
        var unitCode = await first.GetAttributeAsync("data-unit");
        var period = await first.GetAttributeAsync("data-period");
        await first.GetByRole(AriaRole.Button, new() { Name = "退回" }).ClickAsync();
        var again = s.Page.Locator($"#review-queue tr[data-unit='{unitCode}'][data-period='{period}']");
        await Expect(again.Locator(".field-error")).ToContainTextAsync("退回须说明理由");

        await again.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^通过") }).ClickAsync();
        await Expect(s.Page.Locator(".notice")).ToContainTextAsync("已通过");
        await Expect(s.Page.Locator($"#review-queue tr[data-unit='{unitCode}'][data-period='{period}']")).ToHaveCountAsync(0);
        await s.ShotAsync("approved");

        await s.GoAsync($"/reporting/{unitCode}/{period}");
        await Expect(s.Page.Locator("#report-state")).ToHaveTextAsync("已审核");
        await Expect(s.Page.Locator("#report-history tbody tr").First).ToContainTextAsync("reviewer");

        // The province's dashboard is beyond a reviewer of one city: it says so and points to their own pages.
        await s.GoAsync("/");
        await Expect(s.Page.Locator("#dashboard .empty")).ToContainTextAsync("全省范围");
        await s.GoAsync("/checks");
        await Expect(s.Page.Locator("h1")).ToHaveTextAsync("无权查看");
    }

    [Fact]
    public async Task Revisions_TheReviewerApprovesARequestToCorrectALockedValue()
    {
        var request = await site.Http.PostAsJsonAsync("/api/reporting/revisions", new
        {
            indicator = "RETAIL_SALES",
            org = "330100",
            period = "2026-02",
            value = 1234.5m,
            reason = "补录两家限上企业",
        });
        request.EnsureSuccessStatusCode();

        await using var s = await site.OpenAsync(user: "reviewer");
        await s.GoAsync("/reporting/revisions");
        var row = s.Page.Locator("#revisions tbody tr", new() { HasText = "补录两家限上企业" });
        await Expect(row).ToContainTextAsync("1,234.50");
        await s.ShotAsync("pending");
        await row.GetByRole(AriaRole.Button, new() { Name = "批准" }).ClickAsync();

        await Expect(s.Page.Locator(".notice")).ToContainTextAsync("已批准更正申请");
        await s.GoAsync("/reporting/revisions?state=approved");
        await Expect(s.Page.Locator("#revisions tbody tr", new() { HasText = "补录两家限上企业" })).ToContainTextAsync("reviewer");
    }

    [Fact]
    public async Task Timeliness_ShowsOnTimeLateAndMissingByUnitAndMonth()
    {
        await using var s = await site.OpenAsync();
        await s.GoAsync("/reporting/timeliness");

        await Expect(s.Page.Locator("#timeliness-grid tbody tr[data-unit='330100']")).ToHaveCountAsync(1);
        (await s.Page.Locator("#timeliness-grid td[data-state='late']").CountAsync()).ShouldBeGreaterThan(0);
        (await s.Page.Locator("#timeliness-grid td[data-state='missing']").CountAsync()).ShouldBeGreaterThan(0);
        (await s.Page.Locator("#timeliness-grid td[data-state='ontime']").CountAsync()).ShouldBeGreaterThan(0);
        await Expect(s.Page.Locator("#timeliness-totals .t-missing strong")).Not.ToHaveTextAsync("0");
        var missing = s.Page.Locator("#timeliness-grid td[data-state='missing']").First;
        (await missing.GetAttributeAsync("title") ?? "").ShouldContain("未报送");

        // Narrowed to one city, the grid keeps that city and its counties.
        await s.Page.Locator("#under").SelectOptionAsync("330300");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "显示" }).ClickAsync();
        var units = await s.Page.Locator("#timeliness-grid tbody tr").EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.unit)");
        units.ShouldAllBe(u => u.StartsWith("3303", StringComparison.Ordinal));
    }

    private static ILocator Cell(Session s, string indicator) => s.Page.Locator($"#line-{indicator} input.value-input");

    private static ILocator Comment(Session s, string indicator) => s.Page.Locator($"#line-{indicator} input.comment-input");
}
