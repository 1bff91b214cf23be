using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;

namespace Luoshi.Domain.Evaluation;

/// <summary>
/// Where one indicator stands at one unit for the requested period, and why. A view over a compact
/// record (value, target, status, rank) and the evaluation it belongs to, so that a national evaluation
/// of a million rows stays small; codes, names, expected values, last year's value and the Chinese and
/// English reasons are looked up, recomputed or written when read.
/// </summary>
public readonly struct EvaluationRow
{
    private readonly EvaluationFrame _frame;
    private readonly RowData _data;

    internal EvaluationRow(EvaluationFrame frame, in RowData data)
    {
        _frame = frame;
        _data = data;
    }

    public string IndicatorCode => Indicator.Code;
    public string IndicatorName => Indicator.Name;

    /// <summary>The indicator's unit of measure (亿元, %).</summary>
    public string Unit => Indicator.Unit;
    public string OrgCode => Tree.Codes[_data.Unit];
    public string OrgName => Tree.Names[_data.Unit];
    public OrgUnitKind OrgKind => Tree.Kinds[_data.Unit];

    /// <summary>The requested period.</summary>
    public Period Period => _frame.Period;

    /// <summary>The period whose value is (or would be) used: 2026-06 for a monthly cumulative indicator at 2026Q2, 2026Q1 for a quarterly one at 2026-05.</summary>
    public Period? ActualPeriod => Source.ActualPeriod;

    public double? Actual => Nullable(_data.Actual);

    /// <summary>The target that applies: the quarter's when one is set, else the year's.</summary>
    public decimal? Target => _data.Target > 0 ? Targets.Value(_data.Target) : null;

    public Period? TargetPeriod => _data.Target == 0 ? null
        : Lookup.IsQuarter ? Period.OfQuarter(ActualPeriod!.Value.Year, ((ActualPeriod.Value.EndMonth - 1) / 3) + 1)
        : Period.OfYear(_frame.Period.Year);

    public TargetQualifier? Qualifier => _data.Target > 0 ? Targets.Qualifier(_data.Target) : null;

    /// <summary>The upper end of a range target.</summary>
    public decimal? TargetUpper => _data.Target > 0 ? Targets.Upper(_data.Target) : null;

    /// <summary>力争: the stretch value of the target.</summary>
    public decimal? Stretch => _data.Target > 0 ? Targets.Stretch(_data.Target) : null;

    public decimal? AnnualTarget => AnnualTargetNumber > 0 ? Targets.Value(AnnualTargetNumber) : null;

    /// <summary>Expected-to-date for cumulative indicators (序时目标); the target otherwise.</summary>
    public double? Expected => Nullable(Progress.Expected);

    /// <summary>The expected share of the year done by the actual period's end (cumulative indicators).</summary>
    public double? TimeShare => Nullable(Progress.Share);

    public ShareSource? ShareSource => Progress.Source == 0 ? null : Progress.Source;

    /// <summary>How many earlier years a seasonal share averaged.</summary>
    public int SeasonalYears => Progress.Years;

    /// <summary>Actual ÷ annual target (cumulative indicators): 0.55 is 55% of the year's target done.</summary>
    public double? Completion
    {
        get
        {
            int number = AnnualTargetNumber;
            if (Indicator.ValueKind != ValueKind.Cumulative || double.IsNaN(_data.Actual) || number == 0)
            {
                return null;
            }

            double annual = Targets.Number(number);
            return annual == 0 ? null : _data.Actual / annual;
        }
    }

    public EvaluationStatus Status => _data.Status;

    /// <summary>The value of the same period last year, by the same rules (roll-ups included).</summary>
    public double? PreviousYear => Nullable(PreviousValue);

    /// <summary>Year-on-year growth in percent: (actual − last year) ÷ |last year| × 100. Null for rates in percent, which compare in <see cref="YoyPoints"/>, and when last year is 0.</summary>
    public double? Yoy
    {
        get
        {
            double previous = PreviousValue;
            return Indicator.IsPercent || double.IsNaN(_data.Actual) || double.IsNaN(previous) || previous == 0
                ? null
                : (_data.Actual - previous) / Math.Abs(previous) * 100;
        }
    }

    /// <summary>Year-on-year difference in percentage points (个百分点), for indicators measured in percent.</summary>
    public double? YoyPoints => Indicator.IsPercent && !double.IsNaN(_data.Actual) && !double.IsNaN(PreviousValue) ? _data.Actual - PreviousValue : null;

    /// <summary>The national reference unit's value (全国) for comparison.</summary>
    public double? National => Nullable(_frame.National[_data.Indicator]);

    /// <summary>Actual − national value (percentage points for rates in percent); null at the national unit itself.</summary>
    public double? GapToNational => _data.Unit == Tree.National ? null : Nullable(_data.Actual - _frame.National[_data.Indicator]);

    /// <summary>1 = best in the indicator's direction among units with the same parent and kind that have a value; equal values share a rank. Null without a value, or for range indicators where neither way is better.</summary>
    public int? RankAmongSiblings => _data.Rank > 0 ? _data.Rank : null;

    /// <summary>Siblings (this unit included) with a value, among which the rank is taken.</summary>
    public int SiblingCount => _data.Siblings;

    /// <summary>For a value summed from children (or a sum that is missing): children that reported, of those expected to (the kinds that ever report the indicator).</summary>
    public int ChildrenReported => Coverage().Reported;
    public int ChildrenTotal => Coverage().Total;

    /// <summary>The value was summed from the unit's children, directly or through a formula's inputs, rather than reported by the unit.</summary>
    public bool IsRolledUp => !double.IsNaN(_data.Actual) && Source.IsRolledUpAt(_data.Unit);
    public bool IsDerived => Indicator.IsDerived;

    /// <summary>When the value of <see cref="ActualPeriod"/> is due.</summary>
    public DateOnly? DueDate => Source.DuePeriod?.DueDate(Indicator.DueDay);

    public string ReasonZh => ReasonText.Write(this, chinese: true);
    public string ReasonEn => ReasonText.Write(this, chinese: false);

    /// <summary>The structured reason behind <see cref="ReasonZh"/> and <see cref="ReasonEn"/>.</summary>
    public EvaluationReason Explain()
    {
        var source = Source;
        var kind = _data.Status switch
        {
            EvaluationStatus.Green or EvaluationStatus.Yellow or EvaluationStatus.Red => ReasonKind.Judged,
            EvaluationStatus.Grey => ReasonKind.Overdue,
            _ when !double.IsNaN(_data.Actual) => ReasonKind.NoTarget,
            _ when source.ActualPeriod is null => ReasonKind.NoPeriodYet,
            _ => ReasonKind.NotYetDue,
        };
        var (issue, detail) = double.IsNaN(_data.Actual) ? source.ExplainMissing(_data.Unit) : (ValueIssue.None, null);
        return new EvaluationReason(
            kind,
            issue,
            detail,
            DueDate,
            Indicator.Formula?.Text,
            Indicator.IsDerived ? source.InputsAt(_data.Unit) : []);
    }

    internal EvaluationFrame Frame => _frame;
    internal IndicatorData Indicator => _frame.Snapshot.Data[_data.Indicator];
    internal int IndicatorIndex => _data.Indicator;
    internal int UnitIndex => _data.Unit;
    internal double ActualValue => _data.Actual;
    internal double ExpectedValue => Progress.Expected;
    internal int AppliedTarget => _data.Target;
    internal int AnnualTargetNumber => Indicator.YearTargetsOf(_frame.Period.Year) is { } targets ? targets[_data.Unit] : 0;
    internal ValueSource Source => _frame.Current[_data.Indicator];

    private UnitTree Tree => _frame.Snapshot.Tree;
    private RowTarget Lookup => _frame.Targets[_data.Indicator].At(_data.Unit);
    private RowProgress Progress => _frame.Progress[_data.Indicator].At(_data.Unit, Lookup);
    private double PreviousValue => _frame.Previous[_data.Indicator]?.ValueAt(_data.Unit) ?? double.NaN;
    private TargetTable Targets => _frame.Snapshot.Targets;

    private (int Reported, int Total) Coverage()
    {
        var indicator = Indicator;
        if (indicator.Aggregation != Aggregation.Sum || !(double.IsNaN(_data.Actual) || IsRolledUp))
        {
            return (0, 0);
        }

        var tree = Tree;
        var source = Source;
        int reported = 0;
        int total = 0;
        for (int k = tree.ChildStart[_data.Unit]; k < tree.ChildStart[_data.Unit + 1]; k++)
        {
            int child = tree.Children[k];
            if ((indicator.ReportingKinds & (1 << (int)tree.Kinds[child])) != 0)
            {
                total++;
                reported += double.IsNaN(source.ValueAt(child)) ? 0 : 1;
            }
        }

        return (reported, total);
    }

    private static double? Nullable(double value) => double.IsNaN(value) ? null : value;
}

/// <summary>
/// What a row stores: what is costly to recompute (status, rank) and the keys to the rest. It holds no
/// references, so the arrays of a million rows that a national evaluation produces cost no write
/// barriers to fill and nothing for the garbage collector to scan.
/// </summary>
internal readonly struct RowData(int indicator, int unit, double actual, int target, EvaluationStatus status, int rank, int siblings)
{
    public readonly double Actual = actual;
    public readonly int Indicator = indicator;
    public readonly int Unit = unit;
    public readonly int Target = target;
    public readonly int Rank = rank;
    public readonly int Siblings = siblings;
    public readonly EvaluationStatus Status = status;
}
