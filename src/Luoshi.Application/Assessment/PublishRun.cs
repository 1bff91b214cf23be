using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Assessment;

/// <summary>发布: announces a draft run; from then on it is frozen (the run refuses a second publication, 409).</summary>
public sealed class PublishRun(LuoshiDbContext db, ICurrentActor actor, TimeProvider clock)
{
    public async Task<AssessmentResult> Handle(int id, CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.ManageTargets);
        var run = await db.AssessmentRuns.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException(new Text("考核结果", "assessment run"), AssessmentViews.Inv(id));
        run.Publish(actor.Name, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("state", new Text("该结果刚被他人发布或取代", "someone else has just published or superseded this result"));
        }

        return AssessmentViews.Of(run, await db.AssessmentSchemes.AsNoTracking().SingleAsync(s => s.Id == run.SchemeVersionId, ct));
    }
}
