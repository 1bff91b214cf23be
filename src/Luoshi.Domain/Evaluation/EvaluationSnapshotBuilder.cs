using System.Text.RegularExpressions;
using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Plans;

namespace Luoshi.Domain.Evaluation;

/// <summary>
/// Collects units, indicators, targets, readings and plan items and builds an immutable
/// <see cref="EvaluationSnapshot"/>. Readings go straight into dense per-indicator, per-year arrays, so
/// tens of millions of them cost no object each. Add every unit before the first target or reading (the
/// arrays are sized by the unit count); parents, formulas and plan links are resolved by
/// <see cref="Build"/>. Not thread-safe; use once.
/// </summary>
public sealed partial class EvaluationSnapshotBuilder
{
    /// <summary>The code of the national reference unit (全国) that local figures are compared with.</summary>
    public const string DefaultNationalUnitCode = "100000";

    private readonly List<UnitDraft> _units = [];
    private readonly Dictionary<int, int> _unitIndexById = [];
    private readonly HashSet<string> _unitCodes = new(StringComparer.Ordinal);
    private readonly List<IndicatorData> _indicators = [];
    private readonly Dictionary<int, int> _indicatorIndexById = [];
    private readonly Dictionary<string, int> _indicatorIndexByCode = new(StringComparer.Ordinal);
    private readonly TargetTable _targets = new();
    private readonly List<PlanItemDraft> _planItems = [];
    private readonly HashSet<int> _planItemIds = [];

    // Unit ids from a database are small positive integers: a dense id → index+1 table makes the lookup
    // per reading an array access instead of a hash.
    private int[]? _denseUnitIndex;
    private int _unitCount = -1;
    private IndicatorData? _lastIndicator;
    private readonly int[] _readingsPerYear = new int[IndicatorData.Years];
    private bool _built;

