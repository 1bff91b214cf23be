using Luoshi.Application.Data;
using Npgsql;

namespace Luoshi.Testing;

public enum Db
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A fresh, empty database of its own for a test or a test class: a SQLite file in a temporary directory,
/// or a new database on the PostgreSQL server that scripts/test.sh starts (named by LUOSHI_TEST_POSTGRES).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "LUOSHI_TEST_POSTGRES";

    private readonly string? _pgDatabase;

    private TestDatabase(DatabaseOptions options, string? pgDatabase)
    {
        Options = options;
        _pgDatabase = pgDatabase;
    }

    public DatabaseOptions Options { get; }

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    public static async Task<TestDatabase> CreateAsync(Db db)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "luoshi-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        if (db == Db.Sqlite)
        {
            return new TestDatabase(new DatabaseOptions(dataDir, null), null);
        }

        var server = PostgresServer ?? throw new InvalidOperationException($"{PostgresVariable} is not set; scripts/test.sh starts PostgreSQL and sets it");
        var name = "luoshi_t_" + Guid.NewGuid().ToString("N")[..12];
        await using (var conn = new NpgsqlConnection(server + ";Database=postgres"))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        return new TestDatabase(new DatabaseOptions(dataDir, $"{server};Database={name}"), name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_pgDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(PostgresServer + ";Database=postgres");
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgDatabase}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        try
        {
            Directory.Delete(Options.DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the temporary directory's cleaner.
        }
    }
}

/// <summary>The providers every database test runs against: SQLite always, PostgreSQL when scripts/test.sh has started it.</summary>
public static class Providers
{
    public static IReadOnlyList<Db> Each => TestDatabase.PostgresServer is null ? [Db.Sqlite] : [Db.Sqlite, Db.Postgres];

    public static TheoryData<Db> All => [.. Each];
}

/// <summary>A test that needs the PostgreSQL server itself; skipped (and says so) when none is configured.</summary>
public sealed class PostgresFactAttribute : Xunit.FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.PostgresServer is null)
        {
            Skip = $"{TestDatabase.PostgresVariable} is not set; scripts/test.sh starts PostgreSQL and sets it";
        }
    }
}
