using System.Globalization;
using System.Text;
using Luoshi.Bench.Scale;
using Luoshi.Domain.Indicators;

namespace Luoshi.Bench.Peers;

/// <summary>
/// Writes a workload as the CSV files the SQL peers load (bench/README.md lists their columns). Readings go
/// out month by month, the order the peers sort and index them by. Skipped when the directory already
/// holds the same workload.
/// </summary>
public static class CsvExport
{
    private const string FingerprintFile = "fingerprint.txt";

    /// <summary>Returns false when the files were already there.</summary>
    public static bool Write(Workload w, string directory)
    {
        ArgumentNullException.ThrowIfNull(w);
        var stamp = Path.Combine(directory, FingerprintFile);
        if (File.Exists(stamp) && File.ReadAllText(stamp).Trim() == w.Fingerprint)
        {
            return false;
        }

        Directory.CreateDirectory(directory);
        File.Delete(stamp);
        using (var f = new Csv(Path.Combine(directory, "units.csv"), "unit_id,parent_id,kind,code"))
        {
            foreach (var u in w.Units)
            {
                f.Int(u.Id).Comma();
                if (u.Parent >= 0)
                {
                    f.Int(u.Parent + 1);
                }

                f.Comma().Text(u.Kind.ToString().ToLowerInvariant()).Comma().Text(u.Code).End();
            }
        }

        using (var f = new Csv(Path.Combine(directory, "indicators.csv"), "ind_id,code,agg,cumulative,lower_is_better,tol,num_id,den_id,scale"))
        {
            foreach (var i in w.Indicators)
            {
                f.Int(i.Id).Comma().Text(i.Code).Comma().Text(i.Aggregation.ToString().ToLowerInvariant()).Comma()
                    .Text(i.ValueKind == ValueKind.Cumulative ? "true" : "false").Comma()
                    .Text(i.Direction == Direction.Lower ? "true" : "false").Comma()
                    .Decimal(i.TolerancePercent).Comma();
                if (i.IsDerived)
                {
                    f.Int(i.Numerator + 1).Comma().Int(i.Denominator + 1).Comma().Int(i.Scale);
                }
                else
                {
                    f.Comma().Comma();
                }

                f.End();
            }
        }

        using (var f = new Csv(Path.Combine(directory, "months.csv"), "ym,yr,mo"))
        {
            for (int m = 0; m < WorkloadShape.Months; m++)
            {
                f.Int(Workload.YearMonth(m)).Comma().Int(Workload.YearOf(m)).Comma().Int(Workload.MonthOfYear(m)).End();
            }
        }

        using (var f = new Csv(Path.Combine(directory, "targets.csv"), "ind_id,unit_id,yr,target,qual"))
        {
            for (int k = 0; k < w.Targets; k++)
            {
                var indicator = w.Indicators[w.TargetIndicator[k]];
                f.Int(indicator.Id).Comma().Int(w.TargetUnit[k] + 1).Comma().Int(w.TargetYear[k]).Comma()
                    .Decimal(w.TargetValue[k]).Comma().Text(Qualifier(indicator.Qualifier)).End();
            }
        }

        using (var f = new Csv(Path.Combine(directory, "readings.csv"), "ind_id,unit_id,ym,v"))
        {
            foreach (long k in ByMonth(w))
            {
                f.Int(w.ReadingIndicator[k] + 1).Comma().Int(w.ReadingUnit[k] + 1).Comma()
                    .Int(Workload.YearMonth(w.ReadingMonth[k])).Comma().Double(w.ReadingValue[k]).End();
            }
        }

        File.WriteAllText(stamp, w.Fingerprint);
        return true;
    }

    public static string Qualifier(TargetQualifier q) => q switch
    {
        TargetQualifier.AtLeast => "atLeast",
        TargetQualifier.AtMost => "atMost",
        TargetQualifier.Around => "around",
        _ => throw new ArgumentOutOfRangeException(nameof(q), q, "the workload has no range targets"),
    };

    /// <summary>Reading positions ordered by month (stable: indicator order within a month), by counting sort.</summary>
    private static IEnumerable<long> ByMonth(Workload w)
    {
        var months = w.ReadingMonth;
        var start = new long[WorkloadShape.Months + 1];
        foreach (byte m in months)
        {
            start[m + 1]++;
        }

        for (int m = 0; m < WorkloadShape.Months; m++)
        {
            start[m + 1] += start[m];
        }

        var order = new long[months.LongLength];
        var next = (long[])start.Clone();
        for (long k = 0; k < months.LongLength; k++)
        {
            order[next[months[k]]++] = k;
        }

        return order;
    }

    /// <summary>A buffered CSV file written with invariant formatting and no per-field strings.</summary>
    private sealed class Csv : IDisposable
    {
        private readonly StreamWriter _writer;
        private readonly char[] _buffer = new char[1 << 16];
        private int _length;

        public Csv(string path, string header)
        {
            _writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 20);
            Text(header).End();
        }

        public Csv Int(int value) => Format(value);

        public Csv Double(double value) => Format(value);

        public Csv Decimal(decimal value) => Format(value);

        public Csv Comma() => Char(',');

        public Csv End() => Char('\n');

        public Csv Text(string s)
        {
            Reserve(s.Length);
            s.CopyTo(_buffer.AsSpan(_length));
            _length += s.Length;
            return this;
        }

        public void Dispose()
        {
            _writer.Write(_buffer, 0, _length);
            _writer.Dispose();
        }

        private Csv Format<T>(T value)
            where T : ISpanFormattable
        {
            Reserve(64);
            value.TryFormat(_buffer.AsSpan(_length), out int written, default, CultureInfo.InvariantCulture);
            _length += written;
            return this;
        }

        private Csv Char(char c)
        {
            Reserve(1);
            _buffer[_length++] = c;
            return this;
        }

        private void Reserve(int n)
        {
            if (_length + n > _buffer.Length)
            {
                _writer.Write(_buffer, 0, _length);
                _length = 0;
            }
        }
    }
}
