using Luoshi.Application.Policies;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Web.Pages.Policies;

/// <summary>一企一档: what one enterprise claimed under every policy, and what it received.</summary>
public sealed class EnterpriseModel(PolicyQueries policies, UiContext ui) : PageModel
{
    public EnterpriseView Enterprise { get; private set; } = null!;

    public async Task OnGetAsync(string code, CancellationToken ct) => Enterprise = await policies.Enterprise(code, ui.Today, ct);
}
