using System.Globalization;
using Luoshi.Application.Common;
using Luoshi.Application.Evaluation;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Projects;

public sealed record ProjectView(
    string Code,
    string Name,
    string Org,
    string? LeadDepartment,
    string Category,
    decimal TotalInvestment,
    decimal PrivateShare,
    DateOnly PlannedStart,
    DateOnly PlannedCompletion,
    DateOnly? ActualStart,
    DateOnly? ActualCompletion,
    ProjectStage Stage,
    IReadOnlyList<ProjectPlanView> Plans,
    IReadOnlyList<ProjectMonthView> Progress);

public sealed record ProjectPlanView(int Year, decimal PlannedInvestment);

/// <summary>A month of a project: what was done then, the year's total so far, and the S-curve's expectation for that point.</summary>
public sealed record ProjectMonthView(string Month, decimal CompletedInvestment, decimal CumulativeInYear, decimal? ExpectedInYear, string? Narrative);

/// <summary>One row of the region summary: a region (its own projects and everything under it) or a category.</summary>
public sealed record ProjectSummaryRow(
    string Org,
    string OrgName,
    string? Category,
    int Projects,
    int PlannedToStart,
    int Started,
    double? StartRate,
    decimal AnnualPlan,
    decimal CompletedYtd,
    double? CompletionRate,
    decimal ExpectedYtd,
    int PlannedToComplete,
    int Completed,
    double? CompletionCountRate,
    double? PrivateShare,
    string Reason);

/// <summary>What the project list is filtered and sorted by; every part optional.</summary>
/// <param name="Org">A region: its projects and those of every unit below it.</param>
/// <param name="Started">started (with an actual start by the as-of date), notStarted, overdue (not started past the planned date).</param>
/// <param name="Year">The year whose plan and completed investment the rows carry; with <paramref name="InYear"/>, only projects with a plan that year.</param>
/// <param name="Sort">code, name, org, category, total, plannedStart, completion (the year's completion rate); <paramref name="Descending"/> to reverse.</param>
public sealed record ProjectFilter(
    string? Org = null,
    string? Category = null,
    string? Stage = null,
    string? Started = null,
    int? Year = null,
    bool InYear = false,
    string? Text = null,
    string? Sort = null,
    bool Descending = false,
    int Page = 1,
    int PageSize = ProjectQueries.DefaultPageSize);

/// <summary>A project in the list: who and what it is, where it stands on starting, and the chosen year's plan and completion.</summary>
public sealed record ProjectListRow(
    string Code,
    string Name,
    string Org,
    string OrgName,
    string Category,
    ProjectStage Stage,
    decimal TotalInvestment,
    decimal PrivateShare,
    DateOnly PlannedStart,
    DateOnly PlannedCompletion,
    DateOnly? ActualStart,
    DateOnly? ActualCompletion,
    ProjectStartStatus StartStatus,
    string StartReason,
    string StartReasonEn,
    decimal? AnnualPlan,
    decimal CompletedInYear,
    double? CompletionRate);

/// <summary>A page of the list with the counts of everything that matched (not just the page).</summary>
public sealed record ProjectPage(
    IReadOnlyList<ProjectListRow> Items,
    int Total,
    int Page,
    int PageSize,
    int Year,
    DateOnly AsOf,
    IReadOnlyDictionary<ProjectStartStatus, int> ByStartStatus,
    IReadOnlyDictionary<ProjectStage, int> ByStage,
    decimal TotalInvestment,
    decimal AnnualPlan,
    decimal CompletedInYear,
    IReadOnlyList<string> Categories);

/// <summary>
/// A project's year month by month: what was completed, the running total, and the plan curve it is held
/// against — the year's plan spread by <see cref="Basis"/> (the S-curve of <see cref="Domain.Evaluation.ExpectedProgress.SCurve"/>:
/// projects carry an annual plan, not a monthly schedule).
/// </summary>
public sealed record ProjectCurve(int Year, decimal? AnnualPlan, string Basis, IReadOnlyList<ProjectCurvePoint> Months, ProjectStart Start);

/// <param name="Cumulative">Completed from January through this month; null for months not yet reported.</param>
/// <param name="Expected">The plan curve: the annual plan × the S-curve share at the end of this month.</param>
public sealed record ProjectCurvePoint(int Month, decimal? Completed, decimal? Cumulative, decimal? Expected, string? Narrative);

