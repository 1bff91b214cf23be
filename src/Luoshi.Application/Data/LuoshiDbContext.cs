using Luoshi.Application.Common;
using Luoshi.Application.Notifications;
using Luoshi.Domain.Common;
using Luoshi.Domain.Documents;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Notifications;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Plans;
using Luoshi.Domain.Supervision;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Luoshi.Application.Data;

/// <summary>
/// The one persistence stack. Use cases query it directly (docs/adr/0002). Each provider has its own
/// subclass so that each keeps its own migrations set (<see cref="SqliteLuoshiDbContext"/>,
/// <see cref="PostgresLuoshiDbContext"/>); everything else depends on this base type.
/// </summary>
public abstract class LuoshiDbContext(DbContextOptions options, ICurrentActor? actor, TimeProvider? clock) : DbContext(options), IDataProtectionKeyContext
{
    private readonly List<AuditEntry> _pendingAudit = [];
    private readonly List<AuditEntry> _pendingEvents = [];
    private (IDbContextTransaction Transaction, long Version)? _claim;

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
    public DbSet<Domain.Assessment.SchemeVersion> AssessmentSchemes => Set<Domain.Assessment.SchemeVersion>();
    public DbSet<Domain.Assessment.AssessmentRun> AssessmentRuns => Set<Domain.Assessment.AssessmentRun>();
    public DbSet<Domain.Projects.MajorProject> Projects => Set<Domain.Projects.MajorProject>();
    public DbSet<Domain.Projects.ProjectPlan> ProjectPlans => Set<Domain.Projects.ProjectPlan>();
    public DbSet<Domain.Projects.ProjectProgress> ProjectProgress => Set<Domain.Projects.ProjectProgress>();
    public DbSet<Domain.Policies.Policy> Policies => Set<Domain.Policies.Policy>();
    public DbSet<Domain.Policies.PolicyMeasure> PolicyMeasures => Set<Domain.Policies.PolicyMeasure>();
    public DbSet<Domain.Policies.PolicyCase> PolicyCases => Set<Domain.Policies.PolicyCase>();
    public DbSet<Domain.Policies.PolicyCaseVersion> PolicyCaseVersions => Set<Domain.Policies.PolicyCaseVersion>();
    public DbSet<Domain.Policies.CalendarDay> CalendarDays => Set<Domain.Policies.CalendarDay>();
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
    /// <summary>The web tier's data-protection key ring, shared by every server behind the proxy (docs/adr/0013).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentItem> DocumentItems => Set<DocumentItem>();
    public DbSet<DocumentTerm> DocumentTerms => Set<DocumentTerm>();

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The indicator and unit codes this context's audit entries name readings and targets by.</summary>
    internal AuditNames AuditNames { get; } = new();

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
        ColumnFit.Check(ChangeTracker);
        RaiseVersions();
        await AuditNames.Complete(this, ChangeTracker, cancellationToken);
        var changes = AuditTrail.Collect(ChangeTracker, AuditNames, actor, Now);
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
                EvaluationChanges.Stamp(ChangeTracker, await ClaimEvaluationVersion(cancellationToken));
            }

            foreach (var scope in DataVersion.Narrower.Where(s => changes.Any(e => s.Watched.Contains(e.Entity))))
            {
                await DataVersion.Bump(this, scope.Scope, cancellationToken);
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
    /// Edits <paramref name="aggregate"/> as of the version its client read: the save refuses it
    /// (<see cref="DbUpdateConcurrencyException"/>) if someone saved it since, and raises its version by one even when
    /// the edit turns out to change nothing, as every accepted edit is a new version.
    /// </summary>
    public void EditAsOf(IVersioned aggregate, int version)
    {
        var property = Entry(aggregate).Property(nameof(IVersioned.Version));
        property.OriginalValue = version;
        property.IsModified = true;
    }

    /// <summary>
    /// Raises the version of every aggregate this save changes by one (<see cref="IVersioned"/>). The version stays a
    /// concurrency token, so the update is conditional on the version the aggregate was read (or edited) at.
    /// </summary>
    private void RaiseVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                var version = entry.Property(nameof(IVersioned.Version));
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }
        }
    }

    /// <summary>
    /// The evaluation data version this transaction's changes are committed as: the counter is raised once per
    /// transaction (taking its row's lock, so versions commit in order), and every reading and target the transaction
    /// writes is stamped with it, so that another server can catch up by reading only the rows changed since its
    /// version (<see cref="EvaluationChanges"/>).
    /// </summary>
    internal async Task<long> ClaimEvaluationVersion(CancellationToken ct)
    {
        var tx = Database.CurrentTransaction ?? throw new InvalidOperationException("a data version is claimed inside a transaction");
        if (_claim is { } claim && ReferenceEquals(claim.Transaction, tx))
        {
            return claim.Version;
        }

        long version = await DataVersion.Bump(this, DataVersion.Evaluation, ct);
        _claim = (tx, version);
        VersionsChanged = true;
        return version;
    }

    /// <summary>The evaluation version the transaction that ends claimed, if it claimed one; forgotten once taken (by the commit interceptor).</summary>
    internal long? TakeClaim()
    {
        var version = _claim?.Version;
        _claim = null;
        return version;
    }

    /// <summary>Who this context writes for, as the audit log names them.</summary>
    internal string ActorName => actor?.Name ?? "system";

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
/// <see cref="Identity"/> who may do what (users, grants, API tokens). Two narrower counters tell an evaluation cache
/// what kind of change moved the evaluation counter: <see cref="Structure"/> (org units, indicator definitions: the
/// snapshot is built afresh) and <see cref="Plans"/> (plan items and their indicators: the plan tree is read again);
/// when neither moved, the readings and targets stamped with the versions since the cache's own are all that changed.
/// </summary>
public sealed class DataVersion
{
    public const string Evaluation = "evaluation";
    public const string Identity = "identity";
    public const string Structure = "structure";
    public const string Plans = "plans";

