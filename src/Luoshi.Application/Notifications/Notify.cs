using Luoshi.Application.Data;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Application.Notifications;

/// <summary>
/// Puts a message in a unit's inbox and its outbox rows, on the caller's DbContext: they are saved with the change that
/// caused them, in its transaction. A channel that speaks to a unit gets one row when its subtree holds the unit; email
/// gets one row per person of the unit (a grant bound to the unit itself) who has an address and wants the kind, held
/// back to the end of the digest window unless it is urgent or the person wants email at once.
/// </summary>
public sealed class Notify(LuoshiDbContext db, NotificationChannels channels, TimeProvider clock, IOptions<NotificationOptions> options)
{
    private sealed record Person(string Name, bool AtOnce, string? Muted);

    private bool _prepared;
    private Dictionary<int, string> _paths = [];
    private Dictionary<string, string?> _channelPaths = [];
    private ILookup<int, Person> _people = Array.Empty<Person>().ToLookup(_ => 0);

    /// <summary>
    /// Reads what addressing needs once — unit paths when a channel serves a subtree, people when email is on; nothing
    /// when every channel speaks to every unit — so that a job can then add messages inside a short write transaction.
    /// </summary>
    public async Task Prepare(CancellationToken ct)
    {
        if (_prepared)
        {
            return;
        }

        if (channels.All.Any(c => c.Org is not null))
        {
            var units = await db.OrgUnits.AsNoTracking().Select(u => new { u.Id, u.Code, u.Path }).ToListAsync(ct);
            var byCode = units.ToDictionary(u => u.Code, u => u.Path, StringComparer.Ordinal);

            // A channel bound to a unit that does not exist hears nothing (rather than everything).
            _channelPaths = channels.All.Where(c => c.Org is not null).ToDictionary(c => c.Channel, c => byCode.GetValueOrDefault(c.Org!), StringComparer.Ordinal);
            _paths = units.ToDictionary(u => u.Id, u => u.Path);
        }

        if (channels.Email is not null)
        {
            _people = (await (from g in db.UserGrants.AsNoTracking()
                              join u in db.Users.AsNoTracking() on g.UserId equals u.Id
                              where u.Email != null && !u.IsDisabled && g.ScopeUnitId != null && g.Role != Role.Public
                              select new { Unit = g.ScopeUnitId!.Value, u.Name, u.EmailAtOnce, u.MutedKinds }).ToListAsync(ct))
                .DistinctBy(x => (x.Unit, x.Name)).ToLookup(x => x.Unit, x => new Person(x.Name, x.EmailAtOnce, x.MutedKinds));
        }

        _prepared = true;
    }

    /// <summary>Adds the message and its outbox rows; <see cref="Prepare"/> must have run in this scope.</summary>
    public Notification Add(int unitId, string unitCode, string kind, string title, string? body, int? supervisionItemId, string? link = null, bool urgent = false, string? key = null)
    {
        if (!_prepared)
        {
            throw new InvalidOperationException("Notify.Prepare must run before messages are added");
        }

        var now = clock.GetUtcNow();
        var notification = Notification.Create(unitId, kind, title, body, supervisionItemId, now, link, urgent, key);
        db.Notifications.Add(notification);
        var path = _paths.GetValueOrDefault(unitId);
        var text = notification.Body ?? notification.Title;
        foreach (var channel in channels.All)
        {
            if (channel is IPersonalNotificationSender)
            {
                foreach (var person in _people[unitId].Where(p => p.Muted is null || !p.Muted.Split(',').Contains(kind, StringComparer.Ordinal)))
                {
                    DateTimeOffset? notBefore = urgent || person.AtOnce ? null : now.AddMinutes(options.Value.DigestMinutes);
                    db.OutboxMessages.Add(OutboxMessage.Create(channel.Channel, person.Name, notification.Title, text, now, notification, notification.Link, notBefore));
                }

                continue;
            }

            if (channel.Org is not null && (_channelPaths.GetValueOrDefault(channel.Channel) is not { } top || path is null || !path.StartsWith(top, StringComparison.Ordinal)))
            {
                continue;
            }

            db.OutboxMessages.Add(OutboxMessage.Create(channel.Channel, unitCode, notification.Title, text, now, notification, notification.Link));
        }

        return notification;
    }
}
