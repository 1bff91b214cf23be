using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Application.Evaluation;
using Luoshi.Domain.Common;
using Luoshi.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Supervision;

public sealed record BoardColumn(SupervisionState State, string Name, int Count, int Overdue, IReadOnlyList<SupervisionItemSummary> Items);

public sealed record SupervisionBoardView(string? Org, DateOnly AsOf, IReadOnlyList<BoardColumn> Columns);

/// <summary>The board (看板): a column per state in workflow order, with counts and the most pressing items of each.</summary>
public sealed class SupervisionBoard(LuoshiDbContext db, ICurrentActor actor, LocalCalendar calendar)
{
    public async Task<SupervisionBoardView> Handle(string? org, int perColumn, CancellationToken ct)
    {
        if (perColumn is < 0 or > 500)
        {
            throw InputRefusedException.Single("limit", new Text("limit 须在0–500之间", "limit must be 0–500"));
        }

        var (code, items) = await SupervisionScope.Resolve(db, actor, org, ct);
        var list = await items.ToListAsync(ct);
        var today = calendar.Today;
        var names = await SupervisionViews.NamesFor(db, list, ct);
        var columns = Enum.GetValues<SupervisionState>().Select(state =>
        {
            var inState = list.Where(i => i.State == state).ToList();
            return new BoardColumn(
                state,
                SupervisionWorkflow.Name(state),
                inState.Count,
                inState.Count(i => i.DaysOverdue(today) > 0),
                [.. inState.OrderByDescending(i => i.DaysOverdue(today)).ThenBy(i => i.Deadline).ThenBy(i => i.Id).Take(perColumn).Select(i => SupervisionViews.Summary(i, names, today))]);
        });
        return new SupervisionBoardView(code, today, [.. columns]);
    }
}
