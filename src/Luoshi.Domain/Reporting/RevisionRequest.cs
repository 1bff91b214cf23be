using Luoshi.Domain.Common;

namespace Luoshi.Domain.Reporting;

public enum RevisionState
{
    Pending = 1,
    Approved = 2,
    Rejected = 3,
}

/// <summary>
/// 更正申请: an approved value is locked; changing it takes a request with a reason, decided by a reviewer
/// (never by the requester). Approval appends a version to the reading; the request keeps both values.
/// </summary>
public sealed class RevisionRequest
{
    private RevisionRequest()
    {
        Reason = string.Empty;
        RequestedBy = string.Empty;
    }

    public int Id { get; private set; }
    public long ReadingId { get; private set; }
    public decimal? PreviousValue { get; private set; }
    public decimal ProposedValue { get; private set; }
    public string Reason { get; private set; }
    public string RequestedBy { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public RevisionState State { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionComment { get; private set; }
    public int Version { get; private set; }

    public static RevisionRequest Open(long readingId, decimal? previous, decimal proposed, Stamp stamp) => new()
    {
        ReadingId = readingId,
        PreviousValue = previous,
        ProposedValue = proposed,
        Reason = stamp.Reason is { Length: > 0 } reason ? reason : throw new DomainException("reason", new Text("更正申请须说明理由", "a revision request needs a reason")),
        RequestedBy = stamp.Actor,
        RequestedAt = stamp.At,
        State = RevisionState.Pending,
        Version = 1,
    };

    public void Decide(bool approve, Stamp stamp)
    {
        if (State != RevisionState.Pending)
        {
            throw new DomainConflictException("state", new Text("该更正申请已处理", "this revision request has been decided already"));
        }

        if (stamp.Actor == RequestedBy)
        {
            throw new DomainConflictException("decidedBy", new Text("申请人不能审核自己的更正申请", "the requester cannot decide their own request"));
        }

        State = approve ? RevisionState.Approved : RevisionState.Rejected;
        DecidedBy = stamp.Actor;
        DecidedAt = stamp.At;
        DecisionComment = stamp.Reason;
        Version++;
    }
}
