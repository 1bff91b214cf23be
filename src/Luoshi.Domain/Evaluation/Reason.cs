using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;

namespace Luoshi.Domain.Evaluation;

public enum ReasonKind : byte
{
    /// <summary>Compared with the expected-to-date value or the target: green, yellow or red.</summary>
    Judged = 1,
    NoTarget = 2,
    NotYetDue = 3,

    /// <summary>No value after the reporting deadline: grey.</summary>
    Overdue = 4,

    /// <summary>No period of the indicator's frequency has ended within the requested one (a quarterly figure in February).</summary>
    NoPeriodYet = 5,
}

/// <summary>Why a row has no value.</summary>
public enum ValueIssue : byte
{
    None = 0,

    /// <summary>Nothing reported (and, for a sum, no child reported either).</summary>
    NoReading = 1,

    /// <summary>A period value over a coarser period lacks one of its parts; the detail names it.</summary>
    IncompletePeriod = 2,

    /// <summary>A formula input has no value; the detail names the input.</summary>
    MissingInput = 3,
    DivisionByZero = 4,
    OutOfRange = 5,
    NoPeriodYet = 6,
}

/// <summary>A formula input as the row's formula saw it; national inputs are read at the national unit.</summary>
public readonly record struct FormulaInput(string Code, double? Value, bool IsNational);

/// <summary>The structure behind a row's reason text; the numbers themselves are the row's.</summary>
public sealed record EvaluationReason(ReasonKind Kind, ValueIssue Issue, string? Detail, DateOnly? DueDate, string? Formula, IReadOnlyList<FormulaInput> Inputs);

/// <summary>
/// Writes a row's reason in Chinese or English from its numbers, with the indicator's decimals:
/// "累计完成620亿元,序时目标600亿元(…),超序时3.3%" / "620 (100 million yuan) done to date against 600 expected (…); 3.3% ahead".
/// </summary>
internal static class ReasonText
{
    private static readonly string[] Formats = ["F0", "F1", "F2", "F3", "F4", "F5", "F6"];

    // English names of the units statistics offices use; anything else is shown as written.
    private static readonly Dictionary<string, string> UnitsEn = new(StringComparer.Ordinal)
    {
        ["亿元"] = "100 million yuan",
        ["万元"] = "10,000 yuan",
        ["元"] = "yuan",
        ["亿美元"] = "100 million US dollars",
        ["万美元"] = "10,000 US dollars",
        ["万人"] = "10,000 people",
        ["人"] = "people",
        ["万户"] = "10,000 households",
        ["户"] = "households",
        ["个"] = "units",
        ["家"] = "enterprises",
        ["项"] = "items",
        ["件"] = "cases",
        ["起"] = "incidents",
        ["万吨"] = "10,000 tonnes",
        ["吨"] = "tonnes",
        ["亿千瓦时"] = "100 million kWh",
        ["万平方米"] = "10,000 m²",
        ["公里"] = "km",
        ["天"] = "days",
    };

