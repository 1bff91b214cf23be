using System.Globalization;

namespace Luoshi.Bench.Harness;

/// <summary>What the numbers were measured on, and how busy it was: the machine is shared.</summary>
public static class Machine
{
    /// <summary>Peak resident set of this process so far (VmHWM), in MiB.</summary>
    public static double PeakRssMb() => StatusKb("VmHWM:") / 1024.0;

    /// <summary>
    /// Resets the peak resident set (VmHWM) to the current one (writing 5 to /proc/self/clear_refs), so that a
    /// later <see cref="PeakRssMb"/> measures only what follows; false where the kernel does not allow it.
    /// </summary>
    public static bool ResetPeakRss()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Current resident set (VmRSS), in MiB.</summary>
    public static double RssMb() => StatusKb("VmRSS:") / 1024.0;

    /// <summary>The 1-, 5- and 15-minute load averages, as /proc/loadavg writes them.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";

    public static double MemoryGb() => MeminfoKb("MemTotal:") / 1024.0 / 1024.0;

    private static long StatusKb(string key) => ReadKb("/proc/self/status", key);

    private static long MeminfoKb(string key) => ReadKb("/proc/meminfo", key);

    private static long ReadKb(string file, string key)
    {
        if (!File.Exists(file))
        {
            return 0;
        }

        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
