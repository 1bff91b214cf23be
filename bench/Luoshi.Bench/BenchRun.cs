using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Luoshi.Bench.Database;
using Luoshi.Bench.Engine;
using Luoshi.Bench.Harness;
using Luoshi.Bench.Peers;
using Luoshi.Bench.Scale;
using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;

namespace Luoshi.Bench;

/// <summary>What one run of a workload does, and where it writes.</summary>
public sealed record BenchOptions(
    string Workload,
    bool Quick,
    string RepoRoot,
    string OutputDirectory,
    string? PostgresConnectionString,
    bool DuckDb,
    bool Postgres,
    bool PostgresHistory,
    bool Databases,
    string? ReportName = null);

/// <summary>
/// One workload, end to end: generate it, time Luoshi's engine on it, export it, time DuckDB and
/// PostgreSQL on the same computation, cross-check all three, time loading it from the app's own
/// databases, and write &lt;workload&gt;.json. Returns 0, or 3 when the engines disagree.
/// </summary>
public static class BenchRun
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static async Task<int> Run(BenchOptions o, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(log);
        var shape = WorkloadShape.Parse(o.Workload);
        var plan = RunPlan.For(o.Workload, o.Quick);
        var loadAtStart = Machine.LoadAverage();
        log.WriteLine(FormattableString.Invariant($"== {shape.Name}: {shape.Units:N0} units, {WorkloadShape.Indicators} indicators ({WorkloadShape.DerivedIndicators} derived), {WorkloadShape.FirstYear}-01..{WorkloadShape.LastYear}-12 — load average {loadAtStart}"));

        long start = Stopwatch.GetTimestamp();
        var workload = ScaleGenerator.Generate(shape);
        double generateMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        log.WriteLine(FormattableString.Invariant($"  generated {workload.Readings:N0} readings and {workload.Targets:N0} targets in {generateMs / 1000:F1} s ({workload.Fingerprint})"));

        var engine = EngineBench.Run(workload, plan, log);
        var report = new JsonObject
        {
            ["workload"] = shape.Name,
            ["units"] = shape.Units,
            ["indicators"] = WorkloadShape.Indicators,
            ["derivedIndicators"] = WorkloadShape.DerivedIndicators,
            ["months"] = WorkloadShape.Months,
            ["readings"] = workload.Readings,
            ["targets"] = workload.Targets,
            ["rowsPerPeriod"] = engine.PeriodTotals.Rows,
            ["historyRows"] = engine.HistoryTotals.Sum(t => t.Rows),
            ["fingerprint"] = workload.Fingerprint,
            ["generateMs"] = Math.Round(generateMs, 1),
            ["snapshotBuildMs"] = engine.Build.MedianMs,
            ["luoshiPeriodMs"] = engine.Period.MedianMs,
            ["luoshiHistoryMs"] = engine.History.MedianMs,
            ["peakRssMb"] = engine.PeakRssMb,
            ["snapshotHeapMb"] = engine.SnapshotHeapMb,
            ["liveHeapMb"] = engine.LiveHeapMb,
            ["gcHeapLimitMb"] = Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024.0),
            ["luoshiPeriodAllocatedMb"] = engine.PeriodAllocatedMb,
        };
        var timings = new JsonObject
        {
            ["snapshotBuild"] = Node(engine.Build),
            ["luoshiPeriod"] = Node(engine.Period),
            ["luoshiHistory"] = Node(engine.History),
        };

        int period = YearMonth(EngineBench.OnePeriod);
        int from = YearMonth(EngineBench.First);
        int to = YearMonth(EngineBench.Last);
        var problems = new List<string>();
        var engines = new JsonArray { "Luoshi " + typeof(Evaluator).Assembly.GetName().Version };
        if (o.DuckDb || o.Postgres)
        {
            var csv = Path.Combine(o.OutputDirectory, shape.Name, "csv");
            start = Stopwatch.GetTimestamp();
            bool written = CsvExport.Write(workload, csv);
            log.WriteLine(FormattableString.Invariant($"  CSV export {(written ? "written" : "reused")} in {Stopwatch.GetElapsedTime(start).TotalSeconds:F1} s ({csv})"));
            var sql = await File.ReadAllTextAsync(Path.Combine(o.RepoRoot, "bench", "sql", "evaluation.sql"));
            if (o.DuckDb)
            {
                var duck = DuckDbPeer.Run(o.RepoRoot, csv, plan, period, from, to, log);
                engines.Add(duck.Engine);
                report["duckdbPeriodMs"] = duck.Period.MedianMs;
                report["duckdbHistoryMs"] = duck.History!.MedianMs;
                report["duckdbLoadMs"] = Math.Round(duck.LoadMs, 1);
                report["duckdbPeakRssMb"] = duck.PeakRssMb;
                timings["duckdbPeriod"] = Node(duck.Period);
                timings["duckdbHistory"] = Node(duck.History);
                problems.AddRange(CrossCheck.Compare("one period", [engine.PeriodTotals], "DuckDB", duck.PeriodTotals));
                problems.AddRange(CrossCheck.Compare("history", engine.HistoryTotals, "DuckDB", duck.HistoryTotals));
            }

            if (o.Postgres)
            {
                var pg = await PostgresPeer.Run(RequirePostgres(o), workload, csv, sql, plan, o.PostgresHistory, period, from, to, log);
                engines.Add(pg.Engine);
                report["postgresPeriodMs"] = pg.Period.MedianMs;
                report["postgresLoadMs"] = Math.Round(pg.LoadMs, 1);
                timings["postgresPeriod"] = Node(pg.Period);
                problems.AddRange(CrossCheck.Compare("one period", [engine.PeriodTotals], "PostgreSQL", pg.PeriodTotals));
                if (pg.Note is not null)
                {
                    report["postgresNote"] = pg.Note;
                }

                if (pg.History is { } h)
                {
                    report["postgresHistoryMs"] = h.MedianMs;
                    timings["postgresHistory"] = Node(h);
                    problems.AddRange(CrossCheck.Compare("history", engine.HistoryTotals, "PostgreSQL", pg.HistoryTotals));
                }
            }
        }

        var generated = engine.Snapshot;
        if (o.Databases)
        {
            var dir = Path.Combine(o.OutputDirectory, shape.Name, "sqlite");
            var sqlite = await AppDatabase.Sqlite(workload, dir, plan, log);
            report["snapshotFromSqliteMs"] = sqlite.Load.MedianMs;
            report["sqliteWriteMs"] = sqlite.WriteMs is { } sw ? Math.Round(sw, 0) : null;
            timings["snapshotFromSqlite"] = Node(sqlite.Load);
            problems.AddRange(SameAsGenerated(generated, sqlite));
            if (o.PostgresConnectionString is not null)
            {
                var pg = await AppDatabase.Postgres(workload, RequirePostgres(o), plan, log);
                report["snapshotFromPostgresMs"] = pg.Load.MedianMs;
                report["postgresWriteMs"] = pg.WriteMs is { } pw ? Math.Round(pw, 0) : null;
                timings["snapshotFromPostgres"] = Node(pg.Load);
                problems.AddRange(SameAsGenerated(generated, pg));
            }
        }

        report["engines"] = engines;
        report["crossCheck"] = new JsonObject
        {
            ["ok"] = problems.Count == 0,
            ["compared"] = "per month: rows and rows per status exactly; Σ actual and Σ expected to a relative " + CrossCheck.RelativeTolerance.ToString("0e0", CultureInfo.InvariantCulture),
            ["periods"] = engine.HistoryTotals.Count,
            ["onePeriod"] = Totals(engine.PeriodTotals),
            ["history"] = Totals(Sum(engine.HistoryTotals)),
            ["problems"] = new JsonArray([.. problems.Take(50).Select(p => (JsonNode)p)]),
        };
        report["timings"] = timings;
        report["loadAverage"] = new JsonObject { ["start"] = loadAtStart, ["end"] = Machine.LoadAverage() };

        Directory.CreateDirectory(o.OutputDirectory);
        var file = Path.Combine(o.OutputDirectory, (o.ReportName ?? shape.Name) + ".json");
        await File.WriteAllTextAsync(file, report.ToJsonString(Json) + "\n");
        log.WriteLine($"  wrote {file}");
        if (problems.Count == 0)
        {
            log.WriteLine(engines.Count > 1
                ? FormattableString.Invariant($"  cross-check: {engines.Count} engines agree on {engine.HistoryTotals.Count} months ({engine.HistoryTotals.Sum(t => t.Rows):N0} rows)")
                : "  no peer to cross-check with");
            return 0;
        }

        await Console.Error.WriteLineAsync($"CROSS-CHECK FAILED for {shape.Name}: {problems.Count} difference(s)");
        foreach (var p in problems.Take(20))
        {
            await Console.Error.WriteLineAsync("  " + p);
        }

        return 3;
    }

    /// <summary>A snapshot loaded from a database must evaluate exactly as the one built from the arrays.</summary>
    private static IEnumerable<string> SameAsGenerated(EvaluationSnapshot generated, LoadResult loaded)
    {
        var expected = Evaluator.EvaluateRange(generated, EngineBench.First, EngineBench.Last, EngineBench.AsOf).Periods.Select(PeriodTotals.From).ToList();
        var actual = Evaluator.EvaluateRange(loaded.Snapshot, EngineBench.First, EngineBench.Last, EngineBench.AsOf).Periods.Select(PeriodTotals.From).ToList();
        return CrossCheck.Compare("history", expected, "snapshot from " + loaded.Database, actual);
    }

    private static int YearMonth(Period month) => (month.Year * 100) + month.EndMonth;

    private static string RequirePostgres(BenchOptions o) =>
        o.PostgresConnectionString ?? throw new InvalidOperationException("PostgreSQL runs need --postgres CONNECTION (scripts/bench.sh starts a cluster and passes it).");

    private static JsonObject Node(Timing t) => new()
    {
        ["medianMs"] = t.MedianMs,
        ["minMs"] = t.MinMs,
        ["maxMs"] = t.MaxMs,
        ["runs"] = t.Runs,
        ["warmups"] = t.Warmups,
        ["cpuMsPerRun"] = t.CpuMs,
    };

    private static PeriodTotals Sum(IReadOnlyList<PeriodTotals> months) => new(
        0,
        months.Sum(t => t.Rows),
        months.Sum(t => t.Green),
        months.Sum(t => t.Yellow),
        months.Sum(t => t.Red),
        months.Sum(t => t.Grey),
        months.Sum(t => t.None),
        months.Sum(t => t.ActualSum),
        months.Sum(t => t.ExpectedSum));

    private static JsonObject Totals(PeriodTotals t) => new()
    {
        ["period"] = t.YearMonth == 0 ? null : t.YearMonth,
        ["rows"] = t.Rows,
        ["green"] = t.Green,
        ["yellow"] = t.Yellow,
        ["red"] = t.Red,
        ["grey"] = t.Grey,
        ["none"] = t.None,
        ["actualSum"] = t.ActualSum,
        ["expectedSum"] = t.ExpectedSum,
    };
}
