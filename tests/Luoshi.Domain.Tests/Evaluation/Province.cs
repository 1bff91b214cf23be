using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Plans;

namespace Luoshi.Domain.Tests.Evaluation;

/// <summary>
/// A tiny hand-built province for evaluation tests: 浙江省 (330000) with two cities, 杭州 (330100) with
/// two districts (330102, 330105) and 宁波 (330200) without any, a provincial department (DRC), and
/// 全国 (100000) as the national reference. Indicators, targets and readings are added per test, in any
/// order; <see cref="Build"/> hands them to the builder units first.
/// </summary>
internal sealed class Province
{
    public const string Zhejiang = "330000";
    public const string Hangzhou = "330100";
    public const string Ningbo = "330200";
    public const string Shangcheng = "330102";
    public const string Gongshu = "330105";
    public const string Drc = "DRC";
    public const string National = "100000";

    private readonly List<(string Code, string Name, OrgUnitKind Kind, string? Parent)> _units =
    [
        (Zhejiang, "浙江省", OrgUnitKind.Province, null),
        (Hangzhou, "杭州市", OrgUnitKind.City, Zhejiang),
        (Ningbo, "宁波市", OrgUnitKind.City, Zhejiang),
        (Shangcheng, "上城区", OrgUnitKind.County, Hangzhou),
        (Gongshu, "拱墅区", OrgUnitKind.County, Hangzhou),
        (Drc, "省发展改革委", OrgUnitKind.Department, Zhejiang),
        (National, "全国", OrgUnitKind.Reference, null),
    ];

    private readonly List<Action<EvaluationSnapshotBuilder>> _indicators = [];
    private readonly List<Action<EvaluationSnapshotBuilder>> _data = [];
    private readonly List<Action<EvaluationSnapshotBuilder>> _plans = [];
    private readonly Dictionary<string, int> _indicatorIds = new(StringComparer.Ordinal);

    public static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public int UnitId(string code) => _units.FindIndex(u => u.Code == code) + 1;

    public int IndicatorId(string code) => _indicatorIds[code];

    public Province Unit(string code, string name, OrgUnitKind kind, string? parent)
    {
        _units.Add((code, name, kind, parent));
        return this;
    }

    public Province Indicator(
        string code,
        string unit = "亿元",
        Direction direction = Direction.Higher,
        Frequency frequency = Frequency.Month,
        ValueKind valueKind = ValueKind.Cumulative,
        Aggregation aggregation = Aggregation.Sum,
        string? formula = null,
        string tolerance = "5%",
        ProgressProfile profile = ProgressProfile.Linear,
        int decimals = 0,
        int dueDay = 20)
    {
        int id = _indicatorIds.Count + 1;
        _indicatorIds.Add(code, id);
        var parsedTolerance = Tolerance.Parse(tolerance);
        _indicators.Add(b => b.AddIndicator(id, code, code + "名称", unit, direction, frequency, valueKind, aggregation, formula, parsedTolerance, profile, decimals, dueDay));
        return this;
    }

    /// <summary>A level indicator in percent with an absolute tolerance in percentage points.</summary>
    public Province Rate(string code, string tolerance = "0.5", Direction direction = Direction.Higher, Frequency frequency = Frequency.Month) =>
        Indicator(code, "%", direction, frequency, ValueKind.Level, Aggregation.None, tolerance: tolerance, decimals: 1);

    public Province Target(string indicator, string org, string period, decimal value, TargetQualifier qualifier = TargetQualifier.AtLeast, decimal? upper = null, decimal? stretch = null)
    {
        _data.Add(b => b.AddTarget(IndicatorId(indicator), UnitId(org), Period.Parse(period), value, qualifier, upper, stretch));
        return this;
    }

    public Province Read(string indicator, string org, string period, double value)
    {
        _data.Add(b => b.AddReading(IndicatorId(indicator), UnitId(org), Period.Parse(period), value));
        return this;
    }

    public Province Plan(int id, string code, PlanItemKind kind, int? parent, string? lead, string? due, bool completed, params string[] indicators)
    {
        _plans.Add(b => b.AddPlanItem(id, code, code + "标题", kind, parent, lead is null ? null : UnitId(lead), due is null ? null : Date(due), completed, [.. indicators.Select(IndicatorId)]));
        return this;
    }

    public EvaluationSnapshot Build()
    {
        var builder = new EvaluationSnapshotBuilder();
        for (int i = 0; i < _units.Count; i++)
        {
            var (code, name, kind, parent) = _units[i];
            builder.AddUnit(i + 1, code, name, kind, parent is null ? null : UnitId(parent));
        }

        foreach (var step in _indicators.Concat(_data).Concat(_plans))
        {
            step(builder);
        }

        return builder.Build();
    }

    public EvaluationResult Evaluate(string period, string asOf = "2026-12-31", string? org = null, int? depth = null) =>
        Evaluator.Evaluate(Build(), Period.Parse(period), Date(asOf), org, depth);

    /// <summary>The row of an indicator at a unit; fails the test when there is none.</summary>
    public EvaluationRow Row(string period, string indicator, string org, string asOf = "2026-12-31") =>
        Evaluate(period, asOf).Find(indicator, org) ?? throw new ShouldAssertException($"no row for {indicator} at {org} in {period}");
}
