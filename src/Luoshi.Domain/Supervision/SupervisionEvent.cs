namespace Luoshi.Domain.Supervision;

/// <summary>
/// One entry of an item's history, appended and never changed: a transition (who, when, from, to, comment,
/// evidence), a reminder or an escalation. <see cref="OnBehalf"/> marks an Admin acting for
/// <see cref="Party"/> rather than being that party.
/// </summary>
public sealed class SupervisionEvent
{
    private readonly List<string> _evidence = [];

    private SupervisionEvent()
    {
        Actor = string.Empty;
    }

    internal SupervisionEvent(
        int seq,
        SupervisionAction action,
        SupervisionState? from,
        SupervisionState to,
        string actor,
        SupervisionParty party,
        bool onBehalf,
        DateTimeOffset at,
        string? comment,
        IEnumerable<string>? evidence,
        DateOnly? deadline,
        int? level)
    {
        Seq = seq;
        Action = action;
        FromState = from;
        ToState = to;
        Actor = actor;
        Party = party;
        OnBehalf = onBehalf;
        At = at;
        Comment = comment;
        _evidence.AddRange(evidence ?? []);
        Deadline = deadline;
        Level = level;
    }

    public long Id { get; private set; }
    public int ItemId { get; private set; }

    /// <summary>1, 2, 3, … within the item: the order of its history.</summary>
    public int Seq { get; private set; }
    public SupervisionAction Action { get; private set; }
    public SupervisionState? FromState { get; private set; }
    public SupervisionState ToState { get; private set; }
    public string Actor { get; private set; }
    public SupervisionParty Party { get; private set; }
    public bool OnBehalf { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? Comment { get; private set; }

    /// <summary>Text or file references offered as proof (a report number, a photo's path, a site-visit note).</summary>
    public IReadOnlyList<string> Evidence => _evidence;

    /// <summary>The deadline the entry set, asked for, or was measured against.</summary>
    public DateOnly? Deadline { get; private set; }

    /// <summary>The escalation level reached (escalations only).</summary>
    public int? Level { get; private set; }
}
