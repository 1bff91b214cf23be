using Luoshi.Application.Common;
using Luoshi.Application.Indicators;
using Luoshi.Application.Plans;
using Luoshi.Application.Supervision;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Plans;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Luoshi.Web.Pages.Supervision;

/// <summary>
/// Writes a new indicator rule (<c>/supervision/rules/new</c>) or rewrites one, through SaveSupervisionRule. The
/// form carries the version it was read at; a stale one is refused, not overwritten. After saving, the rules page
/// opens on the rule's preview, so the office sees what it would open before switching it on.
/// </summary>
public sealed class RuleEditModel(
    GetSupervisionRule get,
    SaveSupervisionRule save,
    ListIndicators indicators,
    ListPlanItems plans,
    ICurrentActor actor,
    IOptions<SupervisionOptions> options,
    IStringLocalizer<UiText> text) : PageModel
{
    public const string NewCode = "new";

    /// <summary>The kinds of unit a rule may be limited to, in the order of the tree.</summary>
    public static readonly OrgUnitKind[] Kinds = [OrgUnitKind.Province, OrgUnitKind.City, OrgUnitKind.County, OrgUnitKind.Department];

    [BindProperty]
    public RuleInput Input { get; set; } = new();

    public bool IsNew { get; private set; }

    public bool Stale { get; private set; }

    public IReadOnlyList<IndicatorView> Indicators { get; private set; } = [];

    public IReadOnlyList<PlanItemView> Programmes { get; private set; } = [];

    public sealed class RuleInput
    {
        public string? Code { get; set; }
        public string? Name { get; set; }

        /// <summary>Indicator codes separated by commas, spaces or new lines.</summary>
        public string? Indicators { get; set; }
        public string? PlanItem { get; set; }
        public int? Periods { get; set; }
        public decimal? MinGapPoints { get; set; }
        public List<OrgUnitKind> UnitKinds { get; set; } = [];
        public int? ClearPeriodsToClose { get; set; }
        public int? DeadlineDays { get; set; }
        public bool Enabled { get; set; }
        public int Version { get; set; }

        public SaveSupervisionRule.Request ToRequest() => new(
            Code?.Trim(),
            Name,
            [.. (Indicators ?? string.Empty).Split([',', '，', '、', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            string.IsNullOrWhiteSpace(PlanItem) ? null : PlanItem.Trim(),
            Periods,
            MinGapPoints,
            [.. UnitKinds.Select(k => k.ToString())],
            ClearPeriodsToClose,
            DeadlineDays,
            Enabled,
            Version);

        public static RuleInput From(SupervisionRuleView r) => new()
        {
            Code = r.Code,
            Name = r.Name,
            Indicators = string.Join(", ", r.Indicators),
            PlanItem = r.PlanItem,
            Periods = r.Periods,
            MinGapPoints = r.MinGapPoints,
            UnitKinds = [.. r.UnitKinds],
            ClearPeriodsToClose = r.ClearPeriodsToClose,
            DeadlineDays = r.DeadlineDays,
            Enabled = r.Enabled,
            Version = r.Version,
        };
    }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (!MayManage)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        IsNew = code == NewCode;
        if (IsNew)
        {
            var settings = options.Value;
            Input = new RuleInput
            {
                Periods = settings.RedPeriods,
                ClearPeriodsToClose = settings.RedItemClearPeriods > 0 ? settings.RedItemClearPeriods : null,
                DeadlineDays = settings.RuleDeadlineDays,
            };
        }
        else
        {
            Input = RuleInput.From(await get.Handle(code, ct));
        }

        await Load(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (!MayManage)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        IsNew = code == NewCode;
        if (!IsNew)
        {
            Input.Code = code;
        }

        if (ModelState.IsValid)
        {
            try
            {
                var rule = IsNew ? await save.Create(Input.ToRequest(), ct) : await save.Update(code, Input.ToRequest(), ct);
                TempData["Notice"] = string.Format(System.Globalization.CultureInfo.CurrentCulture, text["Rules.Saved.Notice"], rule.Code);
                return Redirect($"/supervision/rules?preview={Uri.EscapeDataString(rule.Code)}#preview");
            }
            catch (Exception e) when (FormErrors.TryAdd(ModelState, e, typeof(RuleInput)))
            {
                Stale = FormErrors.IsStale(e);
            }
        }

        await Load(ct);
        return Page();
    }

    private bool MayManage => actor.CanEverywhere(Permission.Supervise);

    private async Task Load(CancellationToken ct)
    {
        Indicators = await indicators.Handle(ct);
        Programmes = [.. (await plans.Handle(new(), ct)).Where(p => p.Kind is PlanItemKind.Strategy or PlanItemKind.Programme)];
    }
}
