using System.Globalization;
using Luoshi.Application.Readings;
using Luoshi.Application.Spreadsheets;

namespace Luoshi.Application.Demo;

public static partial class DemoProvince
{
    private enum Lag
    {
        None,
        Economy,
        Investment,
        Trade,
    }

    /// <summary>How far down the org tree an additive indicator gets targets.</summary>
    private enum Scope
    {
        None,
        Cities,
        Counties,
    }

    /// <param name="Base">The province's 2020 annual total.</param>
    /// <param name="Shares">Share of the year in each month (12) or quarter (4).</param>
    /// <param name="Parent">Spread over the units like this indicator (so shares such as private / total investment stay plausible).</param>
    /// <param name="Jitter">How much the spread over units departs from the parent's (or the economy's).</param>
    /// <param name="Noise">Relative noise of a single period's amount.</param>
    /// <param name="Counts">Whole events (accidents, projects): drawn as Poisson counts.</param>
    /// <param name="Cyclical">Follows the province's business cycle (the 2022 dip).</param>
    private sealed record Additive(
        string Code,
        double Base,
        double Growth,
        double[] Shares,
        Lag Lag,
        Scope Targets,
        string? Parent = null,
        double Jitter = 0.25,
        double Noise = 0.03,
        bool Counts = false,
        bool Cyclical = true,
        bool Lower = false)
    {
        public ulong Key { get; } = Hash(Code);

        public int PerYear => Shares.Length;

        public int Decimals => Counts ? 0 : 2;

        // Targets are set a little below the trend (above it for what should fall), so units on trend are green.
        public double TargetFactor => Lower ? 1.06 : 0.98;
    }

    private static readonly double[] InvestmentShares = Norm(4, 4.5, 8.5, 8, 8.5, 10.5, 7.5, 7.5, 9.5, 8, 9, 14.5);
    private static readonly double[] TradeShares = Norm(8.5, 5.5, 8, 8.3, 8.5, 8.6, 8.8, 8.7, 8.6, 8.2, 8.6, 9.7);
    private static readonly double[] RetailShares = Norm(9, 7.5, 8, 7.8, 8.3, 8.5, 8, 8, 8.3, 8.8, 9, 9.5);
    private static readonly double[] RevenueShares = Norm(13, 6, 8, 10, 9, 8, 9, 6, 7, 9, 7, 8);
    private static readonly double[] JobShares = Norm(7, 5.5, 9.5, 9, 8.5, 8.5, 9, 8.5, 8.5, 8, 8.5, 9.5);
    private static readonly double[] IndustryShares = Norm(8, 6, 8.5, 8.3, 8.5, 8.6, 8.3, 8.2, 8.6, 8.6, 8.9, 9.5);
    private static readonly double[] FlatShares = Norm(8, 7.5, 8.2, 8.3, 8.4, 8.6, 8.8, 8.8, 8.5, 8.3, 8.2, 8.4);
    private static readonly double[] CapitalShares = Norm(7, 6, 9, 8, 8, 10, 7, 8, 9, 8, 9, 11);
    private static readonly double[] HousingShares = Norm(5, 5, 10, 9, 9, 11, 8, 7, 9, 8, 8, 11);
    private static readonly double[] StartShares = Norm(3, 5, 15, 10, 8, 12, 7, 6, 10, 7, 7, 10);
    private static readonly double[] OutputQuarters = Norm(22.5, 24.5, 25, 28);
    private static readonly double[] DigitalQuarters = Norm(22, 24, 25, 29);

    // Major projects follow the smoothstep S-curve 3t² − 2t³ month by month.
    private static readonly double[] ProjectShares = [.. Enumerable.Range(1, 12).Select(m => SmoothStep(m / 12.0) - SmoothStep((m - 1) / 12.0))];

