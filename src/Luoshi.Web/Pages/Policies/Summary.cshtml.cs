using Luoshi.Application.Policies;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Luoshi.Web.Pages.Policies;

/// <summary>The delivery figures by responsible department or by region rolled up the org tree, each row with its reason, and a chart.</summary>
public sealed class SummaryModel(PolicyQueries policies, UiContext ui, IStringLocalizer<UiText> text) : PageModel
{
    /// <summary>department (default) or region.</summary>
    [BindProperty(SupportsGet = true)]
    public string? By { get; set; }

    public IReadOnlyList<PolicySummaryRow> Rows { get; private set; } = [];
    public ChartSpec? Chart { get; private set; }
    public DateOnly AsOf { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        By = By == "region" ? "region" : "department";
        AsOf = ui.Today;
        Rows = await policies.Summary(AsOf, By, null, ct);
        var shown = By == "region" ? Rows.Where(r => r.Key.EndsWith("00", StringComparison.Ordinal) && !r.Key.EndsWith("0000", StringComparison.Ordinal)).ToList() : [.. Rows];
        if (shown.Count > 0)
        {
            Chart = new ChartSpec(
                ChartSpec.Bars,
                [.. shown.Select(r => r.Name)],
                [
                    new(text["Policies.PayoutRate"], "main", [.. shown.Select(r => r.PayoutRate is { } v ? (decimal)v : (decimal?)null)]),
                    new(text["Policies.OnTimeRate"], "change", [.. shown.Select(r => r.OnTimeRate is { } v ? (decimal)v : (decimal?)null)]),
                ],
                "%",
                1);
        }
    }
}
