using System.Globalization;
using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Policies;

/// <summary>
/// One row of a summary: a policy, a measure, a responsible department or a region (with everything under it).
/// <see cref="AutoShare"/> is given by policy, measure list and department; <see cref="Budget"/> and
/// <see cref="BudgetExecution"/> by policy.
/// </summary>
public sealed record PolicySummaryRow(
    string Key,
    string Name,
    string? Package,
    int Cases,
    int Enterprises,
    decimal ApprovedAmount,
    decimal PaidAmount,
    double? PayoutRate,
    double? AvgDaysToPay,
    double? OnTimeRate,
    int Overdue,
    double? AutoShare,
    decimal? Budget,
    double? BudgetExecution,
    Text Reason);

/// <summary>A policy as listed: what it is and its figures as of the day.</summary>
public sealed record PolicyView(
    string Code,
    string Title,
    string Package,
    string Lead,
    string LeadName,
    DateOnly Issued,
    decimal Budget,
    bool IsPublic,
    int Measures,
    PolicySummaryRow Figures);

/// <summary>A measure of a policy with its own figures.</summary>
public sealed record MeasureView(
    string Code,
    string Title,
    MeasureKind Kind,
    DeliveryMode Mode,
    int TimeLimitDays,
    string Department,
    string DepartmentName,
    string? Conditions,
    PolicySummaryRow Figures);

/// <summary>A month of a policy's payout curve: what was approved by applications up to then and what was paid by then.</summary>
public sealed record PayoutPoint(string Month, decimal Approved, decimal Paid, double? PayoutRate);

public sealed record PolicyDetail(PolicyView Policy, IReadOnlyList<MeasureView> Measures, IReadOnlyList<PayoutPoint> Curve, DateOnly AsOf);

/// <summary>A case in a list: whose, under what, where it stands as of the day.</summary>
public sealed record CaseRow(
    string Policy,
    string Measure,
    string MeasureTitle,
    string Enterprise,
    string Name,
    string Org,
    string OrgName,
    DateOnly Applied,
    CaseStatus Status,
    decimal? ApprovedAmount,
    DateOnly? PaidOn,
    decimal? PaidAmount,
    DateOnly Deadline,
    int? DaysToPay,
    bool? OnTime,
    bool Overdue,
    int Version);

/// <param name="Status">applied, approved, rejected, paid; or overdue (open past the time limit).</param>
public sealed record CaseFilter(
    string? Policy = null,
    string? Measure = null,
    string? Org = null,
    string? Department = null,
    string? Status = null,
    string? Enterprise = null,
    int Page = 1,
    int PageSize = PolicyQueries.DefaultPageSize);

public sealed record CasePage(IReadOnlyList<CaseRow> Items, int Total, int Page, int PageSize, DateOnly AsOf);

/// <summary>一企一档: what one enterprise claimed and received.</summary>
public sealed record EnterpriseView(string Enterprise, string Name, int Cases, decimal ApprovedAmount, decimal PaidAmount, IReadOnlyList<CaseRow> Items, DateOnly AsOf);

/// <summary>The document item a policy was accepted from (来自文件《…》第N条).</summary>
public sealed record PolicySource(int DocumentId, string DocumentTitle, int ItemNumber);

/// <summary>A case's history, version by version.</summary>
public sealed record CaseVersionView(int Version, CaseStatus Status, decimal? ApprovedAmount, DateOnly? PaidOn, decimal? PaidAmount, string Actor, DateTimeOffset At, string? Reason);

