namespace Luoshi.Domain.Indicators;

/// <summary>Which way is good. <see cref="Range"/>: inside the target range is good (e.g. CPI 左右).</summary>
public enum Direction
{
    Higher = 1,
    Lower = 2,
    Range = 3,
}

/// <summary>What a stored value means for its period: 累计值 / 当期值 / 时点值.</summary>
public enum ValueKind
{
    /// <summary>Year-to-date: the value for 2026-05 is January through May.</summary>
    Cumulative = 1,

    /// <summary>The value of that period alone.</summary>
    Period = 2,

    /// <summary>A rate or stock at the period's end.</summary>
    Level = 3,
}

/// <summary>How a parent unit's value comes from its children's.</summary>
public enum Aggregation
{
    Sum = 1,

    /// <summary>Only the unit's own reading counts (rates that cannot be added and have no formula).</summary>
    None = 2,

    /// <summary>Recomputed from the rolled-up inputs of the formula, so shares roll up as Σnumerator / Σdenominator.</summary>
    Formula = 3,
}

/// <summary>序时进度 profile: how much of an annual cumulative target is expected by a given month.</summary>
public enum ProgressProfile
{
    Linear = 1,

    /// <summary>The average monthly shares of earlier years.</summary>
    Seasonal = 2,

    /// <summary>Slow start, fast middle, slow end: investment projects.</summary>
    SCurve = 3,
}

public enum TargetQualifier
{
    /// <summary>以上: at least the value.</summary>
    AtLeast = 1,

    /// <summary>左右: the value ± the indicator's tolerance.</summary>
    Around = 2,

    /// <summary>以内 / 以下: at most the value.</summary>
    AtMost = 3,

    /// <summary>Between the value and the upper value.</summary>
    Range = 4,
}

public enum ReadingState
{
    Draft = 1,
    Submitted = 2,
    Approved = 3,
    Returned = 4,
}

/// <summary>Where a value came from.</summary>
public enum ReadingSource
{
    Entry = 1,
    Import = 2,
    Api = 3,
    Computed = 4,

    /// <summary>A figure a reviewer accepted from an ingested document (a speech, a report).</summary>
    Document = 5,
}
