using System.Globalization;

namespace Luoshi.Application.Operations;

/// <summary>
/// Caps the managed heap of a long-running process (the server, the benchmark engine) so that a national
/// deployment stays within a few gigabytes on a host that sets no limit of its own. Without a cap the collector
/// sizes itself by the machine's memory: on a 24 GB host the national workload grew to 5.2 GB of resident memory
/// while 1.6 GB of it was live, because nothing asked the collector to look sooner (bench/README.md). With a cap
/// it collects against the cap instead, at no measurable cost in time. A limit the runtime was given explicitly
/// (<c>DOTNET_GCHeapHardLimit</c>, <c>DOTNET_GCHeapHardLimitPercent</c>, or their runtimeconfig settings) is left
/// alone: an operator who set one meant it.
/// </summary>
public static class HeapLimit
{
    /// <summary>Room for two national snapshots at once (one answering while the next is built), with headroom.</summary>
    public const int DefaultMegabytes = 3072;

    /// <summary>What was decided, for the start-up log.</summary>
    public sealed record Decision(long? LimitBytes, string Reason)
    {
        public override string ToString() => LimitBytes is { } bytes
            ? string.Create(CultureInfo.InvariantCulture, $"managed heap limited to {bytes / (1024 * 1024)} MB ({Reason})")
            : $"managed heap not limited here ({Reason})";
    }

    private static readonly Lock s_gate = new();
    private static Decision? s_decision;

    /// <summary>
    /// Applies a cap of <paramref name="megabytes"/> (0: none), never more than three quarters of the memory the process
    /// may use. Once per process: the heap is the process's, however many hosts it starts (tests start dozens).
    /// </summary>
    public static Decision Apply(int megabytes)
    {
        if (megabytes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(megabytes), megabytes, "Luoshi:HeapLimitMegabytes must be 0 (no limit) or more");
        }

        lock (s_gate)
        {
            return s_decision ??= Decide(megabytes);
        }
    }

    private static Decision Decide(int megabytes)
    {
        foreach (var name in new[] { "GCHeapHardLimit", "GCHeapHardLimitPercent" })
        {
            if (Environment.GetEnvironmentVariable("DOTNET_" + name) is { Length: > 0 } || AppContext.GetData("System.GC." + name.Replace("GCHeap", "Heap", StringComparison.Ordinal)) is not null)
            {
                return new Decision(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, $"{name} set for the runtime");
            }
        }

        if (megabytes == 0)
        {
            return new Decision(null, "Luoshi:HeapLimitMegabytes is 0");
        }

        // The memory the process may use: the machine's, or its container's limit.
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        long wanted = (long)megabytes * 1024 * 1024;
        long limit = available > 0 ? Math.Min(wanted, available / 4 * 3) : wanted;
        AppContext.SetData("GCHeapHardLimit", (ulong)limit);
        GC.RefreshMemoryLimit();
        return new Decision(limit, limit < wanted ? "three quarters of the memory available" : "Luoshi:HeapLimitMegabytes");
    }
}