/// <summary>
/// Reads policies, measures and cases with their delivery figures (<see cref="PolicyMetrics"/>) as of a day, summarises
/// them by policy, measure, responsible department or region (rolled up the org tree), and lists the cases.
/// </summary>
public sealed class PolicyQueries(Data.LuoshiDbContext db, ICurrentActor actor, LocalCalendar calendar)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>The working calendar the holiday calendar (<c>luoshi import holidays</c>) makes.</summary>
    public async Task<WorkingCalendar> WorkingCalendar(CancellationToken ct) => new(await db.CalendarDays.AsNoTracking().ToListAsync(ct));

    /// <summary>The policies with their figures; those not public only for readers of everything.</summary>
    public Task<IReadOnlyList<PolicyView>> List(string? package, DateOnly? asOf, CancellationToken ct) => List(package, asOf, publicOnly: false, ct);

    /// <param name="publicOnly">Only the policies on the public portal, whoever reads.</param>
    public async Task<IReadOnlyList<PolicyView>> List(string? package, DateOnly? asOf, bool publicOnly, CancellationToken ct)
    {
        var day = asOf ?? calendar.Today;
        var data = await Load(ct);
        return [.. data.Policies.Values
            .Where(p => string.IsNullOrWhiteSpace(package) || p.Package == package.Trim())
            .Where(p => p.IsPublic || (!publicOnly && actor.CanEverywhere(Permission.ReadAll)))
            .OrderBy(p => p.Code, StringComparer.Ordinal)
            .Select(p => View(p, data, day))];
    }

    public Task<PolicyDetail> Get(string code, DateOnly? asOf, CancellationToken ct) => Get(code, asOf, publicOnly: false, ct);

    /// <param name="publicOnly">A policy not on the public portal is not found, whoever reads.</param>
    public async Task<PolicyDetail> Get(string code, DateOnly? asOf, bool publicOnly, CancellationToken ct)
    {
        var day = asOf ?? calendar.Today;
        var data = await Load(ct);
        var policy = data.Policies.Values.SingleOrDefault(p => p.Code == code.Trim());
        if (policy is null || (!policy.IsPublic && (publicOnly || !actor.CanEverywhere(Permission.ReadAll))))
        {
            throw new NotFoundException(new Text("政策", "policy"), code);
        }

        var measures = data.Measures.Values.Where(m => m.PolicyId == policy.Id).OrderBy(m => m.Code, StringComparer.Ordinal).Select(m =>
        {
            var dept = data.Units[m.ResponsibleOf(policy)];
            var figures = PolicyMetrics.Summarize(data.FactsOf(data.CasesOf(m)), data.Calendar, day, [m.Mode]);
            return new MeasureView(m.Code, m.Title, m.Kind, m.Mode, m.TimeLimitDays, dept.Code, dept.Name, m.Conditions, Row(m.Code, m.Title, null, figures));
        }).ToList();
        return new PolicyDetail(View(policy, data, day), measures, Curve(data, policy, day), day);
    }

    /// <summary>
    /// The summary as of a day, one row per policy, measure (of one policy when <paramref name="policy"/> is given),
    /// responsible department, or region — each region with its own cases and all those below it.
    /// </summary>
    public async Task<IReadOnlyList<PolicySummaryRow>> Summary(DateOnly? asOf, string? by, string? policy, CancellationToken ct)
    {
        actor.RequireSignedIn();
        actor.RequireEverywhere(Permission.ReadAll);
        var day = asOf ?? calendar.Today;
        var data = await Load(ct);
        Policy? only = null;
        if (!string.IsNullOrWhiteSpace(policy))
        {
            only = data.Policies.Values.SingleOrDefault(p => p.Code == policy.Trim()) ?? throw new NotFoundException(new Text("政策", "policy"), policy);
        }

        var measures = data.Measures.Values.Where(m => only is null || m.PolicyId == only.Id).ToList();
        switch (by?.Trim() ?? "policy")
        {
            case "policy":
                return [.. data.Policies.Values.Where(p => only is null || p.Id == only.Id)
                    .OrderBy(p => p.Code, StringComparer.Ordinal)
                    .Select(p => View(p, data, day).Figures)];
            case "measure":
                return [.. measures.OrderBy(m => m.Code, StringComparer.Ordinal)
                    .Select(m => Row(m.Code, m.Title, data.Policies[m.PolicyId].Package, PolicyMetrics.Summarize(data.FactsOf(data.CasesOf(m)), data.Calendar, day, [m.Mode])))];
            case "department":
                return [.. measures.GroupBy(m => m.ResponsibleOf(data.Policies[m.PolicyId]))
                    .Select(g => (Unit: data.Units[g.Key], Measures: g.ToList()))
                    .OrderBy(g => g.Unit.Path, StringComparer.Ordinal)
                    .Select(g => Row(g.Unit.Code, g.Unit.Name, null, PolicyMetrics.Summarize(data.FactsOf(g.Measures.SelectMany(data.CasesOf)), data.Calendar, day, g.Measures.Select(m => m.Mode))))];
            case "region":
                var ids = measures.Select(m => m.Id).ToHashSet();
                var cases = data.Cases.Where(c => ids.Contains(c.MeasureId)).Select(c => (Path: data.Units[c.OrgUnitId].Path, Case: c)).ToList();
                return [.. data.Units.Values
                    .Where(u => u.Kind is OrgUnitKind.Province or OrgUnitKind.City or OrgUnitKind.County)
                    .OrderBy(u => u.Path, StringComparer.Ordinal)
                    .Select(u => (Unit: u, Cases: cases.Where(c => c.Path.StartsWith(u.Path, StringComparison.Ordinal)).Select(c => c.Case).ToList()))
                    .Where(x => x.Cases.Count > 0)
                    .Select(x => Row(x.Unit.Code, x.Unit.Name, null, PolicyMetrics.Summarize(data.FactsOf(x.Cases), data.Calendar, day)))];
            default:
                throw InputRefusedException.Single("by", new Text("应为 policy、measure、department 或 region", "one of policy, measure, department, region"));
        }
    }

    /// <summary>The cases the filter matches, newest application first, a page at a time.</summary>
    public async Task<CasePage> Cases(CaseFilter filter, DateOnly? asOf, CancellationToken ct)
    {
        actor.RequireSignedIn();
        var day = asOf ?? calendar.Today;
        var data = await Load(ct);
        OrgUnit? region = null;
        if (!string.IsNullOrWhiteSpace(filter.Org))
        {
            region = data.Units.Values.SingleOrDefault(u => u.Code == filter.Org.Trim()) ?? throw new NotFoundException(new Text("单位", "org unit"), filter.Org);
            actor.Require(Permission.ReadAll, region);
        }
        else
        {
            actor.RequireEverywhere(Permission.ReadAll);
        }

        IEnumerable<PolicyCase> q = data.Cases;
        if (!string.IsNullOrWhiteSpace(filter.Policy))
        {
            var p = data.Policies.Values.SingleOrDefault(x => x.Code == filter.Policy.Trim()) ?? throw new NotFoundException(new Text("政策", "policy"), filter.Policy);
            q = q.Where(c => data.Measures[c.MeasureId].PolicyId == p.Id);
        }

        if (!string.IsNullOrWhiteSpace(filter.Measure))
        {
            var m = data.Measures.Values.SingleOrDefault(x => x.Code == filter.Measure.Trim()) ?? throw new NotFoundException(new Text("政策事项", "measure"), filter.Measure);
            q = q.Where(c => c.MeasureId == m.Id);
        }

        if (!string.IsNullOrWhiteSpace(filter.Department))
        {
            var d = data.Units.Values.SingleOrDefault(u => u.Code == filter.Department.Trim()) ?? throw new NotFoundException(new Text("部门", "department"), filter.Department);
            q = q.Where(c => data.Responsible(c) == d.Id);
        }

        if (region is not null)
        {
            q = q.Where(c => data.Units[c.OrgUnitId].Path.StartsWith(region.Path, StringComparison.Ordinal));
        }

        if (!string.IsNullOrWhiteSpace(filter.Enterprise))
        {
            var e = filter.Enterprise.Trim();
            q = q.Where(c => c.Enterprise.Contains(e, StringComparison.OrdinalIgnoreCase) || c.Name.Contains(e, StringComparison.Ordinal));
        }

        var rows = q.Where(c => c.Applied <= day).Select(c => CaseRowOf(c, data, day));
        if (!string.IsNullOrWhiteSpace(filter.Status))
        {
            var s = filter.Status.Trim();
            if (s == "overdue")
            {
                rows = rows.Where(r => r.Overdue);
            }
            else
            {
                var status = Parsing.Enum<CaseStatus>(s, "status");
                rows = rows.Where(r => r.Status == status);
            }
        }

        var all = rows.OrderByDescending(r => r.Applied).ThenBy(r => r.Enterprise, StringComparer.Ordinal).ToList();
        int size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        int pages = Math.Max(1, (all.Count + size - 1) / size);
        int page = Math.Clamp(filter.Page, 1, pages);
        return new CasePage([.. all.Skip((page - 1) * size).Take(size)], all.Count, page, size, day);
    }

    /// <summary>一企一档: every case of one enterprise, with what it was approved and paid.</summary>
    /// <summary>Where the policy came from, when it was accepted from a document item; null otherwise (or when it is not the reader's to see).</summary>
    public async Task<PolicySource?> SourceOf(string code, CancellationToken ct)
    {
        var trimmed = code.Trim();
        var source = await (from p in db.Policies.AsNoTracking()
                            join d in db.Documents on p.SourceDocumentId equals d.Id
                            where p.Code == trimmed && p.SourceItemNumber != null
                            select new { p.IsPublic, d.Id, d.Title, Number = p.SourceItemNumber!.Value }).SingleOrDefaultAsync(ct);
        return source is null || (!source.IsPublic && !actor.CanEverywhere(Permission.ReadAll)) ? null : new PolicySource(source.Id, source.Title, source.Number);
    }

    public async Task<EnterpriseView> Enterprise(string code, DateOnly? asOf, CancellationToken ct)
    {
        actor.RequireSignedIn();
        actor.RequireEverywhere(Permission.ReadAll);
        var enterprise = CreditCodeOf(code);
        var day = asOf ?? calendar.Today;
        var data = await Load(ct);
        var cases = data.Cases.Where(c => c.Enterprise == enterprise && c.Applied <= day).OrderByDescending(c => c.Applied).ToList();
        if (cases.Count == 0)
        {
            throw new NotFoundException(new Text("企业", "enterprise"), enterprise);
        }

        var rows = cases.Select(c => CaseRowOf(c, data, day)).ToList();
        return new EnterpriseView(enterprise, cases[0].Name, rows.Count,
            rows.Where(r => r.Status != CaseStatus.Rejected).Sum(r => r.ApprovedAmount ?? 0), rows.Where(r => r.Status == CaseStatus.Paid).Sum(r => r.PaidAmount ?? 0), rows, day);
    }

    /// <summary>A case's versions, oldest first.</summary>
    public async Task<IReadOnlyList<CaseVersionView>> History(string measure, string enterprise, DateOnly applied, CancellationToken ct)
    {
        actor.RequireSignedIn();
        actor.RequireEverywhere(Permission.ReadAll);
        var code = CreditCodeOf(enterprise);
        var m = await db.PolicyMeasures.AsNoTracking().SingleOrDefaultAsync(x => x.Code == measure.Trim(), ct) ?? throw new NotFoundException(new Text("政策事项", "measure"), measure);
        var c = await db.PolicyCases.AsNoTracking().Include(x => x.Versions).SingleOrDefaultAsync(x => x.MeasureId == m.Id && x.Enterprise == code && x.Applied == applied, ct)
            ?? throw new NotFoundException(new Text("兑现记录", "case"), $"{measure}/{code}/{applied:yyyy-MM-dd}");
        return [.. c.Versions.OrderBy(v => v.Version).Select(v => new CaseVersionView(v.Version, v.Status, v.ApprovedAmount, v.PaidOn, v.PaidAmount, v.Actor, v.At, v.Reason))];
    }

    private static string CreditCodeOf(string code)
    {
        try
        {
            return CreditCode.Require(code, "enterprise");
        }
        catch (DomainException e)
        {
            throw InputRefusedException.Single(e.Field, e.Detail);
        }
    }

    private static PolicyView View(Policy p, PolicyData data, DateOnly day)
    {
        var measures = data.Measures.Values.Where(m => m.PolicyId == p.Id).ToList();
        var figures = PolicyMetrics.Summarize(data.FactsOf(measures.SelectMany(data.CasesOf)), data.Calendar, day, measures.Select(m => m.Mode), p.Budget);
        var lead = data.Units[p.LeadDepartmentId];
        return new PolicyView(p.Code, p.Title, p.Package, lead.Code, lead.Name, p.Issued, Numbers.Normalize(p.Budget), p.IsPublic, measures.Count, Row(p.Code, p.Title, p.Package, figures));
    }

    /// <summary>Month by month from the first application to the day: approved amounts by the month applied, paid ones by the month paid, both cumulative.</summary>
    private static List<PayoutPoint> Curve(PolicyData data, Policy policy, DateOnly day)
    {
        var ids = data.Measures.Values.Where(m => m.PolicyId == policy.Id).Select(m => m.Id).ToHashSet();
        var cases = data.Cases.Where(c => ids.Contains(c.MeasureId) && c.Applied <= day).ToList();
        if (cases.Count == 0)
        {
            return [];
        }

        var points = new List<PayoutPoint>();
        var month = new DateOnly(cases.Min(c => c.Applied).Year, cases.Min(c => c.Applied).Month, 1);
        decimal approved = 0, paid = 0;
        var approvedByMonth = cases.Where(c => c.Status != CaseStatus.Rejected).GroupBy(c => (c.Applied.Year, c.Applied.Month)).ToDictionary(g => g.Key, g => g.Sum(c => c.ApprovedAmount ?? 0));
        var paidByMonth = cases.Where(c => c.Status == CaseStatus.Paid && c.PaidOn <= day).GroupBy(c => (c.PaidOn!.Value.Year, c.PaidOn!.Value.Month)).ToDictionary(g => g.Key, g => g.Sum(c => c.PaidAmount ?? 0));
        for (; month <= day; month = month.AddMonths(1))
        {
            approved += approvedByMonth.GetValueOrDefault((month.Year, month.Month));
            paid += paidByMonth.GetValueOrDefault((month.Year, month.Month));
            points.Add(new PayoutPoint(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), Numbers.Normalize(approved), Numbers.Normalize(paid), approved == 0 ? null : Round((double)(paid / approved) * 100)));
        }

        return points;
    }

    private static CaseRow CaseRowOf(PolicyCase c, PolicyData data, DateOnly day)
    {
        var m = data.Measures[c.MeasureId];
        var p = data.Policies[m.PolicyId];
        var org = data.Units[c.OrgUnitId];
        var t = PolicyMetrics.Timing(data.Facts(c), data.Calendar, day);
        return new CaseRow(p.Code, m.Code, m.Title, c.Enterprise, c.Name, org.Code, org.Name, c.Applied, t.Status, Amount(c.ApprovedAmount),
            t.Status == CaseStatus.Paid ? c.PaidOn : null, t.Status == CaseStatus.Paid ? Amount(c.PaidAmount) : null, t.Deadline, t.DaysToPay, t.OnTime, t.Overdue, c.Version);
    }

    internal static PolicySummaryRow Row(string key, string name, string? package, PolicyFigures f) => new(
        key, name, package, f.Cases, f.Enterprises, Numbers.Normalize(Math.Round(f.ApprovedAmount, 2)), Numbers.Normalize(Math.Round(f.PaidAmount, 2)),
        Round(f.PayoutRate), Round(f.AvgDaysToPay), Round(f.OnTimeRate), f.Overdue, Round(f.AutoShare), f.Budget is { } b ? Numbers.Normalize(b) : null, Round(f.BudgetExecution), f.Reason);

    private static decimal? Amount(decimal? v) => v is { } x ? Numbers.Normalize(x) : null;

    private static double? Round(double? v) => v is { } x ? Math.Round(x, 1, MidpointRounding.AwayFromZero) : null;

    internal async Task<PolicyData> Load(CancellationToken ct)
    {
        var units = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        var policies = await db.Policies.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
        var measures = await db.PolicyMeasures.AsNoTracking().ToDictionaryAsync(m => m.Id, ct);
        var cases = await db.PolicyCases.AsNoTracking().ToListAsync(ct);
        return new PolicyData(units, policies, measures, cases, await WorkingCalendar(ct));
    }
}

