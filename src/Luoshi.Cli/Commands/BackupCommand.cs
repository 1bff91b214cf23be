using System.CommandLine;
using System.Globalization;
using Luoshi.Application.Identity;
using Luoshi.Application.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Cli.Commands;

internal static class BackupCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = Words.Of("备份文件", "the backup file (SQLite: a database file; PostgreSQL: pg_dump -Fc)") };
        var force = new Option<bool>("--force") { Description = Words.Of("覆盖已有文件", "overwrite an existing file") };
        var dataDir = CliServices.DataDirOption();
        var command = new Command("backup", Words.Of("在线备份数据库(服务运行时亦可)", "back up the database, also while the server runs")) { file, force, dataDir };
        command.SetAction((parse, ct) => console.Guard(async () =>
        {
            await using var scope = await CliServices.OpenAsync(parse.GetValue(dataDir)!, ct, migrate: false);
            var summary = await console.WithProgress(Words.Of("备份", "backing up"),
                p => scope.ServiceProvider.GetRequiredService<BackupDatabase>().Handle(parse.GetValue(file)!, parse.GetValue(force), p, ct));
            await BackupOutput.Write(console, summary, Words.Of($"已备份 {summary.Database} → {summary.File}", $"backed up {summary.Database} → {summary.File}"));
            return 0;
        }));
        return command;
    }
}

internal static class RestoreCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = Words.Of("luoshi backup 生成的备份文件", "a file made by luoshi backup") };
        var force = new Option<bool>("--force") { Description = Words.Of("覆盖已有数据的数据库", "replace a database that holds data") };
        var dataDir = CliServices.DataDirOption();
        var command = new Command("restore", Words.Of("从备份恢复数据库(请先停止服务)", "restore the database from a backup (stop the servers first)")) { file, force, dataDir };
        command.SetAction((parse, ct) => console.Guard(async () =>
        {
            BackupSummary summary;
            await using (var scope = await CliServices.OpenAsync(parse.GetValue(dataDir)!, ct, migrate: false))
            {
                summary = await console.WithProgress(Words.Of("恢复", "restoring"),
                    p => scope.ServiceProvider.GetRequiredService<RestoreDatabase>().Handle(parse.GetValue(file)!, parse.GetValue(force), p, ct));
            }

            await BackupOutput.Write(console, summary, Words.Of($"已恢复 {summary.File} → {summary.Database}", $"restored {summary.File} → {summary.Database}"));

            // A backup from an older version is brought up to this version's schema, then its audit chain is checked.
            await using var migrated = await CliServices.OpenAsync(parse.GetValue(dataDir)!, ct);
            var audit = await migrated.ServiceProvider.GetRequiredService<ReadAudit>().Verify(ct);
            if (!audit.Intact)
            {
                await console.Out.WriteLineAsync(Words.Of($"审计链在第{audit.BrokenAt}条被篡改", $"the restored audit chain is broken at entry {audit.BrokenAt}"));
                return 3;
            }

            await console.Out.WriteLineAsync(Words.Of($"审计链完整,共 {audit.Entries} 条", $"the audit chain is intact: {audit.Entries} entries"));
            return 0;
        }));
        return command;
    }
}

internal static class BackupOutput
{
    public static async Task Write(CliConsole console, BackupSummary summary, string headline)
    {
        int width = summary.Tables.Select(t => t.Table.Length).DefaultIfEmpty(0).Max();
        foreach (var table in summary.Tables.Where(t => t.Rows > 0))
        {
            await console.Out.WriteLineAsync($"  {table.Table.PadRight(width)}  {table.Rows.ToString("N0", CultureInfo.InvariantCulture),12}");
        }

        await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{headline}: {summary.Tables.Count} tables, {summary.Rows:N0} rows, {summary.Bytes / 1048576.0:0.0} MB, {summary.Duration.TotalSeconds:0.0} s"));
    }
}
