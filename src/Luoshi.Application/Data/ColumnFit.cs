using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Luoshi.Application.Data;

/// <summary>
/// The last check before a save: every text and amount about to be written fits the column the model gives it.
/// SQLite would keep a 10,000-character title in a 200-character column, a NUL, or 10^20 in an amount; PostgreSQL
/// refuses all three with an error the caller cannot act on. Checked here, against the model, both refuse
/// alike and by name. Amounts with more decimals than the column keeps are rounded as PostgreSQL rounds them
/// (half away from zero), so SQLite keeps the same value. The doors (request bodies, files) refuse most of this
/// first, with their own field names; this catches what a use case builds from several inputs.
/// </summary>
internal static class ColumnFit
{
    public static void Check(ChangeTracker tracker)
    {
        var errors = new List<FieldError>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var property in entry.Properties)
            {
                if (entry.State == EntityState.Modified && !property.IsModified)
                {
                    continue;
                }

                var field = Parsing.Camel(property.Metadata.Name);
                switch (property.CurrentValue)
                {
                    case string text:
                        if (property.Metadata.GetMaxLength() is { } max && text.Length > max)
                        {
                            errors.Add(new FieldError(field, new Text($"长度不能超过{max}", $"must be at most {max} characters")));
                        }
                        else if (Unstorable(text) is { } problem)
                        {
                            errors.Add(new FieldError(field, problem));
                        }

                        break;
                    case decimal amount when property.Metadata.GetPrecision() is { } precision:
                        int scale = property.Metadata.GetScale() ?? 0;
                        var rounded = Math.Round(amount, scale, MidpointRounding.AwayFromZero);
                        if (Math.Abs(rounded) >= Pow10(precision - scale))
                        {
                            errors.Add(new FieldError(field, new Text($"数值超出范围(绝对值应小于10^{precision - scale})", $"the number is out of range (its magnitude must stay below 10^{precision - scale})")));
                        }
                        else if (rounded != amount)
                        {
                            property.CurrentValue = rounded;
                        }

                        break;
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new InputRefusedException([.. errors.DistinctBy(e => e.Field)]);
        }
    }

    /// <summary>What no database here can store: NUL (PostgreSQL), half of a surrogate pair (not UTF-8).</summary>
    private static Text? Unstorable(string text)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return new Text("含有空字符(U+0000)", "contains a NUL character (U+0000)");
        }

        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return new Text("含有不成对的代理字符,不是有效的Unicode文本", "contains half of a surrogate pair: not valid Unicode text");
            }
        }

        return null;
    }

    private static decimal Pow10(int exponent)
    {
        decimal p = 1m;
        for (int i = 0; i < exponent && i < 28; i++)
        {
            p *= 10m;
        }

        return p;
    }
}
