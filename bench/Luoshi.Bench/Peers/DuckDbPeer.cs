using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Luoshi.Bench.Harness;

namespace Luoshi.Bench.Peers;

/// <summary>Runs bench/duckdb/evaluate.mjs (DuckDB through npm <c>@duckdb/node-api</c>) on the exported files and reads its JSON.</summary>
public static class DuckDbPeer
{
    public static PeerResult Run(string repoRoot, string csvDirectory, RunPlan plan, int period, int from, int to, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(log);
        var script = Path.Combine(repoRoot, "bench", "duckdb", "evaluate.mjs");
        if (!Directory.Exists(Path.Combine(repoRoot, "bench", "duckdb", "node_modules", "@duckdb", "node-api")))
        {
            throw new InvalidOperationException("DuckDB is not installed: run `npm ci` in bench/duckdb (scripts/bench.sh does).");
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(script)!,
        };
        foreach (var arg in new[]
                 {
                     script,
                     "--data", csvDirectory,
                     "--sql", Path.Combine(repoRoot, "bench", "sql", "evaluation.sql"),
                     "--period", I(period), "--from", I(from), "--to", I(to),
                     "--period-warmup", I(plan.DuckDbPeriodWarmups), "--period-runs", I(plan.DuckDbPeriodRuns),
                     "--history-warmup", I(plan.DuckDbHistoryWarmups), "--history-runs", I(plan.DuckDbHistoryRuns),
                 })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start node");
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"DuckDB run failed ({process.ExitCode}): {stderr.Result}");
        }

        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        var result = new PeerResult(
            root.GetProperty("engine").GetString()!,
            root.GetProperty("loadMs").GetDouble(),
            TimingOf(root.GetProperty("period"), plan.DuckDbPeriodWarmups),
            TotalsOf(root.GetProperty("period")),
            TimingOf(root.GetProperty("history"), plan.DuckDbHistoryWarmups),
            TotalsOf(root.GetProperty("history")),
            root.GetProperty("peakRssMb").GetDouble());
        log.WriteLine(FormattableString.Invariant($"  {result.Engine} ({root.GetProperty("threads").GetInt32()} threads): load {result.LoadMs:F0} ms, one period median {result.Period.MedianMs:F2} ms (CPU {result.Period.CpuMs:F2}), history median {result.History!.MedianMs:F1} ms (CPU {result.History.CpuMs:F1})"));
        return result;
    }

    private static Timing TimingOf(JsonElement e, int warmups) =>
        new(e.GetProperty("medianMs").GetDouble(), e.GetProperty("minMs").GetDouble(), e.GetProperty("maxMs").GetDouble(), e.GetProperty("runs").GetInt32(), warmups, e.GetProperty("cpuMs").GetDouble());

    private static PeriodTotals[] TotalsOf(JsonElement e) =>
        [.. e.GetProperty("periods").EnumerateArray().Select(p => new PeriodTotals(
            p.GetProperty("ym").GetInt32(),
            p.GetProperty("rows").GetInt64(),
            p.GetProperty("green").GetInt64(),
            p.GetProperty("yellow").GetInt64(),
            p.GetProperty("red").GetInt64(),
            p.GetProperty("grey").GetInt64(),
            p.GetProperty("none").GetInt64(),
            p.GetProperty("actualSum").GetDouble(),
            p.GetProperty("expectedSum").GetDouble()))];

    private static string I(int n) => n.ToString(CultureInfo.InvariantCulture);
}
