using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Domain.Assessment;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Assessment;

/// <summary>
/// 申诉: a unit's appeal, once reviewed and accepted, becomes an adjustment in a new published version scored as of
/// the same date; the old version is kept as it was, marked superseded. Only the latest published version may be
/// appealed, so two appeals accepted at once cannot both supersede it (the second is refused, 409).
/// </summary>
public sealed class AcceptAppeal(LuoshiDbContext db, AssessmentScorer scorer, ICurrentActor actor, TimeProvider clock)
{
    public sealed record Request(string? Org, decimal? Points, string? Reason);

    public async Task<AssessmentResult> Handle(int id, Request r, CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.ManageTargets);
        var run = await db.AssessmentRuns.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException(new Text("考核结果", "assessment run"), AssessmentViews.Inv(id));
        var version = await db.AssessmentSchemes.AsNoTracking().SingleAsync(s => s.Id == run.SchemeVersionId, ct);
        var scheme = SchemeJson.Parse(version.Json);
        var appeals = run.WithAppeal(r.Org, r.Points, r.Reason, [.. scheme.Group]);
        var scored = await scorer.Score(AssessmentRun.WithAppeals(scheme, appeals), run.AsOf, ct);
        var next = run.Supersede(appeals, scored.Record, actor.Name, clock.GetUtcNow());
        db.AssessmentRuns.Add(next);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("state", new Text("该结果刚被他人申诉改版,请对最新版本申诉", "someone else has just superseded this result; appeal the latest version"));
        }

        return AssessmentViews.Of(next, version);
    }
}
