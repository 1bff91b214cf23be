using System.Globalization;
using System.Text.RegularExpressions;
using Luoshi.Domain.Common;
using Microsoft.Extensions.Options;

namespace Luoshi.Application.Common;

/// <summary>
/// The one calendar: what day it is where the strategy is carried out. Deadlines, due dates, "today" on a page and
/// the month a figure belongs to are days in China, whatever zone the server runs in; between 00:00 and 08:00 China
/// time a UTC host is still on the day before, so nothing reads the server's local day. Times are stored in UTC
/// and converted here for display and for date filters.
/// </summary>
public sealed class LocalCalendar(TimeProvider clock, TimeZoneInfo zone)
{
    /// <summary>The calendar of the default zone (China, UTC+8) over <paramref name="clock"/>.</summary>
    public static LocalCalendar China(TimeProvider clock) => new(clock, CalendarOptions.ChinaStandardTime);

    /// <summary>The zone whose calendar days count (China Standard Time unless <c>Luoshi:TimeZone</c> says otherwise).</summary>
    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>The instant now, in UTC: what stamps and leases record.</summary>
    public DateTimeOffset UtcNow => clock.GetUtcNow();

    /// <summary>The time now on the local wall clock, with its offset.</summary>
    public DateTimeOffset Now => ToLocal(clock.GetUtcNow());

    /// <summary>Today's date in the calendar's zone.</summary>
    public DateOnly Today => DayOf(clock.GetUtcNow());

    /// <summary>The month today falls in (the month in progress until its last day).</summary>
    public Period CurrentMonth => Period.Containing(Frequency.Month, Today);

    /// <summary>The latest month that is over today: on a month's last day, that month (see <see cref="Period.LastComplete"/>).</summary>
    public Period LastCompleteMonth => Period.LastCompleteMonth(Today);

    /// <summary>An instant as the local wall clock showed it.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>The local calendar day an instant fell on.</summary>
    public DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(ToLocal(at).DateTime);

    /// <summary>The instant a local day begins (00:00 there), in UTC: the lower bound of a date filter over stored times.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>Formats an instant as local time, to the minute (<c>2026-07-01 01:00</c>).</summary>
    public string Format(DateTimeOffset at) => ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>
/// <c>Luoshi:TimeZone</c>: the zone whose days count, read by the server and the CLI alike. A fixed offset
/// (<c>+08:00</c>, <c>UTC+8</c>) or a zone id (<c>Asia/Shanghai</c>); default <c>+08:00</c>, China Standard Time,
/// which needs no time-zone database on the host.
/// </summary>
public sealed partial class CalendarOptions
{
    public const string Section = "Luoshi";
    public const string Key = Section + ":TimeZone";
    public const string Default = "+08:00";

    public static readonly TimeZoneInfo ChinaStandardTime =
        TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), new Text("中国标准时间", "China Standard Time (UTC+8)").Bilingual, "CST");

    public string TimeZone { get; set; } = Default;

    /// <summary>The zone the setting names; a setting that names none is refused naming <see cref="Key"/>.</summary>
    public TimeZoneInfo Zone => Parse(TimeZone);

    public static TimeZoneInfo Parse(string? text)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value) || value == Default)
        {
            return ChinaStandardTime;
        }

        if (OffsetPattern().Match(value) is { Success: true } m)
        {
            int hours = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
            int minutes = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            var offset = new TimeSpan(hours, minutes, 0) * (m.Groups["sign"].Value == "-" ? -1 : 1);
            if (minutes >= 60 || minutes % 15 != 0 || offset.Duration() > TimeSpan.FromHours(14))
            {
                throw Refused(value, new Text("偏移须在 -14:00 到 +14:00 之间,以15分钟为单位", "the offset must be between -14:00 and +14:00, in steps of 15 minutes"));
            }

            return offset == TimeSpan.FromHours(8)
                ? ChinaStandardTime
                : System.TimeZoneInfo.CreateCustomTimeZone("UTC" + value, offset, "UTC" + FormatOffset(offset), "UTC" + FormatOffset(offset));
        }

        if (value.Length <= 64 && ZoneIdPattern().IsMatch(value))
        {
            try
            {
                return System.TimeZoneInfo.FindSystemTimeZoneById(value);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                throw Refused(value, new Text("本机找不到该时区,请写偏移如 +08:00", "no such zone on this host; give an offset such as +08:00"));
            }
        }

        throw Refused(value, new Text("应为偏移(如 +08:00)或时区名(如 Asia/Shanghai)", "must be an offset such as +08:00 or a zone id such as Asia/Shanghai"));
    }

    /// <summary>Every problem with the setting, naming its key; empty when it is usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        try
        {
            _ = Zone;
            return [];
        }
        catch (DomainException e)
        {
            return [$"{e.Field}: {e.Message}"];
        }
    }

    private static DomainException Refused(string value, Text why) => new(Key, new Text($"时区“{Parsing.Clip(value)}”无效:{why.Zh}", $"bad time zone '{Parsing.Clip(value)}': {why.En}"));

    private static string FormatOffset(TimeSpan offset) => (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?:UTC|GMT)?(?<sign>[+-])(?<h>\d{1,2})(?::?(?<m>\d{2}))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OffsetPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ZoneIdPattern();
}

/// <summary>Fails start-up (or the first use, in the CLI) with a bad <c>Luoshi:TimeZone</c> named.</summary>
internal sealed class CalendarOptionsValidator : IValidateOptions<CalendarOptions>
{
    public ValidateOptionsResult Validate(string? name, CalendarOptions options)
    {
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
