using System.Globalization;
using Luoshi.Domain.Common;

namespace Luoshi.Domain.Assessment;

/// <summary>
/// What one computation of a scheme produced, written once on a run and never changed: the result as read
/// (every point explained), the inputs it read, their SHA-256 and the date the data was read as of. The texts are
/// kept as they were written because the hash is over those very bytes: re-serialising them could change it.
/// </summary>
public sealed record RunRecord(string ResultJson, string InputsJson, string InputsHash, DateOnly AsOf);

/// <summary>
/// 考核结果: a computed assessment with the SHA-256 of the scheme version and every input it read, so that
/// recomputing it can prove it unchanged. A run starts as a draft; publishing freezes it; an accepted appeal (申诉)
/// leads to a new published version that supersedes, never overwrites, the old one. Every change goes through a
/// method named after it that refuses what the state does not allow.
/// </summary>
public sealed class AssessmentRun
{
    /// <summary>
    /// The accepted appeals travel with each new version, recorded in a column of 2000 characters: these bounds
    /// keep the list within it (a longer list is a schema change).
    /// </summary>
    public const int MaxAppeals = 5;
    public const int AppealReasonMaxLength = 150;
    public const decimal MaxAppealPoints = 100;

    /// <summary>How an accepted appeal reads among the unit's bonuses and deductions.</summary>
    public const string AppealPrefix = "申诉 / appeal: ";

    // Null until an appeal is accepted: runs without appeals have always been stored with none recorded.
    private IReadOnlyList<Adjustment>? _appeals;

    private AssessmentRun()
    {
        ResultJson = string.Empty;
        InputsJson = string.Empty;
        InputsHash = string.Empty;
        CreatedBy = string.Empty;
    }

    public int Id { get; private set; }
    public int SchemeVersionId { get; private set; }
    public RunState State { get; private set; }
    public string ResultJson { get; private set; }
    public string InputsJson { get; private set; }
    public string InputsHash { get; private set; }
    public DateOnly AsOf { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public string? PublishedBy { get; private set; }

    /// <summary>The version this one replaced after an appeal.</summary>
    public int? SupersedesId { get; private set; }

    /// <summary>
    /// The appeals accepted along the chain of versions up to this one, oldest first, each an adjustment of the
    /// scheme version's: this run was scored on the scheme with them added, and is verified the same way.
    /// </summary>
    public IReadOnlyList<Adjustment> Appeals => _appeals ?? [];
    public int Version { get; private set; }

    /// <summary>A run just computed, to be reviewed before it is published.</summary>
    public static AssessmentRun Draft(int schemeVersionId, RunRecord record, string by, DateTimeOffset at) => New(schemeVersionId, RunState.Draft, record, by, at, []);

    /// <summary>
    /// The scheme as this run scored it: the version's own bonuses and deductions, then the appeals accepted
    /// so far.
    /// </summary>
    public Scheme AsScored(Scheme version) => WithAppeals(version, Appeals);

    /// <summary>A scheme version with appeals added after its own bonuses and deductions: what a version after an appeal is scored on.</summary>
    public static Scheme WithAppeals(Scheme version, IReadOnlyList<Adjustment> appeals)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(appeals);
        return appeals.Count == 0 ? version : version with { Adjustments = [.. version.Adjustments ?? [], .. appeals] };
    }

    /// <summary>Whether recomputing gave the same inputs, and so the same result.</summary>
    public bool IsReproducedBy(string recomputedHash) => string.Equals(recomputedHash, InputsHash, StringComparison.Ordinal);

    /// <summary>发布: the result is announced and frozen from then on.</summary>
    public void Publish(string by, DateTimeOffset at)
    {
        if (State != RunState.Draft)
        {
            throw new DomainConflictException("state", State == RunState.Published
                ? new Text("已发布的结果不能再改", "a published result is frozen")
                : new Text("该结果已被新版本取代,不能发布", "a superseded result cannot be published"));
        }

        PublishedBy = Code.RequireText(by, "actor", Stamp.ActorMaxLength);
        PublishedAt = at.ToUniversalTime();
        State = RunState.Published;
        Version++;
    }