/// <summary>Lists and reads projects, and summarises them by region (rolled up the org tree) and by category.</summary>
public sealed class ProjectQueries(Data.LuoshiDbContext db, ICurrentActor actor, LocalCalendar calendar)
{
    public const int MaxRows = 5000;
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    /// <summary>The filterable, sortable, paged list, with counts by start status and stage over everything that matched.</summary>
    /// <summary>The list as the caller may read it: an anonymous caller sees the projects announced on the public portal only.</summary>
    public Task<ProjectPage> Browse(ProjectFilter filter, DateOnly? asOf, CancellationToken ct) => Browse(filter, asOf, publicOnly: !actor.IsAuthenticated, ct);

    /// <param name="publicOnly">Only the projects announced on the public portal (<see cref="MajorProject.IsPublic"/>).</param>
    public async Task<ProjectPage> Browse(ProjectFilter filter, DateOnly? asOf, bool publicOnly, CancellationToken ct)
    {
        var today = asOf ?? calendar.Today;
        int year = filter.Year ?? today.Year;
        if (year is < Period.MinYear or > Period.MaxYear)
        {
            throw InputRefusedException.Single("year", new Text("年份无效", "not a year"));
        }

        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        var projects = await InUnitAndStage(filter, units, publicOnly, ct);
        var categories = projects.Select(p => p.Category).Distinct().Order(StringComparer.Ordinal).ToList();
        projects = InCategoryAndText(projects, filter);
        var plans = await db.ProjectPlans.AsNoTracking().Where(p => p.Year == year).ToDictionaryAsync(p => p.ProjectId, p => p.PlannedInvestment, ct);
        if (filter.InYear)
        {
            projects = [.. projects.Where(p => plans.ContainsKey(p.Id))];
        }

        var done = await CompletedInYear(year, today, ct);
        var rows = ByStart([.. projects.Select(p => ListRow(p, units[p.OrgUnitId], plans, done, today))], filter.Started);
        return Paged(rows, Sorted(rows, filter), filter, year, today, categories);
    }

    /// <summary>The projects of the unit's subtree and at the stage the filter names, both filtered in the database.</summary>
    private async Task<List<MajorProject>> InUnitAndStage(ProjectFilter filter, Dictionary<int, OrgUnit> units, bool publicOnly, CancellationToken ct)
    {
        var q = db.Projects.AsNoTracking().Where(p => !publicOnly || p.IsPublic);
        if (!string.IsNullOrWhiteSpace(filter.Org))
        {
            var unit = await Unit(filter.Org, ct);
            var ids = units.Values.Where(u => u.Path.StartsWith(unit.Path, StringComparison.Ordinal)).Select(u => u.Id).ToList();
            q = q.Where(p => ids.Contains(p.OrgUnitId));
        }

        if (!string.IsNullOrWhiteSpace(filter.Stage))
        {
            var s = Parsing.Enum<ProjectStage>(filter.Stage, "stage");
            q = q.Where(p => p.Stage == s);
        }

        return await q.ToListAsync(ct);
    }

