using Luoshi.Domain.Common;

namespace Luoshi.Domain.Policies;

/// <summary>
/// 政策: a policy with money behind it, in a package (the "8+4" system's eight packages and four lists), led by a
/// department. Budget in 万元. A policy may come from a document item accepted as a draft, as directives become plan items.
/// </summary>
public sealed class Policy : IVersioned, IPublishable
{
    public const int TitleMaxLength = 200;
    public const int PackageMaxLength = 60;

    private Policy()
    {
        Code = string.Empty;
        Title = string.Empty;
        Package = string.Empty;
    }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public string Title { get; private set; }
    public string Package { get; private set; }
    public int LeadDepartmentId { get; private set; }
    public DateOnly Issued { get; private set; }

    /// <summary>万元.</summary>
    public decimal Budget { get; private set; }
    /// <summary>Listed on the public portal with its measures and delivery figures (docs/adr/0036); off until switched on.</summary>
    public bool IsPublic { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>The document, and its item, this policy was accepted from, if any.</summary>
    public int? SourceDocumentId { get; private set; }
    public int? SourceItemNumber { get; private set; }
    public int Version { get; private set; }

    public static Policy Register(string code, string title, string package, int leadDepartmentId, DateOnly issued, decimal budget)
    {
        var policy = new Policy { Code = Common.Code.Require(code, "code"), Version = 1 };
        policy.Describe(title, package, leadDepartmentId, issued, budget);
        return policy;
    }

    public void Describe(string title, string package, int leadDepartmentId, DateOnly issued, decimal budget)
    {
        Title = Common.Code.RequireText(title, "title", TitleMaxLength);
        Package = Common.Code.RequireText(package, "package", PackageMaxLength);
        Budget = budget >= 0 ? Numbers.InRange(budget, "budget")!.Value : throw new DomainException("budget", new Text("预算不能为负", "the budget cannot be negative"));
        LeadDepartmentId = leadDepartmentId;
        Issued = issued;
    }

    public void Publish(bool on, DateTimeOffset at)
    {
        if (on != IsPublic)
        {
            (IsPublic, PublishedAt) = (on, on ? at : null);
        }
    }

    public void CameFrom(int documentId, int itemNumber) => (SourceDocumentId, SourceItemNumber) = (documentId, itemNumber);
}

/// <summary>减免 / 奖补 / 权益 / 资质.</summary>
public enum MeasureKind
{
    Reduction = 1,
    Subsidy = 2,
    Entitlement = 3,
    Qualification = 4,
}

/// <summary>免申即享 (paid on eligibility, no application) / 即申即享 (paid on application, at once) / 申报 (applied for and reviewed).</summary>
public enum DeliveryMode
{
    Automatic = 1,
    Instant = 2,
    Application = 3,
}

/// <summary>政策事项: one claimable item of a policy, with the working days within which a claim is to be paid.</summary>
public sealed class PolicyMeasure : IVersioned
{
    public const int TitleMaxLength = 200;
    public const int ConditionsMaxLength = 4000;
    public const int MaxTimeLimit = 366;

    private PolicyMeasure()
    {
        Code = string.Empty;
        Title = string.Empty;
    }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public int PolicyId { get; private set; }
    public string Title { get; private set; }
    public MeasureKind Kind { get; private set; }
    public DeliveryMode Mode { get; private set; }
    public int TimeLimitDays { get; private set; }
    public string? Conditions { get; private set; }

    /// <summary>The department that pays out; null: the policy's lead department.</summary>
    public int? ResponsibleDepartmentId { get; private set; }
    public int Version { get; private set; }

    public static PolicyMeasure Register(string code, int policyId, string title, MeasureKind kind, DeliveryMode mode, int timeLimitDays)
    {
        var measure = new PolicyMeasure { Code = Common.Code.Require(code, "code"), PolicyId = policyId, Version = 1 };
        measure.Describe(title, kind, mode, timeLimitDays);
        return measure;
    }

    public void Describe(string title, MeasureKind kind, DeliveryMode mode, int timeLimitDays)
    {
        Title = Common.Code.RequireText(title, "title", TitleMaxLength);
        Kind = Enum.IsDefined(kind) ? kind : throw new DomainException("kind", new Text("事项类别无效", "unknown kind"));
        Mode = Enum.IsDefined(mode) ? mode : throw new DomainException("mode", new Text("兑现方式无效", "unknown mode"));
        TimeLimitDays = timeLimitDays is >= 0 and <= MaxTimeLimit
            ? timeLimitDays
            : throw new DomainException("timeLimitDays", new Text($"时限须为0–{MaxTimeLimit}个工作日", $"the time limit must be 0–{MaxTimeLimit} working days"));
    }

    public void Condition(string? conditions) => Conditions = Common.Code.OptionalText(conditions, "conditions", ConditionsMaxLength);

    public void AssignTo(int? departmentId) => ResponsibleDepartmentId = departmentId;

    /// <summary>The department that answers for the measure's claims: its own, else the policy's lead.</summary>
    public int ResponsibleOf(Policy policy) => ResponsibleDepartmentId ?? policy.LeadDepartmentId;
}
