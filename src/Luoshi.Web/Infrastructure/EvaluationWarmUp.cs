using Luoshi.Application.Data;
using Luoshi.Application.Evaluation;

namespace Luoshi.Web.Infrastructure;

/// <summary>
/// Loads the evaluation engine's snapshot once the database is ready, in the background, so that the first
/// reader of the dashboard does not wait for it. Requests that come sooner wait on the same load.
/// </summary>
internal sealed class EvaluationWarmUp(IServiceProvider services, Application.Operations.HeapLimit.Decision heap, ILogger<EvaluationWarmUp> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            await using var scope = services.CreateAsyncScope();
            var snapshot = await scope.ServiceProvider.GetRequiredService<EvaluationCache>().Get(scope.ServiceProvider.GetRequiredService<LuoshiDbContext>(), stoppingToken);
            log.LogInformation("Evaluation snapshot loaded: {Readings} readings; {Heap}", snapshot.ReadingCount, heap);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Only a head start: the first evaluation loads the snapshot itself and reports what went wrong.
            log.LogWarning(e, "Evaluation snapshot warm-up failed");
        }
    }
}
