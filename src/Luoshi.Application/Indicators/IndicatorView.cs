using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;

namespace Luoshi.Application.Indicators;

public sealed record IndicatorView(
    int Id,
    string Code,
    string Name,
    string Unit,
    Direction Direction,
    Frequency Frequency,
    ValueKind ValueKind,
    Aggregation Aggregation,
    string? Formula,
    string Tolerance,
    ProgressProfile Profile,
    int Decimals,
    int DueDay,
    string? ResponsibleUnit,
    IReadOnlyList<string> PlanItems,
    int Version);

public sealed record TargetView(
    int Id,
    string Indicator,
    string Org,
    string Year,
    Horizon Horizon,
    decimal? Value,
    TargetQualifier Qualifier,
    decimal? UpperValue,
    decimal? Stretch,
    bool Withdrawn,
    int Version,
    DateTimeOffset UpdatedAt,
    string UpdatedBy);
