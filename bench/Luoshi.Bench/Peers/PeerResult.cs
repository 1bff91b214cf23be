using Luoshi.Bench.Harness;

namespace Luoshi.Bench.Peers;

/// <summary>What a SQL peer took and computed: loading the exported files, one month, the whole history.</summary>
public sealed record PeerResult(
    string Engine,
    double LoadMs,
    Timing Period,
    IReadOnlyList<PeriodTotals> PeriodTotals,
    Timing? History,
    IReadOnlyList<PeriodTotals> HistoryTotals,
    double? PeakRssMb,
    string? Note = null);
