using Luoshi.Domain.Common;
using Luoshi.Domain.Plans;

namespace Luoshi.Application.Plans;

public sealed record PlanItemView(
    int Id,
    string Code,
    PlanItemKind Kind,
    string Title,
    string? Description,
    string? Parent,
    string? Lead,
    IReadOnlyList<string> Supporting,
    DateOnly? Start,
    DateOnly? Due,
    Horizon Horizon,
    string? SourceDocument,
    string? SourceSentence,
    int Order,
    DateOnly? CompletedOn,
    int Version);
