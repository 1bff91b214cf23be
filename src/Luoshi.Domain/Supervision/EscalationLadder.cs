using System.Globalization;
using Luoshi.Domain.Common;

namespace Luoshi.Domain.Supervision;

/// <summary>
/// Days overdue at which an item climbs to escalation levels 1, 2 and 3 (the lead unit → its leadership →
/// the supervising office). Written "1,7,15": strictly increasing, at least one day.
/// </summary>
public sealed class EscalationLadder
{
    public const int Levels = 3;

    private readonly int[] _days;

    private EscalationLadder(int[] days) => _days = days;

    public static EscalationLadder Default { get; } = new([1, 7, 15]);

    public IReadOnlyList<int> Days => _days;

    public static EscalationLadder Parse(string? text, string field = "escalationDays")
    {
        var days = DayList.Parse(text, field);
        if (days.Length != Levels)
        {
            throw new DomainException(field, new Text($"升级阶梯须有{Levels}级,如 1,7,15", $"the ladder needs {Levels} levels, e.g. 1,7,15: '{text}'"));
        }

        for (int i = 0; i < days.Length; i++)
        {
            if (days[i] < 1 || (i > 0 && days[i] <= days[i - 1]))
            {
                throw new DomainException(field, new Text("逾期天数须从1起严格递增", $"days overdue must be at least 1 and strictly increasing: '{text}'"));
            }
        }

        return new EscalationLadder(days);
    }

    /// <summary>The level an item this many days overdue has reached (0: not yet on the ladder).</summary>
    public int LevelFor(int daysOverdue)
    {
        int level = 0;
        while (level < _days.Length && daysOverdue >= _days[level])
        {
            level++;
        }

        return level;
    }

    public override string ToString() => string.Join(",", _days.Select(d => d.ToString(CultureInfo.InvariantCulture)));
}

/// <summary>Days before the deadline on which the lead unit is reminded (催办), e.g. "3,1": each at most once per deadline.</summary>
public sealed class ReminderSchedule
{
    private readonly int[] _days;

    private ReminderSchedule(int[] days) => _days = days;

    public static ReminderSchedule Default { get; } = new([3, 1]);

    public IReadOnlyList<int> Days => _days;

    /// <summary>The earliest day before a deadline that a reminder can fall on (0 without reminders).</summary>
    public int Longest => _days.Length == 0 ? 0 : _days.Max();

    public static ReminderSchedule Parse(string? text, string field = "reminderDays")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ReminderSchedule([]);
        }

        var days = DayList.Parse(text, field);
        if (days.Any(d => d is < 0 or > 365))
        {
            throw new DomainException(field, new Text("提醒天数须在0–365之间", $"reminder days must be 0–365: '{text}'"));
        }

        return new ReminderSchedule([.. days.Distinct().OrderDescending()]);
    }

    /// <summary>
    /// The reminder due with this many days left: the smallest threshold not below it (3 and 1 with two
    /// days left: the 3-day reminder), or null when none applies.
    /// </summary>
    public int? DueFor(int daysLeft)
    {
        int? due = null;
        foreach (int d in _days)
        {
            if (d >= daysLeft && (due is null || d < due))
            {
                due = d;
            }
        }

        return due;
    }

    public override string ToString() => string.Join(",", _days.Select(d => d.ToString(CultureInfo.InvariantCulture)));
}

internal static class DayList
{
    public static int[] Parse(string? text, string field)
    {
        var parts = (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var days = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out days[i]) || days[i] > 3650)
            {
                throw new DomainException(field, new Text("应为逗号分隔的天数,如 1,7,15", $"expected days separated by commas, e.g. 1,7,15: '{text}'"));
            }
        }

        return days;
    }
}
