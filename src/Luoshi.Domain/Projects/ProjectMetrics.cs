using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;

namespace Luoshi.Domain.Projects;

/// <summary>A project as the metrics read it: where it is, its dates, amounts and what it completed by month.</summary>
public sealed record ProjectFacts(
    string Code,
    string OrgPath,
    string Category,
    decimal TotalInvestment,
    decimal PrivateShare,
    DateOnly PlannedStart,
    DateOnly PlannedCompletion,
    DateOnly? ActualStart,
    DateOnly? ActualCompletion,
    decimal AnnualPlan,
    IReadOnlyDictionary<int, decimal> CompletedByMonth);

/// <summary>The metrics of a set of projects (a region with everything under it, or a category), every rate with its inputs.</summary>
public sealed record ProjectSummary(
    int Projects,
    int PlannedToStart,
    int Started,
    double? StartRate,
    decimal AnnualPlan,
    decimal CompletedYtd,
    double? CompletionRate,
    decimal ExpectedYtd,
    double? TimeShare,
    int PlannedToComplete,
    int Completed,
    double? CompletionCountRate,
    double? PrivateShare,
    string Reason);

public static class ProjectMetrics
{
    /// <summary>
    /// 开工率 = projects started ÷ projects whose planned start falls in the year up to the as-of date
    /// (projects continuing from earlier years are not counted); annual investment completion = completed
    /// this year (through the last complete month) ÷ the year's plan; expected-to-date follows an S-curve (investment starts slow, peaks
    /// mid-year, slows at year end); 竣工率 likewise for planned completions; private share weighted by
    /// total investment.
    /// </summary>
    public static ProjectSummary Summarize(IEnumerable<ProjectFacts> projects, int year, DateOnly asOf)
    {
        var start = new DateOnly(year, 1, 1);
        var until = JudgedOn(year, asOf);
        int lastMonth = CompleteMonths(year, asOf);
        int count = 0, plannedToStart = 0, started = 0, plannedToComplete = 0, completed = 0;
        decimal plan = 0, done = 0, total = 0, privateAmount = 0;
        foreach (var p in projects)
        {
            count++;
            if (p.PlannedStart >= start && p.PlannedStart <= until)
            {
                plannedToStart++;
                if (p.ActualStart is { } s && s <= until)
                {
                    started++;
                }
            }

            if (p.PlannedCompletion >= start && p.PlannedCompletion <= until)
            {
                plannedToComplete++;
                if (p.ActualCompletion is { } c && c <= until)
                {
                    completed++;
                }
            }

            plan += p.AnnualPlan;
            foreach (var (month, amount) in p.CompletedByMonth)
            {
                if (month <= lastMonth)
                {
                    done += amount;
                }
            }

            total += p.TotalInvestment;
            privateAmount += p.TotalInvestment * p.PrivateShare / 100m;
        }

        double share = lastMonth == 0 ? 0 : ExpectedProgress.SCurve(lastMonth);
        decimal expected = plan * (decimal)share;
        double? startRate = plannedToStart == 0 ? null : 100.0 * started / plannedToStart;
        double? completionRate = plan == 0 ? null : (double)(done / plan) * 100;
        double? completionCountRate = plannedToComplete == 0 ? null : 100.0 * completed / plannedToComplete;
        double? privateShare = total == 0 ? null : (double)(privateAmount / total) * 100;
        var reason = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"计划开工{plannedToStart}个,已开工{started}个,开工率{Pct(startRate)};年度计划投资{plan:0.##}亿元,已完成{done:0.##}亿元,完成率{Pct(completionRate)},序时应完成{expected:0.##}亿元(S曲线,时间进度{share * 100:0.#}%) / "
            + $"{started} of {plannedToStart} planned starts begun ({Pct(startRate)}); {done:0.##} of {plan:0.##} (100 million yuan) planned this year done ({Pct(completionRate)}), {expected:0.##} expected to date");
        return new ProjectSummary(count, plannedToStart, started, startRate, plan, done, completionRate, expected, share, plannedToComplete, completed, completionCountRate, privateShare, reason);
    }

    /// <summary>
    /// The day a year's projects are judged on, seen from <paramref name="today"/>: a past year at its end (31
    /// December), the current (or a future) year today. Which starts, completions and regions' figures count for
    /// a year follows from this one day, on every page, in the API and in the CLI.
    /// </summary>
    public static DateOnly JudgedOn(int year, DateOnly today) => today.Year > year ? new DateOnly(year, 12, 31) : today;

    /// <summary>
    /// The months of <paramref name="year"/> whose investment counts as of <paramref name="asOf"/>. Investment is
    /// reported for whole months, so the month in progress is left out; on a month's last day that month is
    /// complete (<see cref="Period.LastComplete"/>).
    /// </summary>
    public static int CompleteMonths(int year, DateOnly asOf) => Period.CompleteMonthsOf(year, asOf);

    private static string Pct(double? rate) => rate is { } r ? r.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";
}

