using System.Text;
using System.Text.Json.Nodes;
using Luoshi.Application.Identity;
using Luoshi.Application.Indicators;
using Luoshi.Application.Readings;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Indicators;

namespace Luoshi.Application.Tests.Readings;

/// <summary>The audit log names a reading or a target as people do, INDICATOR/ORG/PERIOD, and a reading's entry says what the cell said and says.</summary>
public sealed class ReadingAuditTests
{
    private const string Orgs = "code,name,kind,parent\n330000,测试省,Province,\n330100,甲市,City,330000\n330102,甲一区,County,330100\n330103,甲二区,County,330100\n";

    private const string Indicators = """
        code,name,unit,direction,frequency,valueKind,aggregation,formula,tolerance,profile
        FAI,固定资产投资,亿元,higher,month,cumulative,sum,,5%,linear
        GDP,地区生产总值,亿元,higher,quarter,cumulative,sum,,5%,linear
        """;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task WriteThenCorrect_EntriesKeyedByCodes_HoldValueStateAndCommentBeforeAndAfter(Db db)
    {
        await using var host = await Seeded(db);

        await host.Run<WriteReading, ReadingView>(w => w.Handle(new("FAI", "330102", "2026-10", 120m, "初报"), ReadingSource.Entry, default));
        await host.Run<WriteReading, ReadingView>(w => w.Handle(new("FAI", "330102", "2026-10", 125.5m, "更正:补录一个项目", Version: 1), ReadingSource.Entry, default));

        var entries = await host.Run<ReadAudit, IReadOnlyList<AuditView>>(a => a.List(null, null, "FAI/330102/2026-10", 100, default));
        entries.Count.ShouldBe(2);
        entries.ShouldAllBe(e => e.Entity == nameof(Reading) && e.Actor == "tester");
        var (correction, first) = (entries[0], entries[1]);
        first.Action.ShouldBe("create");
        Json(first.After)["Value"]!.GetValue<decimal>().ShouldBe(120m);
        correction.Action.ShouldBe("update");
        var before = Json(correction.Before);
        var after = Json(correction.After);
        before["Value"]!.GetValue<decimal>().ShouldBe(120m);
        after["Value"]!.GetValue<decimal>().ShouldBe(125.5m);
        before["Comment"]!.GetValue<string>().ShouldBe("初报");
        after["Comment"]!.GetValue<string>().ShouldBe("更正:补录一个项目");

        // The state did not change, and is shown all the same: what the cell was is what the reader asks.
        before["State"]!.GetValue<string>().ShouldBe("Draft");
        after["State"]!.GetValue<string>().ShouldBe("Draft");

        // Another cell of the same indicator and unit is another key.
        (await host.Run<ReadAudit, IReadOnlyList<AuditView>>(a => a.List(null, null, "FAI/330102/2026-09", 100, default))).ShouldBeEmpty();
        (await host.Run<ReadAudit, IReadOnlyList<AuditView>>(a => a.List("tester", nameof(Reading), null, 100, default))).Select(e => e.Key).ShouldAllBe(k => k == "FAI/330102/2026-10");
        (await host.Run<ReadAudit, AuditVerification>(a => a.Verify(default))).Intact.ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Target_IsKeyedTheSameWay(Db db)
    {
        await using var host = await Seeded(db);

        await host.Run<SetTarget, TargetView>(s => s.Handle(new("GDP", "330100", "2026", 1000m, TargetQualifier.AtLeast), default));
        await host.Run<SetTarget, TargetView>(s => s.Handle(new("GDP", "330100", "2026", 1050m, TargetQualifier.AtLeast, Version: 1), default));

        var entries = await host.Run<ReadAudit, IReadOnlyList<AuditView>>(a => a.List(null, nameof(Target), "GDP/330100/2026", 100, default));
        entries.Select(e => e.Action).ShouldBe(["update", "create"]);
        Json(entries[0].Before)["Value"]!.GetValue<decimal>().ShouldBe(1000m);
        Json(entries[0].After)["Value"]!.GetValue<decimal>().ShouldBe(1050m);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_NewCellsPerIndicatorAndPeriod_ChangedCellsEachUnderTheirOwnKey_AndTheChainVerifies(Db db)
    {
        await using var host = await Seeded(db);

        await Import(host, ImportKind.Readings, "indicator,org,period,value\nFAI,330102,2026-01,10\nFAI,330103,2026-01,11\nFAI,330102,2026-02,20\nGDP,330100,2026Q1,300\n");
        await Import(host, ImportKind.Readings, "indicator,org,period,value,comment\nFAI,330102,2026-02,22,补报\n");
        await Import(host, ImportKind.Targets, "indicator,org,year,value,qualifier\nFAI,330102,2026,500,atLeast\n");

        var created = await host.Run<ReadAudit, IReadOnlyList<AuditView>>(a => a.List(null, nameof(Reading), "FAI/*/2026-01", 100, default));
        Json(created.ShouldHaveSingleItem().After)["created"]!.GetValue<int>().ShouldBe(2);
        (await host.Run<ReadAudit, IReadOnlyList<AuditView>>(a => a.List(null, nameof(Reading), "GDP/*/2026Q1", 100, default))).Count.ShouldBe(1);

        var changed = (await host.Run<ReadAudit, IReadOnlyList<AuditView>>(a => a.List(null, nameof(Reading), "FAI/330102/2026-02", 100, default))).ShouldHaveSingleItem();
        Json(changed.Before)["Value"]!.GetValue<decimal>().ShouldBe(20m);
        Json(changed.After)["Value"]!.GetValue<decimal>().ShouldBe(22m);
        Json(changed.After)["Comment"]!.GetValue<string>().ShouldBe("补报");
        (await host.Run<ReadAudit, IReadOnlyList<AuditView>>(a => a.List(null, nameof(Target), "FAI/330102/2026", 100, default))).ShouldHaveSingleItem().Action.ShouldBe("create");
        (await host.Run<ReadAudit, AuditVerification>(a => a.Verify(default))).Intact.ShouldBeTrue();
    }

    private static JsonObject Json(string? json) => JsonNode.Parse(json ?? "null")?.AsObject() ?? throw new ShouldAssertException("no JSON");

    private static Task<AppHost> Seeded(Db db) => AppHost.StartWithAsync(db, Orgs, Indicators);

    private static Task<ImportSummary> Import(AppHost host, ImportKind kind, string csv) => host.ImportCsv(kind, csv);
}
