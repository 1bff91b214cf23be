namespace Luoshi.Application.Import;

// The rows of the import files, as text exactly as a CSV carries them: the importer parses and validates
// every field, so files, the demo province and tests all go through the same checks.

/// <summary><c>code,name,kind,parent</c>; kind Province|City|County|Department|Reference.</summary>
public sealed record OrgRow(string Code, string Name, string Kind, string? Parent);

/// <summary><c>code,name,unit,direction,frequency,valueKind,aggregation,formula,tolerance,profile</c>.</summary>
public sealed record IndicatorRow(
    string Code,
    string Name,
    string Unit,
    string Direction,
    string Frequency,
    string ValueKind,
    string Aggregation,
    string? Formula,
    string? Tolerance,
    string? Profile);

/// <summary><c>indicator,org,year,value,qualifier</c>; year may also be a quarter (2026Q1); qualifier atLeast|around|atMost.</summary>
public sealed record TargetRow(string Indicator, string Org, string Year, string Value, string Qualifier);

/// <summary><c>indicator,org,period,value</c>.</summary>
public sealed record ReadingRow(string Indicator, string Org, string Period, string Value);

/// <summary>
/// <c>code,kind,title,parent,lead,supporting,start,due,horizon,indicators</c> and optionally <c>completed</c>
/// (the date it was done); supporting and indicators are ';'-separated codes; kind
/// Strategy|Programme|Task|Milestone; horizon annual|threeYear|fiveYear.
/// </summary>
public sealed record PlanRow(
    string Code,
    string Kind,
    string Title,
    string? Parent,
    string? Lead,
    string? Supporting,
    string? Start,
    string? Due,
    string? Horizon,
    string? Indicators,
    string? Completed = null);
