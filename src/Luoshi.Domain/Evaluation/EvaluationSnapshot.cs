using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;

namespace Luoshi.Domain.Evaluation;

/// <summary>A unit as a snapshot knows it.</summary>
public sealed record SnapshotUnit(int Id, string Code, string Name, OrgUnitKind Kind, string? ParentCode, int Depth);

/// <summary>An indicator as a snapshot knows it.</summary>
public sealed record SnapshotIndicator(
    int Id,
    string Code,
    string Name,
    string Unit,
    Direction Direction,
    Frequency Frequency,
    ValueKind ValueKind,
    Aggregation Aggregation,
    string? Formula,
    Tolerance Tolerance,
    ProgressProfile Profile,
    int Decimals,
    int DueDay,
    bool IsNationalFigure);

/// <summary>
/// Everything an evaluation reads, in memory and immutable: the org tree as flat arrays, and per indicator
/// dense per-year arrays of effective values (own reading, else children's sum, else formula result) and
/// targets. Built once by <see cref="EvaluationSnapshotBuilder"/>; safe to share between threads.
/// </summary>
public sealed class EvaluationSnapshot
{
    private readonly Dictionary<string, int> _indicatorByCode;
    private readonly Dictionary<int, int> _indicatorById;

    internal EvaluationSnapshot(UnitTree tree, IndicatorData[] data, TargetTable targets, PlanTree plans, int[] derivedOrder, int[] readingsPerYear, string nationalUnitCode)
    {
        Tree = tree;
        Data = data;
        Targets = targets;
        Plans = plans;
        DerivedOrder = derivedOrder;
        ReadingsPerYear = readingsPerYear;
        (FirstYear, LastYear, ReadingCount) = YearsOf(readingsPerYear);
        NationalUnitCode = nationalUnitCode;
        _indicatorByCode = data.ToDictionary(d => d.Code, d => d.Index, StringComparer.Ordinal);
        _indicatorById = data.ToDictionary(d => d.Id, d => d.Index);
        Dependents = DependentsOf(data, derivedOrder);
        Units = [.. tree.Preorder.Select(u => new SnapshotUnit(
            tree.Ids[u], tree.Codes[u], tree.Names[u], tree.Kinds[u], tree.Parent[u] < 0 ? null : tree.Codes[tree.Parent[u]], tree.Depth[u]))];
        Indicators = [.. data.Select(d => new SnapshotIndicator(
            d.Id, d.Code, d.Name, d.Unit, d.Direction, d.Frequency, d.ValueKind, d.Aggregation, d.Formula?.Text, d.Tolerance, d.Profile, d.Decimals, d.DueDay, d.IsNationalFigure))];
    }

    /// <summary>A snapshot that shares everything with <paramref name="basis"/> but the data, targets and plans given (a delta's result).</summary>
    private EvaluationSnapshot(EvaluationSnapshot basis, IndicatorData[] data, TargetTable targets, PlanTree plans, int[] readingsPerYear)
    {
        Tree = basis.Tree;
        Data = data;
        Targets = targets;
        Plans = plans;
        DerivedOrder = basis.DerivedOrder;
        ReadingsPerYear = readingsPerYear;
        (FirstYear, LastYear, ReadingCount) = YearsOf(readingsPerYear);
        NationalUnitCode = basis.NationalUnitCode;
        Withheld = basis.Withheld;
        _indicatorByCode = basis._indicatorByCode;
        _indicatorById = basis._indicatorById;
        Dependents = basis.Dependents;
        Units = basis.Units;
        Indicators = basis.Indicators;
    }

    /// <summary>Units in tree order: each unit before its descendants, reference units last.</summary>
    public IReadOnlyList<SnapshotUnit> Units { get; }

    /// <summary>Indicators in the order they were added; rows of an evaluation follow it.</summary>
    public IReadOnlyList<SnapshotIndicator> Indicators { get; }

