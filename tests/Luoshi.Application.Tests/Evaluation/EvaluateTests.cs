using System.Text;
using Luoshi.Application.Common;
using Luoshi.Application.Evaluation;
using Luoshi.Application.Indicators;
using Luoshi.Application.Readings;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Indicators;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Application.Tests.Evaluation;

/// <summary>What Evaluate, EvaluateIndicator and CalendarChecks check of a query before the engine judges: its period, depth and range, and who may read where.</summary>
public sealed class EvaluateTests
{
    private const string Orgs = "code,name,kind,parent\n330000,测试省,Province,\n330100,甲市,City,330000\n330102,甲一区,County,330100\n330200,乙市,City,330000\n";

    private const string Indicators = """
        code,name,unit,direction,frequency,valueKind,aggregation,formula,tolerance,profile
        FAI,固定资产投资,亿元,higher,month,cumulative,sum,,5%,linear
        GDP,地区生产总值,亿元,higher,quarter,cumulative,sum,,5%,linear
        """;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ABadPeriodDepthOrStatus_IsRefused_NamingTheField(Db db)
    {
        await using var host = await Seeded(db);

        (await Should.ThrowAsync<DomainException>(() => Evaluate(host, new("2026-13")))).Field.ShouldBe("period");
        (await Should.ThrowAsync<DomainException>(() => Evaluate(host, new("去年")))).Field.ShouldBe("period");
        (await Should.ThrowAsync<DomainException>(() => Evaluate(host, new("2026-06", Depth: -1)))).Field.ShouldBe("depth");
        (await Should.ThrowAsync<DomainException>(() => Evaluate(host, new("2026-06", Depth: 11)))).Field.ShouldBe("depth");
        (await Should.ThrowAsync<DomainException>(() => Evaluate(host, new("2026-06", Status: "purple")))).Field.ShouldBe("status");
        await Should.ThrowAsync<NotFoundException>(() => Evaluate(host, new("2026-06", Org: "999999")));
        (await Evaluate(host, new("2026-06", Depth: 10))).Period.ShouldBe("2026-06");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AReaderBoundToOneCity_ReadsItsOwnCity_ButNotAnotherNorTheWholeProvince(Db db)
    {
        await using var host = await Seeded(db);
        await using var reader = host.SecondServer("leader", s => s.AddSingleton<ICurrentActor>(new FixedActor("leader", new ActorGrant(Role.Leader, "/330000/330100/"))));

        var own = await Evaluate(reader, new("2026-06", Org: "330100", Depth: 1));
        own.Rows.Select(r => r.Org).Distinct().Order().ShouldBe(["330100", "330102"]);
        (await Evaluate(reader, new("2026-06", Org: "330102"))).Rows.ShouldAllBe(r => r.Org == "330102");

        await Should.ThrowAsync<ForbiddenException>(() => Evaluate(reader, new("2026-06", Org: "330200")));
        await Should.ThrowAsync<ForbiddenException>(() => Evaluate(reader, new("2026-06")));
        await Should.ThrowAsync<ForbiddenException>(() => reader.Run<EvaluateIndicator, IReadOnlyList<EvaluationRowView>>(e => e.Handle("FAI", "330200", "2026-01", "2026-06", null, default)));
        (await reader.Run<EvaluateIndicator, IReadOnlyList<EvaluationRowView>>(e => e.Handle("FAI", "330102", "2026-01", "2026-06", null, default))).Count.ShouldBe(6);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task WithoutAPeriod_TheLatestMonthDueIsJudged_DueOnThe20thOfTheFollowingMonth(Db db)
    {
        await using var host = await Seeded(db);

        (await Evaluate(host, new(AsOf: new DateOnly(2026, 7, 19)))).Period.ShouldBe("2026-05");
        (await Evaluate(host, new(AsOf: new DateOnly(2026, 7, 20)))).Period.ShouldBe("2026-06");
        (await Evaluate(host, new(AsOf: new DateOnly(2026, 1, 25)))).Period.ShouldBe("2025-12");
        (await Evaluate(host, new(AsOf: new DateOnly(2026, 1, 5)))).Period.ShouldBe("2025-11");

        // Without a date, today in China: 02:00 on 20 July there is still 19 July in UTC.
        host.Clock.Now = new DateTimeOffset(2026, 7, 20, 2, 0, 0, TimeSpan.FromHours(8));
        var today = await Evaluate(host, new());
        (today.Period, today.AsOf).ShouldBe(("2026-06", new DateOnly(2026, 7, 20)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task DepthAndFilters_NarrowTheRows_AndAnOnTrackValueIsGreen(Db db)
    {
        await using var host = await Seeded(db);
        await host.Run<WriteReadings, IReadOnlyList<ReadingView>>(w => w.Handle(new([new("FAI", "330102", "2026-06", 600m)]), ReadingSource.Entry, default));

        var city = await Evaluate(host, new("2026-06", Org: "330100", Depth: 0));
        city.Rows.Select(r => r.Org).Distinct().ShouldBe(["330100"]);

        var withCounties = await Evaluate(host, new("2026-06", Org: "330100", Depth: 1, Indicator: "FAI"));
        var county = withCounties.Rows.Single(r => r.Org == "330102");
        county.Actual.ShouldBe(600d);
        county.Expected.ShouldBe(600d, "half the annual target by the end of June, on a linear profile");
        county.Status.ShouldBe(EvaluationStatus.Green);
        withCounties.Rows.ShouldAllBe(r => r.Indicator == "FAI");

        var green = await Evaluate(host, new("2026-06", Org: "330100", Depth: 1, Status: "green"));
        green.Rows.Select(r => (r.Indicator, r.Org)).ShouldContain(("FAI", "330102"));
        green.Rows.ShouldAllBe(r => r.Status == EvaluationStatus.Green);
        (await Evaluate(host, new("2026-06", Org: "330100", Depth: 1, Status: "red"))).Rows.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EvaluateIndicator_RefusesARangeOfTheWrongKindOrOrderOrLength(Db db)
    {
        await using var host = await Seeded(db);

        Task<IReadOnlyList<EvaluationRowView>> Run(string? indicator, string? org, string? from, string? to) =>
            host.Run<EvaluateIndicator, IReadOnlyList<EvaluationRowView>>(e => e.Handle(indicator, org, from, to, null, default));

        (await Should.ThrowAsync<InputRefusedException>(() => Run(null, "330102", null, null))).Errors.ShouldHaveSingleItem().Field.ShouldBe("indicator");
        (await Should.ThrowAsync<InputRefusedException>(() => Run("FAI", " ", null, null))).Errors.ShouldHaveSingleItem().Field.ShouldBe("org");
        await Should.ThrowAsync<NotFoundException>(() => Run("NOPE", "330102", null, null));
        (await Should.ThrowAsync<DomainException>(() => Run("FAI", "330102", "2026-06", "2026-01"))).Field.ShouldBe("from");
        (await Should.ThrowAsync<DomainException>(() => Run("FAI", "330102", "2026Q1", "2026Q2"))).Field.ShouldBe("from");
        (await Should.ThrowAsync<DomainException>(() => Run("FAI", "330102", "2018-01", "2026-01"))).Field.ShouldBe("to");

        // Eight years of months is accepted; only 2026 has a target, so only its month is judged.
        (await Run("FAI", "330102", "2018-02", "2026-01")).Select(r => r.Period).ShouldBe(["2026-01"]);
        (await Run("GDP", "330102", null, "2026Q3")).Select(r => r.Period).ShouldBe(["2026Q1", "2026Q2", "2026Q3"]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CalendarChecks_RefuseAYearOutsideTheRange_AndRunEachCheckOnlyOnceItsMonthIsDue(Db db)
    {
        await using var host = await Seeded(db);

        Task<CalendarChecksView> Run(int? year, DateOnly? asOf) =>
            host.Run<CalendarChecks, CalendarChecksView>(c => c.Handle(year, null, asOf, default));

        (await Should.ThrowAsync<DomainException>(() => Run(Period.MinYear - 1, null))).Field.ShouldBe("year");
        (await Should.ThrowAsync<DomainException>(() => Run(Period.MaxYear + 1, null))).Field.ShouldBe("year");

        var beforeMarchIsDue = await Run(2026, new DateOnly(2026, 4, 19));
        (beforeMarchIsDue.FirstQuarter, beforeMarchIsDue.HalfYear).ShouldBe((null, null));

        var afterMarch = await Run(2026, new DateOnly(2026, 4, 20));
        afterMarch.FirstQuarter.ShouldNotBeNull().Period.ToString().ShouldBe("2026-03");
        afterMarch.HalfYear.ShouldBeNull();

        var today = await Run(null, null);
        today.Year.ShouldBe(2026);
        today.FirstQuarter.ShouldNotBeNull();
        today.HalfYear.ShouldNotBeNull().Period.ToString().ShouldBe("2026-06");
    }

    private static Task<EvaluationView> Evaluate(AppHost host, Evaluate.Query q) =>
        host.Run<Evaluate, EvaluationView>(e => e.Handle(q, default));

    private static async Task<AppHost> Seeded(Db db)
    {
        var host = await AppHost.StartAsync(db);
        await Import(host, ImportKind.Orgs, Orgs);
        await Import(host, ImportKind.Indicators, Indicators);

        // The engine judges the indicator × unit pairs that have a target or a value.
        foreach (var org in new[] { "330100", "330102", "330200" })
        {
            await host.Run<SetTarget, TargetView>(s => s.Handle(new("FAI", org, "2026", 1200m, TargetQualifier.AtLeast), default));
        }

        await host.Run<SetTarget, TargetView>(s => s.Handle(new("GDP", "330102", "2026", 3000m, TargetQualifier.AtLeast), default));
        return host;
    }

    private static Task<ImportSummary> Import(AppHost host, ImportKind kind, string csv) =>
        host.ImportCsv(kind, csv);
}
