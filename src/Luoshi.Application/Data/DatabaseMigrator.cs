using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Data;

/// <summary>Brings the schema up to date through the provider's migrations; never EnsureCreated.</summary>
public sealed class DatabaseMigrator(LuoshiDbContext db)
{
    // The key of the PostgreSQL advisory lock servers hold while they start (the audit chain's is 7405221).
    private const long StartLock = 7405222;

    /// <summary>Migrates, one server at a time (<see cref="ExclusiveAsync"/>).</summary>
    public Task MigrateAsync(CancellationToken ct = default) => ExclusiveAsync(Migrate, ct);

    /// <summary>
    /// Runs <paramref name="work"/> (migrating, loading the demo) while no other server or command starting against the
    /// same database does: on PostgreSQL under a session advisory lock held on this context's connection, so that
    /// servers started together neither race to create the same objects nor load the demo twice. SQLite databases
    /// belong to one server; its file lock and EF's migration lock suffice.
    /// </summary>
    public async Task<T> ExclusiveAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct = default)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            return await work(ct);
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({StartLock})", ct);
            try
            {
                return await work(ct);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({StartLock})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Migrates (under <see cref="ExclusiveAsync"/>); true once done.</summary>
    private async Task<bool> Migrate(CancellationToken ct)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers (the dashboard) proceed while an import writes; the mode is stored in the file.
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        else
        {
            // EF's PostgreSQL migrator reads the history table before creating it and logs that read as a
            // failed command on every fresh database; creating the table first (as EF would) keeps the
            // log's errors for real errors.
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TABLE IF NOT EXISTS __migrations (\"MigrationId\" character varying(150) NOT NULL, \"ProductVersion\" character varying(32) NOT NULL, CONSTRAINT \"PK___migrations\" PRIMARY KEY (\"MigrationId\"))",
                ct);
        }

        await db.Database.MigrateAsync(ct);
        return true;
    }

    public async Task<bool> IsDemoAsync(CancellationToken ct = default) =>
        await db.Settings.AnyAsync(s => s.Key == Setting.Demo && s.Value == "true", ct);
}

/// <summary>Whether the data is the demo province, read once per evaluation data version (settings raise it) rather than on every page.</summary>
public sealed class DemoFlag(DataVersionClock versions)
{
    private Known? _known;

    public async ValueTask<bool> IsDemo(Common.Deferred<LuoshiDbContext> db, CancellationToken ct)
    {
        // The version is read before the flag, so a flag written after it raises the version and is read again.
        long version = (await versions.Current(db, ct)).Evaluation;
        if (_known is { } k && k.Version == version)
        {
            return k.Demo;
        }

        bool demo = await db.Value.Settings.AsNoTracking().AnyAsync(s => s.Key == Setting.Demo && s.Value == "true", ct);
        _known = new Known(version, demo);
        return demo;
    }

    private sealed record Known(long Version, bool Demo);
}
