using Luoshi.Application.Data;
using Luoshi.Application.Evaluation;
using Luoshi.Application.Indicators;
using Luoshi.Application.Organization;
using Luoshi.Application.Projects;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Demo;

/// <summary>
/// Loads the synthetic demo province through the same import use case that files go through, and marks
/// the data directory as a demo (so demo-only conveniences are refused elsewhere). Refuses a database
/// that already holds other data. Servers and commands loading it at once load it once (<see cref="DatabaseMigrator.ExclusiveAsync"/>).
/// </summary>
public sealed class SeedDemo(LuoshiDbContext db, DatabaseMigrator migrator, ImportOrgUnits importOrgs, ImportIndicators importIndicators, Plans.ImportPlans importPlans, ImportTargets importTargets, Readings.ImportReadings importReadings, Projects.ImportProjects importProjects, Policies.ImportPolicies importPolicies, Identity.AddUser addUser, Assessment.RunAssessment runAssessment, Assessment.PublishRun publishRun, Common.LocalCalendar calendar)
{
    public const int FirstYear = 2021;

    /// <summary>The password of every demo user (listed in the README); demo data directories only.</summary>
    public const string DemoPassword = "Luoshi-demo-2026";

    /// <summary>The demo users: a name, a role and the unit their role is bound to (none: the whole province).</summary>
    public static readonly (string Name, Domain.Identity.Role Role, string? Org, string DisplayName)[] Users =
    [
        ("admin", Domain.Identity.Role.Admin, null, "系统管理员"),
        ("planner", Domain.Identity.Role.Planner, null, "省发改委规划处"),
        ("reporter", Domain.Identity.Role.Reporter, "330100", "钱塘市统计员"),
        ("reviewer", Domain.Identity.Role.Reviewer, "330100", "钱塘市审核员"),
        ("supervisor", Domain.Identity.Role.Supervisor, null, "省委督查室"),
        ("leader", Domain.Identity.Role.Leader, null, "省领导"),
    ];

    public Task<IReadOnlyList<ImportSummary>> Handle(IProgress<ImportProgress>? progress, CancellationToken ct) =>
        migrator.ExclusiveAsync(c => Load(progress, c), ct);

