namespace Luoshi.Domain.Supervision;

/// <summary>
/// The state machine in one table: for each transition, the party that makes it and the states it may be
/// made from. draft → assigned → accepted → in progress → submitted → closed; submitted → returned →
/// in progress; an extension request parks the item until the supervising unit approves (new deadline)
/// or rejects it, then the item is back where it was.
/// </summary>
public static class SupervisionWorkflow
{
    private static readonly Dictionary<SupervisionAction, (SupervisionParty Party, SupervisionState[] From)> Table = new()
    {
        [SupervisionAction.Assign] = (SupervisionParty.Supervisor, [SupervisionState.Draft]),
        [SupervisionAction.Accept] = (SupervisionParty.Lead, [SupervisionState.Assigned]),
        [SupervisionAction.Start] = (SupervisionParty.Lead, [SupervisionState.Accepted, SupervisionState.Returned]),

        // Small items are done in one go: 报结 straight after 签收 is allowed, and after a return the resubmission
        // need not pass through "in progress" again.
        [SupervisionAction.Submit] = (SupervisionParty.Lead, [SupervisionState.Accepted, SupervisionState.InProgress, SupervisionState.Returned]),
        [SupervisionAction.Verify] = (SupervisionParty.Supervisor, [SupervisionState.Submitted]),
        [SupervisionAction.Return] = (SupervisionParty.Supervisor, [SupervisionState.Submitted]),
        [SupervisionAction.RequestExtension] = (SupervisionParty.Lead, [SupervisionState.Assigned, SupervisionState.Accepted, SupervisionState.InProgress, SupervisionState.Returned]),
        [SupervisionAction.ApproveExtension] = (SupervisionParty.Supervisor, [SupervisionState.ExtensionRequested]),
        [SupervisionAction.RejectExtension] = (SupervisionParty.Supervisor, [SupervisionState.ExtensionRequested]),
        [SupervisionAction.Cancel] = (SupervisionParty.Supervisor, [
            SupervisionState.Draft, SupervisionState.Assigned, SupervisionState.Accepted, SupervisionState.InProgress,
            SupervisionState.Submitted, SupervisionState.Returned, SupervisionState.ExtensionRequested]),
    };

    /// <summary>The transitions people make (not creation, reminders or escalations), in table order.</summary>
    public static IReadOnlyList<SupervisionAction> Transitions { get; } = [.. Table.Keys];

    public static SupervisionParty PartyOf(SupervisionAction action) =>
        Table.TryGetValue(action, out var row) ? row.Party : SupervisionParty.System;

    public static bool Allows(SupervisionState state, SupervisionAction action) =>
        Table.TryGetValue(action, out var row) && row.From.Contains(state);

    /// <summary>States from which a transition may be made.</summary>
    public static IReadOnlyList<SupervisionState> From(SupervisionAction action) =>
        Table.TryGetValue(action, out var row) ? row.From : [];

    /// <summary>
    /// The lead unit owes work and the deadline runs: reminders and escalations apply. A submitted item waits
    /// on the supervising unit, so it is not the lead unit's delay.
    /// </summary>
    public static bool IsRunning(SupervisionState state) => state is SupervisionState.Assigned or SupervisionState.Accepted
        or SupervisionState.InProgress or SupervisionState.Returned or SupervisionState.ExtensionRequested;

    /// <summary>Handed over and not yet finished (closed or cancelled): what "open" counts.</summary>
    public static bool IsOpen(SupervisionState state) => state is not (SupervisionState.Draft or SupervisionState.Closed or SupervisionState.Cancelled);

    public static bool IsFinished(SupervisionState state) => state is SupervisionState.Closed or SupervisionState.Cancelled;

    /// <summary>The verb for messages, Chinese and English.</summary>
    public static (string Zh, string En) Verb(SupervisionAction action) => action switch
    {
        SupervisionAction.Create => ("新建", "create"),
        SupervisionAction.Assign => ("交办", "assign"),
        SupervisionAction.Accept => ("签收", "accept"),
        SupervisionAction.Start => ("开始办理", "start"),
        SupervisionAction.Submit => ("报结", "submit"),
        SupervisionAction.Verify => ("核验办结", "verify"),
        SupervisionAction.Return => ("退回", "return"),
        SupervisionAction.RequestExtension => ("申请延期", "request an extension of"),
        SupervisionAction.ApproveExtension => ("批准延期", "approve the extension of"),
        SupervisionAction.RejectExtension => ("驳回延期", "reject the extension of"),
        SupervisionAction.Cancel => ("撤销", "cancel"),
        SupervisionAction.Remind => ("催办", "remind"),
        SupervisionAction.Absorb => ("并入", "add figures to"),
        _ => ("升级", "escalate"),
    };

    public static string Name(SupervisionState state) => state switch
    {
        SupervisionState.Draft => "起草",
        SupervisionState.Assigned => "已交办",
        SupervisionState.Accepted => "已签收",
        SupervisionState.InProgress => "办理中",
        SupervisionState.Submitted => "已报结待核验",
        SupervisionState.Returned => "已退回",
        SupervisionState.ExtensionRequested => "延期申请中",
        SupervisionState.Closed => "已办结",
        _ => "已撤销",
    };
}