    /// <summary>
    /// 受理申诉: checks that this run may be appealed and the appeal itself (a unit of the group, the points, the
    /// reason), and gives the appeals the new version will carry: those accepted so far, then this one. The
    /// caller scores the scheme with them and hands the outcome to <see cref="Supersede"/>.
    /// </summary>
    public IReadOnlyList<Adjustment> WithAppeal(string? org, decimal? points, string? reason, IReadOnlyCollection<string> group)
    {
        ArgumentNullException.ThrowIfNull(group);
        RequireAppealable();
        var unit = Code.OptionalText(org, "org", Code.MaxLength) ?? throw new DomainException("org", new Text("申诉须写明单位", "an appeal needs the unit"));
        if (!group.Contains(unit, StringComparer.Ordinal))
        {
            throw new DomainException("org", new Text($"{unit} 不在考核对象中", $"{unit} is not in the assessed group"));
        }

        if (points is not { } p || p == 0)
        {
            throw new DomainException("points", new Text("申诉须写明调整的分值(不为0)", "an appeal needs the points to adjust by (not 0)"));
        }

        if (Math.Abs(p) > MaxAppealPoints || decimal.Round(p, 2) != p)
        {
            throw new DomainException("points", new Text($"分值须在±{MaxAppealPoints:0}之内,最多两位小数", $"the points must be within ±{MaxAppealPoints:0} with at most two decimals"));
        }

        var why = Code.OptionalText(reason, "reason", AppealReasonMaxLength) ?? throw new DomainException("reason", new Text("申诉须写明理由", "an appeal needs the reason"));
        if (Appeals.Count >= MaxAppeals)
        {
            throw new DomainConflictException("appeals", new Text($"一次考核最多受理{MaxAppeals}项申诉", $"at most {MaxAppeals} appeals are accepted on one assessment"));
        }

        return [.. Appeals, new Adjustment(unit, p, AppealPrefix + why)];
    }

    /// <summary>
    /// Replaces this published run with a new published version scored with <paramref name="appeals"/> (from
    /// <see cref="WithAppeal"/>); this run is kept as it was, marked superseded.
    /// </summary>
    public AssessmentRun Supersede(IReadOnlyList<Adjustment> appeals, RunRecord record, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(appeals);
        RequireAppealable();
        if (Id == 0)
        {
            throw new InvalidOperationException("a run is superseded once it is stored");
        }

        if (appeals.Count != Appeals.Count + 1 || !appeals.Take(Appeals.Count).SequenceEqual(Appeals))
        {
            throw new ArgumentException("the new version carries the appeals accepted so far and one more", nameof(appeals));
        }

        var next = New(SchemeVersionId, RunState.Published, record, by, at, appeals);
        next.PublishedAt = next.CreatedAt;
        next.PublishedBy = next.CreatedBy;
        next.SupersedesId = Id;
        State = RunState.Superseded;
        Version++;
        return next;
    }

    private void RequireAppealable()
    {
        if (State != RunState.Published)
        {
            throw new DomainConflictException("state", State == RunState.Draft
                ? new Text("只能对已发布的结果申诉", "only a published result can be appealed")
                : new Text("该结果已被新版本取代,请对最新版本申诉", "this result has been superseded; appeal the latest version"));
        }
    }

    private static AssessmentRun New(int schemeVersionId, RunState state, RunRecord record, string by, DateTimeOffset at, IReadOnlyList<Adjustment> appeals)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrEmpty(record.ResultJson);
        ArgumentException.ThrowIfNullOrEmpty(record.InputsJson);
        if (record.InputsHash.Length != 64)
        {
            throw new ArgumentException($"the inputs hash is a SHA-256 in hex, 64 characters, not {record.InputsHash.Length.ToString(CultureInfo.InvariantCulture)}", nameof(record));
        }

        return new AssessmentRun
        {
            SchemeVersionId = schemeVersionId,
            State = state,
            ResultJson = record.ResultJson,
            InputsJson = record.InputsJson,
            InputsHash = record.InputsHash,
            AsOf = record.AsOf,
            CreatedAt = at.ToUniversalTime(),
            CreatedBy = Code.RequireText(by, "actor", Stamp.ActorMaxLength),
            _appeals = appeals.Count == 0 ? null : appeals,
            Version = 1,
        };
    }
}
