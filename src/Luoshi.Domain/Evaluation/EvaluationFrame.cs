using Luoshi.Domain.Common;

namespace Luoshi.Domain.Evaluation;

/// <summary>
/// What the rows of one evaluation share: the snapshot, the period, "today", and per indicator the
/// resolved value sources (this period and the same period last year), target and progress lookups and
/// the national value. Each indicator's pass writes only its own slots; rows read them to work out
/// what they do not store.
/// </summary>
internal sealed class EvaluationFrame(EvaluationSnapshot snapshot, Period period, DateOnly asOf)
{
    public EvaluationSnapshot Snapshot { get; } = snapshot;
    public Period Period { get; } = period;
    public DateOnly AsOf { get; } = asOf;
    public ValueSource[] Current { get; } = new ValueSource[snapshot.Data.Length];
    public ValueSource?[] Previous { get; } = new ValueSource?[snapshot.Data.Length];
    public TargetLookup[] Targets { get; } = new TargetLookup[snapshot.Data.Length];
    public ProgressLookup[] Progress { get; } = new ProgressLookup[snapshot.Data.Length];
    public double[] National { get; } = new double[snapshot.Data.Length];
}
