using Luoshi.Domain.Common;

namespace Luoshi.Domain.Projects;

/// <summary>储备 → 前期 → 新开工 → 续建 → 竣工.</summary>
public enum ProjectStage
{
    Reserve = 1,
    Preliminary = 2,
    NewStart = 3,
    Continuing = 4,
    Completed = 5,
}

/// <summary>
/// 重大项目: a major investment project owned by a region, followed month by month ("以项目看发展论英雄").
/// Amounts are in 亿元. Starting and completing are dated events; the stage follows them.
/// </summary>
public sealed class MajorProject : IVersioned, IPublishable
{
    public const int NameMaxLength = 200;

    private MajorProject()
    {
        Code = string.Empty;
        Name = string.Empty;
        Category = string.Empty;
    }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public int OrgUnitId { get; private set; }
    public int? LeadDepartmentId { get; private set; }
    public string Category { get; private set; }
    public decimal TotalInvestment { get; private set; }

    /// <summary>Share of the investment that is private (民间投资), in percent.</summary>
    public decimal PrivateShare { get; private set; }
    public DateOnly PlannedStart { get; private set; }
    public DateOnly PlannedCompletion { get; private set; }
    public DateOnly? ActualStart { get; private set; }
    public DateOnly? ActualCompletion { get; private set; }
    public ProjectStage Stage { get; private set; }
    public int Version { get; private set; }

    /// <summary>Announced on the public portal, with its progress (docs/adr/0036).</summary>
    public bool IsPublic { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }

    public static MajorProject Register(string code, string name, int orgUnitId, string category)
    {
        var project = new MajorProject
        {
            Code = Common.Code.Require(code, "code"),
            OrgUnitId = orgUnitId,
            Stage = ProjectStage.Reserve,
            Version = 1,
        };
        project.Describe(name, category);
        return project;
    }

    /// <summary>The project's name and category, as the planning office now states them.</summary>
    public void Describe(string name, string category)
    {
        Name = Common.Code.RequireText(name, "name", NameMaxLength);
        Category = Common.Code.RequireText(category, "category", 40);
    }

    public void Plan(decimal totalInvestment, DateOnly plannedStart, DateOnly plannedCompletion, decimal privateShare, int? leadDepartmentId)
    {
        if (totalInvestment <= 0)
        {
            throw new DomainException("totalInvestment", new Text("总投资须为正数", "the total investment must be positive"));
        }

        if (plannedCompletion < plannedStart)
        {
            throw new DomainException("plannedCompletion", new Text("计划竣工不能早于计划开工", "planned completion cannot precede the planned start"));
        }

        if (privateShare is < 0 or > 100)
        {
            throw new DomainException("privateShare", new Text("民间投资占比须在0–100之间", "the private share must be 0–100"));
        }

        TotalInvestment = totalInvestment;
        PlannedStart = plannedStart;
        PlannedCompletion = plannedCompletion;
        PrivateShare = privateShare;
        LeadDepartmentId = leadDepartmentId;
    }

    /// <summary>Sets the stage as declared (imports); a started or completed stage needs its date to be known before it counts.</summary>
    public void Declare(ProjectStage stage)
    {
        Stage = Enum.IsDefined(stage) ? stage : throw new DomainException("stage", new Text("项目阶段无效", "unknown stage"));
    }

    public void Start(DateOnly on)
    {
        if (ActualCompletion is { } done && on > done)
        {
            throw new DomainException("actualStart", new Text("开工日期不能晚于竣工日期", "the start cannot follow the completion"));
        }

        ActualStart = on;
        if (Stage is ProjectStage.Reserve or ProjectStage.Preliminary)
        {
            Stage = ProjectStage.NewStart;
        }
    }

    public void Complete(DateOnly on)
    {
        if (ActualStart is { } start && on < start)
        {
            throw new DomainException("actualCompletion", new Text("竣工日期不能早于开工日期", "completion cannot precede the start"));
        }

        ActualCompletion = on;
        Stage = ProjectStage.Completed;
    }

    public void Publish(bool on, DateTimeOffset at)
    {
        if (on != IsPublic)
        {
            (IsPublic, PublishedAt) = (on, on ? at : null);
        }
    }
}

/// <summary>The investment a project plans for one year (年度投资计划).</summary>
public sealed class ProjectPlan(int projectId, int year, decimal plannedInvestment)
{
    public int ProjectId { get; private set; } = projectId;
    public int Year { get; private set; } = year;
    public decimal PlannedInvestment { get; private set; } = plannedInvestment >= 0 ? plannedInvestment : throw new DomainException("plannedInvestment", new Text("计划投资不能为负", "planned investment cannot be negative"));

    public void Change(decimal planned) => PlannedInvestment = planned >= 0 ? planned : throw new DomainException("plannedInvestment", new Text("计划投资不能为负", "planned investment cannot be negative"));
}

/// <summary>Investment completed in one month (实物工作量), with what happened.</summary>
public sealed class ProjectProgress(int projectId, Period month, decimal completedInvestment)
{
    public int ProjectId { get; private set; } = projectId;

    /// <summary>
    /// The month (<c>2026-05</c>; never a quarter or a year). Stored as that text: months alone sort as text sorts,
    /// so a range of months in a query means in SQL what it means here.
    /// </summary>
    public Period Month { get; private set; } = month.Kind == Frequency.Month ? month : throw new DomainException("month", new Text("须为月份,如 2026-05", "a month such as 2026-05"));
    public decimal CompletedInvestment { get; private set; } = completedInvestment >= 0 ? completedInvestment : throw new DomainException("completedInvestment", new Text("完成投资不能为负", "completed investment cannot be negative"));
    public string? Narrative { get; private set; }

    public void Change(decimal completed, string? narrative)
    {
        CompletedInvestment = completed >= 0 ? completed : throw new DomainException("completedInvestment", new Text("完成投资不能为负", "completed investment cannot be negative"));
        Narrative = Common.Code.OptionalText(narrative, "narrative", 2000);
    }
}
