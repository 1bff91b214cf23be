using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;

namespace Luoshi.Domain.Evaluation;

/// <summary>The targets that apply to a row: the quarter's for the quarter holding the actual period (not for a month of a period indicator, whose value is not the quarter's), else the year's.</summary>
internal readonly struct TargetLookup
{
    private readonly int[]? _year;
    private readonly int[]? _quarter;
    private readonly int _quarterOffset;

    public TargetLookup(EvaluationSnapshot snapshot, IndicatorData indicator, Period period, Period? actual)
    {
        _year = indicator.YearTargetsOf(period.Year);
        if (actual is { Kind: Frequency.Month or Frequency.Quarter } a && (indicator.ValueKind != ValueKind.Period || a.Kind == Frequency.Quarter))
        {
            int q = (a.EndMonth - 1) / 3;
            _quarter = indicator.QuarterTargetsOf(a.Year);
            _quarterOffset = q * snapshot.Tree.Count;
            QuarterEndMonth = (q * 3) + 3;
        }
    }

    /// <summary>End month of the quarter whose target could apply; 0 when none can.</summary>
    public int QuarterEndMonth { get; }

    public RowTarget At(int unit)
    {
        int annual = _year is null ? 0 : _year[unit];
        int quarter = _quarter is null ? 0 : _quarter[_quarterOffset + unit];
        return new RowTarget(quarter != 0 ? quarter : annual, quarter != 0);
    }
}

/// <summary>Target number of a row (0 = none): the quarter's when one applies, else the year's.</summary>
internal readonly record struct RowTarget(int Applied, bool IsQuarter);

/// <summary>Expected-to-date of a row and how its share of the year was found.</summary>
internal readonly record struct RowProgress(double Expected, double Share, ShareSource Source, int Years);

/// <summary>
/// Expected-to-date of cumulative indicators: target × share of the year by the actual period's end
/// month. A quarter target is the year-to-date value due by the quarter's end, so at a month inside
/// the quarter it is scaled by share(month) ÷ share(quarter end).
/// </summary>
internal readonly struct ProgressLookup
{
    private readonly EvaluationSnapshot _snapshot;
    private readonly IndicatorData _indicator;
    private readonly int _year;
    private readonly int _slot;
    private readonly int _quarterSlot;
    private readonly double _share;
    private readonly double _quarterShare;

    public ProgressLookup(EvaluationSnapshot snapshot, IndicatorData indicator, Period? actual, int quarterEndMonth)
    {
        _snapshot = snapshot;
        _indicator = indicator;
        IsCumulative = indicator.ValueKind == ValueKind.Cumulative && actual is not null;
        if (!IsCumulative)
        {
            return;
        }

        var a = actual!.Value;
        _year = a.Year;
        _slot = a.Index - 1;
        _quarterSlot = quarterEndMonth == 0 ? -1 : (quarterEndMonth / indicator.Frequency.Months()) - 1;
        _share = ExpectedProgress.Fixed(indicator.Profile, a.EndMonth);
        _quarterShare = quarterEndMonth == 0 ? double.NaN : ExpectedProgress.Fixed(indicator.Profile, quarterEndMonth);
    }

    public bool IsCumulative { get; }

    public RowProgress At(int unit, in RowTarget target)
    {
        var snapshot = _snapshot;
        var table = snapshot.Targets;
        if (!IsCumulative)
        {
            return new RowProgress(target.Applied == 0 ? double.NaN : table.Number(target.Applied), double.NaN, 0, 0);
        }

        double share = _share;
        var source = _indicator.Profile == ProgressProfile.SCurve ? ShareSource.SCurve : ShareSource.Linear;
        int years = 0;
        if (double.IsNaN(share))
        {
            share = ExpectedProgress.Seasonal(snapshot, _indicator, unit, _year, _slot, out source, out years);
        }

        if (target.Applied == 0)
        {
            return new RowProgress(double.NaN, share, source, years);
        }

        double value = table.Number(target.Applied);
        if (!target.IsQuarter || _slot == _quarterSlot)
        {
            return new RowProgress(target.IsQuarter ? value : value * share, share, source, years);
        }

        double quarterShare = double.IsNaN(_quarterShare)
            ? ExpectedProgress.Seasonal(snapshot, _indicator, unit, _year, _quarterSlot, out _, out _)
            : _quarterShare;
        return new RowProgress(quarterShare > 0 ? value * share / quarterShare : value, share, source, years);
    }
}