    private static readonly Additive[] Additives =
    [
        new("GDP", 64000, 0.065, OutputQuarters, Lag.Economy, Scope.Counties, Jitter: 0.1, Noise: 0.012),
        new("FAI", 36000, 0.06, InvestmentShares, Lag.Investment, Scope.Counties, Jitter: 0.15, Noise: 0.04),
        new("PRIVATE_INV", 19800, 0.065, InvestmentShares, Lag.Investment, Scope.Counties, "FAI", 0.15, 0.04),
        new("MANUFACTURING_INV", 7900, 0.08, InvestmentShares, Lag.Investment, Scope.Counties, "FAI", 0.2, 0.05),
        new("PROJECT_INV", 10500, 0.05, ProjectShares, Lag.Investment, Scope.Counties, "FAI", 0.2, 0.05),
        new("NEW_PROJECTS_STARTED", 600, 0.03, StartShares, Lag.Investment, Scope.None, "PROJECT_INV", 0.2, Counts: true),
        new("INDUSTRIAL_VALUE_ADDED", 19500, 0.07, IndustryShares, Lag.Economy, Scope.None, Noise: 0.02),
        new("HIGH_TECH_MANUFACTURING_VALUE", 3100, 0.1, IndustryShares, Lag.Economy, Scope.None, "INDUSTRIAL_VALUE_ADDED", 0.2),
        new("DIGITAL_ECONOMY_CORE_VALUE", 8000, 0.09, DigitalQuarters, Lag.Economy, Scope.Cities, "GDP", 0.3, 0.015),
        new("RETAIL_SALES", 27500, 0.055, RetailShares, Lag.Economy, Scope.Counties, Jitter: 0.12, Noise: 0.015),
        new("GENERAL_BUDGET_REVENUE", 7250, 0.05, RevenueShares, Lag.Economy, Scope.Counties, Jitter: 0.2),
        new("EXPORTS", 27000, 0.065, TradeShares, Lag.Trade, Scope.Counties, Jitter: 0.35),
        new("IMPORTS", 10500, 0.045, TradeShares, Lag.Trade, Scope.None, "EXPORTS", 0.25, 0.04),
        new("FOREIGN_INVESTMENT_ACTUAL", 158, 0.05, CapitalShares, Lag.Trade, Scope.Cities, Jitter: 0.4, Noise: 0.12),
        new("ROAD_FREIGHT", 195000, 0.03, FlatShares, Lag.None, Scope.None, Jitter: 0.2, Noise: 0.02),
        new("HOUSING_STARTED", 10500, -0.09, HousingShares, Lag.None, Scope.None, Noise: 0.08),
        new("NEW_URBAN_JOBS", 110, 0.01, JobShares, Lag.None, Scope.Counties, Jitter: 0.15, Cyclical: false),
        new("PRODUCTION_ACCIDENTS", 1100, -0.07, FlatShares, Lag.None, Scope.Cities, Jitter: 0.2, Counts: true, Cyclical: false, Lower: true),
        new("ACCIDENT_DEATHS", 850, -0.07, FlatShares, Lag.None, Scope.Cities, "PRODUCTION_ACCIDENTS", 0.2, Counts: true, Cyclical: false, Lower: true),
    ];

    private static readonly Dictionary<string, Additive> AdditiveByCode = Additives.ToDictionary(a => a.Code, StringComparer.Ordinal);
    // Built on first use, not as a field initialiser: it reads the organisation's fields, and the order in which the
    // initialisers of a partial class's files run is unspecified.
    private static Dictionary<string, double[]> CountyWeights => WeightTable.Value;

    private static readonly (int City, Lag Group, double Factor)[] Laggards =
    [
        (Ouchang, Lag.Economy, 0.95),
        (Ouchang, Lag.Investment, 0.96),
        (Qujiang, Lag.Investment, 0.91),
        (Taiyue, Lag.Trade, 0.93),
        (Taiyue, Lag.Investment, 0.97),
    ];

    private static Dictionary<string, double[]> BuildWeights()
    {
        var result = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var s in Additives)
        {
            double[] cityBase, shareBase;
            if (s.Parent is { } parent)
            {
                var pw = result[parent];
                cityBase = new double[Cities.Length];
                foreach (var (k, county) in Counties.Index())
                {
                    cityBase[county.City] += pw[k];
                }

                shareBase = [.. Counties.Select((county, k) => pw[k] / cityBase[county.City])];
            }
            else
            {
                cityBase = [.. Cities.Select(c => c.Weight)];
                shareBase = [.. Counties.Select(k => k.Share)];
            }

            var city = cityBase.Select((w, c) => w * (1 + (s.Jitter * Sym(s.Key, 1, c)))).ToArray();
            double cityTotal = city.Sum();
            var share = shareBase.Select((w, k) => w * (1 + (s.Jitter * Sym(s.Key, 2, k)))).ToArray();
            var shareTotal = new double[Cities.Length];
            foreach (var (k, county) in Counties.Index())
            {
                shareTotal[county.City] += share[k];
            }

            result[s.Code] = [.. Counties.Select((county, k) => city[county.City] / cityTotal * share[k] / shareTotal[county.City])];
        }

