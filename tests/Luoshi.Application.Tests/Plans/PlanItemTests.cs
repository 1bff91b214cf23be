using Luoshi.Application.Common;
using Luoshi.Application.Organization;
using Luoshi.Application.Plans;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Application.Tests.Plans;

/// <summary>The plan tree as SavePlanItem keeps it: kinds in their places, no cycles, dates in order, units that exist.</summary>
public sealed class PlanItemTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnItemUnderAParentOfTheWrongKind_IsRefused_NamingTheParent(Db db)
    {
        await using var host = await Seeded(db);

        // A programme cannot sit under a task, nor a task stand at the root.
        (await Should.ThrowAsync<DomainException>(() => Create(host, new("P9", PlanItemKind.Programme, "错位工程", Parent: "T1")))).Field.ShouldBe("parent");
        (await Should.ThrowAsync<DomainException>(() => Create(host, new("T9", PlanItemKind.Task, "无主任务")))).Field.ShouldBe("parent");
        (await Should.ThrowAsync<DomainException>(() => Create(host, new("T8", PlanItemKind.Task, "节点下的任务", Parent: "M1")))).Field.ShouldBe("parent");
        (await List(host, new())).Select(p => p.Code).ShouldNotContain(c => c == "P9" || c == "T9" || c == "T8");

        // A task may break down into sub-tasks.
        (await Create(host, new("T1.1", PlanItemKind.Task, "子任务", Parent: "T1"))).Parent.ShouldBe("T1");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnUnknownParentOrUnit_IsRefused_NamingTheField(Db db)
    {
        await using var host = await Seeded(db);

        (await Should.ThrowAsync<InputRefusedException>(() => Create(host, new("T9", PlanItemKind.Task, "x", Parent: "NOPE")))).Errors.ShouldHaveSingleItem().Field.ShouldBe("parent");
        (await Should.ThrowAsync<InputRefusedException>(() => Create(host, new("T9", PlanItemKind.Task, "x", Parent: "P1", Lead: "999999")))).Errors.ShouldHaveSingleItem().Field.ShouldBe("lead");
        (await Should.ThrowAsync<InputRefusedException>(() => Create(host, new("T9", PlanItemKind.Task, "x", Parent: "P1", Supporting: ["330100", "999999"])))).Errors.ShouldHaveSingleItem().Field.ShouldBe("supporting");
        (await Should.ThrowAsync<InputRefusedException>(() => Create(host, new SavePlanItem.Request("T9", PlanItemKind.Task, "x", Parent: "P1") with { Kind = null }))).Errors.ShouldHaveSingleItem().Field.ShouldBe("kind");
        (await host.Query(d => d.PlanItems.AnyAsync(p => p.Code == "T9"))).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ADuplicateCode_IsAConflict(Db db)
    {
        await using var host = await Seeded(db);

        (await Should.ThrowAsync<ConflictException>(() => Create(host, new("T1", PlanItemKind.Task, "又一个", Parent: "P1")))).Field.ShouldBe("code");
        (await GetItem(host, "T1")).Title.ShouldBe("任务一");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DueBeforeStart_OrCompletionBeforeStart_IsRefused(Db db)
    {
        await using var host = await Seeded(db);

        (await Should.ThrowAsync<DomainException>(() => Create(host, new("T9", PlanItemKind.Task, "x", Parent: "P1", Start: new(2026, 5, 1), Due: new(2026, 4, 30))))).Field.ShouldBe("dueDate");
        (await Should.ThrowAsync<DomainException>(() => Create(host, new("T9", PlanItemKind.Task, "x", Parent: "P1", Start: new(2026, 5, 1), CompletedOn: new(2026, 4, 1))))).Field.ShouldBe("completedOn");
        (await host.Query(d => d.PlanItems.AnyAsync(p => p.Code == "T9"))).ShouldBeFalse();

        var sameDay = await Create(host, new("T9", PlanItemKind.Task, "x", Parent: "P1", Start: new(2026, 5, 1), Due: new(2026, 5, 1)));
        (sameDay.Start, sameDay.Due).ShouldBe((new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 1)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheLeadUnit_CannotAlsoSupport(Db db)
    {
        await using var host = await Seeded(db);

        (await Should.ThrowAsync<DomainException>(() => Create(host, new("T9", PlanItemKind.Task, "x", Parent: "P1", Lead: "330100", Supporting: ["330200", "330100"])))).Field.ShouldBe("supportingUnits");

        var ok = await Create(host, new("T9", PlanItemKind.Task, "x", Parent: "P1", Lead: "330100", Supporting: ["330200", "330000", "330200"]));
        ok.Lead.ShouldBe("330100");
        ok.Supporting.ShouldBe(["330000", "330200"]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task MovingAnItemUnderItsOwnChild_IsRefused_AndNothingMoves(Db db)
    {
        await using var host = await Seeded(db);
        await Create(host, new("T1.1", PlanItemKind.Task, "子任务", Parent: "T1"));
        var t1 = await GetItem(host, "T1");

        var e = await Should.ThrowAsync<DomainException>(() => Update(host, "T1", Resave(t1) with { Parent = "T1.1" }));

        e.Field.ShouldBe("parent");
        (await GetItem(host, "T1")).Parent.ShouldBe("P1");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task MovingAnItemUnderItsGrandchild_IsRefused_AndNothingMoves(Db db)
    {
        await using var host = await Seeded(db);
        await Create(host, new("T1.1", PlanItemKind.Task, "子任务", Parent: "T1"));
        await Create(host, new("T1.1.1", PlanItemKind.Task, "孙任务", Parent: "T1.1"));
        var t1 = await GetItem(host, "T1");

        var e = await Should.ThrowAsync<DomainException>(() => Update(host, "T1", Resave(t1) with { Parent = "T1.1.1" }));

        e.Field.ShouldBe("parent");
        (await GetItem(host, "T1")).Parent.ShouldBe("P1");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Update_MovesAnItem_AndBumpsItsVersionOnce_AndAStaleVersionIsAConflict(Db db)
    {
        await using var host = await Seeded(db);
        var read = await GetItem(host, "T1");

        var moved = await Update(host, "T1", Resave(read) with { Parent = "P2", Title = "任务一(调整)", Due = new(2026, 12, 31) });

        moved.Parent.ShouldBe("P2");
        moved.Version.ShouldBe(read.Version + 1);
        (await List(host, new(Parent: "P2"))).Select(p => p.Code).ShouldBe(["T1"]);
        var e = await Should.ThrowAsync<ConflictException>(() => Update(host, "T1", Resave(read) with { Title = "旧标题" }));
        e.Field.ShouldBe("version");
        (await GetItem(host, "T1")).Title.ShouldBe("任务一(调整)");
        (await Should.ThrowAsync<InputRefusedException>(() => Update(host, "T1", Resave(read) with { Version = null }))).Errors.ShouldHaveSingleItem().Field.ShouldBe("version");
        await Should.ThrowAsync<NotFoundException>(() => Update(host, "NOPE", Resave(read)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task List_IsInTheOrderGiven_ThenByCode_AndFiltersByKindAndParent(Db db)
    {
        await using var host = await Seeded(db);
        await Create(host, new("T0", PlanItemKind.Task, "后排任务", Parent: "P1", Order: 5));
        await Create(host, new("T2", PlanItemKind.Task, "前排任务", Parent: "P1", Order: -1));

        (await List(host, new(Parent: "P1"))).Select(p => p.Code).ShouldBe(["T2", "T1", "T0"]);
        (await List(host, new(Kind: PlanItemKind.Programme))).Select(p => p.Code).ShouldBe(["P1", "P2"]);
        (await List(host, new(Kind: PlanItemKind.Milestone))).Select(p => p.Code).ShouldBe(["M1"]);
        (await List(host, new())).Select(p => p.Code).ShouldBe(["M1", "T2", "P1", "P2", "S1", "T1", "T0"]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task APlannerOfOneCity_ManagesItemsItsUnitsLead_ButNotOthers_NorUnledOnes(Db db)
    {
        await using var host = await Seeded(db);
        await using var cityPlanner = host.SecondServer("city-planner", s => s.AddSingleton<ICurrentActor>(new FixedActor("city-planner", new ActorGrant(Role.Planner, "/330000/330100/"))));

        (await Create(cityPlanner, new("T9", PlanItemKind.Task, "甲市任务", Parent: "P1", Lead: "330100"))).Lead.ShouldBe("330100");
        await Should.ThrowAsync<ForbiddenException>(() => Create(cityPlanner, new("T8", PlanItemKind.Task, "乙市任务", Parent: "P1", Lead: "330200")));
        await Should.ThrowAsync<ForbiddenException>(() => Create(cityPlanner, new("T7", PlanItemKind.Task, "无牵头任务", Parent: "P1")));
        (await host.Query(d => d.PlanItems.Where(p => p.Code == "T8" || p.Code == "T7").CountAsync())).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task APlannerOfOneCity_CannotTakeOverAnotherCitysItem_ByNamingItselfLead(Db db)
    {
        await using var host = await Seeded(db);
        var theirs = await Create(host, new("T8", PlanItemKind.Task, "乙市任务", Parent: "P1", Lead: "330200"));
        await using var cityPlanner = host.SecondServer("city-planner", s => s.AddSingleton<ICurrentActor>(new FixedActor("city-planner", new ActorGrant(Role.Planner, "/330000/330100/"))));

        await Should.ThrowAsync<ForbiddenException>(() => Update(cityPlanner, "T8", Resave(theirs) with { Lead = "330100", Title = "改为甲市牵头" }));

        var after = await GetItem(host, "T8");
        (after.Lead, after.Title).ShouldBe(("330200", "乙市任务"));
    }

    private static SavePlanItem.Request Resave(PlanItemView p) =>
        new(p.Code, p.Kind, p.Title, p.Description, p.Parent, p.Lead, p.Supporting, p.Start, p.Due, p.Horizon, p.SourceDocument, p.SourceSentence, p.Order, p.Version, p.CompletedOn);

    private static async Task<AppHost> Seeded(Db db)
    {
        var host = await AppHost.StartAsync(db);
        await host.Run<CreateOrgUnit, OrgUnitView>(c => c.Handle(new("330000", "测试省", OrgUnitKind.Province, null), default));
        await host.Run<CreateOrgUnit, OrgUnitView>(c => c.Handle(new("330100", "甲市", OrgUnitKind.City, "330000"), default));
        await host.Run<CreateOrgUnit, OrgUnitView>(c => c.Handle(new("330200", "乙市", OrgUnitKind.City, "330000"), default));
        await Create(host, new("S1", PlanItemKind.Strategy, "战略"));
        await Create(host, new("P1", PlanItemKind.Programme, "工程一", Parent: "S1"));
        await Create(host, new("P2", PlanItemKind.Programme, "工程二", Parent: "S1"));
        await Create(host, new("T1", PlanItemKind.Task, "任务一", Parent: "P1", Lead: "330100"));
        await Create(host, new("M1", PlanItemKind.Milestone, "节点一", Parent: "T1", Order: -1));
        return host;
    }

    private static Task<PlanItemView> Create(AppHost host, SavePlanItem.Request r) =>
        host.Run<SavePlanItem, PlanItemView>(s => s.Create(r, default));

    private static Task<PlanItemView> Update(AppHost host, string code, SavePlanItem.Request r) =>
        host.Run<SavePlanItem, PlanItemView>(s => s.Update(code, r, default));

    private static Task<PlanItemView> GetItem(AppHost host, string code) =>
        host.Run<GetPlanItem, PlanItemView>(g => g.Handle(code, default));

    private static Task<IReadOnlyList<PlanItemView>> List(AppHost host, ListPlanItems.Query q) =>
        host.Run<ListPlanItems, IReadOnlyList<PlanItemView>>(l => l.Handle(q, default));
}
