using Luoshi.Domain.Common;

namespace Luoshi.Domain.Evaluation;

/// <summary>How many rows have each status.</summary>
public readonly record struct StatusCounts(int Green, int Yellow, int Red, int Grey, int None)
{
    public int Total => Green + Yellow + Red + Grey + None;

    public StatusCounts With(EvaluationStatus status, int count = 1) => status switch
    {
        EvaluationStatus.Green => this with { Green = Green + count },
        EvaluationStatus.Yellow => this with { Yellow = Yellow + count },
        EvaluationStatus.Red => this with { Red = Red + count },
        EvaluationStatus.Grey => this with { Grey = Grey + count },
        _ => this with { None = None + count },
    };

    public StatusCounts Plus(StatusCounts other) =>
        new(Green + other.Green, Yellow + other.Yellow, Red + other.Red, Grey + other.Grey, None + other.None);
}

/// <summary>
/// One period of a range evaluation: row counts per status, and the sums of actual and expected values
/// over the rows as checksums for comparing with another engine.
/// </summary>
public sealed record PeriodSummary(Period Period, StatusCounts Counts, double ActualSum, double ExpectedSum)
{
    public int Rows => Counts.Total;
}

public sealed record RangeEvaluation(IReadOnlyList<PeriodSummary> Periods)
{
    public int Rows => Periods.Sum(p => p.Rows);

    public StatusCounts Counts => Periods.Aggregate(default(StatusCounts), (sum, p) => sum.Plus(p.Counts));
}
