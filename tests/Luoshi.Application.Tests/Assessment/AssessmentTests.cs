using System.Text;
using Luoshi.Application.Assessment;
using Luoshi.Application.Common;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Assessment;
using Luoshi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Tests.Assessment;

/// <summary>
/// The assessment's use cases on a stored database: a run is reproducible, publishing freezes it, an appeal makes a
/// new version that supersedes the old and leaves it as it was, and the transitions the state does not allow are refused.
/// </summary>
public sealed class AssessmentTests
{
    private const string Orgs = """
        code,name,kind,parent
        330000,测试省,Province,
        330100,甲市,City,330000
        330200,乙市,City,330000
        330300,丙市,City,330000
        """;

    private const string Indicators = """
        code,name,unit,direction,frequency,valueKind,aggregation,formula,tolerance,profile
        FAI,固定资产投资,亿元,higher,month,cumulative,sum,,5%,linear
        """;

    // June of a linear profile expects half the year: 甲市 330 of 600 → 55%; 乙市 480 of 400 → capped at 100%.
    private const string Targets = "indicator,org,year,value,qualifier\nFAI,330100,2026,1200,atLeast\nFAI,330200,2026,800,atLeast\n";
    private const string Readings = "indicator,org,period,value\nFAI,330100,2026-06,330\nFAI,330200,2026-06,480\n";

    private const string Scheme = """
        { "name": "测试考核", "year": 2026, "period": "2026-06", "group": ["330100", "330200"],
          "criteria": [
            { "code": "INV", "name": "投资序时进度", "points": 60, "indicator": "FAI", "method": { "type": "attainment" } },
            { "code": "WORK", "name": "重点工作", "points": 40, "source": "manual", "method": { "type": "linear", "floor": 0, "ceiling": 40 },
              "scores": [ { "org": "330100", "points": 38, "evidence": "督查报告" }, { "org": "330200", "points": 30, "evidence": "督查报告" } ] } ],
          "adjustments": [ { "org": "330100", "points": 1, "reason": "改革试点" } ],
          "grades": [ { "name": "优秀", "minScore": 90 }, { "name": "良好", "minScore": 60 }, { "name": "一般" } ], "vetoGrade": "不合格" }
        """;

    private static async Task<AppHost> Seeded(Db db)
    {
        var host = await AppHost.StartAsync(db);
        await Import(host, ImportKind.Orgs, Orgs);
        await Import(host, ImportKind.Indicators, Indicators);
        await Import(host, ImportKind.Targets, Targets);
        await Import(host, ImportKind.Readings, Readings);
        return host;
    }

    private static Task<ImportSummary> Import(AppHost host, ImportKind kind, string csv) =>
        host.ImportCsv(kind, csv);

    private static Task<AssessmentResult> Run(AppHost host, string scheme = Scheme) => host.Run<RunAssessment, AssessmentResult>(r => r.Handle(scheme, null, default));

    private static Task<AssessmentResult> Publish(AppHost host, int id) => host.Run<PublishRun, AssessmentResult>(p => p.Handle(id, default));

    private static Task<AssessmentResult> Appeal(AppHost host, int id, string? org = "330100", decimal? points = 2, string? reason = "统计口径调整后补计投资") =>
        host.Run<AcceptAppeal, AssessmentResult>(a => a.Handle(id, new(org, points, reason), default));

    private static Task<VerifyRun.Result> Verify(AppHost host, int id) => host.Run<VerifyRun, VerifyRun.Result>(v => v.Handle(id, default));

    private static Task<AssessmentResult> Get(AppHost host, int id) => host.Run<GetRun, AssessmentResult>(g => g.Handle(id, default));

    private static string Json(IReadOnlyList<UnitResultView> results) => System.Text.Json.JsonSerializer.Serialize(results, SchemeJson.Options);

