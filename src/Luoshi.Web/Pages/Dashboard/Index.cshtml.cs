using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Application.Evaluation;
using Luoshi.Application.Indicators;
using Luoshi.Application.Organization;
using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;
using Luoshi.Web.Infrastructure.Caching;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Luoshi.Web.Pages.Dashboard;

/// <summary>
/// The leader's page, judged by the evaluation engine for a month: the province's headline indicators with
/// their status lights (actual, target, expected-to-date, year-on-year, a sparkline), the city × indicator
/// light matrix, 双过半 and 开门红, the cities ranked on a chosen indicator, and the red and grey lists.
/// </summary>
/// <remarks>
/// What only the body needs is <see cref="Deferred{T}"/>: a request answered with the kept body builds none of it
/// (nor the DbContext behind it).
/// </remarks>
public sealed class IndexModel(
    Deferred<ListIndicators> indicators,
    Deferred<ListOrgUnits> orgUnits,
    Evaluate evaluate,
    Deferred<EvaluateIndicator> evaluateIndicator,
    Deferred<CalendarChecks> calendar,
    Deferred<Figures> figures,
    DashboardOptions options,
    AnswerCache answers,
    DataVersionClock versions,
    Deferred<LuoshiDbContext> db,
    ICurrentActor actor,
    UiContext ui,
    UiFormat format,
    IStringLocalizer<UiText> text) : PageModel
{
    private const int PickerMonths = 24;

    /// <summary>Rows of the red and grey lists shown before "show all".</summary>
    public const int ListShown = 10;

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    /// <summary>The indicator the cities are ranked on.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Rank { get; set; }

    /// <summary>"all": every indicator in the light matrix; otherwise the headline ones.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Matrix { get; set; }

    public OrgUnitView? Province { get; private set; }
    public IReadOnlyList<OrgUnitView> Cities { get; private set; } = [];
    public Period? Selected { get; private set; }
    public IReadOnlyList<Period> Months { get; private set; } = [];
    public IReadOnlyList<Headline> Headlines { get; private set; } = [];

    /// <summary>Statuses need the right to read every unit of the province; a reader bound to one city sees a pointer to their own pages.</summary>
    public bool CanReadProvince { get; private set; } = true;

    public bool AllIndicators => string.Equals(Matrix, "all", StringComparison.OrdinalIgnoreCase);
    public IReadOnlyList<IndicatorView> Columns { get; private set; } = [];
    public LightMatrix? Lights { get; private set; }
    public IReadOnlyDictionary<(string Org, string Indicator), EvaluationRowView> Cells { get; private set; } = new Dictionary<(string, string), EvaluationRowView>();
    public RankingView? Ranking { get; private set; }
    public int CheckYear { get; private set; }
    public CheckSummary? HalfYear { get; private set; }
    public CheckSummary? FirstQuarter { get; private set; }
    public IReadOnlyList<EvaluationRowView> Red { get; private set; } = [];
    public IReadOnlyList<EvaluationRowView> Grey { get; private set; } = [];

    /// <param name="Row">The engine's row for the province, if the indicator has a value or a target there.</param>
    /// <param name="Target">The province's annual target, as set.</param>
    public sealed record Headline(IndicatorView Indicator, EvaluationRowView? Row, TargetView? Target, string Covered, ChartSpec Spark, bool SparksChange);

    /// <summary>How many indicator × unit checks passed, of those that could be checked, for the province and its cities.</summary>
    public sealed record CheckSummary(string Period, int Passed, int Total, int ProvincePassed, int ProvinceTotal);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // For readers of the whole province the page depends only on the data, the settings asked for, today and the
        // language, never on who reads it: the view keeps its rendered body under RenderKey, one per data version, and
        // works it out (PrepareAsync) only when it has to render it. Other readers are shown a pointer to their own pages.
        if (!answers.Enabled || !actor.CanEverywhere(Permission.ReadAll))
        {
            return Page();
        }

        // Keyed by the version of the snapshot the body is judged on, which may lag the database's while a rebuild runs.
        var version = await versions.Current(db, ct);
        var snapshot = await evaluate.Snapshot(ct);
        RenderKey = string.Join('|', "dashboard", snapshot.Version, Period, Rank, Matrix, ui.Today.DayNumber, System.Globalization.CultureInfo.CurrentUICulture.Name);

        // The frame around the body is the reader's own: their name and navigation (the identity version moves with
        // both), and the language switch's way back (the path and query).
        var frameKey = string.Join('|', RenderKey, "frame", version.Identity, actor.Name, Request.Path, Request.QueryString);
        return KeptPage.Serve(HttpContext, answers, RenderKey, frameKey) ?? Page();
    }

    /// <summary>
    /// What the page's body is rendered from, when it is the same for every reader (null otherwise): the view keeps
    /// the rendered body under it, so that a request renders only the frame around it (navigation, the reader's name).
    /// </summary>
    public string? RenderKey { get; private set; }

    /// <summary>Works out what the body shows; the view calls it only when it renders the body rather than serving it kept.</summary>
    public Task PrepareAsync() =>
        // A kept body is shared by whoever asks the same meanwhile, so its work is not cancelled with one request.
        Compute(RenderKey is null ? HttpContext.RequestAborted : CancellationToken.None);

    private async Task Compute(CancellationToken ct)
    {
        if (!await Load(ct))
        {
            return;
        }

        var (result, _) = await evaluate.Run(new Evaluate.Query(Selected!.Value.ToString(), Province!.Code, Depth: 1), ct);
        var all = (await indicators.Value.Handle(ct)).ToDictionary(i => i.Code, StringComparer.Ordinal);
        var shown = options.Headline.Select(c => all.GetValueOrDefault(c)).OfType<IndicatorView>().ToList();
        var targets = await figures.Value.TargetsOfYear(Province.Code, Selected.Value.Year, ct);
        var headlines = new List<Headline>();
        foreach (var indicator in shown)
        {
            headlines.Add(await HeadlineOf(result, indicator, targets.GetValueOrDefault(indicator.Code), ct));
        }

        Headlines = headlines;
        BuildMatrix(result, all, shown);
        Ranking = RankingOf(result, all, Rank ?? shown.FirstOrDefault(i => i.Direction != Direction.Range)?.Code);
        Red = Listed(result, EvaluationStatus.Red);
        Grey = Listed(result, EvaluationStatus.Grey);
        await BuildChecks(ct);
    }

    /// <summary>The ranking alone, for the htmx swap when another indicator is chosen.</summary>
    public async Task<IActionResult> OnGetRankingAsync(CancellationToken ct)
    {
        if (!await Load(ct))
        {
            return NotFound();
        }

        var (result, _) = await evaluate.Run(new Evaluate.Query(Selected!.Value.ToString(), Province!.Code, Depth: 1), ct);
        var all = (await indicators.Value.Handle(ct)).ToDictionary(i => i.Code, StringComparer.Ordinal);
        Ranking = RankingOf(result, all, Rank);
        return Partial("_Ranking", this);
    }

    /// <summary>The province, its cities and the month; false when there is nothing to judge yet or the reader may not read the province.</summary>
    private async Task<bool> Load(CancellationToken ct)
    {
        Province = (await orgUnits.Value.Handle(new(OrgUnitKind.Province), ct)).FirstOrDefault();
        if (Province is null)
        {
            return false;
        }

        Cities = await orgUnits.Value.Handle(new(OrgUnitKind.City, Province.Code), ct);
        var probe = (await indicators.Value.Handle(ct)).Where(i => options.Headline.Contains(i.Code))
            .OrderBy(i => i.Frequency == Frequency.Month ? 0 : 1).FirstOrDefault();
        if (probe is null)
        {
            return false;
        }

        var series = await figures.Value.Series(probe, Province.Code, ui.Today.Year - 3, ct);
        if (series.Count == 0)
        {
            return false;
        }

        var months = new List<Period> { Domain.Common.Period.Parse(series[^1].Period).EndMonthPeriod };
        while (months.Count < PickerMonths)
        {
            months.Add(months[^1].Previous);
        }

        Months = months;
        Selected = Domain.Common.Period.TryParse(Period, out var chosen) && chosen.Kind == Frequency.Month && Months.Contains(chosen)
            ? chosen
            : Months[0];
        CanReadProvince = actor.CanEverywhere(Permission.ReadAll);
        return CanReadProvince;
    }

    private async Task<Headline> HeadlineOf(EvaluationResult result, IndicatorView indicator, TargetView? target, CancellationToken ct)
    {
        var found = result.Find(indicator.Code, Province!.Code);
        var row = found is { } r ? EvaluationRowView.From(r) : null;
        var latest = Figures.LatestOf(indicator.Frequency, Selected!.Value);

        // A year-to-date series saws back to zero every January, so cumulative indicators spark their year-on-year change instead.
        var cumulative = indicator.ValueKind == ValueKind.Cumulative;
        var count = indicator.Frequency switch { Frequency.Month => 13, Frequency.Quarter => 9, _ => 5 };
        var periods = new List<Period> { latest };
        while (periods.Count < count)
        {
            periods.Insert(0, periods[0].Previous);
        }

        var series = await evaluateIndicator.Value.Handle(indicator.Code, [Province.Code], periods, result.AsOf, ct);
        var points = series
            .Select(s => (s.Period, Row: s.Find(indicator.Code, Province.Code)))
            .Select(x => (x.Period, Value: x.Row is { } p ? (cumulative ? p.Yoy ?? p.YoyPoints : p.Actual) : null))
            .SkipWhile(x => x.Value is null)
            .ToList();
        var spark = new ChartSpec(
            ChartSpec.Spark,
            [.. points.Select(x => format.Period(x.Period.ToString()))],
            [new(cumulative ? text["Figure.YoY"] : indicator.Name, "main", [.. points.Select(x => x.Value is { } v ? (decimal?)Math.Round((decimal)v, 4) : null)])],
            cumulative ? "%" : indicator.Unit,
            cumulative ? 1 : indicator.Decimals);
        var covered = format.Covered(row?.ActualPeriod ?? latest.ToString(), indicator.ValueKind);
        return new Headline(indicator, row, target, covered, spark, cumulative);
    }

    private void BuildMatrix(EvaluationResult result, IReadOnlyDictionary<string, IndicatorView> all, IReadOnlyList<IndicatorView> shown)
    {
        var units = Cities.Select(c => c.Code).Prepend(Province!.Code).ToList();
        Lights = AllIndicators ? result.LightMatrix(units) : result.LightMatrix(units, shown.Select(i => i.Code));
        Columns = [.. Lights.IndicatorCodes.Select(c => all.GetValueOrDefault(c)).OfType<IndicatorView>()];
        var cells = new Dictionary<(string, string), EvaluationRowView>();
        foreach (var unit in units)
        {
            foreach (var indicator in Columns)
            {
                if (result.Find(indicator.Code, unit) is { } row)
                {
                    cells[(unit, indicator.Code)] = EvaluationRowView.From(row);
                }
            }
        }

        Cells = cells;
    }

    private RankingView RankingOf(EvaluationResult result, IReadOnlyDictionary<string, IndicatorView> all, string? chosen)
    {
        // Only indicators where one way is better can be ranked; the choice lists those the cities have values for.
        var cityCodes = Cities.Select(c => c.Code).ToList();
        var choices = result.LightMatrix(cityCodes).IndicatorCodes
            .Select(c => all.GetValueOrDefault(c)).OfType<IndicatorView>()
            .Where(i => i.Direction != Direction.Range)
            .ToList();
        var indicator = choices.FirstOrDefault(i => i.Code == chosen) ?? choices.FirstOrDefault();
        if (indicator is null)
        {
            return new RankingView(choices, null, Selected!.Value, [], null);
        }

        var rows = Cities.Select(c => result.Find(indicator.Code, c.Code)).OfType<EvaluationRow>().Select(EvaluationRowView.From)
            .OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.Org, StringComparer.Ordinal).ToList();
        var chart = rows.Any(r => r.Actual is not null)
            ? new ChartSpec(
                ChartSpec.Ranking,
                [.. rows.Select(r => r.OrgName)],
                [new(indicator.Name, "main", [.. rows.Select(r => r.Actual is { } v ? (decimal?)Math.Round((decimal)v, indicator.Decimals) : null)], Statuses: [.. rows.Select(r => r.Status.ToString().ToLowerInvariant())])],
                indicator.Unit,
                indicator.Decimals)
            : null;
        return new RankingView(choices, indicator, Selected!.Value, rows, chart);
    }

    private static List<EvaluationRowView> Listed(EvaluationResult result, EvaluationStatus status) =>
        [.. result.RowsWith(status).Select(EvaluationRowView.From)];

    private async Task BuildChecks(CancellationToken ct)
    {
        CheckYear = Selected!.Value.Year;
        var checks = await calendar.Value.Handle(CheckYear, Province!.Code, null, ct);
        var units = Cities.Select(c => c.Code).Prepend(Province.Code).ToHashSet(StringComparer.Ordinal);
        if (checks.HalfYear is { } half)
        {
            var items = half.Items.Where(i => units.Contains(i.OrgCode)).ToList();
            var own = items.Where(i => i.OrgCode == Province.Code).ToList();
            HalfYear = new CheckSummary(half.Period.ToString(), items.Count(i => i.Passed), items.Count, own.Count(i => i.Passed), own.Count);
        }

        if (checks.FirstQuarter is { } quarter)
        {
            var items = quarter.Items.Where(i => units.Contains(i.OrgCode)).ToList();
            var own = items.Where(i => i.OrgCode == Province.Code).ToList();
            FirstQuarter = new CheckSummary(quarter.Period.ToString(), items.Count(i => i.Passed), items.Count, own.Count(i => i.Passed), own.Count);
        }
    }

    /// <summary>A link back to this page with one setting changed and the others kept.</summary>
    public string Link(string? period = null, string? rank = null, string? matrix = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["period"] = period ?? Selected?.ToString(),
            ["rank"] = rank ?? Ranking?.Indicator?.Code,
            ["matrix"] = matrix ?? (AllIndicators ? "all" : null),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }
}

/// <summary>The cities ranked on one indicator at a month: the choice of indicators, the rows best first, and the bar chart.</summary>
public sealed record RankingView(IReadOnlyList<IndicatorView> Choices, IndicatorView? Indicator, Period Period, IReadOnlyList<EvaluationRowView> Rows, ChartSpec? Chart);
