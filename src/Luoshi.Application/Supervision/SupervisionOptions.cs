using System.Globalization;
using Luoshi.Domain.Common;
using Luoshi.Domain.Supervision;
using Microsoft.Extensions.Options;

namespace Luoshi.Application.Supervision;

/// <summary>
/// Settings under <c>Luoshi:Supervision</c>, read by the server and the CLI alike (appsettings.json beside
/// the program, or environment variables such as <c>Luoshi__Supervision__EscalationDays=2,10,20</c>).
/// </summary>
public sealed class SupervisionOptions
{
    public const string Section = "Luoshi:Supervision";

    /// <summary>Days overdue at which items reach escalation levels 1, 2 and 3.</summary>
    public string EscalationDays { get; set; } = "1,7,15";

    /// <summary>Days before the deadline on which the lead unit is reminded; empty for none.</summary>
    public string ReminderDays { get; set; } = "3,1";

    /// <summary>An indicator red this many periods in a row at a unit opens an item.</summary>
    public int RedPeriods { get; set; } = 3;

    /// <summary>Days a rule-opened item gives the lead unit, counted from the day it is opened.</summary>
    public int RuleDeadlineDays { get; set; } = 30;

    /// <summary>A rule-opened item about a red indicator closes only once the indicator has been out of red this many periods (0: no such rule).</summary>
    public int RedItemClearPeriods { get; set; } = 1;

    /// <summary>Days of grace after a plan task's or milestone's due date before an item is opened.</summary>
    public int OverdueTaskGraceDays { get; set; }

    /// <summary>Whether the server runs escalation and the opening rules by itself every day.</summary>
    public bool ScheduleEnabled { get; set; } = true;

    /// <summary>The time of day (China time, HH:mm) from which the day's run may start.</summary>
    public string RunAt { get; set; } = "01:00";

    /// <summary>How often the server checks whether the day's run is due and sends waiting notifications.</summary>
    public int CheckMinutes { get; set; } = 5;

    public EscalationLadder Ladder => EscalationLadder.Parse(EscalationDays, Section + ":EscalationDays");

    public ReminderSchedule Reminders => ReminderSchedule.Parse(ReminderDays, Section + ":ReminderDays");

    public TimeOnly RunAtTime => TimeOnly.TryParseExact(RunAt, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
        ? t
        : throw new DomainException(Section + ":RunAt", new Text("时间格式应为 HH:mm,如 01:00", $"must look like 01:00: '{RunAt}'"));

    /// <summary>Every problem with the settings, each naming the setting; empty when they are usable.</summary>
    public IReadOnlyList<Text> Problems()
    {
        var problems = new List<Text>();
        void Check(Action read)
        {
            try
            {
                read();
            }
            catch (DomainException e)
            {
                problems.Add(new Text($"{e.Field}: {e.Detail.Zh}", $"{e.Field}: {e.Detail.En}"));
            }
        }

        Check(() => _ = Ladder);
        Check(() => _ = Reminders);
        Check(() => _ = RunAtTime);
        if (RedPeriods is < 1 or > 24)
        {
            problems.Add(new Text($"{Section}:RedPeriods: 须在1–24之间", $"{Section}:RedPeriods: must be 1–24"));
        }

        if (RuleDeadlineDays is < 1 or > 365)
        {
            problems.Add(new Text($"{Section}:RuleDeadlineDays: 须在1–365之间", $"{Section}:RuleDeadlineDays: must be 1–365"));
        }

        if (RedItemClearPeriods is < 0 or > SupervisionItem.MaxClearPeriods)
        {
            problems.Add(new Text($"{Section}:RedItemClearPeriods: 须在0–{SupervisionItem.MaxClearPeriods}之间", $"{Section}:RedItemClearPeriods: must be 0–{SupervisionItem.MaxClearPeriods}"));
        }

        if (OverdueTaskGraceDays is < 0 or > 365)
        {
            problems.Add(new Text($"{Section}:OverdueTaskGraceDays: 须在0–365之间", $"{Section}:OverdueTaskGraceDays: must be 0–365"));
        }

        if (CheckMinutes is < 1 or > 1440)
        {
            problems.Add(new Text($"{Section}:CheckMinutes: 须在1–1440之间", $"{Section}:CheckMinutes: must be 1–1440"));
        }

        return problems;
    }
}

/// <summary>Fails start-up (or the first use, in the CLI) with every bad setting named.</summary>
internal sealed class SupervisionOptionsValidator : IValidateOptions<SupervisionOptions>
{
    public ValidateOptionsResult Validate(string? name, SupervisionOptions options)
    {
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.Select(p => p.Bilingual));
    }
}
