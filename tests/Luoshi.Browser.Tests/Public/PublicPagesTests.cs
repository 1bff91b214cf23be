using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Luoshi.Browser.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Luoshi.Browser.Tests.Public;

/// <summary>
/// The public portal as an anonymous visitor sees it: what is published appears (a light always with its words), what is
/// not does not; every page passes axe-core without a serious or critical violation; its filters and navigation are
/// reached with the Tab key. Screenshots of the main pages go to /tmp/public-shots as well as the artifacts.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicPagesTests(DemoSite site)
{
    public const string ShotDir = "/tmp/public-shots";

    // Switched public by the demo (SeedDemo.PublicIndicators), and one that is not.
    private const string PublicIndicator = "GDP";
    private const string PrivateIndicator = "GDP_GROWTH";
    private static readonly Regex LightWords = new("(绿灯|黄灯|红灯|灰灯) · ");

    [Fact]
    public async Task Home_ShowsThePublicHeadlinesWithTheirLightsInWords_AndNothingElse()
    {
        await using var s = await site.OpenAsync(signedIn: false);
        var response = await s.GoAsync("/public");
        response!.Status.ShouldBe(200);
        s.Page.Url.ShouldEndWith("/public");
        var card = s.Page.Locator($"#headlines li[data-indicator='{PublicIndicator}']");
        await Expect(card).ToBeVisibleAsync();
        await Expect(card.Locator(".status-word")).ToHaveTextAsync(LightWords);
        await Expect(s.Page.Locator($"#headlines li[data-indicator='{PrivateIndicator}']")).ToHaveCountAsync(0);
        await Expect(s.Page.Locator(".mainnav a[aria-current='page']")).ToHaveTextAsync("首页");
        await Expect(s.Page.Locator("#data-as-of")).ToContainTextAsync("数据截至");
        await Expect(s.Page.Locator("footer a[href='/public/feed.atom']")).ToHaveCountAsync(1);
        await Expect(s.Page.Locator("footer a[href='/public/catalog.jsonld']")).ToHaveCountAsync(1);
        await AssertAccessibleAsync(s.Page);
        var stops = await TabStopsAsync(s.Page);
        stops.ShouldContain("a[/public/indicators]");
        stops.ShouldContain("a[/public/regions]");
        stops.ShouldContain("select#org");
        await Shot(s.Page, "home");

        // A city chosen: the cards are the city's, and the choice is in the URL.
        await s.Page.Locator("#org").SelectOptionAsync("330100");
        await s.Page.Locator("form.public-filter button[type=submit]").ClickAsync();
        await Expect(s.Page).ToHaveURLAsync(new Regex("/public\\?org=330100$"));
        await Expect(s.Page.Locator("h1 .subtitle")).ToHaveTextAsync("钱塘市");

        // A signed-in reader sees the same page.
        var anonymous = await HeadlinesAsync(s.Page, "/public");
        await using var signedIn = await site.OpenAsync(user: "planner");
        (await HeadlinesAsync(signedIn.Page, "/public")).ShouldBe(anonymous);
        await Expect(signedIn.Page.Locator(".account")).ToHaveCountAsync(0);

        async Task<string> HeadlinesAsync(IPage page, string path)
        {
            await page.GotoAsync(site.BaseUrl + path);
            return await page.Locator("#headlines").InnerTextAsync();
        }
    }

    [Fact]
    public async Task Home_OnAPhone_StaysReadable()
    {
        await using var s = await site.OpenAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true }, signedIn: false);
        await s.GoAsync("/public");
        await Expect(s.Page.Locator($"#headlines li[data-indicator='{PublicIndicator}']")).ToBeVisibleAsync();
        var width = await s.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        width.ShouldBeLessThanOrEqualTo(390);
        await Shot(s.Page, "home-390");
    }

    [Fact]
    public async Task IndicatorList_HasThePublicIndicatorsOnly()
    {
        await using var s = await site.OpenAsync(signedIn: false);
        await s.GoAsync("/public/indicators");
        await Expect(s.Page.Locator($"#indicator-list tr[data-indicator='{PublicIndicator}']")).ToHaveCountAsync(1);
        await Expect(s.Page.Locator($"#indicator-list tr[data-indicator='{PublicIndicator}'] .status-cell")).ToHaveTextAsync(LightWords);
        await Expect(s.Page.Locator($"#indicator-list tr[data-indicator='{PrivateIndicator}']")).ToHaveCountAsync(0);
        (await s.Page.Locator("#indicator-list tbody tr").CountAsync()).ShouldBe(8);
        await AssertAccessibleAsync(s.Page);
    }

    [Fact]
    public async Task IndicatorPage_ShowsTrendTableSummaryAndUnits_WithEveryFilterInTheUrl()
    {
        await using var s = await site.OpenAsync(signedIn: false);
        (await s.GoAsync($"/public/indicators/{PublicIndicator}"))!.Status.ShouldBe(200);
        await Expect(s.Page.Locator("#trend-chart.chart-ready")).ToBeVisibleAsync();
        (await s.Page.Locator("#trend-table tbody tr").CountAsync()).ShouldBeGreaterThan(2);
        await Expect(s.Page.Locator("#summary")).ToContainTextAsync("地区生产总值");
        await Expect(s.Page.Locator("#compared-table tbody tr")).ToHaveCountAsync(11);
        await Expect(s.Page.Locator("#compared-table tbody tr").First.Locator(".status-cell")).ToHaveTextAsync(LightWords);
        await AssertAccessibleAsync(s.Page);
        var stops = await TabStopsAsync(s.Page);
        stops.ShouldContain("select#org");
        stops.ShouldContain("input#from");
        stops.ShouldContain("input#to");
        stops.ShouldContain("a[/public/assessment]");
        await Shot(s.Page, "indicator");

        await s.Page.Locator("#org").SelectOptionAsync("330100");
        await s.Page.Locator("#from").FillAsync("2026Q1");
        await s.Page.Locator("#to").FillAsync("2026Q3");
        await s.Page.Locator("form.public-filter button[type=submit]").ClickAsync();
        await Expect(s.Page).ToHaveURLAsync(new Regex("org=330100&from=2026Q1&to=2026Q3$"));
        await Expect(s.Page.Locator("#trend-table tbody tr")).ToHaveCountAsync(3);
        await Expect(s.Page.Locator("#download-csv")).ToHaveAttributeAsync("href", "/public/data/indicators.csv?indicator=GDP&org=330100&from=2026Q1&to=2026Q3");
        await Expect(s.Page.Locator("#download-json")).ToHaveAttributeAsync("href", "/public/data/indicators.json?indicator=GDP&org=330100&from=2026Q1&to=2026Q3");
        await Expect(s.Page.Locator("#embed-code")).ToHaveValueAsync(new Regex("<iframe src=\"http://127\\.0\\.0\\.1:\\d+/public/embed/indicator/GDP\\?org=330100&from=2026Q1&to=2026Q3\" title=\"地区生产总值\""));
    }

    [Theory]
    [InlineData("from=2026Q3&to=2026Q1", "from")]
    [InlineData("from=2026-05", "from")]
    [InlineData("to=2026-13", "to")]
    [InlineData("org=999999", "org")]
    public async Task IndicatorPage_ABadFilter_Is400NamingTheField(string query, string field)
    {
        await using var s = await site.OpenAsync(signedIn: false);
        (await s.GoAsync($"/public/indicators/{PublicIndicator}?{query}"))!.Status.ShouldBe(400);
        await Expect(s.Page.Locator("#refused")).ToHaveAttributeAsync("data-field", field);
        await Expect(s.Page.Locator("#refused code")).ToHaveTextAsync(field);
        await Expect(s.Page.Locator("form.public-filter #org option")).Not.ToHaveCountAsync(0);
    }

    [Fact]
    public async Task IndicatorPage_OfAnIndicatorNotPublic_IsNotFound()
    {
        await using var s = await site.OpenAsync(signedIn: false);
        (await s.GoAsync($"/public/indicators/{PrivateIndicator}"))!.Status.ShouldBe(404);
        (await s.GoAsync($"/public/embed/indicator/{PrivateIndicator}"))!.Status.ShouldBe(404);
        (await s.GoAsync("/public/indicators/NO_SUCH_CODE"))!.Status.ShouldBe(404);
        (await s.Page.ContentAsync()).ShouldNotContain("地区生产总值增速");
    }

    [Fact]
    public async Task Embed_HasTheChartAndItsTable_WithoutTheFrame_FiltersKept()
    {
        await using var s = await site.OpenAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 800, Height = 900 } }, signedIn: false);
        (await s.GoAsync($"/public/embed/indicator/{PublicIndicator}?org=330100&from=2026Q1&to=2026Q3"))!.Status.ShouldBe(200);
        await Expect(s.Page.Locator("header, nav, footer")).ToHaveCountAsync(0);
        await Expect(s.Page.Locator("#trend-chart.chart-ready")).ToBeVisibleAsync();
        await Expect(s.Page.Locator("#trend-table tbody tr")).ToHaveCountAsync(3);
        await Expect(s.Page.Locator("h1 .subtitle")).ToHaveTextAsync("钱塘市");
        await Expect(s.Page.Locator("h1 a")).ToHaveAttributeAsync("href", "/public/indicators/GDP?org=330100&from=2026Q1&to=2026Q3");
        await AssertAccessibleAsync(s.Page);
        await Shot(s.Page, "embed");
    }

    [Fact]
    public async Task Assessment_AnnouncesThePublishedRun_RankScoreGrade()
    {
        await using var s = await site.OpenAsync(signedIn: false);
        await s.GoAsync("/public/assessment");
        var runs = s.Page.Locator("#runs tbody tr");
        (await runs.CountAsync()).ShouldBeGreaterThan(0);
        await AssertAccessibleAsync(s.Page);
        (await TabStopsAsync(s.Page)).ShouldContain("a[/public/policies]");
        await runs.First.Locator("a").ClickAsync();
        await Expect(s.Page).ToHaveURLAsync(new Regex("/public/assessment/\\d+$"));
        await Expect(s.Page.Locator("#ranking tbody tr")).ToHaveCountAsync(11);
        await Expect(s.Page.Locator("#ranking tbody tr").First.Locator("td").First).ToHaveTextAsync("1");
        await Expect(s.Page.Locator(".announcement .facts")).ToContainTextAsync("数据截止日");
        await AssertAccessibleAsync(s.Page);
        await Shot(s.Page, "announcement");
        (await s.GoAsync("/public/assessment/999999"))!.Status.ShouldBe(404);
    }

    [Fact]
    public async Task Policies_ListThePublicOnes_WithFiguresMeasuresAndCurve()
    {
        await using var s = await site.OpenAsync(signedIn: false);
        await s.GoAsync("/public/policies");
        await Expect(s.Page.Locator("#policies tr[data-policy='ZC01']")).ToHaveCountAsync(1);
        await Expect(s.Page.Locator("#policies tr[data-policy='ZC02']")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(s.Page);
        (await TabStopsAsync(s.Page)).ShouldContain("select#package");
        await Shot(s.Page, "policies");

        await s.Page.Locator("#policies tr[data-policy='ZC01'] a").ClickAsync();
        await Expect(s.Page).ToHaveURLAsync(new Regex("/public/policies/ZC01$"));
        (await s.Page.Locator("#measures tbody tr").CountAsync()).ShouldBeGreaterThanOrEqualTo(2);
        await Expect(s.Page.Locator("#policy-figures")).ToContainTextAsync("兑现率");
        await Expect(s.Page.Locator("#curve-chart.chart-ready")).ToBeVisibleAsync();
        (await s.Page.Locator("#curve-table tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        (await s.Page.ContentAsync()).ShouldNotContain("统一社会信用代码");
        await AssertAccessibleAsync(s.Page);
        await Shot(s.Page, "policy");

        (await s.GoAsync("/public/policies/ZC02"))!.Status.ShouldBe(404);
    }

    [Fact]
    public async Task Projects_ListThePublicOnes_FilteredByTheUrl()
    {
        await using var s = await site.OpenAsync(signedIn: false);
        await s.GoAsync("/public/projects");
        await Expect(s.Page.Locator("#matched")).ToContainTextAsync("共 30 个项目");
        await AssertAccessibleAsync(s.Page);
        var stops = await TabStopsAsync(s.Page);
        stops.ShouldContain("select#org");
        stops.ShouldContain("input#text");
        await Shot(s.Page, "projects");

        var code = await s.Page.Locator("#projects tbody tr").First.GetAttributeAsync("data-project");
        var hidden = await site.AsOperatorAsync(sp =>
            sp.GetRequiredService<Luoshi.Application.Data.LuoshiDbContext>().Projects.Where(p => !p.IsPublic).OrderBy(p => p.Code).Select(p => p.Code).FirstAsync());
        (await s.GoAsync($"/public/projects?text={hidden}"))!.Status.ShouldBe(200);
        await Expect(s.Page.Locator("#projects tbody tr")).ToHaveCountAsync(0);
        await Expect(s.Page.Locator("#matched")).ToContainTextAsync("共 0 个项目");

        await s.GoAsync($"/public/projects?text={code}");
        await Expect(s.Page.Locator("#projects tbody tr")).ToHaveCountAsync(1);
        await Expect(s.Page.Locator("#text")).ToHaveValueAsync(code!);

        (await s.GoAsync("/public/projects?org=999999"))!.Status.ShouldBe(400);
        await Expect(s.Page.Locator("#refused")).ToHaveAttributeAsync("data-field", "org");
        (await s.GoAsync("/public/projects?stage=nonsense"))!.Status.ShouldBe(400);
        await Expect(s.Page.Locator("#refused")).ToHaveAttributeAsync("data-field", "stage");
    }

    [Fact]
    public async Task Regions_ShowLightsAndProjectsPerRegion_AsChartAndTable()
    {
        await using var s = await site.OpenAsync(signedIn: false);
        await s.GoAsync("/public/regions");
        await Expect(s.Page.Locator("#regions tbody tr")).ToHaveCountAsync(11);
        await Expect(s.Page.Locator("#regions-chart.chart-ready")).ToBeVisibleAsync();
        await AssertAccessibleAsync(s.Page);
        (await TabStopsAsync(s.Page)).ShouldContain("select#org");
        await Shot(s.Page, "regions");
    }

    /// <summary>axe-core over the whole page: no violation of impact serious or critical.</summary>
    internal static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        bad.ShouldBeEmpty(string.Join(Environment.NewLine, bad.Select(v =>
            $"{page.Url}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")));
    }

    /// <summary>What the Tab key reaches from the top of the page, in order, as tag#id or a[href].</summary>
    internal static async Task<List<string>> TabStopsAsync(IPage page, int presses = 40)
    {
        var stops = new List<string>();
        await page.EvaluateAsync("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }");
        for (var i = 0; i < presses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            stops.Add(await page.EvaluateAsync<string>(
                "() => { const e = document.activeElement; if (!e) return ''; const t = e.tagName.toLowerCase(); return t === 'a' ? `a[${e.getAttribute('href')}]` : e.id ? `${t}#${e.id}` : t; }"));
        }

        return stops;
    }

    private static async Task Shot(IPage page, string name)
    {
        Directory.CreateDirectory(ShotDir);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ShotDir, name + ".png"), FullPage = true });
    }
}
