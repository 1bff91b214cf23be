using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;

namespace Luoshi.Domain.Tests.Evaluation;

public class RankPropertyTests
{
    private static readonly Period June = Period.OfMonth(2026, 6);
    private static readonly DateOnly AsOf = new(2026, 7, 25);

    /// <summary>Up to 60 siblings (small groups and large ones), values from a few levels so that ties are common, some missing.</summary>
    private static readonly Gen<(int?[] Values, bool LowerIsBetter)> Groups =
        from n in Gen.Choose(1, 60)
        from values in Gen.ArrayOf(Gen.Choose(-3, 6), n)
        from present in Gen.ArrayOf(Gen.Elements(true, true, true, false), n)
        from lower in Gen.Elements(true, false)
        select (Enumerable.Range(0, n).Select(i => present[i] ? values[i] : (int?)null).ToArray(), lower);

    [Fact]
    public void Property_Rank_IsOneMoreThanTheSiblingsStrictlyBetter() =>
        Prop.ForAll(Groups.ToArbitrary(), group =>
        {
            var (values, lower) = group;
            var builder = new EvaluationSnapshotBuilder();
            builder.AddUnit(1, "P", "省", OrgUnitKind.Province, null);
            for (int d = 0; d < values.Length; d++)
            {
                builder.AddUnit(d + 2, Code(d), Code(d), OrgUnitKind.Department, 1);
            }

            builder.AddIndicator(1, "X", "指标", "个", lower ? Direction.Lower : Direction.Higher, Frequency.Month, ValueKind.Level, Aggregation.None, null, Tolerance.Default, ProgressProfile.Linear, 2, 20);
            for (int d = 0; d < values.Length; d++)
            {
                if (values[d] is int v)
                {
                    builder.AddReading(1, d + 2, June, v);
                }
            }

            var result = Evaluator.Evaluate(builder.Build(), June, AsOf);
            var present = values.Where(v => v is not null).Select(v => v!.Value).ToList();
            for (int d = 0; d < values.Length; d++)
            {
                if (values[d] is not int v)
                {
                    continue;
                }

                var row = result.Find("X", Code(d))!.Value;
                int better = present.Count(o => lower ? o < v : o > v);
                if (row.RankAmongSiblings != better + 1 || row.SiblingCount != present.Count)
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();

    private static string Code(int d) => "D" + d.ToString(CultureInfo.InvariantCulture);
}
