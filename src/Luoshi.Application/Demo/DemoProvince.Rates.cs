using System.Globalization;
using Luoshi.Application.Readings;
using Luoshi.Application.Spreadsheets;

namespace Luoshi.Application.Demo;

public static partial class DemoProvince
{
    private static IEnumerable<ReadingRow> CityRates(
        string code,
        int perYear,
        Last last,
        int decimals,
        Func<int, int, int, double> city,
        bool weighted,
        Func<int, int, int, double>? reference = null,
        Func<int, int, double>? province = null)
    {
        if (last.None)
        {
            yield break;
        }

        var values = new double[Cities.Length];
        foreach (var (y, p) in Periods(perYear, last))
        {
            var period = PeriodCode(perYear, y, p);
            for (int c = 0; c < Cities.Length; c++)
            {
                values[c] = city(c, y, p);
                yield return new ReadingRow(code, Cities[c].Code, period, Fmt(values[c], decimals));
            }

            yield return new ReadingRow(code, ProvinceCode, period, Fmt(province?.Invoke(y, p) ?? Mean(values, weighted), decimals));
            if (reference is not null)
            {
                for (int r = 0; r < References.Length; r++)
                {
                    yield return new ReadingRow(code, References[r].Code, period, Fmt(reference(r, y, p), decimals));
                }
            }
        }
    }

    private static double Mean(double[] values, bool weighted) =>
        weighted ? values.Select((v, c) => v * Cities[c].Weight).Sum() / Cities.Sum(c => c.Weight) : values.Average();

    private static double Mean(Func<int, double> city, bool weighted) =>
        Mean([.. Enumerable.Range(0, Cities.Length).Select(city)], weighted);

    // Unemployment: a city level, the cycle of the year, and the seasonal rise after the Spring Festival and at graduation.
    private static readonly ulong UnemploymentKey = Hash("UNEMPLOYMENT");

    private static double UnemploymentLevel(int c, int y) =>
        c == Ouchang && y >= LagFromYear ? (y == LagFromYear ? 5.0 : 5.25) : 4.45 + (0.35 * Sym(UnemploymentKey, 1, c));

    private static double UnemploymentCycle(int y) => y switch { 2021 => 0.25, 2022 => 0.45, 2023 => 0.1, _ => 0 };

    private static double UnemploymentSeason(int m) => m switch { 2 => 0.3, 3 => 0.15, 7 or 8 => 0.15, _ => 0 };

    private static double Unemployment(int c, int y, int m) =>
        UnemploymentLevel(c, y) + UnemploymentCycle(y) + UnemploymentSeason(m) + (0.1 * Sym(UnemploymentKey, 2, c, (y * 16) + m));

    private static double ReferenceUnemployment(int r, int y, int m) =>
        new[] { 5.15, 4.55, 4.4 }[r] + (1.2 * UnemploymentCycle(y)) + UnemploymentSeason(m) + (0.08 * Sym(UnemploymentKey, 3, r, (y * 16) + m));

    // Per-capita disposable income: the year-to-date share reached by each quarter's end.
    private static readonly double[] IncomeToDate = [0.285, 0.51, 0.755, 1.0];
    private static readonly ulong IncomeKey = Hash("INCOME");

    // Richer cities earn more: the weight of the economy lifts the level.
    private static double UrbanFactor(int c) => 0.86 + (0.6 * Cities[c].Weight) + (0.14 * Uniform(IncomeKey, 1, c));

    private static double RuralFactor(int c) => UrbanFactor(c) * (0.9 + (0.2 * Uniform(IncomeKey, 2, c)));

    private static double UrbanIncomeTrend(int c, int y) => 62500 * Math.Pow(1.052, y - BaseYear) * UrbanFactor(c);

    private static double RuralIncomeTrend(int c, int y) => 32500 * Math.Pow(1.066, y - BaseYear) * RuralFactor(c);

    private static double Income(double annual, int c, int y, int q, int salt) =>
        annual * IncomeToDate[q - 1] * (1 + (0.005 * Sym(IncomeKey, salt, c, (y * 16) + q)));

    private static double ReferenceIncome(bool urban, int r, int y, int q)
    {
        double annual = urban
            ? new[] { 43800.0, 53100, 76400 }[r] * Math.Pow(1.05, y - BaseYear)
            : new[] { 17100.0, 24200, 34900 }[r] * Math.Pow(1.067, y - BaseYear);
        return annual * IncomeToDate[q - 1] * (1 + (0.004 * Sym(IncomeKey, urban ? 5 : 6, r, (y * 16) + q)));
    }

