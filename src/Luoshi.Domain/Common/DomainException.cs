namespace Luoshi.Domain.Common;

/// <summary>
/// A rule of the model was broken. <see cref="Field"/> names the input that broke it (camelCase, as the
/// API spells it) so the caller can point the user at it; <see cref="Detail"/> says what is wrong in Chinese and
/// English, and the reader's language is picked when it is shown. The exception's message holds both, for logs.
/// </summary>
public class DomainException(string field, Text detail) : Exception(detail.Bilingual)
{
    public string Field { get; } = field;

    public Text Detail { get; } = detail;
}

/// <summary>A change that the current state does not allow (a locked reading, a stale version).</summary>
public sealed class DomainConflictException(string field, Text detail) : DomainException(field, detail);

/// <summary>
/// A rule of the model names who may make a change and the actor is not that party (only a supervising
/// unit verifies an item). Unlike a missing permission it is decided by the entity itself; mapped to 403.
/// </summary>
public sealed class DomainForbiddenException(string field, Text detail) : DomainException(field, detail);
