using System.Text.Json;
using Luoshi.Application.Common;
using Luoshi.Domain.Documents;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Indicators;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Luoshi.Application.Data;

/// <summary>
/// Turns the changes a SaveChanges is about to write into audit entries, and appends them to the hash
/// chain in the same transaction. Version rows are history themselves and are not audited twice;
/// secrets (password hashes, token hashes) never enter the log.
/// </summary>
internal static class AuditTrail
{
    // Supervision events are the item's history themselves, and the figures a rule lists on an item are written
    // into its audited description when it opens, or named in that history as they join later; inbox and outbox rows and job leases are bookkeeping that follows from audited
    // changes rather than anyone's decision.
    private static readonly HashSet<Type> Unaudited =
    [
        typeof(AuditEntry), typeof(ReadingVersion), typeof(TargetVersion), typeof(Domain.Policies.PolicyCaseVersion),
        typeof(Domain.Supervision.SupervisionEvent), typeof(Domain.Supervision.SupervisionItemIndicator), typeof(Domain.Reporting.ReportTransition), typeof(Domain.Notifications.Notification), typeof(Notifications.OutboxMessage), typeof(JobLease), typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey), typeof(DocumentTerm),
    ];

    // Parts of an ingested document that are recorded by size, not content: the document itself is kept
    // unaltered, and copying megabytes of text into the log would bury every other entry.
    private static readonly HashSet<string> Bulky = [nameof(Document.Original), nameof(Document.Text), nameof(Document.ExtractionJson), nameof(DocumentItem.Data)];
    private static readonly HashSet<string> Hidden = [nameof(User.PasswordHash), nameof(ApiToken.Hash)];

    // Bookkeeping that changes on use, not by anyone's decision: recorded neither as a change nor in before/after.
    private static readonly HashSet<string> Ignored = [nameof(ApiToken.LastUsedAt), nameof(User.LastSignInAt), EvaluationChanges.Column];

    // A reading's entry always shows its value, state and comment before and after, changed or not: what the cell said
    // and what it says now is what a reader of the log asks first.
    private static readonly HashSet<string> ReadingShown = [nameof(Reading.Value), nameof(Reading.State), nameof(Reading.Comment)];

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Whether changes to entities of this type are written to the log.</summary>
    public static bool IsAudited(Type type) => !Unaudited.Contains(type);

    public static List<AuditEntry> Collect(ChangeTracker tracker, AuditNames names, ICurrentActor? actor, DateTimeOffset now)
    {
        var entries = new List<AuditEntry>();
        foreach (var e in tracker.Entries())
        {
            if (Unaudited.Contains(e.Metadata.ClrType) || e.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            // The items extracted with a document are part of its creation; their review decisions are audited.
            if (e.Metadata.ClrType == typeof(DocumentItem) && e.State == EntityState.Added)
            {
                continue;
            }

            var props = e.Properties.Where(p => !p.Metadata.IsPrimaryKey() && !Ignored.Contains(p.Metadata.Name)).ToList();
            Dictionary<string, object?>? before = null, after = null;
            string action;
            switch (e.State)
            {
                case EntityState.Added:
                    action = "create";
                    after = props.ToDictionary(p => p.Metadata.Name, p => Show(p.Metadata.Name, p.CurrentValue));
                    break;
                case EntityState.Deleted:
                    action = "delete";
                    before = props.ToDictionary(p => p.Metadata.Name, p => Show(p.Metadata.Name, p.OriginalValue));
                    break;
                default:
                    if (!props.Any(Changed))
                    {
                        continue;
                    }

                    var always = e.Entity is Reading ? ReadingShown : null;
                    var changed = props.Where(p => Changed(p) || always?.Contains(p.Metadata.Name) == true).ToList();
                    action = "update";
                    before = changed.ToDictionary(p => p.Metadata.Name, p => Show(p.Metadata.Name, p.OriginalValue));
                    after = changed.ToDictionary(p => p.Metadata.Name, p => Show(p.Metadata.Name, p.CurrentValue));
                    break;
            }

            entries.Add(AuditEntry.Create(
                now,
                actor?.Name ?? "system",
                action,
                e.Metadata.ClrType.Name,
                KeyOf(e, names),
                before is null ? null : JsonSerializer.Serialize(before, Json),
                after is null ? null : JsonSerializer.Serialize(after, Json),
                actor?.RequestId,
                actor?.Client));
        }

        return entries;
    }

    private static bool Changed(PropertyEntry p) => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue);

    /// <summary>
    /// The business key (codes where the entity has them), so entries read without joins: a reading or a target by
    /// <c>INDICATOR/ORG/PERIOD</c>. Entries written before readings and targets were keyed so keep their ids
    /// (<c>IndicatorId=…,OrgUnitId=…,PeriodCode=…</c>): the chain is never rewritten.
    /// </summary>
    private static string KeyOf(EntityEntry e, AuditNames names)
    {
        var cell = e.Entity switch
        {
            Reading r => names.KeyOf(r.IndicatorId, r.OrgUnitId, r.PeriodCode),
            Target t => names.KeyOf(t.IndicatorId, t.OrgUnitId, t.PeriodCode),
            Domain.Policies.PolicyCase c => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{c.Enterprise}/measure {c.MeasureId}/{c.Applied:yyyy-MM-dd}"),
            _ => null,
        };
        if (cell is not null)
        {
            return cell;
        }

        string? Value(string name) => e.Metadata.FindProperty(name) is { } p ? Convert.ToString(e.Property(name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture) : null;
        return Value("Code") ?? Value("Name") switch
        {
            { } name when e.Metadata.ClrType != typeof(ApiToken) => name,
            _ => string.Join(',', e.Properties.Where(p => p.Metadata.IsForeignKey() || p.Metadata.IsPrimaryKey() || p.Metadata.Name is "PeriodCode" or "Name")
                .Select(p => $"{p.Metadata.Name}={Convert.ToString(p.CurrentValue, System.Globalization.CultureInfo.InvariantCulture)}")),
        };
    }

    private static object? Show(string property, object? value) => Hidden.Contains(property) ? (value is null ? null : "***") : value switch
    {
        byte[] bytes => $"({bytes.Length} bytes)",
        string s when Bulky.Contains(property) => $"({s.Length} chars)",
        Enum en => en.ToString(),
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ItemLink link => link.ToString(),
        _ => value,
    };

    /// <summary>The chain's last entry, its id and hash (0 and the genesis hash for an empty chain).</summary>
    public static async Task<(long Id, string Hash)> Head(LuoshiDbContext db, CancellationToken ct)
    {
        var head = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Select(a => new { a.Id, a.Hash }).FirstOrDefaultAsync(ct);
        return (head?.Id ?? 0, head?.Hash ?? AuditChain.Genesis);
    }

    /// <summary>Appends entries to the chain: takes the chain lock, reads the head, numbers and links them.</summary>
    public static async Task Append(LuoshiDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            // One appender at a time across all servers; released when the transaction ends. SQLite needs no
            // lock: its write transactions are already serialised.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7405221)", ct);
        }

        var (id, previous) = await Head(db, ct);
        foreach (var entry in entries)
        {
            typeof(AuditEntry).GetProperty(nameof(AuditEntry.Id))!.SetValue(entry, ++id);
            entry.Chain(previous);
            previous = entry.Hash;
            db.AuditEntries.Add(entry);
        }
    }
}
