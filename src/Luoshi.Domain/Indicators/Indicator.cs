using System.Text.RegularExpressions;
using Luoshi.Domain.Common;

namespace Luoshi.Domain.Indicators;

/// <summary>What is measured: 指标. A derived indicator carries a <see cref="Formula"/> over other indicators.</summary>
public sealed partial class Indicator : IVersioned, IPublishable
{
    public const int NameMaxLength = 100;
    public const int UnitMaxLength = 20;
    public const int MaxDecimals = 6;

    private readonly List<IndicatorPlanLink> _planLinks = [];
    private Formula? _parsedFormula;

    private Indicator()
    {
        Code = string.Empty;
        Name = string.Empty;
        Unit = string.Empty;
        ToleranceText = Tolerance.Default.ToString();
    }

    public int Id { get; private set; }

    /// <summary>An identifier usable in formulas: a letter or '_' first, then letters, digits and '_'.</summary>
    public string Code { get; private set; }
    public string Name { get; private set; }
    public string Unit { get; private set; }
    public Direction Direction { get; private set; }
    public Frequency Frequency { get; private set; }
    public ValueKind ValueKind { get; private set; }
    public Aggregation Aggregation { get; private set; }
    public string? FormulaText { get; private set; }
    public string ToleranceText { get; private set; }
    public ProgressProfile Profile { get; private set; }
    public int Decimals { get; private set; }
    public int? ResponsibleUnitId { get; private set; }

    /// <summary>Day of the following month by which a period's value is due (default 20).</summary>
    public int DueDay { get; private set; }
    public IReadOnlyList<IndicatorPlanLink> PlanLinks => _planLinks;
    public int Version { get; private set; }

    /// <summary>Shown on the public portal: its approved values, targets and statuses (docs/adr/0036).</summary>
    public bool IsPublic { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }

    public Tolerance Tolerance => Tolerance.Parse(ToleranceText);

    public bool IsDerived => FormulaText is not null;

