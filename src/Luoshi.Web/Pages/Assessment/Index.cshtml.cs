using Luoshi.Application.Assessment;
using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Web.Pages.Assessment;

/// <summary>
/// 考核: the runs (newest first, with their state) and the schemes with their versions; those who may manage
/// assessments run the latest version of a scheme from here.
/// </summary>
public sealed class IndexModel(AssessmentCatalog catalog, RunAssessment runAssessment, ICurrentActor actor, LocalCalendar calendar) : PageModel
{
    public IReadOnlyList<RunSummary> Runs { get; private set; } = [];
    public IReadOnlyList<SchemeVersionView> Schemes { get; private set; } = [];
    public bool CanManage { get; private set; }

    /// <summary>A refused run, in the reader's language.</summary>
    public string? Refused { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    /// <summary>Runs a scheme version now, as of today: a draft to review before publishing.</summary>
    public async Task<IActionResult> OnPostRunAsync(int scheme, CancellationToken ct)
    {
        try
        {
            var detail = await catalog.Scheme(scheme, ct);
            var run = await runAssessment.Handle(detail.Json, AssessmentView.AsOfNow(detail.Scheme, calendar), ct);
            return Redirect($"/assessment/runs/{run.RunId}");
        }
        catch (DomainException e)
        {
            Refused = UiFormat.Message($"{e.Field}: {e.Message}");
        }

        await Load(ct);
        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        Runs = await catalog.Runs(ct);
        Schemes = await catalog.Schemes(ct);
        CanManage = actor.CanEverywhere(Permission.ManageTargets);
    }
}
