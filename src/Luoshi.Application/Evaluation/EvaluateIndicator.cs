using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Evaluation;

/// <summary>
/// One indicator at a few units over a run of periods, judged by the engine period by period: what an
/// indicator's page charts (value, expected-to-date, target, status, year-on-year, rank among siblings).
/// </summary>
public sealed class EvaluateIndicator(Data.LuoshiDbContext db, EvaluationCache cache, ICurrentActor actor, TimeProvider clock)
{
    /// <summary>At most this many periods in one request: eight years of months.</summary>
    public const int MaxPeriods = 96;

    public async Task<IReadOnlyList<EvaluationResult>> Handle(string indicator, IReadOnlyCollection<string> orgs, IReadOnlyList<Period> periods, DateOnly? asOf, CancellationToken ct)
    {
        if (periods.Count > MaxPeriods)
        {
            throw new DomainException("to", $"最多{MaxPeriods}期 / at most {MaxPeriods} periods");
        }

        if (!actor.CanEverywhere(Permission.ReadAll))
        {
            foreach (var unit in await db.OrgUnits.AsNoTracking().Where(u => orgs.Contains(u.Code)).ToListAsync(ct))
            {
                actor.Require(Permission.ReadAll, unit);
            }
        }

        var snapshot = await cache.Get(db, ct);
        return Evaluator.EvaluateIndicator(snapshot, indicator, periods, asOf ?? Evaluate.Today(clock), orgs);
    }
}
