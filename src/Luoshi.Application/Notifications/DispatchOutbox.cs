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

    /// <summary>Sends up to <paramref name="max"/> due rows of each channel; each channel is read on its own, so rows waiting for a dead endpoint never crowd out another channel's.</summary>
    public async Task<Result> Handle(int max, CancellationToken ct)
    {
        int sent = 0, failed = 0;
        foreach (var sender in channels.All)
        {
            var (s, f) = await Channel(sender, max, ct);
            sent += s;
            failed += f;
        }

        return new Result(sent, failed);
    }

    private async Task<(int Sent, int Failed)> Channel(INotificationSender sender, int max, CancellationToken ct)
    {
        var utcNow = clock.GetUtcNow().UtcDateTime;
        var channel = sender.Channel;
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Channel == channel && m.SentAt == null && m.Attempts < OutboxMessage.MaxAttempts
                        && (m.NextAttemptAt == null || m.NextAttemptAt <= utcNow) && (m.ClaimedUntil == null || m.ClaimedUntil < utcNow))
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.Recipient }).Take(max).ToListAsync(ct);

        int sent = 0, failed = 0;
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in due)
        {
            var token = Guid.NewGuid().ToString("N");
            var until = utcNow + Hold;
            var claim = db.OutboxMessages.Where(m => m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < utcNow));
            if (sender is IPersonalNotificationSender)
            {
                // Everything waiting for the person goes with the row that fell due: the rest of the digest window's rows ride along.
                if (!done.Add(row.Recipient))
                {
                    continue;
                }

                claim = claim.Where(m => m.Channel == channel && m.Recipient == row.Recipient && m.Attempts < OutboxMessage.MaxAttempts);
            }
            else
            {
                claim = claim.Where(m => m.Id == row.Id);
            }

            if (await claim.ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedUntil, until).SetProperty(m => m.ClaimToken, token), ct) == 0)
            {
                continue;
            }

            var rows = await db.OutboxMessages.Where(m => m.ClaimToken == token && m.SentAt == null).OrderBy(m => m.Id).ToListAsync(ct);
            bool channelDown = false;
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
                channelDown = e is not NoAddressException;
                SendFailed(log, e, row.Id, channel, rows[0].Attempts);
            }

            await db.SaveChangesAsync(ct);
            if (channelDown)
            {
                // The rest of this channel waits for the next run: one dead endpoint costs one timeout per run.
                break;
            }
        }

        return (sent, failed);
    }

    /// <summary>The person has lost their address (or been disabled) since the row was written: their problem, not the channel's.</summary>
    private sealed class NoAddressException(string user) : Exception($"user '{user}' has no email address or is disabled");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} failed on channel {Channel} (attempt {Attempts})")]
    private static partial void SendFailed(ILogger logger, Exception error, long id, string channel, int attempts);
}
