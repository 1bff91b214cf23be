using Luoshi.Application.Common;
using Luoshi.Application.Evaluation;
using Luoshi.Application.Organization;
using Luoshi.Application.Plans;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Identity;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Web.Pages.Plans;

/// <summary>
/// The plan tree, strategy → programme → task → milestone, with owners and dates, and the engine's roll-up:
/// each item's status light (worst of its indicators and the items below it) with the counts behind it, and
/// overdue tasks and milestones.
/// </summary>
public sealed class IndexModel(ListPlanItems plans, ListOrgUnits orgUnits, EvaluatePlanTree evaluatePlan, ICurrentActor actor) : PageModel
{
    /// <summary>"all" opens every branch (the no-script way to expand the tree).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Expand { get; set; }

    /// <summary>Only overdue items and the items above them.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    /// <summary>Only the items red on their own account (overdue, or an indicator of theirs red) and the items above them.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Red { get; set; }

    public PlanTree Tree { get; private set; } = null!;
    public IReadOnlyList<PlanNode> Shown { get; private set; } = [];
    public int OverdueCount { get; private set; }
    public int RedCount { get; private set; }
    public StatusCounts Counts { get; private set; }

    public bool Filtered => Overdue || Red;
    public bool ExpandAll => Filtered || string.Equals(Expand, "all", StringComparison.OrdinalIgnoreCase);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Statuses come from evaluating the whole province; a reader bound to one unit sees the tree without them.
        var evaluation = actor.CanEverywhere(Permission.ReadAll) ? await evaluatePlan.Handle(null, null, ct) : null;
        Tree = PlanTree.Build(await plans.Handle(new(), ct), await orgUnits.Handle(new(), ct), evaluation);
        OverdueCount = Tree.ByCode.Values.Count(n => n.Overdue);
        RedCount = Tree.ByCode.Values.Count(n => n.RedItself);
        Counts = Tree.ByCode.Values.Aggregate(default(StatusCounts), (c, n) => c.With(n.Status));
        Shown = Overdue ? PlanTree.Only(Tree.Roots, n => n.Overdue)
            : Red ? PlanTree.Only(Tree.Roots, n => n.RedItself)
            : Tree.Roots;
    }
}
