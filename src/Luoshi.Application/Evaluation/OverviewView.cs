using Luoshi.Domain.Evaluation;

namespace Luoshi.Application.Evaluation;

/// <summary>
/// The overview as the API (<c>GET /api/overview</c>) and the CLI (<c>luoshi overview --format json</c>) answer it:
/// codes and numbers with their reasons, in both languages, nothing that needs the page to read.
/// </summary>
public sealed record OverviewView(
    string Period,
    DateOnly AsOf,
    string Org,
    string OrgName,
    IReadOnlyList<OverviewView.Card> Cards,
    OverviewView.MatrixView Matrix,
    OverviewView.RankingView Ranking,
    OverviewView.ChecksView Checks,
    IReadOnlyList<OverviewView.Listed> Red,
    IReadOnlyList<OverviewView.Listed> Grey)
{
    /// <param name="Period">The period the figure covers.</param>
    /// <param name="Target">The target the engine judged against; the annual target as set when the engine has no row.</param>
    /// <param name="Yoy">Year-on-year change in per cent; <paramref name="YoyPoints"/> for rates, in percentage points.</param>
    public sealed record Card(
        string Indicator, string Name, string Unit, string Period, EvaluationStatus Status, double? Actual, decimal? Target,
        double? ExpectedToDate, double? Completion, double? Yoy, double? YoyPoints, string? Reason, string? ReasonEn);

    public sealed record Column(string Code, string Name, string Unit);

    public sealed record MatrixView(IReadOnlyList<Column> Indicators, IReadOnlyList<MatrixRow> Rows);

    public sealed record MatrixRow(string Org, string OrgName, IReadOnlyList<Cell> Cells);

    public sealed record Cell(string Indicator, EvaluationStatus Status, double? Actual);

    /// <param name="Choices">The indicators the children can be ranked on.</param>
    public sealed record RankingView(string? Indicator, IReadOnlyList<string> Choices, IReadOnlyList<Ranked> Rows);

    public sealed record Ranked(int? Rank, string Org, string OrgName, double? Actual, EvaluationStatus Status, string Reason, string ReasonEn);

    public sealed record ChecksView(int Year, CheckSummary? HalfYear, CheckSummary? FirstQuarter);

    public sealed record Listed(string Indicator, string IndicatorName, string Org, string OrgName, string Period, double? Actual, decimal? Target, EvaluationStatus Status, string Reason, string ReasonEn);

    public static OverviewView From(Overview o) => new(
        o.Period.ToString(),
        o.AsOf,
        o.Frame.Org.Code,
        o.Frame.Org.Name,
        [.. o.Cards.Select(c => new Card(
            c.Indicator.Code, c.Indicator.Name, c.Indicator.Unit, c.Covered, c.Row?.Status ?? EvaluationStatus.None, c.Row?.Actual,
            c.Row?.Target ?? c.Target?.Value, c.Row?.Expected, c.Row?.Completion, c.Row?.Yoy, c.Row?.YoyPoints, c.Row?.Reason, c.Row?.ReasonEn))],
        new MatrixView(
            [.. o.Matrix.Indicators.Select(i => new Column(i.Code, i.Name, i.Unit))],
            [.. o.Matrix.Rows.Select(r => new MatrixRow(
                r.Org.Code,
                r.Org.Name,
                [.. r.Cells.Select((c, k) => new Cell(o.Matrix.Indicators[k].Code, c?.Status ?? EvaluationStatus.None, c?.Actual))]))]),
        new RankingView(
            o.Ranking.Indicator?.Code,
            [.. o.Ranking.Choices.Select(i => i.Code)],
            [.. o.Ranking.Rows.Select(r => new Ranked(r.Rank, r.Org, r.OrgName, r.Actual, r.Status, r.Reason, r.ReasonEn))]),
        new ChecksView(o.Checks.Year, o.Checks.HalfYear, o.Checks.FirstQuarter),
        [.. o.Red.Select(ListedOf)],
        [.. o.Grey.Select(ListedOf)]);

    private static Listed ListedOf(EvaluationRowView r) =>
        new(r.Indicator, r.IndicatorName, r.Org, r.OrgName, r.Period, r.Actual, r.Target, r.Status, r.Reason, r.ReasonEn);
}
