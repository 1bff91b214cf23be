using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Application.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Supervision;

public sealed record OverdueListView(string? Org, DateOnly AsOf, IReadOnlyList<SupervisionItemSummary> Items);

/// <summary>The overdue list (逾期清单) as of a date: items the lead unit still owes past their deadline, longest overdue first.</summary>
public sealed class OverdueItems(LuoshiDbContext db, ICurrentActor actor, LocalCalendar calendar)
{
    public async Task<OverdueListView> Handle(string? org, DateOnly? asOf, CancellationToken ct)
    {
        var (code, items) = await SupervisionScope.Resolve(db, actor, org, ct);
        var date = asOf ?? calendar.Today;
        var list = (await items.Where(i => i.Deadline < date).ToListAsync(ct)).Where(i => i.DaysOverdue(date) > 0).ToList();
        var names = await SupervisionViews.NamesFor(db, list, ct);
        return new OverdueListView(code, date, [.. list.OrderByDescending(i => i.DaysOverdue(date)).ThenBy(i => i.Id).Select(i => SupervisionViews.Summary(i, names, date))]);
    }
}
