using System.Security.Cryptography;
using System.Text;

namespace Luoshi.Domain.Identity;

/// <summary>
/// One recorded change: who, when, what entity, before and after, from which request and address.
/// Entries form a hash chain — each hash covers the previous entry's hash and this entry's fields — so
/// changing, inserting or removing an entry in the middle is detectable (<see cref="AuditChain.Verify"/>).
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        Actor = string.Empty;
        Action = string.Empty;
        Entity = string.Empty;
        Key = string.Empty;
        PreviousHash = string.Empty;
        Hash = string.Empty;
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Actor { get; private set; }
    public string Action { get; private set; }
    public string Entity { get; private set; }
    public string Key { get; private set; }
    public string? Before { get; private set; }
    public string? After { get; private set; }
    public string? RequestId { get; private set; }
    public string? Client { get; private set; }
    public string PreviousHash { get; private set; }
    public string Hash { get; private set; }

    // Whole microseconds in UTC: what PostgreSQL keeps of a timestamp, so the hash recomputes the same after a round trip.
    public static AuditEntry Create(DateTimeOffset at, string actor, string action, string entity, string key, string? before, string? after, string? requestId, string? client) => new()
    {
        At = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % 10), TimeSpan.Zero),
        Actor = actor,
        Action = action,
        Entity = entity,
        Key = key.Length > 400 ? key[..400] : key,
        Before = before,
        After = after,
        RequestId = requestId,
        Client = client,
    };

    /// <summary>Links the entry to the chain; called once, just before it is stored.</summary>
    public void Chain(string previousHash)
    {
        PreviousHash = previousHash;
        Hash = AuditChain.HashOf(this, previousHash);
    }

    internal string Canonical() => string.Join('\u001f', At.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), Actor, Action, Entity, Key, Before ?? "\u0000", After ?? "\u0000", RequestId ?? "\u0000", Client ?? "\u0000");
}

public static class AuditChain
{
    /// <summary>The hash the chain starts from.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string HashOf(AuditEntry entry, string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + "\u001e" + entry.Canonical())));

    /// <summary>Checks entries in id order; returns the id of the first entry that breaks the chain, or null.</summary>
    public static long? Verify(IEnumerable<AuditEntry> entriesInOrder)
    {
        var previous = Genesis;
        foreach (var e in entriesInOrder)
        {
            if (!Verify(e, previous))
            {
                return e.Id;
            }

            previous = e.Hash;
        }

        return null;
    }

    /// <summary>Whether one entry follows <paramref name="previousHash"/> and its own hash covers its fields.</summary>
    public static bool Verify(AuditEntry entry, string previousHash) =>
        entry.PreviousHash == previousHash && entry.Hash == HashOf(entry, previousHash);
}
