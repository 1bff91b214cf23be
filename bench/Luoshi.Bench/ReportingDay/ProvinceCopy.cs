using System.Diagnostics;
using Luoshi.Application.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Luoshi.Bench.ReportingDay;

/// <summary>
/// A throwaway copy of the bench province's database, so that every run starts from the same data and the
/// original stays as it was built: the SQLite file copied into a temporary directory, or a PostgreSQL
/// database created from the original as its template. Disposing removes the copy.
/// </summary>
public sealed class ProvinceCopy : IAsyncDisposable
{
    private readonly string _directory;
    private readonly string? _adminConnectionString;
    private readonly string? _database;
    private readonly IDisposable _leftover;

    private ProvinceCopy(string provider, string directory, DatabaseOptions options, double copySeconds, string? adminConnectionString = null, string? database = null)
    {
        Provider = provider;
        _directory = directory;
        Options = options;
        CopySeconds = copySeconds;
        _adminConnectionString = adminConnectionString;
        _database = database;
        _leftover = Leftovers.Register(() => Remove().GetAwaiter().GetResult());
    }

    /// <summary>"sqlite" or "postgres", as the report names them.</summary>
    public string Provider { get; }

    /// <summary>The copy: the data directory (SQLite) or the connection string (PostgreSQL) the server and the CLI are given.</summary>
    public DatabaseOptions Options { get; }

    /// <summary>The data directory handed to <c>luoshi serve</c> and the CLI (on PostgreSQL it holds only their keys and logs).</summary>
    public string DataDir => _directory;

    public double CopySeconds { get; }

    public static async Task<ProvinceCopy> Sqlite(string originalFile, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (!File.Exists(originalFile))
        {
            throw new FileNotFoundException($"no bench province database at {originalFile} (scripts/bench.sh --reporting-day builds it)", originalFile);
        }

        var directory = Directory.CreateTempSubdirectory("luoshi-rday-sqlite-").FullName;
        long start = Stopwatch.GetTimestamp();
        foreach (var suffix in new[] { "", "-wal" })
        {
            if (File.Exists(originalFile + suffix))
            {
                await using var from = new FileStream(originalFile + suffix, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 20, useAsync: true);
                await using var to = new FileStream(Path.Combine(directory, DatabaseOptions.SqliteFileName + suffix), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20, useAsync: true);
                await from.CopyToAsync(to);
            }
        }

        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        log.WriteLine(FormattableString.Invariant($"  sqlite: copied {new FileInfo(originalFile).Length / 1048576.0:N0} MB to {directory} in {seconds:F1} s"));
        return new ProvinceCopy("sqlite", directory, new DatabaseOptions(directory, null), seconds);
    }

    public static async Task<ProvinceCopy> Postgres(string connectionString, string template, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var directory = Directory.CreateTempSubdirectory("luoshi-rday-postgres-").FullName;
        var database = FormattableString.Invariant($"luoshi_rday_{Environment.ProcessId}_{DateTime.UtcNow:HHmmss}");
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        long start = Stopwatch.GetTimestamp();

        // The template must have no other session; one that another run or engineer holds briefly is waited out.
        NpgsqlConnection.ClearAllPools();
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await using var conn = new NpgsqlConnection(admin);
                await conn.OpenAsync();
                await Peers.Postgres.Execute(conn, $"CREATE DATABASE \"{database}\" TEMPLATE \"{template}\"");
                break;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 60)
            {
                log.WriteLine($"  postgres: template {template} is in use, retrying ({e.MessageText})");
                await Task.Delay(1000);
            }
        }

        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        log.WriteLine(FormattableString.Invariant($"  postgres: created {database} from template {template} in {seconds:F1} s"));
        var copy = new NpgsqlConnectionStringBuilder(connectionString) { Database = database, CommandTimeout = 0 }.ConnectionString;
        return new ProvinceCopy("postgres", directory, new DatabaseOptions(directory, copy), seconds, connectionString, database);
    }

    /// <summary>Rows of one of the app's tables in the copy now.</summary>
    public async Task<long> Count(string table)
    {
        if (Options.Provider == DatabaseProvider.Sqlite)
        {
            await using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Options.SqlitePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT count(*) FROM \"{table}\"";
            return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        await using (var pg = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Options.PostgresConnectionString) { Pooling = false }.ConnectionString))
        {
            await pg.OpenAsync();
            await using var cmd = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", pg);
            return (long)(await cmd.ExecuteScalarAsync())!;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _leftover.Dispose();
        await Remove();
    }

    private async Task Remove()
    {
        SqliteConnection.ClearAllPools();
        if (_adminConnectionString is not null && _database is not null)
        {
            await Peers.Postgres.DropDatabase(_adminConnectionString, _database);
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A server that has not quite let go of a file: the temporary directory is left for the system to clear.
        }
    }
}
