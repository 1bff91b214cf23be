using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Domain.Assessment;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Assessment;

/// <summary>The outcome of saving a scheme: the version it is now, and whether that version is new.</summary>
public sealed record SavedScheme(SchemeVersionView Version, bool Created);

/// <summary>
/// Stores an edited scheme as a new version of its name and year. Nothing stored is overwritten (runs point at
/// it); a scheme equal to the latest version stores nothing. Refuses what would not run, naming the field.
/// </summary>
public sealed class SaveScheme(LuoshiDbContext db, ICurrentActor actor, TimeProvider clock)
{
    public async Task<SavedScheme> Handle(string json, CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.ManageTargets);
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new DomainException("scheme", new Text("方案JSON不能为空", "the scheme JSON is empty"));
        }

        var scheme = SchemeJson.Parse(json);
        Scoring.Validate(scheme);
        if (scheme.Year is < 2000 or > 2100)
        {
            throw new DomainException("year", new Text("年度须在2000–2100之间", "the year must be between 2000 and 2100"));
        }

        if (!string.IsNullOrWhiteSpace(scheme.Period) && !Period.TryParse(scheme.Period, out _, out var periodError))
        {
            throw new DomainException("period", periodError);
        }

        var known = await db.OrgUnits.AsNoTracking().Where(u => scheme.Group.Contains(u.Code)).Select(u => u.Code).ToListAsync(ct);
        var unknown = scheme.Group.FirstOrDefault(g => !known.Contains(g));
        if (unknown is not null)
        {
            throw new DomainException("group", new Text($"单位 {unknown} 不存在", $"org unit {unknown} does not exist"));
        }

        var indicators = scheme.Criteria.Where(c => c.Indicator is not null).Select(c => c.Indicator!).Distinct().ToList();
        var knownIndicators = await db.Indicators.AsNoTracking().Where(i => indicators.Contains(i.Code)).Select(i => i.Code).ToListAsync(ct);
        for (int i = 0; i < scheme.Criteria.Count; i++)
        {
            var c = scheme.Criteria[i];
            if (c.Indicator is { } code && !knownIndicators.Contains(code))
            {
                throw new DomainException($"criteria[{i}].indicator", new Text($"{c.Code}:指标 {code} 不存在", $"{c.Code}: indicator {code} does not exist"));
            }

            if (c.Indicator is null && c.Source is not ("projects.startRate" or "projects.completionRate" or "reporting.onTime" or "manual"))
            {
                throw new DomainException($"criteria[{i}].source", new Text($"{c.Code}:须给出 indicator,或 source 为 projects.startRate、projects.completionRate、reporting.onTime、manual", $"{c.Code}: give an indicator or a known source"));
            }
        }

        var latest = await db.AssessmentSchemes.Where(s => s.Name == scheme.Name && s.Year == scheme.Year).OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct);
        var version = SchemeVersion.Of(scheme, SchemeJson.Canonical(scheme), latest, actor.Name, clock.GetUtcNow());
        if (ReferenceEquals(version, latest))
        {
            return new SavedScheme(AssessmentCatalog.ViewOf(latest, true), false);
        }

        db.AssessmentSchemes.Add(version);
        await Store(db, ct);
        return new SavedScheme(AssessmentCatalog.ViewOf(version, true), true);
    }

    /// <summary>Saves a new scheme version; two saved at once under the same number are one too many (409).</summary>
    internal static async Task Store(LuoshiDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseConflict.Is(e))
        {
            throw new ConflictException("scheme", new Text("该方案刚被他人保存为新版本,请重试", "someone else has just saved a new version of this scheme; retry"));
        }
    }
}
