using Luoshi.Application.Common;
using Luoshi.Application.Indicators;
using Luoshi.Application.Organization;
using Luoshi.Application.Supervision;
using Luoshi.Domain.Supervision;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Luoshi.Web.Pages.Supervision;

/// <summary>
/// 督办事项: what the item is (lead and supporting units, deadline, links, what closing takes), its whole
/// history oldest first, and a form for each transition the reader may make now. Every move goes through
/// TransitionSupervisionItem, as POST /api/supervision/items/{id}/{verb} does; a refusal is shown in the form
/// that was sent.
/// </summary>
public sealed class ItemModel(
    GetSupervisionItem get,
    AvailableTransitions available,
    TransitionSupervisionItem transition,
    ListOrgUnits orgUnits,
    ListIndicators indicators,
    IStringLocalizer<UiText> text) : PageModel
{
    /// <summary>The transitions as the forms (and the API) name them.</summary>
    public static readonly IReadOnlyDictionary<string, SupervisionAction> Verbs = new Dictionary<string, SupervisionAction>(StringComparer.Ordinal)
    {
        ["assign"] = SupervisionAction.Assign,
        ["accept"] = SupervisionAction.Accept,
        ["start"] = SupervisionAction.Start,
        ["submit"] = SupervisionAction.Submit,
        ["verify"] = SupervisionAction.Verify,
        ["return"] = SupervisionAction.Return,
        ["request-extension"] = SupervisionAction.RequestExtension,
        ["approve-extension"] = SupervisionAction.ApproveExtension,
        ["reject-extension"] = SupervisionAction.RejectExtension,
        ["cancel"] = SupervisionAction.Cancel,
    };

    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public TransitionInput Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public SupervisionItemView Item { get; private set; } = null!;
    public IReadOnlyList<SupervisionOption> Options { get; private set; } = [];
    public IReadOnlyDictionary<string, OrgUnitView> Units { get; private set; } = new Dictionary<string, OrgUnitView>();
    public string? IndicatorName { get; private set; }

    /// <summary>The transition whose form was sent and refused: that form shows what was typed and why.</summary>
    public SupervisionAction? Refused { get; private set; }

    /// <summary>A refusal that names no field of the form (the state, the party, a stale version).</summary>
    public List<string> Messages { get; } = [];

    public sealed class TransitionInput
    {
        public string? Act { get; set; }
        public string? Comment { get; set; }

        /// <summary>One piece of evidence per line: a text or a file reference.</summary>
        public string? Evidence { get; set; }

        public DateOnly? Deadline { get; set; }

        /// <summary>The version of the item the form was read at; a move over a newer one is refused.</summary>
        public int? Version { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.Act is null || !Verbs.TryGetValue(Input.Act, out var action))
        {
            return BadRequest();
        }

        Refused = action;
        if (ModelState.IsValid)
        {
            try
            {
                await transition.Handle(Id, action, new(Blank(Input.Comment), EvidenceList(Input.Evidence), Input.Deadline, Input.Version), ct);
                Notice = string.Format(System.Globalization.CultureInfo.CurrentCulture, text["Supervision.Done"], Verb(action));
                return RedirectToPage(new { Id });
            }
            catch (Exception e) when (FormErrors.TryAdd(ModelState, e, typeof(TransitionInput)))
            {
            }
        }

        // Errors that name no field of the form are said above it.
        foreach (var error in ModelState[string.Empty]?.Errors ?? [])
        {
            Messages.Add(error.ErrorMessage);
        }

        await Load(ct);
        return Page();
    }

    public string Verb(SupervisionAction action) => text[$"Enum.SupervisionAction.{action}"];

    public string VerbOf(SupervisionAction action) => Verbs.First(v => v.Value == action).Key;

    /// <summary>The report whose absence opened the item (the missing-report rule's hit), to link to it.</summary>
    public (string Org, string Period)? MissingReport =>
        Item.Cause is { } cause && cause.StartsWith(RunSupervisionRules.MissingReportCause, StringComparison.Ordinal) && cause.IndexOf('#', StringComparison.Ordinal) is > 0 and var hash
            ? (cause[RunSupervisionRules.MissingReportCause.Length..hash], cause[(hash + 1)..])
            : null;

    /// <summary>The unit's name, or its code when it is not known.</summary>
    public string UnitName(string? code) => code is null ? UiFormat.None : Units.TryGetValue(code, out var u) ? u.Name : code;

    /// <summary>What the refused form had in a field, so that it is not lost.</summary>
    public string? Typed(SupervisionAction action, string field) => Refused != action ? null : field switch
    {
        nameof(TransitionInput.Comment) => Input.Comment,
        nameof(TransitionInput.Evidence) => Input.Evidence,
        _ => null,
    };

    public string? ErrorOf(SupervisionAction action, string field) =>
        Refused == action && ModelState.TryGetValue($"{FormErrors.Prefix}.{field}", out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage))
            : null;

    private async Task Load(CancellationToken ct)
    {
        Item = await get.Handle(Id, ct);
        Options = await available.Handle(Id, ct);
        Units = (await orgUnits.Handle(new(), ct)).ToDictionary(u => u.Code, StringComparer.Ordinal);
        if (Item.Links.Indicator is { } code)
        {
            IndicatorName = (await indicators.Handle(ct)).FirstOrDefault(i => i.Code == code)?.Name;
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static List<string>? EvidenceList(string? evidence) => Blank(evidence) is { } e
        ? [.. e.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)]
        : null;
}
