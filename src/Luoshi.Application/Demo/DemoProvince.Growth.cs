using Luoshi.Application.Readings;
using Luoshi.Application.Spreadsheets;

namespace Luoshi.Application.Demo;

public static partial class DemoProvince
{
    private static IEnumerable<ReadingRow> GrowthReadings(string code, string source, double deflator, Last last, Func<int, int, int, double> reference)
    {
        if (last.None)
        {
            yield break;
        }

        var s = AdditiveByCode[source];
        int n = s.PerYear;
        var (city, province) = Totals(Cumulative(s, last.Year));
        foreach (var (y, p) in Periods(n, last))
        {
            int t = ((y - BaseYear) * n) + p - 1;
            var period = PeriodCode(n, y, p);
            for (int c = 0; c < Cities.Length; c++)
            {
                yield return new ReadingRow(code, Cities[c].Code, period, Fmt(Growth(city[c][t], city[c][t - n]) - deflator, 1));
            }

            yield return new ReadingRow(code, ProvinceCode, period, Fmt(Growth(province[t], province[t - n]) - deflator, 1));
            for (int r = 0; r < References.Length; r++)
            {
                yield return new ReadingRow(code, References[r].Code, period, Fmt(reference(r, y, p), 1));
            }
        }
    }

    private static double Growth(decimal now, decimal before) => before == 0 ? 0 : ((double)(now / before) - 1) * 100;

    // Real GDP growth is reported; the series are nominal.
    private const double GdpDeflator = 1.0;

    private static double NationalGdpGrowth(int y) => y switch { 2021 => 8.1, 2022 => 3.3, 2023 => 5.1, 2024 => 4.9, 2025 => 4.9, 2026 => 4.7, _ => 4.6 };

    private static double NationalFaiGrowth(int y) => y switch { 2021 => 4.6, 2022 => 5.0, 2023 => 2.9, 2024 => 3.1, 2025 => 0.8, 2026 => 1.6, _ => 2.0 };

    private static double NationalIndustryGrowth(int y) => y switch { 2021 => 9.5, 2022 => 3.7, 2023 => 4.5, 2024 => 5.7, 2025 => 5.8, 2026 => 5.4, _ => 5.3 };

    private static Func<int, int, int, double> ReferenceRate(string salt, Func<int, double> national, double[] offsets, double periodNoise)
    {
        var key = Hash(salt);
        return (r, y, p) => national(y) + offsets[r] + (r == 0 ? 0 : 0.25 * Sym(key, 1, r, y)) + (periodNoise / Math.Sqrt(p) * Sym(key, 2, r, (y * 16) + p));
    }
}
