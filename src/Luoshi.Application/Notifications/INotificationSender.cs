using Microsoft.Extensions.Logging;

namespace Luoshi.Application.Notifications;

/// <summary>
/// A way out for notifications. Each registered sender is a channel: every inbox message gets one outbox
/// row per channel. An email or SMS adapter implements this, maps the recipient unit code to its own
/// addresses, and is registered in place of (or beside) <see cref="LoggingNotificationSender"/>; a throw
/// counts as a failed attempt and is retried later.
/// </summary>
public interface INotificationSender
{
    /// <summary>The channel's name as stored in the outbox (e.g. "log", "email", "sms").</summary>
    string Channel { get; }

    Task SendAsync(OutboxMessage message, CancellationToken ct);
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
