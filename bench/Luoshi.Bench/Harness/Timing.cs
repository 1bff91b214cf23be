using System.Diagnostics;

namespace Luoshi.Bench.Harness;

/// <summary>Milliseconds of measured runs (after warm-up runs that are not kept).</summary>
public sealed record Timing(double MedianMs, double MinMs, double MaxMs, int Runs, int Warmups)
{
    /// <summary>Runs <paramref name="action"/> <paramref name="warmups"/> times unmeasured, then <paramref name="runs"/> times measured.</summary>
    public static Timing Measure(int warmups, int runs, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        for (int k = 0; k < warmups; k++)
        {
            action();
        }

        var times = new double[runs];
        for (int k = 0; k < runs; k++)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            times[k] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return Of(times, warmups);
    }

    public static async Task<Timing> MeasureAsync(int warmups, int runs, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        for (int k = 0; k < warmups; k++)
        {
            await action();
        }

        var times = new double[runs];
        for (int k = 0; k < runs; k++)
        {
            long start = Stopwatch.GetTimestamp();
            await action();
            times[k] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return Of(times, warmups);
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

    private static double Round(double ms) => Math.Round(ms, 3);
}
