using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Luoshi.Bench.Harness;

namespace Luoshi.Bench.Peers;

/// <summary>
/// DuckDB in-process (DuckDB.NET with its bundled native library): loads the exported files into an
/// in-memory database, then times bench/sql/evaluation.sql for one month and for the whole history —
/// warm-up runs, then the median of measured runs — with the statement prepared once.
/// </summary>
public static class DuckDbPeer
{
    public static PeerResult Run(string repoRoot, string csvDirectory, RunPlan plan, int period, int from, int to, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(log);
        var sql = File.ReadAllText(Path.Combine(repoRoot, "bench", "sql", "evaluation.sql"));

        // DuckDB shares this process with the engine that ran before it: its memory is what the resident
        // set grows by from here, with the peak reset so that the engine's own does not count.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        double baselineMb = Machine.RssMb();
        bool peakReset = Machine.ResetPeakRss();

        using var conn = new DuckDBConnection("DataSource=:memory:");
        conn.Open();
        string engine = "DuckDB " + Scalar(conn, "SELECT version()") + " (DuckDB.NET " + typeof(DuckDBConnection).Assembly.GetName().Version + ")";
        string threads = Scalar(conn, "SELECT current_setting('threads')");

        long start = Stopwatch.GetTimestamp();
        LoadTables(conn, csvDirectory);
        double loadMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

        using var query = conn.CreateCommand();
        query.CommandText = sql;
        var (periodTiming, periodTotals) = Measure(query, period, period, plan.DuckDbPeriodWarmups, plan.DuckDbPeriodRuns);
        var (historyTiming, historyTotals) = Measure(query, from, to, plan.DuckDbHistoryWarmups, plan.DuckDbHistoryRuns);
        double? peakMb = peakReset ? Math.Round(Machine.PeakRssMb() - baselineMb) : null;

        var result = new PeerResult(engine, Math.Round(loadMs, 3), periodTiming, periodTotals, historyTiming, historyTotals, peakMb);
        log.WriteLine(FormattableString.Invariant($"  {result.Engine} ({threads} threads, in-process): load {result.LoadMs:F0} ms, one period median {result.Period.MedianMs:F2} ms (CPU {result.Period.CpuMs:F2}), history median {result.History!.MedianMs:F1} ms (CPU {result.History.CpuMs:F1}), resident set +{(peakMb is { } p ? p.ToString("F0", CultureInfo.InvariantCulture) : "?")} MB"));
        return result;
    }

    /// <summary>
    /// The exported workload as DuckDB's tables: units, indicators, months, targets, readings and the unit
    /// closure. Targets and readings are sorted by the columns every query filters on, so that DuckDB's zone
    /// maps skip what a month does not need.
    /// </summary>
    public static void LoadTables(DuckDBConnection conn, string data)
    {
        ArgumentNullException.ThrowIfNull(conn);
        string Csv(string file, string columns) =>
            $"read_csv('{Path.Combine(data, file).Replace("'", "''", StringComparison.Ordinal)}', header = true, delim = ',', quote = '\"', columns = {{{columns}}})";
        Execute(conn, $"CREATE TABLE units AS SELECT * FROM {Csv("units.csv", "'unit_id': 'INTEGER', 'parent_id': 'INTEGER', 'kind': 'VARCHAR', 'code': 'VARCHAR'")}");
        Execute(conn, $"CREATE TABLE indicators AS SELECT * FROM {Csv("indicators.csv", "'ind_id': 'INTEGER', 'code': 'VARCHAR', 'agg': 'VARCHAR', 'cumulative': 'BOOLEAN', 'lower_is_better': 'BOOLEAN', 'tol': 'DOUBLE', 'num_id': 'INTEGER', 'den_id': 'INTEGER', 'scale': 'DOUBLE'")}");
        Execute(conn, $"CREATE TABLE months AS SELECT * FROM {Csv("months.csv", "'ym': 'INTEGER', 'yr': 'INTEGER', 'mo': 'INTEGER'")}");
        Execute(conn, $"CREATE TABLE targets AS SELECT * FROM {Csv("targets.csv", "'ind_id': 'INTEGER', 'unit_id': 'INTEGER', 'yr': 'INTEGER', 'target': 'DOUBLE', 'qual': 'VARCHAR'")} ORDER BY yr, ind_id, unit_id");
        Execute(conn, $"CREATE TABLE readings AS SELECT * FROM {Csv("readings.csv", "'ind_id': 'INTEGER', 'unit_id': 'INTEGER', 'ym': 'INTEGER', 'v': 'DOUBLE'")} ORDER BY ym, ind_id, unit_id");
        Execute(conn, """
            CREATE TABLE closure AS
            WITH RECURSIVE c(anc, des, dist) AS (
              SELECT unit_id, unit_id, 0 FROM units
              UNION ALL
              SELECT u.parent_id, c.des, c.dist + 1 FROM c JOIN units AS u ON u.unit_id = c.anc WHERE u.parent_id IS NOT NULL
            )
            SELECT anc, des, dist FROM c
            """);
    }

    private static (Timing Timing, PeriodTotals[] Totals) Measure(DuckDBCommand query, int first, int last, int warmups, int runs)
    {
        query.Parameters.Clear();
        query.Parameters.Add(new DuckDBParameter(first));
        query.Parameters.Add(new DuckDBParameter(last));
        PeriodTotals[] totals = [];
        for (int k = 0; k < warmups; k++)
        {
            totals = Query(query);
        }

        var times = new double[runs];
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        for (int k = 0; k < runs; k++)
        {
            long start = Stopwatch.GetTimestamp();
            totals = Query(query);
            times[k] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        process.Refresh();
        // User and system time of the whole process (all of DuckDB's threads), per measured run.
        double cpuMs = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / runs;
        Array.Sort(times);
        int mid = times.Length / 2;
        double median = times.Length % 2 == 1 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
        return (new Timing(Round(median), Round(times[0]), Round(times[^1]), runs, warmups, Round(cpuMs)), totals);
    }

    private static PeriodTotals[] Query(DuckDBCommand query)
    {
        var totals = new List<PeriodTotals>();
        using var reader = query.ExecuteReader();
        int ym = reader.GetOrdinal("ym"), rows = reader.GetOrdinal("row_count"), green = reader.GetOrdinal("green"),
            yellow = reader.GetOrdinal("yellow"), red = reader.GetOrdinal("red"), grey = reader.GetOrdinal("grey"),
            none = reader.GetOrdinal("no_status"), actual = reader.GetOrdinal("actual_sum"), expected = reader.GetOrdinal("expected_sum");
        while (reader.Read())
        {
            totals.Add(new PeriodTotals(
                Convert.ToInt32(reader.GetValue(ym), CultureInfo.InvariantCulture),
                Long(reader, rows), Long(reader, green), Long(reader, yellow), Long(reader, red), Long(reader, grey), Long(reader, none),
                Double(reader, actual), Double(reader, expected)));
        }

        return [.. totals];
    }

    private static long Long(DuckDBDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    // A month without a single value sums to NULL; its totals then compare as NaN and the cross-check says so.
    private static double Double(DuckDBDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? double.NaN : Convert.ToDouble(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    internal static void Execute(DuckDBConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    internal static string Scalar(DuckDBConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }

    private static double Round(double ms) => Math.Round(ms, 3);
}
