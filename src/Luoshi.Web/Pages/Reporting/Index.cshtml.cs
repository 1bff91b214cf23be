using Luoshi.Application.Common;
using Luoshi.Application.Organization;
using Luoshi.Application.Reporting;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Reporting;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Web.Pages.Reporting;

/// <summary>
/// 填报's front page: open a unit's report for a month, see the reports of one's own unit this year, and go
/// on to the review queue, the revision requests and timeliness.
/// </summary>
public sealed class IndexModel(ListOrgUnits orgUnits, ListReports reports, ICurrentActor actor, UiContext ui) : PageModel
{
    private const int MonthsOffered = 13;

    [BindProperty(SupportsGet = true)]
    public string? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    public IReadOnlyList<OrgUnitView> Units { get; private set; } = [];
    public IReadOnlyList<Period> Months { get; private set; } = [];
    public Period DefaultMonth { get; private set; }
    public OrgUnitView? Mine { get; private set; }
    public IReadOnlyList<ReportSummaryView> MyReports { get; private set; } = [];
    public int Waiting { get; private set; }
    public bool CanReview { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await orgUnits.Handle(new(), ct);
        Units = [.. all.Where(u => u.Kind != OrgUnitKind.Reference && actor.Can(Permission.ReadAll, u.Path))];

        // The last complete month is the one being reported (on a month's last day, that month); this month can be started early.
        var current = Domain.Common.Period.Containing(Frequency.Month, ui.Today);
        DefaultMonth = ui.LastCompleteMonth;
        var months = new List<Period> { current };
        while (months.Count < MonthsOffered)
        {
            months.Add(months[^1].Previous);
        }

        Months = months;
        var mine = actor.GrantUnits(Permission.WriteReadings).FirstOrDefault() ?? actor.GrantUnits(Permission.ReviewReadings).FirstOrDefault();
        Mine = mine is null ? null : all.FirstOrDefault(u => u.Code == mine);
        if (Mine is not null)
        {
            MyReports = [.. (await reports.Handle(new ListReports.Query(State: null, Under: Mine.Code), ct)).Where(r => r.Org == Mine.Code && r.Period.StartsWith(ui.Today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))];
        }

        CanReview = actor.Can(Permission.ReviewReadings);
        if (CanReview)
        {
            Waiting = (await reports.Handle(new ListReports.Query(ReportState.Submitted, ReviewableOnly: true), ct)).Count;
        }
    }

    /// <summary>The form's way to a report: /reporting/{org}/{period}.</summary>
    public IActionResult OnGetOpen() =>
        string.IsNullOrWhiteSpace(Org) || !Domain.Common.Period.TryParse(Period, out var p)
            ? RedirectToPage()
            : Redirect($"/reporting/{Uri.EscapeDataString(Org.Trim())}/{p}");
}
