using Luoshi.Application.Projects;
using Luoshi.Application.Publication;
using Microsoft.AspNetCore.Mvc;

namespace Luoshi.Web.Pages.Public;

/// <summary>The public major projects, filtered and paged by the URL.</summary>
public sealed class ProjectsModel(PublicPortal portal) : PublicPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public ProjectPage? List { get; private set; }

    public IReadOnlyList<PublicUnit> Units { get; private set; } = [];

    public IReadOnlyList<string> Categories { get; private set; } = [];

    public int Pages => List is null ? 0 : Math.Max(1, (List.Total + List.PageSize - 1) / List.PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var regions = await RegionCodes(portal, ct);
        Units = [.. (await portal.Home(null, ct)).Units.Where(u => regions.Contains(u.Code))];
        Categories = (await portal.Projects(new ProjectFilter(PageSize: 1), ct)).Categories;
        return await Answer(async () => List = await portal.Projects(new ProjectFilter(Org: Org, Category: Category, Stage: Stage, Text: Text, Page: Math.Max(1, PageNumber)), ct));
    }

    public string PageLink(int page) => PublicFormat.Query(
        "/public/projects", ("org", Org), ("category", Category), ("stage", Stage), ("text", Text), ("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