    // Settings ride along: they change about never, and what pages show of them (the demo banner) is then cached the same way.
    internal static readonly HashSet<string> Watched =
    [
        nameof(OrgUnit), nameof(PlanItem), nameof(PlanItemSupportingUnit), nameof(Indicator), nameof(IndicatorPlanLink), nameof(Target), nameof(Reading), nameof(Setting),
    ];

    /// <summary>The counters raised beside <see cref="Evaluation"/> (which <see cref="LuoshiDbContext.ClaimEvaluationVersion"/> raises) or alone, each with what it watches.</summary>
    internal static readonly (string Scope, HashSet<string> Watched)[] Narrower =
    [
        (Identity, [nameof(User), nameof(UserGrant), nameof(ApiToken)]),
        (Structure, [nameof(OrgUnit), nameof(Indicator)]),
        (Plans, [nameof(PlanItem), nameof(IndicatorPlanLink)]),
    ];

    public required string Scope { get; init; }
    public long Version { get; set; }

    /// <summary>Every counter, read in one query; a counter without its row (before its first change) reads 0.</summary>
    public static async Task<VersionStamp> Read(LuoshiDbContext db, CancellationToken ct)
    {
        var rows = await db.DataVersions.AsNoTracking().Select(v => new { v.Scope, v.Version }).ToListAsync(ct);
        long Of(string scope) => rows.FirstOrDefault(r => r.Scope == scope)?.Version ?? 0;
        return new VersionStamp(Of(Evaluation), Of(Identity), Of(Structure), Of(Plans));
    }

    /// <summary>Raises a counter inside the current transaction and returns its new value.</summary>
    internal static async Task<long> Bump(LuoshiDbContext db, string scope, CancellationToken ct)
    {
        // The evaluation row is created by the migration, the others by their first change; either way the
        // statement takes the row's lock, so concurrent writers count one by one and commit in that order.
        var connection = db.Database.GetDbConnection();
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = "INSERT INTO data_versions (\"Scope\", \"Version\") VALUES (@scope, 1) ON CONFLICT (\"Scope\") DO UPDATE SET \"Version\" = data_versions.\"Version\" + 1 RETURNING \"Version\"";
        var parameter = cmd.CreateParameter();
        parameter.ParameterName = "@scope";
        parameter.Value = scope;
        cmd.Parameters.Add(parameter);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>The counters of <see cref="DataVersion"/> at one moment.</summary>
public readonly record struct VersionStamp(long Evaluation, long Identity, long Structure = 0, long Plans = 0);

/// <summary>A key/value setting kept in the database (e.g. whether this data directory holds the demo province).</summary>
public sealed class Setting
{
    public const string Demo = "demo";

    public required string Key { get; init; }
    public required string Value { get; set; }
}
