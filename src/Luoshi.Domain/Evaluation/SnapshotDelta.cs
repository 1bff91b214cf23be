using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Plans;

namespace Luoshi.Domain.Evaluation;

/// <summary>
/// Changes to readings, targets and plan items applied to a snapshot as a delta: the result is a new snapshot
/// equal to the one a full build from the changed data would give, at a cost that follows what changed rather
/// than the size of the province. Only the year blocks touched are copied — a changed cell, the roll-ups above
/// it, and the year of every formula that reads it, directly or through other formulas — and everything else is
/// shared with the original, which readers may go on using meanwhile. Changes the snapshot's shape cannot take
/// (unknown units or indicators, a year before the first with readings or one left without any, an indicator
/// turning into or out of a national figure) are refused with a reason, and the caller builds afresh. Not
/// thread-safe; use once.
/// </summary>
public sealed class SnapshotDelta(EvaluationSnapshot basis)
{
    private readonly Dictionary<(int Indicator, int Unit, Period Period), double?> _readings = [];
    private readonly Dictionary<(int Indicator, int Unit, Period Period), TargetDraft?> _targets = [];
    private List<PlanItemDraft>? _plans;

    private sealed record TargetDraft(decimal Value, TargetQualifier Qualifier, decimal? Upper, decimal? Stretch);

    /// <summary>How many cells and targets the delta changes.</summary>
    public int Count => _readings.Count + _targets.Count;

    /// <summary>The reading of a cell as it now stands: its value, or null when it has none (never written, or cleared).</summary>
    public void SetReading(int indicatorId, int unitId, Period period, decimal? value) =>
        _readings[(indicatorId, unitId, period)] = value is { } v ? (double)v : null;

    /// <summary>The target of a cell as it now stands; a null value (or a deleted target) removes it.</summary>
    public void SetTarget(int indicatorId, int unitId, Period period, decimal? value, TargetQualifier qualifier, decimal? upperValue, decimal? stretch) =>
        _targets[(indicatorId, unitId, period)] = value is { } v ? new TargetDraft(v, qualifier, upperValue, stretch) : null;

    /// <summary>Replaces every plan item: call for each item as it now stands (the plan tree is small and rebuilt whole).</summary>
    public void SetPlanItem(int id, string code, string title, PlanItemKind kind, int? parentId, int? leadUnitId, DateOnly? due, bool completed, IReadOnlyList<int> indicatorIds)
    {
        _plans ??= [];
        _plans.Add(PlanItemDraft.Create(id, code, title, kind, parentId, leadUnitId, due, completed, indicatorIds));
    }

    /// <summary>Whether the plan items are replaced (after <see cref="SetPlanItem"/>, or for a plan that is now empty).</summary>
    public void ReplacePlans() => _plans ??= [];

    /// <summary>The snapshot with the changes; null, with the reason, when only a full build can express them.</summary>
    public EvaluationSnapshot? TryApply(out string? reason)
    {
        var work = new Work(basis);
        if (!work.Readings(_readings, out reason) || !work.Targets(_targets, out reason))
        {
            return null;
        }

        if (work.YearRangeChanged(out reason) || work.NationalFiguresChanged(out reason))
        {
            return null;
        }

        PlanTree plans = basis.Plans;
        if (_plans is not null)
        {
            if (_plans.GroupBy(p => p.Id).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                reason = $"duplicate plan item {twice.Key}";
                return null;
            }

            plans = PlanTree.Build(_plans, basis.Tree, basis.Data.ToDictionary(d => d.Id, d => d.Index));
        }

        return work.Complete(plans);
    }

    /// <summary>One application: the copied arrays, and what has to be recomputed.</summary>
    private sealed class Work(EvaluationSnapshot basis)
    {
        private readonly UnitTree _tree = basis.Tree;
        private readonly IndicatorData[] _data = (IndicatorData[])basis.Data.Clone();
        private readonly bool[] _copied = new bool[basis.Data.Length];
        private readonly HashSet<(int Indicator, int Year)> _ownBlocks = [];
        private readonly HashSet<(int Indicator, int Year)> _changedYears = [];
        private readonly List<(int Indicator, int Year, int Offset, int Unit)> _rollUps = [];
        private readonly HashSet<int> _readingUnitsChanged = [];
        private readonly int[] _readingsPerYear = (int[])basis.ReadingsPerYear.Clone();
        private readonly SortedSet<int> _newYears = [];
        private TargetTable? _targets;

