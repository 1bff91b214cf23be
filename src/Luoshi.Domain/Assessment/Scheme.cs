namespace Luoshi.Domain.Assessment;

/// <summary>
/// 考核方案: who is assessed (the group), on what (criteria, each with points, a source and a scoring
/// method), with which bonuses, deductions and vetoes, graded how. Read from a JSON file whose keys the
/// CLI and API accept as they are; versioned by the store, never edited in place once used.
/// </summary>
public sealed record Scheme(
    string Name,
    int Year,
    string? Period,
    IReadOnlyList<string> Group,
    IReadOnlyList<Criterion> Criteria,
    IReadOnlyList<Adjustment>? Adjustments,
    IReadOnlyList<Veto>? Veto,
    IReadOnlyList<GradeBand> Grades,
    string? VetoGrade,
    decimal? BonusCap = null,
    decimal? DeductionCap = null);

/// <summary>
/// One criterion. The source is an indicator (<see cref="Indicator"/> with <see cref="Measure"/> actual,
/// completion, yoy or gapToNational), a project metric (<see cref="Source"/> projects.startRate or
/// projects.completionRate), reporting timeliness (reporting.onTime), or manual scores with evidence.
/// </summary>
public sealed record Criterion(
    string Code,
    string Name,
    decimal Points,
    ScoringMethod Method,
    string? Indicator = null,
    string? Measure = null,
    string? Source = null,
    string? Category = null,
    IReadOnlyList<ManualScore>? Scores = null);

public sealed record ScoringMethod(
    string Type,
    double? Cap = null,
    double? Floor = null,
    double? Ceiling = null,
    double? LastShare = null,
    IReadOnlyList<Tier>? Tiers = null,
    string? Direction = null);

/// <summary>A tier: a value at or beyond <see cref="Threshold"/> (in the criterion's good direction) earns <see cref="Points"/>.</summary>
public sealed record Tier(double Threshold, decimal Points);

public sealed record ManualScore(string Org, decimal Points, string? Evidence);

/// <summary>加分 (positive) or 扣分 (negative), with its reason.</summary>
public sealed record Adjustment(string Org, decimal Points, string Reason);

/// <summary>一票否决: the unit gets the scheme's veto grade whatever its score.</summary>
public sealed record Veto(string Org, string Reason);

/// <summary>A grade from a minimum score, or (with <see cref="TopShare"/>) for the best share of the group.</summary>
public sealed record GradeBand(string Name, decimal? MinScore = null, double? TopShare = null);
