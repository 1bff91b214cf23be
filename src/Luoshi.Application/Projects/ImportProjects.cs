using System.Globalization;
using Luoshi.Application.Common;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
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
            throw new DomainException("stage", $"阶段“{Parsing.Clip(text)}”无效,应为 {words} / unknown stage '{Parsing.Clip(text)}'; one of {words} or reserve, preliminary, newStart, continuing, completed");
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

        var errors = new RowErrors();
        var forbidden = new OutOfScope();
        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, ct);
        var projects = await db.Projects.ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, ct);
        var unitPaths = units.Values.ToDictionary(u => u.Id, u => u);
        var existingPlans = kind == ProjectImportKind.ProjectPlans ? await db.ProjectPlans.ToDictionaryAsync(x => (x.ProjectId, x.Year), ct) : [];
        var existingProgress = kind == ProjectImportKind.ProjectProgress ? await db.ProjectProgress.ToDictionaryAsync(x => (x.ProjectId, x.Month), ct) : [];
        string F(string[] fields, string column) => table.Get(fields, column)?.Trim() ?? string.Empty;
        int created = 0, updated = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var touched = new HashSet<(int OrgUnitId, int Year)>();

        foreach (var (line, fields) in table.Rows)
        {
            if (errors.Full)
            {
                break;
            }

            if (kind == ProjectImportKind.Projects)
            {
                var code = F(fields, "code");
                if (!seen.Add(code))
                {
                    errors.Add(line, "code", $"项目代码 {Parsing.Clip(code)} 在文件中重复 / project code '{Parsing.Clip(code)}' appears twice");
                    continue;
                }

                if (!units.TryGetValue(F(fields, "org"), out var org))
                {
                    errors.Add(line, "org", $"单位 {Parsing.Clip(F(fields, "org"))} 不存在 / org unit '{Parsing.Clip(F(fields, "org"))}' does not exist");
                    continue;
                }

                if (!actor.Can(Permission.ManagePlans, org))
                {
                    forbidden.Add(line, org.Code);
                    continue;
                }

                // A row updating a known project needs the right over the project's own region, whatever region the row names.
                if (projects.TryGetValue(code, out var known) && !actor.Can(Permission.ManagePlans, unitPaths[known.OrgUnitId]))
                {
                    forbidden.Add(line, unitPaths[known.OrgUnitId].Code);
                    continue;
                }

                var total = errors.Try(line, "totalInvestment", () => (decimal?)Parsing.Decimal(F(fields, "totalInvestment"), "totalInvestment"));
                var plannedStart = errors.Try(line, "plannedStart", () => Parsing.OptionalDate(F(fields, "plannedStart"), "plannedStart") ?? throw new DomainException("plannedStart", "计划开工日期不能为空 / the planned start is required"));
                var plannedCompletion = errors.Try(line, "plannedCompletion", () => Parsing.OptionalDate(F(fields, "plannedCompletion"), "plannedCompletion") ?? throw new DomainException("plannedCompletion", "计划竣工日期不能为空 / the planned completion is required"));
                var stage = errors.Try(line, "stage", () => (ProjectStage?)Stage(F(fields, "stage")));
                var share = errors.Try(line, "privateShare", () => Parsing.OptionalDecimal(table.Get(fields, "privateShare"), "privateShare") ?? 0m);
                var actualStart = errors.Try(line, "actualStart", () => Parsing.OptionalDate(table.Get(fields, "actualStart"), "actualStart"));
                var actualCompletion = errors.Try(line, "actualCompletion", () => Parsing.OptionalDate(table.Get(fields, "actualCompletion"), "actualCompletion"));
                int? lead = null;
                if (table.Get(fields, "leadDepartment") is { Length: > 0 } leadCode)
                {
                    if (units.TryGetValue(leadCode.Trim(), out var dept))
                    {
                        lead = dept.Id;
                    }
                    else
                    {
                        errors.Add(line, "leadDepartment", $"单位 {Parsing.Clip(leadCode)} 不存在 / org unit '{Parsing.Clip(leadCode)}' does not exist");
                    }
                }

                if (total is null || plannedStart == default || plannedCompletion == default || stage is null)
                {
                    continue;
                }

                bool isNew = !projects.TryGetValue(code, out var project);
                if (project is not null && project.OrgUnitId != org.Id)
                {
                    var owner = unitPaths[project.OrgUnitId].Code;
                    errors.Add(line, "org", $"项目 {Parsing.Clip(code)} 属于 {owner},导入不能把项目改到别的地区 / project '{Parsing.Clip(code)}' belongs to {owner}; an import cannot move it to another region");
                    continue;
                }

                var before = project is null ? default : Facts(project);
                project ??= errors.Try(line, () => MajorProject.Register(code, F(fields, "name"), org.Id, F(fields, "category")));
                if (project is null || (!isNew && !errors.Try(line, () => project.Describe(F(fields, "name"), F(fields, "category")))))
                {
                    continue;
                }

                bool ok = errors.Try(line, "plannedCompletion", () => project.Plan(total.Value, plannedStart, plannedCompletion, share, lead))
                    && errors.Try(line, "stage", () => project.Declare(stage.Value))
                    && (actualStart is null || errors.Try(line, "actualStart", () => project.Start(actualStart.Value)))
                    && (actualCompletion is null || errors.Try(line, "actualCompletion", () => project.Complete(actualCompletion.Value)));
                if (!ok)
                {
                    continue;
                }

                if (isNew)
                {
                    projects[code] = project;
                    db.Projects.Add(project);
                    created++;
                }
                else if (Facts(project) != before)
                {
                    // Only a line that changes something is a new version of its project; the others are unchanged.
                    project.Touch();
                    updated++;
                }

                continue;
            }

            var projectCode = F(fields, "project");
            if (!projects.TryGetValue(projectCode, out var p))
            {
                errors.Add(line, "project", $"项目 {Parsing.Clip(projectCode)} 不存在 / project '{Parsing.Clip(projectCode)}' does not exist");
                continue;
            }

            if (!actor.Can(Permission.ManagePlans, unitPaths[p.OrgUnitId]))
            {
                forbidden.Add(line, unitPaths[p.OrgUnitId].Code);
                continue;
            }

            if (kind == ProjectImportKind.ProjectPlans)
            {
                var year = errors.Try(line, "year", () => int.TryParse(F(fields, "year"), NumberStyles.None, CultureInfo.InvariantCulture, out int y) && y is >= Period.MinYear and <= Period.MaxYear ? y : throw new DomainException("year", "年份无效 / not a year"));
                var planned = errors.Try(line, "plannedInvestment", () => (decimal?)Parsing.Decimal(F(fields, "plannedInvestment"), "plannedInvestment"));
                if (year == 0 || planned is null || !seen.Add($"{projectCode}|{year}"))
                {
                    if (year != 0 && planned is not null)
                    {
                        errors.Add(line, "year", "同一项目同一年份重复 / the same project and year appear twice");
                    }

                    continue;
                }

                if (!existingPlans.TryGetValue((p.Id, year), out var plan))
                {
                    if (errors.Try(line, "plannedInvestment", () => { db.ProjectPlans.Add(new ProjectPlan(p.Id, year, planned.Value)); }))
                    {
                        created++;
                    }
                }
                else if (plan.PlannedInvestment != planned && errors.Try(line, "plannedInvestment", () => plan.Change(planned.Value)))
                {
                    updated++;
                }
            }
            else
            {
                var month = errors.Try(line, "month", () => Period.Parse(F(fields, "month")) is { Kind: Frequency.Month } m ? m.ToString() : throw new DomainException("month", "须为月份,如 2026-05 / a month such as 2026-05"));
                var amount = errors.Try(line, "completedInvestment", () => (decimal?)Parsing.Decimal(F(fields, "completedInvestment"), "completedInvestment"));
                var actualStart = errors.Try(line, "actualStart", () => Parsing.OptionalDate(F(fields, "actualStart"), "actualStart"));
                if (month is null || amount is null || !seen.Add($"{projectCode}|{month}"))
                {
                    if (month is not null && amount is not null)
                    {
                        errors.Add(line, "month", "同一项目同一月份重复 / the same project and month appear twice");
                    }

                    continue;
                }

                if (actualStart is { } started && !errors.Try(line, "actualStart", () => p.Start(started)))
                {
                    continue;
                }

                if (!existingProgress.TryGetValue((p.Id, month), out var progress))
                {
                    progress = errors.Try(line, "completedInvestment", () => new ProjectProgress(p.Id, month, amount.Value));
                    if (progress is not null)
                    {
                        if (errors.Try(line, "narrative", () => progress.Change(amount.Value, table.Get(fields, "narrative"))))
                        {
                            db.ProjectProgress.Add(progress);
                            existingProgress[(p.Id, month)] = progress;
                            touched.Add((p.OrgUnitId, int.Parse(month[..4], CultureInfo.InvariantCulture)));
                            created++;
                        }
                    }
                }
                else if (errors.Try(line, "completedInvestment", () => progress.Change(amount.Value, table.Get(fields, "narrative"))))
                {
                    touched.Add((p.OrgUnitId, int.Parse(month[..4], CultureInfo.InvariantCulture)));
                    updated++;
                }
            }
        }

        forbidden.ThrowIfAny();
        errors.ThrowIfAny();
        if (kind == ProjectImportKind.ProjectProgress && touched.Count > 0)
        {
            var stamp = Stamp.Of(actor.Name, clock.GetUtcNow(), $"重大项目进度导入({source})/ major-project progress import ({source})");
            await ProjectInvestmentFeed.Refresh(db, projects.Values, existingProgress.Values, touched, stamp, ct);
        }

        await db.SaveChangesAsync(ct);
        return new ImportSummary(Parsing.Camel(kind.ToString()), table.Rows.Count, created, updated, table.Rows.Count - created - updated);
    }

    /// <summary>What a projects line states about a project, to tell a line that changes it from one that does not.</summary>
    private static (string, string, decimal, DateOnly, DateOnly, decimal, int?, ProjectStage, DateOnly?, DateOnly?) Facts(MajorProject p) =>
        (p.Name, p.Category, p.TotalInvestment, p.PlannedStart, p.PlannedCompletion, p.PrivateShare, p.LeadDepartmentId, p.Stage, p.ActualStart, p.ActualCompletion);
}
