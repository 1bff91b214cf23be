using Luoshi.Application.Common;
using Luoshi.Application.Policies;
using Luoshi.Domain.Identity;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Luoshi.Web.Pages.Policies;

/// <summary>One policy: its measures with their figures, the payout curve, and its cases filtered (for readers of all data).</summary>
public sealed class DetailModel(PolicyQueries policies, ICurrentActor actor, UiContext ui, UiFormat format, IStringLocalizer<UiText> text, Application.Publication.Publish publish) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Measure { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Enterprise { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PolicyDetail Policy { get; private set; } = null!;
    public CasePage? Cases { get; private set; }
    public ChartSpec? Chart { get; private set; }

    /// <summary>The document item the policy was accepted from, if any.</summary>
    public PolicySource? Source { get; private set; }
    public string? Refused { get; private set; }

    /// <summary>Whether the policy is on the public portal, and the switch for those who may publish.</summary>
    public Public.PublishControl? Publication { get; private set; }

    public async Task OnGetAsync(string code, CancellationToken ct)
    {
        Policy = await policies.Get(code, ui.Today, ct);
        Publication = await Public.PublishControl.For(publish, actor, Application.Publication.PublicationKind.Policy, Policy.Policy.Code, "/policies/" + Uri.EscapeDataString(Policy.Policy.Code), ct);
        Source = await policies.SourceOf(code, ct);
        if (Policy.Curve.Count > 0)
        {
            Chart = new ChartSpec(
                ChartSpec.Line,
                [.. Policy.Curve.Select(p => format.Period(p.Month))],
                [
                    new(text["Policies.CurvePaid"], "main", [.. Policy.Curve.Select(p => (decimal?)p.Paid)]),
                    new(text["Policies.CurveApproved"], "target", [.. Policy.Curve.Select(p => (decimal?)p.Approved)]),
                ],
                text["Policies.Unit"],
                1);
        }

        if (actor.CanEverywhere(Permission.ReadAll))
        {
            try
            {
                Cases = await policies.Cases(new CaseFilter(code, Measure, Org, null, Status, Enterprise, PageNumber), ui.Today, ct);
            }
            catch (Exception e) when (e is InputRefusedException or NotFoundException or Domain.Common.DomainException)
            {
                Refused = UiFormat.Message(e.Message);
                Cases = await policies.Cases(new CaseFilter(code), ui.Today, ct);
            }
        }
    }

    /// <summary>Switches the policy onto or off the public portal (<see cref="Application.Publication.Publish.Handle"/> checks who may), then shows the page again.</summary>
    public async Task<IActionResult> OnPostPublishAsync(string code, bool on, CancellationToken ct)
    {
        var view = await publish.Handle(Application.Publication.PublicationKind.Policy, code, on, ct);
        return LocalRedirect("/policies/" + Uri.EscapeDataString(view.Code));
    }

    /// <summary>The link to another page of the same filtered list.</summary>
    public string PageLink(int page) =>
        QueryString.Create(new KeyValuePair<string, string?>[] { new("measure", Measure), new("org", Org), new("status", Status), new("enterprise", Enterprise), new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)) }).ToString();
}
