using System.Net;
using System.Text.Json.Nodes;
using Luoshi.Application.Indicators;
using Luoshi.Domain.Indicators;
using Luoshi.Web.Tests.Infrastructure;

namespace Luoshi.Web.Tests.Api;

public sealed class IndicatorsApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task List_CarriesCodeFormulaAndFrequency(Db db)
    {
        var app = await fixture.For(db);

        var list = JsonNode.Parse(await app.Client.GetStringAsync("/api/indicators"))!.AsArray();

        var share = list.Single(n => n!["code"]!.GetValue<string>() == "PRIVATE_SHARE")!;
        share["formula"]!.GetValue<string>().ShouldBe("PRIVATE_INV / FAI * 100");
        share["frequency"]!.GetValue<string>().ShouldBe("month");
        share["aggregation"]!.GetValue<string>().ShouldBe("formula");
        list.Single(n => n!["code"]!.GetValue<string>() == "UNEMP")!["direction"]!.GetValue<string>().ShouldBe("lower");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_Derived_WithUnknownInput_Is400NamingFormula(Db db)
    {
        var app = await fixture.For(db);

        var response = await app.Client.PostJson("/api/indicators", new
        {
            code = "BAD_SHARE", name = "坏占比", unit = "%", direction = "higher", frequency = "month", valueKind = "level", aggregation = "formula", formula = "GHOST / FAI * 100",
        });

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "formula");
        problem["detail"]!.GetValue<string>().ShouldContain("GHOST");
        (await app.Client.GetAsync("/api/indicators/BAD_SHARE")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Redefine_IntoACycle_Is400_AndTheOldDefinitionStays(Db db)
    {
        var app = await fixture.For(db);
        var a = await (await app.Client.PostJson("/api/indicators", new { code = "CYC_A", name = "甲", unit = "", direction = "higher", frequency = "month", valueKind = "level", aggregation = "sum" }))
            .ShouldBeOk<IndicatorView>(HttpStatusCode.Created);
        await (await app.Client.PostJson("/api/indicators", new { code = "CYC_B", name = "乙", unit = "", direction = "higher", frequency = "month", valueKind = "level", formula = "CYC_A * 2" }))
            .ShouldBeOk<IndicatorView>(HttpStatusCode.Created);

        var response = await app.Client.PutJson("/api/indicators/CYC_A", new { name = "甲", unit = "", direction = "higher", frequency = "month", valueKind = "level", formula = "CYC_B + 1", version = a.Version });

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "formula");
        problem["detail"]!.GetValue<string>().ShouldContain("循环");
        (await (await app.Client.GetAsync("/api/indicators/CYC_A")).ShouldBeOk<IndicatorView>()).Formula.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_BadTolerance_AndBadFormulaSyntax_AreRefused(Db db)
    {
        var app = await fixture.For(db);

        await (await app.Client.PostJson("/api/indicators", new { code = "TOL_X", name = "x", unit = "", direction = "higher", frequency = "month", valueKind = "level", tolerance = "five" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "tolerance");
        await (await app.Client.PostJson("/api/indicators", new { code = "SYN_X", name = "x", unit = "", direction = "higher", frequency = "month", valueKind = "level", formula = "FAI * (2" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "formula");
        await (await app.Client.PostJson("/api/indicators", new { code = "9LIVES", name = "x", unit = "", direction = "higher", frequency = "month", valueKind = "level" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "code");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Target_SetTwice_AppendsAVersion_AndStaleVersionIs409(Db db)
    {
        var app = await fixture.For(db);

        var first = await (await app.Client.PostJson("/api/targets", new { indicator = "GDP", org = "330100", year = "2026", value = 1000m, qualifier = "atLeast" })).ShouldBeOk<TargetView>();
        var second = await (await app.Client.PostJson("/api/targets", new { indicator = "GDP", org = "330100", year = "2026", value = 1100m, qualifier = "atLeast", stretch = 1150m, version = 1 })).ShouldBeOk<TargetView>();
        var stale = await app.Client.PostJson("/api/targets", new { indicator = "GDP", org = "330100", year = "2026", value = 900m, qualifier = "atLeast", version = 1 });
        var listed = await (await app.Client.GetAsync("/api/targets?indicator=GDP&org=330100")).ShouldBeOk<List<TargetView>>();

        first.Version.ShouldBe(1);
        second.Version.ShouldBe(2);
        second.Stretch.ShouldBe(1150m);
        await stale.ShouldBeProblem(HttpStatusCode.Conflict, "version");
        listed.ShouldHaveSingleItem().Value.ShouldBe(1100m);
        listed[0].Qualifier.ShouldBe(TargetQualifier.AtLeast);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Target_RangeWithoutUpper_AndMonthPeriod_AreRefused(Db db)
    {
        var app = await fixture.For(db);

        await (await app.Client.PostJson("/api/targets", new { indicator = "UNEMP", org = "330100", year = "2026", value = 3m, qualifier = "range" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "upperValue");
        await (await app.Client.PostJson("/api/targets", new { indicator = "UNEMP", org = "330100", year = "2026-05", value = 3m, qualifier = "atMost" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "year");
        await (await app.Client.PostJson("/api/targets", new { indicator = "UNEMP", org = "330100", year = "2026", value = 3m, qualifier = "roughly" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "qualifier");
    }
}
