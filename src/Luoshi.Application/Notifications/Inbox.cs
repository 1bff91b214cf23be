using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Notifications;

public sealed record NotificationView(long Id, string Org, string Kind, string Title, string? Body, int? SupervisionItem, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt, string? ReadBy);

public sealed record InboxView(string Org, int Unread, IReadOnlyList<NotificationView> Items);

/// <summary>A unit's inbox, newest first; readable by whoever may read the unit's data.</summary>
public sealed class ReadInbox(LuoshiDbContext db, ICurrentActor actor)
{
    public const int MaxRows = 500;

    public async Task<InboxView> Handle(string? org, bool unreadOnly, int limit, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(org))
        {
            throw InputRefusedException.Single("org", new Text("须指定单位", "the org unit is required"));
        }

        if (limit is < 1 or > MaxRows)
        {
            throw InputRefusedException.Single("limit", new Text($"limit 须在1–{MaxRows}之间", $"limit must be 1–{MaxRows}"));
        }

        var unit = await db.OrgUnits.AsNoTracking().UnitByCodeAsync(org, ct);
        actor.Require(Permission.ReadAll, unit);
        var q = db.Notifications.AsNoTracking().Where(n => n.OrgUnitId == unit.Id);
        int unread = await q.CountAsync(n => n.ReadAt == null, ct);
        if (unreadOnly)
        {
            q = q.Where(n => n.ReadAt == null);
        }

        var rows = await q.OrderByDescending(n => n.Id).Take(limit).ToListAsync(ct);
        return new InboxView(unit.Code, unread, [.. rows.Select(n => new NotificationView(n.Id, unit.Code, n.Kind, n.Title, n.Body, n.SupervisionItemId, n.CreatedAt, n.ReadAt, n.ReadBy))]);
    }
}

/// <summary>Marks one inbox message read, by someone who may read the unit's data.</summary>
public sealed class MarkNotificationRead(LuoshiDbContext db, ICurrentActor actor, TimeProvider clock)
{
    public async Task<NotificationView> Handle(long id, CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
        {
            throw new UnauthenticatedException();
        }

        var n = await db.Notifications.SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException(new Text("通知", "notification"), id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var unit = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == n.OrgUnitId, ct);
        actor.Require(Permission.ReadAll, unit);
        n.MarkRead(actor.Name, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new NotificationView(n.Id, unit.Code, n.Kind, n.Title, n.Body, n.SupervisionItemId, n.CreatedAt, n.ReadAt, n.ReadBy);
    }
}
