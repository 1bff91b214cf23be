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

/// <summary>Lists and reads projects, and summarises them by region (rolled up the org tree) and by category.</summary>
public sealed class ProjectQueries(Data.LuoshiDbContext db, ICurrentActor actor, TimeProvider clock)
{
    public const int MaxRows = 5000;

    public async Task<IReadOnlyList<ProjectView>> List(string? org, string? category, string? stage, CancellationToken ct)
    {
        var q = db.Projects.AsNoTracking().AsQueryable();
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
        var p = await db.Projects.AsNoTracking().SingleOrDefaultAsync(x => x.Code == code, ct) ?? throw new NotFoundException("项目/project", code);
        var codes = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code, ct);
        var plans = await db.ProjectPlans.AsNoTracking().Where(x => x.ProjectId == p.Id).OrderBy(x => x.Year).ToListAsync(ct);
        var progress = await db.ProjectProgress.AsNoTracking().Where(x => x.ProjectId == p.Id).OrderBy(x => x.Month).ToListAsync(ct);
        var months = new List<ProjectMonthView>();
        foreach (var group in progress.GroupBy(x => x.Month[..4]))
        {
            int y = int.Parse(group.Key, System.Globalization.CultureInfo.InvariantCulture);
            var plan = plans.FirstOrDefault(x => x.Year == y)?.PlannedInvestment;
            decimal sum = 0;
            foreach (var m in group)
            {
                sum += m.CompletedInvestment;
                int month = Period.Parse(m.Month).Index;
                months.Add(new ProjectMonthView(m.Month, Numbers.Normalize(m.CompletedInvestment), sum, plan is { } pl ? Math.Round(pl * (decimal)Domain.Evaluation.ExpectedProgress.SCurve(month), 2) : null, m.Narrative));
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
        var today = asOf ?? Evaluate.Today(clock);
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
        var prefix = y.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-";
        var progress = (await db.ProjectProgress.AsNoTracking().Where(p => p.Month.StartsWith(prefix)).ToListAsync(ct))
            .GroupBy(p => p.ProjectId).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<int, decimal>)g.ToDictionary(p => Period.Parse(p.Month).Index, p => p.CompletedInvestment));
        var paths = units.ToDictionary(u => u.Id, u => u.Path);
        var facts = projects.Where(p => paths.ContainsKey(p.OrgUnitId)).Select(p => (Project: p, Facts: new ProjectFacts(
            p.Code, paths[p.OrgUnitId], p.Category, p.TotalInvestment, p.PrivateShare, p.PlannedStart, p.PlannedCompletion, p.ActualStart, p.ActualCompletion,
            plans.GetValueOrDefault(p.Id), progress.GetValueOrDefault(p.Id) ?? new Dictionary<int, decimal>()))).ToList();

        if (byCategory)
        {
            var scope = facts.Where(f => root is null || f.Facts.OrgPath.StartsWith(root.Path, StringComparison.Ordinal)).ToList();
            return [.. scope.GroupBy(f => f.Facts.Category).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Row(root?.Code ?? "*", root?.Name ?? "全部 / all", g.Key, ProjectMetrics.Summarize(g.Select(x => x.Facts), y, today)))];
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
        await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Code == code.Trim(), ct) ?? throw new NotFoundException("单位/org unit", code);

    private static ProjectView View(MajorProject p, IReadOnlyDictionary<int, string> codes, IEnumerable<ProjectPlan> plans, IReadOnlyList<ProjectMonthView> months) => new(
        p.Code, p.Name, codes[p.OrgUnitId], p.LeadDepartmentId is { } d ? codes[d] : null, p.Category, Numbers.Normalize(p.TotalInvestment), Numbers.Normalize(p.PrivateShare),
        p.PlannedStart, p.PlannedCompletion, p.ActualStart, p.ActualCompletion, p.Stage,
        [.. plans.Select(x => new ProjectPlanView(x.Year, Numbers.Normalize(x.PlannedInvestment)))], months);
}
