namespace Luoshi.Web.Ui;

/// <summary>
/// A change against the same period of the previous year: in percentage points (个百分点) when the values are
/// themselves rates (unit %), otherwise relative, in per cent. No value when a base is missing or not positive.
/// </summary>
/// <remarks>
/// Debt: the evaluation engine computes year-on-year growth for statuses; when it lands the pages should take
/// its numbers instead of repeating this rule.
/// </remarks>
public readonly record struct YearOnYear(decimal Value, bool InPoints)
{
    public static bool IsRate(string unit) => unit.Trim() == "%";

    public static YearOnYear? Of(decimal? current, decimal? lastYear, string unit)
    {
        if (current is not { } now || lastYear is not { } then)
        {
            return null;
        }

        if (IsRate(unit))
        {
            return new YearOnYear(now - then, InPoints: true);
        }

        return then > 0 ? new YearOnYear(((now / then) - 1) * 100, InPoints: false) : null;
    }
}
