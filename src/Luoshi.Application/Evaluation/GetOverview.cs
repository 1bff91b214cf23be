using Luoshi.Application.Common;
using Luoshi.Application.Indicators;
using Luoshi.Application.Organization;
using Luoshi.Application.Readings;
using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;
using Microsoft.Extensions.Options;

namespace Luoshi.Application.Evaluation;

/// <summary>
/// The leader's overview of a unit at a month, judged by the engine: the headline indicators (actual, target,
/// expected-to-date, year-on-year, a short series), the unit and its children × indicator light matrix, the
/// children ranked on one indicator, 双过半 and 开门红, and the red and grey lists. The home page renders it; the
/// API (<c>GET /api/overview</c>) and the CLI (<c>luoshi overview</c>) give the same answer as JSON.
/// </summary>
public sealed class GetOverview(
    Evaluate evaluate,
    EvaluateIndicator evaluateIndicator,
    CalendarChecks calendarChecks,
    ListIndicators indicators,
    ListOrgUnits orgUnits,
    GetOrgUnit getOrgUnit,
    Figures figures,
    IOptions<OverviewOptions> options,
    LocalCalendar calendar)
{
    /// <summary>How many months back the picker offers, from the latest with a headline figure.</summary>
    public const int PickerMonths = 24;

    /// <param name="Period">A month (default: the latest month the headline figures reach).</param>
    /// <param name="Org">The unit looked at (default: the province).</param>
    /// <param name="Rank">The indicator the children are ranked on (default: the first headline one where one way is better).</param>
    /// <param name="AllIndicators">Every indicator in the matrix, not only the headline ones.</param>
    public sealed record Query(string? Period = null, string? Org = null, string? Rank = null, bool AllIndicators = false);

    /// <summary>The unit, the regions directly under it, and the months there is something to show for.</summary>
    public sealed record Frame(OrgUnitView Org, IReadOnlyList<OrgUnitView> Regions, IReadOnlyList<Period> Months, IReadOnlyDictionary<string, IndicatorView> Indicators);

    public async Task<Overview?> Handle(Query query, CancellationToken ct)
    {
        if (await Judge(query, ct) is not { } judged)
        {
            return null;
        }

        var (frame, period, result) = judged;

        var shown = Headline(frame);
        var targets = await figures.TargetsOfYear(frame.Org.Code, period.Year, ct);
        var cards = new List<OverviewCard>();
        foreach (var indicator in shown)
        {
            cards.Add(await CardOf(result, frame.Org, period, indicator, targets.GetValueOrDefault(indicator.Code), ct));
        }

        return new Overview(
            period,
            result.AsOf,
            frame,
            cards,
            MatrixOf(result, frame, shown, query.AllIndicators),
            RankingOf(result, frame, period, query.Rank ?? shown.FirstOrDefault(i => i.Direction != Direction.Range)?.Code),
            await ChecksOf(period.Year, frame, ct),
            [.. result.RowsWith(EvaluationStatus.Red).Select(EvaluationRowView.From)],
            [.. result.RowsWith(EvaluationStatus.Grey).Select(EvaluationRowView.From)]);
    }

    /// <summary>
    /// What the answer to <paramref name="query"/> depends on, once the reader's grant to read the unit is checked: the
    /// snapshot's data version, the query and today. An answer kept under it can be given to any reader it is checked for.
    /// </summary>
    public async Task<string> KeyOf(Query query, CancellationToken ct)
    {
        var org = string.IsNullOrWhiteSpace(query.Org) ? null : query.Org.Trim();
        var resolved = await evaluate.Resolve(new Evaluate.Query(Org: org), ct);
        return string.Join('|', "overview", resolved.Entry.Version, query.Period?.Trim(), org, query.Rank?.Trim(), query.AllIndicators, resolved.AsOf.DayNumber);
    }

    /// <summary>The children ranked on one indicator alone (what the page swaps in when another is chosen); null when nothing is reported yet.</summary>
    public async Task<OverviewRanking?> Ranking(Query query, CancellationToken ct) =>
        await Judge(query, ct) is { } judged ? RankingOf(judged.Result, judged.Frame, judged.Period, query.Rank) : null;

    /// <summary>The unit and its regions judged by the engine at the month asked for; null when nothing is reported yet.</summary>
    private async Task<(Frame Frame, Period Period, EvaluationResult Result)?> Judge(Query query, CancellationToken ct)
    {
        if (await FrameOf(query.Org, ct) is not { } frame)
        {
            return null;
        }

        var period = PeriodOf(query.Period, frame);
        var (result, _) = await evaluate.Run(new Evaluate.Query(period.ToString(), frame.Org.Code, Depth: 1), ct);
        return (frame, period, result);
    }

    /// <summary>The unit (the province unless named), the regions directly under it, and the months its first headline indicator has figures for, latest first.</summary>
    public async Task<Frame?> FrameOf(string? org, CancellationToken ct)
    {
        var unit = string.IsNullOrWhiteSpace(org)
            ? (await orgUnits.Handle(new(OrgUnitKind.Province), ct)).FirstOrDefault()
            : await getOrgUnit.Handle(org.Trim(), ct);
        if (unit is null)
        {
            return null;
        }

        var children = await orgUnits.Handle(new(Parent: unit.Code), ct);
        var all = (await indicators.Handle(ct)).ToDictionary(i => i.Code, StringComparer.Ordinal);

        // The months offered are those up to the latest the headline figures reach at the unit, its own or rolled up
        // from below: a monthly indicator says it best.
        var headline = options.Value.Headline;
        var probe = headline.Select(c => all.GetValueOrDefault(c)).OfType<IndicatorView>()
            .OrderBy(i => i.Frequency == Frequency.Month ? 0 : 1).FirstOrDefault();
        if (probe is null)
        {
            return null;
        }

        var today = calendar.Today;
        var recent = new List<Period> { Period.Containing(probe.Frequency, today) };
        while (recent.Count < Math.Min(PickerMonths, EvaluateIndicator.MaxPeriods))
        {
            recent.Insert(0, recent[0].Previous);
        }

        var course = await evaluateIndicator.Handle(probe.Code, [unit.Code], recent, today, ct);
        var reached = course.Select(r => r.Find(probe.Code, unit.Code)).LastOrDefault(r => r?.Actual is not null);
        if (reached is not { } last)
        {
            return null;
        }

        var months = new List<Period> { (last.ActualPeriod ?? last.Period).EndMonthPeriod };
        while (months.Count < PickerMonths)
        {
            months.Add(months[^1].Previous);
        }

        // Regions are compared with regions: a province's cities, a city's counties (not departments, not reference units).
        return new Frame(unit, [.. children.Where(c => c.Kind is OrgUnitKind.City or OrgUnitKind.County)], months, all);
    }

    /// <summary>The month asked for, or the latest offered; anything but a month is refused naming the field.</summary>
    private static Period PeriodOf(string? text, Frame frame)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return frame.Months[0];
        }

        if (!Period.TryParse(text.Trim(), out var period, out var error))
        {
            throw new DomainException("period", error);
        }

        return period.Kind == Frequency.Month
            ? period
            : throw new DomainException("period", new Text("总览按月查看,如 2026-06", $"the overview is of a month, e.g. 2026-06: '{Parsing.Clip(text)}'"));
    }

    private List<IndicatorView> Headline(Frame frame) =>
        [.. options.Value.Headline.Select(c => frame.Indicators.GetValueOrDefault(c)).OfType<IndicatorView>()];

    private async Task<OverviewCard> CardOf(EvaluationResult result, OrgUnitView org, Period period, IndicatorView indicator, TargetView? target, CancellationToken ct)
    {
        var row = result.Find(indicator.Code, org.Code) is { } r ? EvaluationRowView.From(r) : null;
        var latest = Figures.LatestOf(indicator.Frequency, period);

        // A year-to-date series saws back to zero every January, so cumulative indicators trace their year-on-year change instead.
        var cumulative = indicator.ValueKind == ValueKind.Cumulative;
        var count = indicator.Frequency switch { Frequency.Month => 13, Frequency.Quarter => 9, _ => 5 };
        var periods = new List<Period> { latest };
        while (periods.Count < count)
        {
            periods.Insert(0, periods[0].Previous);
        }

        var series = await evaluateIndicator.Handle(indicator.Code, [org.Code], periods, result.AsOf, ct);
        var trend = series
            .Select(s => (s.Period, Row: s.Find(indicator.Code, org.Code)))
            .Select(x => new TrendPoint(x.Period, x.Row is { } p ? Round(cumulative ? p.Yoy ?? p.YoyPoints : p.Actual) : null))
            .SkipWhile(x => x.Value is null)
            .ToList();
        return new OverviewCard(indicator, row, target, row?.ActualPeriod ?? latest.ToString(), trend, cumulative);
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;

    private static OverviewMatrix MatrixOf(EvaluationResult result, Frame frame, IReadOnlyList<IndicatorView> shown, bool allIndicators)
    {
        var units = frame.Regions.Select(c => c.Code).Prepend(frame.Org.Code).ToList();
        var lights = allIndicators ? result.LightMatrix(units) : result.LightMatrix(units, shown.Select(i => i.Code));
        var columns = lights.IndicatorCodes.Select(c => frame.Indicators.GetValueOrDefault(c)).OfType<IndicatorView>().ToList();
        var rows = new List<OverviewMatrixRow>();
        foreach (var unit in frame.Regions.Prepend(frame.Org))
        {
            var cells = new List<EvaluationRowView?>();
            foreach (var indicator in columns)
            {
                cells.Add(result.Find(indicator.Code, unit.Code) is { } row ? EvaluationRowView.From(row) : null);
            }

            rows.Add(new OverviewMatrixRow(unit, cells));
        }

        return new OverviewMatrix(columns, rows);
    }

    private static OverviewRanking RankingOf(EvaluationResult result, Frame frame, Period period, string? chosen)
    {
        // Only indicators where one way is better can be ranked; the choice lists those the children have values for.
        var choices = result.LightMatrix(frame.Regions.Select(c => c.Code)).IndicatorCodes
            .Select(c => frame.Indicators.GetValueOrDefault(c)).OfType<IndicatorView>()
            .Where(i => i.Direction != Direction.Range)
            .ToList();
        var indicator = choices.FirstOrDefault(i => i.Code == chosen) ?? choices.FirstOrDefault();
        if (indicator is null)
        {
            return new OverviewRanking(choices, null, period, []);
        }

        var rows = frame.Regions.Select(c => result.Find(indicator.Code, c.Code)).OfType<EvaluationRow>().Select(EvaluationRowView.From)
            .OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.Org, StringComparer.Ordinal).ToList();
        return new OverviewRanking(choices, indicator, period, rows);
    }

    private async Task<OverviewChecks> ChecksOf(int year, Frame frame, CancellationToken ct)
    {
        var checks = await calendarChecks.Handle(year, frame.Org.Code, null, ct);
        var units = frame.Regions.Select(c => c.Code).Prepend(frame.Org.Code).ToHashSet(StringComparer.Ordinal);
        return new OverviewChecks(
            year,
            checks.HalfYear is { } half ? Summary(half.Period, half.Items.Select(i => (i.OrgCode, i.Passed))) : null,
            checks.FirstQuarter is { } quarter ? Summary(quarter.Period, quarter.Items.Select(i => (i.OrgCode, i.Passed))) : null);

        CheckSummary Summary(Period period, IEnumerable<(string Org, bool Passed)> all)
        {
            var items = all.Where(i => units.Contains(i.Org)).ToList();
            var own = items.Where(i => i.Org == frame.Org.Code).ToList();
            return new CheckSummary(period.ToString(), items.Count(i => i.Passed), items.Count, own.Count(i => i.Passed), own.Count);
        }
    }
}

