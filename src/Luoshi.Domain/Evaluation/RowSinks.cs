using Luoshi.Domain.Common;

namespace Luoshi.Domain.Evaluation;

/// <summary>Where an indicator's pass puts its rows: kept for a result, or only counted for a range of periods.</summary>
internal interface IRowSink
{
    /// <summary>
    /// Whether the rows are kept for reading. Only kept rows need what a row shows beyond its status:
    /// ranks among siblings and last year's value. A sink that only counts statuses skips them.
    /// </summary>
    static abstract bool KeepsRows { get; }

    /// <summary>Announces how many rows the pass will add (0 when rows are not kept).</summary>
    void Start(int rows);

    /// <summary>Adds a row; <paramref name="expected"/> is its expected value, which rows do not store.</summary>
    void Add(in RowData row, double expected);
}

internal struct RowCollector : IRowSink
{
    private int _count;

    public static bool KeepsRows => true;

    public RowData[] Rows { get; private set; }

    // Every slot is written, and the struct holds no references, so the array need not be zeroed.
    public void Start(int rows) => Rows = GC.AllocateUninitializedArray<RowData>(rows);

    public void Add(in RowData row, double expected) => Rows[_count++] = row;
}

internal struct RowCounter : IRowSink
{
    private StatusCounts _counts;
    private double _actualSum;
    private double _expectedSum;

    public static bool KeepsRows => false;

    public readonly void Start(int rows)
    {
    }

    public void Add(in RowData row, double expected)
    {
        _counts = _counts.With(row.Status);
        if (!double.IsNaN(row.Actual))
        {
            _actualSum += row.Actual;
        }

        if (!double.IsNaN(expected))
        {
            _expectedSum += expected;
        }
    }

    public readonly PeriodSummary Summary(Period period) => new(period, _counts, _actualSum, _expectedSum);
}
