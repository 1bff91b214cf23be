using System.Diagnostics;
using Luoshi.Application.Data;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Luoshi.Application.Operations;

/// <summary>What a backup or a restore did.</summary>
public sealed record BackupSummary(DatabaseProvider Provider, string Database, string File, long Bytes, IReadOnlyList<TableCount> Tables, TimeSpan Duration)
{
    public long Rows => Tables.Sum(t => t.Rows);
}

/// <summary>
/// Copies the database into one file while the server keeps running: SQLite through its online backup
/// API (a consistent snapshot, WAL writers carry on), PostgreSQL through <c>pg_dump -Fc</c> (one
/// repeatable-read transaction). The file is written beside its final name and moved there once complete,
/// so a failed or interrupted backup never leaves something that looks like a backup.
/// </summary>
public sealed class BackupDatabase(DatabaseOptions options)
{
    public async Task<BackupSummary> Handle(string file, bool overwrite, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var target = Path.GetFullPath(file);
        if (File.Exists(target) && !overwrite)
        {
            throw new Common.ConflictException("output", new Text("文件已存在,加 --force 覆盖", $"{target} exists; pass --force to overwrite it"));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);
        var clock = Stopwatch.StartNew();
        try
        {
            var tables = options.Provider == DatabaseProvider.Sqlite
                ? await Sqlite(partial, progress, ct)
                : await Postgres(partial, progress, ct);
            File.Move(partial, target, overwrite: true);
            return new BackupSummary(options.Provider, options.Describe(), target, new FileInfo(target).Length, tables, clock.Elapsed);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    private async Task<IReadOnlyList<TableCount>> Sqlite(string partial, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        if (!File.Exists(options.SqlitePath))
        {
            throw new Common.NotFoundException(new Text("数据库", "database"), options.SqlitePath);
        }

        await using var source = (SqliteConnection)DatabaseTables.Connect(options);
        await source.OpenAsync(ct);
        await using var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString());
        await copy.OpenAsync(ct);
        await SqlitePages.Copy(source, copy, progress, ct);

        // The copy is one self-contained file: rollback journal instead of the source's write-ahead log.
        await SqlitePages.Execute(copy, "PRAGMA journal_mode=DELETE", ct);
        var check = await SqlitePages.IntegrityCheck(copy, ct);
        if (check != "ok")
        {
            throw new BackupFailedException(new Text("备份文件校验失败", $"the copy failed its integrity check: {check}"));
        }

        return await DatabaseTables.CountAsync(copy, ct);
    }

    private async Task<IReadOnlyList<TableCount>> Postgres(string partial, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        // Counted before the dump, in the dump's own order, to drive the progress display; a row written in
        // between is in the dump but not in this count (the dump is one snapshot, the count another).
        IReadOnlyList<TableCount> tables;
        await using (var connection = DatabaseTables.Connect(options))
        {
            try
            {
                await connection.OpenAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
            {
                throw new Common.NotFoundException(new Text("数据库", "database"), options.Describe());
            }

            tables = await DatabaseTables.CountAsync(connection, ct);
        }

        var weights = tables.ToDictionary(t => t.Table, t => (int)Math.Min(int.MaxValue / Math.Max(1, tables.Count), t.Rows + 1));
        int total = weights.Values.Sum(), done = 0;
        progress?.Report(new ImportProgress(0, total));
        await PostgresTools.Run(
            "pg_dump",
            ["--format=custom", "--verbose", "--no-owner", "--no-privileges", "--file", partial],
            options.PostgresConnectionString!,
            line =>
            {
                if (PostgresTools.TableOf(line) is { } table && weights.TryGetValue(table, out var w))
                {
                    progress?.Report(new ImportProgress(Interlocked.Add(ref done, w), total));
                }
            },
            ct);
        progress?.Report(new ImportProgress(total, total));
        return tables;
    }
}
