using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Supervision;

namespace Luoshi.Domain.Tests.Supervision;

/// <summary>
/// Every (state, transition) pair, allowed or refused, against a table written out here independently of
/// <see cref="SupervisionWorkflow"/>. The actor is an Admin, who may act for either party, so only the
/// state decides.
/// </summary>
public sealed class SupervisionWorkflowTests
{
    /// <summary>What each state allows, and where each allowed transition leads (the state before an extension request is in progress).</summary>
    private static readonly Dictionary<SupervisionState, Dictionary<SupervisionAction, SupervisionState>> Expected = new()
    {
        [SupervisionState.Draft] = new() { [SupervisionAction.Assign] = SupervisionState.Assigned, [SupervisionAction.Cancel] = SupervisionState.Cancelled },
        [SupervisionState.Assigned] = new()
        {
            [SupervisionAction.Accept] = SupervisionState.Accepted,
            [SupervisionAction.RequestExtension] = SupervisionState.ExtensionRequested,
            [SupervisionAction.Cancel] = SupervisionState.Cancelled,
        },
        [SupervisionState.Accepted] = new()
        {
            [SupervisionAction.Start] = SupervisionState.InProgress,
            [SupervisionAction.Submit] = SupervisionState.Submitted,
            [SupervisionAction.RequestExtension] = SupervisionState.ExtensionRequested,
            [SupervisionAction.Cancel] = SupervisionState.Cancelled,
        },
        [SupervisionState.InProgress] = new()
        {
            [SupervisionAction.Submit] = SupervisionState.Submitted,
            [SupervisionAction.RequestExtension] = SupervisionState.ExtensionRequested,
            [SupervisionAction.Cancel] = SupervisionState.Cancelled,
        },
        [SupervisionState.Submitted] = new()
        {
            [SupervisionAction.Verify] = SupervisionState.Closed,
            [SupervisionAction.Return] = SupervisionState.Returned,
            [SupervisionAction.Cancel] = SupervisionState.Cancelled,
        },
        [SupervisionState.Returned] = new()
        {
            [SupervisionAction.Start] = SupervisionState.InProgress,
            [SupervisionAction.Submit] = SupervisionState.Submitted,
            [SupervisionAction.RequestExtension] = SupervisionState.ExtensionRequested,
            [SupervisionAction.Cancel] = SupervisionState.Cancelled,
        },
        [SupervisionState.ExtensionRequested] = new()
        {
            [SupervisionAction.ApproveExtension] = SupervisionState.InProgress,
            [SupervisionAction.RejectExtension] = SupervisionState.InProgress,
            [SupervisionAction.Cancel] = SupervisionState.Cancelled,
        },
        [SupervisionState.Closed] = [],
        [SupervisionState.Cancelled] = [],
    };

    public static TheoryData<SupervisionState, SupervisionAction> EveryPair()
    {
        var data = new TheoryData<SupervisionState, SupervisionAction>();
        foreach (var state in Enum.GetValues<SupervisionState>())
        {
            foreach (var action in SupervisionWorkflow.Transitions)
            {
                data.Add(state, action);
            }
        }

        return data;
    }

    [Fact]
    public void TheTable_CoversEveryStateAndEveryTransition()
    {
        Expected.Keys.ShouldBe(Enum.GetValues<SupervisionState>(), ignoreOrder: true);
        SupervisionWorkflow.Transitions.ShouldBe(Enum.GetValues<SupervisionAction>().Except([SupervisionAction.Create, SupervisionAction.Remind, SupervisionAction.Escalate, SupervisionAction.Absorb]), ignoreOrder: true);
        EveryPair().Count().ShouldBe(9 * 10);
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Transition_FromEveryState_IsAllowedOrRefusedAsTheTableSays(SupervisionState state, SupervisionAction action)
    {
        var item = Items.InState(state);
        int history = item.Events.Count;
        int version = item.Version;

        if (Expected[state].TryGetValue(action, out var to))
        {
            var e = Items.Apply(item, action, Items.Admin);

            item.State.ShouldBe(to);
            e.Action.ShouldBe(action);
            e.FromState.ShouldBe(state);
            e.ToState.ShouldBe(to);
            item.Events.Count.ShouldBe(history + 1);
            item.Events[^1].Seq.ShouldBe(history + 1);
            item.Version.ShouldBe(version + 1);
        }
        else
        {
            var refused = Should.Throw<DomainConflictException>(() => Items.Apply(item, action, Items.Admin));

            refused.Field.ShouldBe("state");
            refused.Message.ShouldContain(" / ");
            item.State.ShouldBe(state);
            item.Events.Count.ShouldBe(history);
            item.Version.ShouldBe(version);
        }
    }

    [Theory]
    [InlineData(SupervisionState.Assigned)]
    [InlineData(SupervisionState.Accepted)]
    [InlineData(SupervisionState.Returned)]
    public void DecidingAnExtension_GoesBackToTheStateItWasRequestedFrom(SupervisionState from)
    {
        var approved = Items.InState(from);
        var rejected = Items.InState(from);
        approved.RequestExtension(Items.Lead, Items.At(1), "等待审批", Items.Deadline.AddDays(30));
        rejected.RequestExtension(Items.Lead, Items.At(1), "等待审批", Items.Deadline.AddDays(30));

        approved.ApproveExtension(Items.Office, Items.At(2), null, null);
        rejected.RejectExtension(Items.Office, Items.At(2), "理由不充分");

        approved.State.ShouldBe(from);
        approved.Deadline.ShouldBe(Items.Deadline.AddDays(30));
        approved.OriginalDeadline.ShouldBe(Items.Deadline);
        rejected.State.ShouldBe(from);
        rejected.Deadline.ShouldBe(Items.Deadline);
        rejected.RequestedDeadline.ShouldBeNull();
    }

    [Fact]
    public void RunningAndOpen_MeanWhatTheLoopNeeds()
    {
        SupervisionWorkflow.IsRunning(SupervisionState.Submitted).ShouldBeFalse("a submitted item waits on the supervising unit, not the lead unit");
        SupervisionWorkflow.IsRunning(SupervisionState.ExtensionRequested).ShouldBeTrue("the deadline keeps running until an extension is granted");
        SupervisionWorkflow.IsOpen(SupervisionState.Draft).ShouldBeFalse();
        SupervisionWorkflow.IsOpen(SupervisionState.Submitted).ShouldBeTrue();
        SupervisionWorkflow.IsFinished(SupervisionState.Closed).ShouldBeTrue();
    }
}

/// <summary>Items in every state, and participants for each side, at fixed instants.</summary>
internal static class Items
{
    public const int LeadUnit = 11;
    public const int OfficeUnit = 1;
    public static readonly DateOnly Deadline = new(2026, 8, 31);
    public static readonly DateTimeOffset Monday = new(2026, 7, 6, 9, 0, 0, TimeSpan.FromHours(8));

