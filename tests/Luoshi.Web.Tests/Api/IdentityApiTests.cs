using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Luoshi.Application.Data;
using Luoshi.Application.Identity;
using Luoshi.Domain.Identity;
using Luoshi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Web.Tests.Api;

public sealed class IdentityApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Password = "Correct-horse-42";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SignIn_SetsAStrictHttpOnlyCookie_ThatAuthenticatesTheNextRequests(Db db)
    {
        var app = await fixture.For(db);
        await AddUser(app, "alice", Role.Reporter, "330100");
        var client = app.CookieClient();

        var signIn = await client.PostAsJsonAsync("/api/auth/sign-in", new { name = "Alice", password = Password });
        var me = JsonNode.Parse(await client.GetStringAsync("/api/auth/me"))!;

        signIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("luoshi=", StringComparison.Ordinal));
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=strict", Case.Insensitive);
        me["name"]!.GetValue<string>().ShouldBe("alice");
        var audit = JsonNode.Parse(await app.Client.GetStringAsync("/api/audit?entity=User&key=alice"))!.AsArray();
        audit.Single(a => a!["action"]!.GetValue<string>() == "sign-in")!["actor"]!.GetValue<string>().ShouldBe("alice", "a sign-in is recorded as made by the user signing in");
        (await client.PostAsync("/api/auth/sign-out", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task FiveWrongPasswords_LockTheAccount_EvenAgainstTheRightOne(Db db)
    {
        var app = await fixture.For(db);
        await AddUser(app, "bob", Role.Leader, null);

        for (int i = 1; i < User.MaxFailedSignIns; i++)
        {
            (await app.Anonymous.PostAsJsonAsync("/api/auth/sign-in", new { name = "bob", password = "wrong-password-" + i })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        var fifth = await app.Anonymous.PostAsJsonAsync("/api/auth/sign-in", new { name = "bob", password = "still-wrong-pw" });
        var right = await app.Anonymous.PostAsJsonAsync("/api/auth/sign-in", new { name = "bob", password = Password });

        await fifth.ShouldBeProblem(HttpStatusCode.Locked);
        await right.ShouldBeProblem(HttpStatusCode.Locked);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UnknownUserAndWrongPassword_GetTheSameAnswer(Db db)
    {
        var app = await fixture.For(db);
        await AddUser(app, "carol", Role.Leader, null);

        var unknown = await app.Anonymous.PostAsJsonAsync("/api/auth/sign-in", new { name = "nobody-here", password = Password });
        var wrong = await app.Anonymous.PostAsJsonAsync("/api/auth/sign-in", new { name = "carol", password = "not-her-password" });

        (await unknown.ShouldBeProblem(HttpStatusCode.Unauthorized))["detail"]!.GetValue<string>()
            .ShouldBe((await wrong.ShouldBeProblem(HttpStatusCode.Unauthorized))["detail"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RevokedToken_IsRefusedAtOnce(Db db)
    {
        var app = await fixture.For(db);
        var client = await app.ClientFor("dave", Role.Reporter, "330100");
        var own = await (await client.PostAsJsonAsync("/api/tokens", new { name = "script" })).ShouldBeOk<IssuedToken>();
        var script = app.App.GetTestClient();
        script.DefaultRequestHeaders.Authorization = new("Bearer", own.Token);
        (await script.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await client.DeleteAsync($"/api/tokens/{own.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await script.GetAsync("/api/auth/me")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        var listed = await (await client.GetAsync("/api/tokens")).ShouldBeOk<List<TokenView>>();
        listed.Single(t => t.Id == own.Id).RevokedAt.ShouldNotBeNull();
        listed.ShouldAllBe(t => !t.Hint.Contains(own.Token));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnonymousWrite_Is401_AndAReporterOutsideTheirCity_Is403(Db db)
    {
        var app = await fixture.For(db);
        var reporter = await app.ClientFor("erin", Role.Reporter, "330100");

        await (await app.Anonymous.PostAsJsonAsync("/api/readings", new { indicator = "FAI", org = "330102", period = "2026-03", value = 1 })).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await reporter.PostAsJsonAsync("/api/readings", new { indicator = "FAI", org = "330202", period = "2026-03", value = 1 })).ShouldBeProblem(HttpStatusCode.Forbidden);
        (await reporter.PostAsJsonAsync("/api/readings", new { indicator = "FAI", org = "330102", period = "2026-03", value = 1 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await app.Anonymous.GetAsync("/api/readings/history?indicator=FAI&org=330102&period=2026-03")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ThePublic_SeesApprovedValuesOnly(Db db)
    {
        var app = await fixture.For(db);
        await app.ImportCsvAsync(Application.Spreadsheets.ImportKind.Readings, "indicator,org,period,value\nUNEMP,330102,2026-04,4.9\n");
        await app.Client.PostAsJsonAsync("/api/readings", new { indicator = "UNEMP", org = "330103", period = "2026-04", value = 5.1 });

        var anonymous = await (await app.Anonymous.GetAsync("/api/readings?indicator=UNEMP&from=2026-04&to=2026-04")).ShouldBeOk<List<Application.Readings.ReadingView>>();
        var admin = await (await app.Client.GetAsync("/api/readings?indicator=UNEMP&from=2026-04&to=2026-04")).ShouldBeOk<List<Application.Readings.ReadingView>>();

        anonymous.Select(r => r.Org).ShouldBe(["330102"]);
        admin.Select(r => r.Org).ShouldBe(["330102", "330103"], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Audit_ListsAUsersChangesWithBeforeAndAfter_AndNeverAPasswordHash(Db db)
    {
        var app = await fixture.For(db);
        var planner = await app.ClientFor("frank", Role.Planner, null);
        await planner.PostAsJsonAsync("/api/targets", new { indicator = "GDP", org = "330100", year = "2027", value = 100, qualifier = "atLeast" });
        await planner.PostAsJsonAsync("/api/targets", new { indicator = "GDP", org = "330100", year = "2027", value = 120, qualifier = "atLeast" });

        var entries = JsonNode.Parse(await app.Client.GetStringAsync("/api/audit?user=frank"))!.AsArray();
        var all = await app.Client.GetStringAsync("/api/audit?limit=5000");

        var update = entries.First(e => e!["entity"]!.GetValue<string>() == "Target" && e["action"]!.GetValue<string>() == "update")!;
        JsonNode.Parse(update["before"]!.GetValue<string>())!["Value"]!.GetValue<decimal>().ShouldBe(100m);
        JsonNode.Parse(update["after"]!.GetValue<string>())!["Value"]!.GetValue<decimal>().ShouldBe(120m);
        entries.ShouldAllBe(e => e!["actor"]!.GetValue<string>() == "frank");
        all.ShouldNotContain("AQAAAA");
        all.ShouldContain("\\\"PasswordHash\\\":\\\"***\\\"");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Audit_ChainVerifies_AndATamperedEntryIsFound(Db db)
    {
        var app = await fixture.For(db);
        await app.Client.PostAsJsonAsync("/api/readings", new { indicator = "FAI", org = "330103", period = "2026-05", value = 7 });
        (await (await app.Client.GetAsync("/api/audit/verify")).ShouldBeOk<AuditVerification>()).Intact.ShouldBeTrue();

        long victim;
        await using (var scope = app.OperatorScope())
        {
            var dbc = scope.ServiceProvider.GetRequiredService<LuoshiDbContext>();
            victim = await dbc.AuditEntries.Where(a => a.Entity == "Reading").OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
            await dbc.Database.ExecuteSqlRawAsync("UPDATE audit_log SET \"After\" = {0} WHERE \"Id\" = {1}", "{\"Value\":7000}", victim);
        }

        var verdict = await (await app.Client.GetAsync("/api/audit/verify")).ShouldBeOk<AuditVerification>();
        verdict.Intact.ShouldBeFalse();
        verdict.BrokenAt.ShouldBe(victim);

        await using (var scope = app.OperatorScope())
        {
            // Put the fixture's chain back for the other tests of this class.
            var dbc = scope.ServiceProvider.GetRequiredService<LuoshiDbContext>();
            await dbc.Database.ExecuteSqlRawAsync("DELETE FROM audit_log WHERE \"Id\" >= {0}", victim);
        }
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders_AndErrorsNoStackTraces()
    {
        var app = await fixture.For(Db.Sqlite);

        var response = await app.Anonymous.GetAsync("/api/org-units");
        var error = await app.Client.PostAsync("/api/readings", new StringContent("{\"value\":", System.Text.Encoding.UTF8, "application/json"));

        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
        var body = await error.Content.ReadAsStringAsync();
        body.ShouldNotContain(" at Luoshi.");
        body.ShouldNotContain("StackTrace", Case.Insensitive);
    }

    [Fact]
    public async Task OversizeBody_IsRefusedWith413()
    {
        var app = await fixture.For(Db.Sqlite);

        var huge = new string('x', 21 * 1024 * 1024);
        var response = await app.Client.PostAsync("/api/readings", new StringContent($"{{\"comment\":\"{huge}\"}}", System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    private static async Task AddUser(TestApp app, string name, Role role, string? org)
    {
        await using var scope = app.OperatorScope();
        await scope.ServiceProvider.GetRequiredService<AddUser>().Handle(new AddUser.Request(name, role, org, Password), CancellationToken.None);
    }
}
