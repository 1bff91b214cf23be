using System.Globalization;
using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Application.Evaluation;
using Luoshi.Domain.Common;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Supervision;

/// <summary>
/// Opens an item by hand, as a draft: the supervising side writes it (title, lead unit, deadline, links),
/// then assigns it. Codes name the units, the plan item and the indicator. The supervising unit defaults to
/// the top of the lead unit's tree (the province's office), and may not be the lead unit or below it (the
/// top unit excepted).
/// </summary>
public sealed class CreateSupervisionItem(LuoshiDbContext db, ICurrentActor actor, LocalCalendar calendar)
{
    public sealed record Request(
        string? Title,
        string? LeadOrg,
        DateOnly? Deadline,
        string? Description = null,
        SupervisionSource? Source = null,
        SupervisionPriority? Priority = null,
        IReadOnlyList<string>? SupportingOrgs = null,
        string? SupervisingOrg = null,
        string? PlanItem = null,
        string? Indicator = null,
        string? IndicatorOrg = null,
        string? Project = null,
        string? Document = null,
        string? SourceSentence = null,
        int? ClearPeriodsToClose = null);

    public async Task<SupervisionItemView> Handle(Request r, CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
        {
            throw new UnauthenticatedException();
        }

        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(r.Title))
        {
            errors.Add(new("title", new Text("标题不能为空", "title is required")));
        }

        if (r.Deadline is null)
        {
            errors.Add(new("deadline", new Text("截止日期不能为空", "deadline is required")));
        }

        var lead = await Unit(r.LeadOrg, "leadOrg", required: true, errors, ct);
        var supervising = await Unit(r.SupervisingOrg, "supervisingOrg", required: false, errors, ct);
        var supporting = new List<OrgUnit>();
        foreach (var code in r.SupportingOrgs ?? [])
        {
            if (await Unit(code, "supportingOrgs", required: true, errors, ct) is { } u)
            {
                supporting.Add(u);
            }
        }

        var plan = string.IsNullOrWhiteSpace(r.PlanItem) ? null : await db.PlanItems.AsNoTracking().Where(p => p.Code == r.PlanItem.Trim()).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
        if (!string.IsNullOrWhiteSpace(r.PlanItem) && plan is null)
        {
            errors.Add(new("planItem", new Text($"计划项 {Parsing.Clip(r.PlanItem)} 不存在", $"plan item '{Parsing.Clip(r.PlanItem)}' does not exist")));
        }

        var indicator = string.IsNullOrWhiteSpace(r.Indicator) ? null : await db.Indicators.AsNoTracking().Where(i => i.Code == r.Indicator.Trim()).Select(i => (int?)i.Id).SingleOrDefaultAsync(ct);
        if (!string.IsNullOrWhiteSpace(r.Indicator) && indicator is null)
        {
            errors.Add(new("indicator", new Text($"指标 {Parsing.Clip(r.Indicator)} 不存在", $"indicator '{Parsing.Clip(r.Indicator)}' does not exist")));
        }

        var indicatorUnit = await Unit(r.IndicatorOrg, "indicatorOrg", required: false, errors, ct);
        var project = string.IsNullOrWhiteSpace(r.Project) ? null : await db.Projects.AsNoTracking().Where(p => p.Code == r.Project.Trim()).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
        if (!string.IsNullOrWhiteSpace(r.Project) && project is null)
        {
            errors.Add(new("project", new Text($"项目 {Parsing.Clip(r.Project)} 不存在", $"project '{Parsing.Clip(r.Project)}' does not exist")));
        }

        // A document is named by its id, as the documents API and pages show it.
        int? document = int.TryParse(r.Document?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int documentId)
            && await db.Documents.AnyAsync(d => d.Id == documentId, ct) ? documentId : null;
        if (!string.IsNullOrWhiteSpace(r.Document) && document is null)
        {
            errors.Add(new("document", new Text($"文件 {Parsing.Clip(r.Document)} 不存在", $"document '{Parsing.Clip(r.Document)}' does not exist")));
        }

        if (errors.Count > 0)
        {
            throw new InputRefusedException(errors);
        }

        // By default the top of the lead unit's tree supervises (the province's office). A unit never supervises
        // itself or a unit above it — except the top unit, which has nobody above to supervise its own items.
        supervising ??= await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Code == lead!.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0], ct);
        bool topLeadsItself = lead!.ParentId is null && supervising.Id == lead.Id;
        if (supervising.IsWithin(lead) && !topLeadsItself)
        {
            throw InputRefusedException.Single("supervisingOrg", new Text("督办单位不能是牵头单位或其下级", "the supervising unit cannot be the lead unit or below it"));
        }

        var by = SupervisionParties.Of(actor, lead!);
        var now = calendar.UtcNow;
        var item = SupervisionItem.Create(r.Title!, r.Source ?? SupervisionSource.Manual, lead!.Id, supervising.Id, r.Deadline!.Value, by, now);
        item.Describe(r.Title!, r.Description, r.Priority ?? SupervisionPriority.Normal);
        item.SupportWith(supporting.Select(s => s.Id));
        item.Link(plan, indicator, indicatorUnit?.Id, project, document, r.SourceSentence);
        item.RequireClearPeriods(r.ClearPeriodsToClose);
        db.SupervisionItems.Add(item);
        await db.SaveChangesAsync(ct);
        return SupervisionViews.Full(item, await SupervisionViews.NamesFor(db, [item], ct), calendar);
    }

    private async Task<OrgUnit?> Unit(string? code, string field, bool required, List<FieldError> errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            if (required)
            {
                errors.Add(new(field, new Text("单位不能为空", "an org unit is required")));
            }

            return null;
        }

        var unit = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Code == code.Trim(), ct);
        if (unit is null)
        {
            errors.Add(new(field, new Text($"单位 {Parsing.Clip(code)} 不存在", $"org unit '{Parsing.Clip(code)}' does not exist")));
        }
        else if (unit.Kind == OrgUnitKind.Reference)
        {
            errors.Add(new(field, new Text($"{unit.Code} 是对标单位,不承担督办事项", $"{unit.Code} is a reference unit and takes no items")));
            return null;
        }

        return unit;
    }
}
