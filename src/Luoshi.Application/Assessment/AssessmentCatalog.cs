using System.Text.Json;
using Luoshi.Application.Common;
using Luoshi.Domain.Assessment;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Assessment;

public sealed record SchemeVersionView(int Id, string Name, int Year, int Version, DateTimeOffset CreatedAt, string CreatedBy, bool Latest);

/// <summary>A stored scheme version: its JSON as people read it (indented) and as parsed.</summary>
public sealed record SchemeDetail(SchemeVersionView Version, string Json, Scheme Scheme, IReadOnlyList<SchemeVersionView> Versions);

public sealed record RunSummary(int Id, int SchemeVersionId, string Scheme, int Year, int SchemeVersion, RunState State, DateOnly AsOf, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? PublishedAt, int? SupersedesId, string InputsHash);

/// <summary>The outcome of saving a scheme: the version it is now, and whether that version is new.</summary>
public sealed record SavedScheme(SchemeVersionView Version, bool Created);

/// <summary>
/// The assessment catalogue: the schemes with their versions and the runs of each, one version's JSON, the run a
/// year earlier of the same scheme, and saving an edited scheme as a new version (a stored version is never
/// changed: runs point at it).
/// </summary>
public sealed class AssessmentCatalog(Data.LuoshiDbContext db, ICurrentActor actor, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Indented = new(Assess.Json) { WriteIndented = true };

    public async Task<IReadOnlyList<SchemeVersionView>> Schemes(CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.ReadAll);
        var all = await db.AssessmentSchemes.AsNoTracking().ToListAsync(ct);
        var latest = all.GroupBy(s => (s.Name, s.Year)).Select(g => g.Max(s => s.Version) is var max ? g.Single(s => s.Version == max).Id : 0).ToHashSet();
        return [.. all.OrderByDescending(s => s.Year).ThenBy(s => s.Name, StringComparer.Ordinal).ThenByDescending(s => s.Version).Select(s => ViewOf(s, latest.Contains(s.Id)))];
    }

    public async Task<IReadOnlyList<RunSummary>> Runs(CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.ReadAll);
        var rows = await (from r in db.AssessmentRuns.AsNoTracking()
                          join s in db.AssessmentSchemes.AsNoTracking() on r.SchemeVersionId equals s.Id
                          select new { r, s }).ToListAsync(ct);
        return [.. rows.OrderByDescending(x => x.r.Id).Select(x => new RunSummary(x.r.Id, x.s.Id, x.s.Name, x.s.Year, x.s.Version, x.r.State, x.r.AsOf, x.r.CreatedAt, x.r.CreatedBy, x.r.PublishedAt, x.r.SupersedesId, x.r.InputsHash))];
    }

    public async Task<SchemeDetail> Scheme(int id, CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.ReadAll);
        var version = await db.AssessmentSchemes.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new NotFoundException("考核方案/assessment scheme", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var siblings = await db.AssessmentSchemes.AsNoTracking().Where(s => s.Name == version.Name && s.Year == version.Year).OrderByDescending(s => s.Version).ToListAsync(ct);
        var scheme = Assess.ParseScheme(version.Json);
        return new SchemeDetail(ViewOf(version, siblings[0].Id == version.Id), JsonSerializer.Serialize(scheme, Indented), scheme,
            [.. siblings.Select(s => ViewOf(s, s.Id == siblings[0].Id))]);
    }

    /// <summary>The scheme version a run scored, as parsed.</summary>
    public async Task<Scheme> SchemeOfRun(int runId, CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.ReadAll);
        var json = await (from r in db.AssessmentRuns.AsNoTracking()
                          join s in db.AssessmentSchemes.AsNoTracking() on r.SchemeVersionId equals s.Id
                          where r.Id == runId
                          select s.Json).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("考核结果/assessment run", runId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Assess.ParseScheme(json);
    }

    /// <summary>The latest published run of the same scheme a year earlier, if there is one (what the year-over-year columns compare with).</summary>
    public async Task<RunSummary?> PreviousYear(string scheme, int year, CancellationToken ct) =>
        (await Runs(ct)).FirstOrDefault(r => r.Scheme == scheme && r.Year == year - 1 && r.State == RunState.Published);

    /// <summary>
    /// Stores an edited scheme as a new version of its name and year. Nothing stored is overwritten; a scheme equal
    /// to the latest version stores nothing. Refuses what would not run, naming the field.
    /// </summary>
    public async Task<SavedScheme> Save(string json, CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.ManageTargets);
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new DomainException("scheme", "方案JSON不能为空 / the scheme JSON is empty");
        }

        var scheme = Assess.ParseScheme(json);
        Scoring.Validate(scheme);
        if (scheme.Year is < 2000 or > 2100)
        {
            throw new DomainException("year", "年度须在2000–2100之间 / the year must be between 2000 and 2100");
        }

        if (!string.IsNullOrWhiteSpace(scheme.Period) && !Period.TryParse(scheme.Period, out _, out var periodError))
        {
            throw new DomainException("period", periodError);
        }

        var known = await db.OrgUnits.AsNoTracking().Where(u => scheme.Group.Contains(u.Code)).Select(u => u.Code).ToListAsync(ct);
        var unknown = scheme.Group.FirstOrDefault(g => !known.Contains(g));
        if (unknown is not null)
        {
            throw new DomainException("group", $"单位 {unknown} 不存在 / org unit {unknown} does not exist");
        }

        var indicators = scheme.Criteria.Where(c => c.Indicator is not null).Select(c => c.Indicator!).Distinct().ToList();
        var knownIndicators = await db.Indicators.AsNoTracking().Where(i => indicators.Contains(i.Code)).Select(i => i.Code).ToListAsync(ct);
        for (int i = 0; i < scheme.Criteria.Count; i++)
        {
            var c = scheme.Criteria[i];
            if (c.Indicator is { } code && !knownIndicators.Contains(code))
            {
                throw new DomainException($"criteria[{i}].indicator", $"{c.Code}:指标 {code} 不存在 / indicator {code} does not exist");
            }

            if (c.Indicator is null && c.Source is not ("projects.startRate" or "projects.completionRate" or "reporting.onTime" or "manual"))
            {
                throw new DomainException($"criteria[{i}].source", $"{c.Code}:须给出 indicator,或 source 为 projects.startRate、projects.completionRate、reporting.onTime、manual / give an indicator or a known source");
            }
        }

        var canonical = JsonSerializer.Serialize(scheme, Assess.Json);
        var latest = await db.AssessmentSchemes.Where(s => s.Name == scheme.Name && s.Year == scheme.Year).OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct);
        if (latest is not null && latest.Json == canonical)
        {
            return new SavedScheme(ViewOf(latest, true), false);
        }

        var version = new SchemeVersion
        {
            Name = scheme.Name, Year = scheme.Year, Version = (latest?.Version ?? 0) + 1, Json = canonical, CreatedAt = clock.GetUtcNow(), CreatedBy = actor.Name,
        };
        db.AssessmentSchemes.Add(version);
        await db.SaveChangesAsync(ct);
        return new SavedScheme(ViewOf(version, true), true);
    }

    private static SchemeVersionView ViewOf(SchemeVersion s, bool latest) => new(s.Id, s.Name, s.Year, s.Version, s.CreatedAt, s.CreatedBy, latest);
}
