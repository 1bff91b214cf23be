using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;

namespace Luoshi.Domain.Evaluation;

/// <summary>双过半 for one cumulative indicator at one unit: half the year has passed; has half the target been done?</summary>
public sealed record HalfYearItem(string IndicatorCode, string OrgCode, double? Actual, decimal AnnualTarget, double TimeShare, double? Completion, bool Passed);

public sealed record HalfYearReport(Period Period, IReadOnlyList<HalfYearItem> Items)
{
    public int Passed => Items.Count(i => i.Passed);
}

/// <summary>开门红 for one indicator at one unit: on track in the first quarter and growing year on year.</summary>
public sealed record FirstQuarterItem(string IndicatorCode, string OrgCode, EvaluationStatus Status, double? Growth, bool GrowthInPoints, bool Passed);

public sealed record FirstQuarterReport(Period Period, IReadOnlyList<FirstQuarterItem> Items)
{
    public int Passed => Items.Count(i => i.Passed);
}

public static partial class Evaluator
{
    /// <summary>双过半 for a year: evaluates June and checks it.</summary>
    public static HalfYearReport HalfYearCheck(EvaluationSnapshot snapshot, int year, DateOnly asOf, string? orgCode = null, int? depth = null) =>
        HalfYearCheck(Evaluate(snapshot, Period.OfMonth(year, 6), asOf, orgCode, depth));

    /// <summary>
    /// 双过半: at mid-year, time progress is 50% by the calendar; a cumulative higher-is-better indicator
    /// with an annual target passes where at least half the target is done. Annual-only indicators have
    /// nothing to show at mid-year and are left out.
    /// </summary>
    public static HalfYearReport HalfYearCheck(EvaluationResult atMidYear)
    {
        ArgumentNullException.ThrowIfNull(atMidYear);
        var period = atMidYear.Period;
        if (period.EndMonth != 6)
        {
            throw new DomainException("period", new Text("双过半在6月、二季度或上半年检查", $"the half-year check runs at June, Q2 or H1, not {period}"));
        }

        var items = new List<HalfYearItem>();
        foreach (var row in atMidYear.Rows)
        {
            var indicator = row.Indicator;
            if (indicator.ValueKind != ValueKind.Cumulative || indicator.Direction != Direction.Higher
                || indicator.Frequency == Frequency.Year || row.AnnualTarget is not decimal annual)
            {
                continue;
            }

            double? completion = row.Completion;
            items.Add(new HalfYearItem(row.IndicatorCode, row.OrgCode, row.Actual, annual, 0.5, completion, completion >= 0.5 - 1e-12));
        }

        return new HalfYearReport(period, items);
    }

    /// <summary>开门红 for a year: evaluates March and checks it.</summary>
    public static FirstQuarterReport FirstQuarterCheck(EvaluationSnapshot snapshot, int year, DateOnly asOf, string? orgCode = null, int? depth = null) =>
        FirstQuarterCheck(Evaluate(snapshot, Period.OfMonth(year, 3), asOf, orgCode, depth));

    /// <summary>
    /// 开门红: every row with a target passes when it is green and has grown year on year — in the good
    /// direction: for a lower-is-better indicator (accidents, energy use) a fall is the growth that counts,
    /// and for a range indicator green alone suffices. Rates in percent grow in percentage points.
    /// </summary>
    public static FirstQuarterReport FirstQuarterCheck(EvaluationResult atFirstQuarter)
    {
        ArgumentNullException.ThrowIfNull(atFirstQuarter);
        var period = atFirstQuarter.Period;
        if (period.EndMonth != 3)
        {
            throw new DomainException("period", new Text("开门红在3月或一季度检查", $"the first-quarter check runs at March or Q1, not {period}"));
        }

        var items = new List<FirstQuarterItem>();
        foreach (var row in atFirstQuarter.Rows)
        {
            if (row.AppliedTarget == 0)
            {
                continue;
            }

            bool points = row.Indicator.IsPercent;
            double? growth = points ? row.YoyPoints : row.Yoy;
            bool grew = row.Indicator.Direction switch
            {
                Direction.Higher => growth > 0,
                Direction.Lower => growth < 0,
                _ => true,
            };
            items.Add(new FirstQuarterItem(row.IndicatorCode, row.OrgCode, row.Status, growth, points, row.Status == EvaluationStatus.Green && grew));
        }

        return new FirstQuarterReport(period, items);
    }
}
