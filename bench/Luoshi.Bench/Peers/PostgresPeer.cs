using System.Diagnostics;
using Luoshi.Bench.Harness;
using Npgsql;
using NpgsqlTypes;

namespace Luoshi.Bench.Peers;

/// <summary>
/// Loads the exported files into a PostgreSQL database of their own (luoshi_peer_&lt;workload&gt;; reused
/// while the workload is unchanged) and times bench/sql/evaluation.sql there as a prepared statement.
/// </summary>
public static class PostgresPeer
{
    // Session settings a DBA would give an analytic query on this machine: the sorts and hash tables of
    // a whole history in memory rather than spilled to disk (the machine has memory to spare), and every
    // run planned for its actual months, as a one-off query would be, rather than a generic plan reused
    // across one month and six years. Everything else (parallel workers, JIT) is the server's default.
    // A history that takes longer than this is reported as at least this long.
    private static readonly TimeSpan HistoryTimeout = TimeSpan.FromMinutes(30);

    private const string SessionSettings = "SET work_mem = '1GB'; SET plan_cache_mode = force_custom_plan";

    public static async Task<PeerResult> Run(string connectionString, Scale.Workload workload, string csvDirectory, string sql, RunPlan plan, bool history, int period, int from, int to, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(log);
        var database = "luoshi_peer_" + workload.Shape.Name;
        var peer = await Postgres.EnsureDatabase(connectionString, database);
        await using var conn = new NpgsqlConnection(peer);
        await conn.OpenAsync();
        double loadMs = await Postgres.StoredLoadMs(conn, workload.Fingerprint) ?? await Load(conn, workload.Fingerprint, csvDirectory, log);

        await using (var set = new NpgsqlCommand(SessionSettings, conn))
        {
            await set.ExecuteNonQueryAsync();
        }

        string version;
        await using (var show = new NpgsqlCommand("SHOW server_version", conn))
        {
            version = (string)(await show.ExecuteScalarAsync())!;
        }

        await using var query = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        query.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer });
        query.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer });
        await query.PrepareAsync();

        var cpu = await Postgres.ServerCpu(conn) ?? (() => TimeSpan.MinValue);
        IReadOnlyList<PeriodTotals> periodTotals = [];
        var periodTiming = await Timing.MeasureAsync(plan.PostgresPeriodWarmups, plan.PostgresPeriodRuns, async () => periodTotals = await Execute(query, period, period), cpu);
        log.WriteLine(FormattableString.Invariant($"  PostgreSQL {version}: one period median {periodTiming.MedianMs:F1} ms (server CPU {periodTiming.CpuMs:F1})"));
        Timing? historyTiming = null;
        IReadOnlyList<PeriodTotals> historyTotals = [];
        string? note = null;
        if (history && plan.PostgresHistoryRuns > 0)
        {
            await Postgres.Execute(conn, FormattableString.Invariant($"SET statement_timeout = {(long)HistoryTimeout.TotalMilliseconds}"));
            try
            {
                historyTiming = await Timing.MeasureAsync(plan.PostgresHistoryWarmups, plan.PostgresHistoryRuns, async () => historyTotals = await Execute(query, from, to), cpu);
                log.WriteLine(FormattableString.Invariant($"  PostgreSQL {version}: history median {historyTiming.MedianMs:F0} ms (server CPU {historyTiming.CpuMs:F0})"));
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.QueryCanceled)
            {
                note = FormattableString.Invariant($"history stopped after {HistoryTimeout.TotalMinutes:F0} minutes");
                log.WriteLine($"  PostgreSQL {version}: {note}");
            }
        }

        return new PeerResult("PostgreSQL " + version, loadMs, periodTiming, periodTotals, historyTiming, historyTotals, null, note);
    }

    private static async Task<IReadOnlyList<PeriodTotals>> Execute(NpgsqlCommand query, int from, int to)
    {
        query.Parameters[0].Value = from;
        query.Parameters[1].Value = to;
        var totals = new List<PeriodTotals>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            totals.Add(new PeriodTotals(
                reader.GetInt32(0),
                reader.GetInt64(1),
                reader.GetInt64(2),
                reader.GetInt64(3),
                reader.GetInt64(4),
                reader.GetInt64(5),
                reader.GetInt64(6),
                reader.GetDouble(7),
                reader.GetDouble(8)));
        }

        return totals;
    }

    private static async Task<double> Load(NpgsqlConnection conn, string fingerprint, string csvDirectory, TextWriter log)
    {
        long start = Stopwatch.GetTimestamp();
        await Postgres.Execute(conn, """
            DROP TABLE IF EXISTS bench_meta, closure, readings, targets, months, indicators, units;
            CREATE TABLE units (unit_id integer PRIMARY KEY, parent_id integer, kind text NOT NULL, code text NOT NULL);
            CREATE TABLE indicators (ind_id integer PRIMARY KEY, code text NOT NULL, agg text NOT NULL, cumulative boolean NOT NULL,
                lower_is_better boolean NOT NULL, tol double precision NOT NULL, num_id integer, den_id integer, scale double precision);
            CREATE TABLE months (ym integer PRIMARY KEY, yr integer NOT NULL, mo integer NOT NULL);
            CREATE TABLE targets (ind_id integer NOT NULL, unit_id integer NOT NULL, yr integer NOT NULL, target double precision NOT NULL, qual text NOT NULL);
            CREATE TABLE readings (ind_id integer NOT NULL, unit_id integer NOT NULL, ym integer NOT NULL, v double precision NOT NULL);
            """);
        foreach (var table in new[] { "units", "indicators", "months", "targets", "readings" })
        {
            await using var writer = await conn.BeginTextImportAsync($"COPY {table} FROM STDIN (FORMAT csv, HEADER true)");
            using var reader = new StreamReader(Path.Combine(csvDirectory, table + ".csv"));
            var buffer = new char[1 << 16];
            int n;
            while ((n = await reader.ReadAsync(buffer)) > 0)
            {
                await writer.WriteAsync(buffer.AsMemory(0, n));
            }
        }

        // Readings arrive month by month, so a month's rows sit together on disk behind the ym index.
        await Postgres.Execute(conn, """
            CREATE TABLE closure AS
                WITH RECURSIVE c(anc, des, dist) AS (
                    SELECT unit_id, unit_id, 0 FROM units
                    UNION ALL
                    SELECT u.parent_id, c.des, c.dist + 1 FROM c JOIN units AS u ON u.unit_id = c.anc WHERE u.parent_id IS NOT NULL
                )
                SELECT anc, des, dist FROM c;
            CREATE INDEX ON closure (des);
            CREATE INDEX ON readings (ym);
            CREATE INDEX ON targets (yr);
            """);
        await Postgres.Execute(conn, "VACUUM ANALYZE");
        double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        await Postgres.StoreLoad(conn, fingerprint, ms);
        log.WriteLine(FormattableString.Invariant($"  PostgreSQL peer tables loaded in {ms / 1000:F1} s"));
        return ms;
    }
}
