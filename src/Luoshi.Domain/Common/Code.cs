using System.Text.RegularExpressions;

namespace Luoshi.Domain.Common;

/// <summary>Shape checks for the codes that identify org units, indicators and plan items in files and URLs.</summary>
public static partial class Code
{
    public const int MaxLength = 32;

    /// <summary>Letters, digits, '.', '_' and '-', starting with a letter or digit (administrative codes such as 330100 fit).</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")]
    private static partial Regex CodePattern();

    public static string Require(string? value, string field)
    {
        var code = value?.Trim() ?? string.Empty;
        if (code.Length == 0)
        {
            throw new DomainException(field, new Text("代码不能为空", "code is required"));
        }

        if (!CodePattern().IsMatch(code))
        {
            throw new DomainException(field, new Text($"代码只能包含字母、数字、点、下划线和连字符,最长{MaxLength}位", $"code may hold letters, digits, '.', '_' and '-', at most {MaxLength} characters: '{(code.Length > 40 ? code[..40] + "…" : code)}'"));
        }

        return code;
    }

    public static string RequireText(string? value, string field, int maxLength)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            throw new DomainException(field, new Text("不能为空", "is required"));
        }

        if (text.Length > maxLength)
        {
            throw new DomainException(field, new Text($"长度不能超过{maxLength}", $"must be at most {maxLength} characters"));
        }

        if (text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            throw new DomainException(field, new Text("含有控制字符", "contains control characters"));
        }

        return text;
    }

    public static string? OptionalText(string? value, string field, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : RequireText(value, field, maxLength);
}
