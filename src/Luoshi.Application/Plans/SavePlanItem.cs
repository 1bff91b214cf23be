using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Plans;

/// <summary>
/// Creates a plan item, or updates one (when <see cref="Request.Version"/> is the version the caller read;
/// a stale version is refused with 409). Codes name the parent, the lead unit and the supporting units.
/// </summary>
public sealed class SavePlanItem(Data.LuoshiDbContext db, ICurrentActor actor)
{
    /// <summary>Deeper than any plan tree (strategy → programme → task → milestone, with sub-tasks).</summary>
    private const int MaxDepth = 64;

    public sealed record Request(
        string? Code,
        PlanItemKind? Kind,
        string? Title,
        string? Description = null,
        string? Parent = null,
        string? Lead = null,
        IReadOnlyList<string>? Supporting = null,
        DateOnly? Start = null,
        DateOnly? Due = null,
        Horizon? Horizon = null,
        string? SourceDocument = null,
        string? SourceSentence = null,
        int? Order = null,
        int? Version = null,
        DateOnly? CompletedOn = null);

    public async Task<PlanItemView> Create(Request r, CancellationToken ct)
    {
        if (r.Kind is null)
        {
            throw InputRefusedException.Single("kind", new Text("计划项类型不能为空", "kind is required"));
        }

        var parent = await FindPlan(r.Parent, ct);
        var item = PlanItem.Create(r.Code!, r.Kind.Value, r.Title!, parent);
        if (await db.PlanItems.AnyAsync(p => p.Code == item.Code, ct))
        {
            throw new ConflictException("code", new Text($"计划项代码 {item.Code} 已存在", $"plan item code {item.Code} already exists"));
        }

        await Fill(item, r, ct);
        db.PlanItems.Add(item);
        await db.SaveChangesAsync(ct);
        return PlanViews.From(item, await PlanViews.CodeMaps(db, ct));
    }

    public async Task<PlanItemView> Update(string code, Request r, CancellationToken ct)
    {
        if (r.Version is null)
        {
            throw InputRefusedException.Single("version", new Text("须提供读取时的版本号", "the version you read is required"));
        }

        var item = await db.PlanItems.Include(p => p.SupportingUnits).Include(p => p.Parent).SingleOrDefaultAsync(p => p.Code == code, ct)
            ?? throw new NotFoundException(new Text("计划项", "plan item"), code);
        if (item.Version != r.Version)
        {
            throw new ConflictException("version", new Text($"计划项已被他人修改(当前版本 {item.Version})", $"the plan item was changed by someone else (now version {item.Version})"));
        }

        // Whoever edits an item must manage it as it stands, not only as the request would make it: naming one's own
        // unit as the lead does not hand over another unit's (or the whole plan's) item.
        RequireManage(item.LeadUnitId is { } current ? await db.OrgUnits.SingleAsync(u => u.Id == current, ct) : null);
        if (r.Parent != item.Parent?.Code)
        {
            var parent = await FindPlan(r.Parent, ct);

            // The move refuses a cycle by walking up from the new parent, so the whole chain above it must be loaded.
            var depth = 0;
            for (var above = parent; above?.ParentId is not null && depth++ < MaxDepth; above = above.Parent)
            {
                if (above.Parent is null)
                {
                    await db.Entry(above).Reference(p => p.Parent).LoadAsync(ct);
                }
            }

            item.MoveTo(parent);
        }

        await Fill(item, r, ct);
        db.EditAsOf(item, r.Version.Value);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", new Text("计划项已被他人修改", "the plan item was changed by someone else"));
        }

        return PlanViews.From(item, await PlanViews.CodeMaps(db, ct));
    }

    private void RequireManage(Domain.Organization.OrgUnit? leadUnit)
    {
        if (leadUnit is null)
        {
            actor.RequireEverywhere(Permission.ManagePlans);
        }
        else
        {
            actor.Require(Permission.ManagePlans, leadUnit);
        }
    }

    private async Task Fill(PlanItem item, Request r, CancellationToken ct)
    {
        // A planner scoped to a city manages the items its units lead; items without a lead are the whole plan's.
        RequireManage(string.IsNullOrWhiteSpace(r.Lead) ? null : await db.OrgUnits.SingleOrDefaultAsync(u => u.Code == r.Lead.Trim(), ct));

        int? lead = string.IsNullOrWhiteSpace(r.Lead) ? null : await OrgId(r.Lead, "lead", ct);
        var supporting = new List<int>();
        foreach (var s in r.Supporting ?? [])
        {
            supporting.Add(await OrgId(s, "supporting", ct));
        }

        item.Describe(r.Title!, r.Description);
        item.Schedule(r.Start, r.Due, r.Horizon ?? Horizon.Annual);
        item.AssignUnits(lead, supporting);
        item.CiteSource(r.SourceDocument, r.SourceSentence);
        item.PlaceAt(r.Order ?? item.Order);
        item.MarkCompleted(r.CompletedOn);
    }

    private async Task<PlanItem?> FindPlan(string? code, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(code)
            ? null
            : await db.PlanItems.SingleOrDefaultAsync(p => p.Code == code.Trim(), ct)
              ?? throw InputRefusedException.Single("parent", new Text($"上级计划项 {Parsing.Clip(code)} 不存在", $"parent plan item '{Parsing.Clip(code)}' does not exist"));

    private async Task<int> OrgId(string code, string field, CancellationToken ct) =>
        await db.OrgUnits.Where(u => u.Code == code.Trim()).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct)
        ?? throw InputRefusedException.Single(field, new Text($"单位 {Parsing.Clip(code)} 不存在", $"org unit '{Parsing.Clip(code)}' does not exist"));
}
