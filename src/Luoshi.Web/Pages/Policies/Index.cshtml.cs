using Luoshi.Application.Policies;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Luoshi.Web.Pages.Policies;

/// <summary>The policy packages and their policies with their delivery figures, and a chart of payout and on-time rate by policy.</summary>
public sealed class IndexModel(PolicyQueries policies, UiContext ui, IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Package { get; set; }

    public IReadOnlyList<PolicyView> Policies { get; private set; } = [];
    public IReadOnlyList<string> Packages { get; private set; } = [];
    public ChartSpec? Chart { get; private set; }
    public DateOnly AsOf { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        AsOf = ui.Today;
        var all = await policies.List(null, AsOf, ct);
        Packages = [.. all.Select(p => p.Package).Distinct()];
        Policies = [.. all.Where(p => string.IsNullOrWhiteSpace(Package) || p.Package == Package)];
        if (Policies.Count > 0)
        {
            Chart = new ChartSpec(
                ChartSpec.Bars,
                [.. Policies.Select(p => p.Code)],
                [
                    new(text["Policies.PayoutRate"], "main", [.. Policies.Select(p => Dec(p.Figures.PayoutRate))]),
                    new(text["Policies.OnTimeRate"], "change", [.. Policies.Select(p => Dec(p.Figures.OnTimeRate))]),
                    new(text["Policies.BudgetExecution"], "expected", [.. Policies.Select(p => Dec(p.Figures.BudgetExecution))]),
                ],
                "%",
                1);
        }
    }

    private static decimal? Dec(double? v) => v is { } x ? (decimal)x : null;
}
