using System.Globalization;
using Luoshi.Application.Common;
using Luoshi.Application.Documents;
using Luoshi.Domain.Documents;
using Luoshi.Domain.Identity;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Luoshi.Web.Pages.Documents;

/// <summary>
/// 文档: the ingested speeches and meeting documents, newest first, with their items by kind and how far their
/// review has come; and the form that ingests a new one, uploaded (.txt/.html/.docx/.pdf) or pasted.
/// </summary>
// The body may be larger than a document may be, so that a file just over the limit is told so beside the field, not cut off.
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit, ValueLengthLimit = UploadLimit)]
public sealed class IndexModel(ListDocuments list, IngestDocument ingest, ICurrentActor actor, IStringLocalizer<UiText> text) : PageModel
{
    public const int UploadLimit = 4 * Document.MaxOriginalBytes;

    [TempData]
    public string? Notice { get; set; }

    [BindProperty]
    public IngestInput Input { get; set; } = new();

    public IReadOnlyList<DocumentSummary> Documents { get; private set; } = [];

    public bool CanIngest { get; private set; }

    /// <summary>Which of the two forms was sent, so that its errors show beside it.</summary>
    public string? Posted { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        Posted = "upload";
        var file = Input.File;
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError($"{FormErrors.Prefix}.{nameof(IngestInput.File)}", text[file is null ? "Documents.FileMissing" : "Documents.FileEmpty"]);
        }
        else if (file.Length > Document.MaxOriginalBytes)
        {
            ModelState.AddModelError(
                $"{FormErrors.Prefix}.{nameof(IngestInput.File)}",
                string.Format(CultureInfo.CurrentCulture, text["Documents.FileTooLarge"], Document.MaxOriginalBytes / 1024 / 1024));
        }

        if (!ModelState.IsValid)
        {
            await Load(ct);
            return Page();
        }

        try
        {
            using var buffer = new MemoryStream((int)file!.Length);
            await file.CopyToAsync(buffer, ct);
            var title = string.IsNullOrWhiteSpace(Input.Title) ? null : Input.Title.Trim();
            var document = await ingest.FromFile(buffer.ToArray(), file.FileName, title, ct);
            return Ingested(document);
        }
        catch (Exception e) when (FormErrors.TryAdd(ModelState, e, typeof(IngestInput)))
        {
            await Load(ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostPasteAsync(CancellationToken ct)
    {
        Posted = "paste";
        try
        {
            var document = await ingest.FromText(new IngestDocument.PastedText(Input.Title, Input.Text, Input.Source), ct);
            return Ingested(document);
        }
        catch (Exception e) when (FormErrors.TryAdd(ModelState, e, typeof(IngestInput)))
        {
            // The same text pasted twice is refused as "the file": here that is the text field.
            var fileKey = $"{FormErrors.Prefix}.{nameof(IngestInput.File)}";
            if (ModelState.TryGetValue(fileKey, out var entry))
            {
                foreach (var error in entry.Errors.ToList())
                {
                    ModelState.AddModelError($"{FormErrors.Prefix}.{nameof(IngestInput.Text)}", error.ErrorMessage);
                }

                ModelState.Remove(fileKey);
            }

            await Load(ct);
            return Page();
        }
    }

    /// <summary>Share of a document's items decided, 0–100.</summary>
    public static int Progress(DocumentSummary d) => d.Items == 0 ? 100 : (int)Math.Round(100m * (d.Items - d.Pending) / d.Items, MidpointRounding.AwayFromZero);

    private RedirectToPageResult Ingested(DocumentView document)
    {
        var items = document.Items.Count;
        Notice = string.Format(CultureInfo.CurrentCulture, text["Documents.Ingested"], document.Title, items, document.Terms.Count);
        return RedirectToPage("Detail", new { id = document.Id });
    }

    private async Task Load(CancellationToken ct)
    {
        CanIngest = actor.Can(Permission.ManagePlans, (string?)null);
        Documents = await list.Handle(new ListDocuments.Query(), ct);
    }

    public sealed class IngestInput
    {
        public IFormFile? File { get; set; }

        public string? Title { get; set; }

        public string? Text { get; set; }

        public string? Source { get; set; }
    }
}
