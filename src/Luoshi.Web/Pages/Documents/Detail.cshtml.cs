using System.Globalization;
using Luoshi.Application.Common;
using Luoshi.Application.Documents;
using Luoshi.Application.Indicators;
using Luoshi.Application.Organization;
using Luoshi.Application.Plans;
using Luoshi.Domain.Documents;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Plans;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Luoshi.Web.Pages.Documents;

/// <summary>
/// A document under review: its normalised text with what was extracted marked in place (directives, targets,
/// figures, people, 提法), the items beside it with their decisions, and the review: a directive accepted as a
/// draft plan item under a chosen parent, a target as an indicator's target for a unit, a figure as a reading
/// for a unit (the province, 全国…), any item as a draft policy, or an item rejected — each through the same use cases as the API, each
/// citing its sentence.
/// </summary>
public sealed class DetailModel(
    GetDocument get,
    ListPlanItems plans,
    ListIndicators indicators,
    ListOrgUnits orgUnits,
    AcceptDirective acceptDirective,
    AcceptPolicy acceptPolicy,
    AcceptTarget acceptTarget,
    AcceptReading acceptReading,
    RejectItem reject,
    ICurrentActor actor,
    UiFormat format,
    IStringLocalizer<UiText> text) : PageModel
{
    [TempData]
    public string? Notice { get; set; }

    [BindProperty]
    public ReviewInput Input { get; set; } = new();

    public DocumentView Document { get; private set; } = null!;

    public IReadOnlyList<Segment> Segments { get; private set; } = [];

    public IReadOnlyList<ItemModel> Items { get; private set; } = [];

    public IReadOnlyList<PlanItemView> Parents { get; private set; } = [];

    public IReadOnlyList<IndicatorView> Indicators { get; private set; } = [];

    public IReadOnlyList<OrgUnitView> Units { get; private set; } = [];

    /// <summary>The departments a policy may be led by.</summary>
    public IReadOnlyList<OrgUnitView> Departments { get; private set; } = [];

    public bool CanReview { get; private set; }

    /// <summary>The item whose form was sent and refused: its form stays open with the errors beside its fields.</summary>
    public int? PostedNumber { get; private set; }

    public string? PostedAction { get; private set; }

    public async Task OnGetAsync(int id, CancellationToken ct) => await Load(id, ct);

    public Task<IActionResult> OnPostAcceptPlanAsync(int id, int number, CancellationToken ct) =>
        Decide(id, number, "plan", async () =>
        {
            var outcome = await acceptDirective.Handle(id, number, new AcceptDirective.Request(
                Blank(Input.Code), Input.Kind, Blank(Input.Parent), Blank(Input.Title), Note: Blank(Input.Note)), ct);
            return string.Format(CultureInfo.CurrentCulture, text["DocReview.AcceptedPlan"], number, outcome.PlanItem!.Code, outcome.PlanItem.Title);
        }, ct);

    public Task<IActionResult> OnPostAcceptPolicyAsync(int id, int number, CancellationToken ct) =>
        Decide(id, number, "policy", async () =>
        {
            var outcome = await acceptPolicy.Handle(id, number, new AcceptPolicy.Request(
                Blank(Input.Code), Blank(Input.Lead), Blank(Input.Package), Blank(Input.Title), Input.Issued, Input.Budget, Blank(Input.Note)), ct);
            return string.Format(CultureInfo.CurrentCulture, text["DocReview.AcceptedPolicy"], number, outcome.Policy!.Code, outcome.Policy.Title);
        }, ct);

    public Task<IActionResult> OnPostAcceptTargetAsync(int id, int number, CancellationToken ct) =>
        Decide(id, number, "target", async () =>
        {
            var outcome = await acceptTarget.Handle(id, number, new AcceptTarget.Request(
                Blank(Input.Indicator), Blank(Input.Org), Blank(Input.Year), Input.Value, Note: Blank(Input.Note)), ct);
            var t = outcome.Target!;
            return string.Format(CultureInfo.CurrentCulture, text["DocReview.AcceptedTarget"], number, t.Indicator, t.Org, t.Year);
        }, ct);

    public Task<IActionResult> OnPostAcceptReadingAsync(int id, int number, CancellationToken ct) =>
        Decide(id, number, "reading", async () =>
        {
            var outcome = await acceptReading.Handle(id, number, new AcceptReading.Request(
                Blank(Input.Indicator), Blank(Input.Org), Blank(Input.Period), Input.Value, Note: Blank(Input.Note)), ct);
            var r = outcome.Reading!;
            return string.Format(CultureInfo.CurrentCulture, text["DocReview.AcceptedReading"], number, r.Indicator, r.Org, format.Period(r.Period));
        }, ct);

    public Task<IActionResult> OnPostRejectAsync(int id, int number, CancellationToken ct) =>
        Decide(id, number, "reject", async () =>
        {
            await reject.Handle(id, number, new RejectItem.Request(Blank(Input.Note)), ct);
            return string.Format(CultureInfo.CurrentCulture, text["DocReview.Rejected"], number);
        }, ct);

    private async Task<IActionResult> Decide(int id, int number, string action, Func<Task<string>> decide, CancellationToken ct)
    {
        PostedNumber = number;
        PostedAction = action;
        if (ModelState.IsValid)
        {
            try
            {
                Notice = await decide();
                return RedirectToPage("Detail", null, new { id }, $"item-{number}");
            }
            catch (Exception e) when (FormErrors.TryAdd(ModelState, e, typeof(ReviewInput)))
            {
            }
            catch (ForbiddenException e)
            {
                ModelState.AddModelError(string.Empty, UiFormat.Message(e.Message));
            }
        }

        await Load(id, ct);
        return Page();
    }

    private async Task Load(int id, CancellationToken ct)
    {
        Document = await get.Handle(id, ct);
        CanReview = actor.Can(Permission.ManagePlans, (string?)null);
        Items = [.. Document.Items.Select(i =>
        {
            var figure = ItemData.Figure(i.Kind, i.Data);
            var directive = ItemData.Directive(i.Kind, i.Data);
            return new ItemModel(i, figure, directive, Fields(figure, directive));
        })];
        Segments = Highlights.Cut(Document.Text, Marks());
        if (CanReview && Document.Items.Any(i => i.Decision == ItemDecision.Pending))
        {
            Parents = [.. (await plans.Handle(new ListPlanItems.Query(), ct)).Where(p => p.Kind != PlanItemKind.Milestone)];
            Indicators = await indicators.Handle(ct);
            var units = await orgUnits.Handle(new ListOrgUnits.Query(), ct);
            Departments = [.. units.Where(u => u.Kind == OrgUnitKind.Department).OrderBy(u => u.Code, StringComparer.Ordinal)];
            Units = [.. units.Where(u => u.Kind is OrgUnitKind.Province or OrgUnitKind.Reference or OrgUnitKind.City)
                .OrderBy(u => u.Kind switch { OrgUnitKind.Province => 0, OrgUnitKind.Reference => 1, _ => 2 })
                .ThenBy(u => u.Code, StringComparer.Ordinal)];
        }
    }

    private IEnumerable<Mark> Marks()
    {
        foreach (var item in Items)
        {
            var (from, length) = item.Figure is { } f ? (f.Start, f.Length) : item.Directive is { } d ? (d.Start, d.Length) : (0, 0);
            if (length > 0)
            {
                var tip = $"{format.Label(item.View.Kind)} #{item.View.Number}: " + string.Join(" · ", item.Fields.Select(f => $"{f.Label} {f.Value}"));
                yield return new Mark(from, from + length, item.View.Kind.ToString().ToLowerInvariant(), item.View.Number, tip);
            }
        }

        var body = Document.Text;
        foreach (var person in Document.People.DistinctBy(p => p.Name))
        {
            var tip = $"{text["DocReview.Person"]}: {person.Name}" + (person.Role is { } role ? $" · {role}" : string.Empty);
            foreach (var at in Highlights.Occurrences(body, person.Name))
            {
                yield return new Mark(at, at + person.Name.Length, "person", null, tip);
            }
        }

        foreach (var term in Document.Terms.Where(t => t.Term.Length >= 2))
        {
            var tip = string.Format(CultureInfo.CurrentCulture, text["DocReview.TermTip"], term.Term, term.Count)
                + (term.Numbered ? " · " + text["Timeline.Numbered"] : string.Empty);
            foreach (var at in Highlights.Occurrences(body, term.Term))
            {
                yield return new Mark(at, at + term.Term.Length, "term", null, tip, term.Term);
            }
        }
    }

    /// <summary>The extracted fields of an item, labelled, in the reader's language.</summary>
    private IReadOnlyList<Field> Fields(FigureView? figure, DirectiveView? directive)
    {
        var fields = new List<Field>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                fields.Add(new Field(text[key], value));
            }
        }

        if (directive is { } d)
        {
            Add("DocReview.Verb", d.Verb);
            Add("DocReview.Topic", d.Topic);
            Add("DocReview.Area", d.Area);
            return fields;
        }

        if (figure is not { } f)
        {
            return fields;
        }

        Add("DocReview.Subject", f.Subject);
        var value = Number(f.Value);
        Add("DocReview.Value", f.Upper is { } upper ? $"{value}–{Number(upper)}" : value);
        Add("DocReview.Unit", f.Unit);
        Add("DocReview.Measure", f.Measure);
        if (f.Qualifier is { } qualifier)
        {
            Add("DocReview.Qualifier", format.Label(qualifier));
        }

        Add("DocReview.Stretch", Number(f.Stretch));
        Add("DocReview.From", Number(f.From));
        Add("DocReview.Comparison", f.Comparison);
        Add("DocReview.Period", f.Period is { } period ? period + (f.PeriodCode is { } code ? $" ({format.Period(code)})" : string.Empty) : null);
        return fields;
    }

    /// <summary>A figure as the form shows it: no trailing zeros, a point for the decimals.</summary>
    public static string? Number(decimal? value) => value?.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>What the figure's subject most likely measures: an indicator whose name the subject contains (or the other way round), with the same unit first.</summary>
    public IndicatorView? Suggest(ItemModel item)
    {
        var subject = item.Figure?.Subject;
        if (string.IsNullOrWhiteSpace(subject))
        {
            return null;
        }

        var bare = subject.StartsWith("全省", StringComparison.Ordinal) || subject.StartsWith("全国", StringComparison.Ordinal) ? subject[2..] : subject;
        var unit = item.Figure?.Unit;
        return Indicators
            .Where(i => bare.Length > 0 && (bare.Contains(i.Name, StringComparison.Ordinal) || i.Name.Contains(bare, StringComparison.Ordinal)))
            .OrderByDescending(i => string.Equals(i.Unit, unit, StringComparison.Ordinal))
            .ThenByDescending(i => i.Name.Length)
            .FirstOrDefault();
    }

    /// <summary>全国 for a figure about the country, else the province.</summary>
    public string? SuggestUnit(ItemModel item)
    {
        var subject = item.Figure?.Subject ?? string.Empty;
        var wanted = subject.StartsWith("全国", StringComparison.Ordinal)
            ? Units.FirstOrDefault(u => u.Kind == OrgUnitKind.Reference && u.Name == "全国")
            : Units.FirstOrDefault(u => u.Kind == OrgUnitKind.Province);
        return wanted?.Code;
    }

    /// <summary>Where an accepted item now lives: the plan item, or the indicator at the unit.</summary>
    public static string? LinkOf(string? linkedTo)
    {
        var link = linkedTo is null ? null : ItemLink.Parse(linkedTo);
        return link?.Kind switch
        {
            ItemLinkKind.Plan => "/plans/" + Uri.EscapeDataString(link.Code),
            ItemLinkKind.Policy => "/policies/" + Uri.EscapeDataString(link.Code),
            ItemLinkKind.Target or ItemLinkKind.Reading => $"/indicators/{Uri.EscapeDataString(link.Code)}?org={Uri.EscapeDataString(link.Org!)}",
            _ => null,
        };
    }

    /// <summary>The budget a policy accepted from the item would get: the amount of yuan it (or its sentence) names, in 万元.</summary>
    public decimal? SuggestBudget(ItemModel item) => Items
        .Where(i => i.View.Number == item.View.Number || i.View.Sentence.Start == item.View.Sentence.Start)
        .OrderBy(i => i.View.Number != item.View.Number)
        .ThenBy(i => i.View.Number)
        .Select(i => i.Figure is { } f ? AcceptPolicy.TenThousands(f.Value, f.Unit) : null)
        .FirstOrDefault(v => v is not null);

    public bool IsPosted(int number, string action) => PostedNumber == number && PostedAction == action;

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public sealed record Field(string Label, string Value);

    /// <summary>An item with its labelled fields, and its extracted data as its kind has it.</summary>
    public sealed record ItemModel(DocumentItemView View, FigureView? Figure, DirectiveView? Directive, IReadOnlyList<Field> Fields);

    public sealed class ReviewInput
    {
        public string? Code { get; set; }

        public PlanItemKind? Kind { get; set; }

        public string? Parent { get; set; }

        public string? Title { get; set; }

        public string? Indicator { get; set; }

        public string? Org { get; set; }

        public string? Year { get; set; }

        public string? Period { get; set; }

        public decimal? Value { get; set; }

        public string? Note { get; set; }

        public string? Lead { get; set; }

        public string? Package { get; set; }

        public DateOnly? Issued { get; set; }

        public decimal? Budget { get; set; }
    }
}
