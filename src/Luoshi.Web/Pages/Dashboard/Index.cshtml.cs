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
    Deferred<GetOverview> overview,
    Evaluate evaluate,
    AnswerCache answers,
    DataVersionClock versions,
    Deferred<LuoshiDbContext> db,
    ICurrentActor actor,
    UiContext ui,
    UiFormat format,
    IStringLocalizer<UiText> text) : PageModel
{
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
    public OverviewMatrix? Lights { get; private set; }
    public RankingView? Ranking { get; private set; }
    public OverviewChecks? Checks { get; private set; }
    public IReadOnlyList<EvaluationRowView> Red { get; private set; } = [];
    public IReadOnlyList<EvaluationRowView> Grey { get; private set; } = [];

    /// <summary>A headline card as the overview gives it, with its course drawn as a sparkline.</summary>
    public sealed record Headline(OverviewCard Card, ChartSpec Spark);

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
        CanReadProvince = actor.CanEverywhere(Permission.ReadAll);
        if (!CanReadProvince)
        {
            return;
        }

        // What is not a month shows the latest (the API refuses it).
        var o = await overview.Value.Handle(new GetOverview.Query(MonthOrNull(Period), Rank: Rank, AllIndicators: AllIndicators), ct);
        if (o is null)
        {
            return;
        }

        Show(o.Frame, o.Period);
        Headlines = [.. o.Cards.Select(c => new Headline(c, SparkOf(c)))];
        Lights = o.Matrix;
        Ranking = RankingOf(o.Ranking);
        Checks = o.Checks;
        Red = o.Red;
        Grey = o.Grey;
    }

    /// <summary>The ranking alone, for the htmx swap when another indicator is chosen.</summary>
    public async Task<IActionResult> OnGetRankingAsync(CancellationToken ct)
    {
        CanReadProvince = actor.CanEverywhere(Permission.ReadAll);
        var ranking = CanReadProvince ? await overview.Value.Ranking(new GetOverview.Query(MonthOrNull(Period), Rank: Rank), ct) : null;
        if (ranking is null)
        {
            return NotFound();
        }

        Ranking = RankingOf(ranking);
        return Partial("_Ranking", this);
    }

    private void Show(GetOverview.Frame frame, Period period)
    {
        Province = frame.Org;
        Cities = frame.Regions;
        Months = frame.Months;
        Selected = period;
    }

    /// <summary>The month asked for when it parses as one; otherwise none, and the overview shows the latest.</summary>
    private static string? MonthOrNull(string? period) =>
        Domain.Common.Period.TryParse(period, out var p) && p.Kind == Frequency.Month ? p.ToString() : null;

    private ChartSpec SparkOf(OverviewCard card) => new(
        ChartSpec.Spark,
        [.. card.Trend.Select(x => format.Period(x.Period.ToString()))],
        [new(card.TrendIsYoy ? text["Figure.YoY"] : card.Indicator.Name, "main", [.. card.Trend.Select(x => x.Value is { } v ? (decimal?)(decimal)v : null)])],
        card.TrendIsYoy ? "%" : card.Indicator.Unit,
        card.TrendIsYoy ? 1 : card.Indicator.Decimals);

    private static RankingView RankingOf(OverviewRanking ranking)
    {
        var indicator = ranking.Indicator;
        var rows = ranking.Rows;
        var chart = indicator is not null && rows.Any(r => r.Actual is not null)
            ? new ChartSpec(
                ChartSpec.Ranking,
                [.. rows.Select(r => r.OrgName)],
                [new(indicator.Name, "main", [.. rows.Select(r => r.Actual is { } v ? (decimal?)Math.Round((decimal)v, indicator.Decimals) : null)], Statuses: [.. rows.Select(r => r.Status.ToString().ToLowerInvariant())])],
                indicator.Unit,
                indicator.Decimals)
            : null;
        return new RankingView(ranking.Choices, indicator, ranking.Period, rows, chart);
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
