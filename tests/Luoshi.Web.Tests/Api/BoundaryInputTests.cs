using System.Net;
using System.Text.Json.Nodes;
using Luoshi.Application.Readings;
using Luoshi.Web.Tests.Infrastructure;

namespace Luoshi.Web.Tests.Api;

/// <summary>
/// What the doors refuse before anything reaches a database, alike on SQLite and PostgreSQL: numbers beyond the
/// amount columns, NUL and other control characters, half surrogate pairs — each input the reliability suite's fuzz
/// once answered 500 on PostgreSQL is here, refused with a problem naming the field.
/// </summary>
public sealed class BoundaryInputTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string DecimalMax = "79228162514264337593543950335";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Reading_WithDecimalMaximum_Is400NamingValue_AndNothingIsWritten(Db db)
    {
        var app = await fixture.For(db);

        var response = await app.Client.PostRaw("/api/readings", $$"""{"indicator":"FAI","org":"330202","period":"2026-07","value":{{DecimalMax}}}""");

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "value");
        (await (await app.Client.GetAsync("/api/readings?indicator=FAI&org=330202")).ShouldBeOk<List<ReadingView>>()).ShouldNotContain(r => r.Period == "2026-07");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Reading_JustBelowTheColumnsLimit_IsKept_AndOneAtItIsRefused(Db db)
    {
        var app = await fixture.For(db);

        var kept = await (await app.Client.PostRaw("/api/readings", """{"indicator":"FAI","org":"330202","period":"2026-08","value":-99999999999999.999999}""")).ShouldBeOk<ReadingView>();
        var refused = await app.Client.PostRaw("/api/readings", """{"indicator":"FAI","org":"330202","period":"2026-09","value":100000000000000}""");

        kept.Value.ShouldBe(-99999999999999.999999m);
        await refused.ShouldBeProblem(HttpStatusCode.BadRequest, "value");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Reading_WithMoreDecimalsThanTheColumnKeeps_ReadsBackRoundedAlikeOnBothProviders(Db db)
    {
        var app = await fixture.For(db);

        await (await app.Client.PostRaw("/api/readings", """{"indicator":"FAI","org":"330202","period":"2026-10","value":1.23456789}""")).ShouldBeOk<ReadingView>();
        var stored = await (await app.Client.GetAsync("/api/readings/history?indicator=FAI&org=330202&period=2026-10")).ShouldBeOk<List<ReadingVersionView>>();

        stored.Single().Value.ShouldBe(1.234568m);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Target_WithDecimalMaximum_Is400NamingTheField(Db db)
    {
        var app = await fixture.For(db);

        await (await app.Client.PostRaw("/api/targets", $$"""{"indicator":"GDP","org":"330200","year":"2026","value":{{DecimalMax}},"qualifier":"atLeast"}""")).ShouldBeProblem(HttpStatusCode.BadRequest, "value");
        await (await app.Client.PostRaw("/api/targets", $$"""{"indicator":"GDP","org":"330200","year":"2026","value":1,"stretch":-{{DecimalMax}},"qualifier":"atLeast"}""")).ShouldBeProblem(HttpStatusCode.BadRequest, "stretch");
        (await app.Client.GetStringAsync("/api/targets?indicator=GDP&org=330200&year=2026")).ShouldBe("[]");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SupervisionItem_WithNulInLeadOrg_Is400NamingLeadOrg_AndNothingIsWritten(Db db)
    {
        var app = await fixture.For(db);
        var before = JsonNode.Parse(await app.Client.GetStringAsync("/api/supervision/items"))!.AsArray().Count;

        var response = await app.Client.PostRaw("/api/supervision/items", """{"title":"督办","leadOrg":"\u0000","deadline":"2026-12-31","description":"按期完成"}""");

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "leadOrg");
        problem["detail"]!.GetValue<string>().ShouldContain("U+0000");
        JsonNode.Parse(await app.Client.GetStringAsync("/api/supervision/items"))!.AsArray().Count.ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnyBodyString_WithAControlCharacterOrAHalfSurrogate_Is400NamingIt(Db db)
    {
        var app = await fixture.For(db);
        (string Url, string Json, string Field)[] cases =
        [
            ("/api/plan-items", """{"code":"P-B1","kind":"task","title":"任务\u0007","lead":"330100","due":"2026-12-31"}""", "title"),
            ("/api/readings", """{"indicator":"FAI","org":"330202","period":"2026-11","value":1,"comment":"\u001b[31m"}""", "comment"),
            ("/api/indicators", """{"code":"B1","name":"\ud800指标","unit":"%","direction":"higher","frequency":"month","valueKind":"level"}""", "name"),
            ("/api/org-units", """{"code":"330299","name":"县\u0085","kind":"County","parent":"330200"}""", "name"),
            ("/api/documents/text", """{"title":"讲话","text":"要加快推进\u0000重大项目建设"}""", "text"),
        ];
        foreach (var (url, json, field) in cases)
        {
            await (await app.Client.PostRaw(url, json)).ShouldBeProblem(HttpStatusCode.BadRequest, field);
        }

        // Tab and line breaks are text; a multi-line comment is kept.
        var kept = await (await app.Client.PostRaw("/api/readings", """{"indicator":"FAI","org":"330202","period":"2026-11","value":1,"comment":"第一行\r\n第二行\t注"}""")).ShouldBeOk<ReadingView>();
        kept.Comment.ShouldBe("第一行\r\n第二行\t注");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task QueryAndRouteText_WithAControlCharacter_Is400NamingTheParameter(Db db)
    {
        var app = await fixture.For(db);

        await (await app.Client.GetAsync("/api/readings?indicator=FAI&org=330%07102")).ShouldBeProblem(HttpStatusCode.BadRequest, "org");
        await (await app.Client.GetAsync("/api/org-units/3301%1B00")).ShouldBeProblem(HttpStatusCode.BadRequest, "code");
        await (await app.Client.GetAsync("/api/reports/330100/2026-0%011")).ShouldBeProblem(HttpStatusCode.BadRequest, "period");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CsvImport_WithANulInACell_Is422NamingRowAndColumn_AndNothingIsImported(Db db)
    {
        var app = await fixture.For(db);
        var csv = "indicator,org,period,value,comment\nFAI,330103,2025-01,5,ok\nFAI,330103,2025-02,6,bad\0cell\n";

        var response = await app.Client.PostAsync("/api/readings/import", new MultipartFormDataContent { { new StringContent(csv), "file", "readings.csv" } });

        var problem = await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "comment");
        var where = problem["problems"]!.AsArray().Single()!;
        where["row"]!.GetValue<int>().ShouldBe(3);
        where["column"]!.GetValue<string>().ShouldBe("comment");
        (await (await app.Client.GetAsync("/api/readings?indicator=FAI&org=330103&from=2025-01&to=2025-12")).ShouldBeOk<List<ReadingView>>()).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SupervisionRule_WithAGapBeyondItsNarrowColumn_Is400NamingIt(Db db)
    {
        var app = await fixture.For(db);

        // The gap is kept in numeric(10,2): 10^8 fits the API's amounts but not this column; the save names it.
        var response = await app.Client.PostJson("/api/supervision/rules", new { code = "wide-gap", name = "差距过大", indicators = new[] { "FAI" }, minGapPoints = 100_000_000m });

        await response.ShouldBeProblem(HttpStatusCode.BadRequest, "minGapPoints");
        (await app.Client.GetAsync("/api/supervision/rules/wide-gap")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TargetList_WithAYearThatIsNotAPeriod_Is400NamingYear(Db db)
    {
        var app = await fixture.For(db);

        foreach (var year in new[] { "-100000000000000", "12.5", "null", "Infinity" })
        {
            await (await app.Client.GetAsync($"/api/targets?indicator=GDP&year={Uri.EscapeDataString(year)}")).ShouldBeProblem(HttpStatusCode.BadRequest, "year");
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Upload_WithAMalformedForm_Is400NamingTheBody(Db db)
    {
        var app = await fixture.For(db);
        string[] bodies =
        [
            "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nindicator,org\r\n--b",
            "--b\r\nnot a header\r\n\r\nx\r\n--b--\r\n",
            "--b\r\nContent-Disposition: \r\n\r\nx\r\n--b--\r\n",
        ];
        foreach (var url in new[] { "/api/readings/import", "/api/reporting/upload?org=330100&period=2026-01", "/api/projects/progress/upload" })
        {
            foreach (var body in bodies)
            {
                var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body));
                content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
                await (await app.Client.PostAsync(url, content)).ShouldBeProblem(HttpStatusCode.BadRequest, "body");
            }
        }
    }
}
