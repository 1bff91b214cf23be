using Luoshi.Bench.Scale;
using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Indicators;

namespace Luoshi.Bench.Engine;

/// <summary>Feeds a generated workload's arrays into <see cref="EvaluationSnapshotBuilder"/>, as a database loader would, without the database.</summary>
public static class SnapshotFeed
{
    public static EvaluationSnapshot Build(Workload w)
    {
        ArgumentNullException.ThrowIfNull(w);
        var builder = new EvaluationSnapshotBuilder();
        foreach (var u in w.Units)
        {
            builder.AddUnit(u.Id, u.Code, u.Name, u.Kind, u.Parent < 0 ? null : u.Parent + 1);
        }

        foreach (var i in w.Indicators)
        {
            builder.AddIndicator(i.Id, i.Code, i.Name, i.Unit, i.Direction, Frequency.Month, i.ValueKind, i.Aggregation, i.Formula(w.Indicators), i.Tolerance, ProgressProfile.Linear, 2, 20);
        }

        var years = new Period[WorkloadShape.LastYear + 1];
        for (int y = WorkloadShape.FirstYear; y <= WorkloadShape.LastYear; y++)
        {
            years[y] = Period.OfYear(y);
        }

        for (int k = 0; k < w.Targets; k++)
        {
            var indicator = w.Indicators[w.TargetIndicator[k]];
            builder.AddTarget(indicator.Id, w.TargetUnit[k] + 1, years[w.TargetYear[k]], w.TargetValue[k], indicator.Qualifier, null, null);
        }

        var months = new Period[WorkloadShape.Months];
        for (int m = 0; m < months.Length; m++)
        {
            months[m] = Period.OfMonth(Workload.YearOf(m), Workload.MonthOfYear(m));
        }

        var indicatorOf = w.ReadingIndicator;
        var unitOf = w.ReadingUnit;
        var monthOf = w.ReadingMonth;
        var value = w.ReadingValue;
        for (long k = 0; k < value.LongLength; k++)
        {
            builder.AddReading(indicatorOf[k] + 1, unitOf[k] + 1, months[monthOf[k]], value[k]);
        }

        return builder.Build();
    }
}
