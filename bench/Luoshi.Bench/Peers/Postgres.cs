using System.Globalization;
using Npgsql;

namespace Luoshi.Bench.Peers;

/// <summary>Small PostgreSQL chores shared by the peer and the app database: databases per workload, a stamp of what they hold.</summary>
public static class Postgres
{
    /// <summary>Creates the database if it is missing; returns the connection string that points at it.</summary>
    public static async Task<string> EnsureDatabase(string connectionString, string database)
    {
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using (var conn = new NpgsqlConnection(admin.ConnectionString))
        {
            await conn.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", conn) { Parameters = { new() { Value = database } } };
            if (await exists.ExecuteScalarAsync() is null)
            {
                await Execute(conn, $"CREATE DATABASE \"{database}\"");
            }
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;
    }

    public static async Task DropDatabase(string connectionString, string database)
    {
        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var conn = new NpgsqlConnection(admin.ConnectionString);
        await conn.OpenAsync();
        await Execute(conn, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    /// <summary>How long loading took when the database already holds this workload; null when it does not.</summary>
    public static async Task<double?> StoredLoadMs(NpgsqlConnection conn, string fingerprint)
    {
        await using var cmd = new NpgsqlCommand("SELECT load_ms FROM bench_meta WHERE fingerprint = $1", conn) { Parameters = { new() { Value = fingerprint } } };
        try
        {
            return await cmd.ExecuteScalarAsync() is double ms ? ms : null;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }

    public static async Task StoreLoad(NpgsqlConnection conn, string fingerprint, double ms)
    {
        await Execute(conn, "CREATE TABLE IF NOT EXISTS bench_meta (fingerprint text NOT NULL, load_ms double precision NOT NULL); DELETE FROM bench_meta;");
        await using var cmd = new NpgsqlCommand("INSERT INTO bench_meta VALUES ($1, $2)", conn) { Parameters = { new() { Value = fingerprint }, new() { Value = ms } } };
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// A clock of the CPU time the server's processes used (the postmaster, its live children — backends,
    /// parallel workers — and the children it has reaped), read from /proc; null when the server's files
    /// cannot be read (another machine, another user).
    /// </summary>
    public static async Task<Func<TimeSpan>?> ServerCpu(NpgsqlConnection conn)
    {
        await using var cmd = new NpgsqlCommand("SHOW data_directory", conn);
        var pidFile = Path.Combine((string)(await cmd.ExecuteScalarAsync())!, "postmaster.pid");
        try
        {
            int postmaster = int.Parse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture);
            return () => ClusterCpu(postmaster);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    private static TimeSpan ClusterCpu(int postmaster)
    {
        const double TicksPerSecond = 100; // USER_HZ on Linux
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue; // the process ended meanwhile
            }

            // Fields after "(comm)": state ppid … utime(14) stime(15) cutime(16) cstime(17), numbered from pid = 1.
            var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            long Field(int n) => long.Parse(f[n - 3], CultureInfo.InvariantCulture);
            if (pid == postmaster)
            {
                ticks += Field(14) + Field(15) + Field(16) + Field(17);
            }
            else if (Field(4) == postmaster)
            {
                ticks += Field(14) + Field(15);
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    public static async Task Execute(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }
}
