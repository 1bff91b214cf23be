using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Luoshi.Application.Data;

/// <summary>
/// Keeps a job's lease alive while the job runs: renews it every third of its length through a database
/// context of its own. Leases can then be short (minutes), so that the job of a server killed mid-run is
/// taken over by another server soon after, while a long run on a live server is never run twice.
/// </summary>
public sealed partial class JobLeaseKeeper(IServiceScopeFactory scopes, TimeProvider clock, ILogger<JobLeaseKeeper> log)
{
    public IAsyncDisposable Keep(string name, string holder, TimeSpan lease) => new Renewal(this, name, holder, lease);

    private async Task RenewLoop(string name, string holder, TimeSpan lease, CancellationToken ct)
    {
        var every = lease / 3;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, clock, ct);
                await using var scope = scopes.CreateAsyncScope();
                if (!await JobLease.Renew(scope.ServiceProvider.GetRequiredService<LuoshiDbContext>(), name, holder, clock.GetUtcNow(), lease, ct))
                {
                    Lost(log, name, holder);
                    return;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be back before the lease ends; keep trying until the job finishes.
                RenewFailed(log, name, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease of job {Job} was lost by {Holder}")]
    private static partial void Lost(ILogger log, string job, string holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the lease of job {Job}")]
    private static partial void RenewFailed(ILogger log, string job, Exception e);

    private sealed class Renewal : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public Renewal(JobLeaseKeeper keeper, string name, string holder, TimeSpan lease) =>
            _loop = keeper.RenewLoop(name, holder, lease, _stop.Token);

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _loop;
            _stop.Dispose();
        }
    }
}
