using System.Globalization;

namespace Luoshi.Domain.Common;

public static class Numbers
{
    /// <summary>
    /// Drops trailing zeros (21.000000 → 21): decimals keep the scale they were stored with, and a value
    /// typed as 21 should read back as 21.
    /// </summary>
    public static decimal Normalize(decimal value) =>
        decimal.Parse(value.ToString("0.############################", CultureInfo.InvariantCulture), NumberStyles.Number, CultureInfo.InvariantCulture);

    public static string Format(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
