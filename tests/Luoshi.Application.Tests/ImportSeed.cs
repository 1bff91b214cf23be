using Luoshi.Application.Spreadsheets;

namespace Luoshi.Application.Tests;

/// <summary>The province and indicators the import tests start from, brought in through the import itself.</summary>
internal static class ImportSeed
{
    public const string Orgs = "code,name,kind,parent\n330000,测试省,Province,\n330100,甲市,City,330000\n330102,甲一区,County,330100\n";

    public const string Indicators = """
        code,name,unit,direction,frequency,valueKind,aggregation,formula,tolerance,profile
        FAI,固定资产投资,亿元,higher,month,cumulative,sum,,5%,linear
        PRIVATE_INV,民间投资,亿元,higher,month,cumulative,sum,,5%,seasonal
        SHARE,民间投资占比,%,higher,month,level,formula,PRIVATE_INV / FAI * 100,0.5,
        GDP,地区生产总值,亿元,higher,quarter,cumulative,sum,,5%,linear
        """;

    public static Task<AppHost> StartAsync(Db db) => AppHost.StartWithAsync(db, Orgs, Indicators);
}
