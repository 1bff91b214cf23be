using Luoshi.Application.Organization;
using Luoshi.Application.Projects;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Luoshi.Web.Pages.Projects;

/// <summary>
/// One project: its facts, its start status with the reason, a year of cumulative investment completed
/// against the plan curve (the year's plan spread by the S-curve), and every month it reported.
/// </summary>
public sealed class DetailModel(ProjectQueries projects, ListOrgUnits orgUnits, UiFormat format, IStringLocalizer<UiText> text, Application.Publication.Publish publish, Application.Common.ICurrentActor actor) : PageModel
{
    /// <summary>The year the chart shows; the current year by default.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public ProjectView Project { get; private set; } = null!;
    public ProjectCurve Curve { get; private set; } = null!;
    public string OrgName { get; private set; } = string.Empty;
    public string? LeadName { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public ChartSpec? Chart { get; private set; }

    /// <summary>Whether the project is on the public portal, and the switch for those who may publish.</summary>
    public Public.PublishControl? Publication { get; private set; }

    public async Task OnGetAsync(string code, CancellationToken ct)
    {
        Project = await projects.Get(code, null, ct);
        Publication = await Public.PublishControl.For(publish, actor, Application.Publication.PublicationKind.Project, Project.Code, "/projects/" + Uri.EscapeDataString(Project.Code), ct);
        var units = (await orgUnits.Handle(new(), ct)).ToDictionary(u => u.Code, StringComparer.Ordinal);
        OrgName = units.GetValueOrDefault(Project.Org)?.Name ?? Project.Org;
        LeadName = Project.LeadDepartment is { } lead ? units.GetValueOrDefault(lead)?.Name ?? lead : null;
        var first = await projects.Curve(code, null, null, ct);
        Years = [.. Project.Plans.Select(p => p.Year).Concat(Project.Progress.Select(m => int.Parse(m.Month[..4], System.Globalization.CultureInfo.InvariantCulture))).Append(first.Year).Distinct().OrderDescending()];
        Curve = Year is { } y && Years.Contains(y) ? await projects.Curve(code, y, null, ct) : first;
        Year = Curve.Year;
        if (Curve.AnnualPlan is null && Curve.Months.All(m => m.Cumulative is null))
        {
            return;
        }

        var labels = Curve.Months.Select(m => format.Period($"{Curve.Year:D4}-{m.Month:D2}")).ToList();
        var series = new List<ChartSeries> { new(text["Project.Cumulative"], "main", [.. Curve.Months.Select(m => m.Cumulative)]) };
        if (Curve.AnnualPlan is { } plan)
        {
            series.Add(new(text["Project.PlanCurve"], "expected", [.. Curve.Months.Select(m => m.Expected)]));
            series.Add(new(text["Project.AnnualPlan"], "target", [.. Curve.Months.Select(_ => (decimal?)plan)]));
        }

        Chart = new ChartSpec(ChartSpec.Line, labels, series, text["Project.Unit"], 2);
    }

    /// <summary>Switches the project onto or off the public portal (<see cref="Application.Publication.Publish.Handle"/> checks who may), then shows the page again.</summary>
    public async Task<IActionResult> OnPostPublishAsync(string code, bool on, CancellationToken ct)
    {
        var view = await publish.Handle(Application.Publication.PublicationKind.Project, code, on, ct);
        return LocalRedirect("/projects/" + Uri.EscapeDataString(view.Code));
    }
}
