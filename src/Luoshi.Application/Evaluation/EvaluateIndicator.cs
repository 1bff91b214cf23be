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
public sealed class EvaluateIndicator(Data.LuoshiDbContext db, EvaluationCache cache, ICurrentActor actor, LocalCalendar calendar)
{
    /// <summary>At most this many periods in one request: eight years of months.</summary>
    public const int MaxPeriods = 96;

    /// <summary>The rows of one indicator at one unit for every period of the indicator's frequency from <paramref name="from"/> to <paramref name="to"/> (default: this year so far).</summary>
    public async Task<IReadOnlyList<EvaluationRowView>> Handle(string? indicator, string? org, string? from, string? to, DateOnly? asOf, CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(indicator) ? throw InputRefusedException.Single("indicator", new Text("须指定指标", "indicator is required")) : indicator.Trim();
        var unit = string.IsNullOrWhiteSpace(org) ? throw InputRefusedException.Single("org", new Text("须指定单位", "org is required")) : org.Trim();
        var frequency = await db.Indicators.AsNoTracking().Where(i => i.Code == code).Select(i => (Frequency?)i.Frequency).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException(new Text("指标", "indicator"), code);
        var today = asOf ?? calendar.Today;
        var last = string.IsNullOrWhiteSpace(to) ? Period.Containing(frequency, today) : Parse(to, "to");
        var first = string.IsNullOrWhiteSpace(from) ? Period.Create(frequency, last.Year, 1) : Parse(from, "from");
        if (first.Kind != frequency || last.Kind != frequency || first > last)
        {
            throw new DomainException("from", new Text($"起止须为{code}的期间({frequency})且由早到晚", $"from and to must be {frequency} periods of {code}, from first"));
        }

        var periods = new List<Period>();
        for (var p = first; p <= last && periods.Count <= MaxPeriods; p = p.Next)
        {
            periods.Add(p);
        }

        var results = await Handle(code, [unit], periods, today, ct);
        return [.. results.Select(r => r.Find(code, unit)).OfType<EvaluationRow>().Select(EvaluationRowView.From)];
    }

    public async Task<IReadOnlyList<EvaluationResult>> Handle(string indicator, IReadOnlyCollection<string> orgs, IReadOnlyList<Period> periods, DateOnly? asOf, CancellationToken ct)
    {
        if (periods.Count > MaxPeriods)
        {
            throw new DomainException("to", new Text($"最多{MaxPeriods}期", $"at most {MaxPeriods} periods"));
        }

        if (!actor.CanEverywhere(Permission.ReadAll))
        {
            foreach (var unit in await db.OrgUnits.AsNoTracking().Where(u => orgs.Contains(u.Code)).ToListAsync(ct))
            {
                actor.Require(Permission.ReadAll, unit);
            }
        }

        var context = Common.Deferred<Data.LuoshiDbContext>.Of(db);
        var snapshot = (await cache.Current(context, actor.IsAuthenticated ? actor.Name : null, ct)).Snapshot;
        if (snapshot.FindIndicator(indicator) is null || orgs.Any(o => snapshot.FindUnit(o) is null))
        {
            // Added a moment ago, perhaps, and not yet in the snapshot that answers while the next one is built.
            snapshot = (await cache.Latest(context, ct)).Snapshot;
        }

        return Evaluator.EvaluateIndicator(snapshot, indicator, periods, asOf ?? calendar.Today, orgs);
    }

    private static Period Parse(string text, string field) =>
        Period.TryParse(text, out var p, out var error) ? p : throw new DomainException(field, error);
}
