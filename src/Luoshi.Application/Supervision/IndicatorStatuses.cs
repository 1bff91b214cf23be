using Luoshi.Application.Evaluation;
using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;

namespace Luoshi.Application.Supervision;

/// <summary>
/// Reads indicator statuses over recent periods from the evaluation engine (through the shared snapshot
/// cache, not the <see cref="Evaluate"/> use case: these are facts the system checks for itself, whatever
/// the reach of the person whose action triggered the check).
/// </summary>
public sealed class IndicatorStatuses(EvaluationCache cache, Data.LuoshiDbContext db)
{
    private readonly Dictionary<Period, EvaluationResult> _results = [];
    private readonly Dictionary<(Period, string), EvaluationResult> _atUnit = [];
    private EvaluationSnapshot? _snapshot;

    public async Task<EvaluationSnapshot> Snapshot(CancellationToken ct) => _snapshot ??= await cache.Get(db, ct);

    /// <summary>
    /// The latest <paramref name="count"/> periods of the indicator's own frequency whose figures were due by
    /// <paramref name="asOf"/>, newest first.
    /// </summary>
    public static IReadOnlyList<Period> LatestDue(Frequency frequency, int dueDay, DateOnly asOf, int count)
    {
        var p = Period.LastComplete(frequency, asOf);
        while (p.DueDate(dueDay) > asOf)
        {
            p = p.Previous;
        }

        var periods = new List<Period>(count);
        for (int k = 0; k < count && p.Year >= Period.MinYear + 1; k++, p = p.Previous)
        {
            periods.Add(p);
        }

        return periods;
    }

    /// <summary>The evaluation of every unit at a period (memoised for the life of this object: one run, one snapshot).</summary>
    public async Task<EvaluationResult> At(Period period, DateOnly asOf, CancellationToken ct)
    {
        if (!_results.TryGetValue(period, out var result))
        {
            result = Evaluator.Evaluate(await Snapshot(ct), period, asOf);
            _results[period] = result;
        }

        return result;
    }

    /// <summary>Statuses of one indicator at one unit over its latest <paramref name="count"/> due periods, newest first.</summary>
    public async Task<IReadOnlyList<EvaluationStatus>> Recent(string indicatorCode, string orgCode, DateOnly asOf, int count, CancellationToken ct)
    {
        var snapshot = await Snapshot(ct);
        if (snapshot.FindIndicator(indicatorCode) is not { } indicator)
        {
            return [];
        }

        var statuses = new List<EvaluationStatus>(count);
        foreach (var period in LatestDue(indicator.Frequency, indicator.DueDay, asOf, count))
        {
            // One unit alone: the engine still reads rolled-up values from the snapshot, so the status is the one
            // the whole-tree evaluation shows for it.
            if (!_atUnit.TryGetValue((period, orgCode), out var result))
            {
                result = Evaluator.Evaluate(snapshot, period, asOf, orgCode, depth: 0);
                _atUnit[(period, orgCode)] = result;
            }

            statuses.Add(result.Find(indicatorCode, orgCode)?.Status ?? EvaluationStatus.None);
        }

        return statuses;
    }
}
