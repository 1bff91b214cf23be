using Luoshi.Application.Indicators;
using Luoshi.Application.Organization;
using Luoshi.Application.Readings;
using Luoshi.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Web.Pages.Indicators;

/// <summary>Every version of one cell (indicator × unit × period), newest first: who changed what, when and why.</summary>
public sealed class HistoryModel(GetIndicator getIndicator, GetOrgUnit getOrgUnit, GetReadingHistory history) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    public IndicatorView Indicator { get; private set; } = null!;
    public OrgUnitView Unit { get; private set; } = null!;
    public Period Cell { get; private set; }
    public IReadOnlyList<ReadingVersionView> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Org) || !Domain.Common.Period.TryParse(Period, out var period))
        {
            return NotFound();
        }

        Indicator = await getIndicator.Handle(code, ct);
        Unit = await getOrgUnit.Handle(Org, ct);
        Cell = period;
        Versions = await history.Handle(Indicator.Code, Unit.Code, period.ToString(), ct);
        return Request.Headers.ContainsKey("HX-Request") ? Partial("_History", this) : Page();
    }
}
