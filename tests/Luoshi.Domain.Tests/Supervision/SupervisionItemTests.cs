using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Supervision;

namespace Luoshi.Domain.Tests.Supervision;

public sealed class SupervisionItemTests
{
    public static TheoryData<SupervisionAction> LeadActions() => [.. SupervisionWorkflow.Transitions.Where(a => SupervisionWorkflow.PartyOf(a) == SupervisionParty.Lead)];

    public static TheoryData<SupervisionAction> SupervisorActions() => [.. SupervisionWorkflow.Transitions.Where(a => SupervisionWorkflow.PartyOf(a) == SupervisionParty.Supervisor)];

    [Theory]
    [MemberData(nameof(LeadActions))]
    public void LeadSideTransitions_AreRefusedToTheSupervisorAndOutsiders(SupervisionAction action)
    {
        var item = Items.InState(SupervisionWorkflow.From(action)[0]);

        Should.Throw<DomainForbiddenException>(() => Items.Apply(item, action, Items.Office)).Field.ShouldBe("actor");
        Should.Throw<DomainForbiddenException>(() => Items.Apply(item, action, Items.Outsider));
        Items.Apply(item, action, Items.Lead).OnBehalf.ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(SupervisorActions))]
    public void SupervisorSideTransitions_AreRefusedToTheLeadUnit_EvenToItsOwnSupervisors(SupervisionAction action)
    {
        var item = Items.InState(SupervisionWorkflow.From(action)[0]);

        Should.Throw<DomainForbiddenException>(() => Items.Apply(item, action, Items.Lead));
        Should.Throw<DomainForbiddenException>(() => Items.Apply(item, action, Items.InsideSupervisor)).Message.ShouldContain("牵头单位");
        Should.Throw<DomainForbiddenException>(() => Items.Apply(item, action, Items.Outsider));
        Items.Apply(item, action, Items.Office).OnBehalf.ShouldBeFalse();
    }

    [Fact]
    public void Admin_ActsForEitherParty_AndIsRecordedAsDoingSo()
    {
        var item = Items.Draft();

        var assign = item.Assign(Items.Admin, Items.At(1), null);
        var accept = item.Accept(Items.Admin, Items.At(2), null);
        var submit = item.Submit(Items.Admin, Items.At(3), null, ["报告"]);
        var verify = item.Verify(Items.Admin, Items.At(4), null, ["核查"], null);

        new[] { assign, verify }.ShouldAllBe(e => e.OnBehalf && e.Party == SupervisionParty.Supervisor);
        new[] { accept, submit }.ShouldAllBe(e => e.OnBehalf && e.Party == SupervisionParty.Lead);
        item.State.ShouldBe(SupervisionState.Closed);
        item.Events.Select(e => e.Actor).Distinct().ShouldBe(["supervisor", "admin"]);
    }

    [Fact]
    public void AnAdminOfTheLeadUnit_CannotVerifyItsOwnItem()
    {
        var item = Items.InState(SupervisionState.Submitted);
        var cityAdmin = new SupervisionParticipant("city-admin", LeadMember: true, Supervisor: false, Admin: true, FromLeadUnit: true);

        Should.Throw<DomainForbiddenException>(() => item.Verify(cityAdmin, Items.At(9), null, ["核查"], null));
        item.State.ShouldBe(SupervisionState.Submitted);
    }

    [Fact]
    public void Verify_WithoutEvidence_IsRefused_AndBlankEvidenceDoesNotCount()
    {
        var item = Items.InState(SupervisionState.Submitted);

        Should.Throw<DomainException>(() => item.Verify(Items.Office, Items.At(9), "看过了", null, null)).Field.ShouldBe("evidence");
        Should.Throw<DomainException>(() => item.Verify(Items.Office, Items.At(9), "看过了", ["  ", ""], null)).Field.ShouldBe("evidence");
        item.State.ShouldBe(SupervisionState.Submitted);
    }

    [Fact]
    public void Verify_RecordsWhoWhenFromToCommentAndEvidence()
    {
        var item = Items.InState(SupervisionState.Submitted);

        var e = item.Verify(Items.Office, Items.At(9), "现场核查属实", ["核查记录 HC-1", "照片 P-2"], null);

        e.Actor.ShouldBe("supervisor");
        e.At.ShouldBe(Items.At(9));
        e.FromState.ShouldBe(SupervisionState.Submitted);
        e.ToState.ShouldBe(SupervisionState.Closed);
        e.Comment.ShouldBe("现场核查属实");
        e.Evidence.ShouldBe(["核查记录 HC-1", "照片 P-2"]);
        item.ClosedAt.ShouldBe(Items.At(9));
        item.ClosedOnTime(TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "CST", "CST")).ShouldBe(true);
    }

    [Theory]
    [InlineData(new[] { EvaluationStatus.Green, EvaluationStatus.Yellow }, true)]
    [InlineData(new[] { EvaluationStatus.Green, EvaluationStatus.Red }, false)]
    [InlineData(new[] { EvaluationStatus.Red, EvaluationStatus.Green }, false)]
    [InlineData(new[] { EvaluationStatus.Green, EvaluationStatus.Grey }, false)]
    [InlineData(new[] { EvaluationStatus.Green }, false)]
    public void ClosureRule_NeedsTheIndicatorOutOfRedForNPeriods(EvaluationStatus[] newestFirst, bool closes)
    {
        var item = Items.Draft(clearPeriods: 2);
        Items.Apply(item, SupervisionAction.Assign, Items.Office);
        Items.Apply(item, SupervisionAction.Accept, Items.Lead);
        Items.Apply(item, SupervisionAction.Submit, Items.Lead);

        if (closes)
        {
            item.Verify(Items.Office, Items.At(9), null, ["核查"], [new ClosureFigure("FAI@330103", newestFirst)]);
            item.State.ShouldBe(SupervisionState.Closed);
        }
        else
        {
            var refused = Should.Throw<DomainConflictException>(() => item.Verify(Items.Office, Items.At(9), null, ["核查"], [new ClosureFigure("FAI@330103", newestFirst)]));
            refused.Field.ShouldBe("clearPeriodsToClose");
            item.State.ShouldBe(SupervisionState.Submitted);
        }
    }

    [Fact]
    public void ClosureRule_NeedsALinkedIndicator_AndSensiblePeriods()
    {
        Should.Throw<DomainException>(() => Items.Draft().RequireClearPeriods(1)).Field.ShouldBe("clearPeriodsToClose");
        Should.Throw<DomainException>(() => Items.Draft(clearPeriods: 0)).Field.ShouldBe("clearPeriodsToClose");
        Should.Throw<DomainException>(() => Items.Draft(clearPeriods: 13)).Field.ShouldBe("clearPeriodsToClose");
    }

    [Fact]
    public void RequestExtension_NeedsAReasonAndALaterDeadline()
    {
        var item = Items.InState(SupervisionState.InProgress);

        Should.Throw<DomainException>(() => item.RequestExtension(Items.Lead, Items.At(9), null, Items.Deadline.AddDays(10))).Field.ShouldBe("comment");
        Should.Throw<DomainException>(() => item.RequestExtension(Items.Lead, Items.At(9), "原因", null)).Field.ShouldBe("deadline");
        Should.Throw<DomainException>(() => item.RequestExtension(Items.Lead, Items.At(9), "原因", Items.Deadline)).Field.ShouldBe("deadline");
        item.State.ShouldBe(SupervisionState.InProgress);
    }

    [Fact]
    public void ApproveExtension_MayGrantAnotherDeadline_AndRestartsTheLadder()
    {
        var item = Items.InState(SupervisionState.InProgress);
        item.Escalate(Items.Deadline.AddDays(8), EscalationLadder.Default, "system", Items.At(5));
        item.RequestExtension(Items.Lead, Items.At(9), "原因", Items.Deadline.AddDays(60));

        var e = item.ApproveExtension(Items.Office, Items.At(10), "只批一个月", Items.Deadline.AddDays(30));

        e.Deadline.ShouldBe(Items.Deadline.AddDays(30));
        item.Deadline.ShouldBe(Items.Deadline.AddDays(30));
        item.EscalationLevel.ShouldBe(0);
        item.State.ShouldBe(SupervisionState.InProgress);
    }

    [Theory]
    [InlineData(SupervisionAction.Return)]
    [InlineData(SupervisionAction.RejectExtension)]
    [InlineData(SupervisionAction.Cancel)]
    public void RefusalsAndWithdrawals_NeedAReason(SupervisionAction action)
    {
        var item = Items.InState(SupervisionWorkflow.From(action)[^1]);
        Action act = action switch
        {
            SupervisionAction.Return => () => item.Return(Items.Office, Items.At(9), " "),
            SupervisionAction.RejectExtension => () => item.RejectExtension(Items.Office, Items.At(9), null),
            _ => () => item.Cancel(Items.Office, Items.At(9), null),
        };

        Should.Throw<DomainException>(act).Field.ShouldBe("comment");
    }

    [Fact]
    public void Create_RefusesTheLeadUnitsPeopleAsAuthors_AndAnEmptyTitle()
    {
        Should.Throw<DomainForbiddenException>(() => SupervisionItem.Create("x", SupervisionSource.Manual, 5, 1, Items.Deadline, Items.Lead, Items.Monday));
        Should.Throw<DomainException>(() => SupervisionItem.Create(" ", SupervisionSource.Manual, 5, 1, Items.Deadline, Items.Office, Items.Monday)).Field.ShouldBe("title");
    }

    [Fact]
    public void WhatWasHandedOver_CannotBeRewritten()
    {
        var item = Items.InState(SupervisionState.Assigned);

        Should.Throw<DomainConflictException>(() => item.Describe("另一个标题", null, SupervisionPriority.Normal));
        Should.Throw<DomainConflictException>(() => item.SupportWith([3]));
    }

    [Fact]
    public void Create_IsTheFirstEntryOfTheHistory()
    {
        var item = Items.Draft();

        item.State.ShouldBe(SupervisionState.Draft);
        var e = item.Events.ShouldHaveSingleItem();
        (e.Seq, e.Action, e.FromState, e.ToState, e.Actor, e.Deadline).ShouldBe((1, SupervisionAction.Create, (SupervisionState?)null, SupervisionState.Draft, "supervisor", (DateOnly?)Items.Deadline));
    }
}
