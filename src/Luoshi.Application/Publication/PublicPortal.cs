using System.Globalization;
using Luoshi.Application.Assessment;
using Luoshi.Application.Common;
using Luoshi.Application.Evaluation;
using Luoshi.Domain.Assessment;
using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Publication;

/// <summary>A public indicator's definition, as the portal states it.</summary>
public sealed record PublicIndicatorInfo(string Code, string Name, string Unit, Direction Direction, Frequency Frequency, ValueKind ValueKind, DateTimeOffset? PublishedAt);

/// <summary>A unit the portal can be filtered by.</summary>
public sealed record PublicUnit(string Code, string Name, string? Parent, int Depth);

/// <summary>The portal's home: the public indicators' latest lights at one unit, and what else is published.</summary>
public sealed record PublicHome(
    PublicUnit Org,
    IReadOnlyList<EvaluationRowView> Headlines,
    IReadOnlyList<PublicUnit> Units,
    IReadOnlyList<PublicRun> Assessments,
    int Policies,
    int Projects,
    DateOnly AsOf,
    DateTimeOffset DataAsOf);

/// <summary>One public indicator at one unit over a run of periods, and the units under it at the last period with a value.</summary>
public sealed record PublicIndicatorPage(
    PublicIndicatorInfo Indicator,
    PublicUnit Org,
    string From,
    string To,
    IReadOnlyList<EvaluationRowView> Trend,
    IReadOnlyList<EvaluationRowView> Compared,
    Text Summary,
    IReadOnlyList<PublicUnit> Units,
    DateOnly AsOf,
    DateTimeOffset DataAsOf);

/// <summary>A row of the open indicator data (<c>indicator,org,period,value,target,status</c>).</summary>
public sealed record PublicIndicatorRow(string Indicator, string Org, string Period, double? Value, decimal? Target, EvaluationStatus Status);

/// <summary>A published assessment run (综合考核结果通报).</summary>
public sealed record PublicRun(int Id, string Scheme, int Year, DateOnly AsOf, DateTimeOffset PublishedAt);

/// <summary>A region's line on the regions page: its public indicators' lights at their latest periods, and its public projects.</summary>
public sealed record PublicRegionRow(PublicUnit Unit, int Green, int Yellow, int Red, int Missing, int Judged, int Projects, decimal ProjectInvestment);

/// <summary>Something newly published, for the feed.</summary>
public sealed record PublicEvent(string Id, DateTimeOffset At, Text Title, string Path, string? Org);

/// <summary>A dataset of the open data catalog.</summary>
public sealed record PublicDataset(string Name, Text Title, Text Description, DateTimeOffset? Modified);

/// <summary>
/// Everything the public portal shows, and nothing else: indicators switched public (approved values only, from
/// <see cref="PublicSnapshotCache"/>), published assessment runs, public policies (figures, never cases) and public
/// projects. Every question here is answered the same whoever asks — a signed-in planner reading <c>/public</c> sees what
/// the public sees (docs/adr/0036).
/// </summary>
public sealed class PublicPortal(Data.LuoshiDbContext db, PublicSnapshotCache cache, LocalCalendar calendar, Policies.PolicyQueries policies, Projects.ProjectQueries projects)
{
    /// <summary>Periods evaluated in one pass of the engine (a longer range is read in chunks of this many).</summary>
    public const int MaxPeriodsPerIndicator = EvaluateIndicator.MaxPeriods;

    public static readonly IReadOnlyList<PublicDataset> Datasets =
    [
        new("indicators", new Text("公开指标数据", "Public indicator data"), new Text("公开指标的已审核数值、目标和状态,按单位和期间", "Approved values, targets and statuses of the public indicators, by unit and period"), null),
        new("assessment", new Text("综合考核结果", "Comprehensive assessment results"), new Text("已发布的综合考核结果:得分、名次、等次", "Published assessment results: score, rank, grade"), null),
        new("policies", new Text("惠企政策兑现情况", "Policy delivery"), new Text("公开政策的应兑现、已兑现金额和兑现率", "Amounts due and paid and the payout rate of the public policies"), null),
        new("projects", new Text("重大项目", "Major projects"), new Text("公开的重大项目及其年度投资完成情况", "The public major projects and the investment they completed this year"), null),
    ];

