using System.Globalization;
using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Supervision;

/// <summary>One history entry: kind is transition, reminder or escalation; onBehalfOf names the unit an Admin acted for.</summary>
public sealed record SupervisionEventView(
    int Seq,
    string Kind,
    SupervisionAction Action,
    SupervisionState? From,
    SupervisionState To,
    string Actor,
    SupervisionParty Party,
    string? OnBehalfOf,
    DateTimeOffset At,
    string? Comment,
    IReadOnlyList<string> Evidence,
    DateOnly? Deadline,
    int? Level);

/// <summary>A figure the item answers for: an indicator at a unit, behind from one period to another, with the engine's reason.</summary>
public sealed record SupervisionFigureView(string Indicator, string IndicatorName, string Org, string OrgName, string From, string To, string ReasonZh, string ReasonEn, DateTimeOffset AddedAt);

public sealed record SupervisionLinksView(string? PlanItem, string? Indicator, string? IndicatorOrg, string? Project, string? Document, string? SourceSentence);

/// <summary>An item with its whole history, oldest first; <c>Cause</c> is the rule hit that opened it (null for items opened by hand).</summary>
public sealed record SupervisionItemView(
    int Id,
    string Title,
    string? Description,
    SupervisionSource Source,
    SupervisionPriority Priority,
    SupervisionState State,
    string LeadOrg,
    string LeadOrgName,
    IReadOnlyList<string> SupportingOrgs,
    string SupervisingOrg,
    DateOnly Deadline,
    DateOnly OriginalDeadline,
    DateOnly? RequestedDeadline,
    int EscalationLevel,
    bool Overdue,
    int DaysOverdue,
    SupervisionLinksView Links,
    int? ClearPeriodsToClose,
    IReadOnlyList<string> Evidence,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? AssignedAt,
    DateTimeOffset? ClosedAt,
    bool? ClosedOnTime,
    int Version,
    IReadOnlyList<SupervisionEventView> History,
    string? Cause)
{
    /// <summary>The figures a rule listed on the item (empty for items opened by hand), in the order they joined.</summary>
    public IReadOnlyList<SupervisionFigureView> Indicators { get; init; } = [];
}

/// <summary>An item as lists, the board and the overdue list show it.</summary>
public sealed record SupervisionItemSummary(
    int Id,
    string Title,
    SupervisionState State,
    SupervisionSource Source,
    SupervisionPriority Priority,
    string LeadOrg,
    string LeadOrgName,
    DateOnly Deadline,
    int EscalationLevel,
    bool Overdue,
    int DaysOverdue,
    int Version);

internal static class SupervisionViews
{
    public sealed record Names(IReadOnlyDictionary<int, (string Code, string Name)> Units, IReadOnlyDictionary<int, string> Plans, IReadOnlyDictionary<int, (string Code, string Name)> Indicators, IReadOnlyDictionary<int, string> Projects)
    {
        public string Unit(int id) => Units.TryGetValue(id, out var u) ? u.Code : "?";

        public string UnitName(int id) => Units.TryGetValue(id, out var u) ? u.Name : "?";

        public string Indicator(int id) => Indicators.TryGetValue(id, out var i) ? i.Code : "?";

        public string IndicatorName(int id) => Indicators.TryGetValue(id, out var i) ? i.Name : "?";
    }