    public static readonly SupervisionParticipant Admin = new("admin", LeadMember: false, Supervisor: false, Admin: true, FromLeadUnit: false);
    public static readonly SupervisionParticipant Lead = new("reporter", LeadMember: true, Supervisor: false, Admin: false, FromLeadUnit: true);
    public static readonly SupervisionParticipant Office = new("supervisor", LeadMember: false, Supervisor: true, Admin: false, FromLeadUnit: false);

    /// <summary>A supervisor who also works for the lead unit (a city's own inspector on a city item).</summary>
    public static readonly SupervisionParticipant InsideSupervisor = new("city-supervisor", LeadMember: true, Supervisor: true, Admin: false, FromLeadUnit: true);
    public static readonly SupervisionParticipant Outsider = new("planner", LeadMember: false, Supervisor: false, Admin: false, FromLeadUnit: false);

    public static DateTimeOffset At(int hours) => Monday.AddHours(hours);

    public static SupervisionItem Draft(int? clearPeriods = null)
    {
        var item = SupervisionItem.Create("推进重点项目开工", SupervisionSource.Manual, LeadUnit, OfficeUnit, Deadline, Office, Monday);
        if (clearPeriods is not null)
        {
            item.Link(null, indicatorId: 5, indicatorUnitId: null, null, null, null);
            item.RequireClearPeriods(clearPeriods);
        }

        return item;
    }

    public static SupervisionItem InState(SupervisionState state)
    {
        var item = Draft();
        var path = state switch
        {
            SupervisionState.Draft => [],
            SupervisionState.Assigned => [SupervisionAction.Assign],
            SupervisionState.Accepted => [SupervisionAction.Assign, SupervisionAction.Accept],
            SupervisionState.InProgress => [SupervisionAction.Assign, SupervisionAction.Accept, SupervisionAction.Start],
            SupervisionState.Submitted => [SupervisionAction.Assign, SupervisionAction.Accept, SupervisionAction.Start, SupervisionAction.Submit],
            SupervisionState.Returned => [SupervisionAction.Assign, SupervisionAction.Accept, SupervisionAction.Submit, SupervisionAction.Return],
            SupervisionState.ExtensionRequested => [SupervisionAction.Assign, SupervisionAction.Accept, SupervisionAction.Start, SupervisionAction.RequestExtension],
            SupervisionState.Closed => [SupervisionAction.Assign, SupervisionAction.Accept, SupervisionAction.Submit, SupervisionAction.Verify],
            SupervisionState.Cancelled => [SupervisionAction.Cancel],
            _ => new SupervisionAction[] { },
        };
        foreach (var action in path)
        {
            Apply(item, action, Admin);
        }

        item.State.ShouldBe(state);
        return item;
    }

    /// <summary>Makes a transition with inputs that satisfy its own rules (comment, evidence, a later deadline).</summary>
    public static SupervisionEvent Apply(SupervisionItem item, SupervisionAction action, SupervisionParticipant by, int hours = 1) => action switch
    {
        SupervisionAction.Assign => item.Assign(by, At(hours), "请按期办结"),
        SupervisionAction.Accept => item.Accept(by, At(hours), null),
        SupervisionAction.Start => item.Start(by, At(hours), null),
        SupervisionAction.Submit => item.Submit(by, At(hours), "已完成", ["整改报告.pdf"]),
        SupervisionAction.Verify => item.Verify(by, At(hours), "核查属实", ["现场核查记录"], [new ClosureFigure("FAI@330103", [EvaluationStatus.Green])]),
        SupervisionAction.Return => item.Return(by, At(hours), "整改不到位"),
        SupervisionAction.RequestExtension => item.RequestExtension(by, At(hours), "审批延后", item.Deadline.AddDays(30)),
        SupervisionAction.ApproveExtension => item.ApproveExtension(by, At(hours), null, null),
        SupervisionAction.RejectExtension => item.RejectExtension(by, At(hours), "理由不足"),
        SupervisionAction.Cancel => item.Cancel(by, At(hours), "重复事项"),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