    public async Task<PublicSnapshot> Snapshot(CancellationToken ct) => await cache.Current(Deferred<Data.LuoshiDbContext>.Of(db), ct);

    /// <summary>The codes public now, read afresh: a switch off counts at once, even before the snapshot is rebuilt.</summary>
    public async Task<IReadOnlySet<string>> PublicIndicatorCodes(CancellationToken ct) =>
        (await cache.PublicCodes(Deferred<Data.LuoshiDbContext>.Of(db), ct)).Keys.ToHashSet(StringComparer.Ordinal);

    public async Task<PublicHome> Home(string? org, CancellationToken ct)
    {
        var snap = await Snapshot(ct);
        var codes = await PublicIndicatorCodes(ct);
        var unit = Unit(snap, org);
        var today = calendar.Today;
        var headlines = new List<EvaluationRowView>();
        foreach (var indicator in snap.Snapshot.Indicators.Where(i => codes.Contains(i.Code) && snap.IsPublic(i.Code)).OrderBy(i => i.Code, StringComparer.Ordinal))
        {
            if (Latest(snap, indicator, unit.Code, today) is { } row)
            {
                headlines.Add(row);
            }
        }

        var runs = await Runs(ct);
        int policyCount = await db.Policies.CountAsync(p => p.IsPublic, ct);
        int projectCount = await db.Projects.CountAsync(p => p.IsPublic, ct);
        return new PublicHome(unit, headlines, Units(snap), runs, policyCount, projectCount, today, snap.BuiltAt);
    }

