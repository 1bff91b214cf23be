using Luoshi.Application.Organization;
using Luoshi.Application.Plans;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Web.Pages.Plans;

/// <summary>The plan tree, strategy → programme → task → milestone, with owners, dates and overdue milestones.</summary>
public sealed class IndexModel(ListPlanItems plans, ListOrgUnits orgUnits, UiContext ui) : PageModel
{
    /// <summary>"all" opens every branch (the no-script way to expand the tree).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Expand { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    public PlanTree Tree { get; private set; } = null!;
    public IReadOnlyList<PlanNode> Shown { get; private set; } = [];
    public int OverdueCount { get; private set; }
    public DateOnly Today { get; private set; }

    public bool ExpandAll => Overdue || string.Equals(Expand, "all", StringComparison.OrdinalIgnoreCase);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = ui.Today;
        Tree = PlanTree.Build(await plans.Handle(new(), ct), await orgUnits.Handle(new(), ct), Today);
        OverdueCount = Tree.ByCode.Values.Count(n => n.Overdue);
        Shown = Overdue ? PlanTree.OnlyOverdue(Tree.Roots) : Tree.Roots;
    }
}
