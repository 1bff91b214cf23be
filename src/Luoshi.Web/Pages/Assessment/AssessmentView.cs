using Luoshi.Application.Common;
using Luoshi.Application.Assessment;
using Luoshi.Domain.Assessment;

namespace Luoshi.Web.Pages.Assessment;

/// <summary>A run with the scheme version it scored: what the ranking, breakdown and print pages share.</summary>
public sealed record AssessmentView(AssessmentResult Run, Scheme Scheme, RunSummary? PreviousYear)
{
    public static async Task<AssessmentView> Load(int id, GetRun get, AssessmentCatalog catalog, CancellationToken ct)
    {
        var run = await get.Handle(id, ct);
        return new AssessmentView(run, await catalog.SchemeOfRun(id, ct), await catalog.PreviousYear(run.Scheme, run.Year, ct));
    }

    /// <summary>
    /// The colour class of a grade: grade-0 for the best band as the scheme lists them, grade-1 for the next, …;
    /// grade-veto for the veto grade. The chart and the badges share it (luoshi.css, luoshi.js).
    /// </summary>
    public string GradeClass(UnitResultView unit)
    {
        if (unit.Vetoed)
        {
            return "grade-veto";
        }

        int index = Scheme.Grades.Select(g => g.Name).ToList().IndexOf(unit.Grade);
        return index < 0 ? "grade-none" : "grade-" + Math.Min(index, 4).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The grades in the scheme's order, then the veto grade when a unit has it, each with its colour class.</summary>
    public IReadOnlyList<(string Name, string Class)> Legend()
    {
        var legend = Scheme.Grades.Select((g, i) => (g.Name, "grade-" + Math.Min(i, 4).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        if (Run.Results.Any(r => r.Vetoed))
        {
            legend.Add((Scheme.VetoGrade ?? "不合格", "grade-veto"));
        }

        return legend;
    }

    /// <summary>
    /// The date a run started now reads data as of: the period's due date, or today when that is still to come
    /// (a run during the year shows what is known today).
    /// </summary>
    public static DateOnly? AsOfNow(Scheme scheme, LocalCalendar calendar)
    {
        var today = calendar.Today;
        var period = string.IsNullOrWhiteSpace(scheme.Period) ? Luoshi.Domain.Common.Period.OfMonth(scheme.Year, 12)
            : Luoshi.Domain.Common.Period.TryParse(scheme.Period, out var p, out _) ? p : (Luoshi.Domain.Common.Period?)null;
        return period is { } due && due.DueDate() > today ? today : null;
    }

    public Criterion? Criterion(string code) => Scheme.Criteria.FirstOrDefault(c => c.Code == code);

    /// <summary>Bonuses and deductions of a unit: their sums, and what the scheme's caps let count.</summary>
    public (decimal Bonus, decimal BonusCounted, decimal Deduction, decimal DeductionCounted) Adjusted(UnitResultView unit)
    {
        decimal bonus = unit.Adjustments.Where(a => a.Points > 0).Sum(a => a.Points);
        decimal deduction = unit.Adjustments.Where(a => a.Points < 0).Sum(a => -a.Points);
        return (bonus, Scheme.BonusCap is { } bc ? Math.Min(bonus, bc) : bonus, deduction, Scheme.DeductionCap is { } dc ? Math.Min(deduction, dc) : deduction);
    }
}
