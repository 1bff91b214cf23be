using System.Globalization;
using Luoshi.Application.Common;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Projects;

public enum ProjectImportKind
{
    Projects,
    ProjectPlans,
    ProjectProgress,
}

/// <summary>
/// Imports projects, their annual plans and their monthly progress from CSV, all or nothing, every
/// problem named by line and column; re-importing a row updates it. Needs the planning permission over
/// each project's region.
/// </summary>
public sealed class ImportProjects(Data.LuoshiDbContext db, ICurrentActor actor, TimeProvider clock)
{
    public static readonly IReadOnlyDictionary<ProjectImportKind, string[]> Columns = new Dictionary<ProjectImportKind, string[]>
    {
        [ProjectImportKind.Projects] = ["code", "name", "org", "category", "totalInvestment", "plannedStart", "plannedCompletion", "stage"],
        [ProjectImportKind.ProjectPlans] = ["project", "year", "plannedInvestment"],
        [ProjectImportKind.ProjectProgress] = ["project", "month", "completedInvestment", "actualStart"],
    };

    private static readonly Dictionary<string, ProjectStage> ChineseStages = new(StringComparer.Ordinal)
    {
        ["储备"] = ProjectStage.Reserve,
        ["前期"] = ProjectStage.Preliminary,
        ["新开工"] = ProjectStage.NewStart,
        ["续建"] = ProjectStage.Continuing,
        ["竣工"] = ProjectStage.Completed,
    };

    public async Task<ImportSummary> FromCsv(ProjectImportKind kind, Stream stream, CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
        {
            throw new UnauthenticatedException();
        }

        var table = CsvTable.Read(stream, Columns[kind], OptionalColumns(kind));
        return await Import(kind, table, "CSV", ct);
    }

    private static ProjectStage Stage(string text)
    {
        if (ChineseStages.TryGetValue(text, out var stage))
        {
            return stage;
        }

        try
        {
            return Parsing.Enum<ProjectStage>(text, "stage");
        }
        catch (DomainException)
        {
            var words = string.Join("/", ChineseStages.Keys);
            throw new DomainException("stage", new Text($"阶段“{Parsing.Clip(text)}”无效,应为 {words}", $"unknown stage '{Parsing.Clip(text)}'; one of {words} or reserve, preliminary, newStart, continuing, completed"));
        }
    }

    /// <summary>A stage as the Chinese word the import reads (储备 …).</summary>
    public static string StageName(ProjectStage stage) => ChineseStages.First(x => x.Value == stage).Key;

    internal static string[] OptionalColumns(ProjectImportKind kind) =>
        kind == ProjectImportKind.Projects ? ["privateShare", "leadDepartment", "actualStart", "actualCompletion"] : kind == ProjectImportKind.ProjectProgress ? ["narrative"] : [];

