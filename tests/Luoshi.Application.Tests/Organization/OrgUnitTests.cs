using Luoshi.Application.Common;
using Luoshi.Application.Organization;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Organization;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Application.Tests.Organization;

/// <summary>The org-unit tree as its use cases keep it: no cycles, unique codes, paths that follow a move.</summary>
public sealed class OrgUnitTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_WithADuplicateCode_IsAConflictOnTheCode(Db db)
    {
        await using var host = await Tree(db);

        var e = await Should.ThrowAsync<ConflictException>(() => Create(host, "330100", "又一个甲市", OrgUnitKind.City, "330000"));

        e.Field.ShouldBe("code");
        e.Message.ShouldContain("330100");
        (await List(host, new())).Count(u => u.Code == "330100").ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_UnderAnUnknownParent_IsRefused_NamingTheParent(Db db)
    {
        await using var host = await Tree(db);

        var e = await Should.ThrowAsync<InputRefusedException>(() => Create(host, "339900", "无主市", OrgUnitKind.City, "999999"));

        e.Errors.ShouldHaveSingleItem().Field.ShouldBe("parent");
        e.Errors[0].Message.Bilingual.ShouldContain("999999");
        (await List(host, new())).ShouldNotContain(u => u.Code == "339900");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_WithoutAKind_IsRefused_NamingTheKind(Db db)
    {
        await using var host = await Tree(db);

        var e = await Should.ThrowAsync<InputRefusedException>(() =>
            host.Run<CreateOrgUnit, OrgUnitView>(c => c.Handle(new("339900", "无类型", null, "330000"), default)));

        e.Errors.ShouldHaveSingleItem().Field.ShouldBe("kind");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_UnderAParentOfTheWrongKind_IsRefused_NamingTheParent(Db db)
    {
        await using var host = await Tree(db);

        // A county belongs to a city, not straight to the province.
        var e = await Should.ThrowAsync<DomainException>(() => Create(host, "339901", "飞地县", OrgUnitKind.County, "330000"));

        e.Field.ShouldBe("parent");
        (await List(host, new())).ShouldNotContain(u => u.Code == "339901");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_UnderAParent_GivesAPathFromTheRoot(Db db)
    {
        await using var host = await Tree(db);

        var dept = await Create(host, "330102.TJJ", "甲一区统计局", OrgUnitKind.Department, "330102");

        dept.Path.ShouldBe("/330000/330100/330102/330102.TJJ/");
        dept.Parent.ShouldBe("330102");
        dept.Version.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task MovingAUnitUnderItsOwnDescendant_IsRefused_AndNothingMoves(Db db)
    {
        await using var host = await Tree(db);
        var city = await Get(host, "330100");

        // A department under the city's county: moving the city's department under it is fine, but the city
        // itself cannot go under anything below it, whatever kind is asked for.
        var e = await Should.ThrowAsync<DomainException>(() => Update(host, "330100", new(null, OrgUnitKind.City, "330102", city.Version)));

        e.Field.ShouldBe("parent");
        e.Message.ShouldContain("descendants");
        var after = await Get(host, "330100");
        after.Path.ShouldBe("/330000/330100/");
        after.Version.ShouldBe(city.Version);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task MovingAUnitUnderItself_IsRefused(Db db)
    {
        await using var host = await Tree(db);
        var dept = await Get(host, "330100.FGW");

        var e = await Should.ThrowAsync<DomainException>(() => Update(host, "330100.FGW", new(null, null, "330100.FGW", dept.Version)));

        e.Field.ShouldBe("parent");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task MovingAUnit_RewritesThePathOfEveryDescendant_AndNoOtherPath(Db db)
    {
        await using var host = await Tree(db);
        var county = await Get(host, "330102");

        // 甲一区 becomes a district of 乙市, and its department comes with it.
        var moved = await Update(host, "330102", new(null, null, "330200", county.Version));

        moved.Parent.ShouldBe("330200");
        moved.Path.ShouldBe("/330000/330200/330102/");
        moved.Version.ShouldBe(county.Version + 1);
        (await Get(host, "330102.FGW")).Path.ShouldBe("/330000/330200/330102/330102.FGW/");
        (await Get(host, "330100.FGW")).Path.ShouldBe("/330000/330100/330100.FGW/", "a sibling's subtree stays where it was");
        (await List(host, new(Under: "330100"))).Select(u => u.Code).ShouldBe(["330100", "330100.FGW"]);
        (await List(host, new(Under: "330200"))).Select(u => u.Code).ShouldBe(["330200", "330102", "330102.FGW"]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Update_WithAStaleVersion_IsAConflict_AndKeepsTheOtherChange(Db db)
    {
        await using var host = await Tree(db);
        var read = await Get(host, "330100");
        await Update(host, "330100", new("甲市(新)", null, "330000", read.Version));

        var e = await Should.ThrowAsync<ConflictException>(() => Update(host, "330100", new("甲市(旧)", null, "330000", read.Version)));

        e.Field.ShouldBe("version");
        (await Get(host, "330100")).Name.ShouldBe("甲市(新)");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Update_WithoutAVersion_IsRefused_NamingTheVersion(Db db)
    {
        await using var host = await Tree(db);

        var e = await Should.ThrowAsync<InputRefusedException>(() => Update(host, "330100", new("甲市", null, "330000", null)));

        e.Errors.ShouldHaveSingleItem().Field.ShouldBe("version");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task List_FiltersByKindParentAndSubtree_InTreeOrder_ReferenceUnitsLast(Db db)
    {
        await using var host = await Tree(db);

        (await List(host, new())).Select(u => u.Code)
            .ShouldBe(["330000", "330100", "330100.FGW", "330102", "330102.FGW", "330200", "CN"]);
        (await List(host, new(Kind: OrgUnitKind.City))).Select(u => u.Code).ShouldBe(["330100", "330200"]);
        (await List(host, new(Parent: "330100"))).Select(u => u.Code).ShouldBe(["330100.FGW", "330102"]);
        (await List(host, new(Under: "330100"))).Select(u => u.Code).ShouldBe(["330100", "330100.FGW", "330102", "330102.FGW"]);
        (await List(host, new(Kind: OrgUnitKind.Department, Under: "330100"))).Select(u => u.Code).ShouldBe(["330100.FGW", "330102.FGW"]);
        await Should.ThrowAsync<NotFoundException>(() => List(host, new(Under: "999999")));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnAdminOfOneCity_ManagesUnitsInsideIt_ButNotElsewhere_NorAtTheRoot(Db db)
    {
        await using var host = await Tree(db);
        var cityAdmin = host.SecondServer("city-admin", s => s.AddSingleton<ICurrentActor>(new FixedActor("city-admin", new ActorGrant(Role.Admin, "/330000/330100/"))));
        await using var _ = cityAdmin;

        (await Create(cityAdmin, "330103", "甲三区", OrgUnitKind.County, "330100")).Path.ShouldBe("/330000/330100/330103/");
        await Should.ThrowAsync<ForbiddenException>(() => Create(cityAdmin, "330203", "乙三区", OrgUnitKind.County, "330200"));
        await Should.ThrowAsync<ForbiddenException>(() => Create(cityAdmin, "CN2", "全国(另)", OrgUnitKind.Reference, null));

        // Moving its county out to another city needs the permission over the destination too.
        var county = await Get(host, "330102");
        await Should.ThrowAsync<ForbiddenException>(() => Update(cityAdmin, "330102", new(null, null, "330200", county.Version)));
        (await Get(host, "330102")).Parent.ShouldBe("330100");
        (await List(host, new())).ShouldNotContain(u => u.Code == "330203" || u.Code == "CN2");
    }

    private static async Task<AppHost> Tree(Db db)
    {
        var host = await AppHost.StartAsync(db);
        await Create(host, "330000", "测试省", OrgUnitKind.Province, null);
        await Create(host, "330100", "甲市", OrgUnitKind.City, "330000");
        await Create(host, "330200", "乙市", OrgUnitKind.City, "330000");
        await Create(host, "330102", "甲一区", OrgUnitKind.County, "330100");
        await Create(host, "330100.FGW", "甲市发改委", OrgUnitKind.Department, "330100");
        await Create(host, "330102.FGW", "甲一区发改局", OrgUnitKind.Department, "330102");
        await Create(host, "CN", "全国", OrgUnitKind.Reference, null);
        return host;
    }

    private static Task<OrgUnitView> Create(AppHost host, string code, string name, OrgUnitKind kind, string? parent) =>
        host.Run<CreateOrgUnit, OrgUnitView>(c => c.Handle(new(code, name, kind, parent), default));

    private static Task<OrgUnitView> Update(AppHost host, string code, UpdateOrgUnit.Request request) =>
        host.Run<UpdateOrgUnit, OrgUnitView>(u => u.Handle(code, request, default));

    private static Task<OrgUnitView> Get(AppHost host, string code) =>
        host.Run<GetOrgUnit, OrgUnitView>(g => g.Handle(code, default));

    private static Task<IReadOnlyList<OrgUnitView>> List(AppHost host, ListOrgUnits.Query query) =>
        host.Run<ListOrgUnits, IReadOnlyList<OrgUnitView>>(l => l.Handle(query, default));
}
