using System.Data.Common;
using Luoshi.Application.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Luoshi.Application.Operations;

/// <summary>A table and how many rows it holds.</summary>
public sealed record TableCount(string Table, long Rows);

/// <summary>
/// The tables of a Luoshi database as the provider itself lists them (not as the model thinks they are:
/// a backup made before a migration holds an older set), with their row counts.
/// </summary>
public static class DatabaseTables
{
    /// <summary>Tables whose rows mean that someone put data here; a migrated but unused database has none in them.</summary>
    private static readonly string[] DataTables = ["org_units", "users", "audit_log"];

    public static DbConnection Connect(DatabaseOptions options, bool pooling = true) =>
        options.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder(options.SqliteConnectionString) { Pooling = pooling }.ToString())
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(options.PostgresConnectionString) { Pooling = pooling }.ToString());

    public static async Task<IReadOnlyList<string>> ListAsync(DbConnection connection, CancellationToken ct)
    {
        var sql = connection is SqliteConnection
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name";
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        var tables = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    public static async Task<IReadOnlyList<TableCount>> CountAsync(DbConnection connection, CancellationToken ct)
    {
        var counts = new List<TableCount>();
        foreach (var table in await ListAsync(connection, ct))
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT COUNT(*) FROM {Quote(table)}";
            counts.Add(new TableCount(table, Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return counts;
    }

    /// <summary>True when the database has org units, users or audit entries: restoring over it would lose them.</summary>
    public static async Task<bool> HoldsDataAsync(DbConnection connection, CancellationToken ct)
    {
        var tables = await ListAsync(connection, ct);
        foreach (var table in DataTables.Where(tables.Contains))
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT EXISTS (SELECT 1 FROM {Quote(table)})";
            if (Convert.ToBoolean(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture))
            {
                return true;
            }
        }

        return false;
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