/// <summary>Where a project stands against its planned start on a given day.</summary>
public enum ProjectStartStatus
{
    /// <summary>Started by the end of the planned month.</summary>
    OnTime = 1,

    /// <summary>Started, but after the planned month.</summary>
    Late = 2,

    /// <summary>Not started and the planned date has passed (逾期未开工).</summary>
    Overdue = 3,

    /// <summary>Not started, and not yet due to.</summary>
    NotDue = 4,
}

/// <summary>A project's start status with its reason in both languages.</summary>
public sealed record ProjectStart(ProjectStartStatus Status, int Days, string Reason, string ReasonEn)
{
    /// <summary>
    /// Judges the start as of a day: a start recorded after <paramref name="asOf"/> is not yet known then.
    /// Starts are scheduled and reported by the month (按月调度), so a start within the planned month is on
    /// time; after it, late. <see cref="Days"/> is how many days after the planned date the start came
    /// (negative: early), or how long the start is overdue.
    /// </summary>
    public static ProjectStart Of(DateOnly plannedStart, DateOnly? actualStart, DateOnly asOf)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (actualStart is { } s && s <= asOf)
        {
            int late = s.DayNumber - plannedStart.DayNumber;
            var monthEnd = new DateOnly(plannedStart.Year, plannedStart.Month, 1).AddMonths(1).AddDays(-1);
            var (zh, en) = late switch
            {
                < 0 => ($",提前{-late}天", $", {-late} days early"),
                0 => (string.Empty, string.Empty),
                _ => ($",晚{late}天", $", {late} days after the planned date"),
            };
            return s <= monthEnd
                ? new(ProjectStartStatus.OnTime, late, string.Create(inv, $"计划{plannedStart:yyyy-MM-dd}开工,{s:yyyy-MM-dd}已开工{zh}(在计划月份内,按期)"),
                    string.Create(inv, $"planned to start on {plannedStart:yyyy-MM-dd}, started on {s:yyyy-MM-dd}{en} (within the planned month: on time)"))
                : new(ProjectStartStatus.Late, late, string.Create(inv, $"计划{plannedStart:yyyy-MM-dd}开工,{s:yyyy-MM-dd}才开工{zh},晚于计划月份"),
                    string.Create(inv, $"planned to start on {plannedStart:yyyy-MM-dd}, started on {s:yyyy-MM-dd}{en}, after the planned month"));
        }

        int overdue = asOf.DayNumber - plannedStart.DayNumber;
        return overdue > 0
            ? new(ProjectStartStatus.Overdue, overdue, string.Create(inv, $"计划{plannedStart:yyyy-MM-dd}开工,截至{asOf:yyyy-MM-dd}尚未开工,已逾期{overdue}天"),
                string.Create(inv, $"planned to start on {plannedStart:yyyy-MM-dd}, not started by {asOf:yyyy-MM-dd}: {overdue} days overdue"))
            : new(ProjectStartStatus.NotDue, overdue, string.Create(inv, $"计划{plannedStart:yyyy-MM-dd}开工,尚未到期(还有{-overdue}天)"),
                string.Create(inv, $"planned to start on {plannedStart:yyyy-MM-dd}, not yet due ({-overdue} days to go)"));
    }
}
