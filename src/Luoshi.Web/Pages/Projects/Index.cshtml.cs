using Luoshi.Application.Common;
using Luoshi.Application.Organization;
using Luoshi.Application.Projects;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Organization;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Web.Pages.Projects;

/// <summary>
/// 重大项目: the list filtered by region (with everything under it), category, stage, start status, year and
/// text, sorted by a column and paged, with the counts of everything that matched.
/// </summary>
public sealed class IndexModel(ProjectQueries projects, ListOrgUnits orgUnits) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Started { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Desc { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ProjectPage Result { get; private set; } = null!;
    public IReadOnlyList<OrgUnitView> Regions { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>A refused filter, in the reader's language.</summary>
    public string? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Regions = [.. (await orgUnits.Handle(new(), ct)).Where(u => u.Kind is OrgUnitKind.Province or OrgUnitKind.City or OrgUnitKind.County)];
        try
        {
            Result = await projects.Browse(Filter(), null, ct);
        }
        catch (Exception e) when (e is DomainException or InputRefusedException or NotFoundException)
        {
            Refused = UiFormat.Message(Said.Of(e));
            Org = Category = Stage = Started = Sort = null;
            Result = await projects.Browse(new ProjectFilter(Year: Year is >= Period.MinYear and <= Period.MaxYear ? Year : null), null, ct);
        }

        Year = Result.Year;
        Years = [.. Enumerable.Range(Result.AsOf.Year - 3, 5).Reverse()];
        return Request.Headers.ContainsKey("HX-Request") && Request.Headers["HX-Target"] == "project-table"
            ? Partial("_ProjectTable", this)
            : Page();
    }

    private ProjectFilter Filter() => new(Org, Category, Stage, Started, Year, Year is not null, Q, Sort, Desc, PageNumber);

    /// <summary>The list's address with the current filters and some of them changed.</summary>
    public string ListUrl(string? sort = null, bool? desc = null, int? page = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["org"] = Org,
            ["category"] = Category,
            ["stage"] = Stage,
            ["started"] = Started,
            ["year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["q"] = Q,
            ["sort"] = sort ?? Sort,
            ["desc"] = (desc ?? Desc) ? "true" : null,
            ["p"] = (page ?? 1) > 1 ? (page ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/projects", query.Where(kv => !string.IsNullOrEmpty(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value));
    }

    /// <summary>A header's link: sorts by the column, or reverses it when it is already the sort.</summary>
    public string SortUrl(string column) => ListUrl(sort: column, desc: (Sort ?? "code") == column && !Desc);

    public string SortMark(string column) => (Sort ?? "code") != column ? string.Empty : Desc ? " ▼" : " ▲";

    public string? AriaSort(string column) => (Sort ?? "code") != column ? null : Desc ? "descending" : "ascending";
}
