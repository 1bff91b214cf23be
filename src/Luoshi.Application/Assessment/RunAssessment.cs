using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Domain.Assessment;
using Luoshi.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Assessment;

/// <summary>
/// Runs a scheme: stores it (a new version when it changed, the latest when not) and a draft run of it, to be
/// reviewed before it is published.
/// </summary>
public sealed class RunAssessment(LuoshiDbContext db, AssessmentScorer scorer, ICurrentActor actor, TimeProvider clock)
{
    public async Task<AssessmentResult> Handle(string schemeJson, DateOnly? asOf, CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.ManageTargets);
        var scheme = SchemeJson.Parse(schemeJson);
        Scoring.Validate(scheme);
        var latest = await db.AssessmentSchemes.Where(s => s.Name == scheme.Name && s.Year == scheme.Year).OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow();
        var version = SchemeVersion.Of(scheme, SchemeJson.Canonical(scheme), latest, actor.Name, now);

        // Scored before anything is stored: a scheme that cannot be scored leaves no version behind.
        var scored = await scorer.Score(scheme, asOf, ct);
        if (!ReferenceEquals(version, latest))
        {
            db.AssessmentSchemes.Add(version);
            await SaveScheme.Store(db, ct);
        }

        var run = AssessmentRun.Draft(version.Id, scored.Record, actor.Name, now);
        db.AssessmentRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return AssessmentViews.Of(run, version);
    }
}
