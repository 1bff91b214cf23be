using Luoshi.Application.Common;
using Luoshi.Application.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Tests.Indicators;

public sealed class ImportTargetsTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Targets_ImportAndChange_AppendVersions(Db db)
    {
        await using var host = await ImportSeed.StartAsync(db);

        var first = await host.ImportCsv(ImportKind.Targets, "indicator,org,year,value,qualifier\nGDP,330100,2026,1000,atLeast\nFAI,330100,2026,500,around\n");
        var second = await host.ImportCsv(ImportKind.Targets, "indicator,org,year,value,qualifier\nGDP,330100,2026,1050,atLeast\nFAI,330100,2026,500,around\n");
        var bad = await Should.ThrowAsync<InputRefusedException>(() => host.ImportCsv(ImportKind.Targets, "indicator,org,year,value,qualifier\nGDP,330100,2026-05,1,atLeast\nGDP,330100,2027,1,someday\n"));

        first.Created.ShouldBe(2);
        second.Updated.ShouldBe(1);
        second.Unchanged.ShouldBe(1);
        bad.Errors.Select(x => (x.Row, x.Column)).ShouldBe([(2, "year"), (3, "qualifier")], ignoreOrder: true);
        (await host.Query(d => d.TargetVersions.CountAsync())).ShouldBe(3);
    }
}
