using Luoshi.Domain.Evaluation;

namespace Luoshi.Bench.Harness;

/// <summary>What each engine reports per evaluated month, and what the cross-check compares.</summary>
public sealed record PeriodTotals(int YearMonth, long Rows, long Green, long Yellow, long Red, long Grey, long None, double ActualSum, double ExpectedSum)
{
    public static PeriodTotals From(PeriodSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(
            (s.Period.Year * 100) + s.Period.EndMonth,
            s.Rows,
            s.Counts.Green,
            s.Counts.Yellow,
            s.Counts.Red,
            s.Counts.Grey,
            s.Counts.None,
            s.ActualSum,
            s.ExpectedSum);
    }

    /// <summary>The totals of a one-period evaluation, read from its rows (expected values are worked out as rows are read).</summary>
    public static PeriodTotals From(EvaluationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        double actual = 0;
        double expected = 0;
        foreach (var row in result.Rows)
        {
            actual += row.Actual ?? 0;
            expected += row.Expected ?? 0;
        }

        var c = result.Counts;
        return new((result.Period.Year * 100) + result.Period.EndMonth, c.Total, c.Green, c.Yellow, c.Red, c.Grey, c.None, actual, expected);
    }
}

/// <summary>
/// Compares two engines' totals: counts exactly, sums to a relative 1e-9 (rolled-up sums and ratios are
/// added in different orders, which moves the last bits and nothing else).
/// </summary>
public static class CrossCheck
{
    public const double RelativeTolerance = 1e-9;

    public static IReadOnlyList<string> Compare(string what, IReadOnlyList<PeriodTotals> expected, string otherName, IReadOnlyList<PeriodTotals> actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var problems = new List<string>();
        if (expected.Count != actual.Count)
        {
            problems.Add(FormattableString.Invariant($"{what}: Luoshi has {expected.Count} periods, {otherName} {actual.Count}"));
            return problems;
        }

        for (int k = 0; k < expected.Count; k++)
        {
            var a = expected[k];
            var b = actual[k];
            if (a with { ActualSum = 0, ExpectedSum = 0 } != b with { ActualSum = 0, ExpectedSum = 0 })
            {
                problems.Add(FormattableString.Invariant($"{what} {a.YearMonth}: Luoshi {Counts(a)} ≠ {otherName} {Counts(b)}"));
            }

            if (!Close(a.ActualSum, b.ActualSum) || !Close(a.ExpectedSum, b.ExpectedSum))
            {
                problems.Add(FormattableString.Invariant(
                    $"{what} {a.YearMonth}: Luoshi Σactual {a.ActualSum:R} Σexpected {a.ExpectedSum:R} ≠ {otherName} {b.ActualSum:R} {b.ExpectedSum:R}"));
            }
        }

        return problems;
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= RelativeTolerance * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    private static string Counts(PeriodTotals t) =>
        FormattableString.Invariant($"{t.YearMonth} rows {t.Rows} green {t.Green} yellow {t.Yellow} red {t.Red} grey {t.Grey} none {t.None}");
}
