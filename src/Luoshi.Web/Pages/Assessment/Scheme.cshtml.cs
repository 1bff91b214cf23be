using Luoshi.Application.Assessment;
using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Web.Pages.Assessment;

/// <summary>
/// One scheme version: read as a summary and as its JSON; those who may manage assessments edit the JSON and save
/// it as a new version (the one shown stays as it was: runs point at it), or run it.
/// </summary>
public sealed class SchemeModel(AssessmentCatalog catalog, SaveScheme save, RunAssessment runAssessment, ICurrentActor actor, LocalCalendar calendar) : PageModel
{
    [BindProperty]
    public string? Json { get; set; }

    /// <summary>After a save: "created" (a new version) or "unchanged" (equal to the latest, nothing stored).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    public SchemeDetail Detail { get; private set; } = null!;
    public bool CanManage { get; private set; }

    /// <summary>A refused scheme: the field it names (as in the JSON, e.g. criteria[0].points) and why, in the reader's language.</summary>
    public (string Field, string Message)? Error { get; private set; }

    public async Task OnGetAsync(int id, CancellationToken ct)
    {
        await Load(id, ct);
        Json = Detail.Json;
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        try
        {
            var saved = await save.Handle(Json ?? string.Empty, ct);
            return Redirect($"/assessment/schemes/{saved.Version.Id}?saved={(saved.Created ? "created" : "unchanged")}");
        }
        catch (DomainException e)
        {
            Error = (e.Field, UiFormat.Message(e.Message));
        }
        catch (InputRefusedException e) when (e.Errors.Count > 0)
        {
            Error = (e.Errors[0].Field, UiFormat.Message(e.Errors[0].Message));
        }

        await Load(id, ct);
        return Page();
    }

    /// <summary>Runs this version now: a draft to review before publishing.</summary>
    public async Task<IActionResult> OnPostRunAsync(int id, CancellationToken ct)
    {
        await Load(id, ct);
        try
        {
            var run = await runAssessment.Handle(Detail.Json, AssessmentView.AsOfNow(Detail.Scheme, calendar), ct);
            return Redirect($"/assessment/runs/{run.RunId}");
        }
        catch (DomainException e)
        {
            Error = (e.Field, UiFormat.Message(e.Message));
        }

        Json = Detail.Json;
        return Page();
    }

    private async Task Load(int id, CancellationToken ct)
    {
        Detail = await catalog.Scheme(id, ct);
        CanManage = actor.CanEverywhere(Permission.ManageTargets);
    }
}