    public string NationalUnitCode { get; }

    /// <summary>
    /// Indicators read by formulas whose values a reason must not show (the public snapshot's unpublished inputs): a
    /// reason names such an input but writes "not published" for its value.
    /// </summary>
    public IReadOnlySet<string> Withheld { get; internal init; } = new HashSet<string>(StringComparer.Ordinal);

    public bool HasNationalUnit => Tree.National >= 0;

    public long ReadingCount { get; }

    /// <summary>First year with a reading, or null when there are none.</summary>
    public int? FirstReadingYear => ReadingCount > 0 ? FirstYear : null;

    public int? LastReadingYear => ReadingCount > 0 ? LastYear : null;

    internal UnitTree Tree { get; }
    internal IndicatorData[] Data { get; }
    internal TargetTable Targets { get; }
    internal PlanTree Plans { get; }

    /// <summary>Years with readings: [FirstYear, LastYear]; empty (first &gt; last) without data.</summary>
    internal int FirstYear { get; }
    internal int LastYear { get; }

    /// <summary>Own readings per year (index: year − <see cref="Period.MinYear"/>); the year range follows from it.</summary>
    internal int[] ReadingsPerYear { get; }

    /// <summary>Derived indicators, each after the formulas it reads.</summary>
    internal int[] DerivedOrder { get; }

    /// <summary>By indicator: the derived indicators that read it, directly or through other formulas, in <see cref="DerivedOrder"/>.</summary>
    internal int[][] Dependents { get; }

    public SnapshotUnit? FindUnit(string code) => Tree.TryGetIndex(code, out int u) ? Units[Tree.Position[u]] : null;

    public SnapshotIndicator? FindIndicator(string code) => _indicatorByCode.TryGetValue(code, out int i) ? Indicators[i] : null;

    internal bool TryGetIndicator(string code, out int index) => _indicatorByCode.TryGetValue(code, out index);

    internal bool TryGetIndicatorById(int id, out int index) => _indicatorById.TryGetValue(id, out index);

    /// <summary>Fills in roll-ups and derived values; called once by the builder before the snapshot is handed out.</summary>
    internal void Complete()
    {
        Parallel.ForEach(Data.Where(d => d.Aggregation == Aggregation.Sum), RollUp);
        foreach (var level in DerivedLevels(DerivedOrder))
        {
            Parallel.ForEach(level, ComputeDerived);
        }
    }

    /// <summary>The snapshot a delta produced: this one's tree and definitions with other data (see <see cref="SnapshotDelta"/>).</summary>
    internal EvaluationSnapshot With(IndicatorData[] data, TargetTable targets, PlanTree plans, int[] readingsPerYear) =>
        new(this, data, targets, plans, readingsPerYear);

    /// <summary>
    /// A unit's effective value of a summed indicator in one slot of a year block, as <see cref="RollUp"/> leaves it:
    /// its own reading, else its children's values added in the order the roll-up adds them (so the sum is the
    /// same to the last bit), else none.
    /// </summary>
    internal static double RolledUpValue(UnitTree tree, double[] block, ulong[]? own, int offset, int unit)
    {
        if (IndicatorData.IsSet(own, offset + unit))
        {
            return block[offset + unit];
        }

        // The roll-up walks units backwards in tree order, and children follow each other in tree order.
        double sum = double.NaN;
        for (int k = tree.ChildStart[unit + 1] - 1; k >= tree.ChildStart[unit]; k--)
        {
            double v = block[offset + tree.Children[k]];
            if (!double.IsNaN(v))
            {
                sum = double.IsNaN(sum) ? v : sum + v;
            }
        }

        return sum;
    }

