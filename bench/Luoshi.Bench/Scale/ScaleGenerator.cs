using System.Globalization;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;

namespace Luoshi.Bench.Scale;

/// <summary>
/// Generates a province- or nation-sized workload, deterministically. What it models:
/// <list type="bullet">
/// <item>Summed indicators are reported by the leaves (counties and departments); cities and roots roll
/// them up. One in ten also has each root's own official total, which wins over the roll-up. Own readings
/// of summed indicators therefore sit only at leaves and roots — the shape the SQL peers' closure-table
/// roll-up relies on.</item>
/// <item>Indicators with aggregation none are reported by every unit for itself.</item>
/// <item>Derived indicators are <c>A / B * k</c> over two summed indicators of the same value kind.</item>
/// <item>Cumulative indicators are year-to-date with a seasonal pattern (slow first quarter, strong
/// December) judged against a linear profile, so early months run behind; level indicators drift
/// towards their year-end target. Units run ahead of or behind their year, so every status occurs.</item>
/// <item>About 0.3% of readings are missing (grey rows, partial roll-ups) and about 0.05% of leaf readings
/// are zero (a derived ratio with a zero denominator has no value).</item>
/// <item>Every unit has a target for every indicator and year, except that ten indicators start in 2022
/// (their 2021 rows have a value but no target).</item>
/// </list>
/// Values are whole cents and targets have four significant digits, so the exported text, the database's
/// decimals and the engine's doubles all denote the same numbers.
/// </summary>
public static class ScaleGenerator
{
    private const int Years = WorkloadShape.LastYear - WorkloadShape.FirstYear + 1;

    // Share of a year's flow that falls in each month: slow around the Spring Festival, strong in December.
    private static readonly double[] MonthWeights = [0.07, 0.065, 0.08, 0.08, 0.085, 0.09, 0.085, 0.085, 0.09, 0.085, 0.085, 0.1];
    private static readonly double[] CumulativeShare = Accumulate(MonthWeights);

    public static Workload Generate(WorkloadShape shape)
    {
        var units = BuildUnits(shape);
        var indicators = BuildIndicators();
        var weights = UnitWeights(units);
        var rootOf = RootOf(units);
        var readings = GenerateReadings(shape, units, indicators, weights, rootOf);
        var targets = GenerateTargets(units, indicators, weights);
        return new Workload
        {
            Shape = shape,
            Units = units,
            Indicators = indicators,
            TargetIndicator = targets.Indicator,
            TargetUnit = targets.Unit,
            TargetYear = targets.Year,
            TargetValue = targets.Value,
            ReadingIndicator = readings.Indicator,
            ReadingUnit = readings.Unit,
            ReadingMonth = readings.Month,
            ReadingValue = readings.Value,
            Fingerprint = Fingerprint(shape, readings, targets),
        };
    }

    private static UnitSpec[] BuildUnits(WorkloadShape shape)
    {
        var units = new List<UnitSpec>(shape.Units);
        int perCity = shape.Counties / shape.Cities;
        int extra = shape.Counties % shape.Cities;
        int city = 0;
        for (int r = 0; r < shape.Roots; r++)
        {
            int rr = shape.Roots == 1 ? 33 : 11 + r;
            int root = units.Count;
            units.Add(Unit(units, I($"{rr}0000"), I($"省{rr}"), OrgUnitKind.Province, -1, false));
            for (int d = 1; d <= shape.DepartmentsPerRoot; d++)
            {
                units.Add(Unit(units, I($"D{rr}{d:D2}"), I($"省直部门{rr}{d:D2}"), OrgUnitKind.Department, root, true));
            }

            for (int c = 1; c <= shape.CitiesPerRoot; c++, city++)
            {
                int cityIndex = units.Count;
                units.Add(Unit(units, I($"{rr}{c:D2}00"), I($"市{rr}{c:D2}"), OrgUnitKind.City, root, false));
                int counties = perCity + (city < extra ? 1 : 0);
                for (int k = 1; k <= counties; k++)
                {
                    units.Add(Unit(units, I($"{rr}{c:D2}{k:D2}"), I($"县{rr}{c:D2}{k:D2}"), OrgUnitKind.County, cityIndex, true));
                }
            }
        }

        return [.. units];

        static UnitSpec Unit(List<UnitSpec> units, string code, string name, OrgUnitKind kind, int parent, bool leaf) =>
            new(units.Count + 1, code, name, kind, parent, leaf);
    }