    public static string Write(in EvaluationRow row, bool chinese)
    {
        var w = new Writer(row, chinese);
        var reason = row.Explain();
        switch (reason.Kind)
        {
            case ReasonKind.Judged when row.Indicator.ValueKind == ValueKind.Cumulative && row.ActualPeriod!.Value.EndMonth != 12:
                w.AgainstExpected();
                break;
            case ReasonKind.Judged:
                w.AgainstTarget();
                break;
            case ReasonKind.NoTarget:
                w.Value();
                w.Text(",无目标值", "; no target set");
                break;
            case ReasonKind.NotYetDue:
                w.Text($"{row.ActualPeriod}数据未到报送期限({Date(reason.DueDate)})", $"{row.ActualPeriod} data is not due yet (due {Date(reason.DueDate)})");
                break;
            case ReasonKind.Overdue:
                w.Text(
                    $"{row.ActualPeriod}数据应于{Date(reason.DueDate)}前报送,截至{Date(row.Frame.AsOf)}未报送",
                    $"{row.ActualPeriod} data was due by {Date(reason.DueDate)} and is missing as of {Date(row.Frame.AsOf)}");
                break;
            default:
                w.Text(
                    $"{row.Period}尚无已结束的{FrequencyZh(row.Indicator.Frequency)}数据期",
                    $"no {FrequencyEn(row.Indicator.Frequency)} period has ended by {row.Period}");
                break;
        }

        if (reason.Kind is ReasonKind.NotYetDue or ReasonKind.Overdue)
        {
            w.Missing(reason);
        }
        else if (reason.Kind != ReasonKind.NoPeriodYet)
        {
            w.Provenance(reason);
        }

        return w.ToString();
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?";

    private static string FrequencyZh(Frequency f) => f switch
    {
        Frequency.Month => "月度",
        Frequency.Quarter => "季度",
        Frequency.Half => "半年",
        _ => "年度",
    };

    private static string FrequencyEn(Frequency f) => f switch
    {
        Frequency.Month => "monthly",
        Frequency.Quarter => "quarterly",
        Frequency.Half => "half-yearly",
        _ => "annual",
    };

    private static string Percent(double value) => value.ToString("F1", CultureInfo.InvariantCulture) + "%";

    internal sealed class Writer(EvaluationRow row, bool chinese)
    {
        private readonly StringBuilder _text = new();
        private readonly EvaluationRow _row = row;
        private readonly IndicatorData _indicator = row.Indicator;

        public override string ToString() => _text.ToString();

        /// <summary>
        /// Appends the text in the row's language. Each text is an interpolated string formatted straight into the
        /// reason, and only in that language: a province's evaluation writes thirty thousand reasons, and formatting
        /// both languages to keep one was half the time its answer took.
        /// </summary>
        public void Text(
            [InterpolatedStringHandlerArgument("")] ChineseText zh,
            [InterpolatedStringHandlerArgument("")] EnglishText en)
        {
        }

        /// <summary>Appends one of two texts already made (a choice between phrasings, a plain literal).</summary>
        public void Text(string zh, string en) => _text.Append(chinese ? zh : en);

        public bool Chinese => chinese;

        public StringBuilder Builder => _text;

        /// <summary>"累计完成620亿元" / "620 (100 million yuan) done to date", by value kind.</summary>
        public void Value()
        {
            string a = Amount(_row.ActualValue);
            switch (_indicator.ValueKind)
            {
                case ValueKind.Cumulative when _row.ActualPeriod!.Value.EndMonth == 12:
                    Text($"全年累计{a}", $"{a} for the year");
                    break;
                case ValueKind.Cumulative:
                    Text($"累计完成{a}", $"{a} done to date");
                    break;
                case ValueKind.Period:
                    Text($"本期{a}", $"{a} in the period");
                    break;
                default:
                    Text($"当前值{a}", $"value {a}");
                    break;
            }
        }

        /// <summary>A cumulative value before the year's end against its expected-to-date value.</summary>
        public void AgainstExpected()
        {
            double actual = _row.ActualValue;
            double expected = _row.ExpectedValue;
            string e = Amount(expected);
            string share = Percent(_row.TimeShare!.Value * 100);
            string profile = chinese ? ProfileZh() : ProfileEn();
            string target = TargetName();
            Value();
            Text($",序时目标{e}({target},时间进度{share},{profile})", $" against {e} expected ({target}, {share} of the year, {profile})");

            double gap = actual - expected;
            string by = expected == 0 ? Amount(Math.Abs(gap)) : Percent(Math.Abs(gap) / Math.Abs(expected) * 100);
            switch (_indicator.Direction)
            {
                case Direction.Lower:
                    Text(gap <= 0 ? $",低于序时进度{by}" : $",高于序时进度{by}", gap <= 0 ? $"; {by} below the expected (lower is better)" : $"; {by} above the expected");
                    break;
                case Direction.Range:
                    Text($",偏离序时进度{by}", $"; {by} off the expected");
                    break;
                default:
                    Text(gap >= 0 ? $",超序时{by}" : $",落后序时{by}", gap >= 0 ? $"; {by} ahead" : $"; {by} behind");
                    break;
            }

            ToleranceClause(expected);
        }

        /// <summary>A level, a period value or a year-end cumulative value against its target, as the qualifier reads.</summary>
        public void AgainstTarget()
        {
            var targets = _row.Frame.Snapshot.Targets;
            int t = _row.AppliedTarget;
            double target = targets.Number(t);
            double? upper = targets.Upper(t) is decimal u ? (double)u : null;
            var qualifier = targets.Qualifier(t);
            Value();
            string value = Amount(target);
            string goal = qualifier switch
            {
                TargetQualifier.AtLeast => chinese ? $"{value}以上" : $"at least {value}",
                TargetQualifier.AtMost => chinese ? $"{value}以内" : $"at most {value}",
                TargetQualifier.Range => $"{value}–{Amount(upper ?? target)}",
                _ => chinese
                    ? $"{value}左右(±{Difference(StatusRules.Amount(_indicator.Tolerance, target))})"
                    : $"around {value} (±{Difference(StatusRules.Amount(_indicator.Tolerance, target))})",
            };
            string period = _row.TargetPeriod is { Kind: Frequency.Quarter } q ? q.ToString() : string.Empty;
            Text($",{period}目标{goal}", $"; {(period.Length > 0 ? period + " " : string.Empty)}target {goal}");
            if (_row.Status == EvaluationStatus.Green)
            {
                Text(",达到目标", "; target met");
                return;
            }

            string shortfall = Difference(StatusRules.Shortfall(_row.ActualValue, target, upper, qualifier, _indicator.Direction));
            Text($",差{shortfall}", $"; {shortfall} off");
            double reference = qualifier == TargetQualifier.Range && _row.ActualValue > target ? upper ?? target : target;
            ToleranceClause(reference);
        }

        /// <summary>Where a value came from: children, a formula, another period.</summary>
        public void Provenance(EvaluationReason reason)
        {
            if (_row.IsRolledUp && !_indicator.IsDerived)
            {
                int r = _row.ChildrenReported;
                int n = _row.ChildrenTotal;
                Text(
                    r < n ? $";由下级汇总,{r}/{n}个单位已报送,覆盖不全" : $";由下级{n}个单位汇总",
                    r < n ? $"; summed from subordinate units, {r} of {n} reported (incomplete)" : $"; summed from {n} subordinate units");
            }

            if (reason.Formula is not null && !_row.Source.IsOwnAt(_row.UnitIndex))
            {
                Text($";按{reason.Formula}计算:", $"; computed as {reason.Formula} from ");
                Inputs(reason.Inputs);
            }

            if (_row.ActualPeriod is { } used && used != _row.Period)
            {
                Text($";采用{used}数据", $"; using {used} data");
            }
        }

        /// <summary>Why there is no value: a missing input, a zero divisor, a missing month, silent children.</summary>
        public void Missing(EvaluationReason reason)
        {
            switch (reason.Issue)
            {
                case ValueIssue.MissingInput:
                    Text($",缺少{reason.Detail}的数据", $"; no value for {reason.Detail}");
                    break;
                case ValueIssue.DivisionByZero:
                    Text($",{reason.Formula}除数为零(", $"; division by zero in {reason.Formula} (");
                    Inputs(reason.Inputs);
                    Text(")", ")");
                    break;
                case ValueIssue.OutOfRange:
                    Text($",{reason.Formula}计算结果超出范围", $"; {reason.Formula} is out of range");
                    break;
                case ValueIssue.IncompletePeriod:
                    Text($",{reason.Detail}缺数,无法合计", $"; {reason.Detail} is missing, so there is no total");
                    break;
                default:
                    if (_row.ChildrenTotal > 0)
                    {
                        Text($",下级{_row.ChildrenReported}/{_row.ChildrenTotal}个单位已报送", $"; {_row.ChildrenReported} of {_row.ChildrenTotal} subordinate units reported");
                    }

                    break;
            }
        }

        private void Inputs(IReadOnlyList<FormulaInput> inputs)
        {
            for (int k = 0; k < inputs.Count; k++)
            {
                var input = inputs[k];
                int decimals = _row.Frame.Snapshot.TryGetIndicator(input.Code, out int i) ? _row.Frame.Snapshot.Data[i].Decimals : _indicator.Decimals;
                string value = _row.Frame.Snapshot.Withheld.Contains(input.Code) ? (chinese ? "(未公开)" : "(not published)")
                    : input.Value is double v ? v.ToString(Formats[decimals], CultureInfo.InvariantCulture) : (chinese ? "无数据" : "none");
                string national = input.IsNational ? (chinese ? "(全国)" : " (national)") : string.Empty;
                Text($"{(k > 0 ? "、" : string.Empty)}{input.Code}{national}={value}", $"{(k > 0 ? ", " : string.Empty)}{input.Code}{national}={value}");
            }
        }

        private void ToleranceClause(double reference)
        {
            var tolerance = _indicator.Tolerance;
            string tol = tolerance.IsRelative ? tolerance.ToString() : Difference(StatusRules.Amount(tolerance, reference));
            if (_row.Status == EvaluationStatus.Yellow)
            {
                Text($",在容差{tol}以内", $", within the {tol} tolerance");
            }
            else if (_row.Status == EvaluationStatus.Red)
            {
                Text($",超出容差{tol}", $", beyond the {tol} tolerance");
            }
        }

        private string TargetName()
        {
            var targets = _row.Frame.Snapshot.Targets;
            string annual = _row.AnnualTargetNumber > 0 ? Amount(targets.Number(_row.AnnualTargetNumber)) : "?";
            if (_row.TargetPeriod is { Kind: Frequency.Quarter } q)
            {
                string quarter = Amount(targets.Number(_row.AppliedTarget));
                return chinese ? $"{q}目标{quarter},年度目标{annual}" : $"{q} target {quarter}, annual target {annual}";
            }

            return chinese ? $"年度目标{annual}" : $"annual target {annual}";
        }

        private string ProfileZh() => _row.ShareSource switch
        {
            ShareSource.SCurve => "S曲线",
            ShareSource.Seasonal => $"季节性,本单位{_row.SeasonalYears}年平均",
            ShareSource.SeasonalFromRoot => $"季节性,按{RootName()}{_row.SeasonalYears}年平均",
            ShareSource.SeasonalFallbackLinear => "季节性无往年数据,按线性",
            _ => "线性",
        };

        private string ProfileEn() => _row.ShareSource switch
        {
            ShareSource.SCurve => "S-curve",
            ShareSource.Seasonal => $"seasonal, average of {_row.SeasonalYears} earlier years",
            ShareSource.SeasonalFromRoot => $"seasonal, {RootName()}'s average of {_row.SeasonalYears} earlier years",
            ShareSource.SeasonalFallbackLinear => "seasonal with no earlier years, linear",
            _ => "linear",
        };

        private string RootName()
        {
            var tree = _row.Frame.Snapshot.Tree;
            return tree.Names[tree.Root[_row.UnitIndex]];
        }

        /// <summary>A value with its unit: "620亿元" / "620 (100 million yuan)", "5.2%".</summary>
        private string Amount(double value)
        {
            string number = value.ToString(Formats[_indicator.Decimals], CultureInfo.InvariantCulture);
            string unit = _indicator.Unit;
            if (unit.Length == 0)
            {
                return number;
            }

            if (_indicator.IsPercent || chinese)
            {
                return number + unit;
            }

            return $"{number} ({UnitsEn.GetValueOrDefault(unit, unit)})";
        }

        /// <summary>A difference: in percentage points (个百分点) for rates in percent, else in the unit.</summary>
        private string Difference(double value)
        {
            if (!_indicator.IsPercent)
            {
                return Amount(value);
            }

            string number = value.ToString(Formats[_indicator.Decimals], CultureInfo.InvariantCulture);
            return chinese ? number + "个百分点" : number + " percentage points";
        }
    }
}

/// <summary>Formats the Chinese text of <see cref="ReasonText"/>'s writer into its reason, and only when the reason is Chinese.</summary>
[InterpolatedStringHandler]
internal readonly ref struct ChineseText
{
    private readonly StringBuilder.AppendInterpolatedStringHandler _inner;
    private readonly bool _wanted;

    public ChineseText(int literalLength, int formattedCount, ReasonText.Writer writer, out bool shouldAppend)
    {
        _wanted = shouldAppend = writer.Chinese;
        _inner = new StringBuilder.AppendInterpolatedStringHandler(_wanted ? literalLength : 0, _wanted ? formattedCount : 0, writer.Builder, CultureInfo.InvariantCulture);
    }

    public void AppendLiteral(string value) => _inner.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _inner.AppendFormatted(value);

    public void AppendFormatted(string? value) => _inner.AppendFormatted(value);
}

/// <summary>Formats the English text of <see cref="ReasonText"/>'s writer into its reason, and only when the reason is English.</summary>
[InterpolatedStringHandler]
internal readonly ref struct EnglishText
{
    private readonly StringBuilder.AppendInterpolatedStringHandler _inner;

    public EnglishText(int literalLength, int formattedCount, ReasonText.Writer writer, out bool shouldAppend)
    {
        shouldAppend = !writer.Chinese;
        _inner = new StringBuilder.AppendInterpolatedStringHandler(shouldAppend ? literalLength : 0, shouldAppend ? formattedCount : 0, writer.Builder, CultureInfo.InvariantCulture);
    }

    public void AppendLiteral(string value) => _inner.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _inner.AppendFormatted(value);

    public void AppendFormatted(string? value) => _inner.AppendFormatted(value);
}
