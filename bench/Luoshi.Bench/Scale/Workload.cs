using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;

namespace Luoshi.Bench.Scale;

/// <summary>An org unit of a generated workload; its id is its index + 1, <see cref="Parent"/> an index or -1.</summary>
public sealed record UnitSpec(int Id, string Code, string Name, OrgUnitKind Kind, int Parent, bool IsLeaf);

/// <summary>
/// An indicator of a generated workload; its id is its index + 1. Derived indicators are
/// <c>Numerator / Denominator * Scale</c> (indices of summed indicators). Every target of the indicator
/// carries <see cref="Qualifier"/>; tolerances are relative, in percent.
/// </summary>
public sealed record IndicatorSpec(
    int Id,
    string Code,
    string Name,
    string Unit,
    Direction Direction,
    ValueKind ValueKind,
    Aggregation Aggregation,
    int Numerator,
    int Denominator,
    int Scale,
    decimal TolerancePercent,
    TargetQualifier Qualifier,
    int FirstTargetYear,
    bool HasRootTotals)
{
    public bool IsDerived => Aggregation == Aggregation.Formula;

    public string? Formula(IReadOnlyList<IndicatorSpec> all) => !IsDerived ? null
        : Scale == 1 ? $"{all[Numerator].Code} / {all[Denominator].Code}"
        : FormattableString.Invariant($"{all[Numerator].Code} / {all[Denominator].Code} * {Scale}");

    public Tolerance Tolerance => new(TolerancePercent, IsRelative: true);
}

/// <summary>
/// A generated workload as columnar arrays: what a database would hold, without one object per reading.
/// Months are indices from <see cref="WorkloadShape.FirstYear"/>-01 (0 … 71); indicator and unit fields
/// are indices into <see cref="Indicators"/> and <see cref="Units"/>.
/// </summary>
public sealed class Workload
{
    public required WorkloadShape Shape { get; init; }
    public required UnitSpec[] Units { get; init; }
    public required IndicatorSpec[] Indicators { get; init; }

    public required ushort[] TargetIndicator { get; init; }
    public required ushort[] TargetUnit { get; init; }
    public required short[] TargetYear { get; init; }
    public required decimal[] TargetValue { get; init; }

    public required ushort[] ReadingIndicator { get; init; }
    public required ushort[] ReadingUnit { get; init; }
    public required byte[] ReadingMonth { get; init; }
    public required double[] ReadingValue { get; init; }

    /// <summary>A hash of every array: equal fingerprints, equal workloads (used to reuse exported files and databases).</summary>
    public required string Fingerprint { get; init; }

    public long Readings => ReadingValue.LongLength;

    public int Targets => TargetValue.Length;

    public static int YearOf(int month) => WorkloadShape.FirstYear + (month / 12);

    public static int MonthOfYear(int month) => (month % 12) + 1;

    /// <summary>yyyymm, the month key of the exported files.</summary>
    public static int YearMonth(int month) => (YearOf(month) * 100) + MonthOfYear(month);
}
