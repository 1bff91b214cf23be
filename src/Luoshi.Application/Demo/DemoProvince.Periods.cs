using System.Globalization;

namespace Luoshi.Application.Demo;

public static partial class DemoProvince
{
    private readonly record struct Last(int Year, int Index)
    {
        public bool None => Year < FirstYear;
    }

    /// <summary>The last period of the frequency whose data was due by <paramref name="today"/>.</summary>
    private static Last LastDue(DateOnly today, int perYear)
    {
        int months = 12 / perYear;
        for (int y = Math.Min(today.Year, 2100); y >= FirstYear; y--)
        {
            for (int i = perYear; i >= 1; i--)
            {
                var end = new DateOnly(y, i * months, 1).AddMonths(1).AddDays(-1);
                if (end.AddDays(DueDays) <= today)
                {
                    return new Last(y, i);
                }
            }
        }

        return new Last(0, 0);
    }

    private static IEnumerable<(int Year, int Index)> Periods(int perYear, Last last)
    {
        for (int y = FirstYear; y <= last.Year; y++)
        {
            for (int p = 1; p <= (y == last.Year ? last.Index : perYear); p++)
            {
                yield return (y, p);
            }
        }
    }

    private static string PeriodCode(int perYear, int y, int p) => perYear switch
    {
        1 => y.ToString("D4", Inv),
        2 => string.Create(Inv, $"{y:D4}H{p}"),
        4 => string.Create(Inv, $"{y:D4}Q{p}"),
        _ => string.Create(Inv, $"{y:D4}-{p:D2}"),
    };
}
