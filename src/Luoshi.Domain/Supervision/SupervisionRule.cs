using System.Globalization;
using System.Text.RegularExpressions;
using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Organization;

namespace Luoshi.Domain.Supervision;

/// <summary>
/// 督办规则: which lagging figures open supervision items by themselves — which indicators (by code, or those
/// linked to a plan item and the items below it; none named: all), at which kinds of unit, how far behind
/// (red, and optionally at least so many points behind) and for how many periods in a row. A rule opens one
/// item per lead unit listing every figure it caught, so the board holds what a person can work through
/// (docs/adr/0017). Every change raises the version, and the change is audited like any other.
/// </summary>
public sealed partial class SupervisionRule
{
    /// <summary>The rule that stands for the <c>Luoshi:Supervision</c> settings until someone edits it.</summary>
    public const string DefaultCode = "default";

    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 100;
    public const int MaxIndicators = 500;
    public const int MaxPeriods = 24;
    public const int MaxDeadlineDays = 365;
    public const decimal MaxGapPoints = 1000;

    private readonly List<string> _indicatorCodes = [];
    private IReadOnlyList<OrgUnitKind>? _unitKinds;

    private SupervisionRule()
    {
        Code = string.Empty;
        Name = string.Empty;
        UnitKindsText = string.Empty;
        CreatedBy = string.Empty;
        UpdatedBy = string.Empty;
    }

    public int Id { get; private set; }

    /// <summary>Lower-case letters, digits and '-': it names the rule in items' causes, so it never changes.</summary>
    public string Code { get; private set; }
    public string Name { get; private set; }
    public bool Enabled { get; private set; }

    /// <summary>Indicators named one by one; with <see cref="PlanItemCode"/> empty too, the rule covers every indicator.</summary>
    public IReadOnlyList<string> IndicatorCodes => _indicatorCodes;

    /// <summary>A plan item (a programme, a task) whose linked indicators, and those of the items below it, the rule covers.</summary>
    public string? PlanItemCode { get; private set; }

    /// <summary>How many of the indicator's latest periods in a row must all be behind.</summary>
    public int Periods { get; private set; }

    /// <summary>
    /// Besides red, how far behind a period must be (null: red is enough) — for a cumulative indicator its
    /// completion in percentage points behind the expected-to-date share (序时进度), for others the percent
    /// short of the target; see <see cref="Shortfall"/>.
    /// </summary>
    public decimal? MinGapPoints { get; private set; }

    /// <summary>The kinds of unit whose figures count, comma-separated as stored; empty for every kind but reference units.</summary>
    public string UnitKindsText { get; private set; }

    /// <summary>What an item it opens needs before it may close: every listed figure out of red this many periods (null: nothing).</summary>
    public int? ClearPeriodsToClose { get; private set; }

    /// <summary>Days an item it opens gives the lead unit, from the day it opens.</summary>
    public int DeadlineDays { get; private set; }

    public int Version { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; }

    public IReadOnlyList<OrgUnitKind> UnitKinds => _unitKinds ??= ParseKinds(UnitKindsText);

    /// <summary>True for a rule that exists only as the settings (never stored, so never edited).</summary>
    public bool FromSettings => Id == 0 && Code == DefaultCode && Version == 0;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex CodePattern();

    public static SupervisionRule Create(string code, string name, RuleDefinition definition, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var c = code?.Trim() ?? string.Empty;
        if (!CodePattern().IsMatch(c))
        {
            throw new DomainException("code", new Text($"规则代码须由小写字母、数字和连字符组成,以字母或数字开头,最长{CodeMaxLength}位", $"a rule code holds lower-case letters, digits and '-', starts with a letter or digit, at most {CodeMaxLength}"));
        }

        var rule = new SupervisionRule
        {
            Code = c,
            Enabled = false,
            CreatedAt = at,
            CreatedBy = Common.Code.RequireText(by, "actor", Common.Stamp.ActorMaxLength),
        };
        rule.Apply(name, definition);
        rule.Touch(by, at);
        return rule;
    }

    /// <summary>
    /// The default rule as the settings describe it (<c>RedPeriods</c>, <c>RedItemClearPeriods</c>,
    /// <c>RuleDeadlineDays</c>): every indicator, every kind of unit, red for so many periods. Not stored; the
    /// first edit stores it, and from then on the stored rule is the one that counts.
    /// </summary>
    public static SupervisionRule FromSettingsOf(int redPeriods, int clearPeriods, int deadlineDays)
    {
        var rule = new SupervisionRule { Code = DefaultCode, Enabled = true, CreatedBy = "settings", UpdatedBy = "settings" };
        rule.Apply(new Text("默认规则:指标连续红灯", "default: indicators red in a row").Bilingual, new RuleDefinition([], null, redPeriods, null, [], clearPeriods > 0 ? clearPeriods : null, deadlineDays));
        return rule;
    }

    /// <summary>Stores the settings' default rule as it stands, so that an edit or a switch has a row to change.</summary>
    public static SupervisionRule Adopt(SupervisionRule settings, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.FromSettings)
        {
            throw new InvalidOperationException("Only the settings' default rule is adopted.");
        }

