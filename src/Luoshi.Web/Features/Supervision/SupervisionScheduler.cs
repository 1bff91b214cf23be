using Luoshi.Application.Common;
using Luoshi.Application.Notifications;
using Luoshi.Application.Supervision;
using Luoshi.Domain.Identity;
using Microsoft.Extensions.Options;

namespace Luoshi.Web.Features.Supervision;

/// <summary>
/// Runs the closed loop's clock inside the server: every few minutes it sends waiting notifications and,
/// once a day from the configured time, escalation and the opening rules, then the reporting reminders (催报). Several servers may run it side
/// by side: the day's run is claimed through a lease row, so one of them does it (docs/adr/0009).
/// </summary>
internal sealed partial class SupervisionScheduler(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SupervisionOptions> options, ILogger<SupervisionScheduler> log)
    : BackgroundService
{
    private const int DispatchBatch = 200;

    /// <summary>Names this server in the lease row while it holds the day's run.</summary>
    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.ScheduleEnabled)
        {
            Disabled(log);
            return;
        }

        var interval = TimeSpan.FromMinutes(settings.CheckMinutes);
        while (!stoppingToken.IsCancellationRequested)
        {
            await TickAsync(stoppingToken);
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One check: the day's run if due and not taken, then the outbox. Failures are logged and retried next tick.</summary>
    public async Task TickAsync(CancellationToken ct)
    {
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<ActorScope>().Actor = new FixedActor("system", new ActorGrant(Role.Admin, null));
                if (await scope.ServiceProvider.GetRequiredService<RunDailySupervision>().RunIfDue(_holder, ct) is { } result)
                {
                    DailyRun(log, result.ToString());
                }
            }

            await using (var scope = scopes.CreateAsyncScope())
            {
                if (await scope.ServiceProvider.GetRequiredService<RunDailyReminders>().RunIfDue(_holder, ct) is { } reminders)
                {
                    RemindersRun(log, reminders.ToString());
                }
            }

            await using (var scope = scopes.CreateAsyncScope())
            {
                var sent = await scope.ServiceProvider.GetRequiredService<DispatchOutbox>().Handle(DispatchBatch, ct);
                if (sent.Sent + sent.Failed > 0)
                {
                    Dispatched(log, sent.Sent, sent.Failed);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            TickFailed(log, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Supervision schedule is disabled (Luoshi:Supervision:ScheduleEnabled=false)")]
    private static partial void Disabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily supervision run: {Summary}")]
    private static partial void DailyRun(ILogger logger, string summary);

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily reporting reminders: {Summary}")]
    private static partial void RemindersRun(ILogger logger, string summary);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notifications sent: {Sent}, failed: {Failed}")]
    private static partial void Dispatched(ILogger logger, int sent, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Supervision schedule tick failed; it is retried at the next check")]
    private static partial void TickFailed(ILogger logger, Exception error);
}
