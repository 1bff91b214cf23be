using Luoshi.Application.Common;
using Luoshi.Application.Indicators;
using Luoshi.Application.Organization;
using Luoshi.Application.Reporting;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Reporting;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Luoshi.Web.Pages.Reporting;

/// <summary>更正申请: requests to change approved values, pending first, each approved or rejected by a reviewer other than the requester.</summary>
public sealed class RevisionsModel(Revisions revisions, ListIndicators indicators, ListOrgUnits orgUnits, ICurrentActor actor, IStringLocalizer<UiText> text) : PageModel
{
    /// <summary>pending (default), approved, rejected or all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<RevisionView> Requests { get; private set; } = [];
    public IReadOnlyDictionary<string, string> IndicatorNames { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> UnitNames { get; private set; } = new Dictionary<string, string>();
    public bool CanReview { get; private set; }
    public (int Id, string Message)? Refused { get; private set; }

    public string StateShown => State is "approved" or "rejected" or "all" ? State : "pending";

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public Task<IActionResult> OnPostApproveAsync(int id, string? comment, CancellationToken ct) => Decide(id, true, comment, ct);

    public Task<IActionResult> OnPostRejectAsync(int id, string? comment, CancellationToken ct) => Decide(id, false, comment, ct);

    private async Task<IActionResult> Decide(int id, bool approve, string? comment, CancellationToken ct)
    {
        try
        {
            var decided = await revisions.Decide(id, approve, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), ct);
            Notice = string.Format(System.Globalization.CultureInfo.CurrentCulture, text[approve ? "Revisions.ApprovedOne" : "Revisions.RejectedOne"], decided.Id);
            return RedirectToPage(new { State });
        }
        catch (Exception e) when (e is DomainException or ConflictException or NotFoundException or ForbiddenException)
        {
            Refused = (id, UiFormat.Message(e.Message));
            await Load(ct);
            return Page();
        }
    }

    private async Task Load(CancellationToken ct)
    {
        // A reader bound to units sees the requests of the first of them; one over everything sees all.
        var under = actor.GrantUnits(Permission.ReadAll).FirstOrDefault();
        var state = StateShown switch
        {
            "approved" => RevisionState.Approved,
            "rejected" => RevisionState.Rejected,
            "all" => (RevisionState?)null,
            _ => RevisionState.Pending,
        };
        Requests = [.. (await revisions.List(state, under, ct)).OrderByDescending(r => r.State == RevisionState.Pending).ThenByDescending(r => r.Id)];
        IndicatorNames = (await indicators.Handle(ct)).ToDictionary(i => i.Code, i => i.Name, StringComparer.Ordinal);
        UnitNames = (await orgUnits.Handle(new(), ct)).ToDictionary(u => u.Code, u => u.Name, StringComparer.Ordinal);
        CanReview = actor.Can(Permission.ReviewReadings);
    }
}
