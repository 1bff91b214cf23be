using System.Reflection;
using Luoshi.Domain.Common;
using Luoshi.Domain.Plans;

namespace Luoshi.Domain.Tests.Plans;

public class PlanItemTests
{
    private static PlanItem Strategy() => PlanItem.Create("S1", PlanItemKind.Strategy, "八八战略", null);

    private static PlanItem Programme() => PlanItem.Create("P1", PlanItemKind.Programme, "扩大有效投资工程", Strategy());

    private static PlanItem Task(PlanItem? parent = null) => PlanItem.Create("T1", PlanItemKind.Task, "推进千项万亿", parent ?? Programme());

    private static PlanItem ItemOfKind(PlanItemKind? kind) => kind switch
    {
        null => null!,
        PlanItemKind.Strategy => Strategy(),
        PlanItemKind.Programme => Programme(),
        PlanItemKind.Task => Task(),
        _ => PlanItem.Create("M1", PlanItemKind.Milestone, "一季度开工", Task()),
    };

    /// <summary>Stands in for the id the database assigns when the item is saved.</summary>
    private static PlanItem Saved(PlanItem item, int id)
    {
        typeof(PlanItem).GetProperty(nameof(PlanItem.Id), BindingFlags.Public | BindingFlags.Instance)!.SetValue(item, id);
        return item;
    }

    [Fact]
    public void Create_SetsDefaults()
    {
        var item = PlanItem.Create(" S1 ", PlanItemKind.Strategy, " 八八战略 ", null);

        item.Code.ShouldBe("S1");
        item.Title.ShouldBe("八八战略");
        item.Horizon.ShouldBe(Horizon.Annual);
        item.Version.ShouldBe(1);
        item.Parent.ShouldBeNull();
        item.SupportingUnits.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(PlanItemKind.Strategy, null)]
    [InlineData(PlanItemKind.Programme, null)]
    [InlineData(PlanItemKind.Programme, PlanItemKind.Strategy)]
    [InlineData(PlanItemKind.Task, PlanItemKind.Programme)]
    [InlineData(PlanItemKind.Task, PlanItemKind.Task)]
    [InlineData(PlanItemKind.Milestone, PlanItemKind.Task)]
    [InlineData(PlanItemKind.Milestone, PlanItemKind.Programme)]
    public void Create_DeeperKindUnderParent_IsAccepted(PlanItemKind kind, PlanItemKind? parentKind)
    {
        var parent = ItemOfKind(parentKind);

        var item = PlanItem.Create("X1", kind, "事项", parent);

        item.Parent.ShouldBeSameAs(parent);
    }

    [Theory]
    [InlineData(PlanItemKind.Programme, PlanItemKind.Task)]
    [InlineData(PlanItemKind.Programme, PlanItemKind.Programme)]
    [InlineData(PlanItemKind.Strategy, PlanItemKind.Strategy)]
    [InlineData(PlanItemKind.Task, PlanItemKind.Milestone)]
    [InlineData(PlanItemKind.Milestone, PlanItemKind.Milestone)]
    [InlineData(PlanItemKind.Task, null)]
    [InlineData(PlanItemKind.Milestone, null)]
    public void Create_ShallowerKindOrMissingParent_IsRefused(PlanItemKind kind, PlanItemKind? parentKind) =>
        Should.Throw<DomainException>(() => PlanItem.Create("X1", kind, "事项", ItemOfKind(parentKind))).Field.ShouldBe("parent");

    [Fact]
    public void Create_BadCodeTitleOrKind_IsRefusedOnTheField()
    {
        Should.Throw<DomainException>(() => PlanItem.Create("任务一", PlanItemKind.Strategy, "t", null)).Field.ShouldBe("code");
        Should.Throw<DomainException>(() => PlanItem.Create("S1", PlanItemKind.Strategy, "", null)).Field.ShouldBe("title");
        Should.Throw<DomainException>(() => PlanItem.Create("S1", PlanItemKind.Strategy, new string('题', PlanItem.TitleMaxLength + 1), null)).Field.ShouldBe("title");
        Should.Throw<DomainException>(() => PlanItem.Create("S1", (PlanItemKind)0, "t", null)).Field.ShouldBe("kind");
    }

    [Fact]
    public void Schedule_DueBeforeStart_IsRefusedAndKeepsDates()
    {
        var task = Task();
        task.Schedule(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30), Horizon.Annual);

        Should.Throw<DomainException>(() => task.Schedule(new DateOnly(2026, 7, 1), new DateOnly(2026, 6, 30), Horizon.ThreeYear))
            .Field.ShouldBe("dueDate");

