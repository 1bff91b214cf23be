using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;

namespace Luoshi.Application.Evaluation;

/// <summary>The plan tree with roll-up statuses (worst of linked indicators and children; overdue milestones red).</summary>
public sealed class EvaluatePlanTree(Evaluate evaluate)
{
    public async Task<PlanEvaluation> Handle(string? period, DateOnly? asOf, CancellationToken ct)
    {
        var (result, _) = await evaluate.Run(new Evaluate.Query(period, AsOf: asOf), ct);
        return Evaluator.EvaluatePlan(result);
    }
}

public sealed record CalendarChecksView(int Year, DateOnly AsOf, HalfYearReport? HalfYear, FirstQuarterReport? FirstQuarter);

/// <summary>双过半 (at mid-year) and 开门红 (after the first quarter) for a year, for the units of a subtree.</summary>
public sealed class CalendarChecks(Evaluate evaluate, LocalCalendar calendar)
{
    public async Task<CalendarChecksView> Handle(int? year, string? org, DateOnly? asOf, CancellationToken ct)
    {
        var today = asOf ?? calendar.Today;
        int y = year ?? today.Year;
        if (y is < Period.MinYear or > Period.MaxYear)
        {
            throw new DomainException("year", new Text($"年份须在{Period.MinYear}–{Period.MaxYear}之间", $"year must be {Period.MinYear}–{Period.MaxYear}"));
        }

        var march = Period.OfMonth(y, 3);
        var june = Period.OfMonth(y, 6);
        FirstQuarterReport? firstQuarter = null;
        HalfYearReport? halfYear = null;
        if (march.DueDate() <= today)
        {
            var (q1, _) = await evaluate.Run(new Evaluate.Query(march.ToString(), org, AsOf: today), ct);
            firstQuarter = Evaluator.FirstQuarterCheck(q1);
        }

        if (june.DueDate() <= today)
        {
            var (h1, _) = await evaluate.Run(new Evaluate.Query(june.ToString(), org, AsOf: today), ct);
            halfYear = Evaluator.HalfYearCheck(h1);
        }

        return new CalendarChecksView(y, today, halfYear, firstQuarter);
    }
}
