using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Plans;
using Luoshi.Testing;

namespace Luoshi.Domain.Tests.Evaluation;

/// <summary>
/// A snapshot changed by deltas must judge everything exactly as a snapshot built afresh from the same data:
/// the same values to the last bit (roll-ups add in the same order), statuses, targets, coverage, ranks,
/// formulas over formulas, national figures and plan statuses.
/// </summary>
public class SnapshotDeltaTests
{
    private const int NationalId = 999;
    private static readonly DateOnly AsOf = new(2026, 7, 25);
    private static readonly Period[] Judged = [Period.OfMonth(2026, 6), Period.OfMonth(2026, 3), Period.Parse("2026Q2"), Period.OfMonth(2025, 12), Period.Parse("2026"), Period.OfMonth(2027, 2)];

    // Indicators of every kind the delta must handle: sums and non-sums, months and quarters, a formula over a formula
    // and over a coarser input, and a national figure read by a local formula.
    private static readonly (int Id, string Code, string Unit, Frequency Frequency, ValueKind Kind, Aggregation Aggregation, string? Formula)[] Indicators =
    [
        (1, "FAI", "亿元", Frequency.Month, ValueKind.Cumulative, Aggregation.Sum, null),
        (2, "DEN", "亿元", Frequency.Month, ValueKind.Cumulative, Aggregation.Sum, null),
        (3, "RATE", "%", Frequency.Month, ValueKind.Level, Aggregation.None, null),
        (4, "QTR", "亿元", Frequency.Quarter, ValueKind.Period, Aggregation.Sum, null),
        (5, "NATR", "%", Frequency.Month, ValueKind.Level, Aggregation.None, null),
        (6, "SHARE", "%", Frequency.Month, ValueKind.Level, Aggregation.Formula, "FAI / DEN * 100"),
        (7, "MIX", "亿元", Frequency.Month, ValueKind.Level, Aggregation.Formula, "SHARE + QTR"),
        (8, "GAP", "%", Frequency.Month, ValueKind.Level, Aggregation.Formula, "RATE - NATR"),
        (9, "BASE", "%", Frequency.Month, ValueKind.Level, Aggregation.Formula, "100"),
    ];

    private static readonly int[] Writable = [1, 2, 3, 4];

    private static readonly Gen<Scenario> Scenarios =
        from n in Gen.Choose(3, 24)
        from picks in Gen.ArrayOf(Gen.Choose(0, 10_000), n)
        from seed in Gen.Choose(0, int.MaxValue)
        from batches in Gen.Choose(1, 12)
        select new Scenario(Enumerable.Range(0, n).Select(i => i == 0 ? -1 : picks[i] % i).ToArray(), seed, batches);

