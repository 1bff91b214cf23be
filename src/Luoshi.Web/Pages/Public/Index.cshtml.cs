using Luoshi.Application.Publication;
using Microsoft.AspNetCore.Mvc;

namespace Luoshi.Web.Pages.Public;

/// <summary>The portal's home: the public headline indicators at the province (or <c>?org=</c>) with their lights, and what else is published.</summary>
public sealed class IndexModel(PublicPortal portal) : PublicPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Org { get; set; }

    public PublicHome? Home { get; private set; }

    /// <summary>The units the filter offers, also when the filter was refused.</summary>
    public IReadOnlyList<PublicUnit> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var answer = await Answer(async () => Home = await portal.Home(Org, ct));
        Units = (Home ?? await portal.Home(null, ct)).Units;
        return answer;
    }
}
