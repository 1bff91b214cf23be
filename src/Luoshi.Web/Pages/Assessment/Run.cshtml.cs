using Luoshi.Application.Assessment;
using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Web.Pages.Assessment;

/// <summary>
/// A run's ranking: every unit's rank (ties share the better one), score, grade, veto and adjustments, a bar chart
/// coloured by grade, and the change against the same scheme's published run a year earlier.
/// </summary>
public sealed class RunModel(GetRun get, PublishRun publish, AssessmentCatalog catalog, ICurrentActor actor, Microsoft.Extensions.Localization.IStringLocalizer<UiText> text) : PageModel
{
    public AssessmentView View { get; private set; } = null!;
    public ChartSpec Chart { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public string? Refused { get; private set; }

    public async Task OnGetAsync(int id, CancellationToken ct) => await Load(id, ct);

    /// <summary>Publishes a draft: from then on the result is frozen.</summary>
    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct)
    {
        try
        {
            await publish.Handle(id, ct);
            return Redirect($"/assessment/runs/{id}");
        }
        catch (DomainException e)
        {
            Refused = UiFormat.Message(e.Message);
        }

        await Load(id, ct);
        return Page();
    }

    private async Task Load(int id, CancellationToken ct)
    {
        View = await AssessmentView.Load(id, get, catalog, ct);
        CanManage = actor.CanEverywhere(Permission.ManageTargets);
        var results = View.Run.Results;
        Chart = new ChartSpec(ChartSpec.Ranking, [.. results.Select(r => r.OrgName)],
            [new ChartSeries(text["Assessment.Score"], "main", [.. results.Select(r => (decimal?)r.Score)], Statuses: [.. results.Select(View.GradeClass)])],
            text["Assessment.PointsUnit"], 2);
    }
}
