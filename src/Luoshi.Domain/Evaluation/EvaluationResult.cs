using System.Collections;
using Luoshi.Domain.Common;
using Luoshi.Domain.Organization;

namespace Luoshi.Domain.Evaluation;

/// <summary>The rows of one evaluation, by indicator (in snapshot order) then unit (in tree order).</summary>
public sealed class EvaluationResult
{
    private readonly EvaluationFrame _frame;
    private readonly RowData[][] _segments;

    internal EvaluationResult(EvaluationFrame frame, RowData[][] segments)
    {
        _frame = frame;
        _segments = segments;
        Rows = new RowList(frame, segments);
    }

    public EvaluationSnapshot Snapshot => _frame.Snapshot;
    public Period Period => _frame.Period;
    public DateOnly AsOf => _frame.AsOf;
    public IReadOnlyList<EvaluationRow> Rows { get; }

    public StatusCounts Counts
    {
        get
        {
            var counts = default(StatusCounts);
            foreach (var segment in _segments)
            {
                foreach (var row in segment)
                {
                    counts = counts.With(row.Status);
                }
            }

            return counts;
        }
    }

    /// <summary>The row of an indicator at a unit, if the unit was in scope and the row exists.</summary>
    public EvaluationRow? Find(string indicatorCode, string orgCode)
    {
        var tree = Snapshot.Tree;
        if (!Snapshot.TryGetIndicator(indicatorCode, out int i) || !tree.TryGetIndex(orgCode, out int u))
        {
            return null;
        }

        return Find(i, u);
    }

    /// <summary>Rows with a status, e.g. red for the list of lagging items and grey for missing reports.</summary>
    public IReadOnlyList<EvaluationRow> RowsWith(EvaluationStatus status)
    {
        var rows = new List<EvaluationRow>();
        foreach (var segment in _segments)
        {
            foreach (var row in segment)
            {
                if (row.Status == status)
                {
                    rows.Add(new EvaluationRow(_frame, row));
                }
            }
        }

        return rows;
    }

    /// <summary>Statuses of units × indicators (the 11 cities' lights); indicators default to those with a row at any of the units.</summary>
    public LightMatrix LightMatrix(IEnumerable<string> orgCodes, IEnumerable<string>? indicatorCodes = null)
    {
        ArgumentNullException.ThrowIfNull(orgCodes);
        var tree = Snapshot.Tree;
        var units = orgCodes.Select(code => tree.TryGetIndex(code, out int u) ? u : throw new DomainException("org", new Text($"未知单位 {code}", $"unknown org unit {code}"))).ToArray();
        var indicators = indicatorCodes is null
            ? Enumerable.Range(0, _segments.Length).Where(i => units.Any(u => Find(i, u) is not null)).ToArray()
            : [.. indicatorCodes.Select(code => Snapshot.TryGetIndicator(code, out int i) ? i : throw new DomainException("indicator", new Text($"未知指标 {code}", $"unknown indicator {code}")))];
        var cells = units.Select(u => (IReadOnlyList<EvaluationStatus>)[.. indicators.Select(i => Find(i, u)?.Status ?? EvaluationStatus.None)]).ToArray();
        return new LightMatrix(
            [.. units.Select(u => tree.Codes[u])],
            [.. indicators.Select(i => Snapshot.Data[i].Code)],
            cells);
    }

    /// <summary>The light matrix of every unit of a kind, in tree order (e.g. all cities); units outside the evaluated scope show None.</summary>
    public LightMatrix LightMatrix(OrgUnitKind kind) =>
        LightMatrix(Snapshot.Units.Where(u => u.Kind == kind).Select(u => u.Code));

    internal EvaluationRow? Find(int indicator, int unit)
    {
        var segment = _segments[indicator];
        var position = Snapshot.Tree.Position;
        int target = position[unit];
        int lo = 0;
        int hi = segment.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int at = position[segment[mid].Unit];
            if (at == target)
            {
                return new EvaluationRow(_frame, segment[mid]);
            }

            if (at < target)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return null;
    }

    /// <summary>The rows of all indicators as one list without copying them together.</summary>
    private sealed class RowList : IReadOnlyList<EvaluationRow>
    {
        private readonly EvaluationFrame _frame;
        private readonly RowData[][] _segments;
        private readonly int[] _starts;

        public RowList(EvaluationFrame frame, RowData[][] segments)
        {
            _frame = frame;
            _segments = segments;
            _starts = new int[segments.Length + 1];
            for (int i = 0; i < segments.Length; i++)
            {
                _starts[i + 1] = _starts[i] + segments[i].Length;
            }
        }

        public int Count => _starts[^1];

        public EvaluationRow this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
                int s = Array.BinarySearch(_starts, index);
                if (s < 0)
                {
                    s = ~s - 1;
                }

                // An empty segment shares its start with the next one: move on to the segment that holds rows.
                while (_segments[s].Length == 0)
                {
                    s++;
                }

                return new EvaluationRow(_frame, _segments[s][index - _starts[s]]);
            }
        }

        public IEnumerator<EvaluationRow> GetEnumerator()
        {
            foreach (var segment in _segments)
            {
                foreach (var row in segment)
                {
                    yield return new EvaluationRow(_frame, row);
                }
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>Statuses of units (rows) × indicators (columns).</summary>
public sealed class LightMatrix(IReadOnlyList<string> orgCodes, IReadOnlyList<string> indicatorCodes, IReadOnlyList<IReadOnlyList<EvaluationStatus>> cells)
{
    public IReadOnlyList<string> OrgCodes { get; } = orgCodes;
    public IReadOnlyList<string> IndicatorCodes { get; } = indicatorCodes;

    /// <summary>Cells[unit][indicator], in the order of <see cref="OrgCodes"/> and <see cref="IndicatorCodes"/>.</summary>
    public IReadOnlyList<IReadOnlyList<EvaluationStatus>> Cells { get; } = cells;

    public EvaluationStatus this[string orgCode, string indicatorCode]
    {
        get
        {
            int u = IndexOf(OrgCodes, orgCode);
            int i = IndexOf(IndicatorCodes, indicatorCode);
            return u < 0 || i < 0 ? EvaluationStatus.None : Cells[u][i];
        }
    }

    private static int IndexOf(IReadOnlyList<string> codes, string code)
    {
        for (int k = 0; k < codes.Count; k++)
        {
            if (string.Equals(codes[k], code, StringComparison.Ordinal))
            {
                return k;
            }
        }

        return -1;
    }
}
