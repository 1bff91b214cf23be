using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Indicators;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Luoshi.Application.Data;

/// <summary>
/// Which readings and targets changed since an evaluation data version. Every row of both carries the version of
/// the transaction that last wrote it (a column the domain does not see, indexed), so a server whose snapshot is
/// at version V catches up by reading the rows stamped after V — a handful on a reporting day — instead of millions.
/// </summary>
public static class EvaluationChanges
{
    /// <summary>The column: the evaluation data version whose commit last wrote the row.</summary>
    public const string Column = "EvaluationVersion";

    /// <summary>The rows changed since a version; more than <c>limit</c> of them is reported as null (a full reload is cheaper then).</summary>
    public sealed record Since(IReadOnlyList<ReadingRow> Readings, IReadOnlyList<TargetRow> Targets);

    public sealed record ReadingRow(int IndicatorId, int OrgUnitId, string PeriodCode, decimal? Value);

    public sealed record TargetRow(int IndicatorId, int OrgUnitId, string PeriodCode, decimal? Value, TargetQualifier Qualifier, decimal? UpperValue, decimal? Stretch, bool IsDeleted);

    internal static void Configure<T>(EntityTypeBuilder<T> b)
        where T : class
    {
        b.Property<long>(Column).HasDefaultValue(0L);
        b.HasIndex(Column);
    }

    /// <summary>Stamps every reading and target a save adds or changes with the version its transaction claimed.</summary>
    internal static void Stamp(ChangeTracker tracker, long version)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified && entry.Entity is Reading or Target)
            {
                entry.Property(Column).CurrentValue = version;
            }
        }
    }

    /// <summary>The readings and targets written after <paramref name="version"/>, or null when there are more than <paramref name="limit"/>.</summary>
    public static async Task<Since?> After(LuoshiDbContext db, long version, int limit, CancellationToken ct)
    {
        // Ordered by the stamp so that the index answers even where the planner knows nothing yet of the column (PostgreSQL
        // right after the migration: its default guess for "greater than" is a third of the table, and it scanned all of it).
        var readings = await db.Readings.AsNoTracking().Where(r => EF.Property<long>(r, Column) > version).OrderBy(r => EF.Property<long>(r, Column))
            .Select(r => new ReadingRow(r.IndicatorId, r.OrgUnitId, r.PeriodCode, r.Value)).Take(limit + 1).ToListAsync(ct);
        if (readings.Count > limit)
        {
            return null;
        }

        var targets = await db.Targets.AsNoTracking().Where(t => EF.Property<long>(t, Column) > version).OrderBy(t => EF.Property<long>(t, Column))
            .Select(t => new TargetRow(t.IndicatorId, t.OrgUnitId, t.PeriodCode, t.Value, t.Qualifier, t.UpperValue, t.Stretch, t.IsDeleted)).Take(limit + 1 - readings.Count).ToListAsync(ct);
        return readings.Count + targets.Count > limit ? null : new Since(readings, targets);
    }

    /// <summary>Hands the rows to a delta as the snapshot loader would read them (a deleted target, or one without a value, is none).</summary>
    public static void AddTo(SnapshotDelta delta, Since changes)
    {
        ArgumentNullException.ThrowIfNull(delta);
        ArgumentNullException.ThrowIfNull(changes);
        var periods = new Dictionary<string, Period>(StringComparer.Ordinal);
        Period Parse(string code) => periods.TryGetValue(code, out var p) ? p : periods[code] = Period.Parse(code);
        foreach (var r in changes.Readings)
        {
            delta.SetReading(r.IndicatorId, r.OrgUnitId, Parse(r.PeriodCode), r.Value);
        }

        foreach (var t in changes.Targets)
        {
            delta.SetTarget(t.IndicatorId, t.OrgUnitId, Parse(t.PeriodCode), t.IsDeleted ? null : t.Value, t.Qualifier, t.UpperValue, t.Stretch);
        }
    }
}