    private static List<MajorProject> InCategoryAndText(List<MajorProject> projects, ProjectFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Category))
        {
            projects = [.. projects.Where(p => p.Category == filter.Category.Trim())];
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            projects = [.. projects.Where(p => p.Code.Contains(text, StringComparison.OrdinalIgnoreCase) || p.Name.Contains(text, StringComparison.OrdinalIgnoreCase))];
        }

        return projects;
    }

    /// <summary>Each project's investment completed in the year, through the last month complete at <paramref name="today"/>.</summary>
    private async Task<Dictionary<int, decimal>> CompletedInYear(int year, DateOnly today, CancellationToken ct)
    {
        var (january, december) = (Period.OfMonth(year, 1), Period.OfMonth(year, 12));
        var lastMonth = ProjectMetrics.CompleteMonths(year, today);
        return (await db.ProjectProgress.AsNoTracking().Where(p => p.Month >= january && p.Month <= december).Select(p => new { p.ProjectId, p.Month, p.CompletedInvestment }).ToListAsync(ct))
            .Where(p => p.Month.Index <= lastMonth)
            .GroupBy(p => p.ProjectId).ToDictionary(g => g.Key, g => g.Sum(x => x.CompletedInvestment));
    }

    private static ProjectListRow ListRow(MajorProject p, OrgUnit unit, Dictionary<int, decimal> plans, Dictionary<int, decimal> done, DateOnly today)
    {
        var start = ProjectStart.Of(p.PlannedStart, p.ActualStart, today);
        var plan = plans.TryGetValue(p.Id, out var pl) ? Numbers.Normalize(pl) : (decimal?)null;
        var completed = Numbers.Normalize(done.GetValueOrDefault(p.Id));
        return new ProjectListRow(
            p.Code, p.Name, unit.Code, unit.Name, p.Category, p.Stage, Numbers.Normalize(p.TotalInvestment), Numbers.Normalize(p.PrivateShare),
            p.PlannedStart, p.PlannedCompletion, p.ActualStart, p.ActualCompletion, start.Status, start.Reason, start.ReasonEn,
            plan, completed, plan is > 0 ? Math.Round((double)(completed / plan.Value) * 100, 1) : null);
    }

    private static List<ProjectListRow> ByStart(List<ProjectListRow> rows, string? started) => started?.Trim() switch
    {
        null or "" => rows,
        "started" => [.. rows.Where(r => r.StartStatus is ProjectStartStatus.OnTime or ProjectStartStatus.Late)],
        "notStarted" => [.. rows.Where(r => r.StartStatus is ProjectStartStatus.Overdue or ProjectStartStatus.NotDue)],
        "overdue" => [.. rows.Where(r => r.StartStatus == ProjectStartStatus.Overdue)],
        "late" => [.. rows.Where(r => r.StartStatus == ProjectStartStatus.Late)],
        _ => throw InputRefusedException.Single("started", new Text("取值应为 started|notStarted|overdue|late", "must be one of started|notStarted|overdue|late")),
    };

    private static IEnumerable<ProjectListRow> Sorted(List<ProjectListRow> rows, ProjectFilter filter)
    {
        IEnumerable<ProjectListRow> sorted = (filter.Sort?.Trim() ?? "code") switch
        {
            "code" => rows.OrderBy(r => r.Code, StringComparer.Ordinal),
            "name" => rows.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Code, StringComparer.Ordinal),
            "org" => rows.OrderBy(r => r.Org, StringComparer.Ordinal).ThenBy(r => r.Code, StringComparer.Ordinal),
            "category" => rows.OrderBy(r => r.Category, StringComparer.Ordinal).ThenBy(r => r.Code, StringComparer.Ordinal),
            "total" => rows.OrderBy(r => r.TotalInvestment).ThenBy(r => r.Code, StringComparer.Ordinal),
            "plannedStart" => rows.OrderBy(r => r.PlannedStart).ThenBy(r => r.Code, StringComparer.Ordinal),
            "completion" => rows.OrderBy(r => r.CompletionRate ?? -1).ThenBy(r => r.Code, StringComparer.Ordinal),
            _ => throw InputRefusedException.Single("sort", new Text("取值应为 code|name|org|category|total|plannedStart|completion", "must be one of code|name|org|category|total|plannedStart|completion")),
        };
        return filter.Descending ? sorted.Reverse() : sorted;
    }

    /// <summary>The page asked for, with the counts and sums over every row that matched.</summary>
    private static ProjectPage Paged(List<ProjectListRow> rows, IEnumerable<ProjectListRow> sorted, ProjectFilter filter, int year, DateOnly today, List<string> categories)
    {
        int size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        int pages = Math.Max(1, (rows.Count + size - 1) / size);
        int page = Math.Clamp(filter.Page, 1, pages);
        return new ProjectPage(
            [.. sorted.Skip((page - 1) * size).Take(size)],
            rows.Count,
            page,
            size,
            year,
            today,
            rows.GroupBy(r => r.StartStatus).ToDictionary(g => g.Key, g => g.Count()),
            rows.GroupBy(r => r.Stage).ToDictionary(g => g.Key, g => g.Count()),
            rows.Sum(r => r.TotalInvestment),
            rows.Sum(r => r.AnnualPlan ?? 0),
            rows.Sum(r => r.CompletedInYear),
            categories);
    }

    /// <summary>A project's year against its plan curve (the S-curve over the year's plan), with its start status as of the day.</summary>
    public async Task<ProjectCurve> Curve(string code, int? year, DateOnly? asOf, CancellationToken ct)
    {
        var today = asOf ?? calendar.Today;
        var p = await db.Projects.AsNoTracking().SingleOrDefaultAsync(x => x.Code == code && (x.IsPublic || actor.IsAuthenticated), ct) ?? throw new NotFoundException(new Text("项目", "project"), code);
        int y = year ?? today.Year;
        var plan = await db.ProjectPlans.AsNoTracking().Where(x => x.ProjectId == p.Id && x.Year == y).Select(x => (decimal?)x.PlannedInvestment).SingleOrDefaultAsync(ct);
        var (january, december) = (Period.OfMonth(y, 1), Period.OfMonth(y, 12));
        var months = (await db.ProjectProgress.AsNoTracking().Where(x => x.ProjectId == p.Id && x.Month >= january && x.Month <= december).ToListAsync(ct))
            .ToDictionary(x => x.Month.Index);
        int last = months.Count == 0 ? 0 : months.Keys.Max();
        decimal sum = 0;
        var points = new List<ProjectCurvePoint>();
        for (int m = 1; m <= 12; m++)
        {
            var got = months.GetValueOrDefault(m);
            sum += got?.CompletedInvestment ?? 0;
            points.Add(new ProjectCurvePoint(
                m,
                got is null ? null : Numbers.Normalize(got.CompletedInvestment),
                m <= last ? Numbers.Normalize(sum) : null,
                plan is { } pl ? Math.Round(pl * (decimal)Domain.Evaluation.ExpectedProgress.SCurve(m), 2) : null,
                got?.Narrative));
        }

        return new ProjectCurve(y, plan is { } a ? Numbers.Normalize(a) : null, "sCurve", points, ProjectStart.Of(p.PlannedStart, p.ActualStart, today));
    }

    /// <summary>The projects; an anonymous caller sees the public ones only.</summary>
    public async Task<IReadOnlyList<ProjectView>> List(string? org, string? category, string? stage, CancellationToken ct)
    {
        bool publicOnly = !actor.IsAuthenticated;
        var q = db.Projects.AsNoTracking().Where(p => !publicOnly || p.IsPublic);
        if (!string.IsNullOrWhiteSpace(org))
        {
            var unit = await Unit(org, ct);
            var ids = await db.OrgUnits.AsNoTracking().Where(u => u.Path.StartsWith(unit.Path)).Select(u => u.Id).ToListAsync(ct);
            q = q.Where(p => ids.Contains(p.OrgUnitId));
        }

        if (!string.IsNullOrWhiteSpace(category))
        {
            q = q.Where(p => p.Category == category.Trim());
        }

        if (!string.IsNullOrWhiteSpace(stage))
        {
            var s = Parsing.Enum<ProjectStage>(stage, "stage");
            q = q.Where(p => p.Stage == s);
        }

        var projects = await q.OrderBy(p => p.Code).Take(MaxRows).ToListAsync(ct);
        var codes = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code, ct);
        return [.. projects.Select(p => View(p, codes, [], []))];
    }

    public async Task<ProjectView> Get(string code, int? year, CancellationToken ct)
    {
        var p = await db.Projects.AsNoTracking().SingleOrDefaultAsync(x => x.Code == code && (x.IsPublic || actor.IsAuthenticated), ct) ?? throw new NotFoundException(new Text("项目", "project"), code);
        var codes = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code, ct);
        var plans = await db.ProjectPlans.AsNoTracking().Where(x => x.ProjectId == p.Id).OrderBy(x => x.Year).ToListAsync(ct);
        var progress = await db.ProjectProgress.AsNoTracking().Where(x => x.ProjectId == p.Id).OrderBy(x => x.Month).ToListAsync(ct);
        var months = new List<ProjectMonthView>();
        foreach (var group in progress.GroupBy(x => x.Month.Year))
        {
            int y = group.Key;
            var plan = plans.FirstOrDefault(x => x.Year == y)?.PlannedInvestment;
            decimal sum = 0;
            foreach (var m in group)
            {
                sum += m.CompletedInvestment;
                months.Add(new ProjectMonthView(m.Month.ToString(), Numbers.Normalize(m.CompletedInvestment), sum, plan is { } pl ? Math.Round(pl * (decimal)Domain.Evaluation.ExpectedProgress.SCurve(m.Month.Index), 2) : null, m.Narrative));
            }
        }

        return View(p, codes, plans, year is { } only ? [.. months.Where(m => m.Month.StartsWith(only.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))] : months);
    }

    /// <summary>
    /// One row per region under <paramref name="org"/> (default: the whole tree) counting its projects and
    /// all those of the regions below it, or, <paramref name="byCategory"/>, one row per category.
    /// </summary>
    public async Task<IReadOnlyList<ProjectSummaryRow>> Summary(int? year, DateOnly? asOf, string? org, bool byCategory, CancellationToken ct)
    {
        var today = asOf ?? calendar.Today;
        int y = year ?? today.Year;
        var units = await db.OrgUnits.AsNoTracking().Where(u => u.Kind != OrgUnitKind.Reference).ToListAsync(ct);
        var root = string.IsNullOrWhiteSpace(org) ? null : await Unit(org, ct);
        if (root is null)
        {
            actor.RequireEverywhere(Permission.ReadAll);
        }
        else
        {
            actor.Require(Permission.ReadAll, root);
        }

        var projects = await db.Projects.AsNoTracking().ToListAsync(ct);
        var plans = await db.ProjectPlans.AsNoTracking().Where(p => p.Year == y).ToDictionaryAsync(p => p.ProjectId, p => p.PlannedInvestment, ct);
        var (january, december) = (Period.OfMonth(y, 1), Period.OfMonth(y, 12));
        var progress = (await db.ProjectProgress.AsNoTracking().Where(p => p.Month >= january && p.Month <= december).ToListAsync(ct))
            .GroupBy(p => p.ProjectId).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, decimal>)g.ToDictionary(p => p.Month.Index, p => p.CompletedInvestment));
        var paths = units.ToDictionary(u => u.Id, u => u.Path);
        var facts = projects.Where(p => paths.ContainsKey(p.OrgUnitId)).Select(p => (Project: p, Facts: new ProjectFacts(
            p.Code, paths[p.OrgUnitId], p.Category, p.TotalInvestment, p.PrivateShare, p.PlannedStart, p.PlannedCompletion, p.ActualStart, p.ActualCompletion,
            plans.GetValueOrDefault(p.Id), progress.GetValueOrDefault(p.Id) ?? new Dictionary<int, decimal>()))).ToList();

        if (byCategory)
        {
            var scope = facts.Where(f => root is null || f.Facts.OrgPath.StartsWith(root.Path, StringComparison.Ordinal)).ToList();
            return [.. scope.GroupBy(f => f.Facts.Category).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Row(root?.Code ?? "*", root?.Name ?? new Text("全部", "all").ToString(), g.Key, ProjectMetrics.Summarize(g.Select(x => x.Facts), y, today)))];
        }

        var regions = units.Where(u => u.Kind is OrgUnitKind.Province or OrgUnitKind.City or OrgUnitKind.County && (root is null || u.Path.StartsWith(root.Path, StringComparison.Ordinal)))
            .OrderBy(u => u.Path, StringComparer.Ordinal);
        var rows = new List<ProjectSummaryRow>();
        foreach (var region in regions)
        {
            var inside = facts.Where(f => f.Facts.OrgPath.StartsWith(region.Path, StringComparison.Ordinal)).Select(f => f.Facts).ToList();
            if (inside.Count > 0)
            {
                rows.Add(Row(region.Code, region.Name, null, ProjectMetrics.Summarize(inside, y, today)));
            }
        }

        return rows;
    }

    private static ProjectSummaryRow Row(string org, string name, string? category, ProjectSummary s) => new(
        org, name, category, s.Projects, s.PlannedToStart, s.Started, Round(s.StartRate), Numbers.Normalize(Math.Round(s.AnnualPlan, 2)), Numbers.Normalize(Math.Round(s.CompletedYtd, 2)), Round(s.CompletionRate),
        Numbers.Normalize(Math.Round(s.ExpectedYtd, 2)), s.PlannedToComplete, s.Completed, Round(s.CompletionCountRate), Round(s.PrivateShare), s.Reason);

    private static double? Round(double? v) => v is { } x ? Math.Round(x, 1, MidpointRounding.AwayFromZero) : null;

    private async Task<OrgUnit> Unit(string code, CancellationToken ct) =>
        await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Code == code.Trim(), ct) ?? throw new NotFoundException(new Text("单位", "org unit"), code);

    private static ProjectView View(MajorProject p, IReadOnlyDictionary<int, string> codes, IEnumerable<ProjectPlan> plans, IReadOnlyList<ProjectMonthView> months) => new(
        p.Code, p.Name, codes[p.OrgUnitId], p.LeadDepartmentId is { } d ? codes[d] : null, p.Category, Numbers.Normalize(p.TotalInvestment), Numbers.Normalize(p.PrivateShare),
        p.PlannedStart, p.PlannedCompletion, p.ActualStart, p.ActualCompletion, p.Stage,
        [.. plans.Select(x => new ProjectPlanView(x.Year, Numbers.Normalize(x.PlannedInvestment)))], months);
}
