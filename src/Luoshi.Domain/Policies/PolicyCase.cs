using Luoshi.Domain.Common;

namespace Luoshi.Domain.Policies;

/// <summary>申报 (or, for an automatic measure, eligibility confirmed) → 审核通过 or 不予兑现 → 已兑现.</summary>
public enum CaseStatus
{
    Applied = 1,
    Approved = 2,
    Rejected = 3,
    Paid = 4,
}

/// <summary>What a case states at one version: the part of it a file or a form may change.</summary>
public readonly record struct CaseState(string Name, int OrgUnitId, CaseStatus Status, decimal? ApprovedAmount, DateOnly? PaidOn, decimal? PaidAmount);

/// <summary>
/// 兑现: one enterprise's claim under a measure, identified by the measure, the enterprise's 统一社会信用代码 and the
/// day it was applied for (for an automatic measure: the day eligibility was confirmed). Like a reading, the row holds
/// the current state and the truth is its append-only <see cref="Versions"/>. A paid case is final: a change to it
/// is refused, so the ledger of what reached an enterprise's account is never rewritten. Amounts in 万元.
/// </summary>
public sealed class PolicyCase
{
    public const int NameMaxLength = 200;

    private readonly List<PolicyCaseVersion> _versions = [];

    private PolicyCase()
    {
        Enterprise = string.Empty;
        Name = string.Empty;
        UpdatedBy = string.Empty;
    }

    public long Id { get; private set; }
    public int MeasureId { get; private set; }

    /// <summary>The enterprise's unified social credit code (<see cref="CreditCode"/>).</summary>
    public string Enterprise { get; private set; }
    public string Name { get; private set; }

    /// <summary>The region the enterprise is in.</summary>
    public int OrgUnitId { get; private set; }
    public DateOnly Applied { get; private set; }
    public CaseStatus Status { get; private set; }
    public decimal? ApprovedAmount { get; private set; }
    public DateOnly? PaidOn { get; private set; }
    public decimal? PaidAmount { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; }
    public IReadOnlyList<PolicyCaseVersion> Versions => _versions;

    public CaseState State => new(Name, OrgUnitId, Status, ApprovedAmount, PaidOn, PaidAmount);

    public static PolicyCase Open(int measureId, string enterprise, DateOnly applied) => new()
    {
        MeasureId = measureId,
        Enterprise = CreditCode.Require(enterprise, "enterprise"),
        Applied = applied,
    };

    /// <summary>
    /// Records the case's state as a new version, when it differs from the current one (returns whether it did). The
    /// state must hang together: an approved or paid case has an approved amount, a paid one its day and amount (no
    /// more than approved, not before the application), an unpaid one neither.
    /// </summary>
    public bool Record(CaseState state, Stamp stamp)
    {
        if (Version > 0 && state == State)
        {
            return false;
        }

        if (Version > 0 && Status == CaseStatus.Paid)
        {
            throw new DomainConflictException("status", new Text($"该企业此项已于{PaidOn:yyyy-MM-dd}兑现,已兑现的记录不能修改", $"this claim was paid on {PaidOn:yyyy-MM-dd}; a paid case cannot be changed"));
        }

        Check(state, Applied);
        Name = Common.Code.RequireText(state.Name, "name", NameMaxLength);
        OrgUnitId = state.OrgUnitId;
        Status = state.Status;
        ApprovedAmount = state.ApprovedAmount;
        PaidOn = state.PaidOn;
        PaidAmount = state.PaidAmount;
        Version++;
        UpdatedAt = stamp.At;
        UpdatedBy = stamp.Actor;
        _versions.Add(new PolicyCaseVersion(Version, State, stamp));
        return true;
    }

    private static void Check(CaseState s, DateOnly applied)
    {
        if (!Enum.IsDefined(s.Status))
        {
            throw new DomainException("status", new Text("状态无效", "unknown status"));
        }

        if (Numbers.InRange(s.ApprovedAmount, "approvedAmount") < 0)
        {
            throw new DomainException("approvedAmount", new Text("核定金额不能为负", "the approved amount cannot be negative"));
        }

        if (Numbers.InRange(s.PaidAmount, "paidAmount") < 0)
        {
            throw new DomainException("paidAmount", new Text("兑现金额不能为负", "the paid amount cannot be negative"));
        }

        if (s.Status is CaseStatus.Approved or CaseStatus.Paid && s.ApprovedAmount is null)
        {
            throw new DomainException("approvedAmount", new Text("审核通过或已兑现的须填核定金额", "an approved or paid case needs its approved amount"));
        }

        if (s.Status == CaseStatus.Paid)
        {
            if (s.PaidOn is not { } on)
            {
                throw new DomainException("paidOn", new Text("已兑现的须填兑现日期", "a paid case needs the day it was paid"));
            }

            if (on < applied)
            {
                throw new DomainException("paidOn", new Text($"兑现日期不能早于申报日期 {applied:yyyy-MM-dd}", $"the payment cannot precede the application on {applied:yyyy-MM-dd}"));
            }

            if (s.PaidAmount is null)
            {
                throw new DomainException("paidAmount", new Text("已兑现的须填兑现金额", "a paid case needs the amount paid"));
            }

            if (s.PaidAmount > s.ApprovedAmount)
            {
                throw new DomainException("paidAmount", new Text("兑现金额不能超过核定金额", "the amount paid cannot exceed the amount approved"));
            }
        }
        else if (s.PaidOn is not null || s.PaidAmount is not null)
        {
            throw new DomainException(s.PaidOn is not null ? "paidOn" : "paidAmount", new Text("未兑现的不能填兑现日期或金额(状态应为 paid)", "only a paid case has a payment day and amount (status paid)"));
        }

        if (s.Status == CaseStatus.Rejected && s.ApprovedAmount is not null)
        {
            throw new DomainException("approvedAmount", new Text("不予兑现的不能有核定金额", "a rejected case has no approved amount"));
        }
    }
}

/// <summary>One version of a case: what it stated, who recorded it, when and why.</summary>
public sealed class PolicyCaseVersion
{
    private PolicyCaseVersion()
    {
        Name = string.Empty;
        Actor = string.Empty;
    }

    internal PolicyCaseVersion(int version, CaseState s, Stamp stamp)
    {
        Version = version;
        Name = s.Name;
        OrgUnitId = s.OrgUnitId;
        Status = s.Status;
        ApprovedAmount = s.ApprovedAmount;
        PaidOn = s.PaidOn;
        PaidAmount = s.PaidAmount;
        Actor = stamp.Actor;
        At = stamp.At;
        Reason = stamp.Reason;
    }

    public long Id { get; private set; }
    public long CaseId { get; private set; }
    public int Version { get; private set; }
    public string Name { get; private set; }
    public int OrgUnitId { get; private set; }
    public CaseStatus Status { get; private set; }
    public decimal? ApprovedAmount { get; private set; }
    public DateOnly? PaidOn { get; private set; }
    public decimal? PaidAmount { get; private set; }
    public string Actor { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? Reason { get; private set; }
}
