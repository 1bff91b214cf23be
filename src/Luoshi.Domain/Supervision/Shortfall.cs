using Luoshi.Domain.Indicators;

namespace Luoshi.Domain.Supervision;

/// <summary>
/// How far a figure is behind, in points, for rules that ask for more than red. A cumulative indicator is
/// judged against the calendar (序时进度), so its gap is the completion rate behind the expected-to-date
/// share in percentage points — 40% done when 50% was due is 10 points behind. Other indicators have no
/// share of the year; their gap is how many percent of the target they fall short. A range target has no
/// "behind" direction, so it has no gap.
/// </summary>
public static class Shortfall
{
    /// <param name="completion">Actual ÷ annual target (cumulative indicators).</param>
    /// <param name="timeShare">The share of the year expected done by the period's end (cumulative indicators).</param>
    /// <param name="expected">The expected-to-date value, or the target for indicators that are not cumulative.</param>
    public static double? Points(Direction direction, double? actual, double? expected, double? completion, double? timeShare)
    {
        double sign = direction switch
        {
            Direction.Higher => 1,
            Direction.Lower => -1,
            _ => 0,
        };
        if (sign == 0)
        {
            return null;
        }

        if (completion is { } done && timeShare is { } due)
        {
            return sign * (due - done) * 100;
        }

        return actual is { } a && expected is { } e && e != 0 ? sign * (e - a) / Math.Abs(e) * 100 : null;
    }
}
