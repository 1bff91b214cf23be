using Microsoft.Data.Sqlite;

namespace Luoshi.Application.Data;

/// <summary>
/// Where the data lives. With no connection string Luoshi runs on a SQLite file in <see cref="DataDir"/>;
/// with one (<c>ConnectionStrings:Luoshi</c> or the <c>LUOSHI_DATABASE</c> environment variable) it runs on
/// PostgreSQL.
/// </summary>
public sealed record DatabaseOptions(string DataDir, string? PostgresConnectionString)
{
    public const string EnvironmentVariable = "LUOSHI_DATABASE";
    public const string SqliteFileName = "luoshi.db";

    public DatabaseProvider Provider => PostgresConnectionString is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;

    public string SqlitePath => Path.Combine(Path.GetFullPath(DataDir), SqliteFileName);

    public string SqliteConnectionString => new SqliteConnectionStringBuilder
    {
        DataSource = SqlitePath,
        ForeignKeys = true,
        Pooling = true,
        DefaultTimeout = 60,
    }.ToString();

    /// <summary>Resolves the options from a configured connection string, the environment, and the data directory.</summary>
    public static DatabaseOptions Resolve(string? dataDir, string? configuredConnectionString)
    {
        var connection = configuredConnectionString;
        if (string.IsNullOrWhiteSpace(connection))
        {
            connection = Environment.GetEnvironmentVariable(EnvironmentVariable);
        }

        return new DatabaseOptions(
            string.IsNullOrWhiteSpace(dataDir) ? Directory.GetCurrentDirectory() : dataDir,
            string.IsNullOrWhiteSpace(connection) ? null : connection);
    }

    public string Describe() => Provider == DatabaseProvider.Sqlite
        ? $"SQLite {SqlitePath}"
        : "PostgreSQL " + DescribePostgres(PostgresConnectionString!);

    private static string DescribePostgres(string connectionString)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return $"{b.Host}:{b.Port}/{b.Database}";
    }
}
