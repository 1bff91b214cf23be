using System.Globalization;

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

        (int[] To, string Kind, string Title)? notice = e.Action switch
        {
            SupervisionAction.Create when e.Party == SupervisionParty.System =>
                ([office], "opened", $"规则新开督办事项,待交办:{t} / opened by a rule, awaiting assignment: {t}"),
            SupervisionAction.Assign => ([lead, .. supporters], "assigned", $"新交办督办事项:{t}(截止{due})/ new item assigned: {t} (due {due})"),
            SupervisionAction.Accept => ([office], "accepted", $"已签收:{t} / accepted: {t}"),
            SupervisionAction.Submit => ([office], "submitted", $"已报结,待核验:{t} / submitted for verification: {t}"),
            SupervisionAction.Verify => ([lead, .. supporters], "closed", $"已核验办结:{t} / verified and closed: {t}"),
            SupervisionAction.Return => ([lead], "returned", $"核验未通过,已退回:{t}{why} / returned after verification: {t}{why}"),
            SupervisionAction.RequestExtension => ([office], "extensionRequested", $"延期申请:{t}(申请延至{Iso(e.Deadline!.Value)})/ extension requested: {t} (to {Iso(e.Deadline!.Value)}){why}"),
            SupervisionAction.ApproveExtension => ([lead], "extensionApproved", $"延期已批准:{t}(新截止{Iso(e.Deadline!.Value)})/ extension approved: {t} (now due {Iso(e.Deadline!.Value)})"),
            SupervisionAction.RejectExtension => ([lead], "extensionRejected", $"延期未批准:{t}(仍于{due}截止)/ extension rejected: {t} (still due {due}){why}"),
            SupervisionAction.Cancel when e.FromState != SupervisionState.Draft => ([lead, .. supporters], "cancelled", $"督办事项已撤销:{t} / item cancelled: {t}{why}"),
            SupervisionAction.Remind => ([lead], "reminder", $"催办:{t} / reminder: {t} — {e.Comment}"),
            SupervisionAction.Escalate => (Audience(e.Level ?? 1, lead, leadParentUnitId, office), "escalated",
                $"督办升级至第{e.Level}级:{t} / escalated to level {e.Level}: {t} — {e.Comment}"),
            _ => null,
        };

        if (notice is not { } n)
        {
            return [];
        }

        var body = string.Create(CultureInfo.InvariantCulture, $"督办事项 #{item.Id}:{t};截止 {due};状态 {SupervisionWorkflow.Name(item.State)} / item #{item.Id}: {t}; due {due}; state {item.State}");
        return [.. n.To.Distinct().Select(unit => new SupervisionNotice(unit, n.Kind, n.Title, body))];
    }

    private static int[] Audience(int level, int lead, int? leadParent, int office) => level switch
    {
        1 => [lead],
        2 => [leadParent ?? lead, lead],
        _ => [office, lead],
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
