using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;

namespace Luoshi.Domain.Evaluation;

/// <summary>
/// One indicator inside a snapshot: its definition and its values, dense by year. A year's block holds
/// periods-per-year × unit-count doubles (cell = slot × units + unit), NaN meaning no value; after the
/// build it holds the effective value of every cell — the unit's own reading, else the roll-up of its
/// children, else (derived indicators) the formula over the unit's inputs. A bit set per block marks the
/// cells that are the unit's own reading. Targets are dense too: per year one 1-based target number per
/// unit (0 = none), and per year four per unit for quarter targets.
/// </summary>
internal sealed class IndicatorData
{
    public const int Years = Period.MaxYear - Period.MinYear + 1;

    public required int Index { get; init; }
    public required int Id { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Unit { get; init; }
    public required Direction Direction { get; init; }
    public required Frequency Frequency { get; init; }
    public required ValueKind ValueKind { get; init; }
    public required Aggregation Aggregation { get; init; }
    public required Formula? Formula { get; init; }
    public required Tolerance Tolerance { get; init; }
    public required ProgressProfile Profile { get; init; }
    public required int Decimals { get; init; }
    public required int DueDay { get; init; }

    public int PerYear => Frequency.PeriodsPerYear();
    public bool IsDerived => Formula is not null;

    /// <summary>Rates in percent compare by difference in percentage points (个百分点), not by growth.</summary>
    public bool IsPercent => Unit is "%" or "％";

    public double[]?[] Values { get; private init; } = new double[]?[Years];
    public ulong[]?[] Own { get; private init; } = new ulong[]?[Years];
    public int[]?[] YearTargets { get; private init; } = new int[]?[Years];
    public int[]?[] QuarterTargets { get; private init; } = new int[]?[Years];

    /// <summary>Bit per unit: the unit has at least one own reading of this indicator.</summary>
    public ulong[] UnitsWithReadings { get; set; } = [];

    /// <summary>Indicator index of each formula input slot (derived indicators).</summary>
    public int[] Inputs { get; set; } = [];

    /// <summary>Per input slot: read the input at the national unit for every unit (a national figure in a local formula).</summary>
    public bool[] InputIsNational { get; set; } = [];

    /// <summary>Reported only by reference units (全国 exports): a figure for comparison, not rolled up over the tree.</summary>
    public bool IsNationalFigure { get; set; }

    /// <summary>Bit per <see cref="Organization.OrgUnitKind"/> of the units that ever hold a value: the children that count for coverage.</summary>
    public int ReportingKinds { get; set; }

    /// <summary>
    /// A copy for a delta to change: the definition and every block are shared, the per-year tables that point at
    /// the blocks are not, so a block can be replaced by a changed copy without touching what readers of the original see.
    /// </summary>
    public IndicatorData CopyForChange() => new()
    {
        Index = Index,
        Id = Id,
        Code = Code,
        Name = Name,
        Unit = Unit,
        Direction = Direction,
        Frequency = Frequency,
        ValueKind = ValueKind,
        Aggregation = Aggregation,
        Formula = Formula,
        Tolerance = Tolerance,
        Profile = Profile,
        Decimals = Decimals,
        DueDay = DueDay,
        Values = (double[]?[])Values.Clone(),
        Own = (ulong[]?[])Own.Clone(),
        YearTargets = (int[]?[])YearTargets.Clone(),
        QuarterTargets = (int[]?[])QuarterTargets.Clone(),
        UnitsWithReadings = UnitsWithReadings,
        Inputs = Inputs,
        InputIsNational = InputIsNational,
        IsNationalFigure = IsNationalFigure,
        ReportingKinds = ReportingKinds,
    };

    public double[]? Block(int year) => Values[year - Period.MinYear];

    public ulong[]? OwnBits(int year) => Own[year - Period.MinYear];

    public int[]? YearTargetsOf(int year) => YearTargets[year - Period.MinYear];

    public int[]? QuarterTargetsOf(int year) => QuarterTargets[year - Period.MinYear];

    /// <summary>A year block with no values yet.</summary>
    public static double[] NaNBlock(int length)
    {
        var block = GC.AllocateUninitializedArray<double>(length);
        block.AsSpan().Fill(double.NaN);
        return block;
    }

    public static bool IsSet(ulong[]? bits, int bit) => bits is not null && (bits[bit >> 6] & (1UL << bit)) != 0;

    public static void Set(ulong[] bits, int bit) => bits[bit >> 6] |= 1UL << bit;

    public static void Clear(ulong[] bits, int bit) => bits[bit >> 6] &= ~(1UL << bit);

    /// <summary>Whether the unit has an own reading in any period of any year.</summary>
    public bool HasAnyReadingAt(int unit, int units)
    {
        foreach (var own in Own)
        {
            if (own is null)
            {
                continue;
            }

            for (int slot = 0; slot < PerYear; slot++)
            {
                if (IsSet(own, (slot * units) + unit))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
