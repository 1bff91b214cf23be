using System.Globalization;
using Luoshi.Application.Common;
using Luoshi.Application.Import;
using Luoshi.Application.Organization;
using Luoshi.Application.Projects;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Organization;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Luoshi.Web.Pages.Projects;

/// <summary>
/// Monthly project progress by spreadsheet: the template for a region and month to download, and the
/// upload of a filled one (or a progress CSV), written all or nothing through the use case the API calls;
/// a refusal lists every problem with its sheet, row and column.
/// </summary>
public sealed class ProgressModel(ProjectProgressFiles files, ListOrgUnits orgUnits, ICurrentActor actor, UiContext ui, IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    public IReadOnlyList<OrgUnitView> Choices { get; private set; } = [];
    public ImportSummary? Done { get; private set; }
    public List<string> Problems { get; } = [];
    public string? Message { get; private set; }

    public string TemplateUrl => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
        "/api/projects/progress/template",
        new Dictionary<string, string?> { ["org"] = Org, ["month"] = Month }.Where(kv => !string.IsNullOrEmpty(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value));

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
            Done = await files.Upload(file.FileName, stream, ct);
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
        Choices = [.. (await orgUnits.Handle(new(), ct)).Where(u => u.Kind is OrgUnitKind.Province or OrgUnitKind.City or OrgUnitKind.County && actor.Can(Permission.ReadAll, u.Path))];
        Org ??= actor.GrantUnits(Permission.ManagePlans).FirstOrDefault() ?? Choices.FirstOrDefault()?.Code;
        Month ??= Period.Containing(Frequency.Month, ui.Today).Previous.ToString();
    }

    public string Summary(ImportSummary s) => string.Format(CultureInfo.CurrentCulture, text["Progress.Done"], s.Rows, s.Created, s.Updated);
}
