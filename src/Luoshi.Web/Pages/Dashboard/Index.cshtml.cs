using Luoshi.Application.Indicators;
using Luoshi.Application.Organization;
using Luoshi.Application.Readings;
using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Luoshi.Web.Pages.Dashboard;

/// <summary>
/// The leader's page: the province's headline indicators (latest value, annual target, share of it reached,
/// year-on-year change, a sparkline) and a city × indicator table of the same figures.
/// </summary>
public sealed class IndexModel(ListIndicators indicators, ListOrgUnits orgUnits, Figures figures, DashboardOptions options, UiContext ui, UiFormat format, IStringLocalizer<UiText> text) : PageModel
{
    private const int SparkYears = 3;
    private const int PickerMonths = 24;

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    public OrgUnitView? Province { get; private set; }
    public IReadOnlyList<OrgUnitView> Cities { get; private set; } = [];
    public Period? Selected { get; private set; }
    public IReadOnlyList<Period> Months { get; private set; } = [];
    public IReadOnlyList<Headline> Headlines { get; private set; } = [];

    public sealed record Headline(
        IndicatorView Indicator,
        Period Period,
        ReadingView? Value,
        YearOnYear? Change,
        TargetView? Target,
        decimal? ShareOfTarget,
        ChartSpec Spark,
        bool SparksChange,
        IReadOnlyDictionary<string, Cell> ByUnit);

    public sealed record Cell(decimal? Value, YearOnYear? Change);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Province = (await orgUnits.Handle(new(OrgUnitKind.Province), ct)).FirstOrDefault();
        if (Province is null)
        {
            return;
        }

        Cities = await orgUnits.Handle(new(OrgUnitKind.City, Province.Code), ct);
        var all = (await indicators.Handle(ct)).ToDictionary(i => i.Code, StringComparer.Ordinal);
        var shown = options.Headline.Select(c => all.GetValueOrDefault(c)).OfType<IndicatorView>().ToList();
        if (shown.Count == 0)
        {
            return;
        }

        var latest = await LatestMonth(shown, ct);
        if (latest is null)
        {
            return;
        }

        var months = new List<Period> { latest.Value };
        while (months.Count < PickerMonths)
        {
            months.Add(months[^1].Previous);
        }

        Months = months;
        Selected = Domain.Common.Period.TryParse(Period, out var chosen) && chosen.Kind == Frequency.Month && Months.Contains(chosen)
            ? chosen
            : Months[0];

        var targets = await figures.TargetsOfYear(Province.Code, Selected.Value.Year, ct);
        var list = new List<Headline>();
        foreach (var indicator in shown)
        {
            list.Add(await HeadlineOf(indicator, Selected.Value, targets.GetValueOrDefault(indicator.Code), ct));
        }

        Headlines = list;
    }

    private async Task<Period?> LatestMonth(IReadOnlyList<IndicatorView> shown, CancellationToken ct)
    {
        var probe = shown.FirstOrDefault(i => i.Frequency == Frequency.Month) ?? shown[0];
        var series = await figures.Series(probe, Province!.Code, ui.Today.Year - 3, ct);
        return series.Count == 0 ? null : Domain.Common.Period.Parse(series[^1].Period).EndMonthPeriod;
    }

    private async Task<Headline> HeadlineOf(IndicatorView indicator, Period month, TargetView? target, CancellationToken ct)
    {
        var period = Figures.LatestOf(indicator.Frequency, month);
        var series = (await figures.Series(indicator, Province!.Code, period.Year - SparkYears, ct))
            .Where(r => Domain.Common.Period.Parse(r.Period) <= period).ToList();
        var byPeriod = series.ToDictionary(r => r.Period, StringComparer.Ordinal);
        var value = byPeriod.GetValueOrDefault(period.ToString());
        var lastYear = byPeriod.GetValueOrDefault(period.SamePeriodLastYear.ToString());

        var now = await figures.AtPeriod(indicator.Code, period, ct);
        var before = await figures.AtPeriod(indicator.Code, period.SamePeriodLastYear, ct);
        var byUnit = new Dictionary<string, Cell>(StringComparer.Ordinal);
        foreach (var unit in Cities.Select(c => c.Code).Prepend(Province.Code))
        {
            var v = now.GetValueOrDefault(unit)?.Value;
            byUnit[unit] = new Cell(v, YearOnYear.Of(v, before.GetValueOrDefault(unit)?.Value, indicator.Unit));
        }

        // A year-to-date series saws back to zero every January, so cumulative indicators spark their year-on-year change instead.
        var cumulative = indicator.ValueKind == ValueKind.Cumulative;
        var spark = series.Select(r => (r.Period, Value: cumulative
                ? YearOnYear.Of(r.Value, byPeriod.GetValueOrDefault(Domain.Common.Period.Parse(r.Period).SamePeriodLastYear.ToString())?.Value, indicator.Unit)?.Value
                : r.Value))
            .Where(x => x.Value is not null)
            .TakeLast(indicator.Frequency == Frequency.Month ? 13 : 9).ToList();
        var share = cumulative && value?.Value is { } v2 && target?.Value is > 0 && target.Qualifier == TargetQualifier.AtLeast
            ? v2 / target.Value.Value
            : (decimal?)null;
        return new Headline(
            indicator,
            period,
            value,
            YearOnYear.Of(value?.Value, lastYear?.Value, indicator.Unit),
            target,
            share,
            new ChartSpec(
                ChartSpec.Spark,
                [.. spark.Select(x => format.Period(x.Period))],
                [new(cumulative ? text["Figure.YoY"] : indicator.Name, "main", [.. spark.Select(x => x.Value)])],
                cumulative ? "%" : indicator.Unit,
                cumulative ? 1 : indicator.Decimals),
            cumulative,
            byUnit);
    }
}
