using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Application.Evaluation;
using Luoshi.Domain.Common;
using Luoshi.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Supervision;

/// <summary>Items led by units of a subtree, most urgent first: filter by state, source, or overdue only.</summary>
public sealed class ListSupervisionItems(LuoshiDbContext db, ICurrentActor actor, LocalCalendar calendar)
{
    public const int MaxRows = 2000;

    public sealed record Query(string? Org = null, string? State = null, string? Source = null, bool? Overdue = null, int Limit = 500);

    public async Task<IReadOnlyList<SupervisionItemSummary>> Handle(Query q, CancellationToken ct)
    {
        if (q.Limit is < 1 or > MaxRows)
        {
            throw InputRefusedException.Single("limit", new Text($"limit 须在1–{MaxRows}之间", $"limit must be 1–{MaxRows}"));
        }

        var (_, items) = await SupervisionScope.Resolve(db, actor, q.Org, ct);
        if (!string.IsNullOrWhiteSpace(q.State))
        {
            var state = Parsing.Enum<SupervisionState>(q.State, "state");
            items = items.Where(i => i.State == state);
        }

        if (!string.IsNullOrWhiteSpace(q.Source))
        {
            var source = Parsing.Enum<SupervisionSource>(q.Source, "source");
            items = items.Where(i => i.Source == source);
        }

        var today = calendar.Today;
        if (q.Overdue == true)
        {
            items = items.Where(i => i.Deadline < today);
        }

        var list = await items.Include(i => i.SupportingUnits).ToListAsync(ct);
        if (q.Overdue == true)
        {
            list = [.. list.Where(i => i.DaysOverdue(today) > 0)];
        }

        var names = await SupervisionViews.NamesFor(db, list, ct);
        return [.. list.OrderBy(i => SupervisionWorkflow.IsFinished(i.State)).ThenByDescending(i => i.DaysOverdue(today)).ThenBy(i => i.Deadline).ThenBy(i => i.Id)
            .Take(q.Limit).Select(i => SupervisionViews.Summary(i, names, today))];
    }
}