    public Formula? Formula => FormulaText is null ? null : _parsedFormula ??= Formula.Parse(FormulaText);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,31}$")]
    private static partial Regex CodePattern();

    public static Indicator Create(string code, string name, string unit)
    {
        var c = code?.Trim() ?? string.Empty;
        if (!CodePattern().IsMatch(c))
        {
            throw new DomainException("code", new Text("指标代码须以字母或下划线开头,只含字母、数字和下划线,最长32位(以便用于公式)", "an indicator code starts with a letter or '_' and holds letters, digits and '_', at most 32 (so formulas can name it)"));
        }

        var indicator = new Indicator { Code = c, Version = 1, DueDay = 20 };
        indicator.Define(name, unit, Direction.Higher, Frequency.Month, ValueKind.Period, Aggregation.Sum, null, Tolerance.Default, ProgressProfile.Linear, 2);
        return indicator;
    }

    /// <summary>
    /// Sets the definition as a whole (so the rules between fields are checked together). A formula goes
    /// with <see cref="Aggregation.Formula"/> and only with it; the references are checked by the caller,
    /// who knows the other indicators (<see cref="CheckFormulaGraph"/>).
    /// </summary>
    public void Define(
        string name,
        string unit,
        Direction direction,
        Frequency frequency,
        ValueKind valueKind,
        Aggregation aggregation,
        string? formula,
        Tolerance tolerance,
        ProgressProfile profile,
        int decimals)
    {
        // Everything is checked before anything is assigned, so a refused definition changes nothing.
        var newName = Common.Code.RequireText(name, "name", NameMaxLength);
        var newUnit = Common.Code.OptionalText(unit, "unit", UnitMaxLength) ?? string.Empty;
        _ = Enum.IsDefined(direction) ? direction : throw new DomainException("direction", new Text("方向无效", "unknown direction"));
        _ = Enum.IsDefined(frequency) ? frequency : throw new DomainException("frequency", new Text("频度无效", "unknown frequency"));
        _ = Enum.IsDefined(valueKind) ? valueKind : throw new DomainException("valueKind", new Text("数值类型无效", "unknown value kind"));
        _ = Enum.IsDefined(aggregation) ? aggregation : throw new DomainException("aggregation", new Text("汇总方式无效", "unknown aggregation"));
        _ = Enum.IsDefined(profile) ? profile : throw new DomainException("profile", new Text("序时进度曲线无效", "unknown profile"));
        if (decimals is < 0 or > MaxDecimals)
        {
            throw new DomainException("decimals", new Text($"小数位数须在0–{MaxDecimals}之间", $"decimals must be 0–{MaxDecimals}"));
        }

        var text = string.IsNullOrWhiteSpace(formula) ? null : formula.Trim();
        if (aggregation == Aggregation.Formula && text is null)
        {
            throw new DomainException("formula", new Text("汇总方式为公式时必须给出公式", "aggregation 'formula' needs a formula"));
        }

        if (aggregation != Aggregation.Formula && text is not null)
        {
            throw new DomainException("aggregation", new Text("有公式的派生指标须按公式汇总", "a derived indicator (with a formula) must use aggregation 'formula'"));
        }

        var parsed = text is null ? null : Formula.Parse(text);
        if (parsed?.Inputs.Contains(Code, StringComparer.Ordinal) == true)
        {
            throw new DomainException("formula", new Text($"公式不能引用指标自身 {Code}", $"the formula cannot refer to {Code} itself"));
        }

        Name = newName;
        Unit = newUnit;
        Direction = direction;
        Frequency = frequency;
        ValueKind = valueKind;
        Aggregation = aggregation;
        Profile = profile;
        Decimals = decimals;
        ToleranceText = tolerance.ToString();
        _parsedFormula = parsed;
        FormulaText = text;
    }

    public void SetDueDay(int day)
    {
        if (day is < 1 or > 28)
        {
            throw new DomainException("dueDay", new Text("报送截止日须在1–28之间", "the due day must be 1–28"));
        }

        DueDay = day;
    }

    public void AssignResponsibleUnit(int? orgUnitId) => ResponsibleUnitId = orgUnitId;

    public void Publish(bool on, DateTimeOffset at)
    {
        if (on != IsPublic)
        {
            (IsPublic, PublishedAt) = (on, on ? at : null);
        }
    }

    public void LinkPlanItems(IEnumerable<int> planItemIds)
    {
        var ids = planItemIds.Distinct().ToList();
        _planLinks.RemoveAll(l => !ids.Contains(l.PlanItemId));
        foreach (var id in ids.Where(id => _planLinks.All(l => l.PlanItemId != id)))
        {
            _planLinks.Add(new IndicatorPlanLink(id));
        }
    }


    /// <summary>
    /// Checks that every formula refers to known indicators and that no formula depends on itself
    /// through others. <paramref name="formulas"/> maps each derived indicator's code to its formula.
    /// Returns the derived codes in an order where inputs come before the formulas that read them.
    /// </summary>
    public static IReadOnlyList<string> CheckFormulaGraph(IReadOnlyDictionary<string, Formula> formulas, ISet<string> knownCodes)
    {
        foreach (var (code, formula) in formulas)
        {
            var unknown = formula.Inputs.FirstOrDefault(i => !knownCodes.Contains(i));
            if (unknown is not null)
            {
                throw new DomainException("formula", new Text($"{code} 的公式引用了不存在的指标 {unknown}", $"the formula of {code} refers to unknown indicator {unknown}"));
            }
        }

        var order = new List<string>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 visiting, 2 done
        foreach (var code in formulas.Keys.Order(StringComparer.Ordinal))
        {
            Visit(code, []);
        }

        return order;

        void Visit(string code, List<string> trail)
        {
            if (!formulas.TryGetValue(code, out var formula) || state.GetValueOrDefault(code) == 2)
            {
                return;
            }

            trail.Add(code);
            if (state.GetValueOrDefault(code) == 1)
            {
                throw new DomainException("formula", new Text("公式循环引用", $"the formulas form a cycle: {string.Join(" → ", trail)}"));
            }

            state[code] = 1;
            foreach (var input in formula.Inputs)
            {
                Visit(input, trail);
            }

            state[code] = 2;
            trail.RemoveAt(trail.Count - 1);
            order.Add(code);
        }
    }
}

public sealed class IndicatorPlanLink(int planItemId)
{
    public int IndicatorId { get; private set; }
    public int PlanItemId { get; private set; } = planItemId;
}
