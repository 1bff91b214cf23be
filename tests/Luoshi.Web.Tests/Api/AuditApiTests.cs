using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Luoshi.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Web.Tests.Api;

/// <summary><c>GET /api/audit</c>: filters, days in the server's time zone, and keyset paging with <c>before</c>.</summary>
public sealed class AuditApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Paging_WithBefore_WalksTheLogNewestFirst_WithoutGapsOrRepeats(Db db)
    {
        var app = await fixture.For(db);
        var prefix = "AP" + db.ToString()[0];
        for (var i = 1; i <= 5; i++)
        {
            (await app.Client.PostAsJsonAsync("/api/org-units", new { code = $"{prefix}{i}", name = $"审计分页{i}", kind = "county", parent = "330100" })).EnsureSuccessStatusCode();
        }

        var all = await Entries(app, $"/api/audit?entity=OrgUnit&limit=1000");
        var ids = new List<long>();
        long? before = null;
        for (var page = 0; page < 50; page++)
        {
            var entries = await Entries(app, $"/api/audit?entity=OrgUnit&limit=2{(before is { } b ? $"&before={b}" : "")}");
            if (entries.Count == 0)
            {
                break;
            }

            entries.Count.ShouldBeLessThanOrEqualTo(2);
            ids.AddRange(entries.Select(e => e["id"]!.GetValue<long>()));
            before = ids[^1];
        }

        ids.ShouldBe(all.Select(e => e["id"]!.GetValue<long>()).ToList());
        ids.ShouldBe(ids.OrderByDescending(i => i).ToList());
        ids.Count.ShouldBeGreaterThanOrEqualTo(5);
        all.Select(e => e["entity"]!.GetValue<string>()).ShouldAllBe(e => e == "OrgUnit");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DateRange_CountsWholeDaysInTheServersTimeZone(Db db)
    {
        var app = await fixture.For(db);
        var code = "AD" + db.ToString()[0];
        (await app.Client.PostAsJsonAsync("/api/org-units", new { code, name = "审计日期", kind = "county", parent = "330100" })).EnsureSuccessStatusCode();
        // "Today" is the server's calendar day (China's by default), not the test host's: they differ for eight hours a day on a UTC host.
        var day = app.App.Services.GetRequiredService<Luoshi.Application.Common.LocalCalendar>().Today;
        var today = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var tomorrow = day.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var yesterday = day.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        (await Entries(app, $"/api/audit?entity=OrgUnit&key={code}&from={today}&to={today}")).Count.ShouldBe(1);
        (await Entries(app, $"/api/audit?entity=OrgUnit&key={code}&from={yesterday}")).Count.ShouldBe(1);
        (await Entries(app, $"/api/audit?entity=OrgUnit&key={code}&from={tomorrow}")).ShouldBeEmpty();
        (await Entries(app, $"/api/audit?entity=OrgUnit&key={code}&to={yesterday}")).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task BadFilters_AreProblemsNamingTheField(Db db)
    {
        var app = await fixture.For(db);

        await (await app.Client.GetAsync("/api/audit?from=2026-13-01")).ShouldBeProblem(HttpStatusCode.BadRequest, "from");
        await (await app.Client.GetAsync("/api/audit?from=2026-06-02&to=2026-06-01")).ShouldBeProblem(HttpStatusCode.BadRequest, "to");
        await (await app.Client.GetAsync("/api/audit?before=0")).ShouldBeProblem(HttpStatusCode.BadRequest, "before");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ReadingAndTarget_AreFoundByTheirKey_IndicatorOrgPeriod_WithValueStateAndCommentBeforeAndAfter(Db db)
    {
        var app = await fixture.For(db);
        (await app.Client.PostJson("/api/readings", new { indicator = "FAI", org = "330202", period = "2025-03", value = 80m, comment = "初报" })).EnsureSuccessStatusCode();
        (await app.Client.PostJson("/api/readings", new { indicator = "FAI", org = "330202", period = "2025-03", value = 82.5m, comment = "更正", version = 1 })).EnsureSuccessStatusCode();
        (await app.Client.PostJson("/api/targets", new { indicator = "FAI", org = "330202", year = "2025", value = 900m, qualifier = "atLeast" })).EnsureSuccessStatusCode();

        var reading = await Entries(app, "/api/audit?key=FAI/330202/2025-03");
        reading.Select(e => e["action"]!.GetValue<string>()).ShouldBe(["update", "create"]);
        reading.ShouldAllBe(e => e["entity"]!.GetValue<string>() == "Reading" && e["actor"]!.GetValue<string>() == TestApp.AdminName);
        var before = JsonNode.Parse(reading[0]["before"]!.GetValue<string>())!;
        var after = JsonNode.Parse(reading[0]["after"]!.GetValue<string>())!;
        (before["Value"]!.GetValue<decimal>(), before["State"]!.GetValue<string>(), before["Comment"]!.GetValue<string>()).ShouldBe((80m, "Draft", "初报"));
        (after["Value"]!.GetValue<decimal>(), after["State"]!.GetValue<string>(), after["Comment"]!.GetValue<string>()).ShouldBe((82.5m, "Draft", "更正"));

        // Escaped or not, the key is matched exactly; a near key finds nothing.
        (await Entries(app, $"/api/audit?key={Uri.EscapeDataString("FAI/330202/2025-03")}")).Count.ShouldBe(2);
        (await Entries(app, "/api/audit?key=FAI/330202/2025-0")).ShouldBeEmpty();
        (await Entries(app, "/api/audit?entity=Target&key=FAI/330202/2025")).ShouldHaveSingleItem()["action"]!.GetValue<string>().ShouldBe("create");
        (await Entries(app, $"/api/audit?user={TestApp.AdminName}&entity=Reading&limit=1000")).ShouldContain(e => e["key"]!.GetValue<string>() == "FAI/330202/2025-03");
        var verified = JsonNode.Parse(await app.Client.GetStringAsync("/api/audit/verify"))!;
        verified["intact"]!.GetValue<bool>().ShouldBeTrue();
    }

    private static async Task<List<JsonNode>> Entries(TestApp app, string url)
    {
        var response = await app.Client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return [.. JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Select(n => n!)];
    }
}
