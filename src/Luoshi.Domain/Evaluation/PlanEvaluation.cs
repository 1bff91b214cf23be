using Luoshi.Domain.Common;
using Luoshi.Domain.Plans;

namespace Luoshi.Domain.Evaluation;

/// <summary>The status of a plan-linked indicator, and the unit it was judged at (null: no row there).</summary>
public sealed record PlanIndicatorStatus(string IndicatorCode, string? OrgCode, EvaluationStatus Status);

/// <summary>
/// A plan item's rolled-up status: the worst of its linked indicators, its children, and — for a task or
/// milestone — being overdue. <see cref="Counts"/> counts the statuses of its own indicators and of its
/// direct children.
/// </summary>
public sealed record PlanItemEvaluation(
    int Id,
    string Code,
    string Title,
    PlanItemKind Kind,
    string? ParentCode,
    int Depth,
    EvaluationStatus Status,
    StatusCounts Counts,
    bool Overdue,
    bool Completed,
    DateOnly? Due,
    IReadOnlyList<PlanIndicatorStatus> Indicators,
    string ReasonZh,
    string ReasonEn);

/// <summary>The plan tree at a period, items in tree order.</summary>
public sealed class PlanEvaluation(Period period, DateOnly asOf, IReadOnlyList<PlanItemEvaluation> items)
{
    public Period Period { get; } = period;
    public DateOnly AsOf { get; } = asOf;
    public IReadOnlyList<PlanItemEvaluation> Items { get; } = items;

    public PlanItemEvaluation? Find(string code) => Items.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.Ordinal));
}

public static partial class Evaluator
{
    /// <summary>Evaluates every unit at the period and rolls statuses up the plan tree.</summary>
    public static PlanEvaluation EvaluatePlan(EvaluationSnapshot snapshot, Period period, DateOnly asOf) =>
        EvaluatePlan(Evaluate(snapshot, period, asOf));

    /// <summary>
    /// Rolls an evaluation up the plan tree. An indicator counts at the item's lead unit when that unit has
    /// a row for it, else at the province (the lead department of a provincial target answers for the
    /// province's figure).
    /// </summary>
    public static PlanEvaluation EvaluatePlan(EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var snapshot = result.Snapshot;
        var plans = snapshot.Plans;
        var tree = snapshot.Tree;
        var evaluated = new PlanItemEvaluation[plans.Count];

        // Children come after their parent in tree order, so walking it backwards finishes them first.
        for (int k = plans.Count - 1; k >= 0; k--)
        {
            int p = plans.Preorder[k];
            var item = plans.Items[p];
            var indicators = new List<PlanIndicatorStatus>(item.Indicators.Length);
            var counts = default(StatusCounts);
            var status = EvaluationStatus.None;
            foreach (int i in item.Indicators)
            {
                var row = (item.LeadUnit >= 0 ? result.Find(i, item.LeadUnit) : null)
                    ?? (tree.Province >= 0 ? result.Find(i, tree.Province) : null);
                var s = row?.Status ?? EvaluationStatus.None;
                indicators.Add(new PlanIndicatorStatus(snapshot.Data[i].Code, row?.OrgCode, s));
                counts = counts.With(s);
                status = StatusRules.Worst(status, s);
            }

            for (int c = plans.ChildStart[p]; c < plans.ChildStart[p + 1]; c++)
            {
                var child = evaluated[plans.Children[c]];
                counts = counts.With(child.Status);
                status = StatusRules.Worst(status, child.Status);
            }

            bool overdue = item.Kind is PlanItemKind.Task or PlanItemKind.Milestone && !item.Completed && item.Due < result.AsOf;
            if (overdue)
            {
                status = EvaluationStatus.Red;
            }
            else if (item.Completed)
            {
                status = StatusRules.Worst(status, EvaluationStatus.Green);
            }

            var (zh, en) = PlanReason(item, overdue, counts);
            evaluated[p] = new PlanItemEvaluation(
                item.Id,
                item.Code,
                item.Title,
                item.Kind,
                item.Parent >= 0 ? plans.Items[item.Parent].Code : null,
                plans.Depth[p],
                status,
                counts,
                overdue,
                item.Completed,
                item.Due,
                indicators,
                zh,
                en);
        }

        return new PlanEvaluation(result.Period, result.AsOf, [.. plans.Preorder.Select(p => evaluated[p])]);
    }

    private static (string Zh, string En) PlanReason(PlanItemData item, bool overdue, StatusCounts counts)
    {
        string due = item.Due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        var zh = new List<string>();
        var en = new List<string>();
        if (overdue)
        {
            zh.Add($"逾期未完成(应于{due}完成)");
            en.Add($"overdue and not completed (due {due})");
        }
        else if (item.Completed)
        {
            zh.Add("已完成");
            en.Add("completed");
        }

        if (counts.Total > 0)
        {
            zh.Add($"指标及下级{counts.Total}项:红{counts.Red}、黄{counts.Yellow}、灰{counts.Grey}、绿{counts.Green}、未评{counts.None}");
            en.Add($"{counts.Total} indicators and sub-items: {counts.Red} red, {counts.Yellow} yellow, {counts.Grey} grey, {counts.Green} green, {counts.None} not judged");
        }

        if (zh.Count == 0)
        {
            zh.Add("无可评价的指标或下级");
            en.Add("no indicators or sub-items to judge");
        }

        return (string.Join(";", zh), string.Join("; ", en));
    }
}

