using System.Globalization;
using Luoshi.Application.Common;
using Luoshi.Application.Evaluation;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Projects;

/// <summary>A file to download: its bytes, content type and name.</summary>
public sealed record DownloadFile(byte[] Content, string ContentType, string FileName);

/// <summary>What a template is for: a region (with everything below it), and the year or month where the kind needs one.</summary>
public sealed record ProjectTemplateRequest(string? Org = null, int? Year = null, string? Month = null, ExportFormat Format = ExportFormat.Xlsx);

/// <summary>
/// Projects, annual plans and monthly progress by spreadsheet: a template for a region, pre-filled with what
/// is recorded (so it doubles as the export, in .xlsx or as a CSV that imports back unchanged), and the
/// upload of a filled one (or a CSV). An upload goes through the CSV import's checks and is written all or
/// nothing; a refusal names the sheet, row and column of every problem.
/// </summary>
public sealed class ProjectFiles(Data.LuoshiDbContext db, ICurrentActor actor, ImportProjects import, LocalCalendar calendar)
{
    public static readonly IReadOnlyDictionary<ProjectImportKind, TemplateSheet> Sheets = new Dictionary<ProjectImportKind, TemplateSheet>
    {
        [ProjectImportKind.Projects] = new("重大项目",
        [
            new("code", "项目代码", 14, Required: true), new("name", "项目名称", 34, Required: true), new("org", "所属地区", 12, Required: true),
            new("orgName", "地区名称", 14, Imported: false), new("category", "类别", 10, Required: true),
            new("totalInvestment", "总投资(亿元)", 20, SheetCellKind.Number, Required: true),
            new("plannedStart", "计划开工", 20, SheetCellKind.Date, Required: true), new("plannedCompletion", "计划竣工", 24, SheetCellKind.Date, Required: true),
            new("stage", "阶段", 10, Required: true), new("privateShare", "民间投资占比(%)", 26, SheetCellKind.Number),
            new("leadDepartment", "牵头部门", 22), new("actualStart", "实际开工", 18, SheetCellKind.Date), new("actualCompletion", "实际竣工", 24, SheetCellKind.Date),
        ]),
        [ProjectImportKind.ProjectPlans] = new("年度计划",
        [
            new("project", "项目代码", 14, Required: true), new("name", "项目名称", 34, Imported: false), new("org", "所属地区", 12, Imported: false),
            new("stage", "阶段", 10, Imported: false), new("totalInvestment", "总投资(亿元)", 20, SheetCellKind.Number, Imported: false),
            new("year", "年份", 10, SheetCellKind.Number, Required: true), new("plannedInvestment", "年度计划投资(亿元)", 30, SheetCellKind.Number, Required: true),
        ]),
        [ProjectImportKind.ProjectProgress] = new("项目进度",
        [
            new("project", "项目代码", 14, Required: true), new("name", "项目名称", 34, Imported: false), new("org", "所属地区", 14, Imported: false),
            new("month", "月份", 12, SheetCellKind.Month, Required: true), new("completedInvestment", "本月完成投资(亿元)", 26, SheetCellKind.Number, Required: true),
            new("actualStart", "实际开工日期", 22, SheetCellKind.Date), new("narrative", "进展情况", 40),
        ]),
    };

    /// <summary>The kinds by the names the API and the CLI use.</summary>
    public static ProjectImportKind ParseKind(string? kind) => kind switch
    {
        "projects" => ProjectImportKind.Projects,
        "project-plans" => ProjectImportKind.ProjectPlans,
        "project-progress" => ProjectImportKind.ProjectProgress,
        _ => throw InputRefusedException.Single("kind", new Text("应为 projects、project-plans 或 project-progress", "one of projects, project-plans, project-progress")),
    };

    public static string KindName(ProjectImportKind kind) => kind switch
    {
        ProjectImportKind.Projects => "projects",
        ProjectImportKind.ProjectPlans => "project-plans",
        _ => "project-progress",
    };

