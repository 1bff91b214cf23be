using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Luoshi.Application.Supervision;
using Luoshi.Browser.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Luoshi.Browser.Tests.Supervision;

/// <summary>
/// The rules page against the demo province (its clock at 2026-11-15): the office writes a rule, sees what it would
/// open before switching it on, and an item a rule opened lists the figures it answers for.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RulesPageTests(DemoSite site)
{
    private static readonly string[] Watched = ["FAI", "PRIVATE_INV", "RETAIL_SALES"];

    [Fact]
    public async Task TheOffice_WritesARule_SeesWhatItWouldOpen_ThenSwitchesItOn()
    {
        await using var s = await site.OpenAsync(user: "supervisor");
        await s.GoAsync("/supervision");
        await s.Page.Locator("#rules-link").ClickAsync();
        await Expect(s.Page.Locator("h1")).ToHaveTextAsync("督办规则");
        await Expect(s.Page.Locator("#rules-table tr[data-rule='default'] .badge.kind")).ToHaveTextAsync("按系统设置");

        await s.Page.Locator("#new-rule").ClickAsync();
        await s.Page.Locator("#Input_Code").FillAsync("browser-invest");
        await s.Page.Locator("#Input_Name").FillAsync("投资与消费指标(市县)");
        await s.Page.Locator("#Input_Indicators").FillAsync(string.Join(", ", Watched));
        await s.Page.Locator("#kind-City").CheckAsync();
        await s.Page.Locator("#kind-County").CheckAsync();
        await s.Page.Locator("#Input_Periods").FillAsync("2");
        await s.ShotAsync("form");
        await s.Page.Locator("#save-rule").ClickAsync();

        // Saved switched off, and the page opens on its preview: what it would open, written nowhere.
        await Expect(s.Page).ToHaveURLAsync(new Regex("preview=browser-invest"));
        await Expect(s.Page.Locator(".notice")).ToContainTextAsync("已保存");
        var row = s.Page.Locator("#rules-table tr[data-rule='browser-invest']");
        await Expect(row.Locator("[data-enabled]")).ToHaveTextAsync("已停用");
        await Expect(row).ToContainTextAsync("连续2期红灯");
        await Expect(row).ToContainTextAsync("市、县");
        await Expect(s.Page.Locator("#preview-totals")).ToBeVisibleAsync();
        var open = s.Page.Locator("#preview-table tr[data-outcome='open']");
        var shown = await s.Page.Locator("#preview-totals li").First.Locator("strong").TextContentAsync();
        (await open.CountAsync()).ShouldBe(int.Parse(shown!, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture));
        (await open.CountAsync()).ShouldBeGreaterThan(0, "the demo province lags on investment somewhere");
        var codes = await s.Page.Locator("#preview-table .figure-list code").AllTextContentsAsync();
        codes.ShouldAllBe(c => Watched.Contains(c));
        var leads = await open.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.lead)");
        leads.ShouldBeUnique("one item per lead unit");
        (await site.Http.GetFromJsonAsync<JsonElement>("/api/supervision/items?source=indicatorRule")).EnumerateArray()
            .ShouldNotContain(i => i.GetProperty("title").GetString()!.Contains("投资与消费指标"));
        await s.ShotAsync("preview");

        await s.Page.Locator("#switch-browser-invest").ClickAsync();
        await Expect(s.Page.Locator(".notice")).ToContainTextAsync("已启用");
        await Expect(row.Locator("[data-enabled]")).ToHaveTextAsync("已启用");

        // A refused value is explained beside its field; what was typed stays.
        await s.GoAsync("/supervision/rules/browser-invest");
        await s.Page.Locator("#Input_Periods").FillAsync("0");
        await s.Page.Locator("#save-rule").ClickAsync();
        await Expect(s.Page.Locator("[data-valmsg-for='Input.Periods']")).ToContainTextAsync("期数须在1–24之间");
        await Expect(s.Page.Locator("#Input_Indicators")).ToHaveValueAsync(new Regex("FAI"));
        await s.ShotAsync("refused");
    }

    [Fact]
    public async Task TheOffice_RunsTheDaysSupervisionNow_AndAgainOpensNothingTwice()
    {
        await using var s = await site.OpenAsync(user: "supervisor");
        await s.GoAsync("/supervision/rules");
        await s.Page.Locator("#run-now").ClickAsync();
        await Expect(s.Page.Locator(".notice")).ToContainTextAsync(new Regex(@"已按 \d{4}-\d{2}-\d{2} 运行当日督办:新开 \d+ 项"));

        await s.Page.Locator("#run-now").ClickAsync();
        await Expect(s.Page.Locator(".notice")).ToContainTextAsync("新开 0 项,并入 0 项,升级 0 项,催办 0 项");
        await s.ShotAsync("again");
    }

    [Fact]
    public async Task ALeader_ReadsTheRules_ButNeitherWritesNorPreviewsThem()
    {
        await using var s = await site.OpenAsync(user: "leader");
        await s.GoAsync("/supervision/rules?preview=default");
        await Expect(s.Page.Locator("#rules-table tr[data-rule='default']")).ToBeVisibleAsync();
        await Expect(s.Page.Locator("#new-rule")).ToHaveCountAsync(0);
        await Expect(s.Page.Locator("#preview")).ToHaveCountAsync(0);
        await s.GoAsync("/supervision/rules?culture=en");
        await Expect(s.Page.Locator("h1")).ToHaveTextAsync("Supervision rules");
        await Expect(s.Page.Locator("#rules-table tr[data-rule='default'] th")).ToContainTextAsync("default: indicators red in a row");
        await Expect(s.Page.Locator("#rules-table tr[data-rule='default'] th")).Not.ToContainTextAsync("默认规则");
        await s.ShotAsync("english");

        var form = await s.GoAsync("/supervision/rules/new");
        form!.Status.ShouldBe(403);
    }

    [Fact]
    public async Task AnItemARuleOpened_ListsItsFigures_WithTheirPeriodsAndReasons()
    {
        await site.AsOperatorAsync(sp => sp.GetRequiredService<RunSupervisionRules>().Handle(new RunSupervisionRules.Request(), CancellationToken.None));
        var items = await site.Http.GetFromJsonAsync<JsonElement>("/api/supervision/items?source=indicatorRule");
        var candidates = new List<(int Id, int Figures)>();
        foreach (var summary in items.EnumerateArray().Take(30))
        {
            var id0 = summary.GetProperty("id").GetInt32();
            var detail = await site.Http.GetFromJsonAsync<JsonElement>($"/api/supervision/items/{id0}");
            candidates.Add((id0, detail.GetProperty("indicators").GetArrayLength()));
        }

        // The item with the longest list: one lead unit, many figures.
        var (id, figures) = candidates.MaxBy(c => c.Figures);

        await using var s = await site.OpenAsync(user: "supervisor");
        await s.GoAsync($"/supervision/items/{id}");

        figures.ShouldBeGreaterThan(0);
        await Expect(s.Page.Locator("h1")).Not.ToContainTextAsync(" / ");
        await Expect(s.Page.Locator("#item-figures tbody tr")).ToHaveCountAsync(figures);
        var first = s.Page.Locator("#item-figures tbody tr").First;
        await Expect(first.Locator("td.periods")).ToHaveTextAsync(new Regex(@"^\d{4}年.+ – \d{4}年.+"));
        await Expect(first.Locator("td.reason")).Not.ToBeEmptyAsync();
        await Expect(s.Page.Locator("#fact-rule")).ToContainTextAsync("脱离红灯");
        await s.ShotAsync("item");
    }
}
