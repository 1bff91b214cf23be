using System.Globalization;
using Luoshi.Domain.Common;

namespace Luoshi.Domain.Supervision;

/// <summary>A message for one unit's inbox about an item.</summary>
public sealed record SupervisionNotice(int UnitId, string Kind, string Title, string Body);

/// <summary>
/// Who hears of each entry of an item's history, and what they read. Handing over and decisions go to the
/// lead unit (and supporters when the work starts or ends); reports and requests go to the supervising
/// unit. The escalation ladder widens the audience level by level: the lead unit, then its leadership (the
/// unit above it, where the leaders in charge sit), then the supervising office — the lead unit always
/// hears that it was escalated.
/// </summary>
public static class SupervisionNotices
{
    public static IReadOnlyList<SupervisionNotice> For(SupervisionItem item, SupervisionEvent e, int? leadParentUnitId)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(e);
        int lead = item.LeadUnitId;
        int office = item.SupervisingUnitId;
        var supporters = item.SupportingUnits.Select(s => s.OrgUnitId).ToArray();
        string t = item.Title;
        string due = Iso(item.Deadline);
        string why = e.Comment is { } c ? $" — {c}" : string.Empty;

        // The item's title is quoted once, after the bilingual label: titles written by people are in one language.
        (int[] To, string Kind, Text Label)? notice = e.Action switch
        {
            SupervisionAction.Create when e.Party == SupervisionParty.System => ([office], "opened", new Text("规则新开督办事项,待交办", "opened by a rule, awaiting assignment")),
            SupervisionAction.Assign => ([lead, .. supporters], "assigned", new Text($"新交办督办事项,{due}截止", $"new item assigned, due {due}")),
            SupervisionAction.Accept => ([office], "accepted", new Text("已签收", "accepted")),
            SupervisionAction.Submit => ([office], "submitted", new Text("已报结,待核验", "submitted for verification")),
            SupervisionAction.Verify => ([lead, .. supporters], "closed", new Text("已核验办结", "verified and closed")),
            SupervisionAction.Return => ([lead], "returned", new Text("核验未通过,已退回", $"returned after verification{why}")),
            SupervisionAction.RequestExtension => ([office], "extensionRequested", new Text($"申请延期至{Iso(e.Deadline!.Value)}", $"extension requested to {Iso(e.Deadline!.Value)}{why}")),
            SupervisionAction.ApproveExtension => ([lead], "extensionApproved", new Text($"延期已批准,{Iso(e.Deadline!.Value)}截止", $"extension approved, now due {Iso(e.Deadline!.Value)}")),
            SupervisionAction.RejectExtension => ([lead], "extensionRejected", new Text($"延期未批准,仍于{due}截止", $"extension rejected, still due {due}{why}")),
            SupervisionAction.Cancel when e.FromState != SupervisionState.Draft => ([lead, .. supporters], "cancelled", new Text("督办事项已撤销", $"item cancelled{why}")),
            SupervisionAction.Remind => ([lead], "reminder", new Text("催办", $"reminder — {e.Comment}")),
            SupervisionAction.Escalate => (Audience(e.Level ?? 1, lead, leadParentUnitId, office), "escalated", new Text($"督办升级至第{e.Level}级", $"escalated to level {e.Level} — {e.Comment}")),

            // A draft is still the office's to review; once handed over, the lead unit has more to answer for.
            SupervisionAction.Absorb when item.State == SupervisionState.Draft => ([office], "absorbed", new Text("规则并入新落后指标", "more lagging figures added by a rule")),
            SupervisionAction.Absorb => ([lead, office], "absorbed", new Text("督办事项并入新落后指标", "more lagging figures added to the item")),
            _ => null,
        };

        if (notice is not { } n)
        {
            return [];
        }

        // A notice is stored and read later by whoever opens the inbox, so it keeps both languages.
        var title = $"{n.Label.Bilingual}:{t}";
        var body = new Text($"督办事项 #{item.Id}「{t}」,截止 {due},{SupervisionWorkflow.Name(item.State)}", $"item #{item.Id}, due {due}, {item.State}").Bilingual;
        return [.. n.To.Distinct().Select(unit => new SupervisionNotice(unit, n.Kind, title, body))];
    }

    private static int[] Audience(int level, int lead, int? leadParent, int office) => level switch
    {
        1 => [lead],
        2 => [leadParent ?? lead, lead],
        _ => [office, lead],
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