    public string NationalUnitCode { get; init; } = DefaultNationalUnitCode;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,31}$")]
    private static partial Regex IndicatorCodePattern();

    public void AddUnit(int id, string code, string name, OrgUnitKind kind, int? parentId)
    {
        EnsureOpen();
        if (_unitCount >= 0)
        {
            throw new InvalidOperationException("Add every unit before the first target or reading.");
        }

        var checkedCode = Code.Require(code, "code");
        var checkedName = Code.RequireText(name, "name", OrgUnit.NameMaxLength);
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("kind", new Text("单位类型无效", "unknown kind"));
        }

        if (_unitIndexById.ContainsKey(id) || _unitCodes.Contains(checkedCode))
        {
            throw new DomainException("code", new Text($"单位重复: {id} {checkedCode}", $"duplicate unit {id} {checkedCode}"));
        }

        _unitIndexById.Add(id, _units.Count);
        _unitCodes.Add(checkedCode);
        _units.Add(new UnitDraft(id, checkedCode, checkedName, kind, parentId));
    }

    public void AddIndicator(
        int id,
        string code,
        string name,
        string unit,
        Direction direction,
        Frequency frequency,
        ValueKind valueKind,
        Aggregation aggregation,
        string? formula,
        Tolerance tolerance,
        ProgressProfile profile,
        int decimals,
        int dueDay)
    {
        EnsureOpen();
        var checkedCode = code?.Trim() ?? string.Empty;
        if (!IndicatorCodePattern().IsMatch(checkedCode))
        {
            throw new DomainException("code", new Text("指标代码须以字母或下划线开头,只含字母、数字和下划线", $"an indicator code starts with a letter or '_' and holds letters, digits and '_': '{Shorten(checkedCode)}'"));
        }

        if (_indicatorIndexById.ContainsKey(id) || _indicatorIndexByCode.ContainsKey(checkedCode))
        {
            throw new DomainException("code", new Text($"指标重复: {id} {checkedCode}", $"duplicate indicator {id} {checkedCode}"));
        }

        Require(Enum.IsDefined(direction), "direction", new Text("方向无效", "unknown direction"));
        Require(Enum.IsDefined(frequency), "frequency", new Text("频度无效", "unknown frequency"));
        Require(Enum.IsDefined(valueKind), "valueKind", new Text("数值类型无效", "unknown value kind"));
        Require(Enum.IsDefined(aggregation), "aggregation", new Text("汇总方式无效", "unknown aggregation"));
        Require(Enum.IsDefined(profile), "profile", new Text("序时进度曲线无效", "unknown profile"));
        Require(decimals is >= 0 and <= Indicator.MaxDecimals, "decimals", new Text($"小数位数须在0–{Indicator.MaxDecimals}之间", $"decimals must be 0–{Indicator.MaxDecimals}"));
        Require(dueDay is >= 1 and <= 28, "dueDay", new Text("报送截止日须在1–28之间", "the due day must be 1–28"));
        Require(tolerance.Amount >= 0, "tolerance", new Text("容差不能为负", "the tolerance cannot be negative"));
        var text = string.IsNullOrWhiteSpace(formula) ? null : formula.Trim();
        Require((aggregation == Aggregation.Formula) == (text is not null), "formula", new Text("有公式的派生指标按公式汇总,按公式汇总的指标须有公式", "a formula goes with aggregation 'formula' and only with it"));
        var parsed = text is null ? null : Formula.Parse(text);
        Require(parsed?.Inputs.Contains(checkedCode, StringComparer.Ordinal) != true, "formula", new Text($"公式不能引用指标自身 {checkedCode}", $"the formula cannot refer to {checkedCode} itself"));

        var data = new IndicatorData
        {
            Index = _indicators.Count,
            Id = id,
            Code = checkedCode,
            Name = Code.RequireText(name, "name", Indicator.NameMaxLength),
            Unit = Code.OptionalText(unit, "unit", Indicator.UnitMaxLength) ?? string.Empty,
            Direction = direction,
            Frequency = frequency,
            ValueKind = valueKind,
            Aggregation = aggregation,
            Formula = parsed,
            Tolerance = tolerance,
            Profile = profile,
            Decimals = decimals,
            DueDay = dueDay,
            UnitsWithReadings = _unitCount >= 0 ? new ulong[(_unitCount + 63) >> 6] : [],
        };
        _indicatorIndexById.Add(id, data.Index);
        _indicatorIndexByCode.Add(checkedCode, data.Index);
        _indicators.Add(data);
    }

    /// <summary>A target for a year or a quarter. For a cumulative indicator a quarter target is the year-to-date value due by the quarter's end.</summary>
    public void AddTarget(int indicatorId, int unitId, Period period, decimal value, TargetQualifier qualifier, decimal? upperValue, decimal? stretch)
    {
        EnsureOpen();
        var indicator = IndicatorOf(indicatorId);
        int unit = UnitIndexOf(unitId);
        Require(period.Kind is Frequency.Year or Frequency.Quarter, "period", new Text("目标值按年或按季度设定", "targets are set per year or per quarter"));
        Require(Enum.IsDefined(qualifier), "qualifier", new Text("目标限定词无效", "unknown qualifier"));
        Require(qualifier != TargetQualifier.Range || upperValue >= value, "upperValue", new Text("区间目标需要不小于下限的上限", "a range target needs an upper value not below the value"));
        Require(qualifier == TargetQualifier.Range || upperValue is null, "upperValue", new Text("只有区间目标才有上限", "only a range target has an upper value"));

        int y = period.Year - Period.MinYear;
        int[] slots;
        int cell;
        if (period.Kind == Frequency.Year)
        {
            slots = indicator.YearTargets[y] ??= new int[_unitCount];
            cell = unit;
        }
        else
        {
            slots = indicator.QuarterTargets[y] ??= new int[4 * _unitCount];
            cell = ((period.Index - 1) * _unitCount) + unit;
        }

        Require(slots[cell] == 0, "target", new Text($"目标重复: {indicator.Code} {_units[unit].Code} {period}", $"duplicate target for {indicator.Code} at {_units[unit].Code} in {period}"));
        slots[cell] = _targets.Add(value, qualifier, upperValue, stretch);
    }

    /// <summary>A reading: the value of <paramref name="period"/> as the indicator's value kind defines it (year-to-date for cumulative ones).</summary>
    public void AddReading(int indicatorId, int unitId, Period period, double value)
    {
        EnsureOpen();
        var indicator = IndicatorOf(indicatorId);
        int unit = UnitIndexOf(unitId);
        if (period.Kind != indicator.Frequency)
        {
            throw new DomainException("period", new Text($"{indicator.Code} 按{indicator.Frequency}报送,期间 {period} 不符", $"{indicator.Code} is reported per {indicator.Frequency}, not as {period}"));
        }

        if (!double.IsFinite(value))
        {
            throw new DomainException("value", new Text("数值无效", "the value must be a finite number"));
        }

        int y = period.Year - Period.MinYear;
        int units = _unitCount;
        var block = indicator.Values[y] ??= IndicatorData.NaNBlock(indicator.PerYear * units);
        var own = indicator.Own[y] ??= new ulong[((indicator.PerYear * units) + 63) >> 6];
        int cell = ((period.Index - 1) * units) + unit;
        if (IndicatorData.IsSet(own, cell))
        {
            throw new DomainException("reading", new Text($"读数重复: {indicator.Code} {_units[unit].Code} {period}", $"duplicate reading for {indicator.Code} at {_units[unit].Code} in {period}"));
        }

        IndicatorData.Set(own, cell);
        IndicatorData.Set(indicator.UnitsWithReadings, unit);
        block[cell] = value;
        _readingsPerYear[y]++;
    }

    /// <summary>A plan item and the indicators linked to it; a milestone or task past <paramref name="due"/> and not completed is red.</summary>
    public void AddPlanItem(int id, string code, string title, PlanItemKind kind, int? parentId, int? leadUnitId, DateOnly? due, bool completed, IReadOnlyList<int> indicatorIds)
    {
        EnsureOpen();
        var draft = PlanItemDraft.Create(id, code, title, kind, parentId, leadUnitId, due, completed, indicatorIds);
        Require(_planItemIds.Add(id), "id", new Text($"计划项重复: {id}", $"duplicate plan item {id}"));
        _planItems.Add(draft);
    }

    /// <summary>
    /// Checks what could only be checked with everything present (parents, formula references and cycles,
    /// plan links), rolls additive indicators up the org tree and computes derived indicators, so that an
    /// evaluation only reads.
    /// </summary>
    private readonly HashSet<string> _withheld = new(StringComparer.Ordinal);

    /// <summary>Indicators whose values reasons must not show (see <see cref="EvaluationSnapshot.Withheld"/>).</summary>
    public void Withhold(IEnumerable<string> codes)
    {
        EnsureOpen();
        _withheld.UnionWith(codes);
    }

    public EvaluationSnapshot Build()
    {
        EnsureOpen();
        FreezeUnits();
        _built = true;
        var tree = UnitTree.Build([.. _units], Code.Require(NationalUnitCode, "nationalUnitCode"));
        var indicators = _indicators.ToArray();
        var derivedOrder = ResolveFormulas(indicators);
        MarkNationalFigures(tree, indicators, derivedOrder);
        MarkReportingKinds(tree, indicators);
        var plans = PlanTree.Build(_planItems, tree, _indicatorIndexById);
        var snapshot = new EvaluationSnapshot(tree, indicators, _targets, plans, derivedOrder, _readingsPerYear, NationalUnitCode) { Withheld = _withheld };
        snapshot.Complete();
        return snapshot;
    }

    internal static void Require(bool condition, string field, Text message)
    {
        if (!condition)
        {
            throw new DomainException(field, message);
        }
    }

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s;

    /// <summary>Checks references and cycles; returns the derived indicators with inputs before the formulas that read them.</summary>
    private int[] ResolveFormulas(IndicatorData[] indicators)
    {
        var formulas = indicators.Where(i => i.Formula is not null).ToDictionary(i => i.Code, i => i.Formula!, StringComparer.Ordinal);
        var order = Indicator.CheckFormulaGraph(formulas, _indicatorIndexByCode.Keys.ToHashSet(StringComparer.Ordinal));
        foreach (var indicator in indicators.Where(i => i.Formula is not null))
        {
            indicator.Inputs = [.. indicator.Formula!.Inputs.Select(code => _indicatorIndexByCode[code])];
        }

        return [.. order.Select(code => _indicatorIndexByCode[code])];
    }

    /// <summary>
    /// An indicator reported only by reference units (全国 exports) is a national figure; a formula whose
    /// inputs are all national figures is one too. A local formula that reads a national figure reads the
    /// national unit's value for every unit.
    /// </summary>
    private static void MarkNationalFigures(UnitTree tree, IndicatorData[] indicators, int[] derivedOrder)
    {
        var (national, inputIsNational) = NationalFigures(tree, indicators, derivedOrder);
        foreach (var indicator in indicators)
        {
            indicator.IsNationalFigure = national[indicator.Index];
        }

        foreach (int d in derivedOrder)
        {
            indicators[d].InputIsNational = inputIsNational[d]!;
        }
    }

    /// <summary>Which indicators are national figures, and per derived indicator which inputs it reads at the national unit (see <see cref="MarkNationalFigures"/>).</summary>
    internal static (bool[] National, bool[]?[] InputIsNational) NationalFigures(UnitTree tree, IndicatorData[] indicators, int[] derivedOrder)
    {
        var national = new bool[indicators.Length];
        var readInTree = new bool[indicators.Length];
        foreach (var indicator in indicators)
        {
            bool any = false;
            for (int u = 0; u < tree.Count; u++)
            {
                if (IndicatorData.IsSet(indicator.UnitsWithReadings, u))
                {
                    any = true;
                    readInTree[indicator.Index] |= tree.Kinds[u] != OrgUnitKind.Reference;
                }
            }

            national[indicator.Index] = any && !readInTree[indicator.Index] && !indicator.IsDerived;
        }

        var inputIsNational = new bool[]?[indicators.Length];
        foreach (int d in derivedOrder)
        {
            var indicator = indicators[d];
            national[d] = !readInTree[d]
                && indicator.Inputs.Length > 0
                && indicator.Inputs.All(i => national[i]);
            inputIsNational[d] = [.. indicator.Inputs.Select(i => !national[d] && national[i])];
        }

        return (national, inputIsNational);
    }

    /// <summary>
    /// The kinds of unit that hold values of an indicator — those with readings and, for sums, their
    /// ancestors. A parent's coverage (8 of 11 cities reported) counts only children of these kinds, so
    /// departments do not count as missing for a figure reported by regions.
    /// </summary>
    private static void MarkReportingKinds(UnitTree tree, IndicatorData[] indicators)
    {
        var marked = new bool[tree.Count];
        foreach (var indicator in indicators)
        {
            indicator.ReportingKinds = ReportingKinds(tree, indicator, marked);
        }
    }

    /// <param name="marked">Scratch space of the unit count.</param>
    internal static int ReportingKinds(UnitTree tree, IndicatorData indicator, bool[] marked)
    {
        Array.Clear(marked);
        int kinds = 0;
        bool sums = indicator.Aggregation == Aggregation.Sum;
        for (int u = 0; u < tree.Count; u++)
        {
            if (!IndicatorData.IsSet(indicator.UnitsWithReadings, u))
            {
                continue;
            }

            for (int a = u; a >= 0 && !marked[a]; a = sums ? tree.Parent[a] : -1)
            {
                marked[a] = true;
                kinds |= 1 << (int)tree.Kinds[a];
            }
        }

        return kinds;
    }

    private void EnsureOpen()
    {
        if (_built)
        {
            throw new InvalidOperationException("The snapshot has been built; start a new builder.");
        }
    }

    private void FreezeUnits()
    {
        if (_unitCount >= 0)
        {
            return;
        }

        _unitCount = _units.Count;
        foreach (var indicator in _indicators)
        {
            indicator.UnitsWithReadings = new ulong[(_unitCount + 63) >> 6];
        }

        int maxId = _units.Count == 0 ? 0 : _units.Max(u => u.Id);
        if (_units.All(u => u.Id >= 0) && maxId < (4 * _unitCount) + 1024)
        {
            _denseUnitIndex = new int[maxId + 1];
            for (int u = 0; u < _units.Count; u++)
            {
                _denseUnitIndex[_units[u].Id] = u + 1;
            }
        }
    }

    private int UnitIndexOf(int unitId)
    {
        FreezeUnits();
        if (_denseUnitIndex is not null && (uint)unitId < (uint)_denseUnitIndex.Length && _denseUnitIndex[unitId] > 0)
        {
            return _denseUnitIndex[unitId] - 1;
        }

        return _unitIndexById.TryGetValue(unitId, out int index)
            ? index
            : throw new DomainException("unitId", new Text($"未知单位 {unitId}", $"unknown org unit {unitId}"));
    }

    private IndicatorData IndicatorOf(int indicatorId)
    {
        // Readings usually arrive grouped by indicator.
        if (_lastIndicator?.Id == indicatorId)
        {
            return _lastIndicator;
        }

        FreezeUnits();
        return _lastIndicator = _indicatorIndexById.TryGetValue(indicatorId, out int index)
            ? _indicators[index]
            : throw new DomainException("indicatorId", new Text($"未知指标 {indicatorId}", $"unknown indicator {indicatorId}"));
    }
}