/// <summary>A plan item as the builder received it.</summary>
internal sealed record PlanItemDraft(int Id, string Code, string Title, PlanItemKind Kind, int? ParentId, int? LeadUnitId, DateOnly? Due, bool Completed, int[] IndicatorIds)
{
    /// <summary>A plan item as a snapshot takes it, checked; references are resolved when the plan tree is built.</summary>
    public static PlanItemDraft Create(int id, string code, string title, PlanItemKind kind, int? parentId, int? leadUnitId, DateOnly? due, bool completed, IReadOnlyList<int> indicatorIds)
    {
        ArgumentNullException.ThrowIfNull(indicatorIds);
        EvaluationSnapshotBuilder.Require(Enum.IsDefined(kind), "kind", new Text("计划项类型无效", "unknown kind"));
        return new PlanItemDraft(
            id,
            Common.Code.Require(code, "code"),
            Common.Code.RequireText(title, "title", PlanItem.TitleMaxLength),
            kind,
            parentId,
            leadUnitId,
            due,
            completed,
            [.. indicatorIds]);
    }
}

/// <summary>A plan item with its references resolved to indices (-1 = none).</summary>
internal sealed record PlanItemData(int Id, string Code, string Title, PlanItemKind Kind, int Parent, int LeadUnit, DateOnly? Due, bool Completed, int[] Indicators);

/// <summary>The plan items of a snapshot as a tree: children in the order added, parents before children in <see cref="Preorder"/>.</summary>
internal sealed class PlanTree
{
    private PlanTree(PlanItemData[] items)
    {
        Items = items;
        ChildStart = new int[items.Length + 1];
        foreach (var item in items.Where(i => i.Parent >= 0))
        {
            ChildStart[item.Parent + 1]++;
        }

        for (int p = 0; p < items.Length; p++)
        {
            ChildStart[p + 1] += ChildStart[p];
        }

        Children = new int[ChildStart[^1]];
        var next = (int[])ChildStart.Clone();
        for (int p = 0; p < items.Length; p++)
        {
            if (items[p].Parent >= 0)
            {
                Children[next[items[p].Parent]++] = p;
            }
        }

        Depth = new int[items.Length];
        var order = new List<int>(items.Length);
        var stack = new Stack<int>(Enumerable.Range(0, items.Length).Where(p => items[p].Parent < 0).Reverse());
        while (stack.Count > 0)
        {
            int p = stack.Pop();
            order.Add(p);
            for (int c = ChildStart[p + 1] - 1; c >= ChildStart[p]; c--)
            {
                Depth[Children[c]] = Depth[p] + 1;
                stack.Push(Children[c]);
            }
        }

        if (order.Count < items.Length)
        {
            var stray = items[Enumerable.Range(0, items.Length).Except(order).First()];
            throw new DomainException("parentId", new Text($"计划项 {stray.Code} 的上下级关系构成循环", $"the parents of plan item {stray.Code} form a cycle"));
        }

        Preorder = [.. order];
    }

    public int Count => Items.Length;
    public PlanItemData[] Items { get; }
    public int[] ChildStart { get; }
    public int[] Children { get; }
    public int[] Preorder { get; }
    public int[] Depth { get; }

    public static PlanTree Build(IReadOnlyList<PlanItemDraft> drafts, UnitTree units, IReadOnlyDictionary<int, int> indicatorIndexById)
    {
        var indexById = new Dictionary<int, int>(drafts.Count);
        for (int p = 0; p < drafts.Count; p++)
        {
            indexById[drafts[p].Id] = p;
        }

        var unitIndexById = new Dictionary<int, int>(units.Count);
        for (int u = 0; u < units.Count; u++)
        {
            unitIndexById[units.Ids[u]] = u;
        }

        var items = drafts.Select(d => new PlanItemData(
            d.Id,
            d.Code,
            d.Title,
            d.Kind,
            d.ParentId is int parent
                ? indexById.GetValueOrDefault(parent, -1) is int pi and >= 0 ? pi : throw new DomainException("parentId", new Text($"计划项 {d.Code} 的上级 {parent} 不存在", $"the parent {parent} of plan item {d.Code} is unknown"))
                : -1,
            d.LeadUnitId is int lead
                ? unitIndexById.GetValueOrDefault(lead, -1) is int li and >= 0 ? li : throw new DomainException("leadUnitId", new Text($"计划项 {d.Code} 的牵头单位 {lead} 不存在", $"the lead unit {lead} of plan item {d.Code} is unknown"))
                : -1,
            d.Due,
            d.Completed,
            [.. d.IndicatorIds.Select(id => indicatorIndexById.TryGetValue(id, out int i) ? i : throw new DomainException("indicatorIds", new Text($"计划项 {d.Code} 关联的指标 {id} 不存在", $"plan item {d.Code} links unknown indicator {id}")))])).ToArray();
        return new PlanTree(items);
    }
}
