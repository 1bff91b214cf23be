using System.Globalization;

namespace Luoshi.Domain.Common;

public static class Numbers
{
    /// <summary>Amounts are stored with 20 digits, 6 after the point (LuoshiDbContext): their magnitude stays below 10^14.</summary>
    public const decimal Limit = 100_000_000_000_000m;

    public static readonly Text OutOfRange = new("数值超出范围(绝对值应小于10^14)", "the number is out of range (its magnitude must stay below 10^14)");

    /// <summary>Refuses, naming the field, a value the database cannot hold (|value| ≥ 10^14), rather than failing when it is saved.</summary>
    public static decimal? InRange(decimal? value, string field) =>
        value is { } v && Math.Abs(v) >= Limit ? throw new DomainException(field, OutOfRange) : value;

    /// <summary>
    /// Drops trailing zeros (21.000000 → 21): decimals keep the scale they were stored with, and a value
    /// typed as 21 should read back as 21.
    /// </summary>
    public static decimal Normalize(decimal value) =>
        decimal.Parse(value.ToString("0.############################", CultureInfo.InvariantCulture), NumberStyles.Number, CultureInfo.InvariantCulture);

    public static string Format(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
