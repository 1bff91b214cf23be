using System.Globalization;
using System.Text;
using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;

namespace Luoshi.Testing;

/// <summary>
/// Everything a snapshot answers about some periods, as text: every row of each evaluation (values to the last
/// bit, targets, progress, growth, coverage, ranks, reasons in both languages) and every plan item's status. Two
/// snapshots that judge alike print alike, so a snapshot moved on by deltas is compared with one built afresh.
/// </summary>
public static class SnapshotFingerprint
{
    public static string Of(EvaluationSnapshot snapshot, IEnumerable<Period> periods, DateOnly asOf)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"readings {snapshot.ReadingCount} years {snapshot.FirstReadingYear}-{snapshot.LastReadingYear}\n");
        foreach (var period in periods)
        {
            var result = Evaluator.Evaluate(snapshot, period, asOf);
            foreach (var r in result.Rows)
            {
                text.Append(CultureInfo.InvariantCulture, $"{period} {r.IndicatorCode}@{r.OrgCode} {r.Status} a={R(r.Actual)} t={r.Target}/{r.Qualifier}/{r.TargetUpper}/{r.Stretch} at={r.AnnualTarget} e={R(r.Expected)} c={R(r.Completion)} p={R(r.PreviousYear)} y={R(r.Yoy)} n={R(r.National)} rank={r.RankAmongSiblings}/{r.SiblingCount} cov={r.ChildrenReported}/{r.ChildrenTotal} up={r.IsRolledUp} | {r.ReasonZh} | {r.ReasonEn}\n");
            }

            foreach (var item in Evaluator.EvaluatePlan(result).Items)
            {
                text.Append(CultureInfo.InvariantCulture, $"{period} plan {item.Code} {item.Status} due={item.Due} done={item.Completed} overdue={item.Overdue} | {item.ReasonEn}\n");
            }
        }

        return text.ToString();
    }

    /// <summary>The first line where two fingerprints part, for a failure message.</summary>
    public static string FirstDifference(string got, string want)
    {
        var a = got.Split('\n');
        var b = want.Split('\n');
        for (int k = 0; k < Math.Min(a.Length, b.Length); k++)
        {
            if (a[k] != b[k])
            {
                return $"got:  {a[k]}\nwant: {b[k]}";
            }
        }

        return $"lengths {a.Length} and {b.Length}";
    }

    private static string R(double? v) => v?.ToString("R", CultureInfo.InvariantCulture) ?? "-";
}
