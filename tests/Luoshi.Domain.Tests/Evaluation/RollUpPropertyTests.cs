using FsCheck;
using FsCheck.Fluent;
using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;

namespace Luoshi.Domain.Tests.Evaluation;

public class RollUpPropertyTests
{
    private static readonly Period June = Period.OfMonth(2026, 6);
    private static readonly DateOnly AsOf = new(2026, 7, 25);

    /// <summary>A random tree: unit i &gt; 0 hangs under a unit before it; values only at leaves, some missing; multiples of 1/8 so sums are exact.</summary>
    private static readonly Gen<(int[] Parents, double?[] Values, double[] Denominators)> Trees =
        from n in Gen.Choose(2, 40)
        from picks in Gen.ArrayOf(Gen.Choose(0, 10_000), n)
        from values in Gen.ArrayOf(Gen.Choose(-8000, 8000), n)
        from present in Gen.ArrayOf(Gen.Elements(true, true, true, false), n)
        from denominators in Gen.ArrayOf(Gen.Choose(1, 8000), n)
        select (
            Enumerable.Range(0, n).Select(i => i == 0 ? -1 : picks[i] % i).ToArray(),
            Enumerable.Range(0, n).Select(i => present[i] ? values[i] / 8.0 : (double?)null).ToArray(),
            denominators.Select(d => d / 8.0).ToArray());

    [Fact]
    public void Property_SumRollUp_EqualsTheSumOfTheLeaves() =>
        Prop.ForAll(Trees.ToArbitrary(), tree =>
        {
            var (parents, values, _) = tree;
            var leaves = Leaves(parents);
            var result = Evaluator.Evaluate(Build(parents, (b, u) =>
            {
                if (leaves[u] && values[u] is double v)
                {
                    b.AddReading(1, u + 1, June, v);
                }
            }), June, AsOf);

            for (int u = 0; u < parents.Length; u++)
            {
                var expected = Descendants(parents, u).Where(d => leaves[d] && values[d] is not null).Select(d => values[d]!.Value).ToList();
                var row = result.Find("FAI", Code(u));
                if ((row?.Actual, expected.Count) is (null, > 0) || (expected.Count == 0 && row is not null) || (row?.Actual is double a && a != expected.Sum()))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Property_RatioRollUp_EqualsSumOfNumeratorsOverSumOfDenominators() =>
        Prop.ForAll(Trees.ToArbitrary(), tree =>
        {
            var (parents, values, denominators) = tree;
            var leaves = Leaves(parents);
            var numerators = values.Select(v => Math.Abs(v ?? 0)).ToArray();
            var snapshot = Build(parents, (b, u) =>
            {
                if (leaves[u])
                {
                    b.AddReading(1, u + 1, June, numerators[u]);
                    b.AddReading(2, u + 1, June, denominators[u]);
                }
            });
            var result = Evaluator.Evaluate(snapshot, June, AsOf);

            double num = Enumerable.Range(0, parents.Length).Where(u => leaves[u]).Sum(u => numerators[u]);
            double den = Enumerable.Range(0, parents.Length).Where(u => leaves[u]).Sum(u => denominators[u]);
            double share = result.Find("SHARE", Code(0))!.Value.Actual!.Value;
            return Math.Abs(share - (num / den * 100)) <= 1e-9 * Math.Max(1, Math.Abs(share));
        }).QuickCheckThrowOnFailure();

    private static string Code(int u) => "U" + u.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static bool[] Leaves(int[] parents)
    {
        var leaves = Enumerable.Repeat(true, parents.Length).ToArray();
        foreach (int p in parents.Where(p => p >= 0))
        {
            leaves[p] = false;
        }

        return leaves;
    }

    private static IEnumerable<int> Descendants(int[] parents, int unit) =>
        Enumerable.Range(0, parents.Length).Where(d =>
        {
            for (int a = d; a >= 0; a = parents[a])
            {
                if (a == unit)
                {
                    return true;
                }
            }

            return false;
        });

    private static EvaluationSnapshot Build(int[] parents, Action<EvaluationSnapshotBuilder, int> read)
    {
        var builder = new EvaluationSnapshotBuilder();
        for (int u = 0; u < parents.Length; u++)
        {
            builder.AddUnit(u + 1, Code(u), Code(u), u == 0 ? OrgUnitKind.Province : OrgUnitKind.City, parents[u] < 0 ? null : parents[u] + 1);
        }

        builder.AddIndicator(1, "FAI", "投资", "亿元", Direction.Higher, Frequency.Month, ValueKind.Cumulative, Aggregation.Sum, null, Tolerance.Default, ProgressProfile.Linear, 2, 20);
        builder.AddIndicator(2, "DEN", "分母", "亿元", Direction.Higher, Frequency.Month, ValueKind.Cumulative, Aggregation.Sum, null, Tolerance.Default, ProgressProfile.Linear, 2, 20);
        builder.AddIndicator(3, "SHARE", "占比", "%", Direction.Higher, Frequency.Month, ValueKind.Level, Aggregation.Formula, "FAI / DEN * 100", Tolerance.Default, ProgressProfile.Linear, 2, 20);
        for (int u = 0; u < parents.Length; u++)
        {
            read(builder, u);
        }

        return builder.Build();
    }
}
