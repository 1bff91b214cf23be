using System.Text;
using Luoshi.Application.Common;
using Luoshi.Application.Import;
using Luoshi.Application.Projects;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Tests.Projects;

public sealed class ProjectProgressFilesTests
{
    private const string Orgs = "code,name,kind,parent\n330000,测试省,Province,\n330100,甲市,City,330000\n330102,甲一区,County,330100\n330103,甲二区,County,330100\n";

    private const string Indicators = """
        code,name,unit,direction,frequency,valueKind,aggregation,formula,tolerance,profile
        PROJECT_INV,重大项目完成投资,亿元,higher,month,cumulative,sum,,5%,sCurve
        """;

    private const string Projects = """
        code,name,org,category,totalInvestment,plannedStart,plannedCompletion,stage
        XA,甲一区产业园,330102,产业,50,2026-02-10,2028-06-30,前期
        XB,甲一区快速路,330102,交通,80,2025-05-01,2027-12-31,续建
        XC,甲二区水厂,330103,水利,30,2025-03-01,2027-03-31,续建
        """;

    // Columns as the template writes them: A project, B name, C org, D month, E completedInvestment, F actualStart, G narrative.
    private static readonly Xlsx.Column[] TemplateColumns =
        [.. new[] { "项目代码 project", "项目名称 name", "所属地区 org", "月份 month", "本月完成投资(亿元) completedInvestment", "实际开工日期 actualStart", "进展情况 narrative" }.Select(h => new Xlsx.Column(h))];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ProgressImport_ComputesTheInvestmentIndicator_ByHand(Db db)
    {
        await using var host = await Seeded(db);
        // Someone typed a figure for 甲一区 in January; the projects' figure replaces it and the history keeps it.
        await host.Run<ImportData, ImportSummary>(i => i.FromCsv(ImportKind.Readings, Csv("indicator,org,period,value\nPROJECT_INV,330102,2026-01,99\n"), null, default));

        await Progress(host, "project,month,completedInvestment,actualStart\nXA,2026-01,2.5,\nXA,2026-02,1.5,2026-02-12\nXB,2026-02,4,\nXC,2026-01,10,\n");

        // 甲一区: January XA 2.5 → 2.5; February 2.5 + XA 1.5 + XB 4 → 8. 甲二区: January XC 10.
        var readings = await Readings(host);
        readings[("330102", "2026-01")].Value.ShouldBe(2.5m);
        readings[("330102", "2026-02")].Value.ShouldBe(8m);
        readings[("330103", "2026-01")].Value.ShouldBe(10m);
        readings.Count.ShouldBe(3);
        readings.Values.ShouldAllBe(r => r.Source == ReadingSource.Computed && r.State == ReadingState.Approved);
        readings[("330102", "2026-02")].Comment!.ShouldStartWith("由2个重大项目1–2月完成投资累计计算");
        var typed = readings[("330102", "2026-01")];
        typed.Version.ShouldBe(2);
        typed.Versions.OrderBy(v => v.Version).First().Value.ShouldBe(99m);
        typed.Versions.OrderBy(v => v.Version).Last().Reason!.ShouldContain("重大项目进度导入");

        // A corrected January moves both of 甲一区's months; 甲二区 is untouched.
        await Progress(host, "project,month,completedInvestment,actualStart\nXA,2026-01,3,\n");
        readings = await Readings(host);
        readings[("330102", "2026-01")].Value.ShouldBe(3m);
        readings[("330102", "2026-02")].Value.ShouldBe(8.5m);
        readings[("330102", "2026-02")].Version.ShouldBe(2);
        readings[("330103", "2026-01")].Version.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Template_ListsTheRegionsProjects_AndAFilledOneUploads(Db db)
    {
        await using var host = await Seeded(db);
        var (content, name) = await host.Run<ProjectProgressFiles, (byte[], string)>(f => f.Template("330102", "2026-03", default));

        name.ShouldBe("luoshi-project-progress-330102-2026-03.xlsx");
        var sheet = Xlsx.Read(new MemoryStream(content), ProjectProgressFiles.SheetName);
        sheet.Rows.Skip(1).Select(r => r.Cells["A"].Text).ShouldBe(["XA", "XB"]);
        sheet.Rows[1].Cells["D"].Text.ShouldBe("2026-03");

        var filled = Xlsx.Write(ProjectProgressFiles.SheetName, TemplateColumns,
        [
            ["XA", "甲一区产业园", "330102", "2026-03", 1.25m, "2026-03-05", "桩基施工"],
            ["XB", "甲一区快速路", "330102", "2026-03", null, null, null],
        ]);
        var summary = await host.Run<ProjectProgressFiles, ImportSummary>(f => f.Upload("filled.xlsx", new MemoryStream(filled), default));

        summary.Created.ShouldBe(1);
        var progress = await host.Query(d => d.ProjectProgress.SingleAsync());
        progress.CompletedInvestment.ShouldBe(1.25m);
        progress.Narrative.ShouldBe("桩基施工");
        (await host.Query(d => d.Projects.SingleAsync(p => p.Code == "XA"))).ActualStart.ShouldBe(new DateOnly(2026, 3, 5));
        (await Readings(host))[("330102", "2026-03")].Value.ShouldBe(1.25m);
    }

    public static TheoryData<string, Db> HostileWorkbooks()
    {
        var data = new TheoryData<string, Db>();
        foreach (var what in new[] { "wrong sheet", "wrong header", "text in a number cell", "unknown project", "not a workbook" })
        {
            foreach (var db in Providers.Each)
            {
                data.Add(what, db);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HostileWorkbooks))]
    public async Task Upload_HostileWorkbook_IsRefusedNamingSheetRowAndColumn_AndWritesNothing(string what, Db db)
    {
        await using var host = await Seeded(db);
        IReadOnlyList<object?> good = ["XA", "", "", "2026-03", 1m, null, null];
        var (bytes, row, column, words) = what switch
        {
            "wrong sheet" => (Xlsx.Write("Sheet1", TemplateColumns, [good]), 1, "sheet", "项目进度"),
            "wrong header" => (Xlsx.Write(ProjectProgressFiles.SheetName, [.. TemplateColumns.Take(4), new Xlsx.Column("金额 amount")], [good]), 1, "E", "amount"),
            "text in a number cell" => (Xlsx.Write(ProjectProgressFiles.SheetName, TemplateColumns, [good, ["XB", "", "", "2026-03", "很多", null, null]]), 3, "E", "很多"),
            "unknown project" => (Xlsx.Write(ProjectProgressFiles.SheetName, TemplateColumns, [["NOPE", "", "", "2026-03", 1m, null, null], good]), 2, "A", "NOPE"),
            _ => ("PK\u0003\u0004 not really a zip"u8.ToArray(), 1, (string?)null, "xlsx"),
        };

        var e = await Should.ThrowAsync<InputRefusedException>(() => host.Run<ProjectProgressFiles, ImportSummary>(f => f.Upload("bad.xlsx", new MemoryStream(bytes), default)));

        var error = e.Errors.First(x => x.Row == row && (column is null || x.Column == column));
        error.Message.ShouldContain(words);
        if (what is "text in a number cell" or "unknown project")
        {
            error.Message.ShouldContain($"工作表“项目进度”第{row}行{column}列");
            error.Message.ShouldContain($"sheet '项目进度' row {row} column {column}");
        }

        (await host.Query(d => d.ProjectProgress.CountAsync())).ShouldBe(0);
        (await host.Query(d => d.Readings.CountAsync())).ShouldBe(0);
    }

    private static async Task<Dictionary<(string Org, string Period), Reading>> Readings(AppHost host) =>
        await host.Query(async d => (await (from r in d.Readings.Include(r => r.Versions)
                                            join u in d.OrgUnits on r.OrgUnitId equals u.Id
                                            select new { u.Code, Reading = r }).ToListAsync())
            .ToDictionary(x => (x.Code, x.Reading.PeriodCode), x => x.Reading));

    private static Task<ImportSummary> Progress(AppHost host, string csv) =>
        host.Run<ImportProjects, ImportSummary>(i => i.FromCsv(ProjectImportKind.ProjectProgress, Csv(csv), default));

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<AppHost> Seeded(Db db)
    {
        var host = await AppHost.StartAsync(db);
        await host.Run<ImportData, ImportSummary>(i => i.FromCsv(ImportKind.Orgs, Csv(Orgs), null, default));
        await host.Run<ImportData, ImportSummary>(i => i.FromCsv(ImportKind.Indicators, Csv(Indicators), null, default));
        await host.Run<ImportProjects, ImportSummary>(i => i.FromCsv(ProjectImportKind.Projects, Csv(Projects), default));
        await host.Run<ImportProjects, ImportSummary>(i => i.FromCsv(ProjectImportKind.ProjectPlans, Csv("project,year,plannedInvestment\nXA,2026,12\nXB,2026,24\nXC,2026,10\n"), default));
        return host;
    }
}
