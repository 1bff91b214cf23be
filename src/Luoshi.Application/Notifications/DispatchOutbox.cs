using Luoshi.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Luoshi.Application.Notifications;

/// <summary>
/// Hands waiting outbox messages to their channel's sender. Rows are first claimed with one conditional UPDATE that
/// stamps a token of this run (a few minutes' hold), so that servers running this side by side never send the same row
/// at the same time; a person's waiting email rows are claimed together and leave as one message. A sender that fails
/// leaves its rows for a later retry with back-off, and the channel is left alone for the rest of the run, so that one
/// dead endpoint costs one timeout and never holds up the others. Delivery is at least once: a server that dies after
/// sending and before recording it lets the claim lapse and the message goes again.
/// </summary>
public sealed partial class DispatchOutbox(LuoshiDbContext db, NotificationChannels channels, TimeProvider clock, ILogger<DispatchOutbox> log)
{
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(5);

    public sealed record Result(int Sent, int Failed);

    public async Task<Result> Handle(int max, CancellationToken ct)
    {
        var utcNow = clock.GetUtcNow().UtcDateTime;
        var names = channels.Names.ToList();
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.Attempts < OutboxMessage.MaxAttempts && names.Contains(m.Channel)
                        && (m.NextAttemptAt == null || m.NextAttemptAt <= utcNow) && (m.ClaimedUntil == null || m.ClaimedUntil < utcNow))
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.Channel, m.Recipient }).Take(max).ToListAsync(ct);

        int sent = 0, failed = 0;
        var down = new HashSet<string>(StringComparer.Ordinal);
        var done = new HashSet<(string, string)>();
        foreach (var row in due)
        {
            if (down.Contains(row.Channel) || channels.Find(row.Channel) is not { } sender)
            {
                continue;
            }

            var token = Guid.NewGuid().ToString("N");
            var until = utcNow + Hold;
            var claim = db.OutboxMessages.Where(m => m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < utcNow));
            if (sender is IPersonalNotificationSender)
            {
                // Everything waiting for the person goes with the row that fell due: the rest of the digest window's rows ride along.
                if (!done.Add((row.Channel, row.Recipient)))
                {
                    continue;
                }

                claim = claim.Where(m => m.Channel == row.Channel && m.Recipient == row.Recipient && m.Attempts < OutboxMessage.MaxAttempts);
            }
            else
            {
                claim = claim.Where(m => m.Id == row.Id);
            }

            if (await claim.ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until).SetProperty(m => m.ClaimToken, token), ct) == 0)
            {
                continue;
            }

            var rows = await db.OutboxMessages.Where(m => m.ClaimToken == token && m.SentAt == null).OrderBy(m => m.Id).ToListAsync(ct);
            try
            {
                if (sender is IPersonalNotificationSender personal)
                {
                    var person = await db.Users.AsNoTracking().Where(u => u.Name == row.Recipient && !u.IsDisabled && u.Email != null)
                        .Select(u => new NotificationPerson(u.Name, u.DisplayName, u.Email!)).SingleOrDefaultAsync(ct)
                        ?? throw new NoAddressException(row.Recipient);
                    await personal.SendAsync(person, rows, ct);
                }
                else
                {
                    await sender.SendAsync(rows[0], ct);
                }

                var at = clock.GetUtcNow();
                rows.ForEach(m => m.MarkSent(at));
                sent += rows.Count;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                var at = clock.GetUtcNow();
                rows.ForEach(m => m.MarkFailed(e.Message, at));
                failed += rows.Count;
                if (e is not NoAddressException)
                {
                    down.Add(row.Channel);
                }

                SendFailed(log, e, row.Id, row.Channel, rows[0].Attempts);
            }

            await db.SaveChangesAsync(ct);
        }

        return new Result(sent, failed);
    }

    /// <summary>The person has lost their address (or been disabled) since the row was written: their problem, not the channel's.</summary>
    private sealed class NoAddressException(string user) : Exception($"user '{user}' has no email address or is disabled");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} failed on channel {Channel} (attempt {Attempts})")]
    private static partial void SendFailed(ILogger logger, Exception error, long id, string channel, int attempts);
}
