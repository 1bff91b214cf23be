using Luoshi.Application.Policies;
using Luoshi.Application.Publication;
using Microsoft.AspNetCore.Mvc;

namespace Luoshi.Web.Pages.Public;

/// <summary>The public policies with their delivery (兑现) figures; filtered by package in the URL.</summary>
public sealed class PoliciesModel(PublicPortal portal) : PublicPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Package { get; set; }

    public IReadOnlyList<PolicyView> Policies { get; private set; } = [];

    public IReadOnlyList<string> Packages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var all = await portal.Policies(null, ct);
        Packages = [.. all.Select(p => p.Package).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        return await Answer(async () => Policies = string.IsNullOrWhiteSpace(Package) ? all : await portal.Policies(Package, ct));
    }
}
