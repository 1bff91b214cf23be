using Luoshi.Domain.Policies;

namespace Luoshi.Domain.Tests.Policies;

public sealed class WorkingCalendarTests
{
    /// <summary>2026's Spring Festival as the State Council set it: 15–23 February off, Saturdays 14 and 28 February worked.</summary>
    internal static WorkingCalendar SpringFestival2026()
    {
        var days = new List<CalendarDay>();
        for (var d = new DateOnly(2026, 2, 15); d <= new DateOnly(2026, 2, 23); d = d.AddDays(1))
        {
            days.Add(new CalendarDay(d, CalendarDayKind.Holiday));
        }

        days.Add(new CalendarDay(new DateOnly(2026, 2, 14), CalendarDayKind.Workday));
        days.Add(new CalendarDay(new DateOnly(2026, 2, 28), CalendarDayKind.Workday));
        return new WorkingCalendar(days);
    }

    [Fact]
    public void IsWorkingDay_FollowsTheWeekThenTheHolidaysAndMakeUpDays()
    {
        var c = SpringFestival2026();
        c.IsWorkingDay(new DateOnly(2026, 2, 13)).ShouldBeTrue();   // Friday
        c.IsWorkingDay(new DateOnly(2026, 2, 14)).ShouldBeTrue();   // Saturday worked (调休)
        c.IsWorkingDay(new DateOnly(2026, 2, 16)).ShouldBeFalse();  // Monday in the holiday
        c.IsWorkingDay(new DateOnly(2026, 2, 21)).ShouldBeFalse();  // Saturday in the holiday
        c.IsWorkingDay(new DateOnly(2026, 3, 7)).ShouldBeFalse();   // an ordinary Saturday
    }

    [Fact]
    public void Deadline_SkipsTheHoliday_AndCountsTheMakeUpSaturday()
    {
        // From Friday 13 February: 14 (Saturday worked) = 1, then 24, 25, 26, 27 February = 2..5.
        SpringFestival2026().Deadline(new DateOnly(2026, 2, 13), 5).ShouldBe(new DateOnly(2026, 2, 27));

        // Without the calendar the same five days end on Friday 20 February.
        WorkingCalendar.WeekendsOnly.Deadline(new DateOnly(2026, 2, 13), 5).ShouldBe(new DateOnly(2026, 2, 20));
        SpringFestival2026().Deadline(new DateOnly(2026, 3, 2), 0).ShouldBe(new DateOnly(2026, 3, 2));
    }

    [Fact]
    public void WorkingDaysBetween_CountsDaysAfterTheStartUpToAndIncludingTheEnd()
    {
        var c = SpringFestival2026();
        c.WorkingDaysBetween(new DateOnly(2026, 2, 13), new DateOnly(2026, 2, 28)).ShouldBe(6);
        c.WorkingDaysBetween(new DateOnly(2026, 2, 13), new DateOnly(2026, 2, 13)).ShouldBe(0);
        c.WorkingDaysBetween(new DateOnly(2026, 2, 28), new DateOnly(2026, 2, 13)).ShouldBe(0);
        c.WorkingDaysBetween(new DateOnly(2026, 3, 6), new DateOnly(2026, 3, 9)).ShouldBe(1);
    }

    [Fact]
    public void Deadline_RefusesANegativeLimit()
    {
        Should.Throw<Luoshi.Domain.Common.DomainException>(() => WorkingCalendar.WeekendsOnly.Deadline(new DateOnly(2026, 3, 2), -1)).Field.ShouldBe("timeLimitDays");
    }
}
