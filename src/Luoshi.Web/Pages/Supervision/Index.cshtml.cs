using Luoshi.Application.Common;
using Luoshi.Application.Organization;
using Luoshi.Application.Supervision;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Supervision;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Luoshi.Web.Pages.Supervision;

/// <summary>
/// 督办: the items led within a unit's subtree as a board by state (each card with its lead unit, deadline, days
/// overdue and escalation level), the overdue list, and per lead unit the open, overdue, closed-on-time and
/// days-to-close figures as a table and a chart. Reads through the same use cases as /api/supervision.
/// </summary>
public sealed class IndexModel(
    SupervisionBoard board,
    OverdueItems overdue,
    SupervisionMetrics metrics,
    ListOrgUnits orgUnits,
    ICurrentActor actor,
    IStringLocalizer<UiText> text) : PageModel
{
    /// <summary>Cards a column shows, most overdue first, unless it is the one opened in full; its count says how many there are in all.</summary>
    public const int Collapsed = 6;

    /// <summary>Cards the column opened in full shows at most.</summary>
    public const int Expanded = 200;

    /// <summary>The columns of the board, in the order of the loop; cancelled items are only counted.</summary>
    public static readonly SupervisionState[] Columns =
    [
        SupervisionState.Draft, SupervisionState.Assigned, SupervisionState.Accepted, SupervisionState.InProgress,
        SupervisionState.Submitted, SupervisionState.Returned, SupervisionState.ExtensionRequested, SupervisionState.Closed,
    ];

    /// <summary>The lead unit whose subtree is shown; everything for readers of everything, else the reader's own unit.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    /// <summary>The column shown in full (its state), the others showing their first cards.</summary>
    [BindProperty(SupportsGet = true)]
    public SupervisionState? Show { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public SupervisionBoardView Board { get; private set; } = null!;
    public OverdueListView OverdueList { get; private set; } = null!;
    public SupervisionMetricsView Metrics { get; private set; } = null!;
    public IReadOnlyList<OrgUnitView> Choices { get; private set; } = [];
    public bool ReadsEverything { get; private set; }
    public bool CanCreate { get; private set; }
    public ChartSpec? MetricsChart { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ReadsEverything = actor.CanEverywhere(Permission.ReadAll);
        Org = string.IsNullOrWhiteSpace(Org) ? (ReadsEverything ? null : actor.GrantUnits(Permission.ReadAll).FirstOrDefault()) : Org.Trim();
        CanCreate = actor.Grants.Any(g => g.Role.Grants(Permission.Supervise));
        var all = await orgUnits.Handle(new(), ct);
        Choices = [.. all.Where(u => u.Kind != OrgUnitKind.Reference && actor.Can(Permission.ReadAll, u.Path))
            .OrderBy(u => u.Kind switch { OrgUnitKind.Province => 0, OrgUnitKind.City => 1, OrgUnitKind.Department => 2, _ => 3 })
            .ThenBy(u => u.Code, StringComparer.Ordinal)];

        Board = await board.Handle(Org, Expanded, ct);
        OverdueList = await overdue.Handle(Org, null, ct);
        Metrics = await metrics.Handle(Org, null, null, null, ct);
        MetricsChart = Metrics.Units.Count == 0 ? null : new ChartSpec(
            ChartSpec.Grouped,
            [.. Metrics.Units.Select(u => u.Name)],
            [
                new ChartSeries(text["Supervision.Open"], "main", [.. Metrics.Units.Select(u => (decimal?)u.Open)]),
                new ChartSeries(text["Supervision.OverdueCount"], "red", [.. Metrics.Units.Select(u => (decimal?)u.Overdue)]),
                new ChartSeries(text["Supervision.Closed"], "green", [.. Metrics.Units.Select(u => (decimal?)u.Closed)]),
            ],
            text["Supervision.ItemsUnit"],
            0);
    }

    public BoardColumn Column(SupervisionState state) => Board.Columns.Single(c => c.State == state);

    /// <summary>The cards a column shows: all of them, or the overdue ones only.</summary>
    public IEnumerable<SupervisionItemSummary> Cards(BoardColumn column) =>
        (Overdue ? column.Items.Where(i => i.Overdue) : column.Items).Take(Show == column.State ? Expanded : Collapsed);

    /// <summary>This page with the same filters, one column opened in full (or none).</summary>
    public string Link(SupervisionState? show)
    {
        var query = new List<string>();
        if (Org is not null)
        {
            query.Add("org=" + Uri.EscapeDataString(Org));
        }

        if (Overdue)
        {
            query.Add("overdue=true");
        }

        if (show is { } s)
        {
            query.Add("show=" + s.ToString().ToLowerInvariant());
        }

        return "/supervision" + (query.Count == 0 ? string.Empty : "?" + string.Join("&", query)) + (show is { } c ? "#col-" + c : string.Empty);
    }

    public string ScopeName => Org is null ? text["Supervision.Everywhere"] : Choices.FirstOrDefault(u => u.Code == Org)?.Name ?? Org;
}
