using Luoshi.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Luoshi.Browser.Tests.Plans;

[Collection(BrowserCollection.Name)]
public sealed class PlanTreeTests(DemoSite site)
{
    [Fact]
    public async Task PlanTree_ExpandingAProgramme_ShowsItsTasksOwnersAndMilestones()
    {
        await using var s = await site.OpenAsync();
        await s.GoAsync("/plans");
        var task = s.Page.Locator("[data-code='T0101']");
        await Expect(task).ToBeHiddenAsync();

        await s.Page.Locator("summary:has([data-code='P01'])").ClickAsync();
        await Expect(task).ToBeVisibleAsync();
        await Expect(task).ToContainTextAsync("牵头:省发展改革委");
        await Expect(task).ToContainTextAsync("配合:省财政厅、省自然资源厅");

        await s.Page.Locator("summary:has([data-code='T0101'])").ClickAsync();
        var milestone = s.Page.Locator("[data-code='M010101']");
        await Expect(milestone).ToBeVisibleAsync();
        await Expect(milestone).ToContainTextAsync("截止 2026-03-31");
        await Expect(milestone.Locator(".badge.done")).ToHaveTextAsync("已完成 2026-03-31");
        await Expect(milestone.Locator(".badge.overdue")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task PlanTree_RollsUpStatusLightsWithCounts_AndOverdueMilestonesAreRed()
    {
        await using var s = await site.OpenAsync();
        await s.GoAsync("/plans?expand=all");

        var nodes = s.Page.Locator("#plan-tree .node");
        await Expect(s.Page.Locator("#plan-tree .node > .light")).ToHaveCountAsync(await nodes.CountAsync());
        await Expect(s.Page.Locator("ul.legend li")).ToHaveCountAsync(5);

        // A milestone past its due date and not reported done is overdue and red, and so is everything above it.
        var overdue = s.Page.Locator("[data-code='M030102']");
        await Expect(overdue).ToHaveAttributeAsync("data-status", "red");
        await Expect(overdue.Locator(".badge.overdue")).ToHaveTextAsync("逾期");
        await Expect(s.Page.Locator("[data-code='T0301']")).ToHaveAttributeAsync("data-status", "red");
        await Expect(s.Page.Locator("[data-code='S88']")).ToHaveAttributeAsync("data-status", "red");
        await Expect(s.Page.Locator("[data-code='S88'] .counts .count.status-red")).ToBeVisibleAsync();
        (await s.Page.Locator("[data-code='S88'] > .light").GetAttributeAsync("title") ?? "").ShouldContain("红");

        // Done milestones are green; the red filter keeps what is red on its own account and the way to it.
        await Expect(s.Page.Locator("[data-code='M010101']")).ToHaveAttributeAsync("data-status", "green");
        await s.Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^只看红灯事项") }).ClickAsync();
        await Expect(s.Page.Locator("[data-code='M030102']")).ToBeVisibleAsync();
        await Expect(s.Page.Locator("[data-code='M010101']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task PlanTree_ExpandAll_OpensEveryBranch()
    {
        await using var s = await site.OpenAsync();
        await s.GoAsync("/plans");

        await s.Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "全部展开" }).ClickAsync();

        await Expect(s.Page.Locator("#plan-tree details:not([open])")).ToHaveCountAsync(0);
        await Expect(s.Page.Locator("[data-code='M100302']")).ToBeVisibleAsync();
        s.Page.Url.ShouldEndWith("/plans", Case.Insensitive);
    }

    [Fact]
    public async Task PlanTree_WithoutJavaScript_StillExpandsAndFilters()
    {
        await using var s = await site.OpenAsync(new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 1024, Height = 768 } });
        await s.GoAsync("/plans");
        await s.Page.Locator("summary:has([data-code='P01'])").ClickAsync();
        await Expect(s.Page.Locator("[data-code='T0101']")).ToBeVisibleAsync();

        await s.Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^只看逾期事项") }).ClickAsync();
        await Expect(s.Page.Locator("[data-code='M030102'] .badge.overdue")).ToBeVisibleAsync();
        await Expect(s.Page.Locator("[data-code='M100301'] .badge.overdue")).ToBeVisibleAsync();
        await Expect(s.Page.Locator("[data-code='M010101']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TaskPage_ListsItsIndicatorsAndMilestones()
    {
        await using var s = await site.OpenAsync();
        await s.GoAsync("/plans");
        await s.Page.Locator("summary:has([data-code='P01'])").ClickAsync();
        await s.Page.Locator("[data-code='T0101'] a.title").ClickAsync();

        await Expect(s.Page.Locator("h1")).ToContainTextAsync("省重大项目年度投资计划编制与滚动实施");
        await Expect(s.Page.Locator(".breadcrumb")).ToContainTextAsync("扩大有效投资“千项万亿”工程");
        var indicators = s.Page.Locator("#measures + .table-scroll tbody tr");
        await Expect(indicators).ToHaveCountAsync(2);
        await Expect(indicators.First).ToContainTextAsync("亿元");
        await Expect(s.Page.Locator("#children + .tree li")).ToHaveCountAsync(3);
    }
}
