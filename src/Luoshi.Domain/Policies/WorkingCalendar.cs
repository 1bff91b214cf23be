using Luoshi.Domain.Common;

namespace Luoshi.Domain.Policies;

/// <summary>What a day of the holiday calendar says: a public holiday on a weekday, or a weekend day worked in its place (调休).</summary>
public enum CalendarDayKind
{
    Holiday = 1,
    Workday = 2,
}

/// <summary>A day the holiday calendar names (法定节假日 or 调休上班日); every other day follows the week.</summary>
public sealed class CalendarDay(DateOnly date, CalendarDayKind kind)
{
    public DateOnly Date { get; private set; } = date;
    public CalendarDayKind Kind { get; private set; } = Enum.IsDefined(kind) ? kind : throw new DomainException("kind", new Text("应为 holiday 或 workday", "holiday or workday"));

    public void Change(CalendarDayKind kind) =>
        Kind = Enum.IsDefined(kind) ? kind : throw new DomainException("kind", new Text("应为 holiday 或 workday", "holiday or workday"));
}

/// <summary>
/// Working days (工作日) as the State Council's yearly holiday notice makes them: Monday to Friday, except the public
/// holidays, plus the Saturdays and Sundays worked in exchange (调休). Time limits on policy delivery are counted in
/// these days, so a claim filed before the Spring Festival is not overdue for the week the country is away.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workdays;

    public WorkingCalendar(IEnumerable<CalendarDay> days)
    {
        _holidays = [];
        _workdays = [];
        foreach (var d in days)
        {
            (d.Kind == CalendarDayKind.Workday ? _workdays : _holidays).Add(d.Date);
        }
    }

    /// <summary>Weekends only: what is known with no holiday calendar loaded.</summary>
    public static WorkingCalendar WeekendsOnly { get; } = new([]);

    public int Holidays => _holidays.Count;

    public bool IsWorkingDay(DateOnly day) =>
        _workdays.Contains(day) || (day.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday && !_holidays.Contains(day));

    /// <summary>The working days d with <paramref name="from"/> &lt; d ≤ <paramref name="to"/> (0 when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        int n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>
    /// The last day within a limit of <paramref name="workingDays"/> working days after <paramref name="from"/>: the
    /// <paramref name="workingDays"/>-th working day after it (the day itself for a limit of 0).
    /// </summary>
    public DateOnly Deadline(DateOnly from, int workingDays)
    {
        if (workingDays < 0)
        {
            throw new DomainException("timeLimitDays", new Text("时限不能为负", "the time limit cannot be negative"));
        }

        var d = from;
        for (int n = 0; n < workingDays;)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d))
            {
                n++;
            }
        }

        return d;
    }
}
