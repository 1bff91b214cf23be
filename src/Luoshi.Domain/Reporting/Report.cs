using Luoshi.Domain.Common;

namespace Luoshi.Domain.Reporting;

/// <summary>填报 → 报送 → 审核 / 退回: the state of one unit's report for one period.</summary>
public enum ReportState
{
    Draft = 1,
    Submitted = 2,
    Approved = 3,
    Returned = 4,
}

/// <summary>
/// One unit's report for one period: the values it reports move through draft → submitted → approved,
/// or back to the unit (returned, with a reason) to be corrected and submitted again. Every move is
/// recorded. The first submission's date decides timeliness, so a late correction after a return does
/// not make an on-time report late.
/// </summary>
public sealed class Report
{
    private readonly List<ReportTransition> _transitions = [];
    private Period? _parsedPeriod;

    private Report()
    {
        PeriodCode = string.Empty;
    }

    public int Id { get; private set; }
    public int OrgUnitId { get; private set; }
    public string PeriodCode { get; private set; }
    public ReportState State { get; private set; }
    public DateOnly DueDate { get; private set; }

    /// <summary>The (China) date of the first submission.</summary>
    public DateOnly? FirstSubmittedOn { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<ReportTransition> Transitions => _transitions;

    /// <summary>
    /// <see cref="PeriodCode"/> parsed, once per loaded row. The column stays text so that the indexed range queries
    /// keep comparing codes (docs/adr/0024).
    /// </summary>
    public Period Period => _parsedPeriod ??= Common.Period.Parse(PeriodCode);

    public static Report Open(int orgUnitId, Period period, DateOnly dueDate) => new()
    {
        OrgUnitId = orgUnitId,
        PeriodCode = period.ToString(),
        State = ReportState.Draft,
        DueDate = dueDate,
        Version = 1,
    };

    public void Submit(Stamp stamp, DateOnly today, bool onBehalf)
    {
        Move(ReportState.Submitted, stamp, onBehalf, ReportState.Draft, ReportState.Returned);
        FirstSubmittedOn ??= today;
    }

    public void Approve(Stamp stamp, bool onBehalf) => Move(ReportState.Approved, stamp, onBehalf, ReportState.Submitted);

    public void Return(Stamp stamp, bool onBehalf)
    {
        if (string.IsNullOrWhiteSpace(stamp.Reason))
        {
            throw new DomainException("comment", new Text("退回须说明理由", "a return needs a reason"));
        }

        Move(ReportState.Returned, stamp, onBehalf, ReportState.Submitted);
    }

    /// <summary>Whether values of this report may still be entered (draft or returned).</summary>
    public bool IsOpenForEntry => State is ReportState.Draft or ReportState.Returned;

    private void Move(ReportState to, Stamp stamp, bool onBehalf, params ReportState[] from)
    {
        if (!from.Contains(State))
        {
            throw new DomainConflictException("state", new Text($"报表当前为{Describe(State)},不能{Describe(to)}", $"the report is {State.ToString().ToLowerInvariant()}; it cannot become {to.ToString().ToLowerInvariant()}"));
        }

        _transitions.Add(new ReportTransition(State, to, stamp, onBehalf));
        State = to;
        Version++;
    }

    public static string Describe(ReportState state) => state switch
    {
        ReportState.Draft => "填报中",
        ReportState.Submitted => "已报送",
        ReportState.Approved => "已审核",
        _ => "已退回",
    };
}

public sealed class ReportTransition
{
    private ReportTransition()
    {
        Actor = string.Empty;
    }

    internal ReportTransition(ReportState from, ReportState to, Stamp stamp, bool onBehalf)
    {
        From = from;
        To = to;
        Actor = stamp.Actor;
        At = stamp.At;
        Comment = stamp.Reason;
        OnBehalf = onBehalf;
    }

    public long Id { get; private set; }
    public int ReportId { get; private set; }
    public ReportState From { get; private set; }
    public ReportState To { get; private set; }
    public string Actor { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? Comment { get; private set; }

    /// <summary>An admin acted for the party whose move it was.</summary>
    public bool OnBehalf { get; private set; }
}

/// <summary>Which unit reports which indicator; a compulsory one must have a value before the report can be submitted.</summary>
public sealed class ReportingAssignment(int indicatorId, int orgUnitId, bool compulsory)
{
    public int IndicatorId { get; private set; } = indicatorId;
    public int OrgUnitId { get; private set; } = orgUnitId;
    public bool Compulsory { get; private set; } = compulsory;

    public void SetCompulsory(bool compulsory) => Compulsory = compulsory;
}
