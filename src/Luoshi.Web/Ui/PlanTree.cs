using Luoshi.Application.Organization;
using Luoshi.Application.Plans;
using Luoshi.Domain.Evaluation;

namespace Luoshi.Web.Ui;

/// <summary>
/// A node of the plan tree as the pages show it: the item, its children, and what the engine made of it —
/// the rolled-up status (worst of its indicators and children), the counts behind it, and whether it is
/// overdue (a task or milestone past its due date and not reported done).
/// </summary>
public sealed class PlanNode(PlanItemView item, PlanItemEvaluation? evaluation)
{
    public PlanItemView Item { get; } = item;
    public List<PlanNode> Children { get; } = [];

    /// <summary>The engine's judgement; null when the reader may not evaluate the province.</summary>
    public PlanItemEvaluation? Evaluation { get; } = evaluation;

    public EvaluationStatus Status => Evaluation?.Status ?? EvaluationStatus.None;

    public bool Overdue => Evaluation?.Overdue ?? false;

    public bool Completed => Item.CompletedOn is not null;

    /// <summary>Red on its own account — overdue, or one of its own indicators red — rather than only through an item below it.</summary>
    public bool RedItself => Overdue || (Evaluation?.Indicators.Any(i => i.Status == EvaluationStatus.Red) ?? false);

    public int OverdueWithin => Children.Sum(c => (c.Overdue ? 1 : 0) + c.OverdueWithin);

    /// <summary>The engine's reason, in the reader's language.</summary>
    public string? Reason => Evaluation is null ? null : UiContext.IsChinese ? Evaluation.ReasonZh : Evaluation.ReasonEn;
}

public sealed class PlanTree
{
    private PlanTree(IReadOnlyList<PlanNode> roots, IReadOnlyDictionary<string, PlanNode> byCode, IReadOnlyDictionary<string, string> unitNames, PlanEvaluation? evaluation)
    {
        Roots = roots;
        ByCode = byCode;
        UnitNames = unitNames;
        Evaluation = evaluation;
    }

    public IReadOnlyList<PlanNode> Roots { get; }
    public IReadOnlyDictionary<string, PlanNode> ByCode { get; }
    public IReadOnlyDictionary<string, string> UnitNames { get; }

    /// <summary>The evaluation the statuses come from (its period and date); null without one.</summary>
    public PlanEvaluation? Evaluation { get; }

    public static PlanTree Build(IReadOnlyList<PlanItemView> items, IReadOnlyList<OrgUnitView> units, PlanEvaluation? evaluation)
    {
        var judged = evaluation?.Items.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var byCode = items.ToDictionary(i => i.Code, i => new PlanNode(i, judged?.GetValueOrDefault(i.Code)), StringComparer.Ordinal);
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

        return new PlanTree(roots, byCode, units.ToDictionary(u => u.Code, u => u.Name, StringComparer.Ordinal), evaluation);
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

    /// <summary>The tree cut down to the items that match and the items above them.</summary>
    public static IReadOnlyList<PlanNode> Only(IEnumerable<PlanNode> nodes, Func<PlanNode, bool> match)
    {
        var kept = new List<PlanNode>();
        foreach (var node in nodes)
        {
            var children = Only(node.Children, match);
            if (match(node) || children.Count > 0)
            {
                var copy = new PlanNode(node.Item, node.Evaluation);
                copy.Children.AddRange(children);
                kept.Add(copy);
            }
        }

        return kept;
    }
}