        return result;
    }

    private static class WeightTable
    {
        public static readonly Dictionary<string, double[]> Value = BuildWeights();
    }

    private static double CountyGrowth(Additive s, int k) => s.Growth + (CountySpread * Sym(s.Key, 3, k));

    private static double Trend(Additive s, int k, int year) =>
        s.Base * CountyWeights[s.Code][k] * Math.Pow(1 + CountyGrowth(s, k), year - BaseYear);

    private static double Macro(Additive s, int year) => !s.Cyclical ? 1 : year switch
    {
        2022 => 0.98,
        2023 => 0.995,
        _ => 1,
    };

    private static double LagFactor(Lag group, int city, int year)
    {
        if (group == Lag.None || year < LagFromYear)
        {
            return 1;
        }

        foreach (var (c, g, factor) in Laggards)
        {
            if (c == city && g == group)
            {
                return year == LagFromYear ? (1 + factor) / 2 : factor;
            }
        }

        return 1;
    }

    /// <summary>Year-to-date values per county and period, <c>[county][(year − BaseYear) × PerYear + index]</c>, from BaseYear through <paramref name="lastYear"/>.</summary>
    private static decimal[][] Cumulative(Additive s, int lastYear)
    {
        int n = s.PerYear;
        var result = new decimal[Counties.Length][];
        for (int k = 0; k < Counties.Length; k++)
        {
            var row = result[k] = new decimal[(lastYear - BaseYear + 1) * n];
            for (int y = BaseYear; y <= lastYear; y++)
            {
                double annual = Trend(s, k, y) * Macro(s, y) * LagFactor(s.Lag, Counties[k].City, y) * (1 + (0.006 * Sym(s.Key, 4, k, y)));
                double running = 0;
                for (int p = 0; p < n; p++)
                {
                    int salt = (y * 16) + p;
                    double expected = annual * s.Shares[p] * (1 + (s.Noise * Sym(s.Key, 5, k, salt)));
                    running += s.Counts ? Poisson(expected, Uniform(s.Key, 6, k, salt)) : expected;
                    row[((y - BaseYear) * n) + p] = Round(running, s.Decimals);
                }
            }
        }

        return result;
    }

    private static (decimal[][] City, decimal[] Province) Totals(decimal[][] counties)
    {
        int length = counties[0].Length;
        var city = Cities.Select(_ => new decimal[length]).ToArray();
        var province = new decimal[length];
        foreach (var (k, county) in Counties.Index())
        {
            for (int t = 0; t < length; t++)
            {
                city[county.City][t] += counties[k][t];
                province[t] += counties[k][t];
            }
        }

        return (city, province);
    }

    private static bool Missing(Additive s, int k) => Uniform(s.Key, 7, k) < MissingShare;

    private static IEnumerable<ReadingRow> AdditiveReadings(Additive s, Last last)
    {
        if (last.None)
        {
            yield break;
        }

        int n = s.PerYear;
        var cum = Cumulative(s, last.Year);
        var city = new decimal[Cities.Length];
        foreach (var (y, p) in Periods(n, last))
        {
            int t = ((y - BaseYear) * n) + p - 1;
            bool latest = y == last.Year && p == last.Index;
            var period = PeriodCode(n, y, p);
            Array.Clear(city);
            for (int k = 0; k < Counties.Length; k++)
            {
                // A few counties are late with the latest period; their cities' statistics bureaus still
                // publish full totals, as in practice, so only the county cells are missing.
                city[Counties[k].City] += cum[k][t];
                if (latest && Missing(s, k))
                {
                    continue;
                }

                yield return new ReadingRow(s.Code, Counties[k].Code, period, Fmt(cum[k][t], s.Decimals));
            }

            decimal province = 0;
            for (int c = 0; c < Cities.Length; c++)
            {
                province += city[c];
                yield return new ReadingRow(s.Code, Cities[c].Code, period, Fmt(city[c], s.Decimals));
            }

            yield return new ReadingRow(s.Code, ProvinceCode, period, Fmt(province, s.Decimals));
        }
    }
}
