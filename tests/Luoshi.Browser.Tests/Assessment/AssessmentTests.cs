using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Luoshi.Application.Assessment;
using Luoshi.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Luoshi.Browser.Tests.Assessment;

/// <summary>
/// The demo seeds the cities' assessment: last year's published (with a hand-scored reporting criterion) and this
/// year's a draft, so the ranking has a year-over-year comparison. Tests that change data use schemes and runs of
/// their own.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AssessmentTests(DemoSite site)
{
    [Fact]
    public async Task Index_ListsRunsAndSchemes_FromTheNavigation()
    {
        await using var s = await site.OpenAsync();
        await s.GoAsync("/");
        await s.Page.Locator(".mainnav").GetByRole(AriaRole.Link, new() { Name = "考核" }).ClickAsync();

        await Expect(s.Page).ToHaveURLAsync(new Regex("/assessment$"));
        await Expect(s.Page.Locator(".mainnav a[aria-current='page']")).ToHaveTextAsync("考核");
        await Expect(s.Page.Locator("#runs tbody tr")).Not.ToHaveCountAsync(0);
        await Expect(s.Page.Locator("#runs")).ToContainTextAsync("已发布");
        await Expect(s.Page.Locator("#runs")).ToContainTextAsync("草稿");
        await Expect(s.Page.Locator("#schemes")).ToContainTextAsync("设区市年度综合考核");
        await Expect(s.Page.Locator("#schemes .run-now").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Index_ForAReader_OffersNoRunAndNoEditing()
    {
        await using var s = await site.OpenAsync(user: "leader");
        await s.GoAsync("/assessment");
        await Expect(s.Page.Locator("#runs tbody tr")).Not.ToHaveCountAsync(0);
        await Expect(s.Page.Locator(".run-now")).ToHaveCountAsync(0);

        await s.Page.Locator("#schemes tbody tr a").First.ClickAsync();
        await Expect(s.Page.Locator("pre#scheme-json")).ToContainTextAsync("\"criteria\"");
        await Expect(s.Page.Locator("#scheme-form")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Ranking_ShowsRanksGradesVetoAndLastYear_WithAChartColouredByGrade()
    {
        var run = await DemoRun(DemoSite.Now.Year);
        await using var s = await site.OpenAsync();
        await s.GoAsync($"/assessment/runs/{run.Id}");

        var rows = s.Page.Locator("#ranking tbody tr");
        await Expect(rows).ToHaveCountAsync(11);
        await Expect(s.Page.Locator("#run-state")).ToHaveTextAsync("草稿");
        await Expect(rows.First.Locator("td.rank")).ToHaveTextAsync("1");
        var vetoed = s.Page.Locator("#ranking tr[data-unit='331000']");
        await Expect(vetoed).ToHaveClassAsync(new Regex("vetoed"));
        await Expect(vetoed.Locator(".grade-badge")).ToHaveTextAsync("不合格");
        await Expect(vetoed).ToContainTextAsync("发生较大生产安全事故");
        await Expect(s.Page.Locator("#ranking tr[data-unit='330200'] .adjustments")).ToContainTextAsync("+2.00 获国家级改革试点");
        await Expect(s.Page.Locator("#ranking tr[data-unit='330100'] .change-cell")).ToContainTextAsync(new Regex("[+−]\\d"));
        await Expect(s.Page.Locator("#previous-run")).ToContainTextAsync($"{DemoSite.Now.Year - 1}");
        await Expect(s.Page.Locator("#grade-legend li")).ToHaveCountAsync(5);
        await Expect(s.Page.Locator("#score-chart.chart-ready canvas")).ToBeVisibleAsync();

        // The bars take their grade's colour: the vetoed city's bar is red.
        var colours = await s.Page.EvaluateAsync<string[]>("() => echarts.getInstanceByDom(document.getElementById('score-chart')).getOption().series[0].data.map(d => d.itemStyle.color)");
        colours.Distinct().Count().ShouldBeGreaterThan(2);
        colours.ShouldContain("#c62828");
    }

    [Fact]
    public async Task Breakdown_ExplainsEveryCriterion_TheCapsAndTheGrade()
    {
        var run = await DemoRun(DemoSite.Now.Year);
        await using var s = await site.OpenAsync();
        await s.GoAsync($"/assessment/runs/{run.Id}");
        await s.Page.Locator("#ranking tr[data-unit='330200'] th a").ClickAsync();

        await Expect(s.Page).ToHaveURLAsync(new Regex($"/assessment/runs/{run.Id}/330200$"));
        var criteria = s.Page.Locator("#criteria tbody tr[data-criterion]");
        await Expect(criteria).ToHaveCountAsync(5);
        var c3 = s.Page.Locator("#criteria tr[data-criterion='C3']");
        await Expect(c3.Locator(".source")).ToContainTextAsync("UNEMPLOYMENT");
        await Expect(c3.Locator(".method")).ToContainTextAsync("排名法");
        await Expect(c3.Locator(".reason")).ToContainTextAsync(new Regex("组内第\\d+名"));
        await Expect(c3.Locator(".reason")).ToContainTextAsync("rank");
        await Expect(s.Page.Locator("#criteria tr[data-criterion='C5'] .source")).ToContainTextAsync("报送及时率");
        await Expect(s.Page.Locator("#adjustments")).ToContainTextAsync("获国家级改革试点");
        await Expect(s.Page.Locator("#caps")).ToContainTextAsync("上限3");
        await Expect(s.Page.Locator("#grade-reason")).Not.ToBeEmptyAsync();
        await Expect(s.Page.Locator("#total-line")).ToContainTextAsync("加分 2.00");

        await s.GoAsync($"/assessment/runs/{run.Id}/331000");
        await Expect(s.Page.Locator("#veto-reason")).ToContainTextAsync("发生较大生产安全事故");
        await Expect(s.Page.Locator("#grade-reason")).ToContainTextAsync("一票否决");
        await Expect(s.Page.Locator("#unit-grade")).ToHaveTextAsync("不合格");
    }

    [Fact]
    public async Task PrintPage_IsAnA4ReportInChinese_EvenForAnEnglishReader()
    {
        var run = await DemoRun(DemoSite.Now.Year);
        await using var s = await site.OpenAsync(new() { ViewportSize = new() { Width = 900, Height = 1200 } });
        await s.GoAsync("/assessment");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await s.GoAsync($"/assessment/runs/{run.Id}/print");

        await Expect(s.Page.Locator("h2").First).ToHaveTextAsync("一、考核排名");
        await Expect(s.Page.Locator("#print-ranking tbody tr")).ToHaveCountAsync(11);
        await Expect(s.Page.Locator(".unit-block")).ToHaveCountAsync(11);
        await Expect(s.Page.Locator("footer")).ToContainTextAsync(run.InputsHash);

        await s.Page.EmulateMediaAsync(new() { Media = Media.Print });
        await s.Page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("PrintPage-first-sheet"), Clip = new() { X = 0, Y = 0, Width = 900, Height = 1270 } });
        var pdf = await s.Page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true, Path = Artifacts.FilePath("assessment-report.pdf") });
        var text = System.Text.Encoding.Latin1.GetString(pdf);

        // A4 portrait is 595 × 842 points; the tools above the sheet are not printed.
        text.ShouldMatch(@"/MediaBox\s*\[\s*0\s+0\s+59[4-6](\.\d+)?\s+84[12](\.\d+)?\s*\]");
        await Expect(s.Page.Locator(".print-tools")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task SchemeEditor_RefusesABadScheme_NamingTheField_ThenSavesANewVersion()
    {
        // A scheme of its own, so that no other test sees its versions.
        var json = DemoAssessmentJson().Replace("设区市年度综合考核", "编辑器测试考核", StringComparison.Ordinal);
        var saved = await (await site.Http.PostAsync("/api/assessment/schemes", new StringContent(json, System.Text.Encoding.UTF8, "application/json"))).Content.ReadFromJsonAsync<SavedScheme>(Options);
        await using var s = await site.OpenAsync(user: "planner");
        await s.GoAsync($"/assessment/schemes/{saved!.Version.Id}");

        var editor = s.Page.Locator("textarea#scheme-json");
        var text = await editor.InputValueAsync();
        await editor.FillAsync(Regex.Replace(text, "\"points\": 30", "\"points\": \"三十\"", RegexOptions.None, TimeSpan.FromSeconds(1)));
        await s.Page.Locator("#save-scheme").ClickAsync();

        await Expect(s.Page.Locator("#scheme-error")).ToContainTextAsync("criteria[0].points");
        await Expect(editor).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(editor).ToHaveValueAsync(new Regex("三十"));
        await s.ShotAsync("refused");

        await editor.FillAsync(text.Replace("\"points\": 30", "\"points\": 35", StringComparison.Ordinal));
        await s.Page.Locator("#save-scheme").ClickAsync();

        await Expect(s.Page.Locator("#saved")).ToContainTextAsync("第2版");
        await Expect(s.Page.Locator("#scheme-criteria tbody tr").First).ToContainTextAsync("35");
        await s.GoAsync($"/assessment/schemes/{saved.Version.Id}");
        await Expect(s.Page.Locator("#scheme-criteria tbody tr").First.Locator("td.num")).ToHaveTextAsync("30");
    }

    [Fact]
    public async Task RunNow_MakesADraft_ThatThePlannerPublishes()
    {
        var json = DemoAssessmentJson().Replace("设区市年度综合考核", "立即计算测试考核", StringComparison.Ordinal);
        var saved = await (await site.Http.PostAsync("/api/assessment/schemes", new StringContent(json, System.Text.Encoding.UTF8, "application/json"))).Content.ReadFromJsonAsync<SavedScheme>(Options);
        await using var s = await site.OpenAsync(user: "planner");
        await s.GoAsync("/assessment");

        await s.Page.Locator($"#schemes tr[data-scheme='{saved!.Version.Id}'] .run-now").ClickAsync();

        await Expect(s.Page).ToHaveURLAsync(new Regex("/assessment/runs/\\d+$"));
        await Expect(s.Page.Locator("#run-state")).ToHaveTextAsync("草稿");
        await Expect(s.Page.Locator("#ranking tbody tr")).ToHaveCountAsync(11);
        await Expect(s.Page.Locator(".run-facts")).ToContainTextAsync(DemoSite.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await s.Page.Locator("#publish").ClickAsync();
        await Expect(s.Page.Locator("#run-state")).ToHaveTextAsync("已发布");
        await Expect(s.Page.Locator("#publish")).ToHaveCountAsync(0);
    }

    private static readonly System.Text.Json.JsonSerializerOptions Options = CreateOptions();

    private static System.Text.Json.JsonSerializerOptions CreateOptions()
    {
        var o = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        Luoshi.Web.LuoshiWebApp.ConfigureJson(o);
        return o;
    }

    private static string DemoAssessmentJson() =>
        Luoshi.Application.Demo.DemoAssessment.SchemeJson(DemoSite.Now.Year, $"{DemoSite.Now.Year}-10", manualReporting: false);

    /// <summary>The run the demo seeded for a year.</summary>
    private async Task<RunSummary> DemoRun(int year)
    {
        var runs = await site.Http.GetFromJsonAsync<List<RunSummary>>("/api/assessment/runs", Options);
        return runs!.Where(r => r.Scheme == Luoshi.Application.Demo.DemoAssessment.Name && r.Year == year && r.CreatedBy == "system").MinBy(r => r.Id)!;
    }
}
