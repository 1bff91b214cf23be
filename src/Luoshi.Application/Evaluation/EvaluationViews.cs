using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Indicators;

namespace Luoshi.Application.Evaluation;

/// <summary>One evaluated indicator × unit, as the API, CLI and UI show it; every number with its reason.</summary>
public sealed record EvaluationRowView(
    string Indicator,
    string IndicatorName,
    string Unit,
    string Org,
    string OrgName,
    string Period,
    string? ActualPeriod,
    double? Actual,
    decimal? Target,
    TargetQualifier? Qualifier,
    decimal? Stretch,
    double? Expected,
    double? TimeShare,
    double? Completion,
    EvaluationStatus Status,
    double? Yoy,
    double? YoyPoints,
    double? National,
    double? GapToNational,
    int? Rank,
    int Siblings,
    int ChildrenReported,
    int ChildrenTotal,
    bool RolledUp,
    bool Derived,
    DateOnly? DueDate,
    string Reason,
    string ReasonEn)
{
    public static EvaluationRowView From(EvaluationRow r) => new(
        r.IndicatorCode,
        r.IndicatorName,
        r.Unit,
        r.OrgCode,
        r.OrgName,
        r.Period.ToString(),
        r.ActualPeriod?.ToString(),
        Round(r.Actual, 4),
        r.Target,
        r.Qualifier,
        r.Stretch,
        Round(r.Expected, 4),
        Round(r.TimeShare, 4),
        Round(r.Completion, 4),
        r.Status,
        Round(r.Yoy ?? PercentChange(r.Actual, r.PreviousYear), 2),
        Round(r.YoyPoints, 2),
        Round(r.National, 4),
        Round(r.GapToNational, 4),
        r.RankAmongSiblings,
        r.SiblingCount,
        r.ChildrenReported,
        r.ChildrenTotal,
        r.IsRolledUp,
        r.IsDerived,
        r.DueDate,
        r.ReasonZh,
        r.ReasonEn);

    // Rates are compared in percentage points (YoyPoints); their relative change is still given as Yoy so that
    // every row with last year's value carries a growth figure.
    private static double? PercentChange(double? now, double? before) =>
        now is { } a && before is { } b && b != 0 ? (a - b) / Math.Abs(b) * 100 : null;

    private static double? Round(double? value, int digits) => value is { } v ? Math.Round(v, digits, MidpointRounding.AwayFromZero) : null;
}

public sealed record EvaluationView(string Period, DateOnly AsOf, StatusCounts Counts, IReadOnlyList<EvaluationRowView> Rows);

/// <summary>The evaluation as a table people take away (<see cref="Spreadsheets.TableExport"/>): the same columns in .xlsx and .csv.</summary>
public static class EvaluationTable
{
    public static readonly string[] Headers = ["indicator", "indicatorName", "org", "orgName", "period", "actual", "target", "qualifier", "expected", "status", "yoy", "yoyPoints", "national", "rank", "reason", "reasonEn"];

    public static IEnumerable<IReadOnlyList<object?>> Rows(IEnumerable<EvaluationRowView> rows) =>
        rows.Select(r => (IReadOnlyList<object?>)[r.Indicator, r.IndicatorName, r.Org, r.OrgName, r.Period, r.Actual, r.Target, r.Qualifier?.ToString(), r.Expected, r.Status.ToString().ToLowerInvariant(), r.Yoy, r.YoyPoints, r.National, r.Rank, r.Reason, r.ReasonEn]);
}
