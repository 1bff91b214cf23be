using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Application.Projects;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Application.Tests.Projects;

/// <summary>Projects, plans and progress by spreadsheet: templates that double as the export, uploads all or nothing.</summary>
public sealed class ProjectFilesTests
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
    public async Task ProgressTemplate_ListsTheRegionsProjects_AndAFilledOneUploads(Db db)
    {
        await using var host = await Seeded(db);
        var template = await Template(host, ProjectImportKind.ProjectProgress, new("330102", Month: "2026-03"));

        template.FileName.ShouldBe("luoshi-project-progress-330102-2026-03.xlsx");
        var sheet = Xlsx.Read(new MemoryStream(template.Content), "项目进度");
        sheet.Rows.Skip(1).Select(r => r.Cells["A"].Text).ShouldBe(["XA", "XB"]);
        sheet.Rows[1].Cells["D"].Text.ShouldBe("2026-03");

        var filled = Refill(template.Content, ProjectImportKind.ProjectProgress, rows =>
        {
            rows[0][4] = 1.25m;
            rows[0][5] = "2026-03-05";
            rows[0][6] = "桩基施工";
        });
        var summary = await Upload(host, ProjectImportKind.ProjectProgress, filled);

        summary.Created.ShouldBe(1);
        var progress = await host.Query(d => d.ProjectProgress.SingleAsync());
        progress.CompletedInvestment.ShouldBe(1.25m);
        progress.Narrative.ShouldBe("桩基施工");
        (await host.Query(d => d.Projects.SingleAsync(p => p.Code == "XA"))).ActualStart.ShouldBe(new DateOnly(2026, 3, 5));
        (await Readings(host))[("330102", "2026-03")].Value.ShouldBe(1.25m);
        var csv = await Template(host, ProjectImportKind.ProjectProgress, new("330102", Month: "2026-03", Format: ExportFormat.Csv));
        Text(csv.Content).ShouldBe(["project,month,completedInvestment,actualStart,narrative", "XA,2026-03,1.25,2026-03-05,桩基施工"]);

        // The next month's template carries XA's start on its line; sent back untouched it has nothing to import.
        var april = await Template(host, ProjectImportKind.ProjectProgress, new("330102", Month: "2026-04"));
        Xlsx.Read(new MemoryStream(april.Content), "项目进度").Rows[1].Cells["F"].Text.ShouldBe("2026-03-05");
        (await Upload(host, ProjectImportKind.ProjectProgress, april.Content)).Rows.ShouldBe(0);
        (await host.Query(d => d.ProjectProgress.CountAsync())).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ProjectsTemplate_IsTheExport_AndAFilledOneUpdatesAndCreates(Db db)
    {
        await using var host = await Seeded(db);
        var template = await Template(host, ProjectImportKind.Projects, new("330100"));

        template.FileName.ShouldBe("luoshi-projects-330100.xlsx");
        var sheet = Xlsx.Read(new MemoryStream(template.Content), "重大项目");
        sheet.Rows[0].Cells["F"].Text.ShouldBe("总投资(亿元) totalInvestment");
        sheet.Rows.Skip(1).Select(r => r.Cells["A"].Text).ShouldBe(["XA", "XB", "XC", "XD"]);
        var xd = sheet.Rows[4].Cells;
        (xd["C"].Text, xd["D"].Text, xd["I"].Text, xd["L"].Text, xd["M"].Text).ShouldBe(("330103", "甲二区", "竣工", "2023-03-01", "2025-06-30"));

        // Dates typed into Excel are stored as serial numbers: the upload reads them back as dates.
        var filled = Refill(template.Content, ProjectImportKind.Projects, rows =>
        {
            rows[0][5] = 55m;
            rows[0][8] = "新开工";
            rows[0][11] = new DateTime(2026, 3, 2).ToOADate();
            rows.Add(["XE", "甲二区污水管网", "330103", null, "水利", 12.5m, new DateTime(2026, 9, 1).ToOADate(), "2027-12-31", "前期", 20m, null, null, null]);
        });
        var summary = await Upload(host, ProjectImportKind.Projects, filled);

        (summary.Rows, summary.Created, summary.Updated, summary.Unchanged).ShouldBe((5, 1, 1, 3), "the three lines left as downloaded change nothing");
        var projects = await host.Query(d => d.Projects.ToDictionaryAsync(p => p.Code));
        projects["XB"].Version.ShouldBe(1);
        projects["XA"].TotalInvestment.ShouldBe(55m);
        projects["XA"].ActualStart.ShouldBe(new DateOnly(2026, 3, 2));
        projects["XA"].Stage.ShouldBe(ProjectStage.NewStart);
        projects["XA"].Version.ShouldBe(2);
        projects["XE"].PlannedStart.ShouldBe(new DateOnly(2026, 9, 1));
        projects["XE"].PrivateShare.ShouldBe(20m);
        projects["XD"].ActualCompletion.ShouldBe(new DateOnly(2025, 6, 30));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ProjectsCsvExport_HasTheImportHeader_AndImportsBackUnchanged(Db db)
    {
        await using var host = await Seeded(db);
        var before = await Facts(host);

        var csv = await Template(host, ProjectImportKind.Projects, new(Format: ExportFormat.Csv));
        var lines = Text(csv.Content);

        csv.FileName.ShouldBe("luoshi-projects-330000.csv");
        lines[0].ShouldBe("code,name,org,category,totalInvestment,plannedStart,plannedCompletion,stage,privateShare,leadDepartment,actualStart,actualCompletion");
        lines.ShouldContain("XD,甲二区旧城改造,330103,城建,40,2023-03-01,2025-06-30,竣工,0,,2023-03-01,2025-06-30");
        var summary = await host.Run<ImportProjects, ImportSummary>(i => i.FromCsv(ProjectImportKind.Projects, new MemoryStream(csv.Content), default));
        (summary.Rows, summary.Created, summary.Updated, summary.Unchanged).ShouldBe((4, 0, 0, 4));

        // A line that states what is recorded is no new version of its project.
        (await Facts(host)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ReImport_RenamesAndRecategorises_ButMovingAProjectToAnotherRegionIsRefused(Db db)
    {
        await using var host = await Seeded(db);
        const string header = "code,name,org,category,totalInvestment,plannedStart,plannedCompletion,stage\n";
        var xa = (await host.Query(d => d.Projects.SingleAsync(p => p.Code == "XA")));
        string Line(string name, string org, string category) =>
            $"XA,{name},{org},{category},{xa.TotalInvestment},{xa.PlannedStart:yyyy-MM-dd},{xa.PlannedCompletion:yyyy-MM-dd},{ImportProjects.StageName(xa.Stage)}\n";

        var renamed = await host.Run<ImportProjects, ImportSummary>(i => i.FromCsv(ProjectImportKind.Projects, Csv(header + Line("甲一区新能源产业园二期", "330102", "能源")), default));
        var before = await Facts(host);
        var moved = await Should.ThrowAsync<InputRefusedException>(() =>
            host.Run<ImportProjects, ImportSummary>(i => i.FromCsv(ProjectImportKind.Projects, Csv(header + Line("甲一区新能源产业园二期", "330103", "能源")), default)));
        var blank = await Should.ThrowAsync<InputRefusedException>(() =>
            host.Run<ImportProjects, ImportSummary>(i => i.FromCsv(ProjectImportKind.Projects, Csv(header + Line("甲一区新能源产业园二期", "330102", " ")), default)));

        (renamed.Updated, renamed.Unchanged).ShouldBe((1, 0));
        var after = await host.Query(d => d.Projects.SingleAsync(p => p.Code == "XA"));
        (after.Name, after.Category, after.Version).ShouldBe(("甲一区新能源产业园二期", "能源", xa.Version + 1));
        var refusal = moved.Errors.ShouldHaveSingleItem();
        (refusal.Row, refusal.Field).ShouldBe((2, "org"));
        refusal.Message.Bilingual.ShouldContain("330102");
        blank.Errors.ShouldHaveSingleItem().Field.ShouldBe("category");
        (await Facts(host)).ShouldBe(before, "a refused file writes nothing");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PlansTemplate_ListsTheProjectsUnderWayInTheYear_AndAFilledOneChangesOnlyWhatWasFilled(Db db)
    {
        await using var host = await Seeded(db);
        var template = await Template(host, ProjectImportKind.ProjectPlans, new("330000", Year: 2026));
        var earlier = await Template(host, ProjectImportKind.ProjectPlans, new("330000", Year: 2024));

        template.FileName.ShouldBe("luoshi-project-plans-330000-2026.xlsx");
        var sheet = Xlsx.Read(new MemoryStream(template.Content), "年度计划");
        // XD was completed in 2025; in 2024 only it was under way (XB and XC start in 2025, XA in 2026).
        sheet.Rows.Skip(1).Select(r => (r.Cells["A"].Text, r.Cells["F"].Text, r.Cells["G"].Text)).ShouldBe([("XA", "2026", "12"), ("XB", "2026", "24"), ("XC", "2026", "10")]);
        Xlsx.Read(new MemoryStream(earlier.Content), "年度计划").Rows.Skip(1).Select(r => r.Cells["A"].Text).ShouldBe(["XD"]);

        var filled = Refill(template.Content, ProjectImportKind.ProjectPlans, rows =>
        {
            rows[0][6] = 15m;
            rows[1][6] = null;
        });
        var summary = await Upload(host, ProjectImportKind.ProjectPlans, filled);

        (summary.Rows, summary.Created, summary.Updated, summary.Unchanged).ShouldBe((2, 0, 1, 1));
        var plans = await host.Query(d => d.ProjectPlans.Join(d.Projects, x => x.ProjectId, p => p.Id, (x, p) => new { p.Code, x.PlannedInvestment }).ToDictionaryAsync(x => x.Code, x => x.PlannedInvestment));
        plans.ShouldBe(new Dictionary<string, decimal> { ["XA"] = 15m, ["XB"] = 24m, ["XC"] = 10m }, ignoreOrder: true);

        var csv = await Template(host, ProjectImportKind.ProjectPlans, new("330000", Year: 2026, Format: ExportFormat.Csv));
        Text(csv.Content).ShouldBe(["project,year,plannedInvestment", "XA,2026,15", "XB,2026,24", "XC,2026,10"]);
        (await host.Run<ImportProjects, ImportSummary>(i => i.FromCsv(ProjectImportKind.ProjectPlans, new MemoryStream(csv.Content), default))).Unchanged.ShouldBe(3);
    }

    public static TheoryData<string, Db> HostileWorkbooks()
    {
        var data = new TheoryData<string, Db>();
        foreach (var what in Hostile.Keys)
        {
            foreach (var db in Providers.Each)
            {
                data.Add(what, db);
            }
        }

        return data;
    }

    /// <summary>What each hostile upload is made of, and the sheet, row, column and words its refusal must name.</summary>
    private static readonly Dictionary<string, (ProjectImportKind Kind, Func<byte[], byte[]> Spoil, string? Sheet, int Row, string? Column, string Words)> Hostile = new()
    {
        ["projects: wrong sheet name"] = (ProjectImportKind.Projects, t => Rename(t, "重大项目", "Sheet1"), null, 1, "sheet", "重大项目"),
        ["projects: unknown column"] = (ProjectImportKind.Projects, t => Reheader(t, ProjectImportKind.Projects, h => h[3] = "备注 remark"), "重大项目", 1, "D", "remark"),
        ["projects: duplicate column"] = (ProjectImportKind.Projects, t => Reheader(t, ProjectImportKind.Projects, h => h[3] = "类别 category"), "重大项目", 1, "E", "category"),
        ["plans: missing column"] = (ProjectImportKind.ProjectPlans, t => Reheader(t, ProjectImportKind.ProjectPlans, h => h[6] = ""), "年度计划", 1, "plannedInvestment", "plannedInvestment"),
        ["plans: formula"] = (ProjectImportKind.ProjectPlans, t => Formula(t, "年度计划", "G3", "E3*0.3"), "年度计划", 3, "G", "公式"),
        ["plans: text for a year"] = (ProjectImportKind.ProjectPlans, t => Refill(t, ProjectImportKind.ProjectPlans, r => r[1][5] = "明年"), "年度计划", 3, "F", "year"),
        ["projects: text in a number cell"] = (ProjectImportKind.Projects, t => Refill(t, ProjectImportKind.Projects, r => r[1][5] = "很多"), "重大项目", 3, "F", "很多"),
        ["projects: unknown org"] = (ProjectImportKind.Projects, t => Refill(t, ProjectImportKind.Projects, r => r[0][2] = "999999"), "重大项目", 2, "C", "999999"),
        ["projects: unknown stage"] = (ProjectImportKind.Projects, t => Refill(t, ProjectImportKind.Projects, r => r[2][8] = "开挖"), "重大项目", 4, "I", "开挖"),
        ["projects: no category"] = (ProjectImportKind.Projects, t => Refill(t, ProjectImportKind.Projects, r => r.Add(["XN", "新项目", "330102", null, "", 5m, "2026-09-01", "2027-09-01", "前期", 0m, null, null, null])), "重大项目", 6, "E", "category"),
        ["projects: a code twice"] = (ProjectImportKind.Projects, t => Refill(t, ProjectImportKind.Projects, r => r.Add([.. r[1]])), "重大项目", 6, "A", "XB"),
        ["progress: a negative amount beside a serial date"] = (ProjectImportKind.ProjectProgress, t => Refill(t, ProjectImportKind.ProjectProgress, r => { r[0][4] = 1m; r[0][5] = new DateTime(2026, 3, 4).ToOADate(); r[1][4] = -2m; }), "项目进度", 3, "E", "completedInvestment"),
        ["a truncated workbook"] = (ProjectImportKind.Projects, t => t[..(t.Length / 2)], null, 1, null, "xlsx"),
        ["not a zip at all"] = (ProjectImportKind.ProjectPlans, _ => "code,name\nXA,甲\n"u8.ToArray(), null, 1, null, "xlsx"),
        ["an empty file"] = (ProjectImportKind.ProjectProgress, _ => [], null, 1, null, "xlsx"),
    };

    [Theory]
    [MemberData(nameof(HostileWorkbooks))]
    public async Task Upload_HostileWorkbook_IsRefusedNamingSheetRowAndColumn_AndWritesNothing(string what, Db db)
    {
        await using var host = await Seeded(db);
        var (kind, spoil, sheet, row, column, words) = Hostile[what];
        var template = await Template(host, kind, new("330100", 2026, "2026-03"));
        var before = await Facts(host);

        var e = await Should.ThrowAsync<InputRefusedException>(() => Upload(host, kind, spoil(template.Content)));

        var error = e.Errors.FirstOrDefault(x => x.Row == row && x.Column == column);
        error.ShouldNotBeNull(string.Join(" | ", e.Errors));
        error.Message.Bilingual.ShouldContain(words);
        if (sheet is not null && column is { Length: 1 })
        {
            error.Message.Bilingual.ShouldContain($"工作表“{sheet}”第{row}行{column}列");
            error.Message.Bilingual.ShouldContain($"sheet '{sheet}' row {row} column {column}");
        }

        (await Facts(host)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Upload_ChangingAProjectOfAnotherRegion_IsForbidden_WhateverRegionTheLineNames(Db db)
    {
        await using var host = await Seeded(db);
        var template = await Template(host, ProjectImportKind.Projects, new("330102"));
        // A planner of 甲二区 relabels 甲一区's XA as 甲二区's to change its investment.
        var spoiled = Refill(template.Content, ProjectImportKind.Projects, rows =>
        {
            rows.RemoveAt(1);
            rows[0][2] = "330103";
            rows[0][5] = 1m;
        });
        var before = await Facts(host);
        var path = await host.Query(d => d.OrgUnits.Where(u => u.Code == "330103").Select(u => u.Path).SingleAsync());
        var planner = new FixedActor("planner-330103", new ActorGrant(Role.Planner, path));

        await using var scope = host.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<LuoshiDbContext>();
        var files = new ProjectFiles(context, planner, new ImportProjects(context, planner, host.Clock), host.Services.GetRequiredService<LocalCalendar>());
        var e = await Should.ThrowAsync<ForbiddenException>(() => files.Upload(ProjectImportKind.Projects, "p.xlsx", new MemoryStream(spoiled), default));

        e.Message.ShouldContain("330102");
        (await Facts(host)).ShouldBe(before);
    }

    private static Task<DownloadFile> Template(AppHost host, ProjectImportKind kind, ProjectTemplateRequest request) =>
        host.Run<ProjectFiles, DownloadFile>(f => f.Template(kind, request, default));

    private static Task<ImportSummary> Upload(AppHost host, ProjectImportKind kind, byte[] workbook) =>
        host.Run<ProjectFiles, ImportSummary>(f => f.Upload(kind, "filled.xlsx", new MemoryStream(workbook), default));

    /// <summary>Everything an upload could write, as one comparable string.</summary>
    private static async Task<string> Facts(AppHost host) => await host.Query(async d =>
        string.Join("\n", (await d.Projects.OrderBy(p => p.Code).ToListAsync()).Select(p => $"{p.Code} v{p.Version} {p.OrgUnitId} {p.TotalInvestment:0.####} {p.Stage} {p.PlannedStart} {p.PlannedCompletion} {p.ActualStart} {p.ActualCompletion} {p.PrivateShare:0.##}"))
        + $"\nplans {await d.ProjectPlans.CountAsync()} {(await d.ProjectPlans.Select(x => x.PlannedInvestment).ToListAsync()).Sum():0.####}"
        + $"\nprogress {await d.ProjectProgress.CountAsync()} readings {await d.Readings.CountAsync()}");

    private static string[] Text(byte[] csv) => Encoding.UTF8.GetString(csv).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A downloaded template as someone fills it in: its rows as values by column, changed, written back under the same header.</summary>
    private static byte[] Refill(byte[] template, ProjectImportKind kind, Action<List<List<object?>>> change)
    {
        var rows = Rows(template, kind);
        change(rows);
        return Xlsx.Write(ProjectFiles.Sheets[kind].Name, [.. ProjectFiles.Sheets[kind].Columns.Select(c => new Xlsx.Column(c.Header))], rows);
    }

    /// <summary>A downloaded template with its header cells changed and its rows as they were.</summary>
    private static byte[] Reheader(byte[] template, ProjectImportKind kind, Action<string[]> change)
    {
        var header = ProjectFiles.Sheets[kind].Columns.Select(c => c.Header).ToArray();
        change(header);
        return Xlsx.Write(ProjectFiles.Sheets[kind].Name, [.. header.Select(h => new Xlsx.Column(h))], Rows(template, kind));
    }

    private static List<List<object?>> Rows(byte[] template, ProjectImportKind kind)
    {
        var columns = ProjectFiles.Sheets[kind].Columns;
        var sheet = Xlsx.Read(new MemoryStream(template), ProjectFiles.Sheets[kind].Name);
        return [.. sheet.Rows.Skip(1).Select(r => columns.Select((_, i) => r.Cells.TryGetValue(Xlsx.ColumnName(i), out var c) ? Value(c) : null).ToList())];
    }

    private static object? Value(XlsxCell cell) => cell.Number is { } n && !cell.IsText ? (decimal)n : cell.Text;

    private static byte[] Rename(byte[] workbook, string from, string to) => Edit(workbook, doc =>
        doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == from).Name = to);

    /// <summary>Puts a formula into a cell, keeping the figure it shows, as Excel saves it.</summary>
    private static byte[] Formula(byte[] workbook, string sheet, string reference, string formula) => Edit(workbook, doc =>
    {
        var id = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!.Value!;
        var cell = ((WorksheetPart)doc.WorkbookPart.GetPartById(id)).Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);
        cell.InsertAt(new CellFormula(formula), 0);
    });

    private static byte[] Edit(byte[] workbook, Action<SpreadsheetDocument> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var doc = SpreadsheetDocument.Open(stream, true))
        {
            edit(doc);
            doc.WorkbookPart!.Workbook.Save();
            foreach (var part in doc.WorkbookPart.WorksheetParts)
            {
                part.Worksheet.Save();
            }
        }

        return stream.ToArray();
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
        await host.Run<ImportProjects, ImportSummary>(i => i.FromCsv(ProjectImportKind.Projects, Csv("code,name,org,category,totalInvestment,plannedStart,plannedCompletion,stage,actualStart,actualCompletion\nXD,甲二区旧城改造,330103,城建,40,2023-03-01,2025-06-30,竣工,2023-03-01,2025-06-30\n"), default));
        await host.Run<ImportProjects, ImportSummary>(i => i.FromCsv(ProjectImportKind.ProjectPlans, Csv("project,year,plannedInvestment\nXA,2026,12\nXB,2026,24\nXC,2026,10\n"), default));
        return host;
    }
}