    public async Task<PublicIndicatorPage> Indicator(string code, string? org, string? from, string? to, CancellationToken ct)
    {
        var snap = await Snapshot(ct);
        var info = await Info(snap, code, ct);
        var unit = Unit(snap, org);
        var today = calendar.Today;
        var (first, last) = Range(info.Frequency, from, to, today);
        var periods = Periods(first, last);
        var trend = Evaluator.EvaluateIndicator(snap.Snapshot, info.Code, periods, today, [unit.Code])
            .Select(r => r.Find(info.Code, unit.Code)).OfType<EvaluationRow>().Select(EvaluationRowView.From).ToList();
        var lastWithValue = trend.LastOrDefault(r => r.Actual is not null);
        var children = snap.Snapshot.Units.Where(u => u.ParentCode == unit.Code).Select(u => u.Code).ToList();
        IReadOnlyList<EvaluationRowView> compared = lastWithValue is null || children.Count == 0 ? [] :
            [.. Evaluator.EvaluateIndicator(snap.Snapshot, info.Code, [Period.Parse(lastWithValue.Period)], today, children)
                .SelectMany(r => children.Select(c => r.Find(info.Code, c))).OfType<EvaluationRow>().Select(EvaluationRowView.From)
                .OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.Org, StringComparer.Ordinal)];
        return new PublicIndicatorPage(info, unit, first.ToString(), last.ToString(), trend, compared, Summary(info, unit, trend, compared), Units(snap), today, snap.BuiltAt);
    }

    /// <summary>
    /// The open indicator data, filtered; rows with a value or a target. Without an indicator every public indicator;
    /// without an org every unit; without from/to the years the snapshot holds.
    /// </summary>
    public async IAsyncEnumerable<PublicIndicatorRow> IndicatorRows(string? indicator, string? org, string? from, string? to, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var snap = await Snapshot(ct);
        var codes = await PublicIndicatorCodes(ct);
        IReadOnlyList<PublicIndicatorInfo> infos = string.IsNullOrWhiteSpace(indicator)
            ? [.. snap.Snapshot.Indicators.Where(i => codes.Contains(i.Code) && snap.IsPublic(i.Code)).OrderBy(i => i.Code, StringComparer.Ordinal).Select(InfoOf)]
            : [await Info(snap, indicator, ct)];
        IReadOnlyList<string> orgs = string.IsNullOrWhiteSpace(org) ? [.. snap.Snapshot.Units.Select(u => u.Code)] : [Unit(snap, org).Code];
        var today = calendar.Today;
        int firstYear = snap.Snapshot.FirstReadingYear ?? today.Year;
        int lastYear = Math.Max(snap.Snapshot.LastReadingYear ?? today.Year, today.Year);
        foreach (var info in infos)
        {
            var first = string.IsNullOrWhiteSpace(from) ? Period.Create(info.Frequency, firstYear, 1) : ParseIn(info.Frequency, from, "from");
            var last = string.IsNullOrWhiteSpace(to) ? Period.Containing(info.Frequency, today) : ParseIn(info.Frequency, to, "to");
            if (first > last)
            {
                throw new DomainException("from", new Text("起始期间须不晚于截止期间", "from must not be after to"));
            }

            var all = Periods(first, last, int.MaxValue);
            foreach (var chunk in all.Chunk(MaxPeriodsPerIndicator))
            {
                ct.ThrowIfCancellationRequested();
                foreach (var result in Evaluator.EvaluateIndicator(snap.Snapshot, info.Code, chunk, today, orgs))
                {
                    foreach (var o in orgs)
                    {
                        if (result.Find(info.Code, o) is { } row && (row.Actual is not null || row.Target is not null))
                        {
                            yield return new PublicIndicatorRow(info.Code, o, result.Period.ToString(), Round(row.Actual), row.Target, row.Status);
                        }
                    }
                }
            }
        }
    }

    public async Task<IReadOnlyList<PublicRun>> Runs(CancellationToken ct) =>
        [.. (await (from r in db.AssessmentRuns.AsNoTracking()
                    where r.State == RunState.Published
                    join s in db.AssessmentSchemes.AsNoTracking() on r.SchemeVersionId equals s.Id
                    select new { r.Id, s.Name, s.Year, r.AsOf, r.PublishedAt }).ToListAsync(ct))
            .OrderByDescending(x => x.Year).ThenByDescending(x => x.Id)
            .Select(x => new PublicRun(x.Id, x.Name, x.Year, x.AsOf, x.PublishedAt ?? default))];

    /// <summary>A published run as it was announced; a draft or superseded run is not found.</summary>
    public async Task<AssessmentResult> Run(int id, CancellationToken ct)
    {
        var run = await db.AssessmentRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.State == RunState.Published, ct)
            ?? throw new NotFoundException(new Text("考核结果", "assessment run"), id.ToString(CultureInfo.InvariantCulture));
        return AssessmentViews.Of(run, await db.AssessmentSchemes.AsNoTracking().SingleAsync(s => s.Id == run.SchemeVersionId, ct));
    }

    public Task<IReadOnlyList<Policies.PolicyView>> Policies(string? package, CancellationToken ct) => policies.List(package, null, publicOnly: true, ct);

    public Task<Policies.PolicyDetail> Policy(string code, CancellationToken ct) => policies.Get(code, null, publicOnly: true, ct);

    public Task<Projects.ProjectPage> Projects(Projects.ProjectFilter filter, CancellationToken ct) => projects.Browse(filter, null, publicOnly: true, ct);

    /// <summary>The regions under <paramref name="org"/> (the province by default) with their public lights and projects.</summary>
    public async Task<IReadOnlyList<PublicRegionRow>> Regions(string? org, CancellationToken ct)
    {
        var snap = await Snapshot(ct);
        var codes = await PublicIndicatorCodes(ct);
        var unit = Unit(snap, org);
        var today = calendar.Today;
        // Places only: the departments under the province are not regions.
        var regions = snap.Snapshot.Units.Where(u => u.ParentCode == unit.Code && u.Kind is Domain.Organization.OrgUnitKind.City or Domain.Organization.OrgUnitKind.County).ToList();
        var counts = regions.ToDictionary(r => r.Code, _ => new int[5]);
        foreach (var indicator in snap.Snapshot.Indicators.Where(i => codes.Contains(i.Code) && snap.IsPublic(i.Code)))
        {
            var periods = Periods(Period.Containing(indicator.Frequency, today).Previous.Previous.Previous, Period.Containing(indicator.Frequency, today));
            var results = Evaluator.EvaluateIndicator(snap.Snapshot, indicator.Code, periods, today, regions.Select(r => r.Code));
            foreach (var region in regions)
            {
                var row = results.Select(r => r.Find(indicator.Code, region.Code)).LastOrDefault(r => r is { Actual: not null } || r is { Status: EvaluationStatus.Grey });
                if (row is { } found)
                {
                    counts[region.Code][(int)Math.Min((byte)found.Status, (byte)4)]++;
                }
            }
        }

        var units = await db.OrgUnits.AsNoTracking().ToListAsync(ct);
        var projectRows = await db.Projects.AsNoTracking().Where(p => p.IsPublic).Select(p => new { p.OrgUnitId, p.TotalInvestment }).ToListAsync(ct);
        return [.. regions.Select(r =>
        {
            var path = units.Single(u => u.Code == r.Code).Path;
            var inside = units.Where(u => u.Path.StartsWith(path, StringComparison.Ordinal)).Select(u => u.Id).ToHashSet();
            var own = projectRows.Where(p => inside.Contains(p.OrgUnitId)).ToList();
            var c = counts[r.Code];
            return new PublicRegionRow(new PublicUnit(r.Code, r.Name, r.ParentCode, r.Depth), c[1], c[2], c[3], c[4], c[1] + c[2] + c[3], own.Count, Numbers.Normalize(own.Sum(p => p.TotalInvestment)));
        })];
    }

    /// <summary>What was published, newest first: the periods of public indicators as their values were approved, published runs, public policies and projects.</summary>
    public async Task<IReadOnlyList<PublicEvent>> Events(string? org, int limit, CancellationToken ct)
    {
        var events = new List<PublicEvent>();
        Domain.Organization.OrgUnit? unit = null;
        if (!string.IsNullOrWhiteSpace(org))
        {
            unit = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Code == org.Trim(), ct) ?? throw new NotFoundException(new Text("单位", "org"), org.Trim());
        }

        var inside = unit is null ? null : (await db.OrgUnits.AsNoTracking().Where(u => u.Path.StartsWith(unit.Path)).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.IsPublic).Select(i => new { i.Id, i.Code, i.Name }).ToListAsync(ct);
        var ids = indicators.Select(i => i.Id).ToList();
        // The last two years' periods; grouped here, as SQLite cannot take the maximum of a DateTimeOffset column.
        var since = new DateOnly(calendar.Today.Year - 1, 1, 1);
        var periods = (await db.Readings.AsNoTracking()
                .Where(r => ids.Contains(r.IndicatorId) && r.State == ReadingState.Approved && r.Value != null && r.PeriodStart >= since)
                .Where(r => inside == null || inside.Contains(r.OrgUnitId))
                .Select(r => new { r.IndicatorId, r.PeriodCode, r.UpdatedAt })
                .ToListAsync(ct))
            .GroupBy(r => (r.IndicatorId, r.PeriodCode))
            .Select(g => new { g.Key.IndicatorId, g.Key.PeriodCode, At = g.Max(r => r.UpdatedAt) });
        foreach (var p in periods)
        {
            var i = indicators.Single(x => x.Id == p.IndicatorId);
            var path = $"/public/indicators/{Uri.EscapeDataString(i.Code)}" + (unit is null ? string.Empty : $"?org={Uri.EscapeDataString(unit.Code)}");
            events.Add(new PublicEvent($"indicator/{i.Code}/{p.PeriodCode}", p.At, new Text($"{i.Name} {p.PeriodCode} 数据已发布", $"{i.Name} ({i.Code}): data for {p.PeriodCode} published"), path, unit?.Code));
        }

        if (unit is null || unit.ParentId is null)
        {
            foreach (var run in await Runs(ct))
            {
                events.Add(new PublicEvent($"assessment/{run.Id}", run.PublishedAt, new Text($"{run.Year}年度{run.Scheme}结果通报", $"{run.Year} {run.Scheme}: results announced"), $"/public/assessment/{run.Id}", null));
            }
        }

        foreach (var p in await db.Policies.AsNoTracking().Where(p => p.IsPublic).Select(p => new { p.Code, p.Title, p.PublishedAt, p.LeadDepartmentId }).ToListAsync(ct))
        {
            if (inside is null || inside.Contains(p.LeadDepartmentId))
            {
                events.Add(new PublicEvent($"policy/{p.Code}", p.PublishedAt ?? default, new Text($"政策公开:{p.Title}", $"Policy published: {p.Title}"), $"/public/policies/{Uri.EscapeDataString(p.Code)}", null));
            }
        }

        foreach (var p in await db.Projects.AsNoTracking().Where(p => p.IsPublic).Select(p => new { p.Code, p.Name, p.PublishedAt, p.OrgUnitId }).ToListAsync(ct))
        {
            if (inside is null || inside.Contains(p.OrgUnitId))
            {
                events.Add(new PublicEvent($"project/{p.Code}", p.PublishedAt ?? default, new Text($"重大项目公开:{p.Name}", $"Major project published: {p.Name}"), $"/public/projects?text={Uri.EscapeDataString(p.Code)}", null));
            }
        }

        return [.. events.OrderByDescending(e => e.At).ThenBy(e => e.Id, StringComparer.Ordinal).Take(Math.Clamp(limit, 1, 500))];
    }

    /// <summary>The catalog's datasets with the time each last changed (compared here: SQLite cannot order DateTimeOffset columns).</summary>
    public async Task<IReadOnlyList<PublicDataset>> Catalog(CancellationToken ct)
    {
        var ids = await db.Indicators.AsNoTracking().Where(i => i.IsPublic).Select(i => i.Id).ToListAsync(ct);

        // Version ids grow with time: the newest approved version of a public indicator is the one with the highest id.
        var approved = await (from v in db.ReadingVersions.AsNoTracking()
                              join r in db.Readings.AsNoTracking() on v.ReadingId equals r.Id
                              where v.State == ReadingState.Approved && ids.Contains(r.IndicatorId)
                              orderby v.Id descending
                              select (DateTimeOffset?)v.At).FirstOrDefaultAsync(ct);
        var indicators = Newest([approved, .. await db.Indicators.AsNoTracking().Where(i => i.IsPublic).Select(i => i.PublishedAt).ToListAsync(ct)]);
        var runs = Newest(await db.AssessmentRuns.AsNoTracking().Where(r => r.State == RunState.Published).Select(r => r.PublishedAt).ToListAsync(ct));
        var policies = Newest(await db.Policies.AsNoTracking().Where(p => p.IsPublic).Select(p => p.PublishedAt).ToListAsync(ct));
        var projects = Newest(await db.Projects.AsNoTracking().Where(p => p.IsPublic).Select(p => p.PublishedAt).ToListAsync(ct));
        return [Datasets[0] with { Modified = indicators }, Datasets[1] with { Modified = runs }, Datasets[2] with { Modified = policies }, Datasets[3] with { Modified = projects }];
    }

    private static DateTimeOffset? Newest(IEnumerable<DateTimeOffset?> times) => times.Where(t => t is not null).DefaultIfEmpty(null).Max();

    private static EvaluationRowView? Latest(PublicSnapshot snap, SnapshotIndicator indicator, string org, DateOnly today)
    {
        var now = Period.Containing(indicator.Frequency, today);
        var periods = Periods(Period.Create(indicator.Frequency, now.Year - 1, 1), now);
        return Evaluator.EvaluateIndicator(snap.Snapshot, indicator.Code, periods, today, [org])
            .Select(r => r.Find(indicator.Code, org)).OfType<EvaluationRow>()
            .LastOrDefault(r => r.Actual is not null) is { } row ? EvaluationRowView.From(row) : null;
    }

    private async Task<PublicIndicatorInfo> Info(PublicSnapshot snap, string? code, CancellationToken ct)
    {
        var key = code?.Trim() ?? string.Empty;
        var codes = await cache.PublicCodes(Deferred<Data.LuoshiDbContext>.Of(db), ct);
        if (!codes.TryGetValue(key, out var since) || !snap.IsPublic(key) || snap.Snapshot.FindIndicator(key) is not { } indicator)
        {
            throw new NotFoundException(new Text("公开指标", "public indicator"), key);
        }

        return InfoOf(indicator) with { PublishedAt = since };
    }

    private static PublicIndicatorInfo InfoOf(SnapshotIndicator i) => new(i.Code, i.Name, i.Unit, i.Direction, i.Frequency, i.ValueKind, null);

    private static PublicUnit Unit(PublicSnapshot snap, string? org)
    {
        var unit = string.IsNullOrWhiteSpace(org)
            ? snap.Snapshot.Units.FirstOrDefault(u => u.ParentCode is null)
            : snap.Snapshot.FindUnit(org.Trim()) ?? throw new NotFoundException(new Text("单位", "org"), org.Trim());
        return unit is null ? new PublicUnit(string.Empty, string.Empty, null, 0) : new PublicUnit(unit.Code, unit.Name, unit.ParentCode, unit.Depth);
    }

    private static IReadOnlyList<PublicUnit> Units(PublicSnapshot snap) =>
        [.. snap.Snapshot.Units.Where(u => u.Code != snap.Snapshot.NationalUnitCode).Select(u => new PublicUnit(u.Code, u.Name, u.ParentCode, u.Depth))];

    private static (Period First, Period Last) Range(Frequency frequency, string? from, string? to, DateOnly today)
    {
        var last = string.IsNullOrWhiteSpace(to) ? Period.Containing(frequency, today) : ParseIn(frequency, to, "to");
        var first = string.IsNullOrWhiteSpace(from) ? Period.Create(frequency, last.Year - 1, 1) : ParseIn(frequency, from, "from");
        if (first > last)
        {
            throw new DomainException("from", new Text("起始期间须不晚于截止期间", "from must not be after to"));
        }

        return (first, last);
    }

    private static Period ParseIn(Frequency frequency, string text, string field)
    {
        if (!Period.TryParse(text.Trim(), out var period, out var error))
        {
            throw new DomainException(field, error);
        }

        return period.Kind == frequency ? period
            : throw new DomainException(field, new Text($"期间 {period} 与指标的频度不符", $"{period} is not a period of the indicator's frequency ({frequency.ToString().ToLowerInvariant()})"));
    }

    private static List<Period> Periods(Period first, Period last, int max = MaxPeriodsPerIndicator)
    {
        var periods = new List<Period>();
        for (var p = first; p <= last; p = p.Next)
        {
            periods.Add(p);
            if (periods.Count > max)
            {
                throw new DomainException("from", new Text($"最多{max}期", $"at most {max} periods"));
            }
        }

        return periods;
    }

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;

    /// <summary>A reason closed as a sentence, so that what follows starts a new one.</summary>
    private static string Sentence(string text, char stop) =>
        text.Length == 0 || text[^1] is '。' or '.' or '！' or '!' or '?' or '？' ? text : text + stop;

    /// <summary>The chart's text alternative: where the unit stands at the last period with a value, and how its units compare.</summary>
    private static Text Summary(PublicIndicatorInfo info, PublicUnit unit, IReadOnlyList<EvaluationRowView> trend, IReadOnlyList<EvaluationRowView> compared)
    {
        var last = trend.LastOrDefault(r => r.Actual is not null);
        if (last is null)
        {
            return new Text($"{unit.Name}{info.Name}在所选期间尚无已审核数据。", $"{unit.Name} has no approved value of {info.Name} in the periods chosen.");
        }

        var value = Numbers.Format((decimal)Math.Round(last.Actual!.Value, 4));
        var target = last.Target is { } t ? new Text($",目标{Numbers.Normalize(t)}{info.Unit}", $" against a target of {Numbers.Normalize(t)} {info.Unit}") : new Text(string.Empty, string.Empty);
        var counted = compared.Where(r => r.Status is EvaluationStatus.Green or EvaluationStatus.Yellow or EvaluationStatus.Red).ToList();
        var units = counted.Count == 0 ? new Text(string.Empty, string.Empty)
            : new Text($"下辖{counted.Count}个单位中,{counted.Count(r => r.Status == EvaluationStatus.Green)}个正常、{counted.Count(r => r.Status == EvaluationStatus.Yellow)}个预警、{counted.Count(r => r.Status == EvaluationStatus.Red)}个滞后。",
                $" Of {counted.Count} units under it, {counted.Count(r => r.Status == EvaluationStatus.Green)} are on track, {counted.Count(r => r.Status == EvaluationStatus.Yellow)} behind within tolerance, {counted.Count(r => r.Status == EvaluationStatus.Red)} behind.");
        return new Text($"{unit.Name}{info.Name} {last.Period} 为{value}{info.Unit}{target.Zh}。{Sentence(last.Reason, '。')}{units.Zh}",
            $"{info.Name} at {unit.Name} was {value} {info.Unit} in {last.Period}{target.En}. {Sentence(last.ReasonEn, '.')}{units.En}");
    }
}