    private static UnitResultView Unit(AssessmentResult run, string org) => run.Results.Single(r => r.Org == org);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ARun_IsADraft_ThatRecomputesToTheSameHash_UntilTheDataItReadChanges(Db db)
    {
        await using var host = await Seeded(db);
        var run = await Run(host);

        var before = await Verify(host, run.RunId!.Value);
        await Import(host, ImportKind.Readings, "indicator,org,period,value\nFAI,330100,2026-06,360\n");
        var after = await Verify(host, run.RunId!.Value);

        run.State.ShouldBe(RunState.Draft);
        Unit(run, "330100").Criteria.Single(c => c.Code == "INV").Points.ShouldBe(33m);
        Unit(run, "330100").Score.ShouldBe(33m + 38m + 1m);
        before.Same.ShouldBeTrue();
        before.Recomputed.ShouldBe(run.InputsHash);
        after.Same.ShouldBeFalse();
        after.Stored.ShouldBe(run.InputsHash);
        Json((await Get(host, run.RunId!.Value)).Results).ShouldBe(Json(run.Results), "the stored result is what was computed, whatever the data says now");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheSameScheme_RunTwice_IsOneVersion_AChangedOneTheNext(Db db)
    {
        await using var host = await Seeded(db);

        var first = await Run(host);
        var again = await Run(host, Scheme.Replace("\n", " ", StringComparison.Ordinal));
        var changed = await Run(host, Scheme.Replace("\"points\": 1,", "\"points\": 2,", StringComparison.Ordinal));

        first.SchemeVersion.ShouldBe(1);
        again.SchemeVersion.ShouldBe(1);
        again.RunId.ShouldNotBe(first.RunId);
        again.InputsHash.ShouldBe(first.InputsHash);
        changed.SchemeVersion.ShouldBe(2);
        (await host.Query(d => d.AssessmentSchemes.CountAsync())).ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Publishing_FreezesTheRun_ASecondPublicationIsAConflict(Db db)
    {
        await using var host = await Seeded(db);
        var run = await Run(host);

        var published = await Publish(host, run.RunId!.Value);
        var again = await Should.ThrowAsync<DomainConflictException>(() => Publish(host, run.RunId!.Value));
        var stored = await host.Query(d => d.AssessmentRuns.SingleAsync(r => r.Id == run.RunId));

        published.State.ShouldBe(RunState.Published);
        Json(published.Results).ShouldBe(Json(run.Results));
        again.Field.ShouldBe("state");
        stored.PublishedBy.ShouldBe("tester");
        stored.PublishedAt.ShouldBe(AppHost.Now);
        stored.Version.ShouldBe(2);
        await Should.ThrowAsync<NotFoundException>(() => Publish(host, 99999));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnAppeal_MakesANewPublishedVersion_ThatSupersedesTheOld_AndKeepsItAsItWas(Db db)
    {
        await using var host = await Seeded(db);
        var run = await Run(host);
        await Publish(host, run.RunId!.Value);

        var appealed = await Appeal(host, run.RunId!.Value);
        var old = await Get(host, run.RunId!.Value);
        var stored = await host.Query(d => d.AssessmentRuns.AsNoTracking().SingleAsync(r => r.Id == appealed.RunId));

        appealed.State.ShouldBe(RunState.Published);
        appealed.SchemeVersion.ShouldBe(run.SchemeVersion);
        Unit(appealed, "330100").Score.ShouldBe(Unit(run, "330100").Score + 2);
        Unit(appealed, "330100").Adjustments.Select(a => a.Reason).ShouldBe(["改革试点", "申诉 / appeal: 统计口径调整后补计投资"]);
        old.State.ShouldBe(RunState.Superseded);
        Json(old.Results).ShouldBe(Json(run.Results));
        old.InputsHash.ShouldBe(run.InputsHash);
        stored.SupersedesId.ShouldBe(run.RunId);
        stored.Appeals.ShouldBe([new Adjustment("330100", 2, "申诉 / appeal: 统计口径调整后补计投资")]);
        (await Verify(host, appealed.RunId!.Value)).Same.ShouldBeTrue();
        (await Verify(host, run.RunId!.Value)).Same.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AppealsAccumulate_OnTheLatestVersion_AndAnEarlierOneIsRefused(Db db)
    {
        await using var host = await Seeded(db);
        var run = await Run(host);
        await Publish(host, run.RunId!.Value);

        var second = await Appeal(host, run.RunId!.Value);
        var third = await Appeal(host, second.RunId!.Value, "330200", -1.5m, "数据差错");
        var refused = await Should.ThrowAsync<DomainConflictException>(() => Appeal(host, run.RunId!.Value, "330200", 1, "再次申诉"));

        Unit(third, "330100").Score.ShouldBe(Unit(run, "330100").Score + 2);
        Unit(third, "330200").Score.ShouldBe(Unit(run, "330200").Score - 1.5m);
        (await Get(host, second.RunId!.Value)).State.ShouldBe(RunState.Superseded);
        (await Verify(host, third.RunId!.Value)).Same.ShouldBeTrue();
        refused.Field.ShouldBe("state");
        (await host.Query(d => d.AssessmentRuns.CountAsync())).ShouldBe(3);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnAppeal_OnADraft_OrNamingNoUnitOfTheGroup_IsRefused_AndStoresNothing(Db db)
    {
        await using var host = await Seeded(db);
        var run = await Run(host);

        var onDraft = await Should.ThrowAsync<DomainConflictException>(() => Appeal(host, run.RunId!.Value));
        await Publish(host, run.RunId!.Value);
        var outsider = await Should.ThrowAsync<DomainException>(() => Appeal(host, run.RunId!.Value, org: "330300"));
        var noPoints = await Should.ThrowAsync<DomainException>(() => Appeal(host, run.RunId!.Value, points: null));
        var longReason = await Should.ThrowAsync<DomainException>(() => Appeal(host, run.RunId!.Value, reason: new string('理', 3000)));

        onDraft.Field.ShouldBe("state");
        outsider.Field.ShouldBe("org");
        noPoints.Field.ShouldBe("points");
        longReason.Field.ShouldBe("reason");
        (await host.Query(d => d.AssessmentRuns.CountAsync())).ShouldBe(1);
        (await Get(host, run.RunId!.Value)).State.ShouldBe(RunState.Published);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AVeto_GradesTheUnitWithTheVetoGrade_WhateverItsScore(Db db)
    {
        await using var host = await Seeded(db);
        var vetoed = Scheme.Replace("\"vetoGrade\"", "\"veto\": [ { \"org\": \"330200\", \"reason\": \"发生较大生产安全事故\" } ], \"vetoGrade\"", StringComparison.Ordinal);

        var run = await Run(host, vetoed);

        var b = Unit(run, "330200");
        b.Score.ShouldBe(90m);
        b.Rank.ShouldBe(1);
        b.Vetoed.ShouldBeTrue();
        b.Grade.ShouldBe("不合格");
        b.VetoReason.ShouldBe("发生较大生产安全事故");
        Unit(run, "330100").Grade.ShouldBe("良好");
        (await Verify(host, run.RunId!.Value)).Same.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EqualScores_ShareTheBetterRank_AndTheNextRankIsSkipped(Db db)
    {
        await using var host = await Seeded(db);
        const string tied = """
            { "name": "并列测试", "year": 2026, "period": "2026-06", "group": ["330100", "330200", "330300"],
              "criteria": [ { "code": "WORK", "name": "重点工作", "points": 40, "source": "manual", "method": { "type": "linear", "floor": 0, "ceiling": 40 },
                  "scores": [ { "org": "330100", "points": 30 }, { "org": "330200", "points": 30 }, { "org": "330300", "points": 20 } ] } ],
              "grades": [ { "name": "第一等", "topShare": 0.34 }, { "name": "其他" } ] }
            """;

        var run = await Run(host, tied);

        run.Results.Select(r => (r.Org, r.Rank)).OrderBy(r => r.Org, StringComparer.Ordinal).ShouldBe([("330100", 1), ("330200", 1), ("330300", 3)]);
        Unit(run, "330100").Grade.ShouldBe("第一等");
        Unit(run, "330200").Grade.ShouldBe("第一等");
        Unit(run, "330300").Grade.ShouldBe("其他");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ARunStoredBeforeAppealsWereTyped_ReadsItsAppeals_AndStillVerifies(Db db)
    {
        await using var host = await Seeded(db);
        var run = await Run(host);
        await Publish(host, run.RunId!.Value);
        var appealed = await Appeal(host, run.RunId!.Value);

        // The column holds the list as the earlier code wrote it: camel-case keys, Chinese unescaped.
        var raw = await host.Query(d => d.Database.SqlQueryRaw<string>("SELECT \"AppealReason\" AS \"Value\" FROM assessment_runs WHERE \"Id\" = {0}", appealed.RunId!.Value).SingleAsync());
        var draftRaw = await host.Query(d => d.Database.SqlQueryRaw<string>("SELECT COALESCE(\"AppealReason\", 'null') AS \"Value\" FROM assessment_runs WHERE \"Id\" = {0}", run.RunId!.Value).SingleAsync());

        raw.ShouldBe("""[{"org":"330100","points":2,"reason":"申诉 / appeal: 统计口径调整后补计投资"}]""");
        draftRaw.ShouldBe("null");
        (await Verify(host, appealed.RunId!.Value)).Same.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Preview_ScoresWithoutStoring(Db db)
    {
        await using var host = await Seeded(db);

        var preview = await host.Run<PreviewAssessment, AssessmentResult>(p => p.Handle(Scheme, null, default));

        preview.RunId.ShouldBeNull();
        preview.State.ShouldBeNull();
        Unit(preview, "330200").Score.ShouldBe(90m);
        (await host.Query(d => d.AssessmentRuns.CountAsync())).ShouldBe(0);
        (await host.Query(d => d.AssessmentSchemes.CountAsync())).ShouldBe(0);
    }
}
