using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Evaluation;

/// <summary>
/// Where things stand: every indicator × unit of a subtree at a period, judged as of a date. Without a
/// period, the latest month whose figures were due by then; without a date, today in China.
/// </summary>
public sealed class Evaluate(Data.LuoshiDbContext db, EvaluationCache cache, ICurrentActor actor, TimeProvider clock)
{
    public sealed record Query(string? Period = null, string? Org = null, int? Depth = null, DateOnly? AsOf = null, string? Status = null, string? Indicator = null);

    public async Task<EvaluationView> Handle(Query q, CancellationToken ct)
    {
        var (result, _) = await Run(q, ct);
        IEnumerable<EvaluationRow> rows = result.Rows;
        if (!string.IsNullOrWhiteSpace(q.Status))
        {
            var status = Parsing.Enum<EvaluationStatus>(q.Status, "status");
            rows = rows.Where(r => r.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(q.Indicator))
        {
            rows = rows.Where(r => r.IndicatorCode == q.Indicator.Trim());
        }

        return new EvaluationView(result.Period.ToString(), result.AsOf, result.Counts, [.. rows.Select(EvaluationRowView.From)]);
    }

    /// <summary>The engine's result itself, for callers that read it further (plan tree, calendar checks, the dashboard).</summary>
    public async Task<(EvaluationResult Result, EvaluationSnapshot Snapshot)> Run(Query q, CancellationToken ct)
    {
        if (q.Depth is < 0 or > 10)
        {
            throw new DomainException("depth", "depth 须在0–10之间 / depth must be 0–10");
        }

        var asOf = q.AsOf ?? Today(clock);
        var period = string.IsNullOrWhiteSpace(q.Period) ? LatestDueMonth(asOf) : Period.TryParse(q.Period, out var p, out var error) ? p : throw new DomainException("period", error);
        var scope = string.IsNullOrWhiteSpace(q.Org) ? null : await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Code == q.Org.Trim(), ct)
            ?? throw new NotFoundException("单位/org unit", q.Org);
        if (scope is null)
        {
            actor.RequireEverywhere(Permission.ReadAll);
        }
        else
        {
            actor.Require(Permission.ReadAll, scope);
        }

        var snapshot = await cache.Get(db, ct);
        return (Evaluator.Evaluate(snapshot, period, asOf, scope?.Code, q.Depth), snapshot);
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    /// <summary>The latest month whose figures were due (20th of the following month) on or before <paramref name="asOf"/>.</summary>
    public static Period LatestDueMonth(DateOnly asOf)
    {
        var month = Period.Containing(Frequency.Month, asOf).Previous;
        return month.DueDate() <= asOf ? month : month.Previous;
    }
}
