using Luoshi.Application.Organization;
using Luoshi.Application.Plans;
using Luoshi.Domain.Plans;

namespace Luoshi.Web.Ui;

/// <summary>A node of the plan tree as the pages show it: the item, its children, and whether it is an overdue milestone.</summary>
public sealed class PlanNode(PlanItemView item, bool overdue)
{
    public PlanItemView Item { get; } = item;
    public List<PlanNode> Children { get; } = [];

    /// <summary>A milestone whose due date has passed. There is no completion record yet, so this says nothing about whether it was done.</summary>
    public bool Overdue { get; } = overdue;

    public int OverdueWithin => Children.Sum(c => (c.Overdue ? 1 : 0) + c.OverdueWithin);
}

public sealed class PlanTree
{
    private PlanTree(IReadOnlyList<PlanNode> roots, IReadOnlyDictionary<string, PlanNode> byCode, IReadOnlyDictionary<string, string> unitNames)
    {
        Roots = roots;
        ByCode = byCode;
        UnitNames = unitNames;
    }

    public IReadOnlyList<PlanNode> Roots { get; }
    public IReadOnlyDictionary<string, PlanNode> ByCode { get; }
    public IReadOnlyDictionary<string, string> UnitNames { get; }

    public static bool IsOverdue(PlanItemView item, DateOnly today) =>
        item.Kind == PlanItemKind.Milestone && item.Due is { } due && due < today;

    public static PlanTree Build(IReadOnlyList<PlanItemView> items, IReadOnlyList<OrgUnitView> units, DateOnly today)
    {
        var byCode = items.ToDictionary(i => i.Code, i => new PlanNode(i, IsOverdue(i, today)), StringComparer.Ordinal);
        var roots = new List<PlanNode>();
        foreach (var node in byCode.Values.OrderBy(n => n.Item.Order).ThenBy(n => n.Item.Code, StringComparer.Ordinal))
        {
            if (node.Item.Parent is { } parent && byCode.TryGetValue(parent, out var p))
            {
                p.Children.Add(node);
            }
            else
            {
                roots.Add(node);
            }
        }

        return new PlanTree(roots, byCode, units.ToDictionary(u => u.Code, u => u.Name, StringComparer.Ordinal));
    }

    public string UnitName(string? code) => code is null ? string.Empty : UnitNames.GetValueOrDefault(code, code);

    /// <summary>The item's ancestors, root first.</summary>
    public IReadOnlyList<PlanItemView> Ancestors(PlanItemView item)
    {
        var list = new List<PlanItemView>();
        for (var code = item.Parent; code is not null && ByCode.TryGetValue(code, out var node); code = node.Item.Parent)
        {
            list.Insert(0, node.Item);
        }

        return list;
    }

    public static IEnumerable<PlanNode> Descendants(PlanNode node) =>
        node.Children.SelectMany(c => Descendants(c).Prepend(c));

    /// <summary>The tree cut down to overdue milestones and the items above them.</summary>
    public static IReadOnlyList<PlanNode> OnlyOverdue(IEnumerable<PlanNode> nodes)
    {
        var kept = new List<PlanNode>();
        foreach (var node in nodes)
        {
            var children = OnlyOverdue(node.Children);
            if (node.Overdue || children.Count > 0)
            {
                var copy = new PlanNode(node.Item, node.Overdue);
                copy.Children.AddRange(children);
                kept.Add(copy);
            }
        }

        return kept;
    }
}
