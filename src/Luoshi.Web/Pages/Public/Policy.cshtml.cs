using Luoshi.Application.Policies;
using Luoshi.Application.Publication;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Luoshi.Web.Pages.Public;

/// <summary>A public policy: its delivery figures, its measures, and the payout curve with its table (never enterprise cases).</summary>
public sealed class PolicyModel(PublicPortal portal, UiFormat format) : PublicPageModel
{
    public PolicyDetail Detail { get; private set; } = null!;

    public ChartSpec? Chart { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Detail = await portal.Policy(code, ct);
        if (Detail.Curve.Count > 0)
        {
            Chart = new ChartSpec(
                ChartSpec.Line,
                [.. Detail.Curve.Select(p => format.Period(p.Month))],
                [
                    new(PublicText.CurvePaid.ToString(), "main", [.. Detail.Curve.Select(p => (decimal?)p.Paid)]),
                    new(PublicText.CurveApproved.ToString(), "target", [.. Detail.Curve.Select(p => (decimal?)p.Approved)]),
                ],
                PublicText.TenThousandYuan.ToString(),
                1);
        }

        return Page();
    }
}
