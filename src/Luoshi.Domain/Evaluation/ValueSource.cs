using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;

namespace Luoshi.Domain.Evaluation;

/// <summary>
/// Where one indicator's value at one requested period comes from, resolved once per indicator and
/// period so that reading it for each unit is an array lookup:
/// <list type="bullet">
/// <item>the period itself when it has the indicator's frequency;</item>
/// <item>a coarser period (a quarter of a monthly indicator): the last period inside it for cumulative
/// and level values, the sum of all periods inside it for period values (no sum unless all are present;
/// a derived period indicator is recomputed from its inputs' sums instead, since ratios do not add);</item>
/// <item>a finer period (a month of a quarterly indicator): the latest period of that frequency ending on
/// or before the month's end, within the same year — a value of last year is no progress towards this
/// year's target.</item>
/// </list>
/// </summary>
internal sealed class ValueSource
{
    private readonly EvaluationSnapshot _snapshot;
    private readonly Mode _mode;
    private readonly double[]? _block;
    private readonly ulong[]? _own;
    private readonly int _firstSlot;
    private readonly int _slotCount;
    private readonly int _units;
    private readonly ValueSource[] _inputs;

    private ValueSource(EvaluationSnapshot snapshot, IndicatorData indicator, Mode mode, Period? actual, Period? due, Period? inputPeriod)
    {
        _snapshot = snapshot;
        Indicator = indicator;
        _mode = mode;
        ActualPeriod = actual;
        DuePeriod = due;
        _units = snapshot.Tree.Count;
        if (mode is Mode.Cell or Mode.Sum)
        {
            var read = actual!.Value;
            _block = indicator.Block(read.Year);
            _own = indicator.OwnBits(read.Year);
            _firstSlot = mode == Mode.Cell ? read.Index - 1 : Period.Containing(indicator.Frequency, read.Start).Index - 1;
            _slotCount = mode == Mode.Cell ? 1 : read.Kind.Months() / indicator.Frequency.Months();
        }
        else if (mode == Mode.Formula)
        {
            var within = inputPeriod!.Value;
            _block = indicator.Block(within.Year);
            _own = indicator.OwnBits(within.Year);
            _firstSlot = Period.Containing(indicator.Frequency, within.Start).Index - 1;
            _slotCount = within.Kind.Months() / indicator.Frequency.Months();
        }

        _inputs = inputPeriod is { } at && indicator.IsDerived
            ? Array.ConvertAll(indicator.Inputs, i => Resolve(snapshot, snapshot.Data[i], at))
            : [];
    }

    private enum Mode : byte
    {
        /// <summary>No period of the indicator's frequency has ended within the requested one.</summary>
        NoPeriod,
        Cell,
        Sum,

        /// <summary>A derived period indicator at a coarser period: its own readings' sum, else the formula over the inputs at that period.</summary>
        Formula,
    }

    public IndicatorData Indicator { get; }

    /// <summary>The period whose value is used; null when none applies yet.</summary>
    public Period? ActualPeriod { get; }

    /// <summary>The period whose reporting deadline decides whether a missing value is late.</summary>
    public Period? DuePeriod { get; }

    public static ValueSource Resolve(EvaluationSnapshot snapshot, IndicatorData indicator, Period period)
    {
        var f = indicator.Frequency;
        if (period.Kind == f)
        {
            return new ValueSource(snapshot, indicator, Mode.Cell, period, period, indicator.IsDerived ? period : null);
        }

        if (period.Kind.Months() > f.Months())
        {
            var last = Period.Containing(f, new DateOnly(period.Year, period.EndMonth, 1));
            if (indicator.ValueKind != ValueKind.Period)
            {
                return new ValueSource(snapshot, indicator, Mode.Cell, last, last, indicator.IsDerived ? last : null);
            }

            return indicator.IsDerived
                ? new ValueSource(snapshot, indicator, Mode.Formula, period, last, period)
                : new ValueSource(snapshot, indicator, Mode.Sum, period, last, null);
        }

        var containing = Period.Containing(f, new DateOnly(period.Year, period.EndMonth, 1));
        Period? used = containing.EndMonth == period.EndMonth ? containing
            : containing.Index > 1 ? containing.Previous
            : null;
        return used is { } p
            ? new ValueSource(snapshot, indicator, Mode.Cell, p, p, indicator.IsDerived ? p : null)
            : new ValueSource(snapshot, indicator, Mode.NoPeriod, null, null, null);
    }

    /// <summary>The formula of a derived indicator at exactly <paramref name="period"/>, ignoring stored values: used to fill the blocks at build time.</summary>
    public static ValueSource FormulaAt(EvaluationSnapshot snapshot, IndicatorData indicator, Period period) =>
        new(snapshot, indicator, Mode.Formula, period, period, period);

    public double ValueAt(int unit) => _mode switch
    {
        Mode.Cell => _block is null ? double.NaN : _block[(_firstSlot * _units) + unit],
        Mode.Sum => SumAt(unit),
        Mode.Formula => IsOwnAt(unit) ? SumAt(unit) : Compute(unit),
        _ => double.NaN,
    };

