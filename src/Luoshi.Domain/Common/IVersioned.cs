namespace Luoshi.Domain.Common;

/// <summary>
/// An aggregate edited under optimistic concurrency: a client sends back the <see cref="Version"/> it read, and a
/// stale one is refused. The version is raised by the persistence layer, once per save that changes the aggregate,
/// so that several setters in one edit make one increment and no caller can forget (or repeat) it.
/// </summary>
public interface IVersioned
{
    int Version { get; }
}
