using System.Net;
using System.Text.Json.Nodes;
using Luoshi.Application.Organization;
using Luoshi.Domain.Organization;
using Luoshi.Web.Tests.Infrastructure;

namespace Luoshi.Web.Tests.Api;

public sealed class OrgUnitsApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task List_ByKindCity_ReturnsOnlyCitiesWithCodes(Db db)
    {
        var app = await fixture.For(db);

        var json = JsonNode.Parse(await app.Client.GetStringAsync("/api/org-units?kind=City"))!.AsArray();

        // Other tests of this class add cities of their own; the seeded ones must be there, and only cities.
        json.Select(n => n!["code"]!.GetValue<string>()).ShouldContain("330100");
        json.Select(n => n!["code"]!.GetValue<string>()).ShouldContain("330200");
        json.ShouldAllBe(n => n!["kind"]!.GetValue<string>() == "city");
        json.First(n => n!["code"]!.GetValue<string>() == "330100")!["parent"]!.GetValue<string>().ShouldBe("330000");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task List_UnknownKind_Is400NamingKind(Db db)
    {
        var app = await fixture.For(db);

        var response = await app.Client.GetAsync("/api/org-units?kind=Planet");

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "kind");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task List_Under_ReturnsTheSubtree(Db db)
    {
        var app = await fixture.For(db);

        await app.Client.PostJson("/api/org-units", new { code = "330700", name = "戊市", kind = "city", parent = "330000" });
        await app.Client.PostJson("/api/org-units", new { code = "330701", name = "戊一区", kind = "county", parent = "330700" });
        await app.Client.PostJson("/api/org-units", new { code = "WJW_330700", name = "戊市卫健委", kind = "department", parent = "330700" });

        var units = await (await app.Client.GetAsync("/api/org-units?under=330700")).ShouldBeOk<List<OrgUnitView>>();

        units.Select(u => u.Code).ShouldBe(["330700", "330701", "WJW_330700"], ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Get_Unknown_Is404Problem(Db db)
    {
        var app = await fixture.For(db);

        await (await app.Client.GetAsync("/api/org-units/999999")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_County_UnderCity_IsCreatedWithPath(Db db)
    {
        var app = await fixture.For(db);

        var created = await (await app.Client.PostJson("/api/org-units", new { code = "330104", name = "甲三县", kind = "county", parent = "330100" }))
            .ShouldBeOk<OrgUnitView>(HttpStatusCode.Created);

        created.Path.ShouldBe("/330000/330100/330104/");
        created.Kind.ShouldBe(OrgUnitKind.County);
        created.Version.ShouldBe(1);
        (await app.Client.GetAsync("/api/org-units/330104")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_CountyUnderProvince_Is400NamingParent(Db db)
    {
        var app = await fixture.For(db);

        var response = await app.Client.PostJson("/api/org-units", new { code = "330999", name = "错位县", kind = "county", parent = "330000" });

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "parent");
        (await app.Client.GetAsync("/api/org-units/330999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_DuplicateCode_Is409(Db db)
    {
        var app = await fixture.For(db);

        var response = await app.Client.PostJson("/api/org-units", new { code = "330100", name = "重复", kind = "city", parent = "330000" });

        await response.ShouldBeProblem(HttpStatusCode.Conflict, "code");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_HostileInputs_AreRefusedNamingTheField(Db db)
    {
        var app = await fixture.For(db);
        (string Json, string Field)[] cases =
        [
            ("""{"code":"","name":"x","kind":"city","parent":"330000"}""", "code"),
            ("""{"code":"a b","name":"x","kind":"city","parent":"330000"}""", "code"),
            ("""{"code":"330401","name":"","kind":"city","parent":"330000"}""", "name"),
            ("""{"code":"330402","name":"x","kind":"galaxy","parent":"330000"}""", "kind"),
            ("""{"code":"330403","name":"x","kind":3,"parent":"330000"}""", "kind"),
            ("""{"code":"330404","name":"x","kind":"city","parent":"nope"}""", "parent"),
            ("""{"code":"330405","name":"x"}""", "kind"),
            ("""{"code":"330406","name":"x\u0000y","kind":"city","parent":"330000"}""", "name"),
            ("""{"code":12,"name":"x","kind":"city"}""", "code"),
        ];
        foreach (var (json, field) in cases)
        {
            await (await app.Client.PostRaw("/api/org-units", json)).ShouldBeProblem(HttpStatusCode.BadRequest, field);
        }

        var longName = new string('名', 500);
        await (await app.Client.PostJson("/api/org-units", new { code = "330407", name = longName, kind = "city", parent = "330000" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "name");
        await (await app.Client.PostRaw("/api/org-units", "{not json")).ShouldBeProblem(HttpStatusCode.BadRequest);
        await (await app.Client.PostRaw("/api/org-units", "")).ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Update_WithCurrentVersion_Renames_AndStaleVersionIs409(Db db)
    {
        var app = await fixture.For(db);
        var unit = await (await app.Client.PostJson("/api/org-units", new { code = "330500", name = "丙市", kind = "city", parent = "330000" }))
            .ShouldBeOk<OrgUnitView>(HttpStatusCode.Created);

        var renamed = await (await app.Client.PutJson("/api/org-units/330500", new { name = "丙新市", parent = "330000", version = unit.Version }))
            .ShouldBeOk<OrgUnitView>();
        var stale = await app.Client.PutJson("/api/org-units/330500", new { name = "丙旧市", parent = "330000", version = unit.Version });

        renamed.Name.ShouldBe("丙新市");
        renamed.Version.ShouldBeGreaterThan(unit.Version);
        await stale.ShouldBeProblem(HttpStatusCode.Conflict, "version");
        (await (await app.Client.GetAsync("/api/org-units/330500")).ShouldBeOk<OrgUnitView>()).Name.ShouldBe("丙新市");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Update_MovingACity_RewritesDescendantPaths(Db db)
    {
        var app = await fixture.For(db);
        await app.Client.PostJson("/api/org-units", new { code = "340000", name = "邻省", kind = "province" });
        var city = await (await app.Client.PostJson("/api/org-units", new { code = "330600", name = "丁市", kind = "city", parent = "330000" })).ShouldBeOk<OrgUnitView>(HttpStatusCode.Created);
        await app.Client.PostJson("/api/org-units", new { code = "330601", name = "丁一区", kind = "county", parent = "330600" });

        await (await app.Client.PutJson("/api/org-units/330600", new { name = "丁市", parent = "340000", version = city.Version })).ShouldBeOk<OrgUnitView>();

        var county = await (await app.Client.GetAsync("/api/org-units/330601")).ShouldBeOk<OrgUnitView>();
        county.Path.ShouldBe("/340000/330600/330601/");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Update_WithoutVersion_Is400(Db db)
    {
        var app = await fixture.For(db);

        await (await app.Client.PutJson("/api/org-units/330200", new { name = "乙市" })).ShouldBeProblem(HttpStatusCode.BadRequest, "version");
    }
}
