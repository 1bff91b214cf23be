using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Luoshi.Web.Infrastructure.Operations;

/// <summary>
/// Listens to the meters that matter for operating Luoshi (its own, ASP.NET Core's hosting and Kestrel
/// meters, the runtime's) and renders what they measured in the Prometheus text exposition format
/// (version 0.0.4). Counters become <c>_total</c> series, histograms cumulative <c>_bucket</c> series with
/// <c>_sum</c> and <c>_count</c>; units of seconds and bytes become name suffixes. The exporter packages for
/// this are not on the package mirror (docs/adr/0013), hence this small listener.
/// </summary>
internal sealed class PrometheusExporter : IDisposable
{
    private static readonly string[] Meters =
    [
        Application.Common.LuoshiMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.RateLimiting", "System.Runtime",
    ];

    private static readonly double[] DefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private readonly MeterListener _listener = new();
    private readonly Dictionary<Instrument, Family> _families = [];
    private readonly Lock _gate = new();

    /// <param name="meters">This server's meter factory: several servers in one process (tests) each export only their own.</param>
    public PrometheusExporter(IMeterFactory meters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (Meters.Contains(instrument.Meter.Name, StringComparer.Ordinal) && (instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, meters)))
            {
                lock (_gate)
                {
                    _families[instrument] = new Family(instrument);
                }

                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.MeasurementsCompleted = (instrument, _) =>
        {
            lock (_gate)
            {
                _families.Remove(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<short>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<byte>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<float>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<decimal>((i, v, tags, _) => Record(i, (double)v, tags));
        _listener.Start();
    }

    /// <summary>The current values of every series, observable instruments read now.</summary>
    public string Scrape()
    {
        _listener.RecordObservableInstruments();
        List<Family> families;
        lock (_gate)
        {
            families = [.. _families.Values];
        }

        var text = new StringBuilder();
        foreach (var group in families.GroupBy(f => f.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = group.First();
            text.Append("# HELP ").Append(first.Name).Append(' ').Append(Escape(first.Help, help: true)).Append('\n');
            text.Append("# TYPE ").Append(first.Name).Append(' ').Append(first.Type).Append('\n');
            foreach (var family in group)
            {
                family.Write(text);
            }
        }

        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        Family? family;
        lock (_gate)
        {
            _families.TryGetValue(instrument, out family);
        }

        family?.Record(value, tags);
    }

    private static string Escape(string value, bool help = false)
    {
        var s = value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return help ? s : s.Replace("\"", "\\\"", StringComparison.Ordinal);
    }

    private static string Sanitize(string name)
    {
        var b = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            b.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        return b.Length > 0 && char.IsAsciiDigit(b[0]) ? "_" + b : b.ToString();
    }

    private static string Number(double v) =>
        double.IsPositiveInfinity(v) ? "+Inf" : double.IsNegativeInfinity(v) ? "-Inf" : double.IsNaN(v) ? "NaN" : v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>One instrument's series, one per distinct tag set.</summary>
    private sealed class Family
    {
        private readonly Kind _kind;
        private readonly double[] _bounds;
        private readonly Dictionary<string, Series> _series = new(StringComparer.Ordinal);

        // The series of each tag set already seen, by a hash of the tags: a measurement finds its series without
        // building the label text (tens of strings) again, as every request's measurements would otherwise do.
        private readonly Dictionary<int, List<(KeyValuePair<string, object?>[] Tags, Series Series)>> _seen = [];
        private readonly Lock _gate = new();

        public Family(Instrument instrument)
        {
            var type = instrument.GetType();
            var generic = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
            _kind = generic == typeof(Counter<>) ? Kind.Counter
                : generic == typeof(ObservableCounter<>) ? Kind.ObservedCounter
                : generic == typeof(Histogram<>) ? Kind.Histogram
                : generic == typeof(UpDownCounter<>) ? Kind.Sum
                : Kind.Gauge;
            _bounds = instrument is Histogram<double> { Advice.HistogramBucketBoundaries: { Count: > 0 } advised } ? [.. advised] : DefaultBuckets;

            var name = Sanitize(instrument.Name);
            name = instrument.Unit switch
            {
                "s" when !name.EndsWith("_seconds", StringComparison.Ordinal) => name + "_seconds",
                "By" when !name.EndsWith("_bytes", StringComparison.Ordinal) => name + "_bytes",
                _ => name,
            };
            Name = _kind is Kind.Counter or Kind.ObservedCounter ? name + "_total" : name;
            Type = _kind switch { Kind.Counter or Kind.ObservedCounter => "counter", Kind.Histogram => "histogram", _ => "gauge" };
            Help = string.IsNullOrEmpty(instrument.Description) ? instrument.Name : instrument.Description;
        }

        public string Name { get; }
        public string Type { get; }
        public string Help { get; }

        public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            int hash = Hash(tags);
            lock (_gate)
            {
                var s = Seen(hash, tags) ?? Add(hash, tags);

                switch (_kind)
                {
                    case Kind.Counter or Kind.Sum:
                        s.Value += value;
                        break;
                    case Kind.ObservedCounter or Kind.Gauge:
                        s.Value = value;
                        break;
                    case Kind.Histogram:
                        s.Value += value;
                        s.Count++;
                        int bucket = Array.FindIndex(_bounds, b => value <= b);
                        if (bucket >= 0)
                        {
                            s.Buckets![bucket]++;
                        }

                        break;
                }
            }
        }

        public void Write(StringBuilder text)
        {
            lock (_gate)
            {
                foreach (var (labels, s) in _series.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (_kind != Kind.Histogram)
                    {
                        text.Append(Name).Append(Braces(labels)).Append(' ').Append(Number(s.Value)).Append('\n');
                        continue;
                    }

                    long cumulative = 0;
                    for (int i = 0; i < _bounds.Length; i++)
                    {
                        cumulative += s.Buckets![i];
                        text.Append(Name).Append("_bucket").Append(Braces(Join(labels, $"le=\"{Number(_bounds[i])}\""))).Append(' ').Append(cumulative).Append('\n');
                    }

                    text.Append(Name).Append("_bucket").Append(Braces(Join(labels, "le=\"+Inf\""))).Append(' ').Append(s.Count).Append('\n');
                    text.Append(Name).Append("_sum").Append(Braces(labels)).Append(' ').Append(Number(s.Value)).Append('\n');
                    text.Append(Name).Append("_count").Append(Braces(labels)).Append(' ').Append(s.Count).Append('\n');
                }
            }
        }

        private Series? Seen(int hash, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (_seen.TryGetValue(hash, out var known))
            {
                foreach (var (seenTags, series) in known)
                {
                    if (Same(seenTags, tags))
                    {
                        return series;
                    }
                }
            }

            return null;
        }

        private Series Add(int hash, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            // Tag sets that differ only in order have the same labels, hence the same series.
            var labels = Labels(tags);
            if (!_series.TryGetValue(labels, out var s))
            {
                s = new Series(_kind == Kind.Histogram ? new long[_bounds.Length] : null);
                _series[labels] = s;
            }

            if (!_seen.TryGetValue(hash, out var known))
            {
                _seen[hash] = known = [];
            }

            // A tag value compared by reference (no such tag is known) would add an entry per measurement: a bucket
            // stops growing at a few entries, and what is not kept is found through its labels instead.
            if (known.Count < 8)
            {
                known.Add((tags.ToArray(), s));
            }

            return s;
        }

        private static int Hash(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var hash = default(HashCode);
            foreach (var (key, value) in tags)
            {
                hash.Add(key, StringComparer.Ordinal);
                hash.Add(value);
            }

            return hash.ToHashCode();
        }

        private static bool Same(KeyValuePair<string, object?>[] seen, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (seen.Length != tags.Length)
            {
                return false;
            }

            for (int i = 0; i < seen.Length; i++)
            {
                if (!string.Equals(seen[i].Key, tags[i].Key, StringComparison.Ordinal) || !Equals(seen[i].Value, tags[i].Value))
                {
                    return false;
                }
            }

            return true;
        }

        private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (tags.IsEmpty)
            {
                return string.Empty;
            }

            var pairs = new List<string>(tags.Length);
            foreach (var (key, value) in tags)
            {
                pairs.Add($"{Sanitize(key)}=\"{Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty)}\"");
            }

            pairs.Sort(StringComparer.Ordinal);
            return string.Join(',', pairs);
        }

        private static string Join(string labels, string more) => labels.Length == 0 ? more : labels + "," + more;

        private static string Braces(string labels) => labels.Length == 0 ? string.Empty : "{" + labels + "}";
    }

    private sealed class Series(long[]? buckets)
    {
        public double Value { get; set; }
        public long Count { get; set; }
        public long[]? Buckets { get; } = buckets;
    }

    private enum Kind
    {
        Counter,
        ObservedCounter,
        Sum,
        Gauge,
        Histogram,
    }
}
