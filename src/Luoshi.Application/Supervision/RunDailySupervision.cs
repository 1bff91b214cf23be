using Luoshi.Application.Common;
using System.Globalization;
using Luoshi.Application.Data;
using Microsoft.Extensions.Options;

namespace Luoshi.Application.Supervision;

/// <summary>
/// The day's supervision run — escalation and reminders, then the opening rules — done once per day across
/// all servers: from <see cref="SupervisionOptions.RunAt"/> (China time) the first server to claim the day's
/// lease runs it; the others find it taken or done (docs/adr/0009). Both steps are idempotent, so a run
/// repeated after a crash changes nothing twice.
/// </summary>
public sealed class RunDailySupervision(
    LuoshiDbContext db, LocalCalendar calendar, IOptions<SupervisionOptions> options, EscalateOverdue escalate, RunSupervisionRules rules, JobLeaseKeeper keeper, Common.LuoshiMetrics metrics)
{
    /// <summary>Renewed while the run lasts; the day's run of a holder that dies is free again this long after.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public sealed record Result(DateOnly Day, EscalateOverdue.Result Escalation, RunSupervisionRules.Result Rules)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Day:yyyy-MM-dd}: {Escalation.Escalated.Count} escalated, {Escalation.Reminded.Count} reminded, {Rules.Opened.Count} opened, {Rules.Absorbed.Count} absorbed, {Rules.AlreadyOpen} already open");
    }

    /// <summary>
    /// The day's work now, for a date (default today in China), outside the schedule and its lease: after the office has
    /// changed its rules, or to catch up after downtime. Both steps are idempotent for a date, so running it beside the
    /// scheduled run changes nothing twice; both write in short batches, so people's writes go on meanwhile.
    /// </summary>
    public async Task<Result> RunNow(DateOnly? asOf, CancellationToken ct)
    {
        var day = asOf ?? calendar.Today;
        var escalation = await escalate.Handle(day, ct);
        var opened = await rules.Handle(new RunSupervisionRules.Request(day), ct);
        return new Result(day, escalation, opened);
    }

    /// <summary>Runs the day's work if it is due and this holder wins the lease; null otherwise.</summary>
    public async Task<Result?> RunIfDue(string holder, CancellationToken ct)
    {
        var now = calendar.UtcNow;
        var local = calendar.ToLocal(now);
        var day = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) < options.Value.RunAtTime)
        {
            return null;
        }

        if (!await JobLease.TryClaim(db, JobLease.SupervisionDaily, day, holder, now, Lease, ct))
        {
            return null;
        }

        try
        {
            Result result;
            await using (keeper.Keep(JobLease.SupervisionDaily, holder, Lease))
            {
                var escalation = await escalate.Handle(day, ct);
                var opened = await rules.Handle(day, ct);
                result = new Result(day, escalation, opened);
            }

            await JobLease.Complete(db, JobLease.SupervisionDaily, day, holder, calendar.UtcNow, result.ToString(), ct);
            metrics.JobRun(JobLease.SupervisionDaily, "done");
            return result;
        }
        catch
        {
            metrics.JobRun(JobLease.SupervisionDaily, "failed");
            await JobLease.Release(db, JobLease.SupervisionDaily, holder, CancellationToken.None);
            throw;
        }
    }
}
