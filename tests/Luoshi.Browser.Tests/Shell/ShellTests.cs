using System.Text.RegularExpressions;
using Luoshi.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Luoshi.Browser.Tests.Shell;

[Collection(BrowserCollection.Name)]
public sealed class ShellTests(DemoSite site)
{
    [Fact]
    public async Task LanguageSwitch_TurnsThePageIntoEnglishAndBack()
    {
        await using var s = await site.OpenAsync();
        await s.GoAsync("/plans?expand=all");
        await Expect(s.Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(s.Page.Locator(".mainnav a[aria-current='page']")).ToHaveTextAsync("计划");

        await s.Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Expect(s.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(s.Page.Locator(".mainnav a[aria-current='page']")).ToHaveTextAsync("Plans");
        await Expect(s.Page.Locator("h1")).ToHaveTextAsync("Plan tree");
        await Expect(s.Page.Locator("[data-code='M030102']")).ToContainTextAsync("Overdue");
        await Expect(s.Page.Locator("[data-code='M010101']")).ToContainTextAsync("Done 2026-03-31");
        await Expect(s.Page.Locator(".demo-banner")).ToContainTextAsync("Synthetic demo data");
        s.Page.Url.ShouldEndWith("/plans?expand=all");
        await s.ShotAsync("english");

        await s.GoAsync("/");
        await Expect(s.Page.Locator("#matrix-title")).ToContainTextAsync("Cities at a glance");
        await Expect(s.Page.Locator(".card[data-indicator='FAI'] .status-word")).ToHaveTextAsync(new Regex("^(Green|Yellow|Red) · "));
        await s.ShotAsync("english-dashboard");
        await s.GoAsync("/reporting/timeliness");
        await Expect(s.Page.Locator("h1")).ToContainTextAsync("Timeliness");
        await s.ShotAsync("english-timeliness");

        await s.GoAsync("/indicators/FAI");
        await Expect(s.Page.Locator(".facts")).ToContainTextAsync("Cumulative");
        await Expect(s.Page.Locator("#unit-table thead")).ToContainTextAsync("Year earlier");
        await s.ShotAsync("english-indicator");

        await s.Page.GetByRole(AriaRole.Button, new() { Name = "中文" }).ClickAsync();
        await Expect(s.Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(s.Page.Locator(".facts")).ToContainTextAsync("累计值");
    }

    [Fact]
    public async Task SignIn_IsAskedFor_AndLeadsBackToThePageWanted()
    {
        await using var s = await site.OpenAsync(signedIn: false);
        await s.GoAsync("/plans");
        s.Page.Url.ShouldContain("/sign-in");

        await s.Page.FillAsync("#name", "admin");
        await s.Page.FillAsync("#password", "not-the-password");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(s.Page.Locator(".form-error")).ToContainTextAsync("用户名或密码错误");
        await s.ShotAsync("wrong-password");

        await s.Page.FillAsync("#password", Luoshi.Application.Demo.SeedDemo.DemoPassword);
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Expect(s.Page.Locator("h1")).ToHaveTextAsync("计划树");
        await Expect(s.Page.Locator(".account .who")).ToHaveTextAsync("系统管理员");
        await s.Page.GetByRole(AriaRole.Link, new() { Name = "退出" }).ClickAsync();
        await Expect(s.Page.Locator("h1")).ToHaveTextAsync("退出登录");
        await Expect(s.Page.Locator("main form p")).ToContainTextAsync("系统管理员");
        await s.ShotAsync("sign-out");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        s.Page.Url.ShouldContain("/sign-in");
        await s.GoAsync("/sign-out");
        s.Page.Url.ShouldContain("/sign-in");
    }

    [Fact]
    public async Task Navigation_IsReachableByKeyboardWithAVisibleFocus()
    {
        await using var s = await site.OpenAsync();
        await s.GoAsync("/");

        await s.Page.Keyboard.PressAsync("Tab");
        var skip = s.Page.Locator(".skip-link");
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();
        await s.Page.Keyboard.PressAsync("Enter");
        await Expect(s.Page.Locator("#main")).ToBeFocusedAsync();

        await s.GoAsync("/");
        string[] expected = ["跳到正文", "落实 Luoshi", "概览", "计划", "指标", "填报", "督办", "项目", "政策", "考核", "文档", "单位", "审计", "通知", "退出", "English"];
        foreach (var name in expected)
        {
            await s.Page.Keyboard.PressAsync("Tab");
            var focused = await s.Page.EvaluateAsync<string>("() => document.activeElement.textContent.replace(/\\s+/g, ' ').trim()");
            focused.ShouldBe(name);
            var outline = await s.Page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
            outline.ShouldNotBe("none", $"the focus on {name} is visible");
        }

        for (int i = 0; i < expected.Length - 4; i++)
        {
            await s.Page.Keyboard.PressAsync("Shift+Tab");
        }

        await s.Page.Keyboard.PressAsync("Enter");
        await Expect(s.Page).ToHaveURLAsync(new Regex("/plans$"));
        await s.Page.Keyboard.PressAsync("Tab");
        await s.Page.Keyboard.PressAsync("Tab");
        await s.Page.Keyboard.PressAsync("Tab");
        await s.Page.Keyboard.PressAsync("Tab");
        await Expect(s.Page.Locator(".mainnav a[aria-current='page']")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Tablet_NavigationAndTablesFitTheScreen()
    {
        await using var s = await site.OpenAsync(new() { ViewportSize = new() { Width = 768, Height = 1024 }, HasTouch = true });
        await s.GoAsync("/");

        var overflow = await s.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        overflow.ShouldBeLessThanOrEqualTo(0, "the page does not scroll sideways; wide tables scroll inside their box");
        await Expect(s.Page.Locator(".mainnav a")).ToHaveCountAsync(Luoshi.Web.Ui.Navigation.Items.Count);
        foreach (var link in await s.Page.Locator(".mainnav a").AllAsync())
        {
            await Expect(link).ToBeInViewportAsync();
        }
    }

    [Fact]
    public async Task UnknownPage_IsAPageNotAProblemDocument()
    {
        await using var s = await site.OpenAsync();
        var response = await s.GoAsync("/indicators/NO_SUCH_THING");

        response!.Status.ShouldBe(404);
        await Expect(s.Page.Locator("h1")).ToHaveTextAsync("找不到页面");
        await Expect(s.Page.Locator(".mainnav")).ToBeVisibleAsync();

        // A report address whose period does not parse names no page either.
        (await s.GoAsync("/reporting/330100/2026-13"))!.Status.ShouldBe(404);
        await Expect(s.Page.Locator("h1")).ToHaveTextAsync("找不到页面");
    }
}
