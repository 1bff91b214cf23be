using System.Net;
using System.Text.Json.Nodes;
using Luoshi.Application.Readings;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Indicators;
using Luoshi.Web.Tests.Infrastructure;

namespace Luoshi.Web.Tests.Api;

public sealed class ReadingsApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Write_ThenRewrite_KeepsEveryVersion_NewestFirst(Db db)
    {
        var app = await fixture.For(db);

        var first = await (await app.Client.PostJson("/api/readings", new { indicator = "FAI", org = "330102", period = "2026-01", value = 12.5m, comment = "初报" }))
            .ShouldBeOk<ReadingView>();
        var second = await (await app.Client.PostJson("/api/readings", new { indicator = "FAI", org = "330102", period = "2026-01", value = 13.25m, comment = "更正" }))
            .ShouldBeOk<ReadingView>();
        var history = JsonNode.Parse(await app.Client.GetStringAsync("/api/readings/history?indicator=FAI&org=330102&period=2026-01"))!.AsArray();

        first.Version.ShouldBe(1);
        second.Version.ShouldBe(2);
        second.Value.ShouldBe(13.25m);
        second.Source.ShouldBe(ReadingSource.Api);
        second.UpdatedBy.ShouldBe(TestApp.AdminName);
        history.Count.ShouldBe(2);
        history[0]!["value"]!.GetValue<decimal>().ShouldBe(13.25m);
        history[0]!["comment"]!.GetValue<string>().ShouldBe("更正");
        history[1]!["value"]!.GetValue<decimal>().ShouldBe(12.5m);
        history[1]!["version"]!.GetValue<int>().ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Write_WithStaleVersion_Is409_AndNothingChanges(Db db)
    {
        var app = await fixture.For(db);
        await app.Client.PostJson("/api/readings", new { indicator = "FAI", org = "330103", period = "2026-02", value = 5m });
        await app.Client.PostJson("/api/readings", new { indicator = "FAI", org = "330103", period = "2026-02", value = 6m, version = 1 });

        var stale = await app.Client.PostJson("/api/readings", new { indicator = "FAI", org = "330103", period = "2026-02", value = 7m, version = 1 });

        await stale.ShouldBeProblem(HttpStatusCode.Conflict, "version");
        var history = await (await app.Client.GetAsync("/api/readings/history?indicator=FAI&org=330103&period=2026-02")).ShouldBeOk<List<ReadingVersionView>>();
        history.Select(h => h.Value).ShouldBe([6m, 5m]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Write_HostileInputs_AreRefusedNamingTheField(Db db)
    {
        var app = await fixture.For(db);
        (object Body, string Field)[] cases =
        [
            (new { indicator = "NOPE", org = "330100", period = "2026-01", value = 1 }, "indicator"),
            (new { indicator = "FAI", org = "000000", period = "2026-01", value = 1 }, "org"),
            (new { indicator = "FAI", org = "330100", period = "2026-13", value = 1 }, "period"),
            (new { indicator = "FAI", org = "330100", period = "2026Q1", value = 1 }, "period"),
            (new { indicator = "FAI", org = "330100", period = "'; drop table readings; --", value = 1 }, "period"),
            (new { indicator = "FAI", org = "330100", period = "2026-01" }, "value"),
            (new { indicator = "PRIVATE_SHARE", org = "330100", period = "2026-01", value = 30 }, "indicator"),
            (new { indicator = "FAI", org = "330100", period = "2026-01", value = 1, comment = new string('长', 3000) }, "comment"),
        ];
        foreach (var (body, field) in cases)
        {
            await (await app.Client.PostJson("/api/readings", body)).ShouldBeProblem(HttpStatusCode.BadRequest, field);
        }

        await (await app.Client.PostRaw("/api/readings", """{"indicator":"FAI","org":"330100","period":"2026-01","value":"12,5"}""")).ShouldBeProblem(HttpStatusCode.BadRequest, "value");
        await (await app.Client.PostRaw("/api/readings", """{"indicator":"FAI","org":"330100","period":"2026-01","value":1e400}""")).ShouldBeProblem(HttpStatusCode.BadRequest, "value");
        (await app.Client.GetAsync("/api/readings?indicator=FAI&org=330100")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await app.Client.GetAsync("/api/readings?indicator=FAI&org=330100")).ShouldBeOk<List<ReadingView>>()).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task History_OfAnEmptyCell_Is404_AndBadPeriodIs400(Db db)
    {
        var app = await fixture.For(db);

        await (await app.Client.GetAsync("/api/readings/history?indicator=FAI&org=330200&period=2020-01")).ShouldBeProblem(HttpStatusCode.NotFound);
        await (await app.Client.GetAsync("/api/readings/history?indicator=FAI&org=330200&period=soon")).ShouldBeProblem(HttpStatusCode.BadRequest, "period");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Query_ByPeriodRange_ReturnsTheCellsInside(Db db)
    {
        var app = await fixture.For(db);
        foreach (var month in new[] { "2025-11", "2025-12", "2026-01", "2026-02" })
        {
            await app.Client.PostJson("/api/readings", new { indicator = "PRIVATE_INV", org = "330200", period = month, value = 1m });
        }

        var rows = await (await app.Client.GetAsync("/api/readings?indicator=PRIVATE_INV&org=330200&from=2025-12&to=2026-01")).ShouldBeOk<List<ReadingView>>();
        var year = await (await app.Client.GetAsync("/api/readings?indicator=PRIVATE_INV&org=330200&from=2026&to=2026")).ShouldBeOk<List<ReadingView>>();

        rows.Select(r => r.Period).ShouldBe(["2025-12", "2026-01"]);
        year.Select(r => r.Period).ShouldBe(["2026-01", "2026-02"]);
        await (await app.Client.GetAsync("/api/readings?from=later")).ShouldBeProblem(HttpStatusCode.BadRequest, "from");
        await (await app.Client.GetAsync("/api/readings?limit=0")).ShouldBeProblem(HttpStatusCode.BadRequest, "limit");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Import_RecordsApprovedVersionsWithSourceImport_AndLocksTheCellAgainstPlainWrites(Db db)
    {
        var app = await fixture.For(db);

        var summary = await app.ImportCsvAsync(ImportKind.Readings, "indicator,org,period,value\nFAI,330200,2026-03,44.5\nUNEMP,330200,2026-03,4.9\n");
        var plainWrite = await app.Client.PostJson("/api/readings", new { indicator = "FAI", org = "330200", period = "2026-03", value = 1m });
        var again = await app.ImportCsvAsync(ImportKind.Readings, "indicator,org,period,value\nFAI,330200,2026-03,44.5\nUNEMP,330200,2026-03,5.0\n");

        summary.Created.ShouldBe(2);
        await plainWrite.ShouldBeProblem(HttpStatusCode.Conflict, "value");
        again.Unchanged.ShouldBe(1);
        again.Updated.ShouldBe(1);
        var history = await (await app.Client.GetAsync("/api/readings/history?indicator=UNEMP&org=330200&period=2026-03")).ShouldBeOk<List<ReadingVersionView>>();
        history.Select(h => (h.Value, h.State, h.Source)).ShouldBe([(5.0m, ReadingState.Approved, ReadingSource.Import), (4.9m, ReadingState.Approved, ReadingSource.Import)]);
    }
}
