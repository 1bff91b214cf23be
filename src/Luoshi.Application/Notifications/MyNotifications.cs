using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Notifications;

/// <summary>How one message reached (or failed to reach) a person on a channel.</summary>
public sealed record DeliveryView(string Channel, DateTimeOffset? SentAt, int Attempts, string? LastError, bool GaveUp);

/// <summary>A message in the inbox of a unit the person works for, with what was sent to them about it.</summary>
public sealed record MyNotificationView(long Id, string Org, string Kind, string Title, string? Body, string? Link, bool Urgent, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt, IReadOnlyList<DeliveryView> Deliveries);

public sealed record MyNotificationsView(string User, string? Email, bool Digest, IReadOnlyList<string> MutedKinds, int DigestMinutes, bool EmailEnabled, IReadOnlyList<MyNotificationView> Items);

/// <summary>
/// The signed-in person's inbox: the messages of the units their grants are bound to, newest first, each with when it was
/// emailed to them (or why not yet). The record of everything sent to them, whatever their channel settings.
/// </summary>
public sealed class MyNotifications(LuoshiDbContext db, ICurrentActor actor, Microsoft.Extensions.Options.IOptions<NotificationOptions> options)
{
    public const int MaxRows = 500;

    public async Task<MyNotificationsView> Handle(int limit, CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
        {
            throw new UnauthenticatedException();
        }

        if (limit is < 1 or > MaxRows)
        {
            throw InputRefusedException.Single("limit", new Text($"limit 须在1–{MaxRows}之间", $"limit must be 1–{MaxRows}"));
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Name == actor.Name, ct)
            ?? throw new NotFoundException(new Text("用户", "user"), actor.Name);
        var units = await db.UserGrants.AsNoTracking().Where(g => g.UserId == user.Id && g.ScopeUnitId != null && g.Role != Role.Public)
            .Select(g => g.ScopeUnitId!.Value).Distinct().ToListAsync(ct);
        var rows = await (from n in db.Notifications.AsNoTracking()
                          join u in db.OrgUnits.AsNoTracking() on n.OrgUnitId equals u.Id
                          where units.Contains(n.OrgUnitId)
                          orderby n.Id descending
                          select new { n, u.Code }).Take(limit).ToListAsync(ct);
        var ids = rows.Select(r => (long?)r.n.Id).ToList();
        var deliveries = (await db.OutboxMessages.AsNoTracking()
                .Where(m => m.NotificationId != null && ids.Contains(m.NotificationId) && (m.Recipient == user.Name || m.Channel != EmailSender.ChannelName))
                .Select(m => new { m.NotificationId, m.Channel, m.SentAt, m.Attempts, m.LastError }).ToListAsync(ct))
            .ToLookup(m => m.NotificationId!.Value);
        var items = rows.Select(r => new MyNotificationView(
            r.n.Id, r.Code, r.n.Kind, r.n.Title, r.n.Body, r.n.Link, r.n.Urgent, r.n.CreatedAt, r.n.ReadAt,
            [.. deliveries[r.n.Id].OrderBy(d => d.Channel, StringComparer.Ordinal).Select(d => new DeliveryView(d.Channel, d.SentAt, d.Attempts, d.LastError, d.SentAt is null && d.Attempts >= OutboxMessage.MaxAttempts))])).ToList();
        var muted = user.MutedKinds?.Split(',') ?? [];
        return new MyNotificationsView(user.Name, user.Email, !user.EmailAtOnce, muted, options.Value.DigestMinutes, options.Value.EmailEnabled, items);
    }
}

/// <summary>The signed-in person sets their email address and how email reaches them.</summary>
public sealed class NotificationPreferences(LuoshiDbContext db, ICurrentActor actor)
{
    public sealed record Request(string? Email, bool? Digest, IReadOnlyList<string>? MutedKinds);

