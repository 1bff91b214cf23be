using System.Diagnostics;

namespace Luoshi.Bench.Harness;

/// <summary>
/// Milliseconds of measured runs (after warm-up runs that are not kept), and the CPU time a measured run
/// used on average where it can be read. On a shared machine the wall time waits for other people's work;
/// the CPU time does not.
/// </summary>
public sealed record Timing(double MedianMs, double MinMs, double MaxMs, int Runs, int Warmups, double? CpuMs = null)
{
    /// <summary>
    /// Runs <paramref name="action"/> <paramref name="warmups"/> times unmeasured, then <paramref name="runs"/>
    /// times measured; <paramref name="cpu"/> reads a CPU clock (this process's by default; one that returns
    /// <see cref="TimeSpan.MinValue"/> cannot be read).
    /// </summary>
    public static Timing Measure(int warmups, int runs, Action action, Func<TimeSpan>? cpu = null, TimeSpan minWarmup = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        return MeasureAsync(warmups, runs, () => { action(); return Task.CompletedTask; }, cpu, minWarmup).GetAwaiter().GetResult();
    }

    /// <summary>
    /// As <see cref="Measure"/>; warm-up also lasts at least <paramref name="minWarmup"/>, long enough for the
    /// runtime's tiered compiler to have replaced the first, quickly compiled code by optimized code.
    /// </summary>
    public static async Task<Timing> MeasureAsync(int warmups, int runs, Func<Task> action, Func<TimeSpan>? cpu = null, TimeSpan minWarmup = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        cpu ??= ProcessCpu;
        long warmupStart = Stopwatch.GetTimestamp();
        int done = 0;
        while (done < warmups || (done > 0 && Stopwatch.GetElapsedTime(warmupStart) < minWarmup))
        {
            await action();
            done++;
        }

        warmups = done;

        var times = new double[runs];
        var cpuBefore = cpu();
        for (int k = 0; k < runs; k++)
        {
            long start = Stopwatch.GetTimestamp();
            await action();
            times[k] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        var cpuAfter = cpu();
        return Of(times, warmups) with
        {
            CpuMs = cpuBefore == TimeSpan.MinValue ? null : Round((cpuAfter - cpuBefore).TotalMilliseconds / runs),
        };
    }

    public static Timing Of(double[] times, int warmups)
    {
        ArgumentNullException.ThrowIfNull(times);
        if (times.Length == 0)
        {
            throw new ArgumentException("no measured runs", nameof(times));
        }

        var sorted = times.Order().ToArray();
        int mid = sorted.Length / 2;
        double median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return new Timing(Round(median), Round(sorted[0]), Round(sorted[^1]), sorted.Length, warmups);
    }

    /// <summary>User and system time of every thread of this process (getrusage: microseconds, not clock ticks).</summary>
    public static TimeSpan ProcessCpu() => Environment.CpuUsage.TotalTime;

    private static double Round(double ms) => Math.Round(ms, 3);
}