    // R&D intensity.
    private static readonly ulong RdKey = Hash("RD_INTENSITY");

    private static double RdTrend(int c, int y)
    {
        double start = c switch { 0 => 3.5, 1 => 2.9, _ => 1.7 + (1.6 * Uniform(RdKey, 1, c)) };
        return start + ((0.06 + (0.04 * Uniform(RdKey, 2, c))) * (y - BaseYear));
    }

    private static double Rd(int c, int y) => RdTrend(c, y) + (0.03 * Sym(RdKey, 3, c, y));

    private static double ReferenceRd(int r, int y) =>
        new[] { 2.40, 2.93, 4.17 }[r] + (new[] { 0.06, 0.07, 0.05 }[r] * (y - BaseYear)) + (0.02 * Sym(RdKey, 4, r, y));

    // Energy intensity falls about 3.4% a year; 衢江市's heavy industry holds it back from LagFromYear.
    private static readonly ulong EnergyKey = Hash("ENERGY_INTENSITY");
    private const double EnergyTrendDecline = 3.4;

    private static double EnergyStart(int c) => 0.40 * (c == Qujiang ? 1.8 : 0.7 + (0.8 * Uniform(EnergyKey, 1, c)));

    private static double EnergyDecline(int c, int y) =>
        (c == Qujiang && y >= LagFromYear ? 1.6 : EnergyTrendDecline) + (0.8 * Sym(EnergyKey, 2, c, y));

    private static double EnergyIntensity(int c, int y)
    {
        double v = EnergyStart(c);
        for (int year = BaseYear + 1; year <= y; year++)
        {
            v *= 1 - (EnergyDecline(c, year) / 100);
        }

        return v;
    }

    private static double EnergyIntensityTrend(int c, int y) => EnergyStart(c) * Math.Pow(1 - (EnergyTrendDecline / 100), y - BaseYear);

    private static double ProvinceEnergyIntensity(int y) => Mean(c => EnergyIntensity(c, y), weighted: true);

    // PM2.5 and good-air days: year-to-date averages of a winter-heavy monthly pattern.
    private static readonly ulong AirKey = Hash("AIR");

    private static double Winter(int m) => Math.Cos(2 * Math.PI * (m - 1) / 12);

    private static double Pm25Trend(int c, int y) => (30 - (1.1 * (y - BaseYear))) * (c == Zhoudao ? 0.72 : 0.85 + (0.3 * Uniform(AirKey, 1, c)));

    private static double Pm25(int c, int y, int m) =>
        Enumerable.Range(1, m).Average(i => Pm25Trend(c, y) * (1 + (0.22 * Winter(i))) * (1 + (0.08 * Sym(AirKey, 2, c, (y * 16) + i))));

    private static double GoodAirTrend(int c, int y) =>
        Math.Min(96, 86 + (8 * (Uniform(AirKey, 3, c) - 0.4)) + (c == Zhoudao ? 5 : 0) + (1.3 * (y - BaseYear)));

    private static double GoodAir(int c, int y, int m) =>
        Enumerable.Range(1, m).Average(i => Math.Min(100, GoodAirTrend(c, y) - (5 * Winter(i)) + (2.5 * Sym(AirKey, 4, c, (y * 16) + i))));

    // Water quality and forest cover, reported once a year.
    private static readonly ulong GreenKey = Hash("GREEN");

    private static double WaterTrend(int c, int y) => Math.Min(99.5, 92 + (6 * (Uniform(GreenKey, 1, c) - 0.5)) + (0.8 * (y - BaseYear)));

    private static double Water(int c, int y) => Math.Min(100, WaterTrend(c, y) + (0.6 * Sym(GreenKey, 2, c, y)));

    private static double ForestTrend(int c, int y) => 42 + (38 * Uniform(GreenKey, 3, c)) + (0.06 * (y - BaseYear));

    private static double Forest(int c, int y) => ForestTrend(c, y) + (0.02 * Sym(GreenKey, 4, c, y));

    // Reported by departments.
    private static readonly ulong DepartmentKey = Hash("DEPARTMENT");

    private static double OnlineServiceTrend(int y, int m) => 98.5 - (13.5 * Math.Exp(-0.55 * (y - FirstYear + ((m - 1) / 12.0))));

    private static double PatentsTrend(int y, int q) => 12.5 + (2.2 * (y - BaseYear + ((q - 1) / 4.0)));

    private static readonly ulong NationalExportsKey = Hash("NATIONAL_EXPORTS");

    private static double NationalExportsTrend(int y) => 179000 * Math.Pow(1.04, y - BaseYear);
}
