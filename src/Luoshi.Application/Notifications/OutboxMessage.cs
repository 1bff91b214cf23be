namespace Luoshi.Application.Notifications;

/// <summary>
/// A message waiting to leave through one channel (log, email, SMS …), written in the same transaction as
/// the change it reports, so that a change is never announced without happening nor happens unannounced.
/// <see cref="DispatchOutbox"/> delivers it at least once.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxAttempts = 8;

    private OutboxMessage()
    {
        Channel = string.Empty;
        Recipient = string.Empty;
        Subject = string.Empty;
        Body = string.Empty;
    }

    public long Id { get; private set; }
    public string Channel { get; private set; }

    /// <summary>
    /// Whom the row is for: the org unit code on channels that speak to a unit (log, webhooks), the user name on channels
    /// that speak to a person (email), which the sender maps to the person's address when it sends.
    /// </summary>
    public string Recipient { get; private set; }
    public string Subject { get; private set; }
    public string Body { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }

    // UTC DateTime: compared in SQL on SQLite too (see JobLease.LeasedUntil).
    public DateTime? ClaimedUntil { get; private set; }

    /// <summary>Not before this instant: a retry's back-off, or the end of the digest window a person's email waits for.</summary>
    public DateTime? NextAttemptAt { get; private set; }

    /// <summary>Who holds the current claim: rows claimed together (one person's digest) carry the same token.</summary>
    public string? ClaimToken { get; private set; }

    /// <summary>The inbox message this row delivers (none for rows written before 2026-12).</summary>
    public long? NotificationId { get; private set; }

    /// <summary>The page the message is about, a path under the site.</summary>
    public string? Link { get; private set; }

    /// <summary>The inbox message, while it is being written with this row (its id is known only once saved).</summary>
    public Domain.Notifications.Notification? Source { get; private set; }

    public static OutboxMessage Create(string channel, string recipient, string subject, string body, DateTimeOffset at, Domain.Notifications.Notification? source = null, string? link = null, DateTimeOffset? notBefore = null) => new()
    {
        Source = source,
        Link = link,
        NextAttemptAt = notBefore?.UtcDateTime,
        Channel = channel,
        Recipient = recipient,
        Subject = subject,
        Body = body,
        CreatedAt = at,
    };

    public void MarkSent(DateTimeOffset at)
    {
        SentAt = at;
        Attempts++;
        ClaimedUntil = null;
        ClaimToken = null;
        LastError = null;
    }

    /// <summary>Whether a later retry may still deliver it.</summary>
    public bool GaveUp => SentAt is null && Attempts >= MaxAttempts;

    /// <summary>Counts a failed attempt and waits longer before each retry (1, 2, 4 … minutes), up to <see cref="MaxAttempts"/>.</summary>
    public void MarkFailed(string error, DateTimeOffset at)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        ClaimedUntil = null;
        ClaimToken = null;
        NextAttemptAt = at.UtcDateTime.AddMinutes(Math.Pow(2, Attempts - 1));
    }
}
