using Luoshi.Application.Common;
using System.Globalization;
using Luoshi.Application.Evaluation;
using Luoshi.Application.Indicators;
using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Indicators;
using Microsoft.Extensions.Localization;

namespace Luoshi.Web.Ui;

/// <summary>How the UI writes numbers, periods, dates, changes, targets and enum values in the reader's language.</summary>
public sealed class UiFormat(IStringLocalizer<UiText> text, LocalCalendar calendar)
{
    public const string None = "–";

    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    public string Number(decimal? value, int decimals) =>
        value is { } v ? v.ToString("N" + Math.Clamp(decimals, 0, Indicator.MaxDecimals).ToString(CultureInfo.InvariantCulture), Culture) : None;

    public string Count(int value) => value.ToString("N0", Culture);

    public string Percent(decimal? share, int decimals = 1) =>
        share is { } s ? (s * 100).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture) + "%" : None;

    /// <summary>
    /// A year-on-year change as the engine gives it: in percentage points (个百分点) when it compared rates,
    /// else relative, in per cent.
    /// </summary>
    public string Change(double? percent, double? points)
    {
        if ((points ?? percent) is not { } value)
        {
            return None;
        }

        var sign = value > 0 ? "+" : value < 0 ? "−" : "±";
        var magnitude = Math.Abs(value).ToString("N1", Culture);
        return points is not null
            ? string.Format(Culture, text["Change.Points"], sign + magnitude)
            : sign + magnitude + "%";
    }

    /// <summary>The change of an evaluated row: points for rates, per cent otherwise.</summary>
    public string Change(EvaluationRowView? row) => row is null ? None : Change(row.Yoy, row.YoyPoints);

    /// <summary>The engine's value of a row, with the indicator's decimals.</summary>
    public string Value(double? value, int decimals) => value is { } v && double.IsFinite(v) ? Number((decimal)v, decimals) : None;

    /// <summary>A status as words: 绿灯 · 正常, 红灯 · 滞后.</summary>
    public string Status(EvaluationStatus status) => Label(status);

    /// <summary>The engine's reason for a row, in the reader's language.</summary>
    public static string Reason(EvaluationRowView row) => UiContext.IsChinese ? row.Reason : row.ReasonEn;

    /// <summary>The CSS class of a status light: status-green, status-yellow, status-red, status-grey, status-none.</summary>
    public static string StatusClass(EvaluationStatus status) => "status-" + status.ToString().ToLowerInvariant();

    public string Period(string code)
    {
        if (!Domain.Common.Period.TryParse(code, out var p))
        {
            return code;
        }

        return p.Kind switch
        {
            Frequency.Year => string.Format(Culture, text["Period.Year"], p.Year),
            Frequency.Half => string.Format(Culture, text[p.Index == 1 ? "Period.H1" : "Period.H2"], p.Year),
            Frequency.Quarter => string.Format(Culture, text["Period.Quarter"], p.Year, p.Index),
            _ => string.Format(Culture, text["Period.Month"], p.Year, p.Index, MonthName(p.Index)),
        };
    }

    /// <summary>A period as its value covers it: a cumulative (year-to-date) value for 2026-10 covers January to October.</summary>
    public string Covered(string code, ValueKind kind)
    {
        if (kind != ValueKind.Cumulative || !Domain.Common.Period.TryParse(code, out var p) || p.Index == 1)
        {
            return Period(code);
        }

        return p.Kind switch
        {
            Frequency.Month => string.Format(Culture, text["Period.MonthsToDate"], p.Year, p.Index, MonthName(p.Index)),
            Frequency.Quarter => string.Format(Culture, text["Period.QuartersToDate"], p.Year, p.Index),
            _ => Period(code),
        };
    }

    private static string MonthName(int month) => Culture.DateTimeFormat.GetAbbreviatedMonthName(month);

    public string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? None;

    /// <summary>A moment on the one calendar's clock (China time), to the minute.</summary>
    public string Time(DateTimeOffset at) => calendar.Format(at);

    public string Label<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        text[$"Enum.{typeof(TEnum).Name}.{value}"];

    /// <summary>The target as it is spoken: 12,000 以上 (≥ 12,000), 5.5 左右, 3–3.5, with a 力争 value when set.</summary>
    public string Target(TargetView? target, int decimals)
    {
        if (target?.Value is not { } value || target.Withdrawn)
        {
            return None;
        }

        var v = Number(value, decimals);
        var spoken = target.Qualifier switch
        {
            TargetQualifier.AtLeast => string.Format(Culture, text["Target.AtLeast"], v),
            TargetQualifier.AtMost => string.Format(Culture, text["Target.AtMost"], v),
            TargetQualifier.Around => string.Format(Culture, text["Target.Around"], v),
            _ => string.Format(Culture, text["Target.Range"], v, Number(target.UpperValue, decimals)),
        };
        return target.Stretch is { } stretch
            ? spoken + string.Format(Culture, text["Target.Stretch"], Number(stretch, decimals))
            : spoken;
    }

    /// <summary>A message from the use cases, in the reader's language.</summary>
    public static string Message(Text message) => message.ToString();

    /// <summary>
    /// Text that was stored in both languages, "中文 / English" (after a closing bracket, "中文(…)/ English"): the titles
    /// and comments the supervision rules write, which every later reader must be able to read. The reader sees the half
    /// in their language. A slash inside the Chinese half ("单位/org unit") has no space after it.
    /// </summary>
    public static string Message(string message)
    {
        var split = message.IndexOf("/ ", StringComparison.Ordinal);
        if (split <= 0)
        {
            return message;
        }

        return UiContext.IsChinese ? message[..split].Trim() : message[(split + 2)..].Trim();
    }
}
