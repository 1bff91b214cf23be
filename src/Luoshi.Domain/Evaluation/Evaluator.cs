using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;

namespace Luoshi.Domain.Evaluation;

/// <summary>
/// Judges every indicator × unit of a snapshot at a period: value (with roll-ups and formulas), target,
/// expected-to-date, status, year-on-year, national gap and rank among siblings. One pass per indicator,
/// over dense arrays, in parallel across indicators; reasons are written only when read.
/// </summary>
public static partial class Evaluator
{
    // Below this many indicator × unit cells a pass runs on the calling thread: handing work to the pool
    // would cost more than it saves.
    private const int ParallelThreshold = 20_000;

    // Up to this many siblings, ranks come from pairwise counting (n² comparisons) rather than a sort.
    private const int SmallGroup = 16;

    /// <summary>
    /// Rows for every indicator × unit in scope that has a target for the period's year (or quarter) or a
    /// value, rolled-up parents included. Scope: the subtree of <paramref name="orgCode"/>, by default every
    /// tree unit and the reference units; <paramref name="depth"/> 0 is the unit alone.
    /// </summary>
    public static EvaluationResult Evaluate(EvaluationSnapshot snapshot, Period period, DateOnly asOf, string? orgCode = null, int? depth = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var scope = snapshot.Tree.Scope(orgCode, depth);
        var groups = SiblingGroups(snapshot.Tree, scope);
        var frame = new EvaluationFrame(snapshot, period, asOf);
        int indicators = snapshot.Data.Length;
        var segments = new RowData[indicators][];

        void Run(int i, Workspace workspace)
        {
            var sink = default(RowCollector);
            Pass(frame, i, scope, groups, workspace, ref sink);
            segments[i] = sink.Rows;
        }

        int units = snapshot.Tree.Count;
        if ((long)indicators * scope.Length < ParallelThreshold)
        {
            var workspace = new Workspace(units);
            for (int i = 0; i < indicators; i++)
            {
                Run(i, workspace);
            }
        }
        else
        {
            Parallel.For(0, indicators, () => new Workspace(units), (i, _, workspace) =>
            {
                Run(i, workspace);
                return workspace;
            }, _ => { });
        }

        return new EvaluationResult(frame, segments);
    }

    /// <summary>
    /// Evaluates every period of <paramref name="from"/>'s kind from <paramref name="from"/> to
    /// <paramref name="to"/> (the whole history, month by month) and keeps only counts per status and a
    /// checksum per period, so that years of national data need no memory for rows.
    /// </summary>
    public static RangeEvaluation EvaluateRange(EvaluationSnapshot snapshot, Period from, Period to, DateOnly asOf, string? orgCode = null, int? depth = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (from.Kind != to.Kind || from > to)
        {
            throw new DomainException("to", new Text("期间范围须同类且由早到晚", $"the range must run forward between periods of one kind: {from}..{to}"));
        }

        var periods = new List<Period>();
        for (var p = from; p <= to; p = p.Next)
        {
            periods.Add(p);
        }

        var scope = snapshot.Tree.Scope(orgCode, depth);
        var groups = SiblingGroups(snapshot.Tree, scope);
        var summaries = new PeriodSummary[periods.Count];
        int units = snapshot.Tree.Count;
        Parallel.For(0, periods.Count, () => new Workspace(units), (k, _, workspace) =>
        {
            var frame = new EvaluationFrame(snapshot, periods[k], asOf);
            var counter = default(RowCounter);
            for (int i = 0; i < snapshot.Data.Length; i++)
            {
                Pass(frame, i, scope, groups, workspace, ref counter);
            }

            summaries[k] = counter.Summary(periods[k]);
            return workspace;
        }, _ => { });
        return new RangeEvaluation(summaries);
    }