        var rule = Create(DefaultCode, settings.Name, settings.Definition, by, at);
        rule.Enabled = settings.Enabled;
        return rule;
    }

    public RuleDefinition Definition => new([.. _indicatorCodes], PlanItemCode, Periods, MinGapPoints, UnitKinds, ClearPeriodsToClose, DeadlineDays);

    /// <summary>Rewrites what the rule catches; the items it already opened keep what they were opened for.</summary>
    public void Define(string name, RuleDefinition definition, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Apply(name, definition);
        Touch(by, at);
    }

    public void Enable(string by, DateTimeOffset at) => Switch(true, by, at);

    public void Disable(string by, DateTimeOffset at) => Switch(false, by, at);

    /// <summary>Whether the figures of a unit of this kind count (reference units never lead anything).</summary>
    public bool Covers(OrgUnitKind kind) => kind != OrgUnitKind.Reference && (UnitKindsText.Length == 0 || UnitKinds.Contains(kind));

    /// <summary>Whether one period of a figure is behind enough: red, and when a gap is set, at least that far behind (an unknown gap is not).</summary>
    public bool Counts(EvaluationStatus status, double? gapPoints) =>
        status == EvaluationStatus.Red && (MinGapPoints is not { } min || (gapPoints is { } gap && gap >= (double)min));

    /// <summary>What the rule catches in words, Chinese and English: "连续3期红灯" / "red 3 periods running".</summary>
    public (string Zh, string En) Condition()
    {
        var n = Periods.ToString(CultureInfo.InvariantCulture);
        if (MinGapPoints is { } gap)
        {
            var g = gap.ToString("0.##", CultureInfo.InvariantCulture);
            return ($"连续{n}期红灯且落后{g}个百分点以上", $"red and at least {g} points behind, {n} periods running");
        }

        return ($"连续{n}期红灯", $"red {n} periods running");
    }

    private void Apply(string name, RuleDefinition d)
    {
        var newName = Common.Code.RequireText(name, "name", NameMaxLength);
        var codes = new List<string>();
        foreach (var code in d.IndicatorCodes)
        {
            var c = Common.Code.Require(code, "indicators");
            if (!codes.Contains(c, StringComparer.Ordinal))
            {
                codes.Add(c);
            }
        }

        if (codes.Count > MaxIndicators)
        {
            throw new DomainException("indicators", new Text($"最多列{MaxIndicators}个指标", $"at most {MaxIndicators} indicators"));
        }

        var plan = string.IsNullOrWhiteSpace(d.PlanItemCode) ? null : Common.Code.Require(d.PlanItemCode, "planItem");
        if (d.Periods is < 1 or > MaxPeriods)
        {
            throw new DomainException("periods", new Text($"连续期数须在1–{MaxPeriods}之间", $"periods must be 1–{MaxPeriods}"));
        }

        if (d.MinGapPoints is { } gap && (gap <= 0 || gap > MaxGapPoints))
        {
            throw new DomainException("minGapPoints", new Text($"最小差距须大于0且不超过{MaxGapPoints}", $"the minimum gap must be above 0 and at most {MaxGapPoints}"));
        }

        if (d.UnitKinds.Contains(OrgUnitKind.Reference) || d.UnitKinds.Any(k => !Enum.IsDefined(k)))
        {
            throw new DomainException("unitKinds", new Text("单位类型只能是省、市、县、部门", "unit kinds are Province, City, County or Department"));
        }

        if (d.ClearPeriodsToClose is < 1 or > SupervisionItem.MaxClearPeriods)
        {
            throw new DomainException("clearPeriodsToClose", new Text($"期数须在1–{SupervisionItem.MaxClearPeriods}之间", $"periods must be 1–{SupervisionItem.MaxClearPeriods}"));
        }

        if (d.DeadlineDays is < 1 or > MaxDeadlineDays)
        {
            throw new DomainException("deadlineDays", new Text($"办理期限须在1–{MaxDeadlineDays}天之间", $"the deadline must be 1–{MaxDeadlineDays} days"));
        }

        Name = newName;
        _indicatorCodes.Clear();
        _indicatorCodes.AddRange(codes);
        PlanItemCode = plan;
        Periods = d.Periods;
        MinGapPoints = d.MinGapPoints;
        UnitKindsText = string.Join(',', d.UnitKinds.Distinct().Order());
        _unitKinds = null;
        ClearPeriodsToClose = d.ClearPeriodsToClose;
        DeadlineDays = d.DeadlineDays;
    }

    private void Switch(bool enabled, string by, DateTimeOffset at)
    {
        if (Enabled == enabled)
        {
            throw new DomainConflictException("enabled", enabled ? new Text("规则已启用", "the rule is already enabled") : new Text("规则已停用", "the rule is already disabled"));
        }

        Enabled = enabled;
        Touch(by, at);
    }

    private void Touch(string by, DateTimeOffset at)
    {
        UpdatedBy = Common.Code.RequireText(by, "actor", Common.Stamp.ActorMaxLength);
        UpdatedAt = at;
        Version++;
    }

    private static IReadOnlyList<OrgUnitKind> ParseKinds(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(k => Enum.Parse<OrgUnitKind>(k))];
}

/// <summary>What a rule catches, as one value so that the rules between its parts are checked together.</summary>
public sealed record RuleDefinition(
    IReadOnlyList<string> IndicatorCodes,
    string? PlanItemCode,
    int Periods,
    decimal? MinGapPoints,
    IReadOnlyList<OrgUnitKind> UnitKinds,
    int? ClearPeriodsToClose,
    int DeadlineDays);
