using Luoshi.Domain.Common;

namespace Luoshi.Domain.Indicators;

/// <summary>
/// One cell: indicator × org unit × period. The row holds the current value for fast reads; the truth
/// is its append-only <see cref="Versions"/> — a value is never overwritten, a removal is a version
/// with no value.
/// </summary>
public sealed class Reading
{
    public const int CommentMaxLength = 2000;

    private readonly List<ReadingVersion> _versions = [];
    private Period? _parsedPeriod;

    private Reading()
    {
        PeriodCode = string.Empty;
        UpdatedBy = string.Empty;
    }

    public long Id { get; private set; }
    public int IndicatorId { get; private set; }
    public int OrgUnitId { get; private set; }
    public string PeriodCode { get; private set; }

    /// <summary>First and last day of the period, so range queries need not parse codes.</summary>
    public DateOnly PeriodStart { get; private set; }
    public DateOnly PeriodEnd { get; private set; }
    public decimal? Value { get; private set; }
    public ReadingState State { get; private set; }
    public string? Comment { get; private set; }
    public ReadingSource Source { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; }
    public IReadOnlyList<ReadingVersion> Versions => _versions;

    /// <summary>
    /// <see cref="PeriodCode"/> parsed, once per loaded row. The column stays text so that the indexed range queries
    /// keep comparing codes (docs/adr/0024).
    /// </summary>
    public Period Period => _parsedPeriod ??= Common.Period.Parse(PeriodCode);

    public static Reading Create(int indicatorId, int orgUnitId, Period period, Frequency indicatorFrequency)
    {
        if (period.Kind != indicatorFrequency)
        {
            throw new DomainException("period", new Text($"该指标按{Describe(indicatorFrequency)}报送,期间 {period} 不符", $"the indicator is reported per {indicatorFrequency.ToString().ToLowerInvariant()}, not as {period}"));
        }

        return new Reading
        {
            IndicatorId = indicatorId,
            OrgUnitId = orgUnitId,
            PeriodCode = period.ToString(),
            PeriodStart = period.Start,
            PeriodEnd = period.End,
            State = ReadingState.Draft,
        };
    }

    /// <summary>
    /// Records a value as a new version. An approved value is locked against entry: changing it takes a
    /// revision that a reviewer approves. Operator imports and computed values arrive approved and may
    /// replace an approved value (the replaced value stays in the history).
    /// </summary>
    public void Record(decimal? value, string? comment, ReadingSource source, ReadingState state, Stamp stamp)
    {
        if (!Enum.IsDefined(source) || !Enum.IsDefined(state))
        {
            throw new DomainException("source", new Text("来源或状态无效", "unknown source or state"));
        }

        if (State == ReadingState.Approved && Version > 0 && source is ReadingSource.Entry or ReadingSource.Api or ReadingSource.Document)
        {
            throw new DomainConflictException("value", new Text("该数据已审核锁定,修改须提交更正申请并经审核", "this value is approved and locked; changing it needs a revision request approved by a reviewer"));
        }

        var checkedComment = Code.OptionalText(comment, "comment", CommentMaxLength);
        Value = Numbers.InRange(value, "value");
        Comment = checkedComment;
        Source = source;
        State = state;
        Version++;
        UpdatedAt = stamp.At;
        UpdatedBy = stamp.Actor;
        _versions.Add(new ReadingVersion(Version, Value, State, Comment, Source, stamp));
    }

    /// <summary>Moves the value through the reporting flow (submitted, approved, returned) as a new version with the same value.</summary>
    public void ChangeState(ReadingState state, Stamp stamp)
    {
        if (State == state || Version == 0)
        {
            return;
        }

        State = state;
        Version++;
        UpdatedAt = stamp.At;
        UpdatedBy = stamp.Actor;
        _versions.Add(new ReadingVersion(Version, Value, State, Comment, Source, stamp));
    }

    /// <summary>An approved revision: the only way to change a locked value; the request's reason is the version's reason.</summary>
    public void Revise(decimal value, Stamp stamp)
    {
        Value = Numbers.InRange(value, "value");
        State = ReadingState.Approved;
        Source = ReadingSource.Entry;
        Version++;
        UpdatedAt = stamp.At;
        UpdatedBy = stamp.Actor;
        _versions.Add(new ReadingVersion(Version, Value, State, Comment, Source, stamp));
    }

    private static string Describe(Frequency f) => f switch
    {
        Frequency.Month => "月",
        Frequency.Quarter => "季",
        Frequency.Half => "半年",
        _ => "年",
    };
}

public sealed class ReadingVersion
{
    private ReadingVersion()
    {
        Actor = string.Empty;
    }

    internal ReadingVersion(int version, decimal? value, ReadingState state, string? comment, ReadingSource source, Stamp stamp)
    {
        Version = version;
        Value = value;
        State = state;
        Comment = comment;
        Source = source;
        Actor = stamp.Actor;
        At = stamp.At;
        Reason = stamp.Reason;
    }

    public long Id { get; private set; }
    public long ReadingId { get; private set; }
    public int Version { get; private set; }
    public decimal? Value { get; private set; }
    public ReadingState State { get; private set; }
    public string? Comment { get; private set; }
    public ReadingSource Source { get; private set; }
    public string Actor { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? Reason { get; private set; }
}