    private static IndicatorSpec[] BuildIndicators()
    {
        var list = new List<IndicatorSpec>(WorkloadShape.Indicators);
        decimal[] sumTolerances = [3, 5, 8, 10];
        decimal[] ownTolerances = [2, 4, 5, 6];
        for (int s = 0; s < WorkloadShape.SumIndicators; s++)
        {
            bool cumulative = s % 5 < 3;
            var direction = s % 7 == 3 ? Direction.Lower : Direction.Higher;
            var qualifier = !cumulative && s % 3 == 0 ? TargetQualifier.Around : ByDirection(direction);
            list.Add(new IndicatorSpec(
                list.Count + 1, I($"S{s + 1:D3}"), I($"汇总指标{s + 1:D3}"), cumulative ? "亿元" : "个",
                direction, cumulative ? ValueKind.Cumulative : ValueKind.Level, Aggregation.Sum, -1, -1, 0,
                sumTolerances[s % 4], qualifier, s % 16 == 5 ? WorkloadShape.FirstYear + 1 : WorkloadShape.FirstYear, HasRootTotals: s % 10 == 0));
        }

        for (int n = 0; n < WorkloadShape.OwnIndicators; n++)
        {
            bool cumulative = n % 8 == 0;
            var direction = n % 4 == 1 ? Direction.Lower : Direction.Higher;
            var qualifier = !cumulative && n % 3 == 0 ? TargetQualifier.Around : ByDirection(direction);
            list.Add(new IndicatorSpec(
                list.Count + 1, I($"N{n + 1:D3}"), I($"本级指标{n + 1:D3}"), cumulative ? "万元" : "%",
                direction, cumulative ? ValueKind.Cumulative : ValueKind.Level, Aggregation.None, -1, -1, 0,
                ownTolerances[n % 4], qualifier, WorkloadShape.FirstYear, HasRootTotals: false));
        }

        var cumulativeSums = list.Where(i => i.Aggregation == Aggregation.Sum && i.ValueKind == ValueKind.Cumulative).Select(i => i.Id - 1).ToArray();
        var levelSums = list.Where(i => i.Aggregation == Aggregation.Sum && i.ValueKind == ValueKind.Level).Select(i => i.Id - 1).ToArray();
        int[] scales = [100, 10_000, 1];
        for (int d = 0; d < WorkloadShape.DerivedIndicators; d++)
        {
            // Ratios of flows to flows and stocks to stocks: a share of investment, output per enterprise.
            var pool = d % 2 == 0 ? cumulativeSums : levelSums;
            int a = (7 * d) % pool.Length;
            int b = (a + 1 + (d % 11)) % pool.Length;
            var direction = d % 5 == 2 ? Direction.Lower : Direction.Higher;
            int scale = scales[d % 3];
            list.Add(new IndicatorSpec(
                list.Count + 1, I($"R{d + 1:D3}"), I($"比率指标{d + 1:D3}"), scale switch { 100 => "%", 10_000 => "‱", _ => "倍" },
                direction, ValueKind.Level, Aggregation.Formula, pool[a], pool[b], scale,
                5, d % 3 == 0 ? TargetQualifier.Around : ByDirection(direction), WorkloadShape.FirstYear, HasRootTotals: false));
        }

        return [.. list];

        static TargetQualifier ByDirection(Direction d) => d == Direction.Lower ? TargetQualifier.AtMost : TargetQualifier.AtLeast;
    }

