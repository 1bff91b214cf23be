using System.Net;
using Luoshi.Web.Tests.Infrastructure;

namespace Luoshi.Web.Tests.Ui;

/// <summary>
/// Signing out goes through a page that asks first: the frame of every page links to it and carries no form,
/// so no page needs an antiforgery token for the header.
/// </summary>
public sealed class SignOutPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task TheFrame_LinksToTheSignOutPage_WhichAsksWithItsOwnToken()
    {
        var app = await fixture.For(Db.Sqlite);

        var page = await app.Client.GetStringAsync("/plans");
        var header = page[page.IndexOf("<header", StringComparison.Ordinal)..page.IndexOf("</header>", StringComparison.Ordinal)];
        var confirm = await app.Client.GetAsync("/sign-out");
        var confirmHtml = await confirm.Content.ReadAsStringAsync();
        var anonymous = await app.Anonymous.GetAsync("/sign-out");

        header.ShouldContain("href=\"/sign-out\"");
        header.ShouldNotContain("__RequestVerificationToken");
        page.ShouldNotContain("__RequestVerificationToken", Case.Sensitive, "a page without forms of its own carries no token");
        confirm.StatusCode.ShouldBe(HttpStatusCode.OK);
        confirmHtml.ShouldContain("__RequestVerificationToken");
        confirmHtml.ShouldContain("handler=SignOut");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect, "nobody to sign out: straight to the sign-in page");
        anonymous.Headers.Location!.OriginalString.ShouldBe("/sign-in");
    }
}
