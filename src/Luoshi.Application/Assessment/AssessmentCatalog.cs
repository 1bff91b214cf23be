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

/// <summary>
/// The assessment catalogue: the schemes with their versions and the runs of each, one version's JSON, the run a
/// year earlier of the same scheme. Saving a scheme is <see cref="SaveScheme"/>.
/// </summary>
public sealed class AssessmentCatalog(Data.LuoshiDbContext db, ICurrentActor actor)
{
    private static readonly JsonSerializerOptions Indented = new(SchemeJson.Options) { WriteIndented = true };

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
            ?? throw new NotFoundException(new Text("考核方案", "assessment scheme"), id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var siblings = await db.AssessmentSchemes.AsNoTracking().Where(s => s.Name == version.Name && s.Year == version.Year).OrderByDescending(s => s.Version).ToListAsync(ct);
        var scheme = SchemeJson.Parse(version.Json);
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
            ?? throw new NotFoundException(new Text("考核结果", "assessment run"), runId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return SchemeJson.Parse(json);
    }

    /// <summary>The latest published run of the same scheme a year earlier, if there is one (what the year-over-year columns compare with).</summary>
    public async Task<RunSummary?> PreviousYear(string scheme, int year, CancellationToken ct) =>
        (await Runs(ct)).FirstOrDefault(r => r.Scheme == scheme && r.Year == year - 1 && r.State == RunState.Published);

    internal static SchemeVersionView ViewOf(SchemeVersion s, bool latest) => new(s.Id, s.Name, s.Year, s.Version, s.CreatedAt, s.CreatedBy, latest);
}
