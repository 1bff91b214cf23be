using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Application.Evaluation;
using Luoshi.Application.Indicators;
using Luoshi.Application.Organization;
using Luoshi.Application.Spreadsheets;
using Luoshi.Bench.Harness;
using Luoshi.Bench.Peers;
using Luoshi.Bench.Scale;
using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Indicators;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Luoshi.Bench.Database;

/// <summary>What loading the app's own database into a snapshot took, and the snapshot it gave.</summary>
public sealed record LoadResult(string Database, double? WriteMs, Timing Load, EvaluationSnapshot Snapshot);

/// <summary>
/// Writes a workload into a real Luoshi database — schema by the app's migrations; org units and
/// indicators through the import use case; targets and readings (with their first versions) in bulk, in
/// the columns and formats the import stores them, by prepared inserts on SQLite and binary COPY on
/// PostgreSQL (the import's change tracking and per-row audit take minutes for 250,000 targets) — and times
/// <see cref="EvaluationSnapshotLoader.Load"/> on it. A database that already holds the same workload is reused.
/// </summary>
public static class AppDatabase
{
    private const string StampKey = "bench-workload";
    private const string Actor = "bench";
    private static readonly DateTimeOffset ImportedAt = new(2027, 1, 25, 0, 0, 0, TimeSpan.Zero);

    public static async Task<LoadResult> Sqlite(Workload workload, string dataDir, RunPlan plan, TextWriter log)
    {
        var (options, writeMs) = await EnsureSqlite(workload, dataDir, log);
        return await TimeLoad("SQLite", options, writeMs, plan, log);
    }

    public static async Task<LoadResult> Postgres(Workload workload, string connectionString, RunPlan plan, TextWriter log)
    {
        var (options, writeMs) = await EnsurePostgres(workload, connectionString, log);
        return await TimeLoad("PostgreSQL", options, writeMs, plan, log);
    }

    /// <summary>The workload's SQLite database in <paramref name="dataDir"/>, written unless it is there already; the milliseconds writing took, or null.</summary>
    public static async Task<(DatabaseOptions Options, double? WriteMs)> EnsureSqlite(Workload workload, string dataDir, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var options = new DatabaseOptions(dataDir, null);
        double? writeMs = null;
        if (!await HoldsWorkload(options, workload))
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in Directory.Exists(dataDir) ? Directory.GetFiles(dataDir, DatabaseOptions.SqliteFileName + "*") : [])
            {
                File.Delete(file);
            }