    /// <summary>Relative size of each unit's figures: leaves vary tenfold, departments are small, parents are the size of what they report for themselves.</summary>
    private static double[] UnitWeights(UnitSpec[] units)
    {
        var w = new double[units.Length];
        for (int u = 0; u < units.Length; u++)
        {
            double x = Noise.Uniform(u, 0, 0, 1);
            w[u] = (0.3 + (2.7 * x * x)) * units[u].Kind switch
            {
                OrgUnitKind.Department => 0.25,
                OrgUnitKind.City => 6,
                OrgUnitKind.Province => 40,
                _ => 1,
            };
        }

        return w;
    }

    private static int[] RootOf(UnitSpec[] units)
    {
        var root = new int[units.Length];
        for (int u = 0; u < units.Length; u++)
        {
            root[u] = units[u].Parent < 0 ? u : root[units[u].Parent];
        }

        return root;
    }

    private static bool Reports(IndicatorSpec indicator, UnitSpec unit) =>
        indicator.Aggregation == Aggregation.None || (indicator.Aggregation == Aggregation.Sum && unit.IsLeaf);

    private static bool Missing(int indicator, int unit, int month) => Noise.Hash(indicator, unit, month, 7) % 1000 < 3;

    private static Columns GenerateReadings(WorkloadShape shape, UnitSpec[] units, IndicatorSpec[] indicators, double[] weights, int[] rootOf)
    {
        // Count first so that every indicator fills its own slice of the arrays in parallel.
        int baseCount = WorkloadShape.SumIndicators + WorkloadShape.OwnIndicators;
        var counts = new long[baseCount];
        Parallel.For(0, baseCount, i =>
        {
            long n = indicators[i].HasRootTotals ? (long)shape.Roots * WorkloadShape.Months : 0;
            for (int u = 0; u < units.Length; u++)
            {
                if (!Reports(indicators[i], units[u]))
                {
                    continue;
                }

                for (int m = 0; m < WorkloadShape.Months; m++)
                {
                    n += Missing(i, u, m) ? 0 : 1;
                }
            }

            counts[i] = n;
        });

        var offsets = new long[baseCount + 1];
        for (int i = 0; i < baseCount; i++)
        {
            offsets[i + 1] = offsets[i] + counts[i];
        }

        var columns = new Columns(offsets[baseCount]);
        Parallel.For(0, baseCount, i => FillIndicator(i, indicators[i], units, weights, rootOf, shape.Roots, columns, offsets[i]));
        return columns;
    }

    private static void FillIndicator(int i, IndicatorSpec indicator, UnitSpec[] units, double[] weights, int[] rootOf, int roots, Columns columns, long at)
    {
        var rootTotals = indicator.HasRootTotals ? new double[units.Length * WorkloadShape.Months] : null;
        for (int u = 0; u < units.Length; u++)
        {
            if (!Reports(indicator, units[u]))
            {
                continue;
            }

            for (int m = 0; m < WorkloadShape.Months; m++)
            {
                if (Missing(i, u, m))
                {
                    continue;
                }

                double value = Cents(Value(i, indicator, u, weights[u], m));
                if (indicator.Aggregation == Aggregation.Sum && Noise.Hash(i, u, m, 11) % 2000 == 1)
                {
                    value = 0;
                }

                if (rootTotals is not null)
                {
                    rootTotals[(rootOf[u] * WorkloadShape.Months) + m] += value;
                }

                columns.Set(at++, i, u, m, value);
            }
        }

        if (rootTotals is null)
        {
            return;
        }

        // The statistics bureau's official total differs a little from the sum of what the units reported.
        for (int u = 0, seen = 0; seen < roots; u++)
        {
            if (units[u].Parent >= 0)
            {
                continue;
            }

            seen++;
            for (int m = 0; m < WorkloadShape.Months; m++)
            {
                double sum = rootTotals[(u * WorkloadShape.Months) + m];
                columns.Set(at++, i, u, m, Cents(sum * (1 + (0.01 * Noise.Centered(i, u, m, 6)))));
            }
        }
    }

