using Luoshi.Domain.Common;

namespace Luoshi.Application.Common;

/// <summary>One problem with the input: the field (camelCase), and for files the row (file line or sheet row) and column.</summary>
public sealed record FieldError(string Field, Text Message, int? Row = null, string? Column = null)
{
    /// <summary>Where the problem is and what it is, in the reader's language: "第3行 value: …" / "row 3, column value: …".</summary>
    public Text Describe() => Row is null
        ? new($"{Field}: {Message.Zh}", $"{Field}: {Message.En}")
        : new($"第{Row}行 {Column ?? Field}:{Message.Zh}", $"row {Row}, column {Column ?? Field}: {Message.En}");

    public override string ToString() => Describe().ToString();
}

/// <summary>The input was refused; nothing was written. Mapped to 400 (or 422 for a file whose content is refused).</summary>
public sealed class InputRefusedException(IReadOnlyList<FieldError> errors, Text? title = null)
    : Exception((title ?? DefaultTitle).Bilingual)
{
    private static readonly Text DefaultTitle = new("输入有误", "the input was refused");

    public Text Title { get; } = title ?? DefaultTitle;

    public IReadOnlyList<FieldError> Errors { get; } = errors;

    /// <summary>True when the refusal is about a file's content (rows and columns): answered 422.</summary>
    public bool IsFileContent => Errors.Any(e => e.Row is not null);

    public static InputRefusedException From(DomainException e) => new([new FieldError(e.Field, e.Detail)]);

    public static InputRefusedException Single(string field, Text message) => new([new FieldError(field, message)]);
}

/// <summary>The thing named does not exist. Mapped to 404.</summary>
public sealed class NotFoundException(Text entity, string key)
    : Exception(Describe(entity, key).Bilingual)
{
    public Text Entity { get; } = entity;
    public string Key { get; } = key;

    public Text Detail => Describe(Entity, Key);

    private static Text Describe(Text entity, string key) => new($"找不到{entity.Zh} {key}", $"{entity.En} '{key}' was not found");
}

/// <summary>The change collides with the current state (a stale version, a duplicate code, a locked value). Mapped to 409.</summary>
public sealed class ConflictException(string field, Text detail) : Exception(detail.Bilingual)
{
    public string Field { get; } = field;

    public Text Detail { get; } = detail;
}

/// <summary>Nobody is signed in and the action needs someone. Mapped to 401.</summary>
public sealed class UnauthenticatedException() : Exception(Said.Bilingual)
{
    public static readonly Text Said = new("需要登录", "sign-in required");

    public Text Detail => Said;
}

/// <summary>The signed-in actor may not do this here. Mapped to 403.</summary>
public sealed class ForbiddenException(Text detail) : Exception(detail.Bilingual)
{
    public Text Detail { get; } = detail;
}

/// <summary>What a failure says to a person, as text in both languages, whatever kind of refusal it is.</summary>
public static class Said
{
    /// <summary>The first error of a refusal, or the failure's own text; an unknown failure's message in both.</summary>
    public static Text Of(Exception exception) => exception switch
    {
        InputRefusedException { Errors.Count: > 0 } r => r.Errors[0].Message,
        InputRefusedException r => r.Title,
        DomainException e => e.Detail,
        ConflictException e => e.Detail,
        NotFoundException e => e.Detail,
        ForbiddenException e => e.Detail,
        UnauthenticatedException e => e.Detail,
        Operations.BackupFailedException e => e.Detail,
        _ => Text.Same(exception.Message),
    };
}
