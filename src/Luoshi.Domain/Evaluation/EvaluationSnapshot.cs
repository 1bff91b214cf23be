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

    internal EvaluationSnapshot(UnitTree tree, IndicatorData[] data, TargetTable targets, PlanTree plans, int firstYear, int lastYear, long readingCount, string nationalUnitCode)
    {
        Tree = tree;
        Data = data;
        Targets = targets;
        Plans = plans;
        FirstYear = firstYear;
        LastYear = lastYear;
        ReadingCount = readingCount;
        NationalUnitCode = nationalUnitCode;
        _indicatorByCode = data.ToDictionary(d => d.Code, d => d.Index, StringComparer.Ordinal);
        Units = [.. tree.Preorder.Select(u => new SnapshotUnit(
            tree.Ids[u], tree.Codes[u], tree.Names[u], tree.Kinds[u], tree.Parent[u] < 0 ? null : tree.Codes[tree.Parent[u]], tree.Depth[u]))];
        Indicators = [.. data.Select(d => new SnapshotIndicator(
            d.Id, d.Code, d.Name, d.Unit, d.Direction, d.Frequency, d.ValueKind, d.Aggregation, d.Formula?.Text, d.Tolerance, d.Profile, d.Decimals, d.DueDay, d.IsNationalFigure))];
    }

    /// <summary>Units in tree order: each unit before its descendants, reference units last.</summary>
    public IReadOnlyList<SnapshotUnit> Units { get; }

    /// <summary>Indicators in the order they were added; rows of an evaluation follow it.</summary>
    public IReadOnlyList<SnapshotIndicator> Indicators { get; }

    public string NationalUnitCode { get; }

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

    public SnapshotUnit? FindUnit(string code) => Tree.TryGetIndex(code, out int u) ? Units[Tree.Position[u]] : null;

    public SnapshotIndicator? FindIndicator(string code) => _indicatorByCode.TryGetValue(code, out int i) ? Indicators[i] : null;

    internal bool TryGetIndicator(string code, out int index) => _indicatorByCode.TryGetValue(code, out index);

    /// <summary>Fills in roll-ups and derived values; called once by the builder before the snapshot is handed out.</summary>
    internal void Complete(int[] derivedOrder)
    {
        Parallel.ForEach(Data.Where(d => d.Aggregation == Aggregation.Sum), RollUp);
        foreach (var level in DerivedLevels(derivedOrder))
        {
            Parallel.ForEach(level, ComputeDerived);
        }
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
        int units = Tree.Count;
        for (int year = FirstYear; year <= LastYear; year++)
        {
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
