using System.Globalization;
using Luoshi.Domain.Common;

namespace Luoshi.Application.Common;

/// <summary>Parsing of the text forms that files and requests carry; each failure names the field.</summary>
public static class Parsing
{
    /// <summary>Parses an enum by name, case-insensitively; numbers are refused so that files say what they mean.</summary>
    public static TEnum Enum<TEnum>(string? text, string field)
        where TEnum : struct, Enum
    {
        var s = text?.Trim() ?? string.Empty;
        if (s.Length > 0 && !char.IsAsciiDigit(s[0]) && s[0] != '-'
            && System.Enum.TryParse<TEnum>(s, ignoreCase: true, out var value) && System.Enum.IsDefined(value))
        {
            return value;
        }

        var allowed = string.Join("|", System.Enum.GetNames<TEnum>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]));
        throw new DomainException(field, new Text($"取值应为 {allowed}", $"must be one of {allowed}: '{Clip(s)}'"));
    }

    public static decimal Decimal(string? text, string field)
    {
        var s = text?.Trim() ?? string.Empty;
        if (s.Length == 0)
        {
            throw new DomainException(field, new Text("数值不能为空", "a number is required"));
        }

        if (s.Length > 40 || !decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
        {
            throw new DomainException(field, new Text($"不是有效的数字:“{Clip(s)}”", $"not a number: '{Clip(s)}'"));
        }

        if (Math.Abs(value) >= Numbers.Limit)
        {
            throw new DomainException(field, Numbers.OutOfRange);
        }

        return value;
    }

    public static decimal? OptionalDecimal(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) ? null : Decimal(text, field);

    public static DateOnly? OptionalDate(string? text, string field)
    {
        var s = text?.Trim() ?? string.Empty;
        if (s.Length == 0)
        {
            return null;
        }

        return DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new DomainException(field, new Text("日期格式应为 2026-12-31", $"a date must look like 2026-12-31: '{Clip(s)}'"));
    }

    public static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    public static string Clip(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
