using Luoshi.Application.Common;
using Luoshi.Application.Evaluation;
using Luoshi.Application.Projects;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Luoshi.Application.Tests.Common;

/// <summary>
/// "Today" is China's calendar day in every use case, whatever zone the host runs in (the test clock's host zone is
/// UTC): at 17:00 UTC on 30 June it is already 1 July in China.
/// </summary>
public sealed class LocalCalendarTests
{
    private static readonly DateTimeOffset EveningOf30JuneUtc = new(2026, 6, 30, 17, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UseCases_At17hUtcOn30June_JudgeAsOf1July(Db db)
    {
        await using var host = await AppHost.StartAsync(db);
        host.Clock.Now = EveningOf30JuneUtc;

        var evaluation = await host.Run<Evaluate, EvaluationView>(e => e.Handle(new Evaluate.Query(), default));
        var projects = await host.Run<ProjectQueries, ProjectPage>(q => q.Browse(new ProjectFilter(), null, default));

        evaluation.AsOf.ShouldBe(new DateOnly(2026, 7, 1));
        projects.AsOf.ShouldBe(new DateOnly(2026, 7, 1));
        projects.Year.ShouldBe(2026);

        // 1 July: May's figures were due on 20 June, June's not until 20 July.
        evaluation.Period.ShouldBe("2026-05");
    }

    [Fact]
    public async Task AConfiguredZone_IsHonoured_InTheUseCases()
    {
        // New York (UTC−4 in summer, given as a fixed offset): 17:00 UTC on 30 June is 13:00 there, still 30 June.
        await using var host = await AppHost.StartAsync(Db.Sqlite, s => s.Configure<CalendarOptions>(o => o.TimeZone = "-04:00"));
        host.Clock.Now = EveningOf30JuneUtc;

        var evaluation = await host.Run<Evaluate, EvaluationView>(e => e.Handle(new Evaluate.Query(), default));
        var calendar = host.Services.GetRequiredService<LocalCalendar>();

        evaluation.AsOf.ShouldBe(new DateOnly(2026, 6, 30));
        calendar.Today.ShouldBe(new DateOnly(2026, 6, 30));
        calendar.Format(EveningOf30JuneUtc).ShouldBe("2026-06-30 13:00");
        calendar.StartOf(new DateOnly(2026, 7, 1)).ShouldBe(new DateTimeOffset(2026, 7, 1, 4, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void TheDefaultCalendar_IsChinas_AndItsLastCompleteMonth_IncludesAMonthOnItsLastDay()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 6, 29, 16, 30, 0, TimeSpan.Zero));
        var calendar = LocalCalendar.China(clock);

        calendar.Today.ShouldBe(new DateOnly(2026, 6, 30));
        calendar.Format(clock.Now).ShouldBe("2026-06-30 00:30");
        calendar.CurrentMonth.ToString().ShouldBe("2026-06");
        calendar.LastCompleteMonth.ToString().ShouldBe("2026-06");
        calendar.StartOf(new DateOnly(2026, 6, 30)).ShouldBe(new DateTimeOffset(2026, 6, 29, 16, 0, 0, TimeSpan.Zero));

        clock.Now = clock.Now.AddHours(-1);
        calendar.Today.ShouldBe(new DateOnly(2026, 6, 29));
        calendar.LastCompleteMonth.ToString().ShouldBe("2026-05");
    }

    [Theory]
    [InlineData("+08:00", 8 * 60)]
    [InlineData("UTC+8", 8 * 60)]
    [InlineData("", 8 * 60)]
    [InlineData("-04:00", -4 * 60)]
    [InlineData("GMT+05:45", 5 * 60 + 45)]
    [InlineData("UTC", 0)]
    public void Settings_NameAnOffsetOrAZone(string setting, int minutes)
    {
        var zone = CalendarOptions.Parse(setting);

        zone.GetUtcOffset(EveningOf30JuneUtc).ShouldBe(TimeSpan.FromMinutes(minutes));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("+15:00")]
    [InlineData("+08:07")]
    [InlineData("8 hours")]
    [InlineData("../../etc/passwd")]
    public async Task ABadZoneSetting_IsRefused_NamingItsKey(string setting)
    {
        await using var host = await AppHost.StartAsync(Db.Sqlite, s => s.Configure<CalendarOptions>(o => o.TimeZone = setting));

        var failure = Should.Throw<OptionsValidationException>(() => host.Services.GetRequiredService<LocalCalendar>());

        failure.Failures.ShouldContain(f => f.StartsWith("Luoshi:TimeZone: ", StringComparison.Ordinal));
    }
}