/// <summary>What the overview shows; <see cref="OverviewView"/> is how the API and the CLI spell it.</summary>
public sealed record Overview(
    Period Period,
    DateOnly AsOf,
    GetOverview.Frame Frame,
    IReadOnlyList<OverviewCard> Cards,
    OverviewMatrix Matrix,
    OverviewRanking Ranking,
    OverviewChecks Checks,
    IReadOnlyList<EvaluationRowView> Red,
    IReadOnlyList<EvaluationRowView> Grey);

/// <summary>A headline indicator at the unit: the engine's row (null when it has neither value nor target there), the annual target as set, and its recent course.</summary>
/// <param name="Covered">The period the figure covers (the latest reported one of the indicator's own frequency).</param>
/// <param name="TrendIsYoy">The course is of the year-on-year change (cumulative indicators), not of the value.</param>
public sealed record OverviewCard(IndicatorView Indicator, EvaluationRowView? Row, TargetView? Target, string Covered, IReadOnlyList<TrendPoint> Trend, bool TrendIsYoy);

public sealed record TrendPoint(Period Period, double? Value);

/// <summary>The unit and its children (rows) × indicators (columns); a cell is null where the engine has no row.</summary>
public sealed record OverviewMatrix(IReadOnlyList<IndicatorView> Indicators, IReadOnlyList<OverviewMatrixRow> Rows);

