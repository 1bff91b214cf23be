using Luoshi.Domain.Common;
using Luoshi.Domain.Supervision;

namespace Luoshi.Domain.Tests.Supervision;

/// <summary>
/// What a form offers must be exactly what the item then accepts: for every state, every kind of participant
/// and every transition, <see cref="SupervisionItem.OptionsFor"/> lists the transition if and only if making it
/// with valid inputs succeeds.
/// </summary>
public sealed class SupervisionOptionsTests
{
    private static readonly Dictionary<string, SupervisionParticipant> People = new(StringComparer.Ordinal)
    {
        ["admin"] = Items.Admin,
        ["lead"] = Items.Lead,
        ["office"] = Items.Office,
        ["inside-supervisor"] = Items.InsideSupervisor,
        ["outsider"] = Items.Outsider,
    };

    public static TheoryData<SupervisionState, string> EveryStateAndPerson()
    {
        var data = new TheoryData<SupervisionState, string>();
        foreach (var state in Enum.GetValues<SupervisionState>())
        {
            foreach (var person in People.Keys)
            {
                data.Add(state, person);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndPerson))]
    public void Options_AreExactlyTheTransitionsThatSucceed(SupervisionState state, string person)
    {
        var by = People[person];
        var offered = Items.InState(state).OptionsFor(by).Select(o => o.Action).ToHashSet();

        foreach (var action in SupervisionWorkflow.Transitions)
        {
            var item = Items.InState(state);
            bool succeeds;
            try
            {
                Items.Apply(item, action, by);
                succeeds = true;
            }
            catch (DomainException e) when (e is DomainForbiddenException or DomainConflictException)
            {
                succeeds = false;
            }

            offered.Contains(action).ShouldBe(succeeds, $"{action} from {state} by {person}");
        }
    }

    [Fact]
    public void Options_SayWhenAnAdminActsOnAPartysBehalf()
    {
        var submitted = Items.InState(SupervisionState.Submitted);
        var accepted = Items.InState(SupervisionState.Accepted);

        submitted.OptionsFor(Items.Admin).ShouldContain(new SupervisionOption(SupervisionAction.Verify, SupervisionParty.Supervisor, OnBehalf: true));
        submitted.OptionsFor(Items.Office).ShouldContain(new SupervisionOption(SupervisionAction.Verify, SupervisionParty.Supervisor, OnBehalf: false));
        accepted.OptionsFor(Items.Admin).ShouldContain(new SupervisionOption(SupervisionAction.Submit, SupervisionParty.Lead, OnBehalf: true));
        accepted.OptionsFor(Items.Lead).ShouldContain(new SupervisionOption(SupervisionAction.Submit, SupervisionParty.Lead, OnBehalf: false));
        submitted.OptionsFor(Items.Lead).ShouldBeEmpty("the lead unit never verifies its own item");
        Items.InState(SupervisionState.Closed).OptionsFor(Items.Admin).ShouldBeEmpty();
    }
}
