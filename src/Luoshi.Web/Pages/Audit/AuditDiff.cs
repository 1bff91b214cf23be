using System.Globalization;
using System.Text.Json;

namespace Luoshi.Web.Pages.Audit;

/// <summary>One field of an entry: its value before and after, and whether the change touched it.</summary>
public sealed record AuditField(string Name, string? Before, string? After, bool Changed);

/// <summary>
/// Turns an entry's before/after JSON into rows a person reads: one per field, the changed ones marked. A
/// creation has only after, a deletion only before; an update records the changed fields (a reading's also its
/// value, state and comment, changed or not), and only the rows whose value moved are marked. Values that are not
/// JSON objects are shown as they are.
/// </summary>
public static class AuditDiff
{
    public const string Whole = "";

    public static IReadOnlyList<AuditField> Fields(string? before, string? after)
    {
        var b = Parse(before);
        var a = Parse(after);
        if (b is null && a is null)
        {
            return [];
        }

        var names = new List<string>();
        foreach (var name in (b?.Keys ?? Enumerable.Empty<string>()).Concat(a?.Keys ?? Enumerable.Empty<string>()))
        {
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }

        return [.. names.Select(n =>
        {
            string? was = null, now = null;
            var hadBefore = b?.TryGetValue(n, out was) == true;
            var hasAfter = a?.TryGetValue(n, out now) == true;
            return new AuditField(n, was, now, hadBefore != hasAfter || !string.Equals(was, now, StringComparison.Ordinal));
        })];
    }

    private static Dictionary<string, string?>? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new() { [Whole] = Show(doc.RootElement) };
            }

            return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => Show(p.Value), StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return new() { [Whole] = json };
        }
    }

    private static string? Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.TryGetDecimal(out var d) ? d.ToString(CultureInfo.InvariantCulture) : value.GetRawText(),
        _ => value.GetRawText(),
    };
}
