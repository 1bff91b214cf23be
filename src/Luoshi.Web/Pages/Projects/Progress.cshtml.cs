using System.Globalization;
using Luoshi.Application.Common;
using Luoshi.Application.Organization;
using Luoshi.Application.Projects;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Organization;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Luoshi.Web.Pages.Projects;

/// <summary>
/// Projects, annual plans and monthly progress by spreadsheet, one tab per kind: the template of a region
/// (and year or month) to download, pre-filled so that it doubles as the export, and the upload of a filled
/// one (or a CSV), written all or nothing through the use case the API calls; a refusal lists every
/// problem with its sheet, row and column.
/// </summary>
public sealed class ProgressModel(ProjectFiles files, ListOrgUnits orgUnits, ICurrentActor actor, UiContext ui, IStringLocalizer<UiText> text) : PageModel
{
    public static readonly ProjectImportKind[] Kinds = [ProjectImportKind.Projects, ProjectImportKind.ProjectPlans, ProjectImportKind.ProjectProgress];

    /// <summary>projects | project-plans | project-progress; monthly progress when absent, as the page began.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public ProjectImportKind Shown { get; private set; } = ProjectImportKind.ProjectProgress;
    public TemplateSheet Sheet => ProjectFiles.Sheets[Shown];
    public IReadOnlyList<OrgUnitView> Choices { get; private set; } = [];
    public bool CanUpload { get; private set; }
    public ImportSummary? Done { get; private set; }
    public List<string> Problems { get; } = [];
    public string? Message { get; private set; }

    public static string KindName(ProjectImportKind kind) => ProjectFiles.KindName(kind);

    /// <summary>The resource key suffix of a kind: Projects, ProjectPlans, ProjectProgress.</summary>
    public static string Key(ProjectImportKind kind) => kind.ToString();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
        {
            throw new UnauthenticatedException();
        }

        await Load(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        await Load(ct);
        if (file is null || file.Length == 0)
        {
            Message = text["Entry.UploadMissing"];
            return Page();
        }

        try
        {
            await using var stream = file.OpenReadStream();
            Done = await files.Upload(Shown, file.FileName, stream, ct);
        }
        catch (InputRefusedException e)
        {
            Message = UiFormat.Message(e.Message);
            // A sheet's problems already say sheet, row and column; a CSV's get their line and column here.
            var csv = file.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
            Problems.AddRange(e.Errors.Select(x => csv && x.Row is { } row
                ? string.Format(CultureInfo.CurrentCulture, text["Entry.FileProblem"], row, x.Column ?? x.Field, UiFormat.Message(x.Message))
                : UiFormat.Message(x.Message)));
        }
        catch (Exception e) when (e is ForbiddenException or DomainException or ConflictException)
        {
            Message = UiFormat.Message(e.Message);
        }

        return Page();
    }

    private async Task Load(CancellationToken ct)
    {
        Shown = Kinds.FirstOrDefault(k => ProjectFiles.KindName(k) == Kind, ProjectImportKind.ProjectProgress);
        Kind = ProjectFiles.KindName(Shown);
        Choices = [.. (await orgUnits.Handle(new(), ct)).Where(u => u.Kind is OrgUnitKind.Province or OrgUnitKind.City or OrgUnitKind.County && actor.Can(Permission.ReadAll, u.Path))];
        CanUpload = actor.CanEverywhere(Permission.ManagePlans) || actor.GrantUnits(Permission.ManagePlans).Count > 0;
        Org ??= actor.GrantUnits(Permission.ManagePlans).FirstOrDefault() ?? Choices.FirstOrDefault()?.Code;
        Month ??= ui.LastCompleteMonth.ToString();
        Year ??= ui.Today.Year;
    }

    public string Summary(ImportSummary s) => string.Format(
        CultureInfo.CurrentCulture,
        text[Shown == ProjectImportKind.ProjectProgress ? "Progress.Done" : "Files.Done"], s.Rows, s.Created, s.Updated, s.Unchanged);
}
