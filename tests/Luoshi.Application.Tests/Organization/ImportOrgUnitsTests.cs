using Luoshi.Application.Common;
using Luoshi.Application.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Tests.Organization;

public sealed class ImportOrgUnitsTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Orgs_ParentOnALaterLine_AndBadKind_AreRefusedWithTheirLines(Db db)
    {
        await using var host = await AppHost.StartAsync(db);

        var e = await Should.ThrowAsync<InputRefusedException>(() => host.ImportCsv(ImportKind.Orgs,
            "code,name,kind,parent\n330100,甲市,City,330000\n330000,测试省,Province,\n330200,乙市,Town,330000\n"));

        e.Errors.Select(x => (x.Row, x.Column)).ShouldBe([(2, "parent"), (4, "kind")], ignoreOrder: true);
        (await host.Query(d => d.OrgUnits.CountAsync())).ShouldBe(0);
    }
}