    /// <summary>The reading of a base indicator at a unit and month, before rounding.</summary>
    private static double Value(int i, IndicatorSpec indicator, int u, double weight, int m)
    {
        int year = m / 12;
        int month = (m % 12) + 1;
        double pace = 1 + (0.08 * Noise.Centered(i, u, year, 4));
        double jitter = Noise.Centered(i, u, m, 3);
        if (indicator.Aggregation == Aggregation.None && indicator.ValueKind == ValueKind.Level)
        {
            double rate = RateOf(i, u);
            return rate * (1 + (Drift(i, u, indicator.Direction) * (year + (month / 12.0)))) * (1 + (0.04 * jitter));
        }

        double scale = BaseOf(i) * weight;
        double growth = 1.02 + (0.08 * Noise.Uniform(i, u, 0, 2));
        if (indicator.ValueKind == ValueKind.Cumulative)
        {
            return scale * Math.Pow(growth, year) * CumulativeShare[month - 1] * pace * (1 + (0.03 * jitter));
        }

        return scale * Math.Pow(growth, year + (month / 12.0)) * pace * (1 + (0.02 * jitter));
    }

    private static double BaseOf(int i) => 10 * (1 + (99 * Noise.Uniform(i, 0, 0, 12)));

    private static double RateOf(int i, int u) => (2 + (58 * Noise.Uniform(i, 0, 0, 13))) * (0.7 + (0.6 * Noise.Uniform(i, u, 0, 5)));

    private static double Drift(int i, int u, Direction direction) =>
        (direction == Direction.Lower ? -0.01 : 0.01) * (0.5 + Noise.Uniform(i, u, 0, 14));

    private static TargetColumns GenerateTargets(UnitSpec[] units, IndicatorSpec[] indicators, double[] weights)
    {
        // Planned values (unrounded) of every indicator × unit × year; derived targets are ratios of their inputs' plans.
        var plan = new double[indicators.Length][];
        int baseCount = WorkloadShape.SumIndicators + WorkloadShape.OwnIndicators;
        Parallel.For(0, baseCount, i => plan[i] = PlanBase(i, indicators[i], units, weights));
        for (int i = baseCount; i < indicators.Length; i++)
        {
            var d = indicators[i];
            var p = plan[i] = new double[units.Length * Years];
            for (int cell = 0; cell < p.Length; cell++)
            {
                int u = cell / Years;
                int y = cell % Years;
                p[cell] = plan[d.Numerator][cell] / plan[d.Denominator][cell] * d.Scale * (1 + (0.06 * Noise.Centered(i, u, y, 10)));
            }
        }

        int count = indicators.Sum(d => units.Length * (WorkloadShape.LastYear - d.FirstTargetYear + 1));
        var t = new TargetColumns(count);
        int k = 0;
        for (int i = 0; i < indicators.Length; i++)
        {
            for (int u = 0; u < units.Length; u++)
            {
                for (int year = indicators[i].FirstTargetYear; year <= WorkloadShape.LastYear; year++)
                {
                    t.Indicator[k] = (ushort)i;
                    t.Unit[k] = (ushort)u;
                    t.Year[k] = (short)year;
                    t.Value[k] = FourDigits(plan[i][(u * Years) + year - WorkloadShape.FirstYear]);
                    k++;
                }
            }
        }

        return t;
    }

