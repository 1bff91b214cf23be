using Luoshi.Application.Common;
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
/// The region summary: per region (its projects and everything under it) and per category, 开工率 with its
/// numerator and denominator, the year's investment completion against the expected-to-date, 竣工率 and the
/// private share; a bar chart of the regions one level down.
/// </summary>
public sealed class RegionsModel(ProjectQueries projects, ListOrgUnits orgUnits, ICurrentActor actor, UiContext ui, IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The region at the top of the table; the reader's own unit when their grant is bound to one.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Org { get; set; }

    /// <summary>cities (default: the region and the level below) or counties (two levels).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    public IReadOnlyList<ProjectSummaryRow> Rows { get; private set; } = [];
    public IReadOnlyList<ProjectSummaryRow> ByCategory { get; private set; } = [];
    public IReadOnlyDictionary<string, OrgUnitView> Units { get; private set; } = new Dictionary<string, OrgUnitView>();
    public IReadOnlyList<OrgUnitView> Choices { get; private set; } = [];
    public ChartSpec? Chart { get; private set; }
    public DateOnly AsOf { get; private set; }
    public string? Refused { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await orgUnits.Handle(new(), ct);
        Units = all.ToDictionary(u => u.Code, StringComparer.Ordinal);
        Org ??= actor.GrantUnits(Permission.ReadAll).FirstOrDefault();
        Choices = [.. all.Where(u => u.Kind is OrgUnitKind.Province or OrgUnitKind.City && actor.Can(Permission.ReadAll, u.Path))];
        AsOf = ui.Today;
        if (Year is not (>= Period.MinYear and <= Period.MaxYear))
        {
            Year = AsOf.Year;
        }

        var asOf = Domain.Projects.ProjectMetrics.JudgedOn(Year.Value, AsOf);
        try
        {
            Rows = await projects.Summary(Year, asOf, Org, false, ct);
            ByCategory = await projects.Summary(Year, asOf, Org, true, ct);
        }
        catch (NotFoundException e)
        {
            Refused = UiFormat.Message(e.Message);
            Org = null;
            Rows = await projects.Summary(Year, asOf, null, false, ct);
            ByCategory = await projects.Summary(Year, asOf, null, true, ct);
        }

        AsOf = asOf;
        var top = Rows.Count > 0 ? Depth(Rows[0].Org) : 0;
        Level = Level == "counties" ? "counties" : "cities";
        Rows = [.. Rows.Where(r => Depth(r.Org) - top <= (Level == "counties" ? 2 : 1))];
        var children = Rows.Where(r => Depth(r.Org) == top + 1).ToList();
        if (children.Count > 0)
        {
            Chart = new ChartSpec(
                ChartSpec.Bars,
                [.. children.Select(r => r.OrgName)],
                [
                    new(text["Projects.StartRate"], "main", [.. children.Select(r => Dec(r.StartRate))]),
                    new(text["Projects.CompletionRate"], "change", [.. children.Select(r => Dec(r.CompletionRate))]),
                    new(text["Projects.ExpectedShare"], "expected", [.. children.Select(r => r.AnnualPlan > 0 ? Math.Round(r.ExpectedYtd / r.AnnualPlan * 100, 1) : (decimal?)null)]),
                ],
                "%",
                1);
        }
    }

    private static decimal? Dec(double? v) => v is { } x ? (decimal)x : null;

    /// <summary>How deep a region sits: the province 0, a city 1, a county 2.</summary>
    public int Depth(string code) => Units.TryGetValue(code, out var u) ? u.Kind switch
    {
        OrgUnitKind.Province => 0,
        OrgUnitKind.City => 1,
        _ => 2,
    } : 0;
}
