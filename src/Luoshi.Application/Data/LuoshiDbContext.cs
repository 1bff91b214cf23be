using Luoshi.Application.Common;
using Luoshi.Application.Notifications;
using Luoshi.Domain.Documents;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Notifications;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Plans;
using Luoshi.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Data;

/// <summary>
/// The one persistence stack. Use cases query it directly (docs/adr/0002). Each provider has its own
/// subclass so that each keeps its own migrations set (<see cref="SqliteLuoshiDbContext"/>,
/// <see cref="PostgresLuoshiDbContext"/>); everything else depends on this base type.
/// </summary>
public abstract class LuoshiDbContext(DbContextOptions options, ICurrentActor? actor, TimeProvider? clock) : DbContext(options)
{
    private readonly List<AuditEntry> _pendingAudit = [];
    private readonly List<AuditEntry> _pendingEvents = [];

    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<PlanItem> PlanItems => Set<PlanItem>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<Target> Targets => Set<Target>();
    public DbSet<TargetVersion> TargetVersions => Set<TargetVersion>();
    public DbSet<Reading> Readings => Set<Reading>();
    public DbSet<ReadingVersion> ReadingVersions => Set<ReadingVersion>();
    public DbSet<Setting> Settings => Set<Setting>();
    public DbSet<User> Users => Set<User>();
    public DbSet<UserGrant> UserGrants => Set<UserGrant>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();
    public DbSet<Assessment.SchemeVersion> AssessmentSchemes => Set<Assessment.SchemeVersion>();
    public DbSet<Assessment.AssessmentRun> AssessmentRuns => Set<Assessment.AssessmentRun>();
    public DbSet<Domain.Projects.MajorProject> Projects => Set<Domain.Projects.MajorProject>();
    public DbSet<Domain.Projects.ProjectPlan> ProjectPlans => Set<Domain.Projects.ProjectPlan>();
    public DbSet<Domain.Projects.ProjectProgress> ProjectProgress => Set<Domain.Projects.ProjectProgress>();
    public DbSet<Domain.Reporting.Report> Reports => Set<Domain.Reporting.Report>();
    public DbSet<Domain.Reporting.ReportingAssignment> ReportingAssignments => Set<Domain.Reporting.ReportingAssignment>();
    public DbSet<Domain.Reporting.ValidationRule> ValidationRules => Set<Domain.Reporting.ValidationRule>();
    public DbSet<Domain.Reporting.RevisionRequest> RevisionRequests => Set<Domain.Reporting.RevisionRequest>();
    public DbSet<SupervisionItem> SupervisionItems => Set<SupervisionItem>();
    public DbSet<SupervisionEvent> SupervisionEvents => Set<SupervisionEvent>();
    public DbSet<SupervisionRule> SupervisionRules => Set<SupervisionRule>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentItem> DocumentItems => Set<DocumentItem>();
    public DbSet<DocumentTerm> DocumentTerms => Set<DocumentTerm>();

    public abstract DatabaseProvider Provider { get; }

    /// <summary>
    /// Records a change that did not pass through the change tracker (a bulk import); written to the audit chain
    /// with the next save, and raising the data version of what it changed as a tracked change does.
    /// </summary>
    public void RecordAudit(string action, string entity, string key, string? before, string? after) =>
        _pendingAudit.Add(AuditEntry.Create(Now, actor?.Name ?? "system", action, entity, key, before, after, actor?.RequestId, actor?.Client));