    private async Task<IReadOnlyList<ImportSummary>> Load(IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        if (await db.Settings.AnyAsync(s => s.Key == Setting.Demo, ct))
        {
            return [];
        }

        if (await db.OrgUnits.AnyAsync(ct))
        {
            throw new Common.ConflictException("demo", new Text("数据目录已有非演示数据,不能载入演示省份", "this data directory already holds data; the demo province is loaded only into an empty one"));
        }

        var today = calendar.Today;
        var summaries = new List<ImportSummary>
        {
            await importOrgs.Handle(Numbered(DemoProvince.Orgs()), ct),
            await importIndicators.Handle(Numbered(DemoProvince.Indicators()), ct),
            await importPlans.Handle(Numbered(DemoProvince.Plans(today)), ct),
            await importTargets.Handle(Numbered(DemoProvince.Targets(FirstYear, today.Year + 4).Where(t => t.Indicator != ProjectInvestmentFeed.IndicatorCode)), ct),
            await importReadings.Handle(DemoProvince.Readings(today).Where(r => r.Indicator != ProjectInvestmentFeed.IndicatorCode).Select((r, i) => (i + 2, r, (string?)null)), progress, ct),
        };
        await SeedReporting(today, ct);
        var counties = await (from c in db.OrgUnits.AsNoTracking()
                              join city in db.OrgUnits on c.ParentId equals city.Id
                              where c.Kind == Domain.Organization.OrgUnitKind.County
                              orderby c.Code
                              select new { c.Code, City = city.Code, c.Name }).ToListAsync(ct);
        var (projectsCsv, plansCsv, progressCsv) = DemoProjects.Files([.. counties.Select(c => (c.Code, c.City, c.Name))], today);
        summaries.Add(await importProjects.FromCsv(Projects.ProjectImportKind.Projects, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(projectsCsv)), ct));
        summaries.Add(await importProjects.FromCsv(Projects.ProjectImportKind.ProjectPlans, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(plansCsv)), ct));
        summaries.Add(await importProjects.FromCsv(Projects.ProjectImportKind.ProjectProgress, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(progressCsv)), ct));
        summaries.Add(await importTargets.Handle(Numbered(await ProjectInvestmentTargets(ct)), ct));
        var (policiesCsv, measuresCsv, casesCsv) = DemoPolicies.Files([.. counties.Select(c => (c.Code, c.City, c.Name))], today);
        summaries.Add(await importPolicies.FromCsv(Policies.PolicyImportKind.Holidays, Utf8(DemoPolicies.Holidays()), ct));
        summaries.Add(await importPolicies.FromCsv(Policies.PolicyImportKind.Policies, Utf8(policiesCsv), ct));
        summaries.Add(await importPolicies.FromCsv(Policies.PolicyImportKind.PolicyMeasures, Utf8(measuresCsv), ct));
        summaries.Add(await importPolicies.FromCsv(Policies.PolicyImportKind.PolicyCases, Utf8(casesCsv), ct));
        foreach (var (name, role, org, displayName) in Users)
        {
            await addUser.Handle(new Identity.AddUser.Request(name, role, org, DemoPassword, displayName), ct);
        }

        await SeedAssessment(today, ct);
        await SeedPublication(ct);
        db.Settings.Add(new Setting { Key = Setting.Demo, Value = "true" });
        await db.SaveChangesAsync(ct);
        return summaries;
    }

    /// <summary>The indicators the demo shows the public (a derived one among them), every other policy and the larger projects.</summary>
    public static readonly string[] PublicIndicators = ["GDP", "FAI", "PRIVATE_INV_SHARE", "RETAIL_SALES", "GENERAL_BUDGET_REVENUE", "NEW_URBAN_JOBS", "UNEMPLOYMENT", "GOOD_AIR_DAYS_RATIO"];

    private async Task SeedPublication(CancellationToken ct)
    {
        var at = calendar.UtcNow;
        foreach (var indicator in await db.Indicators.Where(i => PublicIndicators.Contains(i.Code)).ToListAsync(ct))
        {
            indicator.Publish(true, at);
        }

        foreach (var (policy, n) in (await db.Policies.ToListAsync(ct)).OrderBy(p => p.Code, StringComparer.Ordinal).Select((p, n) => (p, n)))
        {
            policy.Publish(n % 2 == 0, at);
        }

        foreach (var project in (await db.Projects.ToListAsync(ct)).OrderByDescending(p => p.TotalInvestment).ThenBy(p => p.Code, StringComparer.Ordinal).Take(30))
        {
            project.Publish(true, at);
        }

        await db.SaveChangesAsync(ct);
    }

    private static MemoryStream Utf8(string csv) => new(System.Text.Encoding.UTF8.GetBytes(csv));

    /// <summary>
    /// Who reports what (every unit that has demo readings reports those indicators), three validation rules,
    /// and this year's monthly reports: approved, mostly on time, a few late; the latest month part
    /// submitted, part missing — so the timeliness view has something to show.
    /// </summary>
    private async Task SeedReporting(DateOnly today, CancellationToken ct)
    {
        var pairs = await (from r in db.Readings.AsNoTracking()
                           join u in db.OrgUnits on r.OrgUnitId equals u.Id
                           where u.Kind != Domain.Organization.OrgUnitKind.Reference
                           select new { r.IndicatorId, r.OrgUnitId }).Distinct().ToListAsync(ct);
        db.ReportingAssignments.AddRange(pairs.Select(p => new Domain.Reporting.ReportingAssignment(p.IndicatorId, p.OrgUnitId, false)));
        db.ValidationRules.AddRange(
            Domain.Reporting.ValidationRule.Comparison("PRIVATE_LE_FAI", "PRIVATE_INV <= FAI", Domain.Reporting.RuleSeverity.Error, new Text("民间投资不能超过固定资产投资", "private investment cannot exceed fixed-asset investment").Bilingual),
            Domain.Reporting.ValidationRule.InRange("UNEMP_RANGE", "UNEMPLOYMENT", 0, 15, Domain.Reporting.RuleSeverity.Error, new Text("调查失业率应在0–15%之间", "the surveyed unemployment rate lies between 0 and 15%").Bilingual),
            Domain.Reporting.ValidationRule.ChangeAtMost("PM25_JUMP", "PM25", 40, Domain.Reporting.RuleSeverity.Warning, new Text("PM2.5浓度较上月变动过大,请说明", "PM2.5 moved sharply against last month; explain").Bilingual));
        await db.SaveChangesAsync(ct);

        var monthly = await (from a in db.ReportingAssignments.AsNoTracking()
                             join i in db.Indicators on a.IndicatorId equals i.Id
                             where i.Frequency == Domain.Common.Frequency.Month
                             select a.OrgUnitId).Distinct().OrderBy(id => id).ToListAsync(ct);
        var latest = Evaluation.Evaluate.LatestDueMonth(today);
        for (var period = Domain.Common.Period.OfMonth(latest.Year, 1); period <= latest; period = period.Next)
        {
            var due = period.DueDate();
            foreach (var unit in monthly)
            {
                int dice = (int)((unit * 7919L + (period.Index * 104729L)) % 100);
                bool isLatest = period == latest;
                if (isLatest && dice < 12)
                {
                    continue;
                }

                var report = Domain.Reporting.Report.Open(unit, period, due);
                var submittedOn = due.AddDays(dice < 8 ? 1 + (dice % 5) : -(dice % 6));
                submittedOn = submittedOn > today ? today : submittedOn;
                var at = calendar.StartOf(submittedOn).AddHours(16);
                report.Submit(Domain.Common.Stamp.Of("reporter", at, null), submittedOn, onBehalf: false);
                if (!isLatest || dice > 60)
                {
                    report.Approve(Domain.Common.Stamp.Of("reviewer", at.AddDays(2), null), onBehalf: false);
                }

                db.Reports.Add(report);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The demo's major-project investment indicator is computed from the projects' progress (its readings are
    /// written by the progress import), so its annual targets are the projects' annual plans: per county the sum
    /// of its projects' plans for the year, per city and for the province the sum of their counties.
    /// </summary>
    private async Task<List<TargetRow>> ProjectInvestmentTargets(CancellationToken ct)
    {
        var plans = await (from plan in db.ProjectPlans.AsNoTracking()
                           join project in db.Projects on plan.ProjectId equals project.Id
                           select new { project.OrgUnitId, plan.Year, plan.PlannedInvestment }).ToListAsync(ct);
        var units = await db.OrgUnits.AsNoTracking().ToListAsync(ct);
        var rows = new List<TargetRow>();
        foreach (var unit in units.Where(u => u.Kind is Domain.Organization.OrgUnitKind.Province or Domain.Organization.OrgUnitKind.City or Domain.Organization.OrgUnitKind.County))
        {
            var inside = units.Where(u => u.Path.StartsWith(unit.Path, StringComparison.Ordinal)).Select(u => u.Id).ToHashSet();
            foreach (var year in plans.Where(p => inside.Contains(p.OrgUnitId)).GroupBy(p => p.Year).OrderBy(g => g.Key))
            {
                var sum = Math.Round(year.Sum(p => p.PlannedInvestment), 1);
                rows.Add(new TargetRow(ProjectInvestmentFeed.IndicatorCode, unit.Code, year.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), sum.ToString(System.Globalization.CultureInfo.InvariantCulture), "atLeast"));
            }
        }

        return rows;
    }

    /// <summary>Last year's assessment of the cities, published, and this year's so far, a draft (see <see cref="DemoAssessment"/>).</summary>
    private async Task SeedAssessment(DateOnly today, CancellationToken ct)
    {
        var latest = Evaluation.Evaluate.LatestDueMonth(today);
        var previous = await runAssessment.Handle(DemoAssessment.SchemeJson(latest.Year - 1, $"{latest.Year - 1}-12", manualReporting: true), null, ct);
        await publishRun.Handle(previous.RunId!.Value, ct);
        await runAssessment.Handle(DemoAssessment.SchemeJson(latest.Year, latest.ToString(), manualReporting: false), today, ct);
    }

    private static List<(int, T)> Numbered<T>(IEnumerable<T> rows) => [.. rows.Select((r, i) => (i + 2, r))];
}
