using Luoshi.Application.Indicators;
using Luoshi.Application.Organization;
using Luoshi.Application.Readings;
using Luoshi.Domain.Common;
using Luoshi.Domain.Organization;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Luoshi.Web.Pages.Indicators;

/// <summary>
/// One indicator: a unit's values over time with its annual targets, the year-on-year change, the comparison
/// with reference units (全国 and peer provinces) where they report it, and every unit's value for one period.
/// </summary>
public sealed class DetailModel(GetIndicator get, ListOrgUnits orgUnits, Figures figures, UiContext ui, UiFormat format, IStringLocalizer<UiText> text) : PageModel
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

    /// <summary>One period of the unit shown: value, change on a year earlier, the year's target.</summary>
    public sealed record Point(Period Period, ReadingView Reading, YearOnYear? Change, TargetView? Target);

    /// <summary>A reference unit's latest value.</summary>
    public sealed record Peer(OrgUnitView Unit, ReadingView Latest, YearOnYear? Change);

    public sealed record Row(OrgUnitView Unit, ReadingView? Reading, decimal? LastYear, YearOnYear? Change, int Depth);

    public async Task OnGetAsync(string code, CancellationToken ct)
    {
        Indicator = await get.Handle(code, ct);
        Units = await orgUnits.Handle(new(), ct);
        var byCode = Units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        var province = Units.FirstOrDefault(u => u.Kind == OrgUnitKind.Province);
        Unit = Org is not null && byCode.TryGetValue(Org, out var chosen) ? chosen : province ?? Units.FirstOrDefault();
        if (Unit is null)
        {
            return;
        }

        var firstYear = ui.Today.Year - YearsShown + 1;
        var main = await figures.Series(Indicator, Unit.Code, firstYear - 1, ct);
        var targets = await figures.AnnualTargets(Indicator.Code, Unit.Code, ct);
        Points = ToPoints(main, targets, firstYear);

        var peers = new List<(OrgUnitView Unit, IReadOnlyList<Point> Points)>();
        foreach (var reference in Units.Where(u => u.Kind == OrgUnitKind.Reference && u.Code != Unit.Code))
        {
            var series = ToPoints(await figures.Series(Indicator, reference.Code, firstYear - 1, ct), new Dictionary<int, TargetView>(), firstYear);
            if (series.Count > 0)
            {
                peers.Add((reference, series));
            }
        }

        Peers = [.. peers.Select(p => new Peer(p.Unit, p.Points[^1].Reading, p.Points[^1].Change))];
        BuildCharts(peers);
        await BuildTable(byCode, province, ct);
    }

    private IReadOnlyList<Point> ToPoints(IReadOnlyList<ReadingView> series, IReadOnlyDictionary<int, TargetView> targets, int firstYear)
    {
        var byPeriod = series.ToDictionary(r => r.Period, StringComparer.Ordinal);
        return [.. series.Select(r => (Reading: r, Period: Domain.Common.Period.Parse(r.Period)))
            .Where(x => x.Period.Year >= firstYear)
            .Select(x => new Point(
                x.Period,
                x.Reading,
                YearOnYear.Of(x.Reading.Value, byPeriod.GetValueOrDefault(x.Period.SamePeriodLastYear.ToString())?.Value, Indicator.Unit),
                targets.GetValueOrDefault(x.Period.Year)))];
    }

    private void BuildCharts(List<(OrgUnitView Unit, IReadOnlyList<Point> Points)> peers)
    {
        var periods = Points.Select(p => p.Period).Concat(peers.SelectMany(p => p.Points.Select(x => x.Period))).Distinct().Order().ToList();
        if (periods.Count == 0)
        {
            return;
        }

        var labels = periods.Select(p => format.Period(p.ToString())).ToList();
        List<decimal?> Values(IReadOnlyList<Point> points, Func<Point, decimal?> pick)
        {
            var map = points.ToDictionary(p => p.Period);
            return [.. periods.Select(p => map.TryGetValue(p, out var x) ? pick(x) : null)];
        }

        var series = new List<ChartSeries> { new(Unit!.Name, "main", Values(Points, p => p.Reading.Value)) };
        series.AddRange(peers.Select(p => new ChartSeries(p.Unit.Name, "peer", Values(p.Points, x => x.Reading.Value))));
        if (Points.Any(p => p.Target?.Value is not null))
        {
            var targetByYear = Points.Where(p => p.Target?.Value is not null).GroupBy(p => p.Period.Year).ToDictionary(g => g.Key, g => g.First().Target!.Value);
            series.Add(new(text["Figure.AnnualTarget"], "target", [.. periods.Select(p => targetByYear.TryGetValue(p.Year, out var t) ? t : null)]));
        }

        Chart = new ChartSpec(ChartSpec.Line, labels, series, Indicator.Unit, Indicator.Decimals);

        if (Points.Any(p => p.Change is not null))
        {
            var changeUnit = YearOnYear.IsRate(Indicator.Unit) ? text["Change.PointsUnit"].Value : "%";
            var changes = new List<ChartSeries> { new(Unit.Name, "main", Values(Points, p => p.Change?.Value)) };
            changes.AddRange(peers.Where(p => p.Points.Any(x => x.Change is not null))
                .Select(p => new ChartSeries(p.Unit.Name, "peer", Values(p.Points, x => x.Change?.Value))));
            ChangeChart = new ChartSpec(ChartSpec.Bars, labels, changes, changeUnit, 1);
        }
    }

    private async Task BuildTable(IReadOnlyDictionary<string, OrgUnitView> byCode, OrgUnitView? province, CancellationToken ct)
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

        TablePeriod = Domain.Common.Period.TryParse(Period, out var p) && TablePeriods.Contains(p) ? p : TablePeriods[0];
        var now = await figures.AtPeriod(Indicator.Code, TablePeriod.Value, ct);
        var before = await figures.AtPeriod(Indicator.Code, TablePeriod.Value.SamePeriodLastYear, ct);

        LevelShown = Level is "counties" or "departments" ? Level : "cities";
        IEnumerable<(OrgUnitView Unit, int Depth)> units = LevelShown switch
        {
            "counties" => Units.Where(u => u.Kind is OrgUnitKind.City or OrgUnitKind.County).Select(u => (u, u.Kind == OrgUnitKind.County ? 1 : 0)),
            "departments" => Units.Where(u => u.Kind == OrgUnitKind.Department).Select(u => (u, 0)),
            _ => Units.Where(u => u.Kind is OrgUnitKind.Province or OrgUnitKind.City).Select(u => (u, u.Kind == OrgUnitKind.City ? 1 : 0)),
        };
        Rows = [.. units
            .Where(x => LevelShown != "departments" || now.ContainsKey(x.Unit.Code))
            .Select(x =>
            {
                var reading = now.GetValueOrDefault(x.Unit.Code);
                var lastYear = before.GetValueOrDefault(x.Unit.Code)?.Value;
                return new Row(x.Unit, reading, lastYear, YearOnYear.Of(reading?.Value, lastYear, Indicator.Unit), x.Depth);
            })];
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
