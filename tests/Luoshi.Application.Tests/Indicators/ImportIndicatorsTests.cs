using Luoshi.Application.Common;
using Luoshi.Application.Spreadsheets;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Tests.Indicators;

public sealed class ImportIndicatorsTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Indicators_FormulaCycleAcrossRows_IsRefusedNamingTheFormula(Db db)
    {
        await using var host = await AppHost.StartAsync(db);

        var e = await Should.ThrowAsync<InputRefusedException>(() => host.ImportCsv(ImportKind.Indicators, """
            code,name,unit,direction,frequency,valueKind,aggregation,formula,tolerance,profile
            A_X,甲,,higher,month,level,formula,B_X + 1,5%,linear
            B_X,乙,,higher,month,level,formula,A_X * 2,5%,linear
            """));

        e.Errors.ShouldHaveSingleItem().Column.ShouldBe("formula");
        e.Errors[0].Message.Bilingual.ShouldContain("循环");
        (await host.Query(d => d.Indicators.CountAsync())).ShouldBe(0);
    }
}
