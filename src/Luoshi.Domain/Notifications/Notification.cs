using Luoshi.Domain.Common;

namespace Luoshi.Domain.Notifications;

/// <summary>
/// A message in a unit's in-app inbox (站内通知). Addressed to a unit rather than a person: whoever works
/// for the unit reads it, and its read mark says who saw it first. Supervision writes them today; other
/// features (reporting reminders) can write them too.
/// </summary>
public sealed class Notification
{
    public const int KindMaxLength = 40;
    public const int TitleMaxLength = 300;
    public const int BodyMaxLength = 2000;
    public const int LinkMaxLength = 300;
    public const int KeyMaxLength = 200;

    private Notification()
    {
        Kind = string.Empty;
        Title = string.Empty;
    }

    public long Id { get; private set; }
    public int OrgUnitId { get; private set; }

    /// <summary>What happened, as a stable camelCase word (assigned, escalated, …) for filters and UIs.</summary>
    public string Kind { get; private set; }
    public string Title { get; private set; }
    public string? Body { get; private set; }
    public int? SupervisionItemId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The page the message is about, as a path under the site (/supervision/12, /reporting/330100/2026-05).</summary>
    public string? Link { get; private set; }

    /// <summary>Goes out at once rather than in the next digest (a third-level escalation).</summary>
    public bool Urgent { get; private set; }

    /// <summary>
    /// Set on messages a scheduled job writes (reminders): the job's name for the message and its day, unique, so a job run
    /// twice for a day queues nothing twice.
    /// </summary>
    public string? Key { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }
    public string? ReadBy { get; private set; }

    public static Notification Create(int orgUnitId, string kind, string title, string? body, int? supervisionItemId, DateTimeOffset at, string? link = null, bool urgent = false, string? key = null) => new()
    {
        Link = link is null ? null : Clip(link, LinkMaxLength),
        Urgent = urgent,
        Key = key is null ? null : Code.RequireText(key, "key", KeyMaxLength),
        OrgUnitId = orgUnitId,
        Kind = Code.RequireText(kind, "kind", KindMaxLength),
        Title = Clip(Code.RequireText(title, "title", int.MaxValue), TitleMaxLength),
        Body = Code.OptionalText(body, "body", int.MaxValue) is { } b ? Clip(b, BodyMaxLength) : null,
        SupervisionItemId = supervisionItemId,
        CreatedAt = at,
    };

    /// <summary>Marks the message read; the first reader is kept.</summary>
    public void MarkRead(string by, DateTimeOffset at)
    {
        if (ReadAt is not null)
        {
            return;
        }

        ReadAt = at;
        ReadBy = Code.RequireText(by, "actor", Stamp.ActorMaxLength);
    }

    // Titles quote item titles and comments that can be long; a message is cut rather than refused, since
    // refusing it would refuse the change that caused it.
    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
