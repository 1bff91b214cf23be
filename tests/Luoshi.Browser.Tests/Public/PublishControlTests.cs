using System.Text.RegularExpressions;
using Luoshi.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Luoshi.Browser.Tests.Public;

/// <summary>The switch onto the public portal on the signed-in pages: on, the public sees the page; off, it is gone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PublishControlTests(DemoSite site)
{
    [Fact]
    public async Task Planner_SwitchesAnIndicatorPublic_ThePublicPageShowsIt_AndOffItIsNotFound()
    {
        // An indicator no other test reads on the portal.
        const string code = "MANUFACTURING_INV";
        await using var planner = await site.OpenAsync(user: "planner");
        await planner.GoAsync($"/indicators/{code}");
        await Expect(planner.Page.Locator("#publish-control")).ToHaveAttributeAsync("data-public", "false");
        await Expect(planner.Page.Locator("#publish-state")).ToContainTextAsync("未公开");

        await using var visitor = await site.OpenAsync(signedIn: false);
        (await visitor.GoAsync($"/public/indicators/{code}"))!.Status.ShouldBe(404);

        // The list as kept for every visitor before the switch; the switch must make a new one.
        await visitor.GoAsync("/public/indicators");
        await visitor.GoAsync("/public/indicators");
        await Expect(visitor.Page.Locator($"#indicator-list tr[data-indicator='{code}']")).ToHaveCountAsync(0);

        await planner.Page.Locator("#publish-form button[type=submit]").ClickAsync();
        await Expect(planner.Page).ToHaveURLAsync(new Regex($"/indicators/{code}$"));
        await Expect(planner.Page.Locator("#publish-control")).ToHaveAttributeAsync("data-public", "true");
        await Expect(planner.Page.Locator("#publish-state")).ToContainTextAsync("已公开");
        await Expect(planner.Page.Locator("#public-link")).ToHaveAttributeAsync("href", $"/public/indicators/{code}");
        await planner.ShotAsync("published");

        try
        {
            (await visitor.GoAsync($"/public/indicators/{code}"))!.Status.ShouldBe(200);
            await Expect(visitor.Page.Locator("h1")).ToContainTextAsync("制造业投资");
            await visitor.GoAsync("/public/indicators");
            await Expect(visitor.Page.Locator($"#indicator-list tr[data-indicator='{code}']")).ToHaveCountAsync(1);
        }
        finally
        {
            await planner.GoAsync($"/indicators/{code}");
            await planner.Page.Locator("#publish-form button[type=submit]").ClickAsync();
            await Expect(planner.Page.Locator("#publish-control")).ToHaveAttributeAsync("data-public", "false");
        }

        (await visitor.GoAsync($"/public/indicators/{code}"))!.Status.ShouldBe(404);
        await visitor.GoAsync("/public/indicators");
        await Expect(visitor.Page.Locator($"#indicator-list tr[data-indicator='{code}']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task PolicyAndProjectPages_ShowTheirPublicState_AndAReaderGetsNoSwitch()
    {
        await using var planner = await site.OpenAsync(user: "planner");
        await planner.GoAsync("/policies/ZC01");
        await Expect(planner.Page.Locator("#publish-control")).ToHaveAttributeAsync("data-public", "true");
        await Expect(planner.Page.Locator("#public-link")).ToHaveAttributeAsync("href", "/public/policies/ZC01");
        await Expect(planner.Page.Locator("#publish-form")).ToHaveCountAsync(1);
        await planner.GoAsync("/policies/ZC02");
        await Expect(planner.Page.Locator("#publish-control")).ToHaveAttributeAsync("data-public", "false");

        await using var leader = await site.OpenAsync(user: "leader");
        await leader.GoAsync("/policies/ZC01");
        await Expect(leader.Page.Locator("#publish-state")).ToContainTextAsync("已公开");
        await Expect(leader.Page.Locator("#publish-form")).ToHaveCountAsync(0);
    }
}
