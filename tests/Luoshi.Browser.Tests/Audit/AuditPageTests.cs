using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Luoshi.Application.Data;
using Luoshi.Browser.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Luoshi.Browser.Tests.Audit;

[Collection(BrowserCollection.Name)]
public sealed class AuditPageTests(DemoSite site)
{
    [Fact]
    public async Task FromAnIndicator_TheAuditPageShowsItsChanges_WithTheChangedFieldsHighlighted()
    {
        // An indicator of its own, created and then revised, so that no other test's data moves.
        await EnsureRevisedIndicator();

        await using var s = await site.OpenAsync();
        await s.GoAsync("/indicators/AUDIT_DEMO");
        await s.Page.Locator("#indicator-audit").ClickAsync();

        await Expect(s.Page).ToHaveURLAsync(new Regex("/audit\\?entity=Indicator&key=AUDIT_DEMO$"));
        await Expect(s.Page.Locator(".mainnav a[aria-current='page']")).ToHaveTextAsync("审计");
        var entries = s.Page.Locator("#audit-list > li");
        await Expect(entries).ToHaveCountAsync(2);
        var update = entries.First;
        await Expect(update.Locator(".audit-action")).ToHaveTextAsync("修改");
        await Expect(update.Locator(".audit-who")).ToHaveTextAsync("admin");
        await Expect(update.Locator("tr.changed[data-field='Name'] td.before")).ToHaveTextAsync("审计演示指标");
        await Expect(update.Locator("tr.changed[data-field='Name'] td.after")).ToHaveTextAsync("审计演示指标(修订)");
        await Expect(update.Locator("tr.changed[data-field='Unit'] td.after")).ToHaveTextAsync("人");
        await Expect(entries.Nth(1).Locator(".audit-action")).ToHaveTextAsync("新建");
        await Expect(entries.Nth(1).Locator("tr[data-field='Code'] td.after")).ToHaveTextAsync("AUDIT_DEMO");

        // The same entries by user and by day (the demo's clock stands on 2026-11-15, China time).
        await s.Page.Locator("#user").FillAsync("admin");
        await s.Page.Locator("#from").FillAsync("2026-11-15");
        await s.Page.Locator("#to").FillAsync("2026-11-15");
        await s.Page.Locator("#audit-filters button[type='submit']").ClickAsync();
        await Expect(s.Page).ToHaveURLAsync(new Regex("user=admin.*from=2026-11-15.*to=2026-11-15"));
        await Expect(entries).ToHaveCountAsync(2);
        await s.ShotAsync("filtered-diff");

        await s.Page.Locator("#from").FillAsync("2026-11-16");
        await s.Page.Locator("#audit-filters button[type='submit']").ClickAsync();
        await Expect(s.Page.Locator("#to-error")).ToContainTextAsync("截止日期早于起始日期");
        await Expect(entries).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheWholeLog_PagesBackwardsByKeyset()
    {
        await using var s = await site.OpenAsync();
        await s.GoAsync("/audit");

        var entries = s.Page.Locator("#audit-list > li");
        await Expect(entries).ToHaveCountAsync(25);
        var lastOnFirstPage = long.Parse((await entries.Last.GetAttributeAsync("data-entry"))!, System.Globalization.CultureInfo.InvariantCulture);
        await s.Page.Locator("#older").ClickAsync();

        await Expect(s.Page).ToHaveURLAsync(new Regex($"before={lastOnFirstPage}$"));
        var first = long.Parse((await entries.First.GetAttributeAsync("data-entry"))!, System.Globalization.CultureInfo.InvariantCulture);
        first.ShouldBeLessThan(lastOnFirstPage);
        await Expect(s.Page.Locator("#newest")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task VerifyChain_SaysHowManyEntriesWereChecked_AndPointsAtTheFirstBrokenLink()
    {
        await EnsureRevisedIndicator();
        await using var s = await site.OpenAsync();
        await s.GoAsync("/audit?entity=Indicator&key=AUDIT_DEMO");

        await s.Page.Locator("#verify-chain").ClickAsync();
        var result = s.Page.Locator("#verify-result");
        await Expect(result).ToHaveAttributeAsync("data-intact", "true");
        await Expect(result).ToContainTextAsync(new Regex("已校验 [0-9,]+ 条记录,未发现篡改"));
        await s.ShotAsync("intact");

        // Someone edits a recorded value behind the application's back; the check finds the entry, the page shows it.
        var id = long.Parse((await s.Page.Locator("#audit-list > li").First.GetAttributeAsync("data-entry"))!, System.Globalization.CultureInfo.InvariantCulture);
        var original = await Tamper(id, after => after.Replace("审计演示指标(修订)", "审计演示指标(篡改)", StringComparison.Ordinal));
        try
        {
            await s.Page.Locator("#verify-chain").ClickAsync();
            await Expect(result).ToHaveAttributeAsync("data-intact", "false");
            await Expect(result).ToContainTextAsync($"第 {id} 号记录与链不符");
            await s.ShotAsync("broken");
            await result.GetByRole(AriaRole.Link).ClickAsync();
            await Expect(s.Page.Locator($"#entry-{id}")).ToContainTextAsync("审计演示指标(篡改)");
        }
        finally
        {
            await Tamper(id, _ => original);
        }

        await s.Page.Locator("#verify-chain").ClickAsync();
        await Expect(result).ToHaveAttributeAsync("data-intact", "true");
    }

    [Fact]
    public async Task OnlyThoseWhoMayReadTheLog_SeeItInTheNavigation_OrOpenIt()
    {
        await using (var leader = await site.OpenAsync(user: "leader"))
        {
            await leader.GoAsync("/");
            await Expect(leader.Page.Locator(".mainnav a[href='/audit']")).ToHaveTextAsync("审计");
        }

        await using var s = await site.OpenAsync(user: "reporter");
        await s.GoAsync("/");
        await Expect(s.Page.Locator(".mainnav a[href='/reporting']")).ToBeVisibleAsync();
        await Expect(s.Page.Locator(".mainnav a[href='/audit']")).ToHaveCountAsync(0);
        var response = await s.GoAsync("/audit");
        response!.Status.ShouldBe((int)HttpStatusCode.Forbidden);
        await s.GoAsync("/indicators/GDP");
        await Expect(s.Page.Locator("#indicator-audit")).ToHaveCountAsync(0);
    }

    private static readonly SemaphoreSlim Once = new(1, 1);

    private async Task EnsureRevisedIndicator()
    {
        await Once.WaitAsync();
        try
        {
            if ((await site.Http.GetAsync("/api/indicators/AUDIT_DEMO")).StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            (await site.Http.PostAsJsonAsync("/api/indicators", new { code = "AUDIT_DEMO", name = "审计演示指标", unit = "万人", direction = "higher", frequency = "month", valueKind = "level" })).EnsureSuccessStatusCode();
            var created = JsonNode.Parse(await site.Http.GetStringAsync("/api/indicators/AUDIT_DEMO"))!;
            (await site.Http.PutAsJsonAsync("/api/indicators/AUDIT_DEMO", new { name = "审计演示指标(修订)", unit = "人", direction = "higher", frequency = "month", valueKind = "level", version = created["version"]!.GetValue<int>() })).EnsureSuccessStatusCode();
        }
        finally
        {
            Once.Release();
        }
    }

    /// <summary>Rewrites an entry's "after" directly in the database, returning what it was.</summary>
    private async Task<string> Tamper(long id, Func<string, string> change)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDbContext>();
        var before = await db.AuditEntries.AsNoTracking().Where(a => a.Id == id).Select(a => a.After).SingleAsync();
        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE audit_log SET \"After\" = {change(before!)} WHERE \"Id\" = {id}");
        return before!;
    }
}
