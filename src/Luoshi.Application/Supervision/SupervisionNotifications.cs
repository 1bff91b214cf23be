using Luoshi.Application.Data;
using Luoshi.Application.Notifications;
using Luoshi.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Supervision;

/// <summary>Turns history entries into inbox messages (<see cref="SupervisionNotices"/>) for the units that should hear of them.</summary>
public sealed class SupervisionNotifications(LuoshiDbContext db, Notify notify)
{
    private Dictionary<int, (string Code, int? ParentId)>? _units;

    /// <summary>Reads the units once, so that a job can then add messages inside a short write transaction without reading.</summary>
    public async Task Prepare(CancellationToken ct)
    {
        await Units(ct);
        await notify.Prepare(ct);
    }

    /// <summary>Adds the messages to the context; the caller saves them with the change. The item must have its id.</summary>
    public async Task Send(SupervisionItem item, IEnumerable<SupervisionEvent> events, CancellationToken ct)
    {
        var units = await Units(ct);
        await notify.Prepare(ct);
        var parent = units.TryGetValue(item.LeadUnitId, out var lead) ? lead.ParentId : null;
        foreach (var e in events)
        {
            foreach (var n in SupervisionNotices.For(item, e, parent))
            {
                // A third-level escalation reaches the supervising office: it goes out at once, not in the next digest.
                bool urgent = e.Action == SupervisionAction.Escalate && e.Level >= 3;
                notify.Add(n.UnitId, units.TryGetValue(n.UnitId, out var u) ? u.Code : "?", n.Kind, n.Title, n.Body, item.Id, $"/supervision/items/{item.Id}", urgent);
            }
        }
    }

    private async Task<Dictionary<int, (string Code, int? ParentId)>> Units(CancellationToken ct) =>
        _units ??= await db.OrgUnits.AsNoTracking().Select(u => new { u.Id, u.Code, u.ParentId }).ToDictionaryAsync(u => u.Id, u => (u.Code, u.ParentId), ct);
}