    [Fact]
    public void Property_DeltasThenEvaluate_EqualsAFreshBuild() =>
        Prop.ForAll(Scenarios.ToArbitrary(), scenario =>
        {
            var model = new Model(scenario.Parents, new Random(scenario.Seed));
            model.Seed();
            var snapshot = model.Build();
            int applied = 0;
            var reasons = new List<string?>();
            for (int b = 0; b < scenario.Batches; b++)
            {
                var delta = new SnapshotDelta(snapshot);
                model.Change(delta);
                var next = delta.TryApply(out var reason);
                if (next is not null)
                {
                    applied++;
                }
                else
                {
                    reasons.Add(reason);
                }

                snapshot = next ?? model.Build();
                var fresh = model.Build();
                var (got, want) = (Fingerprint(snapshot), Fingerprint(fresh));
                if (got != want)
                {
                    throw new InvalidOperationException($"batch {b} ({(next is null ? "rebuilt: " + reason : "delta")}) differs from a fresh build:\n{SnapshotFingerprint.FirstDifference(got, want)}");
                }
            }

            // Most batches must go through the delta, or the property says nothing about it.
            return applied * 2 >= scenario.Batches ? true : throw new InvalidOperationException("refused: " + string.Join("; ", reasons));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void TryApply_ChangedCell_RollsUpToTheFirstAncestorWithItsOwnFigure()
    {
        var province = new Province().Indicator("FAI");
        province.Read("FAI", Province.Shangcheng, "2026-06", 10).Read("FAI", Province.Gongshu, "2026-06", 20).Read("FAI", Province.Ningbo, "2026-06", 5);
        var snapshot = province.Build();
        var delta = new SnapshotDelta(snapshot);
        delta.SetReading(province.IndicatorId("FAI"), province.UnitId(Province.Gongshu), Period.OfMonth(2026, 6), 25m);

        var next = delta.TryApply(out var reason).ShouldNotBeNull(reason);

        var result = Evaluator.Evaluate(next, Period.OfMonth(2026, 6), AsOf);
        result.Find("FAI", Province.Hangzhou)!.Value.Actual.ShouldBe(35);
        result.Find("FAI", Province.Zhejiang)!.Value.Actual.ShouldBe(40);
        Evaluator.Evaluate(snapshot, Period.OfMonth(2026, 6), AsOf).Find("FAI", Province.Zhejiang)!.Value.Actual.ShouldBe(35, "the original is left as it was");
    }

    [Fact]
    public void TryApply_FirstReadingOfANewYear_WorksEveryFormulaOutForIt()
    {
        var province = new Province().Indicator("FAI").Indicator("DEN").Indicator("SHARE", unit: "%", valueKind: ValueKind.Level, aggregation: Aggregation.Formula, formula: "FAI / DEN * 100");
        province.Read("FAI", Province.Shangcheng, "2026-06", 10).Read("DEN", Province.Shangcheng, "2026-06", 40);
        var delta = new SnapshotDelta(province.Build());
        delta.SetReading(province.IndicatorId("FAI"), province.UnitId(Province.Shangcheng), Period.OfMonth(2028, 1), 20m);
        delta.SetReading(province.IndicatorId("DEN"), province.UnitId(Province.Shangcheng), Period.OfMonth(2028, 1), 50m);

        var next = delta.TryApply(out var reason).ShouldNotBeNull(reason);

        next.LastReadingYear.ShouldBe(2028);
        Evaluator.Evaluate(next, Period.OfMonth(2028, 1), AsOf).Find("SHARE", Province.Shangcheng)!.Value.Actual.ShouldBe(40);
        province.Read("FAI", Province.Shangcheng, "2028-01", 20).Read("DEN", Province.Shangcheng, "2028-01", 50);
        Fingerprint(next).ShouldBe(Fingerprint(province.Build()));
    }

    [Fact]
    public void TryApply_FirstReadingOfAYearBeforeTheFirst_IsRefusedWithAReason()
    {
        var province = new Province().Indicator("FAI");
        province.Read("FAI", Province.Shangcheng, "2026-06", 10);
        var delta = new SnapshotDelta(province.Build());
        delta.SetReading(province.IndicatorId("FAI"), province.UnitId(Province.Shangcheng), Period.OfMonth(2025, 1), 1m);

        delta.TryApply(out var reason).ShouldBeNull();
        reason.ShouldNotBeNull().ShouldContain("2025");
    }

    [Fact]
    public void TryApply_LocalReadingOfANationalFigure_IsRefusedWithAReason()
    {
        var province = new Province().Indicator("NATGDP");
        province.Read("NATGDP", Province.National, "2026-06", 100);
        var snapshot = province.Build();
        snapshot.FindIndicator("NATGDP")!.IsNationalFigure.ShouldBeTrue();
        var delta = new SnapshotDelta(snapshot);
        delta.SetReading(province.IndicatorId("NATGDP"), province.UnitId(Province.Hangzhou), Period.OfMonth(2026, 6), 1m);

        delta.TryApply(out var reason).ShouldBeNull();
        reason.ShouldNotBeNull().ShouldContain("national figure");
    }

    [Fact]
    public void TryApply_UnknownUnit_IsRefusedWithAReason()
    {
        var province = new Province().Indicator("FAI");
        province.Read("FAI", Province.Shangcheng, "2026-06", 10);
        var delta = new SnapshotDelta(province.Build());
        delta.SetReading(province.IndicatorId("FAI"), 4242, Period.OfMonth(2026, 6), 1m);

        delta.TryApply(out var reason).ShouldBeNull();
        reason.ShouldNotBeNull().ShouldContain("4242");
    }

    [Fact]
    public void TryApply_SameValueAgain_ChangesNothing()
    {
        var province = new Province().Indicator("FAI");
        province.Read("FAI", Province.Shangcheng, "2026-06", 10);
        var snapshot = province.Build();
        var delta = new SnapshotDelta(snapshot);
        delta.SetReading(province.IndicatorId("FAI"), province.UnitId(Province.Shangcheng), Period.OfMonth(2026, 6), 10m);

        var next = delta.TryApply(out _).ShouldNotBeNull();

        next.ReadingCount.ShouldBe(1);
        Fingerprint(next).ShouldBe(Fingerprint(snapshot));
    }

    private static string Fingerprint(EvaluationSnapshot snapshot) => SnapshotFingerprint.Of(snapshot, Judged, AsOf);

    public sealed record Scenario(int[] Parents, int Seed, int Batches)
    {
        public override string ToString() => $"{Parents.Length} units, seed {Seed}, {Batches} batches";
    }

    /// <summary>The data as a database would hold it, written to and rebuilt from.</summary>
    private sealed class Model(int[] parents, Random random)
    {
        private static readonly Period[] Months = [.. Enumerable.Range(1, 12).Select(m => Period.OfMonth(2025, m)), .. Enumerable.Range(1, 7).Select(m => Period.OfMonth(2026, m))];
        private static readonly Period[] Quarters = [.. new[] { 2025, 2026 }.SelectMany(y => Enumerable.Range(1, 4).Select(q => Period.Create(Frequency.Quarter, y, q)))];

        private readonly Dictionary<(int, int, Period), decimal> _readings = [];
        private readonly Dictionary<(int, int, Period), (decimal Value, TargetQualifier Qualifier, decimal? Upper, decimal? Stretch)> _targets = [];
        private readonly Dictionary<int, DateOnly?> _planDue = new() { [1] = null, [2] = new DateOnly(2026, 5, 1), [3] = new DateOnly(2026, 12, 1) };

        private int Units => parents.Length;

        public void Seed()
        {
            foreach (int indicator in Writable)
            {
                for (int u = 0; u < Units; u++)
                {
                    foreach (var period in PeriodsOf(indicator))
                    {
                        if (random.Next(3) > 0)
                        {
                            _readings[(indicator, u + 1, period)] = Value();
                        }
                    }
                }
            }

            // The national figure: reported by the national unit only, every month of both years.
            foreach (var period in Months)
            {
                _readings[(5, NationalId, period)] = Value();
            }

            for (int k = 0; k < Units * 2; k++)
            {
                SetRandomTarget();
            }
        }

        /// <summary>A few random writes, the same in the model and in the delta.</summary>
        public void Change(SnapshotDelta delta)
        {
            int writes = random.Next(1, 6);
            bool plansChanged = false;
            for (int k = 0; k < writes; k++)
            {
                switch (random.Next(10))
                {
                    case < 5:
                    {
                        // Now and then the first figures of the next year.
                        int indicator = Writable[random.Next(Writable.Length)];
                        var period = indicator != 4 && random.Next(12) == 0 ? Period.OfMonth(2027, random.Next(1, 3)) : Pick(PeriodsOf(indicator));
                        int unit = random.Next(Units) + 1;
                        var value = Value();
                        _readings[(indicator, unit, period)] = value;
                        delta.SetReading(indicator, unit, period, value);
                        break;
                    }

                    case 5:
                    {
                        // A value withdrawn (a version with no value).
                        if (_readings.Keys.Where(key => key.Item1 != 5).ToList() is { Count: > 0 } keys)
                        {
                            var key = Pick(keys);
                            _readings.Remove(key);
                            delta.SetReading(key.Item1, key.Item2, key.Item3, null);
                        }

                        break;
                    }

                    case 6:
                    {
                        var period = Pick(Months);
                        var value = Value();
                        _readings[(5, NationalId, period)] = value;
                        delta.SetReading(5, NationalId, period, value);
                        break;
                    }

                    case 7:
                        var (key2, target) = SetRandomTarget();
                        delta.SetTarget(key2.Item1, key2.Item2, key2.Item3, target.Value, target.Qualifier, target.Upper, target.Stretch);
                        break;

                    case 8:
                    {
                        if (_targets.Keys.ToList() is { Count: > 0 } keys)
                        {
                            var key = Pick(keys);
                            _targets.Remove(key);
                            delta.SetTarget(key.Item1, key.Item2, key.Item3, null, TargetQualifier.AtLeast, null, null);
                        }

                        break;
                    }

                    default:
                    {
                        // A milestone moved: the plan is handed over again, once, after the other changes.
                        _planDue[3] = _planDue[3] is null ? new DateOnly(2026, random.Next(1, 13), 1) : null;
                        plansChanged = true;
                        break;
                    }
                }
            }

            if (plansChanged)
            {
                delta.ReplacePlans();
                foreach (var p in Plans())
                {
                    delta.SetPlanItem(p.Id, p.Code, p.Title, p.Kind, p.Parent, p.Lead, p.Due, false, p.Indicators);
                }
            }
        }

        public EvaluationSnapshot Build()
        {
            var builder = new EvaluationSnapshotBuilder();
            for (int u = 0; u < Units; u++)
            {
                var kind = u == 0 ? OrgUnitKind.Province : (u % 3) switch { 0 => OrgUnitKind.Department, 1 => OrgUnitKind.City, _ => OrgUnitKind.County };
                builder.AddUnit(u + 1, Code(u), Code(u), kind, parents[u] < 0 ? null : parents[u] + 1);
            }

            builder.AddUnit(NationalId, EvaluationSnapshotBuilder.DefaultNationalUnitCode, "全国", OrgUnitKind.Reference, null);
            foreach (var i in Indicators)
            {
                builder.AddIndicator(i.Id, i.Code, i.Code, i.Unit, Direction.Higher, i.Frequency, i.Kind, i.Aggregation, i.Formula, Tolerance.Default, ProgressProfile.Linear, 2, 20);
            }

            foreach (var ((indicator, unit, period), t) in _targets)
            {
                builder.AddTarget(indicator, unit, period, t.Value, t.Qualifier, t.Upper, t.Stretch);
            }

            foreach (var ((indicator, unit, period), value) in _readings)
            {
                builder.AddReading(indicator, unit, period, (double)value);
            }

            foreach (var p in Plans())
            {
                builder.AddPlanItem(p.Id, p.Code, p.Title, p.Kind, p.Parent, p.Lead, p.Due, false, p.Indicators);
            }

            return builder.Build();
        }

        private static string Code(int u) => "U" + u.ToString(CultureInfo.InvariantCulture);

        private static Period[] PeriodsOf(int indicator) => indicator == 4 ? Quarters : Months;

        private IEnumerable<(int Id, string Code, string Title, PlanItemKind Kind, int? Parent, int? Lead, DateOnly? Due, int[] Indicators)> Plans()
        {
            yield return (1, "P1", "工程", PlanItemKind.Programme, null, 1, _planDue[1], [1, 6]);
            yield return (2, "P1.1", "任务", PlanItemKind.Task, 1, Math.Min(2, Units), _planDue[2], [2]);
            yield return (3, "P1.1.1", "节点", PlanItemKind.Milestone, 2, null, _planDue[3], [7]);
        }

        private ((int, int, Period) Key, (decimal Value, TargetQualifier Qualifier, decimal? Upper, decimal? Stretch) Target) SetRandomTarget()
        {
            int indicator = random.Next(1, 10);
            int unit = random.Next(Units) + 1;
            var period = random.Next(3) == 0 ? Pick(Quarters) : Period.Create(Frequency.Year, random.Next(2025, 2027), 1);
            var qualifier = (TargetQualifier)random.Next(1, 5);
            var value = Value();
            var target = qualifier == TargetQualifier.Range
                ? (value, qualifier, (decimal?)(value + 10), (decimal?)null)
                : (value, qualifier, null, random.Next(4) == 0 ? value + 5 : null);
            _targets[(indicator, unit, period)] = target;
            return ((indicator, unit, period), target);
        }

        // Sevenths are not exact in binary, so a sum added in another order than a full build adds it shows.
        private decimal Value() => Math.Round(random.Next(-50, 4000) / 7m, 6);

        private T Pick<T>(IReadOnlyList<T> list) => list[random.Next(list.Count)];
    }
}
