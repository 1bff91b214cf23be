namespace Luoshi.Domain.Common;

/// <summary>
/// Something the public portal may show (公开): nothing is public until a planner switches it on, and a switch off
/// takes it out of every public page and file at once. <see cref="PublishedAt"/> is when it was last switched on (the
/// public feed announces it from then).
/// </summary>
public interface IPublishable
{
    bool IsPublic { get; }

    DateTimeOffset? PublishedAt { get; }

    /// <summary>Switches publication on or off; switching it to what it already is changes nothing.</summary>
    void Publish(bool on, DateTimeOffset at);
}
