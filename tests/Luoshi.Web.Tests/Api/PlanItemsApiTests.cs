using System.Net;
using Luoshi.Application.Plans;
using Luoshi.Domain.Plans;
using Luoshi.Web.Tests.Infrastructure;

namespace Luoshi.Web.Tests.Api;

public sealed class PlanItemsApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Tree_StrategyProgrammeTaskMilestone_IsBuiltAndListed(Db db)
    {
        var app = await fixture.For(db);

        await (await app.Client.PostJson("/api/plan-items", new { code = "S1", kind = "strategy", title = "总体战略" })).ShouldBeOk<PlanItemView>(HttpStatusCode.Created);
        await (await app.Client.PostJson("/api/plan-items", new { code = "P1", kind = "programme", title = "重大工程一", parent = "S1" })).ShouldBeOk<PlanItemView>(HttpStatusCode.Created);
        var task = await (await app.Client.PostJson("/api/plan-items", new
        {
            code = "T1", kind = "task", title = "扩大有效投资", parent = "P1", lead = "FGW", supporting = new[] { "330100", "330200" },
            start = "2026-01-01", due = "2026-12-31", horizon = "annual", sourceDocument = "年度工作报告", sourceSentence = "要扩大有效投资。",
        })).ShouldBeOk<PlanItemView>(HttpStatusCode.Created);
        await (await app.Client.PostJson("/api/plan-items", new { code = "M1", kind = "milestone", title = "上半年过半", parent = "T1", due = "2026-06-30" })).ShouldBeOk<PlanItemView>(HttpStatusCode.Created);

        task.Lead.ShouldBe("FGW");
        task.Supporting.ShouldBe(["330100", "330200"]);
        task.Due.ShouldBe(new DateOnly(2026, 12, 31));
        var children = await (await app.Client.GetAsync("/api/plan-items?parent=T1")).ShouldBeOk<List<PlanItemView>>();
        children.ShouldHaveSingleItem().Kind.ShouldBe(PlanItemKind.Milestone);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_ProgrammeUnderMilestone_DueBeforeStart_LeadAlsoSupporting_AreRefused(Db db)
    {
        var app = await fixture.For(db);
        await app.Client.PostJson("/api/plan-items", new { code = "S2", kind = "strategy", title = "战略二" });
        await app.Client.PostJson("/api/plan-items", new { code = "P2", kind = "programme", title = "工程二", parent = "S2" });
        await app.Client.PostJson("/api/plan-items", new { code = "T2", kind = "task", title = "任务二", parent = "P2" });
        await app.Client.PostJson("/api/plan-items", new { code = "M2", kind = "milestone", title = "节点二", parent = "T2" });

        await (await app.Client.PostJson("/api/plan-items", new { code = "P3", kind = "programme", title = "x", parent = "M2" })).ShouldBeProblem(HttpStatusCode.BadRequest, "parent");
        await (await app.Client.PostJson("/api/plan-items", new { code = "T3", kind = "task", title = "x", parent = "P2", start = "2026-05-01", due = "2026-04-01" })).ShouldBeProblem(HttpStatusCode.BadRequest, "dueDate");
        await (await app.Client.PostJson("/api/plan-items", new { code = "T4", kind = "task", title = "x", parent = "P2", lead = "FGW", supporting = new[] { "FGW" } })).ShouldBeProblem(HttpStatusCode.BadRequest, "supportingUnits");
        await (await app.Client.PostRaw("/api/plan-items", """{"code":"T5","kind":"task","title":"x","parent":"P2","due":"2026-02-30"}""")).ShouldBeProblem(HttpStatusCode.BadRequest, "due");
        (await app.Client.GetAsync("/api/plan-items/T3")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Update_StaleVersion_Is409(Db db)
    {
        var app = await fixture.For(db);
        await app.Client.PostJson("/api/plan-items", new { code = "S9", kind = "strategy", title = "战略九" });
        var item = await (await app.Client.PostJson("/api/plan-items", new { code = "P9", kind = "programme", title = "工程九", parent = "S9" })).ShouldBeOk<PlanItemView>(HttpStatusCode.Created);

        var updated = await (await app.Client.PutJson("/api/plan-items/P9", new { kind = "programme", title = "工程九(改)", parent = "S9", version = item.Version })).ShouldBeOk<PlanItemView>();
        var stale = await app.Client.PutJson("/api/plan-items/P9", new { kind = "programme", title = "工程九(旧)", parent = "S9", version = item.Version });

        updated.Title.ShouldBe("工程九(改)");
        await stale.ShouldBeProblem(HttpStatusCode.Conflict, "version");
    }
}
