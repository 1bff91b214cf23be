using Luoshi.Domain.Common;

namespace Luoshi.Domain.Evaluation;

public static partial class Evaluator
{
    /// <summary>
    /// One indicator over a run of periods at a few units: each period judged by the same pass as
    /// <see cref="Evaluate"/> (value, target, expected-to-date, status, year-on-year, rank), for that
    /// indicator alone — what a chart of a unit over time needs without evaluating every indicator per
    /// period. Each result holds rows of <paramref name="indicatorCode"/> only; read them with
    /// <see cref="EvaluationResult.Find(string, string)"/>. Unknown unit codes are skipped.
    /// </summary>
    public static IReadOnlyList<EvaluationResult> EvaluateIndicator(EvaluationSnapshot snapshot, string indicatorCode, IEnumerable<Period> periods, DateOnly asOf, IEnumerable<string> orgCodes)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(orgCodes);
        if (!snapshot.TryGetIndicator(indicatorCode, out int i))
        {
            throw new DomainException("indicator", new Text($"未知指标 {indicatorCode}", $"unknown indicator {indicatorCode}"));
        }

        var tree = snapshot.Tree;

        // Rows are found by binary search over tree positions, so the scope goes in tree order.
        var scope = orgCodes.Select(code => tree.TryGetIndex(code, out int u) ? u : -1).Where(u => u >= 0).Distinct()
            .OrderBy(u => tree.Position[u]).ToArray();
        var groups = SiblingGroups(tree, scope);
        var workspace = new Workspace(tree.Count);
        var results = new List<EvaluationResult>();
        foreach (var period in periods)
        {
            var frame = new EvaluationFrame(snapshot, period, asOf);
            var segments = new RowData[snapshot.Data.Length][];
            Array.Fill(segments, Array.Empty<RowData>());
            var sink = default(RowCollector);
            Pass(frame, i, scope, groups, workspace, ref sink);
            segments[i] = sink.Rows;
            results.Add(new EvaluationResult(frame, segments));
        }

        return results;
    }
}
