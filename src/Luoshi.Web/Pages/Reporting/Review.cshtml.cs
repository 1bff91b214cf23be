using System.Globalization;
using Luoshi.Application.Common;
using Luoshi.Application.Reporting;
using Luoshi.Domain.Common;
using Luoshi.Domain.Reporting;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Luoshi.Web.Pages.Reporting;

/// <summary>
/// 审核: the submitted reports of the units under the reviewer's grants, oldest period first, each to open,
/// approve (which locks its values) or return with a reason.
/// </summary>
public sealed class ReviewModel(ListReports list, TransitionReport transition, UiFormat format, IStringLocalizer<UiText> text) : PageModel
{
    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<ReportSummaryView> Reports { get; private set; } = [];

    /// <summary>The report a decision on was refused, and why; shown in its row.</summary>
    public (string Org, string Period, string Message)? Refused { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public Task<IActionResult> OnPostApproveAsync(string org, string period, string? comment, CancellationToken ct) =>
        Decide(org, period, ReportAction.Approve, comment, ct);

    public Task<IActionResult> OnPostReturnAsync(string org, string period, string? comment, CancellationToken ct) =>
        Decide(org, period, ReportAction.Return, comment, ct);

    private async Task<IActionResult> Decide(string org, string period, ReportAction action, string? comment, CancellationToken ct)
    {
        try
        {
            var report = await transition.Handle(org, period, action, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), ct);
            Notice = string.Format(
                CultureInfo.CurrentCulture,
                text[action == ReportAction.Approve ? "Review.ApprovedOne" : "Review.ReturnedOne"],
                report.OrgName,
                format.Period(report.Period));
            return RedirectToPage();
        }
        catch (Exception e) when (e is DomainException or ConflictException or InputRefusedException or ForbiddenException)
        {
            Refused = (org, period, UiFormat.Message(Said.Of(e)));
            await Load(ct);
            return Page();
        }
    }

    private async Task Load(CancellationToken ct) =>
        Reports = [.. (await list.Handle(new ListReports.Query(ReportState.Submitted, ReviewableOnly: true), ct)).OrderBy(r => r.Period, StringComparer.Ordinal).ThenBy(r => r.Org, StringComparer.Ordinal)];
}
