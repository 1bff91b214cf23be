using Luoshi.Bench.Harness;
using Luoshi.Bench.Scale;
using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;

namespace Luoshi.Bench.Engine;

/// <summary>What Luoshi's engine took on a workload, and what it computed.</summary>
public sealed record EngineResult(
    Timing Build,
    Timing Period,
    Timing History,
    PeriodTotals PeriodTotals,
    IReadOnlyList<PeriodTotals> HistoryTotals,
    double PeriodAllocatedMb,
    double SnapshotHeapMb,
    double LiveHeapMb,
    double PeakRssMb,
    EvaluationSnapshot Snapshot);

/// <summary>
/// Times the engine on a generated workload: building the snapshot from the arrays, one month
/// (<see cref="Evaluator.Evaluate"/>, every row kept) and the whole history (<see cref="Evaluator.EvaluateRange"/>,
/// counts and checksums per month).
/// </summary>
public static class EngineBench
{
    /// <summary>After the last month's deadline (the 20th of the month after): every missing value is overdue.</summary>
    public static readonly DateOnly AsOf = new(2027, 2, 1);

    public static readonly Period OnePeriod = Period.OfMonth(2026, 6);
    public static readonly Period First = Period.OfMonth(WorkloadShape.FirstYear, 1);
    public static readonly Period Last = Period.OfMonth(WorkloadShape.LastYear, 12);

    // Steady state is what a server that evaluates all day runs: code the tiered compiler has optimized.
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);

    public static EngineResult Run(Workload workload, RunPlan plan, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(log);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        EvaluationSnapshot? snapshot = null;
        var buildTimes = new double[plan.BuildRuns];
        var buildCpu = TimeSpan.Zero;
        for (int k = -plan.BuildWarmups; k < plan.BuildRuns; k++)
        {
            // The previous snapshot goes before the next one is built, so two never share the heap.
            snapshot = null;
            GC.Collect();
            var cpu = Timing.ProcessCpu();
            long start = System.Diagnostics.Stopwatch.GetTimestamp();
            snapshot = SnapshotFeed.Build(workload);
            if (k >= 0)
            {
                buildTimes[k] = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                buildCpu += Timing.ProcessCpu() - cpu;
            }
        }

        var build = Timing.Of(buildTimes, plan.BuildWarmups) with { CpuMs = Math.Round(buildCpu.TotalMilliseconds / plan.BuildRuns, 3) };
        double snapshotMb = (GC.GetTotalMemory(forceFullCollection: true) - before) / 1024.0 / 1024.0;
        log.WriteLine(FormattableString.Invariant($"  snapshot build     median {build.MedianMs,10:F1} ms  (CPU {build.CpuMs,8:F1} ms/run; {snapshotMb:F0} MB managed)"));

        EvaluationResult? result = null;
        var period = Timing.Measure(plan.PeriodWarmups, plan.PeriodRuns, () => result = Evaluator.Evaluate(snapshot!, OnePeriod, AsOf), minWarmup: Warmup);
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        result = Evaluator.Evaluate(snapshot!, OnePeriod, AsOf);
        double allocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / 1024.0;
        log.WriteLine(FormattableString.Invariant($"  one period {OnePeriod}  median {period.MedianMs,10:F2} ms  (CPU {period.CpuMs,8:F2} ms/run; {result.Rows.Count:N0} rows, {allocatedMb:F1} MB allocated)"));

        RangeEvaluation? history = null;
        var historyTiming = Timing.Measure(plan.HistoryWarmups, plan.HistoryRuns, () => history = Evaluator.EvaluateRange(snapshot!, First, Last, AsOf), minWarmup: Warmup);
        log.WriteLine(FormattableString.Invariant($"  history {First}..{Last} median {historyTiming.MedianMs,8:F1} ms  (CPU {historyTiming.CpuMs,8:F1} ms/run; {history!.Rows:N0} rows)"));

        return new EngineResult(
            build,
            period,
            historyTiming,
            PeriodTotals.From(result),
            [.. history.Periods.Select(PeriodTotals.From)],
            Math.Round(allocatedMb, 1),
            Math.Round(snapshotMb, 1),
            Math.Round(GC.GetTotalMemory(forceFullCollection: true) / 1024.0 / 1024.0, 1),
            Math.Round(Machine.PeakRssMb(), 1),
            snapshot!);
    }
}
