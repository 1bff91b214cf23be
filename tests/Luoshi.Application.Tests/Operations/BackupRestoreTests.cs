using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Application.Demo;
using Luoshi.Application.Identity;
using Luoshi.Application.Operations;
using Luoshi.Application.Readings;
using Luoshi.Application.Spreadsheets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Application.Tests.Operations;

public sealed class BackupRestoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "luoshi-backup-tests", Guid.NewGuid().ToString("N"));

    public BackupRestoreTests() => Directory.CreateDirectory(_dir);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task BackupThenRestore_AfterChangesAndDeletions_BringsEveryTableBackRowForRow_WithTheAuditChainIntact(Db db)
    {
        await using var host = await AppHost.StartAsync(db);
        await host.Run<SeedDemo, IReadOnlyList<ImportSummary>>(s => s.Handle(null, default));
        await host.Run<AddUser, UserView>(u => u.Handle(new AddUser.Request("ops", Domain.Identity.Role.Admin, null, "Bootstrap-2026"), default));
        var before = await Fingerprint(host);
        var file = Path.Combine(_dir, db == Db.Sqlite ? "luoshi.db" : "luoshi.pgdump");

        var backup = await host.Run<BackupDatabase, BackupSummary>(b => b.Handle(file, overwrite: false, null, default));

        // Afterwards: values changed (new versions, audit entries), a user added, a whole table emptied.
        await host.Run<ImportReadings, ImportSummary>(i => i.Handle([(2, new ReadingRow("FAI", "330102", "2026-06", "1.25"), "changed"), (3, new ReadingRow("FAI", "330102", "2026-05", "0.5"), null)], null, default));
        await host.Run<AddUser, UserView>(u => u.Handle(new AddUser.Request("late", Domain.Identity.Role.Leader, null, "Bootstrap-2026"), default));
        var deleted = await host.Query(d => d.ProjectProgress.ExecuteDeleteAsync());
        var changed = await Fingerprint(host);

        var refused = await Should.ThrowAsync<ConflictException>(() => host.Run<RestoreDatabase, BackupSummary>(r => r.Handle(file, force: false, null, default)));
        var afterRefusal = await Fingerprint(host);
        var restore = await host.Run<RestoreDatabase, BackupSummary>(r => r.Handle(file, force: true, null, default));
        await host.Run<DatabaseMigrator, int>(async m => { await m.MigrateAsync(); return 0; });
        var after = await Fingerprint(host);
        var audit = await host.Run<ReadAudit, AuditVerification>(a => a.Verify(default));

        backup.Rows.ShouldBe(before.Values.Sum(t => t.Rows));
        backup.Bytes.ShouldBeGreaterThan(0);
        deleted.ShouldBeGreaterThan(0);
        changed["reading_versions"].Rows.ShouldBe(before["reading_versions"].Rows + 2);
        changed["project_progress"].Rows.ShouldBe(0);
        refused.Field.ShouldBe("force");
        afterRefusal.ShouldBe(changed);
        restore.Tables.ToDictionary(t => t.Table, t => t.Rows).ShouldBe(before.ToDictionary(t => t.Key, t => t.Value.Rows));
        foreach (var (table, print) in before)
        {
            after[table].ShouldBe(print, table);
        }

        after.Keys.ShouldBe(before.Keys, ignoreOrder: true);
        before["readings"].Rows.ShouldBeGreaterThan(10_000);
        audit.Intact.ShouldBeTrue();
        audit.Entries.ShouldBe(before["audit_log"].Rows);
        (await host.Query(d => d.Users.AnyAsync(u => u.Name == "late"))).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Restore_IntoAnEmptyMigratedDatabase_NeedsNoForce(Db db)
    {
        await using var source = await AppHost.StartAsync(db);
        await source.Run<AddUser, UserView>(u => u.Handle(new AddUser.Request("ops", Domain.Identity.Role.Admin, null, "Bootstrap-2026"), default));
        var file = Path.Combine(_dir, "small.backup");
        await source.Run<BackupDatabase, BackupSummary>(b => b.Handle(file, overwrite: false, null, default));
        await using var target = await AppHost.StartAsync(db);

        var restore = await target.Run<RestoreDatabase, BackupSummary>(r => r.Handle(file, force: false, null, default));

        restore.Tables.Single(t => t.Table == "users").Rows.ShouldBe(1);
        (await target.Query(d => d.Users.Select(u => u.Name).ToListAsync())).ShouldBe(["ops"]);
        (await target.Run<ReadAudit, AuditVerification>(a => a.Verify(default))).Intact.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Backup_RefusesToOverwriteAFile_AndRestore_RefusesAFileThatIsNoBackup(Db db)
    {
        await using var host = await AppHost.StartAsync(db);
        var existing = Path.Combine(_dir, "existing");
        await File.WriteAllTextAsync(existing, "keep me");
        var junk = Path.Combine(_dir, "junk.backup");
        await File.WriteAllTextAsync(junk, "indicator,org,period,value\n");

        var overwrite = await Should.ThrowAsync<ConflictException>(() => host.Run<BackupDatabase, BackupSummary>(b => b.Handle(existing, overwrite: false, null, default)));
        var notABackup = await Should.ThrowAsync<BackupFailedException>(() => host.Run<RestoreDatabase, BackupSummary>(r => r.Handle(junk, force: true, null, default)));

        overwrite.Field.ShouldBe("output");
        (await File.ReadAllTextAsync(existing)).ShouldBe("keep me");
        notABackup.Message.ShouldContain("not a Luoshi backup");
        File.Exists(existing + ".partial").ShouldBeFalse();
    }

    [Fact]
    public async Task SqliteBackup_WhileAnotherConnectionKeepsWriting_IsOneConsistentState()
    {
        await using var host = await AppHost.StartAsync(Db.Sqlite);
        await host.Run<SeedDemo, IReadOnlyList<ImportSummary>>(s => s.Handle(null, default));
        using var stop = new CancellationTokenSource();
        int written = 0;
        var writer = Task.Run(async () =>
        {
            for (int i = 0; !stop.IsCancellationRequested; i++)
            {
                await host.Run<AddUser, UserView>(u => u.Handle(new AddUser.Request($"writer{i}", Domain.Identity.Role.Leader, null, "Bootstrap-2026"), default));
                Interlocked.Increment(ref written);
            }
        });
        while (Volatile.Read(ref written) < 2)
        {
            await Task.Delay(10);
        }

        var file = Path.Combine(_dir, "live.db");
        var backup = await host.Run<BackupDatabase, BackupSummary>(b => b.Handle(file, overwrite: false, null, default));
        await stop.CancelAsync();
        await writer;

        // The copy's users and their audit entries agree (each user is written with its entry in one
        // transaction), and its audit chain verifies on its own.
        await using var copy = await AppHost.StartAsync(Db.Sqlite);
        await copy.Run<RestoreDatabase, BackupSummary>(r => r.Handle(file, force: false, null, default));
        var users = await copy.Query(d => d.Users.CountAsync(u => u.Name.StartsWith("writer")));
        var entries = await copy.Query(d => d.AuditEntries.CountAsync(a => a.Entity == "User" && a.Key.StartsWith("writer")));
        users.ShouldBeGreaterThanOrEqualTo(2);
        entries.ShouldBe(users);
        users.ShouldBeLessThanOrEqualTo(Volatile.Read(ref written));
        backup.Tables.Single(t => t.Table == "users").Rows.ShouldBe(users + SeedDemo.Users.Length);
        (await copy.Run<ReadAudit, AuditVerification>(a => a.Verify(default))).Intact.ShouldBeTrue();
    }

    /// <summary>Every table's row count and a SHA-256 over all its rows (each rendered invariantly, then sorted).</summary>
    private static async Task<Dictionary<string, (long Rows, string Sha256)>> Fingerprint(AppHost host)
    {
        var options = host.Services.GetRequiredService<DatabaseOptions>();
        await using var connection = DatabaseTables.Connect(options, pooling: false);
        await connection.OpenAsync();
        var prints = new Dictionary<string, (long, string)>();
        foreach (var table in await DatabaseTables.ListAsync(connection, default))
        {
            var rows = new List<string>();
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT * FROM {DatabaseTables.Quote(table)}";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(Render(reader));
            }

            rows.Sort(StringComparer.Ordinal);
            prints[table] = (rows.Count, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows)))));
        }

        return prints;
    }

    private static string Render(DbDataReader reader)
    {
        var cells = new string[reader.FieldCount];
        for (int i = 0; i < cells.Length; i++)
        {
            cells[i] = reader.IsDBNull(i) ? "∅" : reader.GetValue(i) switch
            {
                byte[] bytes => Convert.ToBase64String(bytes),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var v => v.ToString() ?? "",
            };
        }

        return string.Join('|', cells);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temporary directory's cleaner.
        }
    }
}
