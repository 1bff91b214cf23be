using Luoshi.Domain.Indicators;

namespace Luoshi.Application.Readings;

public sealed record ReadingView(
    string Indicator,
    string Org,
    string Period,
    decimal? Value,
    ReadingState State,
    string? Comment,
    ReadingSource Source,
    int Version,
    DateTimeOffset UpdatedAt,
    string UpdatedBy);

public sealed record ReadingVersionView(
    int Version,
    decimal? Value,
    ReadingState State,
    string? Comment,
    ReadingSource Source,
    string Actor,
    DateTimeOffset At,
    string? Reason);
