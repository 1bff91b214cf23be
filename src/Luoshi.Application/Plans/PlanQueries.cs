using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Plans;

/// <summary>Reads of the plan tree: the whole tree (or a kind of node) in order, and one item by code.</summary>
public sealed class ListPlanItems(Data.LuoshiDbContext db)
{
    public sealed record Query(PlanItemKind? Kind = null, string? Parent = null);

    public async Task<IReadOnlyList<PlanItemView>> Handle(Query query, CancellationToken ct)
    {
        var items = db.PlanItems.AsNoTracking();
        if (query.Kind is { } kind)
        {
            items = items.Where(p => p.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(query.Parent))
        {
            items = items.Where(p => p.Parent != null && p.Parent.Code == query.Parent.Trim());
        }

        var list = await items.Include(p => p.SupportingUnits).ToListAsync(ct);
        var codes = await PlanViews.CodeMaps(db, ct);
        return [.. list.OrderBy(p => p.Order).ThenBy(p => p.Code, StringComparer.Ordinal).Select(p => PlanViews.From(p, codes))];
    }
}

public sealed class GetPlanItem(Data.LuoshiDbContext db)
{
    public async Task<PlanItemView> Handle(string code, CancellationToken ct)
    {
        var item = await db.PlanItems.AsNoTracking().Include(p => p.SupportingUnits).SingleOrDefaultAsync(p => p.Code == code, ct)
            ?? throw new NotFoundException(new Text("计划项", "plan item"), code);
        return PlanViews.From(item, await PlanViews.CodeMaps(db, ct));
    }
}

internal static class PlanViews
{
    public sealed record Codes(IReadOnlyDictionary<int, string> Orgs, IReadOnlyDictionary<int, string> Plans);

    public static async Task<Codes> CodeMaps(Data.LuoshiDbContext db, CancellationToken ct) => new(
        await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code, ct),
        await db.PlanItems.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Code, ct));

    public static PlanItemView From(PlanItem p, Codes codes) => new(
        p.Id,
        p.Code,
        p.Kind,
        p.Title,
        p.Description,
        p.ParentId is { } parentId ? codes.Plans.GetValueOrDefault(parentId) : null,
        p.LeadUnitId is { } leadId ? codes.Orgs.GetValueOrDefault(leadId) : null,
        [.. p.SupportingUnits.Select(s => codes.Orgs.GetValueOrDefault(s.OrgUnitId) ?? "?").Order(StringComparer.Ordinal)],
        p.StartDate,
        p.DueDate,
        p.Horizon,
        p.SourceDocument,
        p.SourceSentence,
        p.Order,
        p.CompletedOn,
        p.Version);
}
