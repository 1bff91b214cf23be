using Luoshi.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Luoshi.Browser.Tests.Notifications;

[Collection(BrowserCollection.Name)]
public sealed class NotificationsPageTests(DemoSite site)
{
    [Fact]
    public async Task APerson_SetsTheirAddressAndDigest_ABadAddressIsNamed_AndTheInboxShowsWhatWasSent()
    {
        await using var s = await site.OpenAsync(user: "reporter");
        await s.GoAsync("/");
        await s.Page.Locator(".account a.inbox").ClickAsync();

        await Expect(s.Page.Locator("h1")).ToHaveTextAsync("我的通知");
        await Expect(s.Page.Locator("#email-off")).ToBeVisibleAsync();
        await s.Page.Locator("#email").FillAsync("reporter at example");
        await s.Page.Locator("#preferences button[type='submit']").ClickAsync();
        await Expect(s.Page.Locator("#preferences")).ToContainTextAsync("邮箱地址格式不正确");

        await s.Page.Locator("#email").FillAsync("reporter@example.org");
        await s.Page.Locator("#preferences input[name='Input.Muted'][value='reportDueSoon']").CheckAsync();
        await s.Page.Locator("#preferences button[type='submit']").ClickAsync();

        await Expect(s.Page.Locator("p.notice")).ToBeVisibleAsync();
        await Expect(s.Page.Locator("#email")).ToHaveValueAsync("reporter@example.org");
        await Expect(s.Page.Locator("#preferences input[name='Input.Muted'][value='reportDueSoon']")).ToBeCheckedAsync();
        await s.ShotAsync("preferences");
    }

    [Fact]
    public async Task AnAdmin_SeesDeliveryFailures_AndOthersAreTurnedAway()
    {
        await using var admin = await site.OpenAsync();
        var page = await admin.GoAsync("/notifications/failures");
        await Expect(admin.Page.Locator("h1")).ToHaveTextAsync("发送失败");
        await Expect(admin.Page.Locator("#no-failures")).ToBeVisibleAsync();

        await using var reporter = await site.OpenAsync(user: "reporter");
        var refused = await reporter.GoAsync("/notifications/failures");

        page!.Status.ShouldBe(200);
        refused!.Status.ShouldBe(403);
    }
}