        public bool Readings(Dictionary<(int Indicator, int Unit, Period Period), double?> changes, out string? reason)
        {
            int units = _tree.Count;
            foreach (var ((indicatorId, unitId, period), value) in changes)
            {
                if (!Resolve(indicatorId, unitId, out int i, out int u, out reason))
                {
                    return false;
                }

                var original = basis.Data[i];
                if (period.Kind != original.Frequency)
                {
                    reason = $"{original.Code} is not reported per {period.Kind}";
                    return false;
                }

                int y = period.Year - Period.MinYear;
                int cell = ((period.Index - 1) * units) + u;
                bool wasOwn = IndicatorData.IsSet(original.Own[y], cell);
                if (wasOwn && value is { } same && original.Values[y]![cell].Equals(same))
                {
                    continue;
                }

                if (!wasOwn && value is null)
                {
                    continue;
                }

                var (block, own) = OwnBlock(i, y);
                if (value is { } v)
                {
                    IndicatorData.Set(own, cell);
                    block[cell] = v;
                }
                else
                {
                    IndicatorData.Clear(own, cell);
                    block[cell] = double.NaN;
                }

                if (wasOwn != value.HasValue)
                {
                    _readingsPerYear[y] += value.HasValue ? 1 : -1;
                    _readingUnitsChanged.Add((i * units) + u);
                }

                _changedYears.Add((i, period.Year));
                _rollUps.Add((i, period.Year, (period.Index - 1) * units, u));
            }

            reason = null;
            return true;
        }

        public bool Targets(Dictionary<(int Indicator, int Unit, Period Period), TargetDraft?> changes, out string? reason)
        {
            int units = _tree.Count;
            foreach (var ((indicatorId, unitId, period), target) in changes)
            {
                if (!Resolve(indicatorId, unitId, out int i, out int u, out reason))
                {
                    return false;
                }

                if (period.Kind is not (Frequency.Year or Frequency.Quarter)
                    || (target is not null && (!Enum.IsDefined(target.Qualifier)
                        || (target.Qualifier == TargetQualifier.Range) != (target.Upper is not null)
                        || target.Upper < target.Value)))
                {
                    reason = $"a target the snapshot cannot hold: {basis.Data[i].Code} {period}";
                    return false;
                }

                var indicator = Mutable(i);
                int y = period.Year - Period.MinYear;
                bool year = period.Kind == Frequency.Year;
                var table = year ? indicator.YearTargets : indicator.QuarterTargets;
                int cell = year ? u : ((period.Index - 1) * units) + u;
                if ((table[y]?[cell] ?? 0) == 0 && target is null)
                {
                    continue;
                }

                // The per-year table of target numbers is small (one or four per unit): copied whole, once per delta.
                var slots = table[y] is { } current ? (int[])current.Clone() : new int[year ? units : 4 * units];
                table[y] = slots;
                slots[cell] = target is null ? 0 : (_targets ??= basis.Targets.Extend()).Add(target.Value, target.Qualifier, target.Upper, target.Stretch);
            }

            reason = null;
            return true;
        }

        /// <summary>
        /// The years after the last one with readings that gain their first (a new year's first report): every formula is
        /// worked out for them, as a full build would. A year before the first, or one losing its last reading, changes
        /// what a full build computes everywhere (seasonal shares are averaged from the first year on): not a delta.
        /// </summary>
        public bool YearRangeChanged(out string? reason)
        {
            for (int y = 0; y < _readingsPerYear.Length; y++)
            {
                bool had = basis.ReadingsPerYear[y] > 0, has = _readingsPerYear[y] > 0;
                if (had == has)
                {
                    continue;
                }

                int year = Period.MinYear + y;
                if (has && basis.ReadingCount > 0 && year > basis.LastYear)
                {
                    _newYears.Add(year);
                    continue;
                }

                reason = $"the years with readings change ({year})";
                return true;
            }

            // A full build works formulas out for every year between the first and the last, those without readings too.
            if (_newYears.Count > 0)
            {
                for (int year = basis.LastYear + 1; year < _newYears.Max(); year++)
                {
                    _newYears.Add(year);
                }
            }

            reason = null;
            return false;
        }

