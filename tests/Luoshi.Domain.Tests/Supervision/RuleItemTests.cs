using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Supervision;

namespace Luoshi.Domain.Tests.Supervision;

/// <summary>An item a rule opens lists the figures it answers for, takes later ones in, and closes only when all are out of red.</summary>
public sealed class RuleItemTests
{
    private static IndicatorHit Hit(int indicator, int unit, string label) =>
        new(indicator, unit, Period.Parse("2026-04"), Period.Parse("2026-06"), "连续落后", "behind", label);

    private static SupervisionItem RuleItem(params IndicatorHit[] hits)
    {
        var item = SupervisionItem.Create("甲二区:指标连续3期红灯", SupervisionSource.IndicatorRule, Items.LeadUnit, Items.OfficeUnit, Items.Deadline, SupervisionParticipant.System("system"), Items.Monday);
        item.Cover(hits, Items.Monday);
        item.RequireClearPeriods(1);
        return item;
    }

    [Fact]
    public void Cover_ListsEachFigureOnce_WithItsStreakAndReason()
    {
        var item = RuleItem(Hit(5, 11, "FAI@330103"), Hit(6, 11, "GDP@330103"), Hit(5, 11, "FAI@330103"));

        item.Indicators.Select(f => (f.IndicatorId, f.OrgUnitId, f.FirstPeriod, f.LastPeriod)).ShouldBe([(5, 11, "2026-04", "2026-06"), (6, 11, "2026-04", "2026-06")]);
        item.Indicators[0].ReasonZh.ShouldBe("连续落后");
        item.ClearPeriodsToClose.ShouldBe(1);
        item.Events.ShouldHaveSingleItem().Action.ShouldBe(SupervisionAction.Create);
    }

    [Fact]
    public void Cover_IsForDraftsOnly_AndRefusesAStreakThatEndsBeforeItBegins()
    {
        var reversed = new IndicatorHit(5, 11, Period.Parse("2026-06"), Period.Parse("2026-04"), "r", "r", "FAI@330103");
        var item = RuleItem(Hit(5, 11, "FAI@330103"));
        item.Assign(Items.Office, Items.At(1), null);

        Should.Throw<DomainException>(() => RuleItem(reversed)).Field.ShouldBe("indicators");
        Should.Throw<DomainConflictException>(() => item.Cover([Hit(6, 11, "GDP@330103")], Items.At(2))).Field.ShouldBe("indicators");
    }

    [Fact]
    public void Absorb_AddsNewFiguresWithAHistoryEntry_AndNothingForFiguresListedAlready()
    {
        var item = RuleItem(Hit(5, 11, "FAI@330103"));
        item.Assign(Items.Office, Items.At(1), null);
        int version = item.Version;

        var e = item.Absorb([Hit(5, 11, "FAI@330103"), Hit(6, 11, "GDP@330103")], "system", Items.At(2));
        var again = item.Absorb([Hit(6, 11, "GDP@330103")], "system", Items.At(3));

        e.ShouldNotBeNull();
        (e.Action, e.Party, e.FromState, e.ToState).ShouldBe((SupervisionAction.Absorb, SupervisionParty.System, SupervisionState.Assigned, SupervisionState.Assigned));
        e.Comment.ShouldNotBeNull().ShouldContain("GDP@330103");
        e.Comment.ShouldNotContain("FAI@330103");
        again.ShouldBeNull();
        item.Indicators.Count.ShouldBe(2);
        item.Version.ShouldBe(version + 1);
        item.State.ShouldBe(SupervisionState.Assigned);
    }

    [Theory]
    [InlineData(SupervisionState.Closed)]
    [InlineData(SupervisionState.Cancelled)]
    public void Absorb_IsRefusedOnceTheItemIsFinished(SupervisionState finished)
    {
        var item = RuleItem(Hit(5, 11, "FAI@330103"));
        item.Assign(Items.Office, Items.At(1), null);
        if (finished == SupervisionState.Closed)
        {
            item.Accept(Items.Lead, Items.At(2), null);
            item.Submit(Items.Lead, Items.At(3), null, ["整改报告"]);
            item.Verify(Items.Office, Items.At(4), null, ["核查"], [new ClosureFigure("FAI@330103", [EvaluationStatus.Green])]);
        }
        else
        {
            item.Cancel(Items.Office, Items.At(2), "重复");
        }

        Should.Throw<DomainConflictException>(() => item.Absorb([Hit(6, 11, "GDP@330103")], "system", Items.At(5))).Field.ShouldBe("state");
    }

    [Fact]
    public void Verify_NeedsEveryListedFigureOutOfRed_AndNamesThoseStillIn()
    {
        var item = RuleItem(Hit(5, 11, "FAI@330103"), Hit(6, 11, "GDP@330103"));
        item.Assign(Items.Office, Items.At(1), null);
        item.Accept(Items.Lead, Items.At(2), null);
        item.Submit(Items.Lead, Items.At(3), null, ["整改报告"]);

        var oneStillRed = Should.Throw<DomainConflictException>(() => item.Verify(Items.Office, Items.At(4), null, ["核查"],
            [new ClosureFigure("FAI@330103", [EvaluationStatus.Green]), new ClosureFigure("GDP@330103", [EvaluationStatus.Red])]));
        var noFacts = Should.Throw<DomainConflictException>(() => item.Verify(Items.Office, Items.At(4), null, ["核查"], null));
        item.Verify(Items.Office, Items.At(5), null, ["核查"], [new ClosureFigure("FAI@330103", [EvaluationStatus.Green]), new ClosureFigure("GDP@330103", [EvaluationStatus.Yellow])]);

        oneStillRed.Field.ShouldBe("clearPeriodsToClose");
        oneStillRed.Message.ShouldContain("GDP@330103");
        oneStillRed.Message.ShouldNotContain("FAI@330103");
        noFacts.Field.ShouldBe("clearPeriodsToClose");
        item.State.ShouldBe(SupervisionState.Closed);
    }

    [Fact]
    public void TheClosureRule_NeedsALinkedIndicatorOrListedFigures()
    {
        var empty = SupervisionItem.Create("甲二区", SupervisionSource.IndicatorRule, Items.LeadUnit, Items.OfficeUnit, Items.Deadline, SupervisionParticipant.System("system"), Items.Monday);

        Should.Throw<DomainException>(() => empty.RequireClearPeriods(1)).Field.ShouldBe("clearPeriodsToClose");
        RuleItem(Hit(5, 11, "FAI@330103")).ClearPeriodsToClose.ShouldBe(1);
    }
}
