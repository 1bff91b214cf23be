using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Luoshi.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Luoshi.Browser.Tests.Indicators;

[Collection(BrowserCollection.Name)]
public sealed class IndicatorPageTests(DemoSite site)
{
    [Fact]
    public async Task IndicatorPage_DrawsTheTrendWithTheTargetLineAndThePeers()
    {
        await using var s = await site.OpenAsync();
        await s.GoAsync("/indicators/GDP_GROWTH");

        var chart = s.Page.Locator("#trend-chart");
        await Expect(chart.Locator("canvas")).ToHaveCountAsync(1);
        var series = await chart.EvaluateAsync<string[]>("el => echarts.getInstanceByDom(el).getOption().series.map(s => s.name)");
        series.ShouldBe(["之江省", "全国", "江苏省", "上海市", "年度目标"], ignoreOrder: true);
        (await PaintedShare(chart)).ShouldBeGreaterThan(0.01);

        await Expect(s.Page.Locator("#change-chart canvas")).ToHaveCountAsync(1);
        var peers = s.Page.Locator("section[aria-labelledby='peers-title'] tbody tr");
        await Expect(peers).ToHaveCountAsync(4);
        await Expect(peers.Nth(1)).ToContainTextAsync("全国");
        await Expect(peers.Nth(1)).ToContainTextAsync("个百分点");
    }

    [Fact]
    public async Task IndicatorPage_ChosenUnitAndLevel_ListsCountiesForThePeriod()
    {
        await using var s = await site.OpenAsync();
        await s.GoAsync("/indicators/RETAIL_SALES");

        await s.Page.Locator("#level").SelectOptionAsync("counties");
        await s.Page.Locator("#units-title ~ form button").ClickAsync();

        await Expect(s.Page.Locator("#unit-table tbody tr")).ToHaveCountAsync(11 + 89);
        await s.Page.Locator("#unit-table tr[data-unit='330300'] th a").ClickAsync();
        await Expect(s.Page.Locator("h1 .subtitle")).ToHaveTextAsync("瓯江市");
        await Expect(s.Page.Locator("#trend-chart canvas")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task CellHistory_ShowsWhoChangedWhatWhenAndWhy()
    {
        // Approved values are locked, so the test writes a cell the demo has not reported yet, twice.
        foreach (var (value, reason) in new[] { (1168.2m, (string?)null), (1171.5m, "剔除重复入库项目") })
        {
            var write = await site.Http.PostAsJsonAsync("/api/readings", new
            {
                indicator = "PRIVATE_INV",
                org = "330500",
                period = "2026-10",
                value,
                reason,
                comment = reason is null ? null : "市统计局复核",
            });
            write.EnsureSuccessStatusCode();
        }

        await using var s = await site.OpenAsync();
        await s.GoAsync("/indicators/PRIVATE_INV?org=330500");
        var row = s.Page.Locator("#unit-table tr[data-unit='330500']");
        await Expect(row).ToContainTextAsync("1,171.50");
        await Expect(row).ToContainTextAsync("2 个版本");
        await row.GetByRole(AriaRole.Link, new() { Name = "苕溪市 的修改历史" }).ClickAsync();

        var history = s.Page.Locator("#history-table tbody tr");
        await Expect(history).ToHaveCountAsync(2);
        await Expect(history.First).ToContainTextAsync("1,171.50");
        await Expect(history.First).ToContainTextAsync("剔除重复入库项目");
        await Expect(history.First).ToContainTextAsync("市统计局复核");
        await Expect(history.Nth(1)).ToContainTextAsync("1,168.20");
        await Expect(history.Nth(1)).ToContainTextAsync("草稿");
        await Expect(s.Page.Locator("#history h2")).ToBeFocusedAsync();
        s.Page.Url.ShouldEndWith("/indicators/PRIVATE_INV?org=330500");
    }

    [Fact]
    public async Task IndicatorList_FiltersAsYouType()
    {
        await using var s = await site.OpenAsync();
        await s.GoAsync("/indicators");
        var rows = s.Page.Locator("#indicator-table tbody tr");
        (await rows.CountAsync()).ShouldBeGreaterThanOrEqualTo(42);

        await s.Page.Locator("#q").FillAsync("投资");
        await Expect(rows).ToHaveCountAsync(7);
        await s.Page.Locator("#source").SelectOptionAsync("derived");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(s.Page).ToHaveURLAsync(new Regex("q=%E6%8A%95%E8%B5%84.*source=derived|source=derived.*q=%E6%8A%95%E8%B5%84"));
    }

    [Fact]
    public async Task IndicatorForm_RefusesAnUnknownFormulaInputBesideTheFieldThenCreates()
    {
        await using var s = await site.OpenAsync();
        await s.GoAsync("/indicators/new");
        await s.Page.Locator("#Input_Code").FillAsync("EXPORT_PER_IMPORT");
        await s.Page.Locator("#Input_Name").FillAsync("出口与进口之比");
        await s.Page.Locator("#Input_Unit").FillAsync("倍");
        await s.Page.Locator("#Input_Direction").SelectOptionAsync("Higher");
        await s.Page.Locator("#Input_Frequency").SelectOptionAsync("Month");
        await s.Page.Locator("#Input_ValueKind").SelectOptionAsync("Level");
        await s.Page.Locator("#Input_Formula").FillAsync("EXPORTS / IMPORT");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();

        await Expect(s.Page.Locator("#Input_Formula")).ToHaveClassAsync(new Regex("input-validation-error"));
        await Expect(s.Page.Locator("[data-valmsg-for='Input.Formula']")).ToContainTextAsync("IMPORT");
        await s.ShotAsync("refused");

        await s.Page.Locator("#Input_Formula").FillAsync("EXPORTS / IMPORTS");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();

        await Expect(s.Page).ToHaveURLAsync(new Regex("/indicators/EXPORT_PER_IMPORT$"));
        await Expect(s.Page.Locator(".facts")).ToContainTextAsync("EXPORTS / IMPORTS");
    }

    /// <summary>The share of the chart's canvas pixels that are painted (not transparent or white).</summary>
    private static Task<double> PaintedShare(ILocator chart) => chart.Locator("canvas").EvaluateAsync<double>(
        """
        c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
               for (let i = 0; i < d.length; i += 4) { if (d[i + 3] > 0 && (d[i] < 250 || d[i + 1] < 250 || d[i + 2] < 250)) n++; }
               return n / (d.length / 4); }
        """);
}
