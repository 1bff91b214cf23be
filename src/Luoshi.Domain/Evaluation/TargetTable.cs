using Luoshi.Domain.Indicators;

namespace Luoshi.Domain.Evaluation;

/// <summary>
/// Every target of a snapshot by number (1-based; the dense per-indicator arrays hold these numbers).
/// Targets live in fixed-size chunks so that a snapshot updated by a delta shares every full chunk with the
/// one before it: <see cref="Extend"/> copies only the last, partly filled chunk, and nothing a reader of the
/// older snapshot can see is ever written. A changed target gets a new number; the number it replaces is
/// simply no longer referenced (a full rebuild drops it).
/// </summary>
internal sealed class TargetTable
{
    private const int ChunkBits = 12;
    private const int ChunkSize = 1 << ChunkBits;

    private Chunk[] _chunks;
    private int _count;

    public TargetTable()
    {
        _chunks = [];
    }

    private TargetTable(Chunk[] chunks, int count)
    {
        _chunks = chunks;
        _count = count;
    }

    public int Count => _count;

    /// <summary>Adds a target to a table not shared yet (while a snapshot is built, or after <see cref="Extend"/>).</summary>
    public int Add(decimal value, TargetQualifier qualifier, decimal? upper, decimal? stretch)
    {
        int at = _count;
        if ((at >> ChunkBits) == _chunks.Length)
        {
            Array.Resize(ref _chunks, _chunks.Length + 1);
            _chunks[^1] = new Chunk();
        }

        _chunks[at >> ChunkBits].Set(at & (ChunkSize - 1), value, qualifier, upper, stretch);
        return ++_count;
    }

    /// <summary>
    /// A table holding this one's targets, to <see cref="Add"/> more to while a delta is applied: the partly filled
    /// last chunk is copied, so additions never touch what this table (and the snapshots sharing it) can see.
    /// </summary>
    public TargetTable Extend()
    {
        var chunks = (Chunk[])_chunks.Clone();
        if ((_count & (ChunkSize - 1)) != 0)
        {
            chunks[^1] = chunks[^1].Copy();
        }

        return new TargetTable(chunks, _count);
    }

    public decimal Value(int number) => At(number).Values[Slot(number)];

    /// <summary>The value as a double, for comparing with readings.</summary>
    public double Number(int number) => At(number).Numbers[Slot(number)];

    public TargetQualifier Qualifier(int number) => At(number).Qualifiers[Slot(number)];

    public decimal? Upper(int number) => At(number).Extras.TryGetValue(Slot(number), out var e) ? e.Upper : null;

    public decimal? Stretch(int number) => At(number).Extras.TryGetValue(Slot(number), out var e) ? e.Stretch : null;

    private static int Slot(int number) => (number - 1) & (ChunkSize - 1);

    private Chunk At(int number) => _chunks[(number - 1) >> ChunkBits];

    /// <summary>Upper values and stretch values are rare, so they live in a side table per chunk.</summary>
    private sealed class Chunk
    {
        public decimal[] Values { get; private init; } = new decimal[ChunkSize];
        public double[] Numbers { get; private init; } = new double[ChunkSize];
        public TargetQualifier[] Qualifiers { get; private init; } = new TargetQualifier[ChunkSize];
        public Dictionary<int, (decimal? Upper, decimal? Stretch)> Extras { get; private init; } = [];

        public void Set(int slot, decimal value, TargetQualifier qualifier, decimal? upper, decimal? stretch)
        {
            Values[slot] = value;
            Numbers[slot] = (double)value;
            Qualifiers[slot] = qualifier;
            if (upper is not null || stretch is not null)
            {
                Extras[slot] = (upper, stretch);
            }
        }

        public Chunk Copy() => new()
        {
            Values = (decimal[])Values.Clone(),
            Numbers = (double[])Numbers.Clone(),
            Qualifiers = (TargetQualifier[])Qualifiers.Clone(),
            Extras = new Dictionary<int, (decimal?, decimal?)>(Extras),
        };
    }
}