    /// <summary>Evaluates a derived indicator's formula for one year at every period and unit that has no own reading (the cells must be NaN).</summary>
    internal void ComputeDerived(IndicatorData indicator, int year)
    {
        int units = Tree.Count;
        var block = indicator.Block(year);
        var own = indicator.OwnBits(year);
        for (int slot = 0; slot < indicator.PerYear; slot++)
        {
            var source = ValueSource.FormulaAt(this, indicator, Period.Create(indicator.Frequency, year, slot + 1));
            int offset = slot * units;
            for (int u = 0; u < units; u++)
            {
                if (IndicatorData.IsSet(own, offset + u))
                {
                    continue;
                }

                double v = source.Compute(u);
                if (!double.IsNaN(v))
                {
                    block ??= indicator.Values[year - Period.MinYear] = IndicatorData.NaNBlock(indicator.PerYear * units);
                    block[offset + u] = v;
                }
            }
        }
    }

    private static (int First, int Last, long Count) YearsOf(int[] readingsPerYear)
    {
        int first = Period.MaxYear + 1, last = Period.MinYear - 1;
        long count = 0;
        for (int y = 0; y < readingsPerYear.Length; y++)
        {
            if (readingsPerYear[y] > 0)
            {
                first = Math.Min(first, Period.MinYear + y);
                last = Period.MinYear + y;
                count += readingsPerYear[y];
            }
        }

        return (first, last, count);
    }

    private static int[][] DependentsOf(IndicatorData[] data, int[] derivedOrder)
    {
        var reads = new HashSet<int>[data.Length];
        foreach (int d in derivedOrder)
        {
            // Inputs come before the formulas that read them, so each input's own readers are complete already.
            reads[d] = [.. data[d].Inputs];
            foreach (int i in data[d].Inputs)
            {
                if (reads[i] is { } upstream)
                {
                    reads[d].UnionWith(upstream);
                }
            }
        }

        var dependents = new List<int>[data.Length];
        foreach (int d in derivedOrder)
        {
            foreach (int i in reads[d])
            {
                (dependents[i] ??= []).Add(d);
            }
        }

        return [.. dependents.Select(list => list?.ToArray() ?? [])];
    }

    /// <summary>
    /// Sums children into parents that have no reading of their own, leaves first, so each parent adds its
    /// children's already rolled-up values. A parent's own reading is the official total and wins.
    /// </summary>
    private void RollUp(IndicatorData indicator)
    {
        int units = Tree.Count;
        var preorder = Tree.Preorder;
        var parent = Tree.Parent;
        for (int year = FirstYear; year <= LastYear; year++)
        {
            var block = indicator.Block(year);
            var own = indicator.OwnBits(year);
            if (block is null)
            {
                continue;
            }

            for (int offset = 0; offset < block.Length; offset += units)
            {
                for (int k = units - 1; k >= 0; k--)
                {
                    int u = preorder[k];
                    int p = parent[u];
                    double v = block[offset + u];
                    if (p < 0 || double.IsNaN(v) || IndicatorData.IsSet(own, offset + p))
                    {
                        continue;
                    }

                    ref double sum = ref block[offset + p];
                    sum = double.IsNaN(sum) ? v : sum + v;
                }
            }
        }
    }

    /// <summary>Evaluates a derived indicator's formula at every period of its frequency and unit that has no own reading.</summary>
    private void ComputeDerived(IndicatorData indicator)
    {
        for (int year = FirstYear; year <= LastYear; year++)
        {
            ComputeDerived(indicator, year);
        }
    }

    /// <summary>Groups derived indicators so that each group reads only base indicators and earlier groups: each group can run in parallel.</summary>
    private List<List<IndicatorData>> DerivedLevels(int[] derivedOrder)
    {
        var level = new int[Data.Length];
        var levels = new List<List<IndicatorData>>();
        foreach (int d in derivedOrder)
        {
            level[d] = 1 + Data[d].Inputs.Select(i => level[i]).DefaultIfEmpty(0).Max();
            while (levels.Count < level[d])
            {
                levels.Add([]);
            }

            levels[level[d] - 1].Add(Data[d]);
        }

        return levels;
    }
}