        /// <summary>
        /// Which units hold readings of an indicator decides whether it is a national figure and which kinds of unit
        /// count for coverage. Coverage is worked out again here; a national figure turning local, or the reverse,
        /// changes how formulas read their inputs everywhere: not a delta.
        /// </summary>
        public bool NationalFiguresChanged(out string? reason)
        {
            int units = _tree.Count;
            var touched = new HashSet<int>();
            foreach (int key in _readingUnitsChanged)
            {
                int i = key / units, u = key % units;
                var indicator = Mutable(i);
                bool has = indicator.HasAnyReadingAt(u, units);
                if (has != IndicatorData.IsSet(indicator.UnitsWithReadings, u))
                {
                    if (touched.Add(i))
                    {
                        indicator.UnitsWithReadings = (ulong[])indicator.UnitsWithReadings.Clone();
                    }

                    if (has)
                    {
                        IndicatorData.Set(indicator.UnitsWithReadings, u);
                    }
                    else
                    {
                        IndicatorData.Clear(indicator.UnitsWithReadings, u);
                    }
                }
            }

            reason = null;
            if (touched.Count == 0)
            {
                return false;
            }

            var (national, inputIsNational) = EvaluationSnapshotBuilder.NationalFigures(_tree, _data, basis.DerivedOrder);
            for (int i = 0; i < _data.Length; i++)
            {
                if (national[i] != basis.Data[i].IsNationalFigure || (inputIsNational[i] is { } inputs && !inputs.AsSpan().SequenceEqual(basis.Data[i].InputIsNational)))
                {
                    reason = $"{_data[i].Code} turns {(national[i] ? "into" : "from")} a national figure";
                    return true;
                }
            }

            var scratch = new bool[units];
            foreach (int i in touched)
            {
                _data[i].ReportingKinds = EvaluationSnapshotBuilder.ReportingKinds(_tree, _data[i], scratch);
            }

            return false;
        }

        public EvaluationSnapshot Complete(PlanTree plans)
        {
            // Sums first, each changed cell's chain of ancestors up to the first that reports its own figure; a chain
            // recomputed after another that shares ancestors leaves them right, since each step reads the children as
            // they now are.
            foreach (var (i, year, offset, unit) in _rollUps)
            {
                var indicator = _data[i];
                if (indicator.IsDerived)
                {
                    continue;
                }

                var block = indicator.Block(year)!;
                var own = indicator.OwnBits(year);
                bool sums = indicator.Aggregation == Aggregation.Sum;
                for (int u = unit; u >= 0; u = sums ? _tree.Parent[u] : -1)
                {
                    if (u != unit && IndicatorData.IsSet(own, offset + u))
                    {
                        break;
                    }

                    block[offset + u] = sums ? EvaluationSnapshot.RolledUpValue(_tree, block, own, offset, u) : IndicatorData.IsSet(own, offset + u) ? block[offset + u] : double.NaN;
                }
            }

            var snapshot = basis.With(_data, _targets ?? basis.Targets, plans, _readingsPerYear);

            // Then every formula that reads what changed, in formula order, for the whole year (a formula may read a
            // coarser or finer period of its input, always within the year).
            var formulas = new HashSet<(int Indicator, int Year)>();
            foreach (var (i, year) in _changedYears)
            {
                if (_data[i].IsDerived)
                {
                    formulas.Add((i, year));
                }

                foreach (int d in basis.Dependents[i])
                {
                    formulas.Add((d, year));
                }
            }

            foreach (int year in _newYears)
            {
                foreach (int d in basis.DerivedOrder)
                {
                    formulas.Add((d, year));
                }
            }

            foreach (int d in basis.DerivedOrder)
            {
                foreach (var year in formulas.Where(f => f.Indicator == d).Select(f => f.Year).Order())
                {
                    var (block, own) = OwnBlock(d, year - Period.MinYear, keepOwnBitsShared: true);
                    for (int c = 0; c < block.Length; c++)
                    {
                        if (!IndicatorData.IsSet(own, c))
                        {
                            block[c] = double.NaN;
                        }
                    }

                    snapshot.ComputeDerived(_data[d], year);
                }
            }

            return snapshot;
        }

        private bool Resolve(int indicatorId, int unitId, out int indicator, out int unit, out string? reason)
        {
            reason = null;
            unit = -1;
            if (!basis.TryGetIndicatorById(indicatorId, out indicator))
            {
                reason = $"unknown indicator {indicatorId}";
                return false;
            }

            if (!_tree.TryGetIndexById(unitId, out unit))
            {
                reason = $"unknown org unit {unitId}";
                return false;
            }

            return true;
        }

        private IndicatorData Mutable(int i)
        {
            if (!_copied[i])
            {
                _data[i] = basis.Data[i].CopyForChange();
                _copied[i] = true;
            }

            return _data[i];
        }

        /// <summary>The indicator's block of a year, copied once per delta (with its own-reading bits unless they are only read).</summary>
        private (double[] Block, ulong[] Own) OwnBlock(int i, int y, bool keepOwnBitsShared = false)
        {
            var indicator = Mutable(i);
            int length = indicator.PerYear * _tree.Count;
            if (_ownBlocks.Add((i, y)))
            {
                indicator.Values[y] = indicator.Values[y] is { } block ? (double[])block.Clone() : IndicatorData.NaNBlock(length);
                if (!keepOwnBitsShared || indicator.Own[y] is null)
                {
                    indicator.Own[y] = indicator.Own[y] is { } own ? (ulong[])own.Clone() : new ulong[(length + 63) >> 6];
                }
            }

            return (indicator.Values[y]!, indicator.Own[y]!);
        }
    }
}
