using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Assessment;

/// <summary>One run with every point explained, as it was written.</summary>
public sealed class GetRun(LuoshiDbContext db, ICurrentActor actor)
{
    public async Task<AssessmentResult> Handle(int id, CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.ReadAll);
        var run = await db.AssessmentRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException(new Text("考核结果", "assessment run"), AssessmentViews.Inv(id));
        return AssessmentViews.Of(run, await db.AssessmentSchemes.AsNoTracking().SingleAsync(s => s.Id == run.SchemeVersionId, ct));
    }
}
