using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Luoshi.Application.Operations;

/// <summary>
/// SQLite's online backup API, stepped a slice of pages at a time so that progress can be shown and the
/// server's writers get the database between slices. A write by another connection during the copy makes
/// SQLite start the copy again, so the result is always one consistent state of the source.
/// </summary>
internal static class SqlitePages
{
    private const int PagesPerStep = 2048;
    private const int BusySeconds = 60;

    public static async Task Copy(SqliteConnection source, SqliteConnection destination, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var backup = raw.sqlite3_backup_init(destination.Handle, "main", source.Handle, "main")
            ?? throw new BackupFailedException(Text.Same("sqlite3_backup_init: " + raw.sqlite3_errmsg(destination.Handle).utf8_to_string()));
        long? busySince = null;
        try
        {
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                int rc = raw.sqlite3_backup_step(backup, PagesPerStep);
                int total = raw.sqlite3_backup_pagecount(backup);
                progress?.Report(new ImportProgress(total - raw.sqlite3_backup_remaining(backup), total));
                if (rc == raw.SQLITE_DONE)
                {
                    return;
                }

                if (rc is raw.SQLITE_BUSY or raw.SQLITE_LOCKED)
                {
                    busySince ??= System.Diagnostics.Stopwatch.GetTimestamp();
                    if (System.Diagnostics.Stopwatch.GetElapsedTime(busySince.Value).TotalSeconds > BusySeconds)
                    {
                        throw new BackupFailedException(new Text("数据库一直被占用", $"the database stayed locked for {BusySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s; stop the servers writing to it and try again"));
                    }

                    await Task.Delay(50, ct);
                    continue;
                }

                busySince = null;
                if (rc != raw.SQLITE_OK)
                {
                    throw new BackupFailedException(Text.Same($"SQLite backup step failed ({rc}): {raw.sqlite3_errmsg(destination.Handle).utf8_to_string()}"));
                }
            }
        }
        finally
        {
            raw.sqlite3_backup_finish(backup);
        }
    }

    public static async Task<string> IntegrityCheck(SqliteConnection connection, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        return Convert.ToString(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    public static async Task Execute(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
