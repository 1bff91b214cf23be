using System.Globalization;
using Luoshi.Domain.Common;

namespace Luoshi.Domain.Indicators;

/// <summary>
/// How far behind the expected value still counts as "behind within tolerance" (yellow), and how wide
/// 左右 is: relative (<c>5%</c> of the expected value) or absolute (<c>0.3</c> in the indicator's unit).
/// </summary>
public readonly record struct Tolerance(decimal Amount, bool IsRelative)
{
    public static readonly Tolerance Default = new(5m, true);

    /// <summary>The tolerance as an amount in the indicator's unit around <paramref name="reference"/>.</summary>
    public decimal AbsoluteAround(decimal reference) => IsRelative ? Math.Abs(reference) * Amount / 100m : Amount;

    public override string ToString() =>
        IsRelative
            ? Amount.ToString("0.############", CultureInfo.InvariantCulture) + "%"
            : Amount.ToString("0.############", CultureInfo.InvariantCulture);

    public static Tolerance Parse(string? text, string field = "tolerance")
    {
        var s = text?.Trim() ?? string.Empty;
        if (s.Length == 0)
        {
            return Default;
        }

        bool relative = s.EndsWith('%');
        var number = relative ? s[..^1].Trim() : s;
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            throw new DomainException(field, new Text("容差应为 5% 或 0.3 这样的非负数", $"tolerance must look like 5% or 0.3: '{(s.Length > 20 ? s[..20] : s)}'"));
        }

        if (relative && amount > 100m)
        {
            throw new DomainException(field, new Text("相对容差不能超过100%", "a relative tolerance cannot exceed 100%"));
        }

        return new Tolerance(amount, relative);
    }
}