    /// <summary>Checks every row of a table (read from a CSV file or a sheet) and writes them all, or none.</summary>
    internal async Task<ImportSummary> Import(ProjectImportKind kind, CsvTable table, string source, CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
        {
            throw new UnauthenticatedException();
        }

        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, ct);
        var projects = await db.Projects.ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, ct);
        var existingPlans = kind == ProjectImportKind.ProjectPlans ? await db.ProjectPlans.ToDictionaryAsync(x => (x.ProjectId, x.Year), ct) : [];
        var existingProgress = kind == ProjectImportKind.ProjectProgress ? await db.ProjectProgress.ToDictionaryAsync(x => (x.ProjectId, x.Month), ct) : [];
        var lines = new Lines(db, actor, table, units, projects, existingPlans, existingProgress);
        foreach (var (line, fields) in table.Rows)
        {
            if (lines.Errors.Full)
            {
                break;
            }

            if (kind == ProjectImportKind.Projects)
            {
                lines.Project(line, fields);
            }
            else if (lines.ProjectOf(line, fields) is { } p)
            {
                if (kind == ProjectImportKind.ProjectPlans)
                {
                    lines.Plan(line, fields, p);
                }
                else
                {
                    lines.Progress(line, fields, p);
                }
            }
        }

        lines.Forbidden.ThrowIfAny();
        lines.Errors.ThrowIfAny();
        if (kind == ProjectImportKind.ProjectProgress && lines.Touched.Count > 0)
        {
            var stamp = Stamp.Of(actor.Name, clock.GetUtcNow(), new Text($"重大项目进度导入({source})", $"major-project progress import ({source})").Bilingual);
            await ProjectInvestmentFeed.Refresh(db, projects.Values, existingProgress.Values, lines.Touched, stamp, ct);
        }

        await db.SaveChangesAsync(ct);
        return new ImportSummary(Parsing.Camel(kind.ToString()), table.Rows.Count, lines.Created, lines.Updated, table.Rows.Count - lines.Created - lines.Updated);
    }

    /// <summary>
    /// The lines of one file checked and applied one by one: every problem collected, the rows outside the
    /// actor's scope listed, what was created and updated counted.
    /// </summary>
    private sealed class Lines(
        Data.LuoshiDbContext db,
        ICurrentActor actor,
        CsvTable table,
        Dictionary<string, OrgUnit> units,
        Dictionary<string, MajorProject> projects,
        Dictionary<(int ProjectId, int Year), ProjectPlan> existingPlans,
        Dictionary<(int ProjectId, Period Month), ProjectProgress> existingProgress)
    {
        private readonly Dictionary<int, OrgUnit> _unitPaths = units.Values.ToDictionary(u => u.Id, u => u);
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public RowErrors Errors { get; } = new();

        public OutOfScope Forbidden { get; } = new();

        public HashSet<(int OrgUnitId, int Year)> Touched { get; } = [];

        public int Created { get; private set; }

        public int Updated { get; private set; }

        /// <summary>A projects line: registers the project or updates what it states.</summary>
        public void Project(int line, string[] fields)
        {
            var code = table.Text(fields, "code");
            if (!_seen.Add(code))
            {
                Errors.Add(line, "code", new Text($"项目代码 {Parsing.Clip(code)} 在文件中重复", $"project code '{Parsing.Clip(code)}' appears twice"));
                return;
            }

            if (!units.TryGetValue(table.Text(fields, "org"), out var org))
            {
                Errors.Add(line, "org", new Text($"单位 {Parsing.Clip(table.Text(fields, "org"))} 不存在", $"org unit '{Parsing.Clip(table.Text(fields, "org"))}' does not exist"));
                return;
            }

            if (!actor.Can(Permission.ManagePlans, org))
            {
                Forbidden.Add(line, org.Code);
                return;
            }

            // A row updating a known project needs the right over the project's own region, whatever region the row names.
            if (projects.TryGetValue(code, out var known) && !actor.Can(Permission.ManagePlans, _unitPaths[known.OrgUnitId]))
            {
                Forbidden.Add(line, _unitPaths[known.OrgUnitId].Code);
                return;
            }

            var total = Errors.Try(line, "totalInvestment", () => (decimal?)Parsing.Decimal(table.Text(fields, "totalInvestment"), "totalInvestment"));
            var plannedStart = Errors.Try(line, "plannedStart", () => Parsing.OptionalDate(table.Text(fields, "plannedStart"), "plannedStart") ?? throw new DomainException("plannedStart", new Text("计划开工日期不能为空", "the planned start is required")));
            var plannedCompletion = Errors.Try(line, "plannedCompletion", () => Parsing.OptionalDate(table.Text(fields, "plannedCompletion"), "plannedCompletion") ?? throw new DomainException("plannedCompletion", new Text("计划竣工日期不能为空", "the planned completion is required")));
            var stage = Errors.Try(line, "stage", () => (ProjectStage?)Stage(table.Text(fields, "stage")));
            var share = Errors.Try(line, "privateShare", () => Parsing.OptionalDecimal(table.Get(fields, "privateShare"), "privateShare") ?? 0m);
            var actualStart = Errors.Try(line, "actualStart", () => Parsing.OptionalDate(table.Get(fields, "actualStart"), "actualStart"));
            var actualCompletion = Errors.Try(line, "actualCompletion", () => Parsing.OptionalDate(table.Get(fields, "actualCompletion"), "actualCompletion"));
            int? lead = null;
            if (table.Get(fields, "leadDepartment") is { Length: > 0 } leadCode)
            {
                if (units.TryGetValue(leadCode.Trim(), out var dept))
                {
                    lead = dept.Id;
                }
                else
                {
                    Errors.Add(line, "leadDepartment", new Text($"单位 {Parsing.Clip(leadCode)} 不存在", $"org unit '{Parsing.Clip(leadCode)}' does not exist"));
                }
            }

            if (total is null || plannedStart == default || plannedCompletion == default || stage is null)
            {
                return;
            }

            bool isNew = !projects.TryGetValue(code, out var project);
            if (project is not null && project.OrgUnitId != org.Id)
            {
                var owner = _unitPaths[project.OrgUnitId].Code;
                Errors.Add(line, "org", new Text($"项目 {Parsing.Clip(code)} 属于 {owner},导入不能把项目改到别的地区", $"project '{Parsing.Clip(code)}' belongs to {owner}; an import cannot move it to another region"));
                return;
            }

            var before = project is null ? default : Facts(project);
            project ??= Errors.Try(line, () => MajorProject.Register(code, table.Text(fields, "name"), org.Id, table.Text(fields, "category")));
            if (project is null || (!isNew && !Errors.Try(line, () => project.Describe(table.Text(fields, "name"), table.Text(fields, "category")))))
            {
                return;
            }

            bool ok = Errors.Try(line, "plannedCompletion", () => project.Plan(total.Value, plannedStart, plannedCompletion, share, lead))
                && Errors.Try(line, "stage", () => project.Declare(stage.Value))
                && (actualStart is null || Errors.Try(line, "actualStart", () => project.Start(actualStart.Value)))
                && (actualCompletion is null || Errors.Try(line, "actualCompletion", () => project.Complete(actualCompletion.Value)));
            if (!ok)
            {
                return;
            }

            if (isNew)
            {
                projects[code] = project;
                db.Projects.Add(project);
                Created++;
            }
            else if (Facts(project) != before)
            {
                // Only a line that changes something is a new version of its project (the save raises it); the others are unchanged.
                Updated++;
            }
        }

        /// <summary>The project a plan or progress line names, when it exists and the actor may plan in its region.</summary>
        public MajorProject? ProjectOf(int line, string[] fields)
        {
            var projectCode = table.Text(fields, "project");
            if (!projects.TryGetValue(projectCode, out var p))
            {
                Errors.Add(line, "project", new Text($"项目 {Parsing.Clip(projectCode)} 不存在", $"project '{Parsing.Clip(projectCode)}' does not exist"));
                return null;
            }

            if (!actor.Can(Permission.ManagePlans, _unitPaths[p.OrgUnitId]))
            {
                Forbidden.Add(line, _unitPaths[p.OrgUnitId].Code);
                return null;
            }
            return p;
        }

        /// <summary>A project-plans line: the year's planned investment.</summary>
        public void Plan(int line, string[] fields, MajorProject p)
        {
            var projectCode = table.Text(fields, "project");
            var year = Errors.Try(line, "year", () => int.TryParse(table.Text(fields, "year"), NumberStyles.None, CultureInfo.InvariantCulture, out int y) && y is >= Period.MinYear and <= Period.MaxYear ? y : throw new DomainException("year", new Text("年份无效", "not a year")));
            var planned = Errors.Try(line, "plannedInvestment", () => (decimal?)Parsing.Decimal(table.Text(fields, "plannedInvestment"), "plannedInvestment"));
            if (year == 0 || planned is null || !_seen.Add($"{projectCode}|{year}"))
            {
                if (year != 0 && planned is not null)
                {
                    Errors.Add(line, "year", new Text("同一项目同一年份重复", "the same project and year appear twice"));
                }

                return;
            }

            if (!existingPlans.TryGetValue((p.Id, year), out var plan))
            {
                if (Errors.Try(line, "plannedInvestment", () => { db.ProjectPlans.Add(new ProjectPlan(p.Id, year, planned.Value)); }))
                {
                    Created++;
                }
            }
            else if (plan.PlannedInvestment != planned && Errors.Try(line, "plannedInvestment", () => plan.Change(planned.Value)))
            {
                Updated++;
            }
        }

        /// <summary>A project-progress line: the month's completed investment, and the project's start when the line gives it.</summary>
        public void Progress(int line, string[] fields, MajorProject p)
        {
            var projectCode = table.Text(fields, "project");
            var parsed = Errors.Try(line, "month", () => (Period?)(Period.Parse(table.Text(fields, "month")) is { Kind: Frequency.Month } m ? m : throw new DomainException("month", new Text("须为月份,如 2026-05", "a month such as 2026-05"))));
            var amount = Errors.Try(line, "completedInvestment", () => (decimal?)Parsing.Decimal(table.Text(fields, "completedInvestment"), "completedInvestment"));
            var actualStart = Errors.Try(line, "actualStart", () => Parsing.OptionalDate(table.Text(fields, "actualStart"), "actualStart"));
            if (parsed is not { } month || amount is null || !_seen.Add($"{projectCode}|{month}"))
            {
                if (parsed is not null && amount is not null)
                {
                    Errors.Add(line, "month", new Text("同一项目同一月份重复", "the same project and month appear twice"));
                }

                return;
            }

            if (actualStart is { } started && !Errors.Try(line, "actualStart", () => p.Start(started)))
            {
                return;
            }

            if (!existingProgress.TryGetValue((p.Id, month), out var progress))
            {
                progress = Errors.Try(line, "completedInvestment", () => new ProjectProgress(p.Id, month, amount.Value));
                if (progress is not null)
                {
                    if (Errors.Try(line, "narrative", () => progress.Change(amount.Value, table.Get(fields, "narrative"))))
                    {
                        db.ProjectProgress.Add(progress);
                        existingProgress[(p.Id, month)] = progress;
                        Touched.Add((p.OrgUnitId, month.Year));
                        Created++;
                    }
                }
            }
            else if (Errors.Try(line, "completedInvestment", () => progress.Change(amount.Value, table.Get(fields, "narrative"))))
            {
                Touched.Add((p.OrgUnitId, month.Year));
                Updated++;
            }
        }
    }

    /// <summary>What a projects line states about a project, to tell a line that changes it from one that does not.</summary>
    private static (string, string, decimal, DateOnly, DateOnly, decimal, int?, ProjectStage, DateOnly?, DateOnly?) Facts(MajorProject p) =>
        (p.Name, p.Category, p.TotalInvestment, p.PlannedStart, p.PlannedCompletion, p.PrivateShare, p.LeadDepartmentId, p.Stage, p.ActualStart, p.ActualCompletion);
}
