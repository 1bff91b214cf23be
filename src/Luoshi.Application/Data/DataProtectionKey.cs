namespace Luoshi.Application.Data;

/// <summary>
/// One key of the web tier's data-protection key ring (sign-in cookies, antiforgery tokens), kept in the
/// database so that every server behind the proxy reads and writes the same ring (docs/adr/0013).
/// </summary>
public sealed class DataProtectionKey
{
    public int Id { get; private set; }

    /// <summary>The key's id as data protection names it.</summary>
    public string? FriendlyName { get; init; }

    /// <summary>The key element as data protection serialised it.</summary>
    public required string Xml { get; init; }
}
