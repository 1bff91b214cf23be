using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Application.Supervision;
using Microsoft.Extensions.Options;

namespace Luoshi.Application.Notifications;

/// <summary>
/// The day's reporting reminders, queued once per day across all servers from the supervision run's hour (China time):
/// the first server to claim the day's lease queues them (docs/adr/0009); queuing is idempotent per day anyway.
/// </summary>
public sealed class RunDailyReminders(LuoshiDbContext db, LocalCalendar calendar, IOptions<SupervisionOptions> options, QueueReportingReminders reminders, LuoshiMetrics metrics)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public async Task<QueueReportingReminders.Result?> RunIfDue(string holder, CancellationToken ct)
    {
        var now = calendar.UtcNow;
        var local = calendar.ToLocal(now);
        var day = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) < options.Value.RunAtTime)
        {
            return null;
        }

        if (!await JobLease.TryClaim(db, JobLease.RemindersDaily, day, holder, now, Lease, ct))
        {
            return null;
        }

        try
        {
            var result = await reminders.Handle(day, ct);
            await JobLease.Complete(db, JobLease.RemindersDaily, day, holder, calendar.UtcNow, result.ToString(), ct);
            metrics.JobRun(JobLease.RemindersDaily, "done");
            return result;
        }
        catch
        {
            metrics.JobRun(JobLease.RemindersDaily, "failed");
            await JobLease.Release(db, JobLease.RemindersDaily, holder, CancellationToken.None);
            throw;
        }
    }
}
