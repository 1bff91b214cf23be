using Luoshi.Domain.Common;
using Luoshi.Domain.Supervision;

namespace Luoshi.Domain.Tests.Supervision;

public sealed class EscalationTests
{
    [Fact]
    public void OverSimulatedDays_RemindersThenTheLadder_EachOnce_EvenWhenRunTwiceADay()
    {
        var item = Items.InState(SupervisionState.InProgress);
        var ladder = EscalationLadder.Parse("1,7,15");
        var reminders = ReminderSchedule.Parse("3,1");
        var log = new List<(DateOnly Day, SupervisionAction Action, int? Level)>();

        for (var day = Items.Deadline.AddDays(-10); day <= Items.Deadline.AddDays(30); day = day.AddDays(1))
        {
            for (int run = 0; run < 2; run++)
            {
                if (item.Remind(day, reminders, "system", Items.Monday) is { } r)
                {
                    log.Add((day, r.Action, null));
                }

                log.AddRange(item.Escalate(day, ladder, "system", Items.Monday).Select(e => (day, e.Action, e.Level)));
            }
        }

        log.ShouldBe(
        [
            (Items.Deadline.AddDays(-3), SupervisionAction.Remind, null),
            (Items.Deadline.AddDays(-1), SupervisionAction.Remind, null),
            (Items.Deadline.AddDays(1), SupervisionAction.Escalate, 1),
            (Items.Deadline.AddDays(7), SupervisionAction.Escalate, 2),
            (Items.Deadline.AddDays(15), SupervisionAction.Escalate, 3),
        ]);
        item.EscalationLevel.ShouldBe(3);
        item.DaysOverdue(Items.Deadline.AddDays(30)).ShouldBe(30);
    }

    [Fact]
    public void AFirstRunLongOverdue_ClimbsEveryRungAtOnce_EachRecorded()
    {
        var item = Items.InState(SupervisionState.Accepted);

        var events = item.Escalate(Items.Deadline.AddDays(20), EscalationLadder.Default, "system", Items.Monday);

        events.Select(e => e.Level).ShouldBe([1, 2, 3]);
        events.ShouldAllBe(e => e.Action == SupervisionAction.Escalate && e.FromState == SupervisionState.Accepted && e.ToState == SupervisionState.Accepted);
        events[0].Comment!.ShouldContain("20");
        item.Escalate(Items.Deadline.AddDays(19), EscalationLadder.Default, "system", Items.Monday).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(SupervisionState.Draft)]
    [InlineData(SupervisionState.Submitted)]
    [InlineData(SupervisionState.Closed)]
    [InlineData(SupervisionState.Cancelled)]
    public void ItemsTheLeadUnitDoesNotOwe_AreNeitherRemindedNorEscalated(SupervisionState state)
    {
        var item = Items.InState(state);

        item.Remind(Items.Deadline.AddDays(-1), ReminderSchedule.Default, "system", Items.Monday).ShouldBeNull();
        item.Escalate(Items.Deadline.AddDays(30), EscalationLadder.Default, "system", Items.Monday).ShouldBeEmpty();
        item.DaysOverdue(Items.Deadline.AddDays(30)).ShouldBe(0);
    }

    [Fact]
    public void AnApprovedExtension_RestartsRemindersForTheNewDeadline()
    {
        var item = Items.InState(SupervisionState.InProgress);
        item.Remind(Items.Deadline.AddDays(-1), ReminderSchedule.Default, "system", Items.Monday).ShouldNotBeNull();
        item.RequestExtension(Items.Lead, Items.At(1), "原因", Items.Deadline.AddDays(20));
        item.ApproveExtension(Items.Office, Items.At(2), null, null);

        item.Remind(Items.Deadline.AddDays(17), ReminderSchedule.Default, "system", Items.Monday).ShouldNotBeNull();
        item.Escalate(Items.Deadline.AddDays(5), EscalationLadder.Default, "system", Items.Monday).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("1,7,15", 0, 0)]
    [InlineData("1,7,15", 1, 1)]
    [InlineData("1,7,15", 6, 1)]
    [InlineData("1,7,15", 7, 2)]
    [InlineData("1,7,15", 100, 3)]
    [InlineData(" 2, 10 ,20 ", 9, 1)]
    public void Ladder_GivesTheLevelForDaysOverdue(string text, int days, int level) => EscalationLadder.Parse(text).LevelFor(days).ShouldBe(level);

    [Theory]
    [InlineData("")]
    [InlineData("1,7")]
    [InlineData("1,7,15,30")]
    [InlineData("7,1,15")]
    [InlineData("0,7,15")]
    [InlineData("1,1,15")]
    [InlineData("1,x,15")]
    [InlineData("-1,7,15")]
    public void Ladder_RefusesWhatIsNotThreeIncreasingDays(string text) =>
        Should.Throw<DomainException>(() => EscalationLadder.Parse(text, "Luoshi:Supervision:EscalationDays")).Field.ShouldBe("Luoshi:Supervision:EscalationDays");

    [Theory]
    [InlineData("3,1", 5, null)]
    [InlineData("3,1", 3, 3)]
    [InlineData("3,1", 2, 3)]
    [InlineData("3,1", 1, 1)]
    [InlineData("3,1", 0, 1)]
    [InlineData("", 0, null)]
    public void Reminders_FallOnTheSmallestThresholdNotBelowTheDaysLeft(string text, int daysLeft, int? due) =>
        ReminderSchedule.Parse(text).DueFor(daysLeft).ShouldBe(due);

    [Fact]
    public void Notices_WidenWithTheLadder_AndTheLeadUnitAlwaysHears()
    {
        var item = Items.InState(SupervisionState.InProgress);
        const int parent = 10;

        var events = item.Escalate(Items.Deadline.AddDays(20), EscalationLadder.Default, "system", Items.Monday);
        var audiences = events.Select(e => SupervisionNotices.For(item, e, parent).Select(n => n.UnitId).Order().ToArray()).ToList();

        audiences[0].ShouldBe([Items.LeadUnit]);
        audiences[1].ShouldBe(new[] { parent, Items.LeadUnit }.Order().ToArray());
        audiences[2].ShouldBe(new[] { Items.OfficeUnit, Items.LeadUnit }.Order().ToArray());
        SupervisionNotices.For(item, events[0], parent).ShouldAllBe(n => n.Kind == "escalated" && n.Title.Contains(" / "));
    }
}
