using Luoshi.Domain.Indicators;

namespace Luoshi.Domain.Evaluation;

/// <summary>
/// Every target of a snapshot by number (1-based; the dense per-indicator arrays hold these numbers).
/// Upper values and stretch values are rare, so they live in a side table.
/// </summary>
internal sealed class TargetTable
{
    private readonly List<decimal> _values = [];
    private readonly List<double> _numbers = [];
    private readonly List<TargetQualifier> _qualifiers = [];
    private readonly Dictionary<int, (decimal? Upper, decimal? Stretch)> _extras = [];

    public int Count => _values.Count;

    public int Add(decimal value, TargetQualifier qualifier, decimal? upper, decimal? stretch)
    {
        _values.Add(value);
        _numbers.Add((double)value);
        _qualifiers.Add(qualifier);
        if (upper is not null || stretch is not null)
        {
            _extras[_values.Count] = (upper, stretch);
        }

        return _values.Count;
    }

    public decimal Value(int number) => _values[number - 1];

    /// <summary>The value as a double, for comparing with readings.</summary>
    public double Number(int number) => _numbers[number - 1];

    public TargetQualifier Qualifier(int number) => _qualifiers[number - 1];

    public decimal? Upper(int number) => _extras.TryGetValue(number, out var e) ? e.Upper : null;

    public decimal? Stretch(int number) => _extras.TryGetValue(number, out var e) ? e.Stretch : null;
}