    private static double[] PlanBase(int i, IndicatorSpec indicator, UnitSpec[] units, double[] weights)
    {
        var p = new double[units.Length * Years];
        bool higher = indicator.Direction == Direction.Higher;
        for (int u = units.Length - 1; u >= 0; u--)
        {
            for (int y = 0; y < Years; y++)
            {
                int cell = (u * Years) + y;

                // Targets a little above the trend for higher-is-better, caps a little above it for lower-is-better.
                double stretch = 1 + ((higher ? 0.01 : 0.03) + (0.08 * Noise.Centered(i, u, y, 8)));
                if (indicator.Aggregation == Aggregation.Sum && !units[u].IsLeaf)
                {
                    // Children come after their parent, so walking backwards has summed them already.
                    p[cell] *= 1 + (0.02 * Noise.Centered(i, u, y, 9));
                }
                else if (indicator.Aggregation == Aggregation.None && indicator.ValueKind == ValueKind.Level)
                {
                    p[cell] = RateOf(i, u) * (1 + (Drift(i, u, indicator.Direction) * (y + 1))) * (1 + (0.04 * Noise.Centered(i, u, y, 8)));
                }
                else
                {
                    double growth = 1.02 + (0.08 * Noise.Uniform(i, u, 0, 2));
                    double yearEnd = BaseOf(i) * weights[u] * Math.Pow(growth, indicator.ValueKind == ValueKind.Cumulative ? y : y + 1);
                    p[cell] = yearEnd * stretch;
                }

                if (indicator.Aggregation == Aggregation.Sum && units[u].Parent >= 0)
                {
                    p[(units[u].Parent * Years) + y] += p[cell];
                }
            }
        }

        return p;
    }

    private static double Cents(double x) => Math.Round(x * 100) / 100;

    /// <summary>Four significant digits (at most six decimals, the database's scale), as an exact decimal.</summary>
    private static decimal FourDigits(double x)
    {
        int scale = x == 0 ? 0 : Math.Clamp(3 - (int)Math.Floor(Math.Log10(Math.Abs(x))), 0, 6);
        long mantissa = (long)Math.Round(x * Math.Pow(10, scale));
        return new decimal((int)(mantissa & 0xFFFFFFFF), (int)(mantissa >> 32), 0, mantissa < 0, (byte)scale);
    }

    private static double[] Accumulate(double[] weights)
    {
        var shares = new double[weights.Length];
        double sum = 0;
        for (int k = 0; k < weights.Length; k++)
        {
            sum += weights[k];
            shares[k] = sum;
        }

        shares[^1] = 1;
        return shares;
    }

    private static string Fingerprint(WorkloadShape shape, Columns r, TargetColumns t)
    {
        ulong h = (ulong)shape.Units * 0x9E3779B97F4A7C15UL;
        for (long k = 0; k < r.Value.LongLength; k++)
        {
            h = Step(h, ((ulong)r.Indicator[k] << 40) | ((ulong)r.Unit[k] << 8) | r.Month[k]);
            h = Step(h, (ulong)BitConverter.DoubleToInt64Bits(r.Value[k]));
        }

        Span<int> bits = stackalloc int[4];
        for (int k = 0; k < t.Value.Length; k++)
        {
            decimal.GetBits(t.Value[k], bits);
            h = Step(h, ((ulong)t.Indicator[k] << 40) | ((ulong)t.Unit[k] << 16) | (ushort)t.Year[k]);
            h = Step(h, (uint)bits[0] | ((ulong)(uint)bits[1] << 32));
            h = Step(h, (uint)bits[3]);
        }

        return shape.Name + "-" + h.ToString("x16", CultureInfo.InvariantCulture);

        static ulong Step(ulong h, ulong v) => (h ^ v) * 0x100000001B3UL + (h >> 29);
    }

    private static string I(FormattableString s) => FormattableString.Invariant(s);

    private sealed class Columns(long count)
    {
        public ushort[] Indicator { get; } = new ushort[count];
        public ushort[] Unit { get; } = new ushort[count];
        public byte[] Month { get; } = new byte[count];
        public double[] Value { get; } = new double[count];

        public void Set(long k, int indicator, int unit, int month, double value)
        {
            Indicator[k] = (ushort)indicator;
            Unit[k] = (ushort)unit;
            Month[k] = (byte)month;
            Value[k] = value;
        }
    }

    private sealed class TargetColumns(int count)
    {
        public ushort[] Indicator { get; } = new ushort[count];
        public ushort[] Unit { get; } = new ushort[count];
        public short[] Year { get; } = new short[count];
        public decimal[] Value { get; } = new decimal[count];
    }
}