    /// <summary>Writes every unit's value into <paramref name="values"/> (length = unit count).</summary>
    public void Fill(Span<double> values)
    {
        if (_mode is Mode.NoPeriod || (_block is null && _mode != Mode.Formula))
        {
            values.Fill(double.NaN);
            return;
        }

        if (_mode == Mode.Cell)
        {
            _block.AsSpan(_firstSlot * _units, _units).CopyTo(values);
            return;
        }

        if (_mode == Mode.Sum)
        {
            // NaN + x is NaN: a sum over periods is only there when every period is.
            _block.AsSpan(_firstSlot * _units, _units).CopyTo(values);
            for (int k = 1; k < _slotCount; k++)
            {
                var next = _block.AsSpan((_firstSlot + k) * _units, _units);
                for (int u = 0; u < values.Length; u++)
                {
                    values[u] += next[u];
                }
            }

            return;
        }

        for (int u = 0; u < values.Length; u++)
        {
            values[u] = ValueAt(u);
        }
    }

    /// <summary>Whether the value is the unit's own reading (for a sum: every period's is).</summary>
    public bool IsOwnAt(int unit)
    {
        if (_own is null || _mode == Mode.NoPeriod)
        {
            return false;
        }

        for (int k = 0; k < _slotCount; k++)
        {
            if (!IndicatorData.IsSet(_own, ((_firstSlot + k) * _units) + unit))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// For a unit that has a value: whether it was summed from the unit's children rather than reported
    /// by the unit, directly or (derived indicators) through at least one of the formula's inputs.
    /// </summary>
    public bool IsRolledUpAt(int unit)
    {
        if (IsOwnAt(unit))
        {
            return false;
        }

        if (!Indicator.IsDerived)
        {
            return true;
        }

        for (int k = 0; k < _inputs.Length; k++)
        {
            if (!Indicator.InputIsNational[k] && _inputs[k].IsRolledUpAt(unit))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Formula inputs of a derived indicator at this period as seen from <paramref name="unit"/>.</summary>
    public IReadOnlyList<FormulaInput> InputsAt(int unit)
    {
        var list = new FormulaInput[_inputs.Length];
        for (int k = 0; k < _inputs.Length; k++)
        {
            double v = InputValue(k, unit);
            list[k] = new FormulaInput(_inputs[k].Indicator.Code, double.IsNaN(v) ? null : v, Indicator.InputIsNational[k]);
        }

        return list;
    }

    /// <summary>Why a unit has no value here; the caller knows that it has none.</summary>
    public (ValueIssue Issue, string? Detail) ExplainMissing(int unit)
    {
        if (_mode == Mode.NoPeriod)
        {
            return (ValueIssue.NoPeriodYet, null);
        }

        if (Indicator.IsDerived)
        {
            Span<double> values = stackalloc double[_inputs.Length];
            for (int k = 0; k < _inputs.Length; k++)
            {
                values[k] = InputValue(k, unit);
                if (double.IsNaN(values[k]))
                {
                    return (ValueIssue.MissingInput, _inputs[k].Indicator.Code);
                }
            }

            return Indicator.Formula!.TryEvaluate(values, out _, out Text? failure)
                ? (ValueIssue.NoReading, null)
                : (failure == Formula.DivisionByZero ? ValueIssue.DivisionByZero : ValueIssue.OutOfRange, null);
        }

        if (_mode == Mode.Sum && _block is not null)
        {
            for (int k = 0; k < _slotCount; k++)
            {
                if (double.IsNaN(_block[((_firstSlot + k) * _units) + unit]))
                {
                    var missing = Period.Create(Indicator.Frequency, ActualPeriod!.Value.Year, _firstSlot + k + 1);
                    return (ValueIssue.IncompletePeriod, missing.ToString());
                }
            }
        }

        return (ValueIssue.NoReading, null);
    }

    /// <summary>The formula over the inputs at this unit; NaN when an input is missing or the formula fails.</summary>
    public double Compute(int unit)
    {
        Span<double> values = stackalloc double[_inputs.Length];
        for (int k = 0; k < _inputs.Length; k++)
        {
            // Checked here rather than left to the formula, whose message for a missing input is built
            // as a string: millions of cells may lack an input.
            values[k] = InputValue(k, unit);
            if (double.IsNaN(values[k]))
            {
                return double.NaN;
            }
        }

        return Indicator.Formula!.TryEvaluate(values, out double value, out _) ? value : double.NaN;
    }

    private double InputValue(int slot, int unit)
    {
        if (!Indicator.InputIsNational[slot])
        {
            return _inputs[slot].ValueAt(unit);
        }

        int national = _snapshot.Tree.National;
        return national < 0 ? double.NaN : _inputs[slot].ValueAt(national);
    }

    private double SumAt(int unit)
    {
        if (_block is null)
        {
            return double.NaN;
        }

        double sum = 0;
        for (int k = 0; k < _slotCount; k++)
        {
            sum += _block[((_firstSlot + k) * _units) + unit];
        }

        return sum;
    }
}
