using Luoshi.Application.Common;
using Luoshi.Application.Indicators;
using Luoshi.Application.Organization;
using Luoshi.Application.Supervision;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Supervision;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Luoshi.Web.Pages.Supervision;

/// <summary>
/// 新建督办事项: the supervising side writes an item as a draft (what, who leads and helps, by when, what it is
/// linked to, what closing takes) through CreateSupervisionItem, then hands it over from the item page.
/// </summary>
public sealed class CreateModel(CreateSupervisionItem create, ListOrgUnits orgUnits, ListIndicators indicators, ICurrentActor actor, IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty]
    public ItemInput Input { get; set; } = new();

    public IReadOnlyList<OrgUnitView> Units { get; private set; } = [];
    public IReadOnlyList<IndicatorView> Indicators { get; private set; } = [];

    public sealed class ItemInput
    {
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? LeadOrg { get; set; }
        public List<string> SupportingOrgs { get; set; } = [];
        public string? SupervisingOrg { get; set; }
        public DateOnly? Deadline { get; set; }
        public SupervisionPriority Priority { get; set; } = SupervisionPriority.Normal;
        public SupervisionSource Source { get; set; } = SupervisionSource.Manual;
        public string? PlanItem { get; set; }
        public string? Indicator { get; set; }
        public string? IndicatorOrg { get; set; }
        public int? ClearPeriodsToClose { get; set; }
        public string? Project { get; set; }
        public string? Document { get; set; }
        public string? SourceSentence { get; set; }
    }

    /// <summary>Sources a person picks; the rule sources are the rules' own.</summary>
    public static readonly SupervisionSource[] Sources =
        [SupervisionSource.Manual, SupervisionSource.Document, SupervisionSource.Inspection, SupervisionSource.PublicComplaint];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!MayCreate)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        await Load(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!MayCreate)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (ModelState.IsValid)
        {
            try
            {
                var supporting = Input.SupportingOrgs.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
                var item = await create.Handle(
                    new(
                        Input.Title,
                        Blank(Input.LeadOrg),
                        Input.Deadline,
                        Blank(Input.Description),
                        Input.Source,
                        Input.Priority,
                        supporting,
                        Blank(Input.SupervisingOrg),
                        Blank(Input.PlanItem),
                        Blank(Input.Indicator),
                        Blank(Input.IndicatorOrg),
                        Blank(Input.Project),
                        Blank(Input.Document),
                        Blank(Input.SourceSentence),
                        Input.ClearPeriodsToClose),
                    ct);
                TempData["Notice"] = text["Supervision.Created.Notice"].Value;
                return RedirectToPage("Item", new { id = item.Id });
            }
            catch (Exception e) when (FormErrors.TryAdd(ModelState, e, typeof(ItemInput)))
            {
            }
        }

        await Load(ct);
        return Page();
    }

    /// <summary>The supervising side opens items: someone who holds the supervising permission somewhere (the item checks the rest).</summary>
    private bool MayCreate => actor.Grants.Any(g => g.Role.Grants(Permission.Supervise));

    private async Task Load(CancellationToken ct)
    {
        Units = [.. (await orgUnits.Handle(new(), ct)).Where(u => u.Kind != OrgUnitKind.Reference)];
        Indicators = await indicators.Handle(ct);
    }

    public IEnumerable<IGrouping<OrgUnitKind, OrgUnitView>> UnitGroups =>
        Units.OrderBy(u => u.Kind switch { OrgUnitKind.Province => 0, OrgUnitKind.City => 1, OrgUnitKind.County => 2, _ => 3 })
            .ThenBy(u => u.Code, StringComparer.Ordinal)
            .GroupBy(u => u.Kind);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
