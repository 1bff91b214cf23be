using System.Text.Json;
using System.Text.Json.Serialization;
using Luoshi.Application.Common;
using Luoshi.Domain.Assessment;
using Luoshi.Domain.Common;

namespace Luoshi.Application.Assessment;

/// <summary>
/// How schemes, results and the inputs of a run are written as JSON. Stored runs are verified by hashing these
/// very texts again, so the settings below are part of every stored hash: changing them makes old runs fail to verify.
/// </summary>
public static class SchemeJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,

        // Texts in stored results keep both languages (schemes and inputs hold none, so their hashes are unchanged).
        Converters = { new StoredTextJsonConverter() },
    };

    /// <summary>Reads a scheme, or refuses it naming the field that could not be read (criteria[0].points).</summary>
    public static Scheme Parse(string json)
    {
        Scheme? scheme;
        try
        {
            scheme = JsonSerializer.Deserialize<Scheme>(json, Options);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) ? "scheme" : e.Path.TrimStart('$', '.');
            var line = e.LineNumber is { } n ? $"第{n + 1}行" : string.Empty;
            throw new DomainException(field, new Text($"方案JSON有误:{line}{(field == "scheme" ? "无法读取" : $" {field} 的值类型或格式不对")}", $"the scheme JSON is invalid: {Parsing.Clip(e.Message)}"));
        }

        return scheme ?? throw new DomainException("scheme", new Text("方案为空", "the scheme is empty"));
    }

    /// <summary>The scheme as stored: one text for one meaning, whatever spacing or key case it was given in.</summary>
    public static string Canonical(Scheme scheme) => JsonSerializer.Serialize(scheme, Options);
}
