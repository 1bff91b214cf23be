using Luoshi.Domain.Common;

namespace Luoshi.Cli;

/// <summary>
/// The CLI's own words (help, labels, what a command reports) in the language chosen for this run (<c>--lang</c> or
/// <c>LUOSHI_LANG</c>; both when neither), picked when the words are made: the language is set before any command is built.
/// </summary>
internal static class Words
{
    public static string Of(string zh, string en) => new Text(zh, en).ToString();
}