    /// <summary>The kinds a person may mute, as the messages name them.</summary>
    public static readonly IReadOnlyList<(string Kind, Text Name)> Kinds =
    [
        ("assigned", new Text("新交办", "assigned")),
        ("reminder", new Text("督办催办", "supervision reminders")),
        ("escalated", new Text("督办升级", "escalations")),
        ("returned", new Text("督办退回", "supervision returns")),
        ("closed", new Text("办结", "closed")),
        ("opened", new Text("规则新开", "opened by rules")),
        ("submitted", new Text("报结待核验", "submitted for verification")),
        ("reportDueSoon", new Text("报表即将截止", "report due soon")),
        ("reportDueToday", new Text("报表今天截止", "report due today")),
        ("reportOverdue", new Text("报表逾期", "report overdue")),
        ("reportAwaitingApproval", new Text("报表待审核", "report awaiting approval")),
        ("reportReturnedPending", new Text("退回未重报", "returned, not resubmitted")),
        ("reportReturned", new Text("报表退回", "report returned")),
        ("reportSubmitted", new Text("报表已报送", "report submitted")),
    ];

    public async Task Handle(Request r, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (!actor.IsAuthenticated)
        {
            throw new UnauthenticatedException();
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Name == actor.Name, ct)
            ?? throw new NotFoundException(new Text("用户", "user"), actor.Name);
        var unknown = (r.MutedKinds ?? []).FirstOrDefault(k => !Kinds.Any(x => x.Kind == k));
        if (unknown is not null)
        {
            throw InputRefusedException.Single("mutedKinds", new Text($"未知的通知类别:{Parsing.Clip(unknown)}", $"unknown notification kind: '{Parsing.Clip(unknown)}'"));
        }

        user.SetEmail(r.Email);
        user.SetNotificationPreferences(r.Digest ?? true, r.MutedKinds ?? []);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", new Text("用户刚被他人修改,请刷新", "the user has just been changed; reload"));
        }
    }
}

/// <summary>A row that has not got through: still being retried, or given up after the last attempt.</summary>
public sealed record DeliveryFailureView(long Id, string Channel, string Recipient, string Subject, DateTimeOffset CreatedAt, int Attempts, string? LastError, DateTime? NextAttemptAt, bool GaveUp);

/// <summary>Delivery failures for admins: rows whose last attempt failed, newest first.</summary>
public sealed class DeliveryFailures(LuoshiDbContext db, ICurrentActor actor)
{
    public async Task<IReadOnlyList<DeliveryFailureView>> Handle(int limit, CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.ManageUsers);
        if (limit is < 1 or > MyNotifications.MaxRows)
        {
            throw InputRefusedException.Single("limit", new Text($"limit 须在1–{MyNotifications.MaxRows}之间", $"limit must be 1–{MyNotifications.MaxRows}"));
        }

        return await db.OutboxMessages.AsNoTracking().Where(m => m.SentAt == null && m.LastError != null).OrderByDescending(m => m.Id).Take(limit)
            .Select(m => new DeliveryFailureView(m.Id, m.Channel, m.Recipient, m.Subject, m.CreatedAt, m.Attempts, m.LastError, m.NextAttemptAt, m.Attempts >= OutboxMessage.MaxAttempts))
            .ToListAsync(ct);
    }
}

/// <summary>Sends a test email with the configured settings, straight away (not through the outbox).</summary>
public sealed class SendTestEmail(NotificationChannels channels, ICurrentActor actor, TimeProvider clock)
{
    public async Task Handle(string? address, CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.ManageUsers);
        if (string.IsNullOrWhiteSpace(address) || !MimeKit.MailboxAddress.TryParse(address, out _))
        {
            throw InputRefusedException.Single("to", new Text("须给出收件邮箱", "an email address to send to is required"));
        }

        var email = channels.Email ?? throw InputRefusedException.Single(NotificationOptions.Section + ":Email:Host", new Text("未设置邮件服务器", "no email host is set"));
        await email.SendTestAsync(address.Trim(), clock.GetUtcNow(), ct);
    }
}
