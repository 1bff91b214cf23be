using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;

namespace Luoshi.Domain.Evaluation;

/// <summary>How the expected share of the year (时间进度) of a row was found.</summary>
public enum ShareSource : byte
{
    Linear = 1,
    SCurve = 2,

    /// <summary>The unit's own earlier years.</summary>
    Seasonal = 3,

    /// <summary>The unit had no earlier years with data; its root's (the province's) pattern was used.</summary>
    SeasonalFromRoot = 4,

    /// <summary>Seasonal was chosen but no earlier year had data: linear.</summary>
    SeasonalFallbackLinear = 5,
}

/// <summary>
/// 序时进度: the share of an annual cumulative target expected to be done by the end of month m.
/// </summary>
public static class ExpectedProgress
{
    public static double Linear(int month) => month / 12.0;

    /// <summary>3t² − 2t³ with t = m/12: investment starts slowly after the Spring Festival, peaks mid-year and tails off.</summary>
    public static double SCurve(int month)
    {
        double t = month / 12.0;
        return (3 * t * t) - (2 * t * t * t);
    }

    /// <summary>The share where the profile is a formula of the month alone; NaN for seasonal.</summary>
    internal static double Fixed(ProgressProfile profile, int month) => profile switch
    {
        ProgressProfile.Linear => Linear(month),
        ProgressProfile.SCurve => SCurve(month),
        _ => double.NaN,
    };

    /// <summary>
    /// Seasonal share for a unit at <paramref name="slot"/> (0-based period of the year) of
    /// <paramref name="year"/>: the average over earlier years of year-to-date at that period ÷ the year's
    /// final value, taking only years with both values. Falls back to the unit's root, then to linear.
    /// </summary>
    internal static double Seasonal(EvaluationSnapshot snapshot, IndicatorData indicator, int unit, int year, int slot, out ShareSource source, out int years)
    {
        int last = indicator.PerYear - 1;
        if (slot == last)
        {
            source = ShareSource.Seasonal;
            years = 0;
            return 1;
        }

        if (AverageShare(snapshot, indicator, unit, year, slot, out years) is double own)
        {
            source = ShareSource.Seasonal;
            return own;
        }

        int root = snapshot.Tree.Root[unit];
        if (root != unit && AverageShare(snapshot, indicator, root, year, slot, out years) is double rooted)
        {
            source = ShareSource.SeasonalFromRoot;
            return rooted;
        }

        source = ShareSource.SeasonalFallbackLinear;
        years = 0;
        return Linear((slot + 1) * indicator.Frequency.Months());
    }

    private static double? AverageShare(EvaluationSnapshot snapshot, IndicatorData indicator, int unit, int year, int slot, out int years)
    {
        int units = snapshot.Tree.Count;
        int atSlot = (slot * units) + unit;
        int atEnd = ((indicator.PerYear - 1) * units) + unit;
        double sum = 0;
        years = 0;
        for (int y = snapshot.FirstYear; y < year; y++)
        {
            var block = indicator.Block(y);
            if (block is null)
            {
                continue;
            }

            double part = block[atSlot];
            double whole = block[atEnd];
            if (!double.IsNaN(part) && !double.IsNaN(whole) && whole != 0)
            {
                sum += part / whole;
                years++;
            }
        }

        return years > 0 ? sum / years : null;
    }
}
