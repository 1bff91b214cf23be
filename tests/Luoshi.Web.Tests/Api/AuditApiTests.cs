using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Luoshi.Web.Tests.Infrastructure;

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
        var today = DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var tomorrow = DateOnly.FromDateTime(DateTime.Now).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var yesterday = DateOnly.FromDateTime(DateTime.Now).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

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

    private static async Task<List<JsonNode>> Entries(TestApp app, string url)
    {
        var response = await app.Client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return [.. JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Select(n => n!)];
    }
}
