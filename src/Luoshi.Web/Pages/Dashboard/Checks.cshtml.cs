using Luoshi.Application.Evaluation;
using Luoshi.Application.Indicators;
using Luoshi.Application.Organization;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Organization;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Web.Pages.Dashboard;

/// <summary>双过半 and 开门红 item by item: which indicator at which unit passed, with the figures the check read.</summary>
public sealed class ChecksModel(CalendarChecks calendar, ListIndicators indicators, ListOrgUnits orgUnits, UiContext ui) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>"all": every unit of the province; otherwise the province and its cities.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    /// <summary>Only the items that did not pass.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Failed { get; set; }

    public OrgUnitView? Province { get; private set; }
    public CalendarChecksView? Checks { get; private set; }
    public IReadOnlyDictionary<string, IndicatorView> Indicators { get; private set; } = new Dictionary<string, IndicatorView>();
    public IReadOnlyDictionary<string, OrgUnitView> Units { get; private set; } = new Dictionary<string, OrgUnitView>();
    public IReadOnlyList<HalfYearItem> HalfYear { get; private set; } = [];
    public IReadOnlyList<FirstQuarterItem> FirstQuarter { get; private set; } = [];
    /// <summary>Passed and checked at the units of the level shown, whatever the "only failed" filter hides.</summary>
    public (int Passed, int Total) HalfYearCount { get; private set; }
    public (int Passed, int Total) FirstQuarterCount { get; private set; }

    /// <summary>The province and its cities as the columns of a matrix; empty when every unit is listed instead.</summary>
    public IReadOnlyList<OrgUnitView> Columns { get; private set; } = [];

    public bool AllUnits => string.Equals(Level, "all", StringComparison.OrdinalIgnoreCase);
    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var units = await orgUnits.Handle(new(), ct);
        Province = units.FirstOrDefault(u => u.Kind == OrgUnitKind.Province);
        if (Province is null)
        {
            return NotFound();
        }

        Years = [.. Enumerable.Range(0, 5).Select(k => ui.Today.Year - k)];
        Units = units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        Indicators = (await indicators.Handle(ct)).ToDictionary(i => i.Code, StringComparer.Ordinal);
        Checks = await calendar.Handle(Year ?? ui.Today.Year, Province.Code, null, ct);
        bool InLevel(string org) => AllUnits || org == Province.Code || Units.GetValueOrDefault(org)?.Kind == OrgUnitKind.City;
        var half = (Checks.HalfYear?.Items ?? []).Where(i => InLevel(i.OrgCode)).ToList();
        var quarter = (Checks.FirstQuarter?.Items ?? []).Where(i => InLevel(i.OrgCode)).ToList();
        HalfYearCount = (half.Count(i => i.Passed), half.Count);
        FirstQuarterCount = (quarter.Count(i => i.Passed), quarter.Count);
        HalfYear = [.. half.Where(i => !(Failed && i.Passed))];
        FirstQuarter = [.. quarter.Where(i => !(Failed && i.Passed))];
        Columns = AllUnits ? [] : [.. units.Where(u => InLevel(u.Code) && (half.Any(i => i.OrgCode == u.Code) || quarter.Any(i => i.OrgCode == u.Code)))];
        return Page();
    }

    public string UnitName(string code) => Units.GetValueOrDefault(code)?.Name ?? code;

    public string IndicatorName(string code) => Indicators.GetValueOrDefault(code)?.Name ?? code;

    public int Decimals(string code) => Indicators.GetValueOrDefault(code)?.Decimals ?? 2;
}
