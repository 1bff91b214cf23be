using System.Net;
using System.Text.Json.Nodes;
using Luoshi.Domain.Identity;
using Luoshi.Web.Tests.Infrastructure;

namespace Luoshi.Web.Tests.Api;

/// <summary>
/// The supervision contract through the API on both providers. Parties: the province's office (a Supervisor
/// over 330000), 甲市 330100's reporter (the lead unit's people), 甲市's own inspector (a Supervisor bound
/// to 330100, hence of the lead unit), and an Admin.
/// </summary>
public sealed class SupervisionApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DraftToClosed_ByTheRightParties_WithTheHistoryOldestFirst(Db db)
    {
        var (app, office, lead, _) = await Parties(db);

        var created = await Post(office, "/api/supervision/items", new { title = "重点项目开工滞后", leadOrg = "330100", deadline = "2026-12-31", supportingOrgs = new[] { "330102" }, priority = "high" }, HttpStatusCode.Created);
        int id = created["id"]!.GetValue<int>();
        var assigned = await Post(office, $"/api/supervision/items/{id}/assign", new { comment = "请年底前整改到位" });
        await Post(lead, $"/api/supervision/items/{id}/accept", new { comment = "已签收" });
        await Post(lead, $"/api/supervision/items/{id}/start", new { comment = "开始办理" });
        var submitted = await Post(lead, $"/api/supervision/items/{id}/submit", new { comment = "已完成整改", evidence = "整改报告 ZG-031" });
        var verified = await Post(office, $"/api/supervision/items/{id}/verify", new { comment = "现场核查属实", evidence = new[] { "核查记录 HC-118", "照片 P-7" } });
        var item = await Get(app.Client, $"/api/supervision/items/{id}");

        created["state"]!.GetValue<string>().ShouldBe("draft");
        created["leadOrg"]!.GetValue<string>().ShouldBe("330100");
        created["supervisingOrg"]!.GetValue<string>().ShouldBe("330000");
        assigned["state"]!.GetValue<string>().ShouldBe("assigned");
        submitted["state"]!.GetValue<string>().ShouldBe("submitted");
        verified["state"]!.GetValue<string>().ShouldBe("closed");
        item["state"]!.GetValue<string>().ShouldBe("closed");
        item["escalationLevel"]!.GetValue<int>().ShouldBe(0);
        var history = item["history"]!.AsArray();
        history.Select(h => h!["action"]!.GetValue<string>()).ShouldBe(["create", "assign", "accept", "start", "submit", "verify"]);
        history.Select(h => h!["actor"]!.GetValue<string>()).ShouldBe(["sup-office", "sup-office", "sup-lead", "sup-lead", "sup-lead", "sup-office"]);
        history.ShouldAllBe(h => h!["onBehalfOf"] == null);
        history.Select(h => h!["to"]!.GetValue<string>()).ShouldBe(["draft", "assigned", "accepted", "inProgress", "submitted", "closed"]);
        history[5]!["from"]!.GetValue<string>().ShouldBe("submitted");
        history[5]!["comment"]!.GetValue<string>().ShouldBe("现场核查属实");
        history[5]!["evidence"]!.AsArray().Select(e => e!.GetValue<string>()).ShouldBe(["核查记录 HC-118", "照片 P-7"]);
        history[4]!["evidence"]!.AsArray().Single()!.GetValue<string>().ShouldBe("整改报告 ZG-031");
        history.Select(h => h!["at"]!.GetValue<DateTimeOffset>()).ShouldBeInOrder();
        item["evidence"]!.AsArray().Count.ShouldBe(3);
        item["closedAt"].ShouldNotBeNull();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TransitionsTheStateDoesNotAllow_Are409(Db db)
    {
        var (_, office, lead, _) = await Parties(db);
        int id = await Draft(office);

        var acceptDraft = await lead.PostJson($"/api/supervision/items/{id}/accept", new { comment = "签收" });
        var approveNothing = await office.PostJson($"/api/supervision/items/{id}/approve-extension", new { comment = "同意" });
        var verifyDraft = await office.PostJson($"/api/supervision/items/{id}/verify", new { comment = "核验", evidence = "记录" });
        await Post(office, $"/api/supervision/items/{id}/assign", new { comment = "交办" });
        var assignTwice = await office.PostJson($"/api/supervision/items/{id}/assign", new { comment = "再交办" });
        var submitUnaccepted = await lead.PostJson($"/api/supervision/items/{id}/submit", new { comment = "报结" });

        await acceptDraft.ShouldBeProblem(HttpStatusCode.Conflict, "state");
        await approveNothing.ShouldBeProblem(HttpStatusCode.Conflict, "state");
        await verifyDraft.ShouldBeProblem(HttpStatusCode.Conflict, "state");
        await assignTwice.ShouldBeProblem(HttpStatusCode.Conflict, "state");
        await submitUnaccepted.ShouldBeProblem(HttpStatusCode.Conflict, "state");
        (await Get(office, $"/api/supervision/items/{id}"))["history"]!.AsArray().Count.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task NoOneFromTheLeadUnit_VerifiesItsOwnItem_NotEvenItsOwnInspector(Db db)
    {
        var (_, office, lead, cityInspector) = await Parties(db);
        int id = await Submitted(office, lead);

        var byLead = await lead.PostJson($"/api/supervision/items/{id}/verify", new { comment = "自查合格", evidence = "自查报告" });
        var byInspector = await cityInspector.PostJson($"/api/supervision/items/{id}/verify", new { comment = "核验", evidence = "记录" });
        var returnedByInspector = await cityInspector.PostJson($"/api/supervision/items/{id}/return", new { comment = "退回" });
        var byOffice = await Post(office, $"/api/supervision/items/{id}/verify", new { comment = "核验", evidence = "记录" });

        await byLead.ShouldBeProblem(HttpStatusCode.Forbidden);
        (await byInspector.ShouldBeProblem(HttpStatusCode.Forbidden))["detail"]!.GetValue<string>().ShouldContain("牵头单位");
        await returnedByInspector.ShouldBeProblem(HttpStatusCode.Forbidden);
        byOffice["state"]!.GetValue<string>().ShouldBe("closed");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Verify_WithoutEvidence_Is400NamingEvidence_AndTheItemWaits(Db db)
    {
        var (_, office, lead, _) = await Parties(db);
        int id = await Submitted(office, lead);

        var none = await office.PostJson($"/api/supervision/items/{id}/verify", new { comment = "核验" });
        var empty = await office.PostJson($"/api/supervision/items/{id}/verify", new { comment = "核验", evidence = Array.Empty<string>() });
        var noBody = await office.PostAsync($"/api/supervision/items/{id}/verify", null);
        var wrongShape = await office.PostRaw($"/api/supervision/items/{id}/verify", """{"comment":"核验","evidence":42}""");

        await none.ShouldBeProblem(HttpStatusCode.BadRequest, "evidence");
        await empty.ShouldBeProblem(HttpStatusCode.BadRequest, "evidence");
        await noBody.ShouldBeProblem(HttpStatusCode.BadRequest, "evidence");
        await wrongShape.ShouldBeProblem(HttpStatusCode.BadRequest, "evidence");
        (await Get(office, $"/api/supervision/items/{id}"))["state"]!.GetValue<string>().ShouldBe("submitted");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnAdmin_ActsForEitherParty_AndIsRecordedAsActingOnTheirBehalf(Db db)
    {
        var (app, office, lead, _) = await Parties(db);
        int id = await Draft(office);

        foreach (var (verb, body) in new (string, object)[] { ("assign", new { comment = "交办" }), ("accept", new { comment = "代签收" }), ("submit", new { comment = "代报结", evidence = "报告" }), ("verify", new { comment = "核验", evidence = "记录" }) })
        {
            await Post(app.Client, $"/api/supervision/items/{id}/{verb}", body);
        }

        var history = (await Get(lead, $"/api/supervision/items/{id}"))["history"]!.AsArray();
        history.Select(h => (h!["action"]!.GetValue<string>(), h["actor"]!.GetValue<string>(), h["onBehalfOf"]?.GetValue<string>(), h["party"]!.GetValue<string>())).ShouldBe(
        [
            ("create", "sup-office", null, "supervisor"),
            ("assign", TestApp.AdminName, "330000", "supervisor"),
            ("accept", TestApp.AdminName, "330100", "lead"),
            ("submit", TestApp.AdminName, "330100", "lead"),
            ("verify", TestApp.AdminName, "330000", "supervisor"),
        ]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Extensions_AreRequestedByTheLeadUnit_AndDecidedByTheOffice(Db db)
    {
        var (_, office, lead, _) = await Parties(db);
        int id = await Draft(office, deadline: "2026-10-31");
        await Post(office, $"/api/supervision/items/{id}/assign", new { comment = "交办" });
        await Post(lead, $"/api/supervision/items/{id}/accept", new { comment = "签收" });

        var noDate = await lead.PostJson($"/api/supervision/items/{id}/request-extension", new { comment = "征地未完成" });
        var requested = await Post(lead, $"/api/supervision/items/{id}/request-extension", new { comment = "征地未完成", deadline = "2026-12-31" });
        var byLead = await lead.PostJson($"/api/supervision/items/{id}/approve-extension", new { comment = "自批" });
        var approved = await Post(office, $"/api/supervision/items/{id}/approve-extension", new { comment = "同意延至11月底", deadline = "2026-11-30" });
        await Post(lead, $"/api/supervision/items/{id}/request-extension", new { comment = "再延一个月", deadline = "2026-12-31" });
        var rejected = await Post(office, $"/api/supervision/items/{id}/reject-extension", new { comment = "不再延期" });

        await noDate.ShouldBeProblem(HttpStatusCode.BadRequest, "deadline");
        requested["state"]!.GetValue<string>().ShouldBe("extensionRequested");
        requested["requestedDeadline"]!.GetValue<string>().ShouldBe("2026-12-31");
        await byLead.ShouldBeProblem(HttpStatusCode.Forbidden);
        approved["state"]!.GetValue<string>().ShouldBe("accepted");
        approved["deadline"]!.GetValue<string>().ShouldBe("2026-11-30");
        approved["originalDeadline"]!.GetValue<string>().ShouldBe("2026-10-31");
        rejected["state"]!.GetValue<string>().ShouldBe("accepted");
        rejected["deadline"]!.GetValue<string>().ShouldBe("2026-11-30");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task BadRequests_AreProblemsNamingTheField(Db db)
    {
        var (app, office, lead, _) = await Parties(db);

        var missing = await office.PostJson("/api/supervision/items", new { description = "无标题" });
        var unknownUnit = await office.PostJson("/api/supervision/items", new { title = "x", leadOrg = "999999", deadline = "2026-12-31" });
        var badDate = await office.PostRaw("/api/supervision/items", """{"title":"x","leadOrg":"330100","deadline":"2026-02-30"}""");
        var ownUnit = await lead.PostJson("/api/supervision/items", new { title = "x", leadOrg = "330100", deadline = "2026-12-31" });
        var supervisedFromBelow = await office.PostJson("/api/supervision/items", new { title = "x", leadOrg = "330100", deadline = "2026-12-31", supervisingOrg = "330102" });
        var provinceItem = await Post(app.Client, "/api/supervision/items", new { title = "省级事项", leadOrg = "330000", deadline = "2026-12-31" }, HttpStatusCode.Created);
        int id = await Draft(office);
        var stale = await office.PostJson($"/api/supervision/items/{id}/assign", new { comment = "交办", version = 99 });

        var problem = await missing.ShouldBeProblem(HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["title", "deadline", "leadOrg"], ignoreOrder: true);
        await unknownUnit.ShouldBeProblem(HttpStatusCode.BadRequest, "leadOrg");
        await badDate.ShouldBeProblem(HttpStatusCode.BadRequest, "deadline");
        await ownUnit.ShouldBeProblem(HttpStatusCode.Forbidden);
        await supervisedFromBelow.ShouldBeProblem(HttpStatusCode.BadRequest, "supervisingOrg");
        provinceItem["supervisingOrg"]!.GetValue<string>().ShouldBe("330000");
        await stale.ShouldBeProblem(HttpStatusCode.Conflict, "version");
        await (await office.GetAsync("/api/supervision/items/987654")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await app.Anonymous.GetAsync($"/api/supervision/items/{id}")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        await (await office.GetAsync("/api/supervision/items?org=330000&state=lost")).ShouldBeProblem(HttpStatusCode.BadRequest, "state");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ListsBoardOverdueMetricsAndInbox_ShowTheLoop(Db db)
    {
        var (_, office, lead, _) = await Parties(db);
        int late = await Draft(office, leadOrg: "330103", deadline: "2026-03-31");
        await Post(office, $"/api/supervision/items/{late}/assign", new { comment = "交办" });

        var list = (await Get(office, "/api/supervision/items?org=330103")).AsArray();
        var board = await Get(office, "/api/supervision/board?org=330100");
        var overdue = await Get(lead, "/api/supervision/overdue?org=330100&asOf=2026-04-10");
        var metrics = await Get(office, "/api/supervision/metrics?org=330103&asOf=2026-04-10");
        var inbox = await Get(lead, "/api/notifications?org=330103&unread=true");
        long first = inbox["items"]![0]!["id"]!.GetValue<long>();
        var read = await Post(lead, $"/api/notifications/{first}/read", new { });

        list.Select(i => i!["id"]!.GetValue<int>()).ShouldContain(late);
        board["columns"]!.AsArray().Single(c => c!["state"]!.GetValue<string>() == "assigned")!["count"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);
        var row = overdue["items"]!.AsArray().Single(i => i!["id"]!.GetValue<int>() == late)!;
        row["daysOverdue"]!.GetValue<int>().ShouldBe(10);
        metrics["units"]!.AsArray().Single(u => u!["org"]!.GetValue<string>() == "330103")!["overdue"]!.GetValue<int>().ShouldBe(1);
        inbox["items"]!.AsArray().ShouldContain(n => n!["kind"]!.GetValue<string>() == "assigned" && n["supervisionItem"]!.GetValue<int>() == late);
        read["readBy"]!.GetValue<string>().ShouldBe("sup-lead");
        await (await lead.GetAsync("/api/supervision/board?org=330200")).ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    private async Task<(TestApp App, HttpClient Office, HttpClient Lead, HttpClient CityInspector)> Parties(Db db)
    {
        var app = await fixture.For(db);
        return (app,
            await app.ClientFor("sup-office", Role.Supervisor, "330000"),
            await app.ClientFor("sup-lead", Role.Reporter, "330100"),
            await app.ClientFor("sup-city-inspector", Role.Supervisor, "330100"));
    }

    private static async Task<int> Draft(HttpClient office, string leadOrg = "330100", string deadline = "2026-12-31") =>
        (await Post(office, "/api/supervision/items", new { title = "督办事项", leadOrg, deadline }, HttpStatusCode.Created))["id"]!.GetValue<int>();

    private static async Task<int> Submitted(HttpClient office, HttpClient lead)
    {
        int id = await Draft(office);
        await Post(office, $"/api/supervision/items/{id}/assign", new { comment = "交办" });
        await Post(lead, $"/api/supervision/items/{id}/accept", new { comment = "签收" });
        await Post(lead, $"/api/supervision/items/{id}/submit", new { comment = "报结", evidence = "报告" });
        return id;
    }

    private static async Task<JsonNode> Post(HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostJson(url, body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonNode.Parse(text)!;
    }

    private static async Task<JsonNode> Get(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!;
    }
}
