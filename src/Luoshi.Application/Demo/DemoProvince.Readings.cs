using Luoshi.Application.Readings;
using Luoshi.Application.Spreadsheets;

namespace Luoshi.Application.Demo;

public static partial class DemoProvince
{
    /// <summary>
    /// Readings from 2021 through the last period of each frequency whose data was due (20 days after the
    /// period ended) by <paramref name="today"/>. Additive indicators are reported by counties, with city and
    /// province values equal to the sums of what their children reported; rates by cities and the province;
    /// a few by reference units or departments. Derived (formula) indicators get no readings. Generated lazily.
    /// </summary>
    public static IEnumerable<ReadingRow> Readings(DateOnly today)
    {
        var month = LastDue(today, 12);
        var quarter = LastDue(today, 4);
        var year = LastDue(today, 1);

        foreach (var s in Additives)
        {
            foreach (var row in AdditiveReadings(s, s.PerYear == 12 ? month : quarter))
            {
                yield return row;
            }
        }

        var rows = Enumerable.Empty<ReadingRow>()
            .Concat(GrowthReadings("GDP_GROWTH", "GDP", GdpDeflator, quarter, ReferenceRate("GDP_GROWTH", NationalGdpGrowth, [0, 0.4, -0.3], 0.2)))
            .Concat(GrowthReadings("FAI_GROWTH", "FAI", 0, month, ReferenceRate("FAI_GROWTH", NationalFaiGrowth, [0, 0.8, 3.0], 1.2)))
            .Concat(GrowthReadings("INDUSTRIAL_VALUE_ADDED_GROWTH", "INDUSTRIAL_VALUE_ADDED", 0, month, ReferenceRate("IVA_GROWTH", NationalIndustryGrowth, [0, 1.2, -0.5], 0.8)))
            .Concat(CityRates("UNEMPLOYMENT", 12, month, 1, Unemployment, weighted: true, ReferenceUnemployment))
            .Concat(CityRates("URBAN_INCOME", 4, quarter, 0, (c, y, q) => Income(UrbanIncomeTrend(c, y), c, y, q, 3), weighted: true, (r, y, q) => ReferenceIncome(true, r, y, q)))
            .Concat(CityRates("RURAL_INCOME", 4, quarter, 0, (c, y, q) => Income(RuralIncomeTrend(c, y), c, y, q, 4), weighted: true, (r, y, q) => ReferenceIncome(false, r, y, q)))
            .Concat(CityRates("RD_INTENSITY", 1, year, 2, (c, y, _) => Rd(c, y), weighted: true, (r, y, _) => ReferenceRd(r, y)))
            .Concat(CityRates("ENERGY_INTENSITY", 1, year, 3, (c, y, _) => EnergyIntensity(c, y), weighted: true))
            .Concat(CityRates(
                "ENERGY_INTENSITY_DECLINE",
                1,
                year,
                1,
                (c, y, _) => (1 - (EnergyIntensity(c, y) / EnergyIntensity(c, y - 1))) * 100,
                weighted: true,
                province: (y, _) => (1 - (ProvinceEnergyIntensity(y) / ProvinceEnergyIntensity(y - 1))) * 100))
            .Concat(CityRates("PM25", 12, month, 1, Pm25, weighted: false))
            .Concat(CityRates("GOOD_AIR_DAYS_RATIO", 12, month, 1, GoodAir, weighted: false))
            .Concat(CityRates("WATER_QUALITY_RATIO", 1, year, 1, (c, y, _) => Water(c, y), weighted: false))
            .Concat(CityRates("FOREST_COVERAGE", 1, year, 2, (c, y, _) => Forest(c, y), weighted: false))
            .Concat(NationalExports(month))
            .Concat(DepartmentReadings(month, quarter));
        foreach (var row in rows)
        {
            yield return row;
        }
    }

    private static IEnumerable<ReadingRow> NationalExports(Last last)
    {
        if (last.None)
        {
            yield break;
        }

        for (int y = FirstYear; y <= last.Year; y++)
        {
            double running = 0;
            for (int m = 1; m <= (y == last.Year ? last.Index : 12); m++)
            {
                double macro = y switch { 2022 => 0.985, 2023 => 0.99, _ => 1 };
                running += NationalExportsTrend(y) * macro * TradeShares[m - 1] * (1 + (0.01 * Sym(NationalExportsKey, 1, y, m)));
                yield return new ReadingRow("NATIONAL_EXPORTS", References[0].Code, PeriodCode(12, y, m), Fmt(running, 2));
            }
        }
    }

    private static IEnumerable<ReadingRow> DepartmentReadings(Last month, Last quarter)
    {
        if (!month.None)
        {
            foreach (var (y, m) in Periods(12, month))
            {
                double v = Math.Min(99.9, OnlineServiceTrend(y, m) + (0.3 * Sym(DepartmentKey, 1, y, m)));
                yield return new ReadingRow("GOV_SERVICE_ONLINE_RATE", "SJJ", PeriodCode(12, y, m), Fmt(v, 1));
            }
        }

        if (!quarter.None)
        {
            foreach (var (y, q) in Periods(4, quarter))
            {
                double v = PatentsTrend(y, q) + (0.1 * Sym(DepartmentKey, 2, y, q));
                yield return new ReadingRow("HIGH_VALUE_PATENTS", "SCJGJ", PeriodCode(4, y, q), Fmt(v, 1));
            }
        }
    }
}
