using Luoshi.Application.Indicators;
using Luoshi.Domain.Common;

namespace Luoshi.Application.Readings;

/// <summary>The reads the pages make of readings and targets, through the same use cases as the API.</summary>
public sealed class Figures(QueryReadings readings, ListTargets targets)
{
    /// <summary>One unit's values of one indicator from the start of <paramref name="fromYear"/>, in the indicator's own periods, oldest first.</summary>
    public async Task<IReadOnlyList<ReadingView>> Series(IndicatorView indicator, string org, int fromYear, CancellationToken ct)
    {
        var rows = await readings.Handle(new(indicator.Code, org, Period.OfYear(fromYear).ToString(), null, QueryReadings.MaxRows), ct);
        return [.. rows.Where(r => Period.TryParse(r.Period, out var p) && p.Kind == indicator.Frequency).OrderBy(r => Period.Parse(r.Period))];
    }

    /// <summary>Every unit's value of one indicator for exactly one period, by unit code.</summary>
    public async Task<IReadOnlyDictionary<string, ReadingView>> AtPeriod(string indicator, Period period, CancellationToken ct)
    {
        var code = period.ToString();
        var rows = await readings.Handle(new(indicator, null, code, code, QueryReadings.MaxRows), ct);
        return rows.Where(r => r.Period == code).ToDictionary(r => r.Org, StringComparer.Ordinal);
    }

    /// <summary>Annual targets (not withdrawn) of one indicator for one unit, by year.</summary>
    public async Task<IReadOnlyDictionary<int, TargetView>> AnnualTargets(string indicator, string org, CancellationToken ct)
    {
        var list = await targets.Handle(new(indicator, org), ct);
        return list.Where(t => !t.Withdrawn && t.Value is not null && Period.TryParse(t.Year, out var p) && p.Kind == Frequency.Year)
            .ToDictionary(t => Period.Parse(t.Year).Year);
    }

    /// <summary>Annual targets of every indicator for one unit and year, by indicator code.</summary>
    public async Task<IReadOnlyDictionary<string, TargetView>> TargetsOfYear(string org, int year, CancellationToken ct)
    {
        var list = await targets.Handle(new(null, org, Period.OfYear(year).ToString()), ct);
        return list.Where(t => !t.Withdrawn && t.Value is not null).ToDictionary(t => t.Indicator, StringComparer.Ordinal);
    }

    /// <summary>The latest period of <paramref name="frequency"/> that ends no later than <paramref name="within"/> does.</summary>
    public static Period LatestOf(Frequency frequency, Period within)
    {
        var p = Period.Containing(frequency, within.End);
        return p.End > within.End ? p.Previous : p;
    }
}
