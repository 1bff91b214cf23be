using Luoshi.Application.Publication;
using Luoshi.Domain.Evaluation;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Luoshi.Web.Pages.Public;

/// <summary>The regions under the unit chosen (the province by default): their public indicators' lights and their public projects, as a chart and a table.</summary>
public sealed class RegionsModel(PublicPortal portal, UiFormat format) : PublicPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Org { get; set; }

    public IReadOnlyList<PublicRegionRow> Rows { get; private set; } = [];

    public IReadOnlyList<PublicUnit> Units { get; private set; } = [];

    public ChartSpec? Chart { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var regions = await RegionCodes(portal, ct);
        Units = [.. (await portal.Home(null, ct)).Units.Where(u => regions.Contains(u.Code))];
        return await Answer(async () =>
        {
            // Departments sit under the province too, but they are not places.
            Rows = [.. (await portal.Regions(Org, ct)).Where(r => regions.Contains(r.Unit.Code))];
            if (Rows.Count > 0)
            {
                Chart = new ChartSpec(
                    ChartSpec.Grouped,
                    [.. Rows.Select(r => r.Unit.Name)],
                    [
                        new(format.Status(EvaluationStatus.Green), "green", [.. Rows.Select(r => (decimal?)r.Green)]),
                        new(format.Status(EvaluationStatus.Yellow), "yellow", [.. Rows.Select(r => (decimal?)r.Yellow)]),
                        new(format.Status(EvaluationStatus.Red), "red", [.. Rows.Select(r => (decimal?)r.Red)]),
                    ],
                    string.Empty,
                    0);
            }
        });
    }
}
