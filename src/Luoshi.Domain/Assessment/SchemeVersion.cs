using Luoshi.Domain.Common;

namespace Luoshi.Domain.Assessment;

/// <summary>
/// One version of a scheme, stored as the JSON it was given. A stored version is never changed, since runs point
/// at it and are verified against it: a changed scheme is a new version of its name and year.
/// </summary>
public sealed class SchemeVersion
{
    public const int NameMaxLength = 200;

    private SchemeVersion()
    {
        Name = string.Empty;
        Json = string.Empty;
        CreatedBy = string.Empty;
    }

    public int Id { get; private set; }
    public string Name { get; private set; }
    public int Year { get; private set; }
    public int Version { get; private set; }

    /// <summary>The scheme in its canonical JSON: two schemes that say the same thing have the same text.</summary>
    public string Json { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; }

    /// <summary>
    /// The version a scheme is stored as: <paramref name="latest"/> itself when the scheme says the same
    /// (<paramref name="canonicalJson"/> equal), otherwise a new version numbered after it.
    /// </summary>
    /// <param name="latest">The highest version of the same name and year, if any.</param>
    public static SchemeVersion Of(Scheme scheme, string canonicalJson, SchemeVersion? latest, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentException.ThrowIfNullOrEmpty(canonicalJson);
        // Kept as written, not trimmed: the store finds a scheme's versions by the name the JSON carries.
        var name = scheme.Name;
        Code.RequireText(name, "name", NameMaxLength);
        if (name.Length > NameMaxLength)
        {
            throw new DomainException("name", new Text($"长度不能超过{NameMaxLength}", $"must be at most {NameMaxLength} characters"));
        }

        if (latest is not null && (latest.Name != name || latest.Year != scheme.Year))
        {
            throw new ArgumentException($"the latest version given is of {latest.Name} {latest.Year}, not of {name} {scheme.Year}", nameof(latest));
        }

        if (latest is not null && latest.Json == canonicalJson)
        {
            return latest;
        }

        return new SchemeVersion
        {
            Name = name,
            Year = scheme.Year,
            Version = (latest?.Version ?? 0) + 1,
            Json = canonicalJson,
            CreatedAt = at.ToUniversalTime(),
            CreatedBy = Code.RequireText(by, "actor", Stamp.ActorMaxLength),
        };
    }
}
