using Microsoft.Extensions.Logging;

namespace Luoshi.Application.Notifications;

/// <summary>
/// A way out for notifications. Each sender is a channel: every inbox message gets one outbox row per channel
/// that speaks to its unit (log, a webhook whose subtree holds the unit), or one per person of the unit on a
/// channel that speaks to people (email). Senders registered in the container are channels beside the ones the
/// settings turn on (<see cref="NotificationChannels"/>); a throw counts as a failed attempt and is retried later.
/// </summary>
public interface INotificationSender
{
    /// <summary>The channel's name as stored in the outbox (e.g. "log", "email", "webhook:ops").</summary>
    string Channel { get; }

    /// <summary>The org unit (code) whose subtree the channel serves; null for every unit.</summary>
    string? Org => null;

    Task SendAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>A person a channel writes to, as the outbox row names them (their user name) and where they are reached.</summary>
public sealed record NotificationPerson(string Name, string DisplayName, string Address);

/// <summary>
/// A channel that speaks to people, not units: its rows are one per person of the unit, and all of a person's waiting
/// rows leave together in one message (a digest).
/// </summary>
public interface IPersonalNotificationSender : INotificationSender
{
    Task SendAsync(NotificationPerson to, IReadOnlyList<OutboxMessage> messages, CancellationToken ct);

    Task INotificationSender.SendAsync(OutboxMessage message, CancellationToken ct) =>
        throw new InvalidOperationException($"channel {Channel} sends to people: the outbox hands it a person and their messages");
}

/// <summary>The default channel: writes each message to the log, so that a fresh installation shows what it would send.</summary>
public sealed partial class LoggingNotificationSender(ILogger<LoggingNotificationSender> log) : INotificationSender
{
    public string Channel => "log";

    public Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        Sent(log, message.Recipient, message.Subject);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification to {Recipient}: {Subject}")]
    private static partial void Sent(ILogger logger, string recipient, string subject);
}
