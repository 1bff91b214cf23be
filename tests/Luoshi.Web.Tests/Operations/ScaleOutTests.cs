using System.Net;
using System.Text.Json.Nodes;
using Luoshi.Application.Identity;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Identity;
using Luoshi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Web.Tests.Operations;

/// <summary>Two servers over one database, as behind a proxy: no state that lives in only one of them.</summary>
public sealed class ScaleOutTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ASignInOnOneServer_IsValidOnTheOther(Db db)
    {
        await using var a = await TestApp.StartAsync(db);
        await using var b = await TestApp.StartBesideAsync(a);
        await using (var scope = a.OperatorScope())
        {
            await scope.ServiceProvider.GetRequiredService<AddUser>().Handle(new AddUser.Request("li.wei", Role.Leader, null, "A-long-passphrase-2026"), default);
        }

        var signIn = await a.Anonymous.PostJson("/api/auth/sign-in", new { name = "li.wei", password = "A-long-passphrase-2026" });
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("luoshi=", StringComparison.Ordinal)).Split(';')[0];

        using var onB = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        onB.Headers.Add("Cookie", cookie);
        var me = await b.App.GetTestClient().SendAsync(onB);

        me.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonNode.Parse(await me.Content.ReadAsStringAsync())!["name"]!.GetValue<string>().ShouldBe("li.wei");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AFormRenderedByOneServer_IsAcceptedByTheOther(Db db)
    {
        await using var a = await TestApp.StartAsync(db);
        await using var b = await TestApp.StartBesideAsync(a);
        await using (var scope = a.OperatorScope())
        {
            await scope.ServiceProvider.GetRequiredService<AddUser>().Handle(new AddUser.Request("wang.fang", Role.Admin, null, "A-long-passphrase-2026"), default);
        }

        // The sign-in page's antiforgery token and cookie come from A; the form is posted to B.
        var page = await a.Anonymous.GetAsync("/sign-in");
        var html = await page.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        token.ShouldNotBeNullOrEmpty();
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];

        using var post = new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "wang.fang", ["Password"] = "A-long-passphrase-2026", ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", antiforgery);
        var response = await b.App.GetTestClient().SendAsync(post);

        // Accepted: a redirect with the session cookie, not 400 (antiforgery refused) and not the form again.
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("luoshi=", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AWriteThroughOneServer_ShowsInTheOthersEvaluation(Db db)
    {
        await using var a = await TestApp.StartAsync(db);
        await using var b = await TestApp.StartBesideAsync(a);
        await a.ImportCsvAsync(ImportKind.Orgs, AppFixture.OrgsCsv);
        await a.ImportCsvAsync(ImportKind.Indicators, AppFixture.IndicatorsCsv);
        var before = await Value(b);

        var write = await a.Client.PostJson("/api/readings", new { indicator = "FAI", org = "330102", period = "2026-01", value = 25m, comment = "初报" });
        write.StatusCode.ShouldBe(HttpStatusCode.OK, await write.Content.ReadAsStringAsync());
        var after = await Value(b);

        (before, after).ShouldBe(((decimal?)null, (decimal?)25m));
    }

    [PostgresFact]
    public async Task PostgresGoingAway_Gives503_AndTheServerRecoversByItself()
    {
        var server = new Npgsql.NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer);
        await using var forwarder = new TcpForwarder(server.Host!, server.Port);
        await using var app = await TestApp.StartThroughAsync(cs => new Npgsql.NpgsqlConnectionStringBuilder(cs) { Host = "127.0.0.1", Port = forwarder.Port }.ToString());
        await app.ImportCsvAsync(ImportKind.Orgs, AppFixture.OrgsCsv);
        (await app.Client.GetAsync("/api/org-units")).StatusCode.ShouldBe(HttpStatusCode.OK);

        forwarder.Cut();
        var during = await app.Client.GetAsync("/api/org-units");
        var write = await app.Client.PostJson("/api/readings", new { indicator = "FAI", org = "330102", period = "2026-01", value = 1m });
        var ready = await app.Anonymous.GetAsync("/health/ready");
        var live = await app.Anonymous.GetAsync("/health/live");
        forwarder.Restore();
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 20 && statuses.LastOrDefault() != HttpStatusCode.OK; i++)
        {
            statuses.Add((await app.Client.GetAsync("/api/org-units")).StatusCode);
        }

        await during.ShouldBeProblem(HttpStatusCode.ServiceUnavailable);
        during.Headers.RetryAfter.ShouldNotBeNull();
        write.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        statuses[^1].ShouldBe(HttpStatusCode.OK);
        statuses.ShouldAllBe(s => s == HttpStatusCode.OK || s == HttpStatusCode.ServiceUnavailable);
    }

    private static async Task<decimal?> Value(TestApp app)
    {
        var json = JsonNode.Parse(await (await app.Client.GetAsync("/api/evaluation?period=2026-01&indicator=FAI&org=330102&depth=0")).Content.ReadAsStringAsync())!;
        var row = json["rows"]!.AsArray().SingleOrDefault(r => r!["org"]!.GetValue<string>() == "330102");
        return row?["actual"]?.GetValue<decimal>();
    }
}
