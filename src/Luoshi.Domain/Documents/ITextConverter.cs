namespace Luoshi.Domain.Documents;

/// <summary>
/// Turns traditional Chinese into simplified. The conversion needs a dictionary that lives outside the
/// domain (OpenCC, ICU), so the domain names only what it needs; <see cref="Name"/> says which one ran,
/// because extraction quality depends on it and reviewers should know.
/// </summary>
public interface ITextConverter
{
    string Name { get; }

    /// <summary>Set when the converter is a stand-in that cannot do the job (no dictionary was found).</summary>
    string? Warning { get; }

    string Convert(string text);
}

/// <summary>Leaves text as it is: for input already in simplified Chinese, and the last resort when no dictionary exists.</summary>
public sealed class NoTextConversion(string? warning = null) : ITextConverter
{
    public static readonly NoTextConversion Instance = new();

    public string Name => "none";
    public string? Warning { get; } = warning;
    public string Convert(string text) => text;
}