public sealed record OverviewMatrixRow(OrgUnitView Org, IReadOnlyList<EvaluationRowView?> Cells);

/// <summary>The children ranked on one indicator, best first; the choices are the indicators where one way is better.</summary>
public sealed record OverviewRanking(IReadOnlyList<IndicatorView> Choices, IndicatorView? Indicator, Period Period, IReadOnlyList<EvaluationRowView> Rows);

public sealed record OverviewChecks(int Year, CheckSummary? HalfYear, CheckSummary? FirstQuarter);

/// <summary>How many indicator × unit checks passed, of those that could be checked, for the unit and its children; and for the unit alone.</summary>
public sealed record CheckSummary(string Period, int Passed, int Total, int OwnPassed, int OwnTotal);

/// <summary>The overview's indicators: the headline ones, in order (codes that do not exist are skipped).</summary>
public sealed class OverviewOptions
{
    /// <summary>Kept from when only the home page read it, so that existing settings files still apply.</summary>
    public const string Section = "Luoshi:Dashboard";

    private static readonly string[] Default =
    [
        "GDP", "FAI", "INDUSTRIAL_VALUE_ADDED", "RETAIL_SALES", "EXPORTS", "GENERAL_BUDGET_REVENUE", "NEW_URBAN_JOBS", "UNEMPLOYMENT",
    ];

    // Empty unless configured: the configuration binder appends to an array it finds filled.
    public string[] Indicators { get; set; } = [];

    public IReadOnlyList<string> Headline => Indicators.Length > 0 ? Indicators : Default;
}
