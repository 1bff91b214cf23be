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

    /// <summary>The org unit code the message is for; a sender maps it to addresses of its own kind.</summary>
    public string Recipient { get; private set; }
    public string Subject { get; private set; }
    public string Body { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }

    // UTC DateTime: compared in SQL on SQLite too (see JobLease.LeasedUntil).
    public DateTime? ClaimedUntil { get; private set; }
    public DateTime? NextAttemptAt { get; private set; }

    public static OutboxMessage Create(string channel, string recipient, string subject, string body, DateTimeOffset at) => new()
    {
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
        LastError = null;
    }

    /// <summary>Counts a failed attempt and waits longer before each retry (1, 2, 4 … minutes), up to <see cref="MaxAttempts"/>.</summary>
    public void MarkFailed(string error, DateTimeOffset at)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        ClaimedUntil = null;
        NextAttemptAt = at.UtcDateTime.AddMinutes(Math.Pow(2, Attempts - 1));
    }
}
