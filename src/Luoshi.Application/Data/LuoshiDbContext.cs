using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Data;

/// <summary>
/// The one persistence stack. Use cases query it directly (docs/adr/0002). Each provider has its own
/// subclass so that each keeps its own migrations set (<see cref="SqliteLuoshiDbContext"/>,
/// <see cref="PostgresLuoshiDbContext"/>); everything else depends on this base type.
/// </summary>
public abstract class LuoshiDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<PlanItem> PlanItems => Set<PlanItem>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<Target> Targets => Set<Target>();
    public DbSet<TargetVersion> TargetVersions => Set<TargetVersion>();
    public DbSet<Reading> Readings => Set<Reading>();
    public DbSet<ReadingVersion> ReadingVersions => Set<ReadingVersion>();
    public DbSet<Setting> Settings => Set<Setting>();

    public abstract DatabaseProvider Provider { get; }

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

public sealed class SqliteLuoshiDbContext(DbContextOptions<SqliteLuoshiDbContext> options) : LuoshiDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresLuoshiDbContext(DbContextOptions<PostgresLuoshiDbContext> options) : LuoshiDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>A key/value setting kept in the database (e.g. whether this data directory holds the demo province).</summary>
public sealed class Setting
{
    public const string Demo = "demo";

    public required string Key { get; init; }
    public required string Value { get; set; }
}
