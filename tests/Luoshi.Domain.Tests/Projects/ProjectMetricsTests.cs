using Luoshi.Domain.Common;
using Luoshi.Domain.Projects;

namespace Luoshi.Domain.Tests.Projects;

public sealed class ProjectMetricsTests
{
    private static ProjectFacts Project(string code, string start, string? started, decimal plan, params (int Month, decimal Amount)[] months) => new(
        code, "/330000/330100/", "交通", 1000, 40, DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2028, 12, 31),
        started is null ? null : DateOnly.Parse(started, System.Globalization.CultureInfo.InvariantCulture), null, plan, months.ToDictionary(m => m.Month, m => m.Amount));

    [Fact]
    public void Summarize_CountsPlannedStartsInTheYearOnly_AndCompletionThroughTheLastCompleteMonth()
    {
        ProjectFacts[] projects =
        [
            Project("A", "2026-03-01", "2026-03-10", 100, (3, 10), (4, 10), (5, 10), (6, 10), (7, 99)),
            Project("B", "2026-05-01", null, 50),
            Project("C", "2025-06-01", "2025-06-01", 150, (1, 20), (6, 10)),
            Project("D", "2026-09-01", null, 0),
        ];

        var s = ProjectMetrics.Summarize(projects, 2026, new DateOnly(2026, 7, 15));

        // Planned to start by 15 July: A and B (C continues from 2025; D is due in September). A started: 1 of 2.
        s.PlannedToStart.ShouldBe(2);
        s.Started.ShouldBe(1);
        s.StartRate.ShouldBe(50);

        // Through June (July is not complete): A 40 + C 30 = 70 of a plan of 300 → 23.3%.
        s.AnnualPlan.ShouldBe(300m);
        s.CompletedYtd.ShouldBe(70m);
        s.CompletionRate!.Value.ShouldBe(70.0 / 300 * 100, 1e-9);

        // S-curve at month 6: 3(½)² − 2(½)³ = 0.5 → 150 expected.
        s.TimeShare.ShouldBe(0.5);
        s.ExpectedYtd.ShouldBe(150m);
        s.PrivateShare.ShouldBe(40);
        s.Reason.ShouldContain("开工率50.0%");
    }

    [Fact]
    public void Summarize_APastYear_CountsAllTwelveMonths_AndNoProjects_GiveNoRates()
    {
        var s = ProjectMetrics.Summarize([Project("A", "2025-02-01", "2025-02-01", 120, (12, 30), (1, 10))], 2025, new DateOnly(2026, 3, 1));
        var none = ProjectMetrics.Summarize([], 2026, new DateOnly(2026, 3, 1));

        s.CompletedYtd.ShouldBe(40m);
        s.ExpectedYtd.ShouldBe(120m);
        none.StartRate.ShouldBeNull();
        none.CompletionRate.ShouldBeNull();
    }

    [Fact]
    public void Summarize_OnTheLastDayOfJune_CountsJune_TheDayBefore_LeavesItOut()
    {
        ProjectFacts[] projects = [Project("A", "2026-03-01", "2026-03-10", 100, (3, 10), (6, 15))];

        var onThe30th = ProjectMetrics.Summarize(projects, 2026, new DateOnly(2026, 6, 30));
        var onThe29th = ProjectMetrics.Summarize(projects, 2026, new DateOnly(2026, 6, 29));

        onThe30th.CompletedYtd.ShouldBe(25m);
        onThe30th.TimeShare.ShouldBe(0.5);
        onThe29th.CompletedYtd.ShouldBe(10m);
        onThe29th.TimeShare!.Value.ShouldBeLessThan(0.5);
    }

    [Theory]
    [InlineData(2025, "2026-06-30", "2025-12-31")]
    [InlineData(2026, "2026-06-30", "2026-06-30")]
    [InlineData(2027, "2026-06-30", "2026-06-30")]
    public void JudgedOn_APastYearAtItsEnd_TheCurrentYearToday(int year, string today, string expected) =>
        ProjectMetrics.JudgedOn(year, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Project_RefusesImpossibleDates()
    {
        var p = MajorProject.Register("XM1", "测试项目", 1, "交通");

        Should.Throw<DomainException>(() => p.Plan(100, new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 1), 0, null)).Field.ShouldBe("plannedCompletion");
        Should.Throw<DomainException>(() => p.Plan(0, new DateOnly(2026, 5, 1), new DateOnly(2027, 4, 1), 0, null)).Field.ShouldBe("totalInvestment");
        Should.Throw<DomainException>(() => p.Plan(10, new DateOnly(2026, 5, 1), new DateOnly(2027, 4, 1), 120, null)).Field.ShouldBe("privateShare");
        p.Start(new DateOnly(2026, 5, 3));
        p.Stage.ShouldBe(ProjectStage.NewStart);
        Should.Throw<DomainException>(() => p.Complete(new DateOnly(2026, 5, 1))).Field.ShouldBe("actualCompletion");
        p.Complete(new DateOnly(2027, 5, 1));
        p.Stage.ShouldBe(ProjectStage.Completed);
    }

    [Fact]
    public void Progress_IsOfAMonth_NeverAQuarterOrAYear()
    {
        new ProjectProgress(1, Period.OfMonth(2026, 5), 2m).Month.ToString().ShouldBe("2026-05");
        Should.Throw<DomainException>(() => new ProjectProgress(1, Period.OfQuarter(2026, 2), 2m)).Field.ShouldBe("month");
        Should.Throw<DomainException>(() => new ProjectProgress(1, Period.OfYear(2026), 2m)).Field.ShouldBe("month");
    }
}
