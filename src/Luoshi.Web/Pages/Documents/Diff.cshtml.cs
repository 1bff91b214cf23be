using System.Globalization;
using Luoshi.Application.Common;
using Luoshi.Application.Documents;
using Luoshi.Domain.Documents;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Luoshi.Web.Pages.Documents;

/// <summary>
/// 对比: what a later document says differently from an earlier one, side by side — the formulations (提法) and
/// figures it introduces, drops and continues. Without both documents chosen, the two latest are proposed.
/// </summary>
public sealed class DiffModel(ListDocuments list, CompareDocuments compare, UiFormat format, IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? A { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? B { get; set; }

    public IReadOnlyList<DocumentSummary> Documents { get; private set; } = [];

    public CompareDocuments.DiffView? Diff { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Documents = await list.Handle(new ListDocuments.Query(), ct);
        if (A is null && B is null)
        {
            return;
        }

        foreach (var (name, id) in new[] { ("A", A), ("B", B) })
        {
            if (id is null)
            {
                ModelState.AddModelError(name, text["Diff.Choose"]);
            }
            else if (Documents.All(d => d.Id != id))
            {
                ModelState.AddModelError(name, string.Format(CultureInfo.CurrentCulture, text["Diff.NoSuchDocument"], id));
            }
        }

        if (A == B && A is not null)
        {
            ModelState.AddModelError("B", text["Diff.Same"]);
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        try
        {
            Diff = await compare.Handle(A, B, ct);
        }
        catch (InputRefusedException e)
        {
            foreach (var x in e.Errors)
            {
                ModelState.AddModelError(x.Field == "from" ? "A" : "B", UiFormat.Message(x.Message));
            }
        }
    }

    /// <summary>The earlier of the two latest documents and the later, as the picker's default.</summary>
    public (int? A, int? B) Proposed =>
        A is not null || B is not null ? (A, B)
        : Documents.Count >= 2 ? (Documents[1].Id, Documents[0].Id) : (null, null);

    /// <summary>A figure as it was spoken: 增长 5.5% 左右 (目标), 35.2 万人 (实际).</summary>
    public string Spoken(CompareDocuments.FigureSide side, string unit)
    {
        var value = side.Value.ToString("0.############", CultureInfo.InvariantCulture);
        var qualifier = side.Qualifier is { } q ? " " + format.Label(q) : string.Empty;
        var measure = side.Measure is { } m ? m + " " : string.Empty;
        var period = side.Period is { } p ? $"{p} · " : string.Empty;
        return $"{period}{measure}{value} {unit}{qualifier} ({format.Label(side.Kind)})";
    }

    public string? ErrorOf(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;
}
