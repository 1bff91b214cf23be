using Luoshi.Domain.Common;

namespace Luoshi.Domain.Plans;

/// <summary>The plan tree, top down: 战略 → 工程 → 任务 → 节点.</summary>
public enum PlanItemKind
{
    Strategy = 1,
    Programme = 2,
    Task = 3,
    Milestone = 4,
}

/// <summary>
/// A node of the plan tree. A child is always of a deeper kind than its parent, except that a task
/// may hold sub-tasks (large programmes break tasks down more than once).
/// </summary>
public sealed class PlanItem : IVersioned
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int SourceMaxLength = 2000;

    private readonly List<PlanItemSupportingUnit> _supportingUnits = [];

    private PlanItem()
    {
        Code = string.Empty;
        Title = string.Empty;
    }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public PlanItemKind Kind { get; private set; }
    public string Title { get; private set; }
    public string? Description { get; private set; }
    public int? ParentId { get; private set; }
    public PlanItem? Parent { get; private set; }
    public int? LeadUnitId { get; private set; }
    public IReadOnlyList<PlanItemSupportingUnit> SupportingUnits => _supportingUnits;
    public DateOnly? StartDate { get; private set; }
    public DateOnly? DueDate { get; private set; }
    public Horizon Horizon { get; private set; }

    /// <summary>The document a plan item was deployed in (a speech, a plan) and the sentence that deployed it.</summary>
    public string? SourceDocument { get; private set; }
    public string? SourceSentence { get; private set; }
    public int Order { get; private set; }

    /// <summary>When the item was reported done; a milestone past its due date without it is overdue.</summary>
    public DateOnly? CompletedOn { get; private set; }
    public int Version { get; private set; }

    public static PlanItem Create(string code, PlanItemKind kind, string title, PlanItem? parent)
    {
        var item = new PlanItem
        {
            Code = Common.Code.Require(code, "code"),
            Kind = Enum.IsDefined(kind) ? kind : throw new DomainException("kind", new Text("计划项类型无效", "unknown kind")),
            Title = Common.Code.RequireText(title, "title", TitleMaxLength),
            Horizon = Horizon.Annual,
            Version = 1,
        };
        item.SetParent(parent);
        return item;
    }

    public void Describe(string title, string? description)
    {
        var newTitle = Common.Code.RequireText(title, "title", TitleMaxLength);
        Description = Common.Code.OptionalText(description, "description", DescriptionMaxLength);
        Title = newTitle;
    }

    public void Schedule(DateOnly? start, DateOnly? due, Horizon horizon)
    {
        if (start is not null && due is not null && due < start)
        {
            throw new DomainException("dueDate", new Text("截止日期不能早于开始日期", "the due date cannot precede the start date"));
        }

        if (!Enum.IsDefined(horizon))
        {
            throw new DomainException("horizon", new Text("期限类型无效", "unknown horizon"));
        }

        StartDate = start;
        DueDate = due;
        Horizon = horizon;
    }

    /// <summary>Sets who answers for the item (牵头单位) and who helps (配合单位); the lead cannot also be a supporter.</summary>
    public void AssignUnits(int? leadUnitId, IEnumerable<int> supportingUnitIds)
    {
        var supporters = supportingUnitIds.Distinct().ToList();
        if (leadUnitId is not null && supporters.Contains(leadUnitId.Value))
        {
            throw new DomainException("supportingUnits", new Text("牵头单位不能同时是配合单位", "the lead unit cannot also be a supporting unit"));
        }

        LeadUnitId = leadUnitId;
        _supportingUnits.RemoveAll(s => !supporters.Contains(s.OrgUnitId));
        foreach (var id in supporters.Where(id => _supportingUnits.All(s => s.OrgUnitId != id)))
        {
            _supportingUnits.Add(new PlanItemSupportingUnit(id));
        }
    }

    public void CiteSource(string? document, string? sentence)
    {
        var newDocument = Common.Code.OptionalText(document, "sourceDocument", TitleMaxLength);
        SourceSentence = Common.Code.OptionalText(sentence, "sourceSentence", SourceMaxLength);
        SourceDocument = newDocument;
    }

    public void PlaceAt(int order) => Order = order;

    /// <summary>Records the item as done on a date, or (null) as not done after all.</summary>
    public void MarkCompleted(DateOnly? on)
    {
        if (on is { } date && StartDate is { } start && date < start)
        {
            throw new DomainException("completedOn", new Text("完成日期不能早于开始日期", "completion cannot precede the start"));
        }

        CompletedOn = on;
    }

    public void MoveTo(PlanItem? parent)
    {
        if (parent is not null && IsAncestorOf(parent))
        {
            throw new DomainException("parent", new Text("不能把计划项移到它自己的下级", "a plan item cannot move under itself"));
        }

        SetParent(parent);
    }


    private bool IsAncestorOf(PlanItem other)
    {
        for (var p = other; p is not null; p = p.Parent)
        {
            if (p == this)
            {
                return true;
            }
        }

        return false;
    }

    private void SetParent(PlanItem? parent)
    {
        bool ok = parent is null
            ? Kind is PlanItemKind.Strategy or PlanItemKind.Programme
            : Kind > parent.Kind || (Kind == PlanItemKind.Task && parent.Kind == PlanItemKind.Task);
        if (!ok)
        {
            throw new DomainException("parent", parent is null
                ? new Text($"{Kind}必须有上级计划项", $"a {Kind} needs a parent")
                : new Text($"{Kind}不能放在{parent.Kind}之下", $"a {Kind} cannot sit under a {parent.Kind}"));
        }

        Parent = parent;
        ParentId = parent?.Id;
    }
}

public sealed class PlanItemSupportingUnit(int orgUnitId)
{
    public int PlanItemId { get; private set; }
    public int OrgUnitId { get; private set; } = orgUnitId;
}