/// <summary>Everything the figures are computed from, read once per request.</summary>
internal sealed class PolicyData(Dictionary<int, OrgUnit> units, Dictionary<int, Policy> policies, Dictionary<int, PolicyMeasure> measures, List<PolicyCase> cases, WorkingCalendar calendar)
{
    private readonly ILookup<int, PolicyCase> _byMeasure = cases.ToLookup(c => c.MeasureId);

    public Dictionary<int, OrgUnit> Units { get; } = units;
    public Dictionary<int, Policy> Policies { get; } = policies;
    public Dictionary<int, PolicyMeasure> Measures { get; } = measures;
    public List<PolicyCase> Cases { get; } = cases;
    public WorkingCalendar Calendar { get; } = calendar;

    public IEnumerable<PolicyCase> CasesOf(PolicyMeasure m) => _byMeasure[m.Id];

    public int Responsible(PolicyCase c) => Measures[c.MeasureId].ResponsibleOf(Policies[Measures[c.MeasureId].PolicyId]);

    public CaseFacts Facts(PolicyCase c) => new(c.Enterprise, c.Applied, c.Status, c.ApprovedAmount, c.PaidOn, c.PaidAmount, Measures[c.MeasureId].TimeLimitDays);

    public IEnumerable<CaseFacts> FactsOf(IEnumerable<PolicyCase> cases) => cases.Select(Facts);
}
