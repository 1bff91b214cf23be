using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;

namespace Luoshi.Domain.Reporting;

public enum RuleSeverity
{
    /// <summary>Blocks submission.</summary>
    Error = 1,

    /// <summary>Needs an explanation (a comment on the value) before submission.</summary>
    Warning = 2,
}

public enum RuleKind
{
    /// <summary><c>PRIVATE_INV &lt;= FAI</c>: two formulas compared.</summary>
    Compare = 1,

    /// <summary>An indicator's value within [min, max].</summary>
    Range = 2,

    /// <summary>An indicator's value changed by more than N% against the last period.</summary>
    Change = 3,
}

/// <summary>
/// A check on reported values, per indicator or across indicators (DHIS2's validation rules): a
/// comparison of two formulas, a range, or a jump against the last period. Errors block submission;
/// warnings need an explanation.
/// </summary>
public sealed class ValidationRule
{
    private static readonly string[] Operators = ["<=", ">=", "==", "!=", "<", ">"];

    private ValidationRule()
    {
        Code = string.Empty;
        Message = string.Empty;
    }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public RuleKind Kind { get; private set; }
    public RuleSeverity Severity { get; private set; }
    public string? Expression { get; private set; }
    public string? IndicatorCode { get; private set; }
    public decimal? Min { get; private set; }
    public decimal? Max { get; private set; }
    public decimal? MaxChangePercent { get; private set; }
    public string Message { get; private set; }

    public static ValidationRule Comparison(string code, string expression, RuleSeverity severity, string message)
    {
        _ = Split(expression);
        return new ValidationRule { Code = Common.Code.Require(code, "code"), Kind = RuleKind.Compare, Expression = expression.Trim(), Severity = severity, Message = Common.Code.RequireText(message, "message", 500) };
    }

    public static ValidationRule InRange(string code, string indicator, decimal? min, decimal? max, RuleSeverity severity, string message)
    {
        if (min is null && max is null || min > max)
        {
            throw new DomainException("min", new Text("范围规则需要下限或上限,且下限不大于上限", "a range needs a minimum or maximum, the minimum not above the maximum"));
        }

        return new ValidationRule { Code = Common.Code.Require(code, "code"), Kind = RuleKind.Range, IndicatorCode = indicator, Min = min, Max = max, Severity = severity, Message = Common.Code.RequireText(message, "message", 500) };
    }

    public static ValidationRule ChangeAtMost(string code, string indicator, decimal percent, RuleSeverity severity, string message)
    {
        if (percent <= 0)
        {
            throw new DomainException("maxChangePercent", new Text("变动幅度须为正数", "the change threshold must be positive"));
        }

        return new ValidationRule { Code = Common.Code.Require(code, "code"), Kind = RuleKind.Change, IndicatorCode = indicator, MaxChangePercent = percent, Severity = severity, Message = Common.Code.RequireText(message, "message", 500) };
    }

    /// <summary>The indicator codes the rule reads.</summary>
    public IReadOnlyList<string> Inputs => Kind == RuleKind.Compare
        ? [.. Split(Expression!).Left.Inputs.Concat(Split(Expression!).Right.Inputs).Distinct()]
        : [IndicatorCode!];

    /// <summary>
    /// Checks the rule against this period's values (and last period's, for changes). Returns the
    /// violation's explanation, or null when the rule holds or cannot be judged (inputs missing).
    /// </summary>
    public Text? Check(Func<string, double?> current, Func<string, double?> previous)
    {
        switch (Kind)
        {
            case RuleKind.Compare:
                var (left, op, right) = Split(Expression!);
                if (!left.TryEvaluate(current, out double l, out _) || !right.TryEvaluate(current, out double r, out _))
                {
                    return null;
                }

                bool holds = op switch
                {
                    "<=" => l <= r,
                    ">=" => l >= r,
                    "==" => Math.Abs(l - r) < 1e-9,
                    "!=" => Math.Abs(l - r) >= 1e-9,
                    "<" => l < r,
                    _ => l > r,
                };
                return holds ? null : Text.Same($"{Message}({left} = {Fmt(l)},{right} = {Fmt(r)})");
            case RuleKind.Range:
                if (current(IndicatorCode!) is not { } v)
                {
                    return null;
                }

                return (Min is { } min && v < (double)min) || (Max is { } max && v > (double)max)
                    ? new Text($"{Message}({IndicatorCode} = {Fmt(v)},范围 {Fmt((double?)Min)}–{Fmt((double?)Max)})", $"{Message} ({IndicatorCode} = {Fmt(v)}, range {Fmt((double?)Min)}–{Fmt((double?)Max)})")
                    : null;
            default:
                if (current(IndicatorCode!) is not { } now || previous(IndicatorCode!) is not { } before || before == 0)
                {
                    return null;
                }

                double change = (now - before) / Math.Abs(before) * 100;
                return Math.Abs(change) > (double)MaxChangePercent!.Value
                    ? new Text($"{Message}({IndicatorCode} 较上期变动 {Fmt(change)}%,超过 {Fmt((double)MaxChangePercent.Value)}%)", $"{Message} ({IndicatorCode} changed {Fmt(change)}% against last period, more than {Fmt((double)MaxChangePercent.Value)}%)")
                    : null;
        }
    }

    private static (Formula Left, string Op, Formula Right) Split(string expression)
    {
        var text = expression?.Trim() ?? string.Empty;
        foreach (var op in Operators)
        {
            int at = text.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                return (Formula.Parse(text[..at], "expression"), op, Formula.Parse(text[(at + op.Length)..], "expression"));
            }
        }

        throw new DomainException("expression", new Text("规则须为“公式 比较符 公式”,如 PRIVATE_INV <= FAI", "a rule compares two formulas, e.g. PRIVATE_INV <= FAI"));
    }

    private static string Fmt(double? v) => v is { } x ? x.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
