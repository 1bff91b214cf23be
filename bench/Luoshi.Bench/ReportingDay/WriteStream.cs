namespace Luoshi.Bench.ReportingDay;

/// <summary>
/// What the reporters write, the same in every run and for every engine: reporter <c>w</c>'s <c>k</c>-th write
/// is one of the 160 summed indicators (reported by counties, rolled up by cities and the province) at its
/// own county for the open month, with a value no earlier write of that cell had. Cells come round again, so
/// most writes are new versions of a cell written before.
/// </summary>
public static class WriteStream
{
    public const int SummedIndicators = 160;

    public static (string Indicator, decimal Value) Cell(int reporter, int k)
    {
        int indicator = ((reporter * 13) + k) % SummedIndicators;
        decimal value = 100m + (reporter * 10m) + (k * 0.37m);
        return (Code(indicator), value);
    }

    /// <summary>The code of the summed indicator with index 0–159 (S001–S160, as the generator names them).</summary>
    public static string Code(int indicator) => FormattableString.Invariant($"S{indicator + 1:D3}");
}
