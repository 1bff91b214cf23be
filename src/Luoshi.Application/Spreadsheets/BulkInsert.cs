using System.Data.Common;
using System.Text;
using Luoshi.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Luoshi.Application.Spreadsheets;

/// <summary>
/// Inserts many new rows of one entity type inside the context's current transaction. Column names, value converters and parameter types come from the EF model, so the rows
/// are stored exactly as EF would store them on either provider; keys are allocated up front (from the
/// identity sequence on PostgreSQL, after the current maximum on SQLite) so dependent rows can refer to
/// them. EF's change tracking costs about ten times more per row, which matters for imports of a
/// hundred thousand cells.
/// </summary>
internal sealed class BulkInsert<T>
    where T : class
{
    private const int MaxParameters = 30_000;

    private readonly LuoshiDbContext _db;
    private readonly string _table;
    private readonly IProperty[] _columns;
    private readonly RelationalTypeMapping[] _mappings;
    private readonly IProperty _key;
    private readonly object?[] _shadowValues;

    public BulkInsert(LuoshiDbContext db)
    {
        _db = db;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped");
        _table = entity.GetTableName()!;
        _key = entity.FindPrimaryKey()!.Properties.Single();
        _columns = [.. entity.GetProperties()];
        _mappings = [.. _columns.Select(p => (RelationalTypeMapping)p.GetRelationalTypeMapping())];
        _shadowValues = new object?[_columns.Length];
    }

    /// <summary>Sets a column the entity does not carry (a shadow property, e.g. <see cref="EvaluationChanges.Column"/>) for every row inserted.</summary>
    public void SetShadow(string property, object value)
    {
        int c = Array.FindIndex(_columns, p => p.Name == property && p.IsShadowProperty());
        if (c < 0)
        {
            throw new InvalidOperationException($"{typeof(T).Name} has no shadow property {property}");
        }

        _shadowValues[c] = value;
    }

    /// <summary>Reserves <paramref name="count"/> consecutive-or-not keys for new rows, in order.</summary>
    public async Task<long[]> AllocateKeys(int count, CancellationToken ct)
    {
        var keys = new long[count];
        if (count == 0)
        {
            return keys;
        }

        await using var cmd = Command();
        if (_db.Provider == DatabaseProvider.Postgres)
        {
            cmd.CommandText = $"SELECT nextval(pg_get_serial_sequence('{_table}', '{_key.GetColumnName()}')) FROM generate_series(1, {count})";
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            for (int i = 0; await reader.ReadAsync(ct); i++)
            {
                keys[i] = reader.GetInt64(0);
            }
        }
        else
        {
            // SQLite holds the write lock for the whole import transaction, so no other writer can take these keys.
            cmd.CommandText = $"SELECT COALESCE(MAX(\"{_key.GetColumnName()}\"), 0) FROM \"{_table}\"";
            long max = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            for (int i = 0; i < count; i++)
            {
                keys[i] = max + 1 + i;
            }
        }

        return keys;
    }

    /// <summary>Inserts the rows (their keys already set).</summary>
    public async Task Insert(IReadOnlyList<T> rows, CancellationToken ct)
    {
        // SQLite binds parameters by a linear name lookup, so a statement with thousands of them costs
        // quadratic time; one prepared single-row statement is its fast path. PostgreSQL pays a round trip
        // per statement, so it gets many rows per statement.
        if (_db.Provider == DatabaseProvider.Sqlite)
        {
            await using var cmd = Command();
            cmd.CommandText = Sql(1);
            foreach (var row in rows)
            {
                cmd.Parameters.Clear();
                AddParameters(cmd, row, 0);
                await cmd.ExecuteNonQueryAsync(ct);
            }

            return;
        }

        int perStatement = Math.Max(1, MaxParameters / _columns.Length);
        for (int start = 0; start < rows.Count; start += perStatement)
        {
            int n = Math.Min(perStatement, rows.Count - start);
            await using var cmd = Command();
            cmd.CommandText = Sql(n);
            for (int r = 0; r < n; r++)
            {
                AddParameters(cmd, rows[start + r], r);
            }

            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private string Sql(int rowCount)
    {
        var sql = new StringBuilder("INSERT INTO \"").Append(_table).Append("\" (")
            .AppendJoin(", ", _columns.Select(c => "\"" + c.GetColumnName() + "\"")).Append(") VALUES ");
        for (int r = 0; r < rowCount; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (int c = 0; c < _columns.Length; c++)
            {
                sql.Append(c == 0 ? "" : ", ").Append(ParameterName(r, c));
            }

            sql.Append(')');
        }

        return sql.ToString();
    }

    private void AddParameters(DbCommand cmd, T row, int r)
    {
        for (int c = 0; c < _columns.Length; c++)
        {
            var value = _columns[c].IsShadowProperty()
                ? _shadowValues[c] ?? throw new InvalidOperationException($"{_columns[c].Name} of {typeof(T).Name} is not set (SetShadow)")
                : _columns[c].GetGetter().GetClrValue(row);
            cmd.Parameters.Add(_mappings[c].CreateParameter(cmd, ParameterName(r, c), value, _columns[c].IsNullable));
        }
    }

    private string ParameterName(int row, int column) =>
        "@p" + ((row * _columns.Length) + column).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Sets the key of a new row (entities keep their keys behind private setters).</summary>
    public void SetKey(T row, long key) => Set(row, _key.Name, key);

    /// <summary>Sets a mapped property that EF would otherwise fill in (a key, a foreign key).</summary>
    public void Set(T row, string property, long value)
    {
        var p = _columns.Single(c => c.Name == property);
        p.PropertyInfo!.SetValue(row, Convert.ChangeType(value, p.ClrType, System.Globalization.CultureInfo.InvariantCulture));
    }

    private DbCommand Command()
    {
        var connection = _db.Database.GetDbConnection();
        var cmd = connection.CreateCommand();
        cmd.Transaction = _db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("bulk inserts run inside the import's transaction");
        cmd.CommandTimeout = 300;
        return cmd;
    }
}
