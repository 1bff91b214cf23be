using System.Globalization;
using Luoshi.Application.Common;
using Luoshi.Application.Policies;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Luoshi.Web.Pages.Policies;

/// <summary>
/// Templates (pre-filled with what is recorded: the export) and uploads of policies, measures, cases and the holiday
/// calendar, one kind per tab; an upload is all or nothing, every problem listed with its sheet (or line), row and column.
/// </summary>
public sealed class FilesModel(PolicyFiles files, ICurrentActor actor, IStringLocalizer<UiText> text) : PageModel
{
    public static readonly string[] Kinds = ["policies", "policy-measures", "policy-cases", "holidays"];

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    public TemplateSheet Sheet { get; private set; } = null!;
    public bool CanUpload => actor.Can(Permission.ManagePlans, (string?)null);
    public ImportSummary? Done { get; private set; }
    public string? Message { get; private set; }
    public List<string> Problems { get; } = [];

    public void OnGet() => Load();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        Load();
        if (file is null || file.Length == 0)
        {
            Message = text["Entry.UploadMissing"];
            return Page();
        }

        try
        {
            await using var stream = file.OpenReadStream();
            Done = await files.Upload(ImportPolicies.ParseKind(Kind), file.FileName, stream, ct);
        }
        catch (InputRefusedException e)
        {
            Message = UiFormat.Message(e.Message);
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

    private void Load()
    {
        Kind = Kinds.Contains(Kind) ? Kind : Kinds[0];
        Sheet = PolicyFiles.Sheets[ImportPolicies.ParseKind(Kind)];
    }
}
