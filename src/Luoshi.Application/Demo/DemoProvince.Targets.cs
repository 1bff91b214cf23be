using System.Globalization;
using Luoshi.Application.Indicators;
using Luoshi.Application.Spreadsheets;

namespace Luoshi.Application.Demo;

public static partial class DemoProvince
{
    /// <summary>
    /// Annual targets for every year from <paramref name="firstYear"/> to <paramref name="lastYear"/>: additive
    /// amounts 以上 (accidents 以内) down to counties or cities, the province's equal to the sum of its cities';
    /// growth rates 左右; unemployment 以内 5.5; shares, incomes and environment indicators per city and province.
    /// </summary>
    public static IReadOnlyList<TargetRow> Targets(int firstYear, int lastYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(firstYear, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lastYear, 2100);
        var rows = new List<TargetRow>();
        for (int y = firstYear; y <= lastYear; y++)
        {
            AddTargets(rows, y);
        }

        return rows;
    }

    private static void AddTargets(List<TargetRow> rows, int y)
    {
        var year = y.ToString("D4", Inv);
        void Add(string indicator, string org, string value, string qualifier) => rows.Add(new TargetRow(indicator, org, year, value, qualifier));

        foreach (var s in Additives.Where(a => a.Targets != Scope.None))
        {
            var qualifier = s.Lower ? "atMost" : "atLeast";
            var city = new decimal[Cities.Length];
            if (s.Targets == Scope.Counties)
            {
                for (int k = 0; k < Counties.Length; k++)
                {
                    var v = Round(Trend(s, k, y) * s.TargetFactor, s.Decimals);
                    city[Counties[k].City] += v;
                    Add(s.Code, Counties[k].Code, Fmt(v, s.Decimals), qualifier);
                }
            }
            else
            {
                for (int c = 0; c < Cities.Length; c++)
                {
                    city[c] = Round(CityTrend(s, c, y) * s.TargetFactor, s.Decimals);
                }
            }

            for (int c = 0; c < Cities.Length; c++)
            {
                Add(s.Code, Cities[c].Code, Fmt(city[c], s.Decimals), qualifier);
            }

            Add(s.Code, ProvinceCode, Fmt(city.Sum(), s.Decimals), qualifier);
        }

        foreach (var (code, source, deflator) in new[] { ("GDP_GROWTH", "GDP", GdpDeflator), ("FAI_GROWTH", "FAI", 0.0), ("INDUSTRIAL_VALUE_ADDED_GROWTH", "INDUSTRIAL_VALUE_ADDED", 0.0) })
        {
            var s = AdditiveByCode[source];
            for (int c = 0; c < Cities.Length; c++)
            {
                Add(code, Cities[c].Code, Fmt(Half(((CityTrend(s, c, y) / CityTrend(s, c, y - 1)) - 1) * 100 - deflator), 1), "around");
            }

            Add(code, ProvinceCode, Fmt(Half(((ProvinceTrend(s, y) / ProvinceTrend(s, y - 1)) - 1) * 100 - deflator), 1), "around");
        }

        foreach (var (code, numerator, denominator, margin, cities) in new[]
                 {
                     ("PRIVATE_INV_SHARE", "PRIVATE_INV", "FAI", 0.8, true),
                     ("HIGH_TECH_MANUFACTURING_SHARE", "HIGH_TECH_MANUFACTURING_VALUE", "INDUSTRIAL_VALUE_ADDED", 0.3, true),
                     ("DIGITAL_ECONOMY_SHARE", "DIGITAL_ECONOMY_CORE_VALUE", "GDP", 0.5, false),
                 })
        {
            var (n, d) = (AdditiveByCode[numerator], AdditiveByCode[denominator]);
            if (cities)
            {
                for (int c = 0; c < Cities.Length; c++)
                {
                    Add(code, Cities[c].Code, Fmt((CityTrend(n, c, y) / CityTrend(d, c, y) * 100) - margin, 1), "atLeast");
                }
            }

            Add(code, ProvinceCode, Fmt((ProvinceTrend(n, y) / ProvinceTrend(d, y) * 100) - margin, 1), "atLeast");
        }

        Add("EXPORT_SHARE", ProvinceCode, Fmt((ProvinceTrend(AdditiveByCode["EXPORTS"], y) / NationalExportsTrend(y) * 100) - 0.3, 1), "atLeast");

        for (int c = 0; c < Cities.Length; c++)
        {
            var org = Cities[c].Code;
            Add("UNEMPLOYMENT", org, "5.5", "atMost");
            Add("URBAN_INCOME", org, Fmt(Tens(UrbanIncomeTrend(c, y) * 0.995), 0), "atLeast");
            Add("RURAL_INCOME", org, Fmt(Tens(RuralIncomeTrend(c, y) * 0.995), 0), "atLeast");
            Add("INCOME_RATIO", org, Fmt((UrbanIncomeTrend(c, y) / RuralIncomeTrend(c, y)) + 0.02, 2), "atMost");
            Add("RD_INTENSITY", org, Fmt(RdTrend(c, y) - 0.02, 2), "atLeast");
            Add("ENERGY_INTENSITY", org, Fmt(EnergyIntensityTrend(c, y) * 1.01, 3), "atMost");
            Add("ENERGY_INTENSITY_DECLINE", org, "3.0", "atLeast");
            Add("PM25", org, Fmt(Pm25Trend(c, y) * 1.03, 1), "atMost");
            Add("GOOD_AIR_DAYS_RATIO", org, Fmt(GoodAirTrend(c, y) - 1, 1), "atLeast");
        }

        double urban = Mean(c => UrbanIncomeTrend(c, y), weighted: true);
        double rural = Mean(c => RuralIncomeTrend(c, y), weighted: true);
        Add("UNEMPLOYMENT", ProvinceCode, "5.5", "atMost");
        Add("URBAN_INCOME", ProvinceCode, Fmt(Tens(urban * 0.995), 0), "atLeast");
        Add("RURAL_INCOME", ProvinceCode, Fmt(Tens(rural * 0.995), 0), "atLeast");
        Add("INCOME_RATIO", ProvinceCode, Fmt((urban / rural) + 0.02, 2), "atMost");
        Add("RD_INTENSITY", ProvinceCode, Fmt(Mean(c => RdTrend(c, y), weighted: true) - 0.02, 2), "atLeast");
        Add("ENERGY_INTENSITY", ProvinceCode, Fmt(Mean(c => EnergyIntensityTrend(c, y), weighted: true) * 1.01, 3), "atMost");
        Add("ENERGY_INTENSITY_DECLINE", ProvinceCode, "3.0", "atLeast");
        Add("PM25", ProvinceCode, Fmt(Mean(c => Pm25Trend(c, y), weighted: false) * 1.03, 1), "atMost");
        Add("GOOD_AIR_DAYS_RATIO", ProvinceCode, Fmt(Mean(c => GoodAirTrend(c, y), weighted: false) - 1, 1), "atLeast");
        Add("WATER_QUALITY_RATIO", ProvinceCode, Fmt(Mean(c => WaterTrend(c, y), weighted: false) - 0.5, 1), "atLeast");
        Add("FOREST_COVERAGE", ProvinceCode, Fmt(Mean(c => ForestTrend(c, y), weighted: false) - 0.05, 2), "atLeast");
        // 政策直达快享: every region pays 90% of what it approved and takes no more than ten working days on average.
        foreach (var org in Counties.Select(c => c.Code).Concat(Cities.Select(c => c.Code)).Append(ProvinceCode))
        {
            Add("POLICY_PAYOUT_RATE", org, "90", "atLeast");
            Add("POLICY_DAYS_TO_PAY", org, "10", "atMost");
        }

        Add("GOV_SERVICE_ONLINE_RATE", "SJJ", Fmt(Math.Min(99, OnlineServiceTrend(y, 1) - 0.3), 1), "atLeast");
        Add("HIGH_VALUE_PATENTS", "SCJGJ", Fmt(PatentsTrend(y, 1) - 0.2, 1), "atLeast");
    }

    private static double CityTrend(Additive s, int c, int y)
    {
        double sum = 0;
        for (int k = 0; k < Counties.Length; k++)
        {
            if (Counties[k].City == c)
            {
                sum += Trend(s, k, y);
            }
        }

        return sum;
    }

    private static double ProvinceTrend(Additive s, int y) => Enumerable.Range(0, Counties.Length).Sum(k => Trend(s, k, y));

    private static double Half(double v) => Math.Round(v * 2, MidpointRounding.AwayFromZero) / 2;

    private static double Tens(double v) => Math.Round(v / 10, MidpointRounding.AwayFromZero) * 10;
}
