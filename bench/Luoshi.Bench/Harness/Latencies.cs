namespace Luoshi.Bench.Harness;

/// <summary>
/// Client-side latencies of one kind of request, added from many tasks at once, and their percentiles
/// (nearest rank: the smallest sample that at least p% of the samples do not exceed).
/// </summary>
public sealed class Latencies
{
    private readonly List<double> _ms = [];
    private readonly Lock _gate = new();

    public void Add(double ms)
    {
        lock (_gate)
        {
            _ms.Add(ms);
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _ms.Count;
            }
        }
    }

    /// <summary>The p-th percentile in milliseconds (0 &lt; p ≤ 100), rounded to 0.1 ms; null without samples.</summary>
    public double? Percentile(double p)
    {
        double[] sorted;
        lock (_gate)
        {
            sorted = [.. _ms];
        }

        return Of(sorted, p);
    }

    public double? Max() => Percentile(100);

    public static double? Of(IEnumerable<double> samples, double p)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (p is <= 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "a percentile lies in (0, 100]");
        }

        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        int rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return Math.Round(sorted[Math.Clamp(rank, 1, sorted.Length) - 1], 1);
    }

    /// <summary>The samples of several kinds together (e.g. the page and the API as "reads").</summary>
    public static Latencies Merge(params Latencies[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var all = new Latencies();
        foreach (var part in parts)
        {
            lock (part._gate)
            {
                all._ms.AddRange(part._ms);
            }
        }

        return all;
    }
}