    public async Task<DownloadFile> Template(ProjectImportKind kind, ProjectTemplateRequest request, CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
        {
            throw new UnauthenticatedException();
        }

        if (request.Format == ExportFormat.Json)
        {
            throw InputRefusedException.Single("format", new Text("应为 xlsx 或 csv", "xlsx or csv"));
        }

        var units = await db.OrgUnits.AsNoTracking().ToListAsync(ct);
        var root = string.IsNullOrWhiteSpace(request.Org)
            ? units.Where(u => u.Kind == OrgUnitKind.Province).OrderBy(u => u.Path, StringComparer.Ordinal).FirstOrDefault()
            : units.SingleOrDefault(u => u.Code == request.Org.Trim()) ?? throw new NotFoundException(new Text("单位", "org unit"), request.Org);
        if (root is null)
        {
            actor.RequireEverywhere(Permission.ReadAll);
        }
        else
        {
            actor.Require(Permission.ReadAll, root);
        }

        var inside = units.Where(u => root is null || u.Path.StartsWith(root.Path, StringComparison.Ordinal)).ToDictionary(u => u.Id);
        var codes = units.ToDictionary(u => u.Id, u => u.Code);
        var ids = inside.Keys.ToList();
        var projects = (await db.Projects.AsNoTracking().Where(x => ids.Contains(x.OrgUnitId)).ToListAsync(ct))
            .OrderBy(x => inside[x.OrgUnitId].Path, StringComparer.Ordinal).ThenBy(x => x.Code, StringComparer.Ordinal)
            .ToList();
        var region = root?.Name ?? new Text("全部", "all").ToString();
        var (rows, note, stem) = kind switch
        {
            ProjectImportKind.Projects => ProjectRows(projects, inside, codes, region, root),
            ProjectImportKind.ProjectPlans => await PlanRows(projects, inside, region, root, request.Year, ct),
            _ => await ProgressRows(projects, inside, region, root, request.Month, ct),
        };

        var sheet = Sheets[kind];
        if (request.Format == ExportFormat.Xlsx)
        {
            return new DownloadFile(sheet.Write(rows, note), Xlsx.ContentType, $"{stem}.xlsx");
        }

        // The CSV carries what is recorded, in the import's columns: it imports back unchanged.
        var figure = kind switch { ProjectImportKind.ProjectPlans => "plannedInvestment", ProjectImportKind.ProjectProgress => "completedInvestment", _ => "code" };
        int at = sheet.Columns.Select(c => c.Name).ToList().IndexOf(figure);
        var (content, type, _) = TableExport.Write(ExportFormat.Csv, sheet.Name, sheet.Imported, rows.Where(r => r[at] is not null).Select(sheet.ImportedValues));
        return new DownloadFile(content, type, $"{stem}.csv");
    }

    public async Task<ImportSummary> Upload(ProjectImportKind kind, string fileName, Stream file, CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
        {
            throw new UnauthenticatedException();
        }

        if (fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return await import.FromCsv(kind, file, ct);
        }

        var keep = await Keep(kind, ct);
        var sheet = Sheets[kind].Read(file, keep);
        try
        {
            return await import.Import(kind, sheet.Table, $"Excel {Parsing.Clip(Path.GetFileName(fileName))}", ct);
        }
        catch (InputRefusedException e)
        {
            throw sheet.Locate(e);
        }
    }

    /// <summary>Which lines of a filled template are meant to be imported: a template line left as it came is not.</summary>
    private async Task<Func<Func<string, string>, bool>> Keep(ProjectImportKind kind, CancellationToken ct)
    {
        switch (kind)
        {
            case ProjectImportKind.ProjectPlans:
                return cell => cell("plannedInvestment").Length > 0;
            case ProjectImportKind.ProjectProgress:
                // A project's recorded start is pre-filled on every month's line; only an amount or a new start is news.
                var started = (await db.Projects.AsNoTracking().Where(p => p.ActualStart != null).Select(p => new { p.Code, p.ActualStart }).ToListAsync(ct))
                    .ToDictionary(p => p.Code, p => p.ActualStart!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparer.Ordinal);
                return cell => cell("completedInvestment").Length > 0
                    || (cell("actualStart") is { Length: > 0 } start && started.GetValueOrDefault(cell("project")) != start);
            default:
                return _ => true;
        }
    }

    private static (List<IReadOnlyList<object?>>, string, string) ProjectRows(List<MajorProject> projects, Dictionary<int, OrgUnit> inside, Dictionary<int, string> codes, string region, OrgUnit? root)
    {
        var rows = projects.Select(x => (IReadOnlyList<object?>)
        [
            x.Code, x.Name, inside[x.OrgUnitId].Code, inside[x.OrgUnitId].Name, x.Category, Numbers.Normalize(x.TotalInvestment), Day(x.PlannedStart), Day(x.PlannedCompletion),
            ImportProjects.StageName(x.Stage), Numbers.Normalize(x.PrivateShare), x.LeadDepartmentId is { } d ? codes[d] : null, Day(x.ActualStart), Day(x.ActualCompletion),
        ]).ToList();
        var note = $"{region} · 重大项目。每个项目一行,可修改计划、阶段(储备/前期/新开工/续建/竣工)、民间投资占比、牵头部门(单位代码)和实际开工、竣工日期(如 2026-05-18);新项目加一行。项目代码、名称、地区、类别登记后不随导入改变;“地区名称”列只供查看;工作表名称和表头不要改动。"
            + " / One line per project: change the plan, the stage (储备/前期/新开工/续建/竣工 or reserve/preliminary/newStart/continuing/completed), the private share, the lead department (a unit code) and the actual start and completion dates (e.g. 2026-05-18); add a line for a new project. A project's code, name, region and category stay as registered; the region name is for reading only; keep the sheet name and the header.";
        return (rows, note, $"luoshi-projects-{root?.Code ?? "all"}");
    }

