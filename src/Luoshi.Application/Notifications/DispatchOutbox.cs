using Luoshi.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Luoshi.Application.Notifications;

/// <summary>
/// Hands waiting outbox messages to their channel's sender. Each message is first claimed with one
/// conditional UPDATE (a few minutes' hold), so that servers running this side by side never send the same
/// message at the same time; a sender that fails leaves it for a later retry. Delivery is at least once: a
/// server that dies after sending and before recording it lets the claim lapse and the message goes again.
/// </summary>
public sealed partial class DispatchOutbox(LuoshiDbContext db, IEnumerable<INotificationSender> senders, TimeProvider clock, ILogger<DispatchOutbox> log)
{
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(5);

    public sealed record Result(int Sent, int Failed);

    public async Task<Result> Handle(int max, CancellationToken ct)
    {
        var byChannel = senders.GroupBy(s => s.Channel, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var utcNow = now.UtcDateTime;
        var channels = byChannel.Keys.ToList();
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.Attempts < OutboxMessage.MaxAttempts && channels.Contains(m.Channel)
                        && (m.NextAttemptAt == null || m.NextAttemptAt <= utcNow) && (m.ClaimedUntil == null || m.ClaimedUntil < utcNow))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(max).ToListAsync(ct);

        int sent = 0, failed = 0;
        foreach (var id in due)
        {
            var until = utcNow + Hold;
            int claimed = await db.OutboxMessages
                .Where(m => m.Id == id && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < utcNow))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until), ct);
            if (claimed == 0)
            {
                continue;
            }

            var message = await db.OutboxMessages.SingleAsync(m => m.Id == id, ct);
            try
            {
                await byChannel[message.Channel].SendAsync(message, ct);
                message.MarkSent(clock.GetUtcNow());
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                message.MarkFailed(e.Message, clock.GetUtcNow());
                failed++;
                SendFailed(log, e, message.Id, message.Channel, message.Attempts);
            }

            await db.SaveChangesAsync(ct);
        }

        return new Result(sent, failed);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} failed on channel {Channel} (attempt {Attempts})")]
    private static partial void SendFailed(ILogger logger, Exception error, long id, string channel, int attempts);
}
