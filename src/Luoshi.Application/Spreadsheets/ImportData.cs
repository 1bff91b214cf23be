using Luoshi.Application.Indicators;
using Luoshi.Application.Organization;
using Luoshi.Application.Plans;
using Luoshi.Application.Readings;

namespace Luoshi.Application.Spreadsheets;

public enum ImportKind
{
    Orgs,
    Indicators,
    Targets,
    Readings,
    Plans,
}

/// <summary>
/// Hands a CSV file to the import of the feature that owns its rows, for the callers that name the kind (the
/// <c>luoshi import</c> verb); each import lives with its feature and this class only chooses one.
/// Every import is all or nothing: every row is checked first and any problem refuses the whole file, naming
/// line and column; the writes then run in one transaction. Existing rows are updated (readings and targets by
/// appending a version); a row equal to what is stored changes nothing, so importing the same file twice is harmless.
/// </summary>
public sealed class ImportData(ImportOrgUnits orgs, ImportIndicators indicators, ImportTargets targets, ImportReadings readings, ImportPlans plans)
{
    public Task<ImportSummary> FromCsv(ImportKind kind, Stream stream, IProgress<ImportProgress>? progress, CancellationToken ct) => kind switch
    {
        ImportKind.Orgs => orgs.FromCsv(stream, ct),
        ImportKind.Indicators => indicators.FromCsv(stream, ct),
        ImportKind.Targets => targets.FromCsv(stream, ct),
        ImportKind.Readings => readings.FromCsv(stream, progress, ct),
        ImportKind.Plans => plans.FromCsv(stream, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