    /// <summary>One indicator at the frame's period for every unit in scope.</summary>
    private static void Pass<TSink>(EvaluationFrame frame, int i, int[] scope, int[] groups, Workspace ws, ref TSink sink)
        where TSink : struct, IRowSink
    {
        var snapshot = frame.Snapshot;
        var tree = snapshot.Tree;
        var indicator = snapshot.Data[i];
        var period = frame.Period;
        var current = ValueSource.Resolve(snapshot, indicator, period);
        frame.Current[i] = current;
        current.Fill(ws.Values);
        frame.Previous[i] = TSink.KeepsRows && period.Year > Period.MinYear ? ValueSource.Resolve(snapshot, indicator, period.SamePeriodLastYear) : null;
        frame.National[i] = tree.National >= 0 ? ws.Values[tree.National] : double.NaN;
        bool ranked = TSink.KeepsRows && indicator.Direction != Direction.Range;
        if (ranked)
        {
            Rank(tree, groups, ws, lowerIsBetter: indicator.Direction == Direction.Lower);
        }

        var targets = frame.Targets[i] = new TargetLookup(snapshot, indicator, period, current.ActualPeriod);
        var progress = frame.Progress[i] = new ProgressLookup(snapshot, indicator, current.ActualPeriod, targets.QuarterEndMonth);
        bool late = current.DuePeriod is { } due && due.DueDate(indicator.DueDay) < frame.AsOf;
        bool cumulativeBeforeYearEnd = progress.IsCumulative && current.ActualPeriod!.Value.EndMonth != 12;
        var table = snapshot.Targets;
        double tolerance = (double)indicator.Tolerance.Amount;
        bool relative = indicator.Tolerance.IsRelative;

        int rows = 0;
        if (TSink.KeepsRows)
        {
            foreach (int u in scope)
            {
                rows += !double.IsNaN(ws.Values[u]) || targets.At(u).Applied != 0 ? 1 : 0;
            }
        }

        sink.Start(rows);
        foreach (int u in scope)
        {
            double actual = ws.Values[u];
            var target = targets.At(u);
            bool hasValue = !double.IsNaN(actual);
            if (!hasValue && target.Applied == 0)
            {
                continue;
            }

            var expected = progress.At(u, target);
            EvaluationStatus status;
            if (!hasValue)
            {
                status = late ? EvaluationStatus.Grey : EvaluationStatus.None;
            }
            else if (target.Applied == 0)
            {
                status = EvaluationStatus.None;
            }
            else if (cumulativeBeforeYearEnd)
            {
                // Before the year's end a cumulative value is judged against expected-to-date by direction;
                // the target's qualifier speaks of the year-end value.
                status = StatusRules.ByDirection(actual, expected.Expected, indicator.Direction, tolerance, relative);
            }
            else
            {
                int t = target.Applied;
                var qualifier = table.Qualifier(t);
                double? upper = qualifier == TargetQualifier.Range && table.Upper(t) is decimal up ? (double)up : null;
                status = StatusRules.ByQualifier(actual, table.Number(t), upper, qualifier, indicator.Direction, tolerance, relative);
            }

            sink.Add(new RowData(i, u, actual, target.Applied, status, ranked && hasValue ? ws.Rank[u] : 0, ranked ? ws.Siblings[u] : 0), expected.Expected);
        }
    }

    /// <summary>The sibling groups (same parent and kind) that hold a unit of the scope; ranks are taken over whole groups.</summary>
    private static int[] SiblingGroups(UnitTree tree, int[] scope)
    {
        var seen = new bool[tree.GroupCount];
        var groups = new List<int>();
        foreach (int u in scope)
        {
            int g = tree.GroupOf[u];
            if (!seen[g])
            {
                seen[g] = true;
                groups.Add(g);
            }
        }

        return [.. groups];
    }

    /// <summary>
    /// Competition ranking (1, 2, 2, 4) within each group, best first, over the units that have a value:
    /// a unit's rank is one more than the number of siblings strictly better than it.
    /// </summary>
    private static void Rank(UnitTree tree, int[] groups, Workspace ws, bool lowerIsBetter)
    {
        foreach (int g in groups)
        {
            int from = tree.GroupStart[g];
            int to = tree.GroupStart[g + 1];
            int count = 0;
            for (int k = from; k < to; k++)
            {
                double v = ws.Values[tree.GroupMembers[k]];
                if (!double.IsNaN(v))
                {
                    ws.Keys[count++] = lowerIsBetter ? v : -v;
                }
            }

            // Most groups are small (a city's counties): counting the better siblings of each beats sorting.
            var keys = ws.Keys.AsSpan(0, count);
            bool sorted = count > SmallGroup;
            if (sorted)
            {
                keys.Sort();
            }

            for (int k = from; k < to; k++)
            {
                int u = tree.GroupMembers[k];
                double v = ws.Values[u];
                ws.Siblings[u] = count;
                if (double.IsNaN(v))
                {
                    ws.Rank[u] = 0;
                    continue;
                }

                double key = lowerIsBetter ? v : -v;
                ws.Rank[u] = (sorted ? FirstNotBelow(keys, key) : CountBelow(keys, key)) + 1;
            }
        }
    }

    /// <summary>How many of <paramref name="keys"/> (in any order) are below <paramref name="key"/>.</summary>
    private static int CountBelow(ReadOnlySpan<double> keys, double key)
    {
        int below = 0;
        foreach (double k in keys)
        {
            below += k < key ? 1 : 0;
        }

        return below;
    }

    /// <summary>Index of the first key ≥ <paramref name="key"/> in ascending <paramref name="keys"/>.</summary>
    private static int FirstNotBelow(ReadOnlySpan<double> keys, double key)
    {
        int lo = 0;
        int hi = keys.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] < key)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Per-thread scratch arrays, one slot per unit, reused across indicators.</summary>
    private sealed class Workspace(int units)
    {
        public double[] Values { get; } = new double[units];
        public int[] Rank { get; } = new int[units];
        public int[] Siblings { get; } = new int[units];
        public double[] Keys { get; } = new double[units];
    }
}
