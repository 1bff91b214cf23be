using Luoshi.Domain.Common;

namespace Luoshi.Domain.Policies;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 and the capitals without I, O, S, V and Z; the last is a
/// check character over the first 17. Each character stands for its index in <see cref="Alphabet"/>, position i
/// (from 0) weighs 3^i mod 31, and the check character is the one whose index is 31 − (Σ value × weight mod 31),
/// with 31 read as 0. Lower-case input is taken as upper case; anything else that does not check is refused.
/// </summary>
public static class CreditCode
{
    public const int Length = 18;

    /// <summary>The 31 characters of the code, in the order of their values 0–30.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = BuildWeights();

    /// <summary>The code in upper case when it is well formed and its check character agrees; otherwise a <see cref="DomainException"/> on <paramref name="field"/>.</summary>
    public static string Require(string? value, string field)
    {
        var code = value?.Trim().ToUpperInvariant() ?? string.Empty;
        if (code.Length != Length)
        {
            throw new DomainException(field, new Text($"统一社会信用代码须为{Length}位,此处为{code.Length}位", $"a unified social credit code has {Length} characters, not {code.Length}"));
        }

        for (int i = 0; i < Length; i++)
        {
            if (Alphabet.IndexOf(code[i], StringComparison.Ordinal) < 0)
            {
                throw new DomainException(field, new Text($"统一社会信用代码第{i + 1}位“{code[i]}”不是允许的字符(数字和除 I、O、S、V、Z 外的大写字母)", $"character {i + 1} ('{code[i]}') of the credit code is not allowed (digits and capitals other than I, O, S, V, Z)"));
            }
        }

        char check = CheckCharacter(code.AsSpan(0, Length - 1));
        if (code[^1] != check)
        {
            throw new DomainException(field, new Text($"统一社会信用代码校验位不符(第18位应为 {check})", $"the credit code's check character does not match (the 18th should be {check})"));
        }

        return code;
    }

    public static bool IsValid(string? value)
    {
        try
        {
            Require(value, "enterprise");
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }

    /// <summary>The check character of the first 17 characters (which must come from <see cref="Alphabet"/>).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1)
        {
            throw new ArgumentException("seventeen characters are needed", nameof(first17));
        }

        int sum = 0;
        for (int i = 0; i < first17.Length; i++)
        {
            int value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not a credit-code character", nameof(first17));
            }

            sum += value * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    private static int[] BuildWeights()
    {
        var weights = new int[Length - 1];
        int w = 1;
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = w;
            w = w * 3 % 31;
        }

        return weights;
    }
}
