using Luoshi.Application.Evaluation;
using Luoshi.Application.Indicators;
using Luoshi.Application.Organization;
using Luoshi.Application.Readings;
using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Luoshi.Web.Pages.Indicators;

/// <summary>
/// One indicator as the engine judges it: a unit's values over time with its annual targets and, for a
/// cumulative indicator, the expected-to-date line; the year-on-year change; the comparison with reference
/// units (全国 and peer provinces) where they report it; and every unit's value, status and rank for one period.
/// </summary>
public sealed class DetailModel(GetIndicator get, ListOrgUnits orgUnits, EvaluateIndicator evaluateIndicator, Figures figures, UiContext ui, UiFormat format, IStringLocalizer<UiText> text, Application.Publication.Publish publish, Application.Common.ICurrentActor actor) : PageModel
{
    private const int YearsShown = 4;

    /// <summary>The unit whose values the chart shows; the province by default.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Org { get; set; }

    /// <summary>The period of the table by unit; the latest by default.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    /// <summary>Which units the table lists: cities (with the province), counties or departments.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Level { get; set; }

    public IndicatorView Indicator { get; private set; } = null!;
    public OrgUnitView? Unit { get; private set; }
    public IReadOnlyList<OrgUnitView> Units { get; private set; } = [];
    public IReadOnlyList<Point> Points { get; private set; } = [];
    public IReadOnlyList<Peer> Peers { get; private set; } = [];
    public ChartSpec? Chart { get; private set; }
    public ChartSpec? ChangeChart { get; private set; }
    public Period? TablePeriod { get; private set; }
    public IReadOnlyList<Period> TablePeriods { get; private set; } = [];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public string LevelShown { get; private set; } = "cities";

    /// <summary>Whether the indicator is on the public portal, and the switch for those who may publish.</summary>
    public Public.PublishControl? Publication { get; private set; }

    public bool IsCumulative => Indicator.ValueKind == ValueKind.Cumulative;

    /// <summary>One period of the unit shown, as the engine judged it, with the year's target as set and whether the unit reported the value itself.</summary>
    public sealed record Point(Period Period, EvaluationRowView Row, TargetView? Target, bool Reported);

    /// <summary>A reference unit's latest judged value.</summary>
    public sealed record Peer(OrgUnitView Unit, EvaluationRowView Latest);

    /// <param name="Judged">The engine's row: value (reported or summed), status, year-on-year and rank among siblings.</param>
    /// <param name="Reading">The unit's own reading, if it reported one: its state, who changed it last, its versions.</param>
    public sealed record Row(OrgUnitView Unit, EvaluationRowView? Judged, ReadingView? Reading, decimal? LastYear, int Depth);

    public async Task OnGetAsync(string code, CancellationToken ct)
    {
        Indicator = await get.Handle(code, ct);
        Publication = await Public.PublishControl.For(publish, actor, Application.Publication.PublicationKind.Indicator, Indicator.Code, "/indicators/" + Uri.EscapeDataString(Indicator.Code), ct);
        Units = await orgUnits.Handle(new(), ct);
        var province = Units.FirstOrDefault(u => u.Kind == OrgUnitKind.Province);
        Unit = Org is not null && Units.FirstOrDefault(u => u.Code == Org) is { } chosen ? chosen : province ?? Units.FirstOrDefault();
        if (Unit is null)
        {
            return;
        }

        var firstYear = ui.Today.Year - YearsShown + 1;
        var periods = new List<Period> { Figures.LatestOf(Indicator.Frequency, Domain.Common.Period.Containing(Frequency.Month, ui.Today)) };
        while (periods[0].Previous.Year >= firstYear)
        {
            periods.Insert(0, periods[0].Previous);
        }

        var references = Units.Where(u => u.Kind == OrgUnitKind.Reference && u.Code != Unit.Code).ToList();
        var series = await evaluateIndicator.Handle(Indicator.Code, [.. references.Select(r => r.Code).Prepend(Unit.Code)], periods, null, ct);
        var reported = (await figures.Series(Indicator, Unit.Code, firstYear, ct)).Select(r => r.Period).ToHashSet(StringComparer.Ordinal);
        var targets = await figures.AnnualTargets(Indicator.Code, Unit.Code, ct);
        Points = [.. Judged(series, Unit.Code).Select(x => new Point(x.Period, x.Row, targets.GetValueOrDefault(x.Period.Year), reported.Contains(x.Period.ToString())))];

        var peers = references
            .Select(r => (Unit: r, Points: Judged(series, r.Code)))
            .Where(p => p.Points.Count > 0)
            .ToList();
        Peers = [.. peers.Select(p => new Peer(p.Unit, p.Points[^1].Row))];
        BuildCharts(peers);
        await BuildTable(province, ct);
    }

    /// <summary>
    /// The periods at which the engine found a value for the unit — except a sum of the first few units below
    /// it to report before the period is even due, which is not yet a figure for the unit.
    /// </summary>
    private List<(Period Period, EvaluationRowView Row)> Judged(IReadOnlyList<EvaluationResult> series, string org) =>
        [.. series.Select(s => (s.Period, s.AsOf, Row: s.Find(Indicator.Code, org)))
            .Where(x => x.Row is { Actual: not null } r && !Premature(r, x.AsOf))
            .Select(x => (x.Period, EvaluationRowView.From(x.Row!.Value)))];

    private static bool Premature(EvaluationRow row, DateOnly asOf) =>
        row.IsRolledUp && row.ChildrenReported < row.ChildrenTotal && row.DueDate > asOf;

