using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Luoshi.Domain.Identity;
using Luoshi.Web.Tests.Infrastructure;

namespace Luoshi.Web.Tests.Ui;

/// <summary>
/// The overview page is worked out and rendered once per data version and shared by its readers: a new figure
/// shows on the next visit, each reader still gets their own frame, and a reader without the whole province
/// still gets none of it.
/// </summary>
public sealed partial class DashboardAnswerTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheSharedPage_ShowsANewFigure_ToItsAuthorAtOnce_AndToOthersWithinTheLag_InEachReadersOwnFrame(Db db)
    {
        await using var app = await TestApp.StartAsync(db, demo: true);
        var leader = await app.ClientFor("zhou.min", Role.Leader, null);
        var reporter = await app.ClientFor("qian.li", Role.Reporter, "330100");

        var first = await Page(app.Client);
        var period = SelectedPeriod().Match(first).Groups[1].Value;
        var before = FaiCard().Match(first).Value;
        var again = await Page(app.Client);
        var leaders = await Page(leader);

        // The demo's figures are approved and locked; a new annual target is a change the card shows as plainly.
        var write = await app.Client.PostAsJsonAsync("/api/targets", new { indicator = "FAI", org = "330000", year = period[..4], value = 987654m, qualifier = "atLeast", reason = "调整" });
        write.StatusCode.ShouldBe(HttpStatusCode.OK, await write.Content.ReadAsStringAsync());
        var authors = await Page(app.Client);

        // Readers who did not write share what one version shows for up to Luoshi:ReaderLagMilliseconds (500 by default).
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var after = await Page(leader);
        while (!FaiCard().Match(after).Value.Contains("987,654", StringComparison.Ordinal) && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
            after = await Page(leader);
        }

        var reporters = await Page(reporter);

        period.ShouldMatch("^\\d{4}-\\d{2}$");
        Body(again).ShouldBe(Body(first), "a second visit at the same data version gets the same page");
        Body(leaders).ShouldBe(Body(first));
        Who(first).ShouldBe(TestApp.AdminName);
        Who(leaders).ShouldBe("zhou.min");
        before.ShouldContain("data-indicator=\"FAI\"");
        before.ShouldNotContain("987,654");
        FaiCard().Match(authors).Value.ShouldContain("987,654", customMessage: "the author of a change reads it at once");
        FaiCard().Match(after).Value.ShouldContain("987,654");
        Who(after).ShouldBe("zhou.min");
        reporters.ShouldNotContain("data-indicator=\"FAI\"");
        reporters.ShouldContain("class=\"empty\"");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AKeptFrame_IsEachReadersOwn_AndFollowsTheirGrants(Db db)
    {
        await using var app = await TestApp.StartAsync(db, demo: true);
        var planner = await app.ClientFor("wu.ping", Role.Planner, null);

        var admins = await Page(app.Client);
        var first = await Page(planner);
        var kept = await Page(planner);
        var english = await Page(planner, "/?culture=en");

        // A grant that shows in the frame (the audit log joins the navigation): the identity version moves.
        await app.ClientFor("wu.ping", Role.Leader, null);
        var granted = await Page(planner);

        kept.ShouldBe(first, "the second visit is written from the kept body and frame");
        Who(first).ShouldBe("wu.ping");
        Who(admins).ShouldBe(TestApp.AdminName);
        Body(admins).ShouldBe(Body(first), "the body is shared; only the frame is the reader's");
        first.ShouldNotContain("href=\"/audit\"");
        admins.ShouldContain("href=\"/audit\"");
        english.ShouldContain("<html lang=\"en\">");
        english.ShouldContain("value=\"/?culture=en\"", Case.Sensitive, "the language switch returns to the page as asked");
        granted.ShouldContain("href=\"/audit\"");
        Who(granted).ShouldBe("wu.ping");
    }

    private static async Task<string> Page(HttpClient client, string url = "/")
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        return html;
    }

    /// <summary>The page's own part, without the frame around it.</summary>
    private static string Body(string html)
    {
        var body = Dashboard().Match(html).Value;
        body.ShouldNotBeNullOrEmpty();
        return body;
    }

    private static string Who(string html) => WhoRegex().Match(html).Groups[1].Value;

    [GeneratedRegex("<div id=\"dashboard\">[\\s\\S]*</div>")]
    private static partial Regex Dashboard();

    [GeneratedRegex("<option value=\"(\\d{4}-\\d{2})\" selected=\"selected\"")]
    private static partial Regex SelectedPeriod();

    [GeneratedRegex("data-indicator=\"FAI\"[\\s\\S]*?</li>")]
    private static partial Regex FaiCard();

    [GeneratedRegex("<span class=\"who\">([^<]*)</span>")]
    private static partial Regex WhoRegex();
}