        task.StartDate.ShouldBe(new DateOnly(2026, 1, 1));
        task.DueDate.ShouldBe(new DateOnly(2026, 6, 30));
        task.Horizon.ShouldBe(Horizon.Annual);
    }

    [Fact]
    public void Schedule_SameDayOrOpenEnded_IsAccepted()
    {
        var task = Task();

        task.Schedule(new DateOnly(2026, 3, 31), new DateOnly(2026, 3, 31), Horizon.Annual);
        task.DueDate.ShouldBe(new DateOnly(2026, 3, 31));

        task.Schedule(null, new DateOnly(2030, 12, 31), Horizon.FiveYear);
        task.StartDate.ShouldBeNull();
        task.Horizon.ShouldBe(Horizon.FiveYear);
    }

    [Fact]
    public void Schedule_UndefinedHorizon_IsRefused() =>
        Should.Throw<DomainException>(() => Task().Schedule(null, null, (Horizon)4)).Field.ShouldBe("horizon");

    [Fact]
    public void AssignUnits_LeadAlsoSupporting_IsRefusedAndKeepsUnits()
    {
        var task = Task();
        task.AssignUnits(1, [2]);

        Should.Throw<DomainException>(() => task.AssignUnits(3, [4, 3])).Field.ShouldBe("supportingUnits");

        task.LeadUnitId.ShouldBe(1);
        task.SupportingUnits.Select(s => s.OrgUnitId).ShouldBe([2]);
    }

    [Fact]
    public void AssignUnits_ReplacesSupportersWithoutDuplicates()
    {
        var task = Task();
        task.AssignUnits(1, [2, 3, 3]);

        task.AssignUnits(1, [3, 4, 4]);

        task.LeadUnitId.ShouldBe(1);
        task.SupportingUnits.Select(s => s.OrgUnitId).Order().ShouldBe([3, 4]);
    }

    [Fact]
    public void AssignUnits_NoLead_IsAccepted()
    {
        var task = Task();
        task.AssignUnits(1, []);

        task.AssignUnits(null, [5]);

        task.LeadUnitId.ShouldBeNull();
        task.SupportingUnits.Select(s => s.OrgUnitId).ShouldBe([5]);
    }

    [Fact]
    public void Describe_BlankDescription_IsNull()
    {
        var task = Task();

        task.Describe(" 新标题 ", "   ");

        task.Title.ShouldBe("新标题");
        task.Description.ShouldBeNull();
    }

    [Fact]
    public void CiteSource_KeepsDocumentAndSentence()
    {
        var task = Task();

        task.CiteSource("2026年省政府工作报告", "  深入实施\"千项万亿\"工程。 ");

        task.SourceDocument.ShouldBe("2026年省政府工作报告");
        task.SourceSentence.ShouldBe("深入实施\"千项万亿\"工程。");
        Should.Throw<DomainException>(() => task.CiteSource("doc", "\u0007")).Field.ShouldBe("sourceSentence");
    }

    [Fact]
    public void MoveTo_OtherProgramme_ChangesParent()
    {
        var task = Task();
        var other = PlanItem.Create("P2", PlanItemKind.Programme, "科技创新工程", Strategy());

        task.MoveTo(other);

        task.Parent.ShouldBeSameAs(other);
    }

    [Fact]
    public void MoveTo_ShallowerParent_IsRefused() =>
        Should.Throw<DomainException>(() => Programme().MoveTo(Task())).Field.ShouldBe("parent");

    [Fact]
    public void MoveTo_UnderOwnSubTask_WhenSaved_IsRefused()
    {
        var task = Saved(Task(), 10);
        var subTask = Saved(PlanItem.Create("T2", PlanItemKind.Task, "子任务", task), 11);

        var ex = Should.Throw<DomainException>(() => task.MoveTo(subTask));

        ex.Field.ShouldBe("parent");
        task.Parent.ShouldNotBeSameAs(subTask);
    }

    [Fact]
    public void MoveTo_UnderOwnSubTask_BeforeSaving_IsRefused()
    {
        var task = Task();
        var subTask = PlanItem.Create("T2", PlanItemKind.Task, "子任务", task);
    
        Should.Throw<DomainException>(() => task.MoveTo(subTask)).Field.ShouldBe("parent");
        Should.Throw<DomainException>(() => task.MoveTo(task)).Field.ShouldBe("parent");
    }

    [Fact]
    public void PlaceAt_RecordsOrder()
    {
        var task = Task();

        task.PlaceAt(3);

        task.Order.ShouldBe(3);
    }
}
