using Luoshi.Application.Organization;
using Luoshi.Domain.Organization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Web.Pages.Organization;

/// <summary>The org-unit tree as a list: province, cities, counties, departments, then the reference units.</summary>
public sealed class IndexModel(ListOrgUnits list) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public OrgUnitKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [TempData]
    public string? Saved { get; set; }

    public IReadOnlyList<OrgUnitView> Units { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public int Total { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await list.Handle(new(), ct);
        Total = all.Count;
        Names = all.ToDictionary(u => u.Code, u => u.Name, StringComparer.Ordinal);
        IEnumerable<OrgUnitView> shown = all;
        if (Kind is { } kind)
        {
            shown = shown.Where(u => u.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            shown = shown.Where(u => u.Code.Contains(q, StringComparison.OrdinalIgnoreCase) || u.Name.Contains(q, StringComparison.OrdinalIgnoreCase));
        }

        Units = [.. shown];
    }

    /// <summary>How deep the unit sits: 0 for a root (a province or a reference unit).</summary>
    public static int Depth(OrgUnitView unit) => Math.Max(0, unit.Path.Count(c => c == '/') - 2);
}
