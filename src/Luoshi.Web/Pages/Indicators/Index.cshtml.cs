using Luoshi.Application.Indicators;
using Luoshi.Application.Organization;
using Luoshi.Application.Plans;
using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Plans;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Web.Pages.Indicators;

/// <summary>Every indicator, filtered by text, frequency, value kind, derived or reported, and programme.</summary>
public sealed class IndexModel(ListIndicators indicators, ListPlanItems plans, ListOrgUnits orgUnits) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public Frequency? Frequency { get; set; }

    [BindProperty(SupportsGet = true)]
    public ValueKind? ValueKind { get; set; }

    /// <summary>"derived" (computed by formula) or "reported".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Source { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Programme { get; set; }

    public IReadOnlyList<IndicatorView> Shown { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<PlanItemView> Programmes { get; private set; } = [];
    public IReadOnlyDictionary<string, PlanItemView> PlanByCode { get; private set; } = new Dictionary<string, PlanItemView>();
    public IReadOnlyDictionary<string, string> UnitNames { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var all = await indicators.Handle(ct);
        var items = await plans.Handle(new(), ct);
        PlanByCode = items.ToDictionary(p => p.Code, StringComparer.Ordinal);
        Programmes = [.. items.Where(p => p.Kind == PlanItemKind.Programme)];
        UnitNames = (await orgUnits.Handle(new(), ct)).ToDictionary(u => u.Code, u => u.Name, StringComparer.Ordinal);
        Total = all.Count;

        IEnumerable<IndicatorView> shown = all;
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            shown = shown.Where(i => i.Code.Contains(q, StringComparison.OrdinalIgnoreCase) || i.Name.Contains(q, StringComparison.OrdinalIgnoreCase));
        }

        if (Frequency is { } f)
        {
            shown = shown.Where(i => i.Frequency == f);
        }

        if (ValueKind is { } k)
        {
            shown = shown.Where(i => i.ValueKind == k);
        }

        if (Source is "derived" or "reported")
        {
            var derived = Source == "derived";
            shown = shown.Where(i => (i.Formula is not null) == derived);
        }

        if (!string.IsNullOrWhiteSpace(Programme))
        {
            shown = shown.Where(i => i.PlanItems.Any(p => IsUnder(p, Programme)));
        }

        Shown = [.. shown];
        return Request.Headers.ContainsKey("HX-Request") && Request.Headers["HX-Target"] == "indicator-table"
            ? Partial("_IndicatorTable", this)
            : Page();
    }

    public IEnumerable<PlanItemView> ProgrammesOf(IndicatorView indicator) =>
        indicator.PlanItems.Select(ProgrammeOf).OfType<PlanItemView>().DistinctBy(p => p.Code);

    private PlanItemView? ProgrammeOf(string code)
    {
        for (var c = code; c is not null && PlanByCode.TryGetValue(c, out var item); c = item.Parent)
        {
            if (item.Kind == PlanItemKind.Programme)
            {
                return item;
            }
        }

        return null;
    }

    private bool IsUnder(string code, string ancestor)
    {
        for (var c = code; c is not null && PlanByCode.TryGetValue(c, out var item); c = item.Parent)
        {
            if (item.Code == ancestor)
            {
                return true;
            }
        }

        return false;
    }
}
