using System.Globalization;
using System.Text;
using Luoshi.Application.Common;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Tests.Readings;

public sealed class ImportReadingsTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Readings_GoodFile_ImportsApprovedVersionsFromImport(Db db)
    {
        await using var host = await ImportSeed.StartAsync(db);

        var summary = await host.ImportCsv(ImportKind.Readings, "indicator,org,period,value\nFAI,330102,2026-01,10.5\nFAI,330102,2026-02,21\nGDP,330100,2026Q1,300\n");

        summary.ShouldBe(new ImportSummary("readings", 3, 3, 0, 0));
        var readings = await host.Query(d => d.Readings.Include(r => r.Versions).OrderBy(r => r.PeriodStart).ToListAsync());
        readings.Count.ShouldBe(3);
        readings.ShouldAllBe(r => r.State == ReadingState.Approved && r.Source == ReadingSource.Import && r.UpdatedBy == "tester");
        readings.ShouldAllBe(r => r.Versions.Count == 1);
    }

    private static readonly (string What, string Csv, int Line, string Column)[] HostileCases =
    [
        ("text in a number cell", "indicator,org,period,value\nFAI,330102,2026-01,10\nFAI,330102,2026-02,abc\n", 3, "value"),
        ("formula in a cell", "indicator,org,period,value\nFAI,330102,2026-01,=1+2\n", 2, "value"),
        ("comma decimal", "indicator,org,period,value\nFAI,330102,2026-01,\"10,5\"\n", 2, "value"),
        ("unknown org", "indicator,org,period,value\nFAI,999999,2026-01,1\n", 2, "org"),
        ("unknown indicator", "indicator,org,period,value\nNOPE,330102,2026-01,1\n", 2, "indicator"),
        ("derived indicator", "indicator,org,period,value\nSHARE,330102,2026-01,1\n", 2, "indicator"),
        ("quarter for a monthly indicator", "indicator,org,period,value\nFAI,330102,2026Q1,1\n", 2, "period"),
        ("bad period", "indicator,org,period,value\nFAI,330102,2026-13,1\n", 2, "period"),
        ("duplicate row", "indicator,org,period,value\nFAI,330102,2026-01,1\nFAI,330102,2026-01,2\n", 3, "period"),
        ("missing column", "indicator,org,period\nFAI,330102,2026-01\n", 1, "value"),
        ("extra column", "indicator,org,period,value,colour\nFAI,330102,2026-01,1,red\n", 1, "colour"),
        ("duplicate column", "indicator,org,period,value,value\nFAI,330102,2026-01,1,1\n", 1, "value"),
        ("short row", "indicator,org,period,value\nFAI,330102,2026-01,1\nFAI,330102\n", 3, "row"),
        ("empty file", "", 1, "file"),
        ("huge number", "indicator,org,period,value\nFAI,330102,2026-01,1e300\n", 2, "value"),
        ("blank value", "indicator,org,period,value\nFAI,330102,2026-01,\n", 2, "value"),
    ];

    public static TheoryData<string, Db> HostileReadingFiles()
    {
        var data = new TheoryData<string, Db>();
        foreach (var c in HostileCases)
        {
            foreach (var db in Providers.Each)
            {
                data.Add(c.What, db);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HostileReadingFiles))]
    public async Task Readings_HostileFile_IsRefusedWhole_NamingLineAndColumn(string what, Db db)
    {
        var (_, csv, line, column) = HostileCases.Single(c => c.What == what);
        await using var host = await ImportSeed.StartAsync(db);

        var e = await Should.ThrowAsync<InputRefusedException>(() => host.ImportCsv(ImportKind.Readings, csv));

        e.Errors.ShouldContain(x => x.Row == line && (x.Column == column || x.Field == column), string.Join("; ", e.Errors));
        (await host.Query(d => d.Readings.CountAsync())).ShouldBe(0, "nothing may be written");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Readings_ManyGoodRowsAndOneBad_WritesNothing_AndReportsEveryProblem(Db db)
    {
        await using var host = await ImportSeed.StartAsync(db);
        var csv = new StringBuilder("indicator,org,period,value\n");
        for (int year = 2001; year <= 2026; year++)
        {
            for (int month = 1; month <= 12; month++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"FAI,330102,{year}-{month:D2},{month}\n");
            }
        }

        csv.Append("FAI,330102,1900-01,1\nFAI,nowhere,2020-01,x\n");

        var e = await Should.ThrowAsync<InputRefusedException>(() => host.ImportCsv(ImportKind.Readings, csv.ToString()));

        e.Errors.Select(x => (x.Row, x.Column)).ShouldBe([(314, "period"), (315, "org"), (315, "value")], ignoreOrder: true);
        (await host.Query(d => d.Readings.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Readings_RandomBytesAndGbkBytes_AreRefusedAsNotUtf8(Db db)
    {
        await using var host = await ImportSeed.StartAsync(db);
        var random = new byte[4096];
        new Random(7).NextBytes(random);
        byte[] gbk = [.. Encoding.ASCII.GetBytes("indicator,org,period,value\nFAI,330102,2026-01,1,"), 0xB2, 0xE2, 0xCA, 0xD4, (byte)'\n'];

        foreach (var bytes in new[] { random, gbk })
        {
            var e = await Should.ThrowAsync<InputRefusedException>(() => host.Run<ImportData, ImportSummary>(i => i.FromCsv(ImportKind.Readings, new MemoryStream(bytes), null, default)));
            e.Errors.ShouldNotBeEmpty();
        }

        (await host.Query(d => d.Readings.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Readings_SameFileTwice_ChangesNothing_AndAChangedValueAppendsAVersion(Db db)
    {
        await using var host = await ImportSeed.StartAsync(db);
        const string csv = "indicator,org,period,value\nFAI,330102,2026-01,10\nFAI,330102,2026-02,20\n";
        await host.ImportCsv(ImportKind.Readings, csv);

        var again = await host.ImportCsv(ImportKind.Readings, csv);
        var changed = await host.ImportCsv(ImportKind.Readings, "indicator,org,period,value\nFAI,330102,2026-02,22\n");

        again.Unchanged.ShouldBe(2);
        changed.Updated.ShouldBe(1);
        var versions = await host.Query(d => d.ReadingVersions.OrderBy(v => v.Id).Select(v => v.Value).ToListAsync());
        versions.ShouldBe([10m, 20m, 22m]);
    }
}
