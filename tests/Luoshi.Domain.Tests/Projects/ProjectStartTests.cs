using Luoshi.Domain.Projects;

namespace Luoshi.Domain.Tests.Projects;

public sealed class ProjectStartTests
{
    private static readonly DateOnly Planned = new(2026, 3, 10);

    [Theory]
    [InlineData("2026-03-02", "2026-06-30", ProjectStartStatus.OnTime, -8)]
    [InlineData("2026-03-31", "2026-06-30", ProjectStartStatus.OnTime, 21)]
    [InlineData("2026-04-01", "2026-06-30", ProjectStartStatus.Late, 22)]
    [InlineData(null, "2026-03-09", ProjectStartStatus.NotDue, -1)]
    [InlineData(null, "2026-03-25", ProjectStartStatus.Overdue, 15)]
    [InlineData("2026-05-01", "2026-04-30", ProjectStartStatus.Overdue, 51)]
    public void Of_JudgesTheStartByThePlannedMonth(string? actual, string asOf, ProjectStartStatus status, int days)
    {
        var start = ProjectStart.Of(Planned, actual is null ? null : DateOnly.Parse(actual, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture));

        start.Status.ShouldBe(status);
        start.Days.ShouldBe(days);
        start.Reason.ShouldStartWith("计划2026-03-10开工");
        start.ReasonEn.ShouldStartWith("planned to start on 2026-03-10");
    }

    [Fact]
    public void Of_AnOverdueStart_SaysByHowManyDays()
    {
        ProjectStart.Of(Planned, null, new DateOnly(2026, 4, 1)).Reason.ShouldBe("计划2026-03-10开工,截至2026-04-01尚未开工,已逾期22天");
    }
}
