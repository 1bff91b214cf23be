namespace Luoshi.Domain.Common;

/// <summary>
/// A rule of the model was broken. <see cref="Field"/> names the input that broke it (camelCase, as the
/// API spells it) so the caller can point the user at it; the message is Chinese first, English second.
/// </summary>
public class DomainException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>A change that the current state does not allow (a locked reading, a stale version).</summary>
public sealed class DomainConflictException(string field, string message) : DomainException(field, message);

/// <summary>
/// A rule of the model names who may make a change and the actor is not that party (only a supervising
/// unit verifies an item). Unlike a missing permission it is decided by the entity itself; mapped to 403.
/// </summary>
public sealed class DomainForbiddenException(string field, string message) : DomainException(field, message);
