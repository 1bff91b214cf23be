using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Luoshi.Domain.Identity;
using Luoshi.Web.Tests.Infrastructure;

namespace Luoshi.Web.Tests.Api;

public sealed class NotificationsApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task APerson_SetsTheirAddressAndDigest_AndABadAddressIsRefusedNamingTheField(Db db)
    {
        var app = await fixture.For(db);
        var client = await app.ClientFor("nina", Role.Reporter, "330102");

        var bad = await client.PutAsJsonAsync("/api/notifications/preferences", new { email = "nina at example", digest = true });
        var unknownKind = await client.PutAsJsonAsync("/api/notifications/preferences", new { email = "nina@example.org", mutedKinds = new[] { "everything" } });
        var good = await client.PutAsJsonAsync("/api/notifications/preferences", new { email = "nina@example.org", digest = false, mutedKinds = new[] { "reportDueSoon" } });
        var mine = JsonNode.Parse(await client.GetStringAsync("/api/notifications/mine"))!;

        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("\"email\"");
        unknownKind.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknownKind.Content.ReadAsStringAsync()).ShouldContain("mutedKinds");
        good.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        mine["email"]!.GetValue<string>().ShouldBe("nina@example.org");
        mine["digest"]!.GetValue<bool>().ShouldBeFalse();
        mine["mutedKinds"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["reportDueSoon"]);
        mine["emailEnabled"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AUserAddedWithAnEmail_ShowsIt_AndTheTestEmailNeedsAMailHost(Db db)
    {
        var app = await fixture.For(db);

        var added = await app.Client.PostAsJsonAsync("/api/users", new { name = "olga", role = "reviewer", org = "330100", email = "olga@example.org" });
        var test = await app.Client.PostAsJsonAsync("/api/notifications/test", new { to = "olga@example.org" });
        var failures = await app.Client.GetAsync("/api/notifications/failures");

        added.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonNode.Parse(await added.Content.ReadAsStringAsync())!["email"]!.GetValue<string>().ShouldBe("olga@example.org");
        test.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await test.Content.ReadAsStringAsync()).ShouldContain("Luoshi:Notifications:Email:Host");
        failures.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
