using Luoshi.Application.Evaluation;
using Luoshi.Application.Publication;
using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;
using Luoshi.Web.Ui;

namespace Luoshi.Web.Pages.Public;

/// <summary>The portal's charts, drawn by the app's own chart script (<see cref="ChartSpec"/>); each has its table on the page.</summary>
public static class PublicCharts
{
    public static readonly Text TargetLine = new("年度目标", "Annual target");
    public static readonly Text ExpectedLine = new("序时进度", "Expected to date");

    /// <summary>The unit's values over the periods chosen, with the target and, for a cumulative indicator, the expected-to-date line.</summary>
    public static ChartSpec? Trend(PublicIndicatorPage page, UiFormat format)
    {
        if (page.Trend.Count == 0)
        {
            return null;
        }

        var series = new List<ChartSeries> { new(page.Org.Name, "main", [.. page.Trend.Select(r => Round(r.Actual))]) };
        if (page.Trend.Any(r => r.Target is not null))
        {
            series.Add(new(TargetLine.ToString(), "target", [.. page.Trend.Select(r => r.Target)]));
        }

        if (page.Indicator.ValueKind == ValueKind.Cumulative && page.Trend.Any(r => r.Expected is not null))
        {
            series.Add(new(ExpectedLine.ToString(), "expected", [.. page.Trend.Select(r => Round(r.Expected))]));
        }

        return new ChartSpec(ChartSpec.Line, [.. page.Trend.Select(r => format.Period(r.Period))], series, page.Indicator.Unit, 2);
    }

    public static decimal? Round(double? value) => value is { } v && double.IsFinite(v) ? Math.Round((decimal)v, 4) : null;
}

/// <summary>What the shared chart-and-table partial shows.</summary>
public sealed record IndicatorFigure(PublicIndicatorPage Data, ChartSpec? Chart);
