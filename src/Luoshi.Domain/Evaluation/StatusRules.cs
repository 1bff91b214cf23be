using Luoshi.Domain.Indicators;

namespace Luoshi.Domain.Evaluation;

/// <summary>Traffic light of one indicator × unit × period.</summary>
public enum EvaluationStatus : byte
{
    /// <summary>Cannot be judged: no target, or no value while it is not yet due.</summary>
    None = 0,

    /// <summary>On or ahead of track.</summary>
    Green = 1,

    /// <summary>Behind, within tolerance.</summary>
    Yellow = 2,

    /// <summary>Behind beyond tolerance.</summary>
    Red = 3,

    /// <summary>No value although it was due.</summary>
    Grey = 4,
}

/// <summary>
/// The comparisons behind green, yellow and red. Readings are doubles and targets decimals, so a value
/// on a boundary is compared with a margin of a billionth of the reference, and counts as inside.
/// </summary>
public static class StatusRules
{
    /// <summary>Worst first, as the plan tree rolls up: red, yellow, grey, green, none.</summary>
    public static int Severity(EvaluationStatus status) => status switch
    {
        EvaluationStatus.Red => 4,
        EvaluationStatus.Yellow => 3,
        EvaluationStatus.Grey => 2,
        EvaluationStatus.Green => 1,
        _ => 0,
    };

    public static EvaluationStatus Worst(EvaluationStatus a, EvaluationStatus b) => Severity(b) > Severity(a) ? b : a;

    /// <summary>The tolerance as an amount in the indicator's unit around <paramref name="reference"/>.</summary>
    public static double Amount(Tolerance tolerance, double reference) => Amount((double)tolerance.Amount, tolerance.IsRelative, reference);

    /// <summary>
    /// Judges a value against an expected value by which way is good. Higher: at or above is green, at
    /// least expected − tolerance is yellow. Lower mirrors it. Range: within the tolerance either side is
    /// green, within twice the tolerance yellow.
    /// </summary>
    public static EvaluationStatus ByDirection(double actual, double expected, Direction direction, Tolerance tolerance) =>
        ByDirection(actual, expected, direction, (double)tolerance.Amount, tolerance.IsRelative);

    /// <summary>
    /// Judges a value against a target as its qualifier reads. 以上 as higher-is-better and 以内 as
    /// lower-is-better against the target. 左右: within the tolerance is green, and so is beyond it on the
    /// good side of the indicator's direction (growth of 6.5% against "6% 左右" is no failure), within
    /// twice the tolerance yellow. A range: inside is green, outside by at most the tolerance yellow.
    /// </summary>
    public static EvaluationStatus ByQualifier(double actual, double target, double? upper, TargetQualifier qualifier, Direction direction, Tolerance tolerance) =>
        ByQualifier(actual, target, upper, qualifier, direction, (double)tolerance.Amount, tolerance.IsRelative);

    // The overloads below take the tolerance as a double, converted once per indicator rather than once per row.
    internal static EvaluationStatus ByDirection(double actual, double expected, Direction direction, double tolerance, bool relative)
    {
        double slack = Amount(tolerance, relative, expected);
        double eps = Margin(expected);
        return direction switch
        {
            Direction.Lower => actual <= expected + eps ? EvaluationStatus.Green
                : actual <= expected + slack + eps ? EvaluationStatus.Yellow
                : EvaluationStatus.Red,
            Direction.Range => Symmetric(Math.Abs(actual - expected), slack, eps),
            _ => actual >= expected - eps ? EvaluationStatus.Green
                : actual >= expected - slack - eps ? EvaluationStatus.Yellow
                : EvaluationStatus.Red,
        };
    }

    internal static EvaluationStatus ByQualifier(double actual, double target, double? upper, TargetQualifier qualifier, Direction direction, double tolerance, bool relative)
    {
        switch (qualifier)
        {
            case TargetQualifier.AtLeast:
                return ByDirection(actual, target, Direction.Higher, tolerance, relative);
            case TargetQualifier.AtMost:
                return ByDirection(actual, target, Direction.Lower, tolerance, relative);
            case TargetQualifier.Range:
                double high = upper ?? target;
                if (actual >= target - Margin(target) && actual <= high + Margin(high))
                {
                    return EvaluationStatus.Green;
                }

                double bound = actual < target ? target : high;
                double distance = actual < target ? target - actual : actual - high;
                return distance <= Amount(tolerance, relative, bound) + Margin(bound) ? EvaluationStatus.Yellow : EvaluationStatus.Red;
            default:
                double d = actual - target;
                bool goodSide = (direction == Direction.Higher && d > 0) || (direction == Direction.Lower && d < 0);
                return goodSide ? EvaluationStatus.Green : Symmetric(Math.Abs(d), Amount(tolerance, relative, target), Margin(target));
        }
    }

    /// <summary>How far a value lies outside what its target accepts (0 when inside), in the indicator's unit.</summary>
    public static double Shortfall(double actual, double target, double? upper, TargetQualifier qualifier, Direction direction) => qualifier switch
    {
        TargetQualifier.AtLeast => Math.Max(0, target - actual),
        TargetQualifier.AtMost => Math.Max(0, actual - target),
        TargetQualifier.Range => actual < target ? target - actual : Math.Max(0, actual - (upper ?? target)),
        _ => (direction == Direction.Higher && actual > target) || (direction == Direction.Lower && actual < target) ? 0 : Math.Abs(actual - target),
    };

    private static double Amount(double tolerance, bool relative, double reference) =>
        relative ? Math.Abs(reference) * tolerance / 100 : tolerance;

    private static EvaluationStatus Symmetric(double distance, double slack, double eps) =>
        distance <= slack + eps ? EvaluationStatus.Green
        : distance <= (2 * slack) + eps ? EvaluationStatus.Yellow
        : EvaluationStatus.Red;

    private static double Margin(double reference) => 1e-9 * Math.Max(1, Math.Abs(reference));
}
