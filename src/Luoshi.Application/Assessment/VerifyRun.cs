using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Assessment;

/// <summary>
/// 重算核验: recomputes a run from its scheme version (with the appeals it carries) as of its date. The same
/// inputs give the same hash; a different hash means the data it read has changed since.
/// </summary>
public sealed class VerifyRun(LuoshiDbContext db, AssessmentScorer scorer, ICurrentActor actor)
{
    public sealed record Result(bool Same, string Stored, string Recomputed);

    public async Task<Result> Handle(int id, CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.ReadAll);
        var run = await db.AssessmentRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException(new Text("考核结果", "assessment run"), AssessmentViews.Inv(id));
        var version = await db.AssessmentSchemes.AsNoTracking().SingleAsync(s => s.Id == run.SchemeVersionId, ct);
        var hash = await scorer.Hash(run.AsScored(SchemeJson.Parse(version.Json)), run.AsOf, ct);
        return new Result(run.IsReproducedBy(hash), run.InputsHash, hash);
    }
}
