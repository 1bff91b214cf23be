using Luoshi.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Luoshi.Browser.Tests.Dashboard;

[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(DemoSite site, ITestOutputHelper output)
{
    [Fact]
    public async Task Dashboard_ShowsElevenCitiesAndDrawsTheSparklines()
    {
        await using var s = await site.OpenAsync();
        await s.GoAsync("/");

        await Expect(s.Page.Locator("table.matrix tbody tr:not(.total)")).ToHaveCountAsync(11);
        await Expect(s.Page.Locator("table.matrix tbody tr.total th")).ToHaveTextAsync("之江省");
        var cards = await s.Page.Locator(".cards .card").CountAsync();
        cards.ShouldBeGreaterThanOrEqualTo(6);
        await Expect(s.Page.Locator(".spark canvas")).ToHaveCountAsync(cards);
        await Expect(s.Page.Locator(".demo-banner")).ToContainTextAsync("演示数据(虚构)");

        // Measured, not asserted: the first visit after start (cold caches) and the median of five reloads.
        var first = await s.TimingAsync();
        var reloads = new List<NavigationTiming>();
        for (int i = 0; i < 5; i++)
        {
            await s.Page.ReloadAsync();
            await Expect(s.Page.Locator(".spark canvas")).ToHaveCountAsync(cards);
            reloads.Add(await s.TimingAsync());
        }

        var median = reloads.OrderBy(t => t.ServerMs).ElementAt(2);
        foreach (var (moment, timing) in new[] { ("first visit", first), ("median of 5 reloads", median) })
        {
            output.WriteLine($"{moment}: {timing}");
            Artifacts.AppendTiming($"dashboard, {moment}: {timing}");
        }
    }

    [Fact]
    public async Task Dashboard_MatrixCell_OpensThatIndicatorForThatCity()
    {
        await using var s = await site.OpenAsync();
        await s.GoAsync("/");

        await s.Page.Locator("tr[data-unit='330100'] a[href='/indicators/FAI?org=330100']").ClickAsync();

        await Expect(s.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/indicators/FAI\\?org=330100$"));
        await Expect(s.Page.Locator("h1")).ToContainTextAsync("固定资产投资");
        await Expect(s.Page.Locator("h1 .subtitle")).ToHaveTextAsync("钱塘市");
        await Expect(s.Page.Locator("#trend-chart canvas")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Dashboard_PeriodPicker_SwapsTheFiguresInPlace()
    {
        await using var s = await site.OpenAsync();
        await s.GoAsync("/");
        var before = await s.Page.Locator("#matrix-title .subtitle").TextContentAsync();

        await s.Page.Locator("#period").SelectOptionAsync(new SelectOptionValue { Index = 3 });

        await Expect(s.Page.Locator("#matrix-title .subtitle")).Not.ToHaveTextAsync(before!);
        await Expect(s.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("\\?period=\\d{4}-\\d{2}$"));
        await Expect(s.Page.Locator(".spark canvas").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Dashboard_Print_FitsOneA4LandscapePage()
    {
        // 297 × 210 mm at 96 dpi, so the screenshot shows roughly what the printed sheet holds.
        await using var s = await site.OpenAsync(new() { ViewportSize = new() { Width = 1123, Height = 794 } });
        await s.GoAsync("/");
        await Expect(s.Page.Locator(".spark canvas").First).ToBeVisibleAsync();

        await s.Page.EmulateMediaAsync(new() { Media = Media.Print });
        await s.Page.WaitForFunctionAsync("() => [...document.querySelectorAll('.spark')].every(el => Math.abs(el.querySelector('canvas').clientWidth - el.clientWidth) < 2)");
        var pdf = await s.Page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true, Path = Artifacts.FilePath("dashboard.pdf") });
        var text = System.Text.Encoding.Latin1.GetString(pdf);

        // A4 landscape is 842 × 595 points.
        text.ShouldMatch(@"/MediaBox\s*\[\s*0\s+0\s+84[12](\.\d+)?\s+59[4-6](\.\d+)?\s*\]");
        System.Text.RegularExpressions.Regex.Count(text, @"/Type\s*/Page\b").ShouldBe(1, "one sheet");
        await Expect(s.Page.Locator(".mainnav")).ToBeHiddenAsync();
    }
}