    private void BuildCharts(List<(OrgUnitView Unit, List<(Period Period, EvaluationRowView Row)> Points)> peers)
    {
        var periods = Points.Select(p => p.Period).Concat(peers.SelectMany(p => p.Points.Select(x => x.Period))).Distinct().Order().ToList();
        if (periods.Count == 0)
        {
            return;
        }

        var labels = periods.Select(p => format.Period(p.ToString())).ToList();
        List<decimal?> Values(IEnumerable<(Period Period, EvaluationRowView Row)> points, Func<EvaluationRowView, double?> pick)
        {
            var map = points.ToDictionary(p => p.Period, p => pick(p.Row));
            return [.. periods.Select(p => map.TryGetValue(p, out var v) && v is { } d ? (decimal?)Math.Round((decimal)d, 4) : null)];
        }

        var mine = Points.Select(p => (p.Period, p.Row)).ToList();
        var series = new List<ChartSeries> { new(Unit!.Name, "main", Values(mine, r => r.Actual)) };
        series.AddRange(peers.Select(p => new ChartSeries(p.Unit.Name, "peer", Values(p.Points, r => r.Actual))));
        if (Points.Any(p => p.Target?.Value is not null))
        {
            var targetByYear = Points.Where(p => p.Target?.Value is not null).GroupBy(p => p.Period.Year).ToDictionary(g => g.Key, g => g.First().Target!.Value);
            series.Add(new(text["Figure.AnnualTarget"], "target", [.. periods.Select(p => targetByYear.TryGetValue(p.Year, out var t) ? t : null)]));
        }

        // Where a year-to-date value should be by each period: the annual target times the share of the year expected done.
        if (IsCumulative && Points.Any(p => p.Row.Expected is not null))
        {
            series.Add(new(text["Figure.Expected"], "expected", Values(mine, r => r.Expected)));
        }

        Chart = new ChartSpec(ChartSpec.Line, labels, series, Indicator.Unit, Indicator.Decimals);

        static double? Change(EvaluationRowView r) => r.YoyPoints ?? r.Yoy;
        if (Points.Any(p => Change(p.Row) is not null))
        {
            var inPoints = Points.Any(p => p.Row.YoyPoints is not null);
            var changes = new List<ChartSeries> { new(Unit.Name, "main", Values(mine, Change)) };
            changes.AddRange(peers.Where(p => p.Points.Any(x => Change(x.Row) is not null))
                .Select(p => new ChartSeries(p.Unit.Name, "peer", Values(p.Points, Change))));
            ChangeChart = new ChartSpec(ChartSpec.Bars, labels, changes, inPoints ? text["Change.PointsUnit"].Value : "%", 1);
        }
    }

    private async Task BuildTable(OrgUnitView? province, CancellationToken ct)
    {
        TablePeriods = [.. Points.Select(p => p.Period).Reverse()];
        if (TablePeriods.Count == 0 && province is not null && province.Code != Unit!.Code)
        {
            TablePeriods = [.. (await figures.Series(Indicator, province.Code, ui.Today.Year - YearsShown + 1, ct)).Select(r => Domain.Common.Period.Parse(r.Period)).Reverse()];
        }

        if (TablePeriods.Count == 0)
        {
            return;
        }

        var period = Domain.Common.Period.TryParse(Period, out var p) && TablePeriods.Contains(p) ? p : TablePeriods[0];
        TablePeriod = period;
        LevelShown = Level is "counties" or "departments" ? Level : "cities";
        var units = (LevelShown switch
        {
            "counties" => Units.Where(u => u.Kind is OrgUnitKind.City or OrgUnitKind.County).Select(u => (Unit: u, Depth: u.Kind == OrgUnitKind.County ? 1 : 0)),
            "departments" => Units.Where(u => u.Kind == OrgUnitKind.Department).Select(u => (Unit: u, Depth: 0)),
            _ => Units.Where(u => u.Kind is OrgUnitKind.Province or OrgUnitKind.City).Select(u => (Unit: u, Depth: u.Kind == OrgUnitKind.City ? 1 : 0)),
        }).ToList();
        var judged = (await evaluateIndicator.Handle(Indicator.Code, [.. units.Select(u => u.Unit.Code)], [period], null, ct))[0];
        var now = await figures.AtPeriod(Indicator.Code, period, ct);
        var before = await figures.AtPeriod(Indicator.Code, period.SamePeriodLastYear, ct);
        Rows = [.. units
            .Select(x => new Row(x.Unit, judged.Find(Indicator.Code, x.Unit.Code) is { } r && !Premature(r, judged.AsOf) ? EvaluationRowView.From(r) : null, now.GetValueOrDefault(x.Unit.Code), before.GetValueOrDefault(x.Unit.Code)?.Value, x.Depth))
            .Where(r => LevelShown != "departments" || r.Judged?.Actual is not null || r.Reading is not null)];
    }

    /// <summary>Switches the indicator onto or off the public portal (<see cref="Application.Publication.Publish.Handle"/> checks who may), then shows the page again.</summary>
    public async Task<IActionResult> OnPostPublishAsync(string code, bool on, CancellationToken ct)
    {
        var view = await publish.Handle(Application.Publication.PublicationKind.Indicator, code, on, ct);
        return LocalRedirect("/indicators/" + Uri.EscapeDataString(view.Code));
    }

    public string HistoryUrl(string org, Period period) =>
        $"/indicators/{Uri.EscapeDataString(Indicator.Code)}/history?org={Uri.EscapeDataString(org)}&period={period}";

    public string PageUrl(string? org = null, string? period = null, string? level = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["org"] = org ?? Unit?.Code,
            ["period"] = period ?? TablePeriod?.ToString(),
            ["level"] = level ?? LevelShown,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString($"/indicators/{Uri.EscapeDataString(Indicator.Code)}", query);
    }
}
