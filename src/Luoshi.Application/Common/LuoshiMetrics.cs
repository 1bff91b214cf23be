using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Luoshi.Application.Common;

/// <summary>
/// Luoshi's own measurements (meter <c>Luoshi</c>), beside the ones ASP.NET Core and the runtime publish.
/// The web tier exposes all of them in Prometheus text format at <c>/metrics</c>.
/// </summary>
public sealed class LuoshiMetrics
{
    public const string MeterName = "Luoshi";

    private readonly Counter<long> _snapshotLoads;
    private readonly Histogram<double> _snapshotLoadSeconds;
    private readonly Counter<long> _snapshotUpdates;
    private readonly Histogram<double> _snapshotUpdateSeconds;
    private readonly Counter<long> _jobRuns;
    private readonly Counter<long> _databaseUnavailable;

    public LuoshiMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _snapshotLoads = meter.CreateCounter<long>("luoshi.evaluation.snapshot.loads", "{load}", "Evaluation snapshots loaded from the database (after each data change)");
        _snapshotLoadSeconds = meter.CreateHistogram<double>("luoshi.evaluation.snapshot.load.duration", "s", "Time to load an evaluation snapshot",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });
        _snapshotUpdates = meter.CreateCounter<long>("luoshi.evaluation.snapshot.updates", "{update}", "Evaluation snapshots moved on by the readings and targets changed since their version");
        _snapshotUpdateSeconds = meter.CreateHistogram<double>("luoshi.evaluation.snapshot.update.duration", "s", "Time to read the changed rows and apply them to the snapshot",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1] });
        _jobRuns = meter.CreateCounter<long>("luoshi.jobs.runs", "{run}", "Scheduled job runs by job and outcome (done, skipped, failed)");
        _databaseUnavailable = meter.CreateCounter<long>("luoshi.database.unavailable", "{request}", "Requests answered 503 because the database could not be reached");
    }

    public void SnapshotLoaded(TimeSpan took, long readings)
    {
        _snapshotLoads.Add(1);
        _snapshotLoadSeconds.Record(took.TotalSeconds, new KeyValuePair<string, object?>("readings.bucket", readings < 1_000_000 ? "<1M" : ">=1M"));
    }

    public void SnapshotUpdated(TimeSpan took, int changes)
    {
        _snapshotUpdates.Add(1);
        _snapshotUpdateSeconds.Record(took.TotalSeconds, new KeyValuePair<string, object?>("changes.bucket", changes < 100 ? "<100" : changes < 10_000 ? "<10k" : ">=10k"));
    }

    public void JobRun(string job, string outcome) =>
        _jobRuns.Add(1, new KeyValuePair<string, object?>("job", job), new KeyValuePair<string, object?>("outcome", outcome));

    public void DatabaseUnavailable() => _databaseUnavailable.Add(1);

    /// <summary>Starts timing something to report through one of the methods above.</summary>
    public static long Start() => Stopwatch.GetTimestamp();
}