    public static async Task<Names> NamesFor(LuoshiDbContext db, IReadOnlyCollection<SupervisionItem> items, CancellationToken ct)
    {
        var unitIds = items.SelectMany(i => i.SupportingUnits.Select(s => s.OrgUnitId).Append(i.LeadUnitId).Append(i.SupervisingUnitId)
            .Concat(i.IndicatorUnitId is { } u ? [u] : []).Concat(i.Indicators.Select(f => f.OrgUnitId))).Distinct().ToList();
        var planIds = items.Where(i => i.PlanItemId is not null).Select(i => i.PlanItemId!.Value).Distinct().ToList();
        var indicatorIds = items.SelectMany(i => i.Indicators.Select(f => f.IndicatorId).Concat(i.IndicatorId is { } id ? [id] : [])).Distinct().ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).Select(u => new { u.Id, u.Code, u.Name }).ToListAsync(ct);
        var indicators = indicatorIds.Count == 0 ? [] : await db.Indicators.AsNoTracking().Where(i => indicatorIds.Contains(i.Id)).Select(i => new { i.Id, i.Code, i.Name }).ToListAsync(ct);
        var projectIds = items.Where(i => i.ProjectId is not null).Select(i => i.ProjectId!.Value).Distinct().ToList();
        return new Names(
            units.ToDictionary(u => u.Id, u => (u.Code, u.Name)),
            planIds.Count == 0 ? new Dictionary<int, string>() : await db.PlanItems.AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Code, ct),
            indicators.ToDictionary(i => i.Id, i => (i.Code, i.Name)),
            projectIds.Count == 0 ? new Dictionary<int, string>() : await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Code, ct));
    }

    public static SupervisionItemView Full(SupervisionItem i, Names n, LocalCalendar calendar)
    {
        var history = i.Events.OrderBy(e => e.Seq).Select(e => Event(i, e, n)).ToList();
        return new SupervisionItemView(
            i.Id,
            i.Title,
            i.Description,
            i.Source,
            i.Priority,
            i.State,
            n.Unit(i.LeadUnitId),
            n.UnitName(i.LeadUnitId),
            [.. i.SupportingUnits.Select(s => n.Unit(s.OrgUnitId)).Order(StringComparer.Ordinal)],
            n.Unit(i.SupervisingUnitId),
            i.Deadline,
            i.OriginalDeadline,
            i.RequestedDeadline,
            i.EscalationLevel,
            i.DaysOverdue(calendar.Today) > 0,
            i.DaysOverdue(calendar.Today),
            new SupervisionLinksView(
                i.PlanItemId is { } p ? n.Plans.GetValueOrDefault(p) : null,
                i.IndicatorId is { } ind && n.Indicators.TryGetValue(ind, out var linked) ? linked.Code : null,
                i.IndicatorUnitId is { } iu ? n.Unit(iu) : null,
                i.ProjectId is { } project ? n.Projects.GetValueOrDefault(project) : i.UnlinkedProject,
                i.DocumentId?.ToString(CultureInfo.InvariantCulture) ?? i.UnlinkedDocument,
                i.SourceSentence),
            i.ClearPeriodsToClose,
            [.. history.SelectMany(e => e.Evidence).Distinct(StringComparer.Ordinal)],
            i.CreatedAt,
            i.CreatedBy,
            i.AssignedAt,
            i.ClosedAt,
            i.ClosedOnTime(calendar.Zone),
            i.Version,
            history,
            i.RuleKey)
        {
            Indicators = [.. i.Indicators.Select(f => new SupervisionFigureView(
                n.Indicator(f.IndicatorId), n.IndicatorName(f.IndicatorId), n.Unit(f.OrgUnitId), n.UnitName(f.OrgUnitId), f.FirstPeriod, f.LastPeriod, f.ReasonZh, f.ReasonEn, f.AddedAt))
                .OrderBy(f => f.AddedAt).ThenBy(f => f.Indicator, StringComparer.Ordinal).ThenBy(f => f.Org, StringComparer.Ordinal)],
        };
    }

    public static SupervisionItemSummary Summary(SupervisionItem i, Names n, DateOnly today) => new(
        i.Id,
        i.Title,
        i.State,
        i.Source,
        i.Priority,
        n.Unit(i.LeadUnitId),
        n.UnitName(i.LeadUnitId),
        i.Deadline,
        i.EscalationLevel,
        i.DaysOverdue(today) > 0,
        i.DaysOverdue(today),
        i.Version);

    private static SupervisionEventView Event(SupervisionItem i, SupervisionEvent e, Names n) => new(
        e.Seq,
        e.Action switch
        {
            SupervisionAction.Remind => "reminder",
            SupervisionAction.Escalate => "escalation",
            SupervisionAction.Absorb => "absorption",
            _ => "transition",
        },
        e.Action,
        e.FromState,
        e.ToState,
        e.Actor,
        e.Party,
        e.OnBehalf ? n.Unit(e.Party == SupervisionParty.Lead ? i.LeadUnitId : i.SupervisingUnitId) : null,
        e.At,
        e.Comment,
        e.Evidence,
        e.Deadline,
        e.Level);
}
