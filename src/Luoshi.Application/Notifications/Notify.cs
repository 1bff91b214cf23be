using Luoshi.Application.Data;
using Luoshi.Domain.Notifications;

namespace Luoshi.Application.Notifications;

/// <summary>
/// Puts a message in a unit's inbox and one outbox row per channel, on the caller's DbContext: they are
/// saved with the change that caused them, in its transaction.
/// </summary>
public sealed class Notify(LuoshiDbContext db, IEnumerable<INotificationSender> senders, TimeProvider clock)
{
    private readonly string[] _channels = [.. senders.Select(s => s.Channel).Distinct(StringComparer.Ordinal)];

    public Notification Add(int unitId, string unitCode, string kind, string title, string? body, int? supervisionItemId)
    {
        var now = clock.GetUtcNow();
        var notification = Notification.Create(unitId, kind, title, body, supervisionItemId, now);
        db.Notifications.Add(notification);
        foreach (var channel in _channels)
        {
            db.OutboxMessages.Add(OutboxMessage.Create(channel, unitCode, notification.Title, notification.Body ?? notification.Title, now));
        }

        return notification;
    }
}
