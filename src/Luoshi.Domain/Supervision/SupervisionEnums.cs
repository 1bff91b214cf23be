namespace Luoshi.Domain.Supervision;

/// <summary>Where a supervision item stands (督办事项的状态).</summary>
public enum SupervisionState
{
    /// <summary>起草: written, not yet handed to the lead unit.</summary>
    Draft = 1,

    /// <summary>交办: handed to the lead unit with a deadline.</summary>
    Assigned = 2,

    /// <summary>签收: the lead unit has taken it on.</summary>
    Accepted = 3,

    /// <summary>办理中.</summary>
    InProgress = 4,

    /// <summary>报结: the lead unit reports it done and waits for verification.</summary>
    Submitted = 5,

    /// <summary>退回: verification found it not done; back to the lead unit.</summary>
    Returned = 6,

    /// <summary>延期申请: the lead unit asked for a later deadline; the supervising unit decides.</summary>
    ExtensionRequested = 7,

    /// <summary>办结: verified by the supervising unit, with evidence.</summary>
    Closed = 8,

    /// <summary>撤销: withdrawn by the supervising unit (a duplicate, or a rule hit not worth following).</summary>
    Cancelled = 9,
}

/// <summary>What happened to an item: the transitions, and the reminders and escalations the calendar makes.</summary>
public enum SupervisionAction
{
    Create = 1,
    Assign = 2,
    Accept = 3,
    Start = 4,
    Submit = 5,
    Verify = 6,
    Return = 7,
    RequestExtension = 8,
    ApproveExtension = 9,
    RejectExtension = 10,
    Cancel = 11,

    /// <summary>催办: a reminder before the deadline.</summary>
    Remind = 12,

    /// <summary>升级: overdue long enough to reach the next rung of the ladder.</summary>
    Escalate = 13,

    /// <summary>并入: a rule caught more figures for an item still open, which lists them instead of another item opening.</summary>
    Absorb = 14,
}

/// <summary>Who performs an action: the lead unit (承办方), the supervising unit (督办方), or the calendar.</summary>
public enum SupervisionParty
{
    Lead = 1,
    Supervisor = 2,
    System = 3,
}

/// <summary>Why an item exists.</summary>
public enum SupervisionSource
{
    Manual = 1,

    /// <summary>A sentence of a meeting or a speech (会议/讲话交办).</summary>
    Document = 2,

    /// <summary>An indicator red for several periods in a row (opened by rule).</summary>
    IndicatorRule = 3,

    /// <summary>A plan task or milestone past its due date (opened by rule).</summary>
    OverdueTask = 4,

    /// <summary>An inspection (督查检查) found it.</summary>
    Inspection = 5,

    /// <summary>A complaint from the public (群众投诉/12345).</summary>
    PublicComplaint = 6,

    /// <summary>A unit's report not submitted by its due date (opened by rule).</summary>
    MissingReport = 7,

    /// <summary>Enterprise policy claims past their measure's time limit and not paid (opened by rule, per responsible department).</summary>
    PolicyOverdue = 8,
}

public enum SupervisionPriority
{
    Normal = 1,
    High = 2,
    Urgent = 3,
}
