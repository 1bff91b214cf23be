using Luoshi.Application.Common;
using Luoshi.Application.Evaluation;
using Luoshi.Application.Indicators;
using Luoshi.Application.Organization;
using Luoshi.Application.Plans;
using Luoshi.Application.Readings;
using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Identity;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Web.Pages.Plans;

/// <summary>
/// One plan item (typically a task): where it sits, who owns it, its status and the reason, its milestones
/// and sub-items, and the indicators that measure it as the engine judged them.
/// </summary>
public sealed class ItemModel(GetPlanItem get, ListPlanItems plans, ListOrgUnits orgUnits, ListIndicators indicators, Evaluate evaluate, Figures figures, ICurrentActor actor) : PageModel
{
    public PlanNode Node { get; private set; } = null!;
    public PlanTree Tree { get; private set; } = null!;
    public IReadOnlyList<PlanItemView> Ancestors { get; private set; } = [];
    public IReadOnlyList<Measure> Measures { get; private set; } = [];

    /// <summary>An indicator linked to this item or an item below it, with the engine's row where the plan judges it (the lead unit, else the province).</summary>
    public sealed record Measure(IndicatorView Indicator, string LinkedTo, EvaluationRowView? Row, TargetView? Target);

    public async Task OnGetAsync(string code, CancellationToken ct)
    {
        var item = await get.Handle(code, ct);
        var units = await orgUnits.Handle(new(), ct);
        EvaluationResult? result = null;
        PlanEvaluation? plan = null;
        if (actor.CanEverywhere(Permission.ReadAll))
        {
            (result, _) = await evaluate.Run(new Evaluate.Query(), ct);
            plan = Evaluator.EvaluatePlan(result);
        }

        Tree = PlanTree.Build(await plans.Handle(new(), ct), units, plan);
        Node = Tree.ByCode[item.Code];
        Ancestors = Tree.Ancestors(item);

        var within = PlanTree.Descendants(Node).Select(n => n.Item.Code).Prepend(item.Code).ToHashSet(StringComparer.Ordinal);
        var list = new List<Measure>();
        foreach (var indicator in await indicators.Handle(ct))
        {
            var linked = indicator.PlanItems.Where(within.Contains).ToList();
            if (linked.Count == 0)
            {
                continue;
            }

            // The unit the engine judged the indicator at for the item it is linked to.
            var judgedAt = Tree.ByCode.GetValueOrDefault(linked[0])?.Evaluation?.Indicators.FirstOrDefault(i => i.IndicatorCode == indicator.Code)?.OrgCode;
            var row = judgedAt is not null && result?.Find(indicator.Code, judgedAt) is { } r ? EvaluationRowView.From(r) : null;
            var target = row is not null
                ? (await figures.AnnualTargets(indicator.Code, row.Org, ct)).GetValueOrDefault(Period.Parse(row.Period).Year)
                : null;
            list.Add(new Measure(indicator, linked[0], row, target));
        }

        Measures = list;
    }
}
