using Luoshi.Domain.Common;

namespace Luoshi.Application.Common;

/// <summary>One problem with the input: the field (camelCase), and for files the row (file line or sheet row) and column.</summary>
public sealed record FieldError(string Field, string Message, int? Row = null, string? Column = null)
{
    public override string ToString() => Row is null
        ? $"{Field}: {Message}"
        : $"第{Row}行 {Column ?? Field} / row {Row}, column {Column ?? Field}: {Message}";
}

/// <summary>The input was refused; nothing was written. Mapped to 400 (or 422 for a file whose content is refused).</summary>
public sealed class InputRefusedException(IReadOnlyList<FieldError> errors, string? title = null)
    : Exception(title ?? "输入有误 / the input was refused")
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;

    /// <summary>True when the refusal is about a file's content (rows and columns): answered 422.</summary>
    public bool IsFileContent => Errors.Any(e => e.Row is not null);

    public static InputRefusedException From(DomainException e) => new([new FieldError(e.Field, e.Message)]);

    public static InputRefusedException Single(string field, string message) => new([new FieldError(field, message)]);
}

/// <summary>The thing named does not exist. Mapped to 404.</summary>
public sealed class NotFoundException(string entity, string key)
    : Exception($"找不到{entity} {key} / {entity} '{key}' was not found")
{
    public string Entity { get; } = entity;
    public string Key { get; } = key;
}

/// <summary>The change collides with the current state (a stale version, a duplicate code, a locked value). Mapped to 409.</summary>
public sealed class ConflictException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>Nobody is signed in and the action needs someone. Mapped to 401.</summary>
public sealed class UnauthenticatedException() : Exception("需要登录 / sign-in required");

/// <summary>The signed-in actor may not do this here. Mapped to 403.</summary>
public sealed class ForbiddenException(string message) : Exception(message);
