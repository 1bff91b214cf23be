namespace Luoshi.Application.Assessment;

public enum RunState
{
    Draft = 1,
    Published = 2,

    /// <summary>Replaced by a reviewed new version after an appeal; kept as it was.</summary>
    Superseded = 3,
}

/// <summary>One version of a scheme, stored as the JSON it was given. A changed scheme is a new version.</summary>
public sealed class SchemeVersion
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int Year { get; set; }
    public int Version { get; set; }
    public required string Json { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>
/// A computed assessment: the result with every point explained, and the SHA-256 of the scheme version and
/// every input it read, so that recomputing it can prove it unchanged. Published runs are frozen; an appeal
/// leads to a new version that supersedes, never overwrites, the old one.
/// </summary>
public sealed class AssessmentRun
{
    public int Id { get; set; }
    public int SchemeVersionId { get; set; }
    public RunState State { get; set; }
    public required string ResultJson { get; set; }
    public required string InputsJson { get; set; }
    public required string InputsHash { get; set; }
    public DateOnly AsOf { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    public int? SupersedesId { get; set; }
    public string? AppealReason { get; set; }
    public int Version { get; set; }
}
