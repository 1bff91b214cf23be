using System.Globalization;
using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;

namespace Luoshi.Domain.Tests.Evaluation;

/// <summary>
/// A deterministic mid-size workload — 100 indicators (20 derived) × 150 units × 72 months — that checks
/// row counts only. It exercises the parallel paths; timing belongs to the benchmarks.
/// </summary>
public class ScaleSmokeTests
{
    private const int Cities = 10;
    private const int CountiesPerCity = 13;
    private const int Departments = 9;
    private const int BaseIndicators = 80;
    private const int DerivedIndicators = 20;

    [Fact]
    public void OnePeriodAndFullHistory_HaveARowPerIndicatorAndUnit()
    {
        var (snapshot, units) = Build();
        var asOf = new DateOnly(2027, 3, 1);

        snapshot.Units.Count.ShouldBe(units);
        snapshot.ReadingCount.ShouldBe((long)BaseIndicators * Cities * CountiesPerCity * 72);

        // Every county reports; cities and the province roll up; departments never report, so no rows there.
        int valued = 1 + Cities + (Cities * CountiesPerCity);
        var result = Evaluator.Evaluate(snapshot, Period.OfMonth(2026, 6), asOf);
        result.Rows.Count.ShouldBe((BaseIndicators + DerivedIndicators) * valued);
        // Targets are set for counties only: derived rows and the rolled-up rows above counties are not judged.
        result.Counts.None.ShouldBe((DerivedIndicators * valued) + (BaseIndicators * (1 + Cities)));
        result.Rows.Count(r => r.Status == EvaluationStatus.Grey).ShouldBe(0);

        var history = Evaluator.EvaluateRange(snapshot, Period.OfMonth(2021, 1), Period.OfMonth(2026, 12), asOf);
        history.Periods.Count.ShouldBe(72);
        history.Rows.ShouldBe(72 * (BaseIndicators + DerivedIndicators) * valued);
        history.Periods[65].Counts.ShouldBe(result.Counts);
    }

    private static (EvaluationSnapshot Snapshot, int Units) Build()
    {
        var builder = new EvaluationSnapshotBuilder();
        int id = 0;
        var counties = new List<int>();
        builder.AddUnit(++id, "330000", "省", OrgUnitKind.Province, null);
        for (int c = 1; c <= Cities; c++)
        {
            int city = ++id;
            builder.AddUnit(city, Code("33", c * 100), "市" + Code(string.Empty, c), OrgUnitKind.City, 1);
            for (int k = 1; k <= CountiesPerCity; k++)
            {
                counties.Add(++id);
                builder.AddUnit(id, Code("33", (c * 100) + k), "县" + Code(string.Empty, id), OrgUnitKind.County, city);
            }
        }

        for (int d = 1; d <= Departments; d++)
        {
            builder.AddUnit(++id, Code("D", d), "部门" + Code(string.Empty, d), OrgUnitKind.Department, 1);
        }

        for (int i = 1; i <= BaseIndicators; i++)
        {
            builder.AddIndicator(i, Code("B", i), "基础" + Code(string.Empty, i), "亿元", Direction.Higher, Frequency.Month, ValueKind.Cumulative, Aggregation.Sum, null, Tolerance.Default, (ProgressProfile)((i % 3) + 1), 1, 20);
        }

        for (int i = 1; i <= DerivedIndicators; i++)
        {
            string formula = $"{Code("B", i)} / {Code("B", i + DerivedIndicators)} * 100";
            builder.AddIndicator(BaseIndicators + i, Code("R", i), "比率" + Code(string.Empty, i), "%", Direction.Higher, Frequency.Month, ValueKind.Level, Aggregation.Formula, formula, Tolerance.Default, ProgressProfile.Linear, 1, 20);
        }

        for (int i = 1; i <= BaseIndicators; i++)
        {
            foreach (int county in counties)
            {
                builder.AddTarget(i, county, Period.OfYear(2026), 12 * (1 + (county % 7)), TargetQualifier.AtLeast, null, null);
                for (int year = 2021; year <= 2026; year++)
                {
                    for (int month = 1; month <= 12; month++)
                    {
                        builder.AddReading(i, county, Period.OfMonth(year, month), month * (1 + ((i + county + year) % 7)));
                    }
                }
            }
        }

        return (builder.Build(), id);
    }

    private static string Code(string prefix, int n) => prefix + n.ToString("D2", CultureInfo.InvariantCulture);
}
