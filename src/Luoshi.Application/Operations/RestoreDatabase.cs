using System.Diagnostics;
using Luoshi.Application.Data;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Luoshi.Application.Operations;

/// <summary>
/// Puts a backup made by <see cref="BackupDatabase"/> back as the database. It refuses a target that holds
/// data (org units, users or audit entries) unless told to overwrite it. Both providers restore all or
/// nothing: SQLite copies the pages inside one write transaction on the target, pg_restore runs in a single
/// transaction. The servers should be stopped meanwhile: they cache an evaluation snapshot of the data they
/// last saw. The caller migrates the result, since a backup may predate the running version's schema.
/// </summary>
public sealed class RestoreDatabase(DatabaseOptions options)
{
    private static readonly byte[] PgDumpMagic = "PGDMP"u8.ToArray();

    public async Task<BackupSummary> Handle(string file, bool force, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var source = Path.GetFullPath(file);
        if (!File.Exists(source))
        {
            throw new FileNotFoundException("backup file not found", source);
        }

        var clock = Stopwatch.StartNew();
        var tables = options.Provider == DatabaseProvider.Sqlite
            ? await Sqlite(source, force, progress, ct)
            : await Postgres(source, force, progress, ct);
        return new BackupSummary(options.Provider, options.Describe(), source, new FileInfo(source).Length, tables, clock.Elapsed);
    }

    private async Task<IReadOnlyList<TableCount>> Sqlite(string file, bool force, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        if (StartsWith(file, PgDumpMagic))
        {
            throw NotABackup(file, new Text("这是 PostgreSQL 备份", "it is a PostgreSQL backup; set LUOSHI_DATABASE to restore it into PostgreSQL"));
        }

        await using var backup = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await backup.OpenAsync(ct);
        try
        {
            var check = await SqlitePages.IntegrityCheck(backup, ct);
            if (check != "ok")
            {
                throw NotABackup(file, new Text("完整性检查未通过:" + check, "integrity check: " + check));
            }

            if (!(await DatabaseTables.ListAsync(backup, ct)).Contains("__migrations"))
            {
                throw NotABackup(file, new Text("没有迁移记录", "it has no migrations table"));
            }
        }
        catch (SqliteException e)
        {
            throw NotABackup(file, Text.Same(e.Message));
        }

        Directory.CreateDirectory(Path.GetFullPath(options.DataDir));
        SqliteConnection.ClearAllPools();
        await using var target = (SqliteConnection)DatabaseTables.Connect(options, pooling: false);
        await target.OpenAsync(ct);
        if (!force && await DatabaseTables.HoldsDataAsync(target, ct))
        {
            throw Occupied();
        }

        await SqlitePages.Copy(backup, target, progress, ct);
        await SqlitePages.Execute(target, "PRAGMA journal_mode=WAL", ct);
        return await DatabaseTables.CountAsync(target, ct);
    }

    private async Task<IReadOnlyList<TableCount>> Postgres(string file, bool force, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        if (!StartsWith(file, PgDumpMagic))
        {
            throw NotABackup(file, new Text("不是 pg_dump -Fc 文件", "not a pg_dump custom-format file"));
        }

        var connection = options.PostgresConnectionString!;
        await CreateDatabaseIfMissing(connection, ct);
        NpgsqlConnection.ClearAllPools();
        await using (var target = DatabaseTables.Connect(options, pooling: false))
        {
            await target.OpenAsync(ct);
            if (!force && await DatabaseTables.HoldsDataAsync(target, ct))
            {
                throw Occupied();
            }
        }

        int total = 0, done = 0;
        await PostgresTools.Run("pg_restore", ["--list", file], connection, null, ct,
            line => total += line.Contains(" TABLE DATA ", StringComparison.Ordinal) ? 1 : 0);
        progress?.Report(new ImportProgress(0, total));

        // --clean drops what the dump is about to create (a migrated, empty target already has the tables);
        // --single-transaction makes a failure leave the target as it was.
        await PostgresTools.Run(
            "pg_restore",
            ["--clean", "--if-exists", "--single-transaction", "--no-owner", "--no-privileges", "--verbose",
             "--dbname", PostgresTools.Database(new NpgsqlConnectionStringBuilder(connection)), file],
            connection,
            line =>
            {
                if (PostgresTools.TableOf(line) is not null)
                {
                    progress?.Report(new ImportProgress(Interlocked.Increment(ref done), total));
                }
            },
            ct);

        await using var restored = DatabaseTables.Connect(options, pooling: false);
        await restored.OpenAsync(ct);
        return await DatabaseTables.CountAsync(restored, ct);
    }

    private static async Task CreateDatabaseIfMissing(string connectionString, CancellationToken ct)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var name = PostgresTools.Database(b);
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ToString());
        await admin.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", admin);
        exists.Parameters.AddWithValue("name", name);
        if (!(bool)(await exists.ExecuteScalarAsync(ct))!)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseTables.Quote(name)}", admin);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    private static bool StartsWith(string file, byte[] magic)
    {
        using var stream = File.OpenRead(file);
        Span<byte> head = stackalloc byte[magic.Length];
        return stream.ReadAtLeast(head, magic.Length, throwOnEndOfStream: false) == magic.Length && head.SequenceEqual(magic);
    }

    private static BackupFailedException NotABackup(string file, Text why) =>
        new(new Text($"{file} 不是 Luoshi 备份:{why.Zh}", $"{file} is not a Luoshi backup: {why.En}"));

    private static Common.ConflictException Occupied() =>
        new("force", new Text("目标数据库已有数据,加 --force 覆盖", "the target database already holds data (org units, users or audit entries); pass --force to replace it"));
}