    /// <summary>
    /// Records an event that changes no data (a sign-in); written to the audit chain with the next save, raising no
    /// data version, so that every server keeps what it holds.
    /// </summary>
    /// <param name="by">Who acted: a sign-in is made by the user signing in, whom the request does not know yet.</param>
    public void RecordEvent(string action, string entity, string key, string? after, string by) =>
        _pendingEvents.Add(AuditEntry.Create(Now, by, action, entity, key, null, after, actor?.RequestId, actor?.Client));

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>Saves the changes and their audit entries in one transaction: no change without its record.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var changes = AuditTrail.Collect(ChangeTracker, actor, Now);
        changes.AddRange(_pendingAudit);
        List<AuditEntry> entries = [.. changes, .. _pendingEvents];
        _pendingAudit.Clear();
        _pendingEvents.Clear();
        if (entries.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            if (changes.Any(e => DataVersion.Watched.Contains(e.Entity)))
            {
                await DataVersion.Bump(this, DataVersion.Evaluation, cancellationToken);
                VersionsChanged = true;
            }

            if (changes.Any(e => DataVersion.IdentityWatched.Contains(e.Entity)))
            {
                await DataVersion.Bump(this, DataVersion.Identity, cancellationToken);
                VersionsChanged = true;
            }

            await AuditTrail.Append(this, entries, cancellationToken);
            int n = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return n;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Set when a save raised a <see cref="DataVersion"/> counter; on commit <see cref="VersionCommitInterceptor"/>
    /// tells this process's <see cref="DataVersionClock"/> to read the counters again at once.
    /// </summary>
    internal bool VersionsChanged { get; set; }

    private DateTimeOffset Now => (clock ?? TimeProvider.System).GetUtcNow();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LuoshiDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Amounts of up to 10^14 with 6 decimals cover every statistic in yuan and every rate.
        configurationBuilder.Properties<decimal>().HavePrecision(20, 6);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(20);
    }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class SqliteLuoshiDbContext(DbContextOptions<SqliteLuoshiDbContext> options, ICurrentActor? actor = null, TimeProvider? clock = null)
    : LuoshiDbContext(options, actor, clock)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresLuoshiDbContext(DbContextOptions<PostgresLuoshiDbContext> options, ICurrentActor? actor = null, TimeProvider? clock = null)
    : LuoshiDbContext(options, actor, clock)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>
/// Counters raised in the same transaction as a change to what they watch, so that every server's caches
/// can tell whether they are stale with one cheap query (read through <see cref="DataVersionClock"/>):
/// <see cref="Evaluation"/> watches what evaluations read (units, plans, indicators, targets, readings) and the settings,
/// <see cref="Identity"/> who may do what (users, grants, API tokens).
/// </summary>
public sealed class DataVersion
{
    public const string Evaluation = "evaluation";
    public const string Identity = "identity";

    // Settings ride along: they change about never, and what pages show of them (the demo banner) is then cached the same way.
    internal static readonly HashSet<string> Watched = ["OrgUnit", "PlanItem", "PlanItemSupportingUnit", "Indicator", "IndicatorPlanLink", "Target", "Reading", nameof(Setting)];
    internal static readonly HashSet<string> IdentityWatched = [nameof(User), nameof(UserGrant), nameof(ApiToken)];

    public required string Scope { get; init; }
    public long Version { get; set; }

    /// <summary>Both counters, read in one query; a counter without its row (identity before its first change) reads 0.</summary>
    public static async Task<VersionStamp> Read(LuoshiDbContext db, CancellationToken ct)
    {
        var rows = await db.DataVersions.AsNoTracking().Select(v => new { v.Scope, v.Version }).ToListAsync(ct);
        return new VersionStamp(
            rows.FirstOrDefault(r => r.Scope == Evaluation)?.Version ?? 0,
            rows.FirstOrDefault(r => r.Scope == Identity)?.Version ?? 0);
    }

    internal static async Task Bump(LuoshiDbContext db, string scope, CancellationToken ct)
    {
        // The evaluation row is created by the migration, the identity row by its first change; either way the
        // statement takes the row's lock, so concurrent writers count one by one.
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO data_versions (\"Scope\", \"Version\") VALUES ({0}, 1) ON CONFLICT (\"Scope\") DO UPDATE SET \"Version\" = data_versions.\"Version\" + 1",
            [scope],
            ct);
    }
}

/// <summary>The two counters of <see cref="DataVersion"/> at one moment.</summary>
public readonly record struct VersionStamp(long Evaluation, long Identity);

/// <summary>A key/value setting kept in the database (e.g. whether this data directory holds the demo province).</summary>
public sealed class Setting
{
    public const string Demo = "demo";

    public required string Key { get; init; }
    public required string Value { get; set; }
}
