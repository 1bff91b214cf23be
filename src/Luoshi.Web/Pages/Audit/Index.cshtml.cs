using Luoshi.Application.Common;
using Luoshi.Application.Identity;
using Luoshi.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Web.Pages.Audit;

/// <summary>
/// 审计日志: every recorded change, newest first, filtered by user, entity, key and days, a page at a time
/// (keyset on the entry id); each entry with who, when, from where and its before/after as a field diff; and
/// the hash chain's verification on demand. Only those who hold ReadAudit get here — the use case checks.
/// </summary>
public sealed class IndexModel(ReadAudit audit) : PageModel
{
    public const int PageSize = 25;

    /// <summary>The acting user's name (<c>?user=</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? Who { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public IReadOnlyList<string> Entities { get; private set; } = [];

    public IReadOnlyList<(AuditView Entry, IReadOnlyList<AuditField> Fields)> Rows { get; private set; } = [];

    public long? Next { get; private set; }

    /// <summary>Refused filter values by field, in the reader's language.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public AuditVerification? Verification { get; private set; }

    public bool Filtered => !string.IsNullOrWhiteSpace(Who) || !string.IsNullOrWhiteSpace(Entity) || !string.IsNullOrWhiteSpace(Key) || !string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(To);

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    /// <summary>Recomputes the whole chain; the result replaces the placeholder in place, or heads the page without JavaScript.</summary>
    public async Task<IActionResult> OnGetVerifyAsync(CancellationToken ct)
    {
        Verification = await audit.Verify(ct);
        if (Request.Headers.ContainsKey("HX-Request"))
        {
            return Partial("_Verification", this);
        }

        await Load(ct);
        return Page();
    }

    /// <summary>The address of this page with the current filters and another cursor.</summary>
    public string Link(long? before) => Url.Page("/Audit/Index", new { user = Blank(Who), entity = Blank(Entity), key = Blank(Key), from = Blank(From), to = Blank(To), before })!;

    private async Task Load(CancellationToken ct)
    {
        Entities = audit.Entities();
        var from = Date(From, "from");
        var to = Date(To, "to");
        if (Errors.Count > 0)
        {
            return;
        }

        try
        {
            var page = await audit.Page(new AuditFilter(Who, Entity, Key, from, to, Before), PageSize, ct);
            Rows = [.. page.Entries.Select(e => (e, AuditDiff.Fields(e.Before, e.After)))];
            Next = page.Next;
        }
        catch (InputRefusedException e)
        {
            foreach (var error in e.Errors)
            {
                Errors[error.Field] = Ui.UiFormat.Message(error.Message);
            }
        }
    }

    private DateOnly? Date(string? text, string field)
    {
        try
        {
            return Parsing.OptionalDate(text, field);
        }
        catch (DomainException e)
        {
            Errors[field] = Ui.UiFormat.Message(e.Message);
            return null;
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
