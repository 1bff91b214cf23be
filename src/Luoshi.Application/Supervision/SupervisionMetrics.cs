using Luoshi.Application.Data;
using Luoshi.Application.Common;
using Luoshi.Application.Evaluation;
using Luoshi.Domain.Common;
using Luoshi.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Supervision;

/// <summary>
/// One lead unit's record: open (handed over, not finished), overdue, closed, closed on time (by the
/// deadline in force, approved extensions included) and the average days from assignment to closure.
/// </summary>
public sealed record UnitMetrics(string Org, string Name, int Open, int Overdue, int Closed, int ClosedOnTime, double? ClosedOnTimePercent, double? AverageDaysToClose);

public sealed record SupervisionMetricsView(string? Org, DateOnly AsOf, UnitMetrics Total, IReadOnlyList<UnitMetrics> Units);

/// <summary>Metrics per lead unit of a subtree; closures can be limited to a date range.</summary>
public sealed class SupervisionMetrics(LuoshiDbContext db, ICurrentActor actor, LocalCalendar calendar)
{
    public async Task<SupervisionMetricsView> Handle(string? org, DateOnly? from, DateOnly? to, DateOnly? asOf, CancellationToken ct)
    {
        if (from is not null && to is not null && to < from)
        {
            throw InputRefusedException.Single("to", new Text("结束日期不能早于开始日期", "'to' cannot precede 'from'"));
        }

        var (code, items) = await SupervisionScope.Resolve(db, actor, org, ct);
        var date = asOf ?? calendar.Today;
        var list = await items.Where(i => i.State != SupervisionState.Draft && i.State != SupervisionState.Cancelled).ToListAsync(ct);
        var names = await SupervisionViews.NamesFor(db, list, ct);

        bool ClosedInRange(SupervisionItem i)
        {
            if (i.ClosedAt is not { } at)
            {
                return false;
            }

            var day = calendar.DayOf(at);
            return (from is null || day >= from) && (to is null || day <= to);
        }

        UnitMetrics Measure(string unitCode, string unitName, IReadOnlyCollection<SupervisionItem> of)
        {
            var closed = of.Where(ClosedInRange).ToList();
            int onTime = closed.Count(i => i.ClosedOnTime(calendar.Zone) == true);
            var days = closed.Where(i => i.AssignedAt is not null).Select(i => (i.ClosedAt!.Value - i.AssignedAt!.Value).TotalDays).ToList();
            return new UnitMetrics(
                unitCode,
                unitName,
                of.Count(i => SupervisionWorkflow.IsOpen(i.State)),
                of.Count(i => i.DaysOverdue(date) > 0),
                closed.Count,
                onTime,
                closed.Count == 0 ? null : Math.Round(100.0 * onTime / closed.Count, 1),
                days.Count == 0 ? null : Math.Round(days.Average(), 1));
        }

        var units = list.GroupBy(i => i.LeadUnitId)
            .Select(g => Measure(names.Unit(g.Key), names.UnitName(g.Key), [.. g]))
            .OrderBy(m => m.Org, StringComparer.Ordinal)
            .ToList();
        return new SupervisionMetricsView(code, date, Measure(code ?? "*", new Text("合计", "total").ToString(), list), units);
    }
}