    private async Task<(List<IReadOnlyList<object?>>, string, string)> PlanRows(List<MajorProject> projects, Dictionary<int, OrgUnit> inside, string region, OrgUnit? root, int? year, CancellationToken ct)
    {
        int y = year ?? calendar.Today.Year;
        if (y is < Period.MinYear or > Period.MaxYear)
        {
            throw InputRefusedException.Single("year", new Text($"年份须在 {Period.MinYear}–{Period.MaxYear} 之间", $"the year must be {Period.MinYear}–{Period.MaxYear}"));
        }

        var projectIds = projects.Select(x => x.Id).ToList();
        var plans = await db.ProjectPlans.AsNoTracking().Where(x => x.Year == y && projectIds.Contains(x.ProjectId)).ToDictionaryAsync(x => x.ProjectId, ct);
        var rows = projects.Where(x => plans.ContainsKey(x.Id) || UnderWay(x, y)).Select(x => (IReadOnlyList<object?>)
        [
            x.Code, x.Name, inside[x.OrgUnitId].Code, ImportProjects.StageName(x.Stage), Numbers.Normalize(x.TotalInvestment), y,
            plans.TryGetValue(x.Id, out var plan) ? Numbers.Normalize(plan.PlannedInvestment) : null,
        ]).ToList();
        var note = $"{region} · {y}年度投资计划。每个在建或计划当年开工的项目一行:填写“年度计划投资”(亿元),已录入的计划已填好,可修改;其他列、工作表名称不要改动;“年度计划投资”为空的行不导入。"
            + $" / {y} annual investment plans. One line per project under way or due to start that year: fill in the planned investment (100 million yuan); recorded plans are filled in and may be changed. Keep the other columns and the sheet name. Lines without a planned amount are not imported.";
        return (rows, note, $"luoshi-project-plans-{root?.Code ?? "all"}-{y.ToString(CultureInfo.InvariantCulture)}");
    }

    private async Task<(List<IReadOnlyList<object?>>, string, string)> ProgressRows(List<MajorProject> projects, Dictionary<int, OrgUnit> inside, string region, OrgUnit? root, string? month, CancellationToken ct)
    {
        var period = string.IsNullOrWhiteSpace(month)
            ? calendar.LastCompleteMonth
            : Period.TryParse(month.Trim(), out var p) && p.Kind == Frequency.Month ? p : throw InputRefusedException.Single("month", new Text("须为月份,如 2026-05", "a month such as 2026-05"));
        var monthStart = period.Start;
        var code = period.ToString();
        var open = projects.Where(x => x.ActualCompletion is not { } done || done >= monthStart).ToList();
        var projectIds = open.Select(x => x.Id).ToList();
        var recorded = await db.ProjectProgress.AsNoTracking().Where(x => x.Month == period && projectIds.Contains(x.ProjectId)).ToDictionaryAsync(x => x.ProjectId, ct);
        var rows = open.Select(x =>
        {
            var done = recorded.GetValueOrDefault(x.Id);
            return (IReadOnlyList<object?>)[x.Code, x.Name, inside[x.OrgUnitId].Code, code, done is null ? null : Numbers.Normalize(done.CompletedInvestment), Day(x.ActualStart), done?.Narrative];
        }).ToList();
        var note = $"{region} · {code}。每个项目一行:填写“本月完成投资”(当月数,亿元)、刚开工的项目填“实际开工日期”(如 2026-05-18),可写“进展情况”;其他列、工作表名称不要改动;“本月完成投资”为空、开工日期也未变的行不导入。"
            + " / One line per project: fill in this month's completed investment (100 million yuan), the actual start date for a project that just started (e.g. 2026-05-18) and, if you like, a narrative; keep the other columns and the sheet name. Lines without an amount and without a new start date are not imported.";
        return (rows, note, $"luoshi-project-progress-{root?.Code ?? "all"}-{code}");
    }

    /// <summary>A project is under way in a year from the year it starts (as started, or as planned) until the year it is completed.</summary>
    private static bool UnderWay(MajorProject x, int year)
    {
        var start = x.ActualStart ?? x.PlannedStart;
        var end = x.ActualCompletion ?? (x.Stage == ProjectStage.Completed ? x.PlannedCompletion : (DateOnly?)null);
        return start.Year <= year && (end is null || end.Value.Year >= year);
    }

    private static string? Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
