using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Luoshi.Bench.Harness;
using Luoshi.Bench.Peers;

namespace Luoshi.Bench.ReportingDay;

/// <summary>What DuckDB did in the insert-then-query rounds.</summary>
public sealed record DuckDbResult(string Engine, double LoadMs, int Rounds, double InsertP50Ms, double ReadAfterWriteP50Ms, double ReadAfterWriteP99Ms, double LeaderReadAfterWriteP50Ms, int StaleReads);

/// <summary>
/// The peer of the reporting day: DuckDB in-process (DuckDB.NET), the province loaded from the CSV export as
/// the evaluation peer loads it (<see cref="DuckDbPeer.LoadTables"/>), then rounds of one write from the same stream the reporters send
/// (<see cref="WriteStream"/>: a cell's old value deleted and the new one inserted) followed by the one-month
/// question of bench/sql/evaluation.sql for the month written — what a reporter's read after its write
/// asks — and, after it, the same question for the month the leaders look at. Each query rolls up and
/// derives from the readings as they are after the write, so it always shows it.
/// </summary>
public static class DuckDbReadAfterWrite
{
    public static DuckDbResult Run(string csvDirectory, string sqlFile, int reporters, int rounds, int writtenMonth, int leaderMonth, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var sql = File.ReadAllText(sqlFile);
        using var conn = new DuckDBConnection("DataSource=:memory:");
        conn.Open();
        string engine = "DuckDB " + DuckDbPeer.Scalar(conn, "SELECT version()") + " (DuckDB.NET " + typeof(DuckDBConnection).Assembly.GetName().Version + ")";

        long start = Stopwatch.GetTimestamp();
        Load(conn, csvDirectory, writtenMonth / 100);
        double loadMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        log.WriteLine(FormattableString.Invariant($"  duckdb: {engine}, {DuckDbPeer.Scalar(conn, "SELECT current_setting('threads')")} threads: province loaded in {loadMs:F0} ms"));

        var units = Ids(conn, "SELECT code, unit_id FROM units");
        var indicators = Ids(conn, "SELECT code, ind_id FROM indicators");
        var counties = Column(conn, "SELECT code FROM units WHERE kind = 'county' ORDER BY code");
        var reporterUnits = Accounts.Spread(counties, reporters);

        using var delete = conn.CreateCommand();
        delete.CommandText = "DELETE FROM readings WHERE ind_id = $1 AND unit_id = $2 AND ym = $3";
        using var insert = conn.CreateCommand();
        insert.CommandText = "INSERT INTO readings VALUES ($1, $2, $3, $4)";
        using var query = conn.CreateCommand();
        query.CommandText = sql;

        // Warm-up: the statements once each, unmeasured.
        Ask(query, leaderMonth);
        Ask(query, writtenMonth);

        var inserts = new List<double>(rounds);
        var reads = new List<double>(rounds);
        var leaderReads = new List<double>(rounds);
        int stale = 0;
        double lastSum = double.NaN;
        for (int i = 0; i < rounds; i++)
        {
            int w = i % reporters;
            var (indicator, value) = WriteStream.Cell(w, i / reporters);
            object[] cell = [indicators[indicator], units[reporterUnits[w]], writtenMonth];
            start = Stopwatch.GetTimestamp();
            Execute(delete, cell);
            Execute(insert, [.. cell, (double)value]);
            inserts.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);

            start = Stopwatch.GetTimestamp();
            double sum = Ask(query, writtenMonth);
            reads.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);

            // Every write changes a value, so the month's Σ actual moves with it.
            if (sum.Equals(lastSum))
            {
                stale++;
            }

            lastSum = sum;
            start = Stopwatch.GetTimestamp();
            Ask(query, leaderMonth);
            leaderReads.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        var result = new DuckDbResult(
            engine,
            Math.Round(loadMs, 1),
            rounds,
            Latencies.Of(inserts, 50) ?? 0,
            Latencies.Of(reads, 50) ?? 0,
            Latencies.Of(reads, 99) ?? 0,
            Latencies.Of(leaderReads, 50) ?? 0,
            stale);
        log.WriteLine(FormattableString.Invariant(
            $"  duckdb: {rounds} rounds: insert p50 {result.InsertP50Ms} ms, read after write ({writtenMonth}) p50 {result.ReadAfterWriteP50Ms} ms p99 {result.ReadAfterWriteP99Ms} ms, leaders' month ({leaderMonth}) p50 {result.LeaderReadAfterWriteP50Ms} ms"));
        return result;
    }

    private static void Load(DuckDBConnection conn, string data, int writtenYear)
    {
        DuckDbPeer.LoadTables(conn, data);

        // The reporters write a month after the export's last; the calendar table gets its year.
        DuckDbPeer.Execute(conn, FormattableString.Invariant($"INSERT INTO months SELECT {writtenYear} * 100 + m, {writtenYear}, m FROM range(1, 13) AS t(m) WHERE {writtenYear} * 100 + m NOT IN (SELECT ym FROM months)"));
    }

    /// <summary>Runs the one-month question and reads every row; returns the month's Σ actual.</summary>
    private static double Ask(DuckDBCommand query, int month)
    {
        query.Parameters.Clear();
        query.Parameters.Add(new DuckDBParameter(month));
        query.Parameters.Add(new DuckDBParameter(month));
        double sum = 0;
        using var reader = query.ExecuteReader();
        int actual = reader.GetOrdinal("actual_sum");
        while (reader.Read())
        {
            sum += reader.IsDBNull(actual) ? 0 : reader.GetDouble(actual);
        }

        return sum;
    }

    private static void Execute(DuckDBCommand command, object[] values)
    {
        command.Parameters.Clear();
        foreach (var v in values)
        {
            command.Parameters.Add(new DuckDBParameter(v));
        }

        command.ExecuteNonQuery();
    }

    private static Dictionary<string, int> Ids(DuckDBConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read())
        {
            ids[reader.GetString(0)] = reader.GetInt32(1);
        }

        return ids;
    }

    private static List<string> Column(DuckDBConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var list = new List<string>();
        while (reader.Read())
        {
            list.Add(reader.GetString(0));
        }

        return list;
    }
}
