using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Evaluation;

/// <summary>
/// Where things stand: every indicator × unit of a subtree at a period, judged as of a date. Without a
/// period, the latest month whose figures were due by then; without a date, today in China.
/// </summary>
public sealed class Evaluate(Common.Deferred<Data.LuoshiDbContext> db, EvaluationCache cache, ICurrentActor actor, LocalCalendar calendar)
{
    public sealed record Query(string? Period = null, string? Org = null, int? Depth = null, DateOnly? AsOf = null, string? Status = null, string? Indicator = null);

    /// <summary>
    /// The query made definite and checked: the period and date it asks about, the unit (null: everywhere)
    /// the actor may read, and the snapshot it will be judged on (with its data version: what a cached answer is keyed by).
    /// </summary>
    public sealed record Resolved(Period Period, DateOnly AsOf, OrgUnit? Scope, EvaluationCache.Entry Entry);

    public async Task<EvaluationView> Handle(Query q, CancellationToken ct) => View(q, await Resolve(q, ct));

    /// <summary>The answer to a query already resolved (and so already allowed).</summary>
    public static EvaluationView View(Query q, Resolved resolved)
    {
        var result = Evaluator.Evaluate(resolved.Entry.Snapshot, resolved.Period, resolved.AsOf, resolved.Scope?.Code, q.Depth);
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
    /// <param name="latest">
    /// Judge on the database's current data, waiting for a rebuild under way, rather than on what this reader may be
    /// shown for a moment (<see cref="Data.DataVersionClock.ReaderLag"/>): for results that are kept or compared later.
    /// </param>
    public async Task<(EvaluationResult Result, EvaluationSnapshot Snapshot)> Run(Query q, CancellationToken ct, bool latest = false)
    {
        var (period, asOf, scope, entry) = await Resolve(q, ct, latest);
        return (Evaluator.Evaluate(entry.Snapshot, period, asOf, scope?.Code, q.Depth), entry.Snapshot);
    }

    /// <summary>The snapshot this reader's evaluations are judged on now; its data version keys whatever is kept of them.</summary>
    public Task<EvaluationCache.Entry> Snapshot(CancellationToken ct) => cache.Current(db, actor.IsAuthenticated ? actor.Name : null, ct);

    public async Task<Resolved> Resolve(Query q, CancellationToken ct, bool latest = false)
    {
        if (q.Depth is < 0 or > 10)
        {
            throw new DomainException("depth", new Text("depth 须在0–10之间", "depth must be 0–10"));
        }

        var asOf = q.AsOf ?? calendar.Today;
        var period = string.IsNullOrWhiteSpace(q.Period) ? LatestDueMonth(asOf) : Period.TryParse(q.Period, out var p, out var error) ? p : throw new DomainException("period", error);
        var entry = latest ? await cache.Latest(db, ct) : await Snapshot(ct);
        if (!string.IsNullOrWhiteSpace(q.Org) && !entry.Units.ContainsKey(q.Org.Trim()))
        {
            // A unit added a moment ago may not be in the snapshot that answers while the next one is built.
            entry = await cache.Latest(db, ct);
        }

        var scope = string.IsNullOrWhiteSpace(q.Org) ? null : entry.Units.GetValueOrDefault(q.Org.Trim()) ?? throw new NotFoundException(new Text("单位", "org unit"), q.Org);
        if (scope is null)
        {
            actor.RequireEverywhere(Permission.ReadAll);
        }
        else
        {
            actor.Require(Permission.ReadAll, scope);
        }

        return new Resolved(period, asOf, scope, entry);
    }

    /// <summary>The latest month whose figures were due (20th of the following month) on or before <paramref name="asOf"/>.</summary>
    public static Period LatestDueMonth(DateOnly asOf)
    {
        var month = Period.LastCompleteMonth(asOf);
        while (month.DueDate() > asOf)
        {
            month = month.Previous;
        }

        return month;
    }
}