            Directory.CreateDirectory(dataDir);
            writeMs = await Write(options, workload, log);
        }

        SqliteConnection.ClearAllPools();
        return (options, writeMs);
    }

    /// <summary>The workload's PostgreSQL database <c>luoshi_app_&lt;workload&gt;</c>, written unless it is there already.</summary>
    public static async Task<(DatabaseOptions Options, double? WriteMs)> EnsurePostgres(Workload workload, string connectionString, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var database = DatabaseName(workload.Shape);
        var options = new DatabaseOptions(Path.GetTempPath(), new NpgsqlConnectionStringBuilder(connectionString) { Database = database, CommandTimeout = 0 }.ConnectionString);
        double? writeMs = null;
        if (!await HoldsWorkload(options, workload))
        {
            await Peers.Postgres.DropDatabase(connectionString, database);
            await Peers.Postgres.EnsureDatabase(connectionString, database);
            writeMs = await Write(options, workload, log);
        }

        return (options, writeMs);
    }

    /// <summary>The PostgreSQL database that holds a workload as the app stores it.</summary>
    public static string DatabaseName(WorkloadShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return "luoshi_app_" + shape.Name;
    }

    private static async Task<LoadResult> TimeLoad(string name, DatabaseOptions options, double? writeMs, RunPlan plan, TextWriter log)
    {
        EvaluationSnapshot? snapshot = null;
        var timing = await Timing.MeasureAsync(plan.LoadWarmups, plan.LoadRuns, async () =>
        {
            snapshot = null;
            await using var db = DataServices.CreateContext(options);
            snapshot = await EvaluationSnapshotLoader.Load(db, CancellationToken.None);
        });
        log.WriteLine(FormattableString.Invariant($"  snapshot from {name,-10} median {timing.MedianMs,8:F0} ms{(writeMs is { } w ? $" (written in {w / 1000:F1} s)" : " (database reused)")}"));
        return new LoadResult(name, writeMs, timing, snapshot!);
    }

    private static async Task<bool> HoldsWorkload(DatabaseOptions options, Workload workload)
    {
        if (options.Provider == DatabaseProvider.Sqlite && !File.Exists(options.SqlitePath))
        {
            return false;
        }

        try
        {
            await using var db = DataServices.CreateContext(options);
            return await db.Settings.AnyAsync(s => s.Key == StampKey && s.Value == workload.Fingerprint);
        }
        catch (Exception e) when (e is SqliteException or PostgresException or NpgsqlException or InvalidOperationException)
        {
            return false;
        }
    }

    private static async Task<double> Write(DatabaseOptions options, Workload w, TextWriter log)
    {
        long start = Stopwatch.GetTimestamp();
        await using var db = DataServices.CreateContext(options);
        await new DatabaseMigrator(db).MigrateAsync();
        var actor = FixedActor.Operator(Actor);
        await new ImportOrgUnits(db, actor).Handle([.. w.Units.Select((u, k) => (k + 2, new OrgRow(u.Code, u.Name, u.Kind.ToString(), u.Parent < 0 ? null : w.Units[u.Parent].Code)))], CancellationToken.None);
        await new ImportIndicators(db, actor).Handle([.. w.Indicators.Select((i, k) => (k + 2, new IndicatorRow(
            i.Code, i.Name, i.Unit, i.Direction.ToString(), "month", i.ValueKind.ToString(), i.Aggregation.ToString(), i.Formula(w.Indicators),
            i.Tolerance.ToString(), "linear")))], CancellationToken.None);
        log.WriteLine(FormattableString.Invariant($"    {options.Provider}: org units and indicators imported ({Stopwatch.GetElapsedTime(start).TotalSeconds:F1} s)"));

        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id, StringComparer.Ordinal);
        var indicators = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Code, i => i.Id, StringComparer.Ordinal);
        var ids = new Ids([.. w.Indicators.Select(i => indicators[i.Code])], [.. w.Units.Select(u => units[u.Code])]);
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            await SqliteBulk(db, w, ids);
        }
        else
        {
            await PostgresBulk(db, w, ids);
        }

        // As the import records a bulk load: one audit entry per file (saving them moves the evaluation data version).
        db.RecordAudit("import", nameof(Target), "targets", null, JsonSerializer.Serialize(new { rows = w.Targets, created = w.Targets, updated = 0 }));
        db.RecordAudit("import", nameof(Reading), "readings", null, JsonSerializer.Serialize(new { rows = w.Readings, created = w.Readings, updated = 0 }));
        db.Settings.Add(new Setting { Key = StampKey, Value = w.Fingerprint });
        await db.SaveChangesAsync();
        double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        log.WriteLine(FormattableString.Invariant($"    {options.Provider}: {w.Targets:N0} targets and {w.Readings:N0} readings written ({ms / 1000:F1} s)"));
        return ms;
    }

    private static async Task SqliteBulk(LuoshiDbContext db, Workload w, Ids ids)
    {
        var conn = (SqliteConnection)db.Database.GetDbConnection();
        await conn.OpenAsync();

        // As for a restore: no flush per page (the file is rebuilt if the run dies), and secondary indexes
        // rebuilt once at the end rather than row by row.
        await using (var pragma = conn.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;";
            await pragma.ExecuteNonQueryAsync();
        }

        await using var tx = (SqliteTransaction)await conn.BeginTransactionAsync();
        var indexes = new List<(string Name, string Definition)>();
        await using (var list = conn.CreateCommand())
        {
            list.Transaction = tx;
            list.CommandText = """
                SELECT name, sql FROM sqlite_master
                WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('targets', 'target_versions', 'readings', 'reading_versions')
                """;
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await using var drop = conn.CreateCommand();
            drop.Transaction = tx;
            drop.CommandText = $"DROP INDEX \"{name}\"";
            await drop.ExecuteNonQueryAsync();
        }

        string at = ImportedAt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
        await using (var cmd = conn.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO targets ("IndicatorId", "OrgUnitId", "Period", "Horizon", "Value", "Qualifier", "IsDeleted", "Version", "UpdatedAt", "UpdatedBy")
                VALUES ($i, $u, $p, 'Annual', $v, $q, 0, 1, $at, $by)
                """;
            var indicator = cmd.Parameters.Add("$i", SqliteType.Integer);
            var unit = cmd.Parameters.Add("$u", SqliteType.Integer);
            var year = cmd.Parameters.Add("$p", SqliteType.Text);
            var value = cmd.Parameters.Add("$v", SqliteType.Text);
            var qualifier = cmd.Parameters.Add("$q", SqliteType.Text);
            cmd.Parameters.AddWithValue("$at", at);
            cmd.Parameters.AddWithValue("$by", Actor);
            cmd.Prepare();
            for (int k = 0; k < w.Targets; k++)
            {
                var spec = w.Indicators[w.TargetIndicator[k]];
                indicator.Value = ids.Indicators[w.TargetIndicator[k]];
                unit.Value = ids.Units[w.TargetUnit[k]];
                year.Value = w.TargetYear[k].ToString(CultureInfo.InvariantCulture);

                // EF stores SQLite decimals as text without trailing zeros.
                value.Value = w.TargetValue[k].ToString("0.######", CultureInfo.InvariantCulture);
                qualifier.Value = spec.Qualifier.ToString();
                await cmd.ExecuteNonQueryAsync();
            }
        }

        await using (var cmd = conn.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO readings ("IndicatorId", "OrgUnitId", "Period", "PeriodStart", "PeriodEnd", "Value", "State", "Source", "Version", "UpdatedAt", "UpdatedBy")
                VALUES ($i, $u, $p, $s, $e, $v, 'Approved', 'Import', 1, $at, $by)
                """;
            var indicator = cmd.Parameters.Add("$i", SqliteType.Integer);
            var unit = cmd.Parameters.Add("$u", SqliteType.Integer);
            var period = cmd.Parameters.Add("$p", SqliteType.Text);
            var startDate = cmd.Parameters.Add("$s", SqliteType.Text);
            var endDate = cmd.Parameters.Add("$e", SqliteType.Text);
            var value = cmd.Parameters.Add("$v", SqliteType.Text);
            cmd.Parameters.AddWithValue("$at", at);
            cmd.Parameters.AddWithValue("$by", Actor);
            cmd.Prepare();
            var months = Months();
            for (long k = 0; k < w.Readings; k++)
            {
                var m = months[w.ReadingMonth[k]];
                indicator.Value = ids.Indicators[w.ReadingIndicator[k]];
                unit.Value = ids.Units[w.ReadingUnit[k]];
                period.Value = m.Code;
                startDate.Value = m.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                endDate.Value = m.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

                // A whole-cent double prints the digits EF would store for its decimal.
                value.Value = w.ReadingValue[k].ToString("R", CultureInfo.InvariantCulture);
                await cmd.ExecuteNonQueryAsync();
            }
        }

        foreach (var sql in new[] { FirstTargetVersions, FirstReadingVersions }.Concat(indexes.Select(i => i.Definition)))
        {
            await using var cmd = conn.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            await cmd.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
    }

    private static async Task PostgresBulk(LuoshiDbContext db, Workload w, Ids ids)
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();

        // A restore's settings: foreign keys are not re-checked row by row (the rows refer to the units and
        // indicators just imported), and secondary indexes are rebuilt once at the end rather than row by row.
        await using (var replica = new NpgsqlCommand("SET LOCAL session_replication_role = replica", conn, tx))
        {
            await replica.ExecuteNonQueryAsync();
        }

        var indexes = new List<(string Name, string Definition)>();
        await using (var list = new NpgsqlCommand("""
            SELECT indexname, indexdef FROM pg_indexes
            WHERE schemaname = current_schema() AND tablename IN ('targets', 'target_versions', 'readings', 'reading_versions')
              AND indexname NOT LIKE 'PK\_%'
            """, conn, tx))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await using var drop = new NpgsqlCommand($"DROP INDEX \"{name}\"", conn, tx);
            await drop.ExecuteNonQueryAsync();
        }

        await using (var copy = await conn.BeginBinaryImportAsync("""
            COPY targets ("IndicatorId", "OrgUnitId", "Period", "Horizon", "Value", "Qualifier", "IsDeleted", "Version", "UpdatedAt", "UpdatedBy")
            FROM STDIN (FORMAT BINARY)
            """))
        {
            for (int k = 0; k < w.Targets; k++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(ids.Indicators[w.TargetIndicator[k]], NpgsqlDbType.Integer);
                await copy.WriteAsync(ids.Units[w.TargetUnit[k]], NpgsqlDbType.Integer);
                await copy.WriteAsync(w.TargetYear[k].ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Varchar);
                await copy.WriteAsync(nameof(Horizon.Annual), NpgsqlDbType.Varchar);
                await copy.WriteAsync(w.TargetValue[k], NpgsqlDbType.Numeric);
                await copy.WriteAsync(w.Indicators[w.TargetIndicator[k]].Qualifier.ToString(), NpgsqlDbType.Varchar);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                await copy.WriteAsync(1, NpgsqlDbType.Integer);
                await copy.WriteAsync(ImportedAt, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(Actor, NpgsqlDbType.Varchar);
            }

            await copy.CompleteAsync();
        }

        var months = Months();
        await using (var copy = await conn.BeginBinaryImportAsync("""
            COPY readings ("IndicatorId", "OrgUnitId", "Period", "PeriodStart", "PeriodEnd", "Value", "State", "Source", "Version", "UpdatedAt", "UpdatedBy")
            FROM STDIN (FORMAT BINARY)
            """))
        {
            for (long k = 0; k < w.Readings; k++)
            {
                var m = months[w.ReadingMonth[k]];
                await copy.StartRowAsync();
                await copy.WriteAsync(ids.Indicators[w.ReadingIndicator[k]], NpgsqlDbType.Integer);
                await copy.WriteAsync(ids.Units[w.ReadingUnit[k]], NpgsqlDbType.Integer);
                await copy.WriteAsync(m.Code, NpgsqlDbType.Varchar);
                await copy.WriteAsync(m.Start, NpgsqlDbType.Date);
                await copy.WriteAsync(m.End, NpgsqlDbType.Date);
                await copy.WriteAsync(Cents(w.ReadingValue[k]), NpgsqlDbType.Numeric);
                await copy.WriteAsync(nameof(ReadingState.Approved), NpgsqlDbType.Varchar);
                await copy.WriteAsync(nameof(ReadingSource.Import), NpgsqlDbType.Varchar);
                await copy.WriteAsync(1, NpgsqlDbType.Integer);
                await copy.WriteAsync(ImportedAt, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(Actor, NpgsqlDbType.Varchar);
            }

            await copy.CompleteAsync();
        }

        foreach (var sql in new[] { FirstTargetVersions, FirstReadingVersions }.Concat(indexes.Select(i => i.Definition)))
        {
            await using var cmd = new NpgsqlCommand(sql, conn, tx) { CommandTimeout = 0 };
            await cmd.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
    }

    // Every row's first version, as the import writes it next to the row.
    private const string FirstTargetVersions = """
        INSERT INTO target_versions ("TargetId", "Version", "Value", "Qualifier", "IsDeleted", "Actor", "At", "Reason")
        SELECT "Id", 1, "Value", "Qualifier", "IsDeleted", "UpdatedBy", "UpdatedAt", '导入 / import' FROM targets
        """;

    private const string FirstReadingVersions = """
        INSERT INTO reading_versions ("ReadingId", "Version", "Value", "State", "Source", "Actor", "At", "Reason")
        SELECT "Id", 1, "Value", "State", "Source", "UpdatedBy", "UpdatedAt", '导入 / import' FROM readings
        """;

    private static decimal Cents(double value)
    {
        ulong cents = (ulong)Math.Abs(Math.Round(value * 100));
        return new decimal((int)(cents & 0xFFFFFFFF), (int)(cents >> 32), 0, value < 0, 2);
    }

    /// <summary>Database ids by workload index.</summary>
    private sealed record Ids(int[] Indicators, int[] Units);

    private static (string Code, DateOnly Start, DateOnly End)[] Months() =>
        [.. Enumerable.Range(0, WorkloadShape.Months).Select(m =>
        {
            var p = Period.OfMonth(Workload.YearOf(m), Workload.MonthOfYear(m));
            return (p.ToString(), p.Start, p.End);
        })];
}
