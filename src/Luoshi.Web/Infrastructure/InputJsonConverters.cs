using System.Text.Json;
using System.Text.Json.Serialization;
using Luoshi.Domain.Common;

namespace Luoshi.Web.Infrastructure;

/// <summary>A JSON value read but refused: what is wrong with it. The serializer adds the path, which names the field.</summary>
public sealed class JsonValueRefusedException(Text reason) : JsonException(reason.Bilingual)
{
    public Text Reason { get; } = reason;
}

/// <summary>Every string of every request body passes here: text that <see cref="InputText"/> refuses never reaches a use case.</summary>
public sealed class CheckedStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is not null && InputText.Problem(text) is { } problem ? throw new JsonValueRefusedException(problem) : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var name = reader.GetString()!;
        return InputText.Problem(name) is { } problem ? throw new JsonValueRefusedException(problem) : name;
    }

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);
}

/// <summary>
/// Decimals in: refused beyond what the amount columns hold (|value| &lt; 10^14, <see cref="Numbers.Limit"/>), so
/// that both databases refuse alike and by name. Decimals out: without the trailing zeros of their stored scale
/// (21, not 21.000000).
/// </summary>
public sealed class NormalizedDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetDecimal();
        return Math.Abs(value) >= Numbers.Limit ? throw new JsonValueRefusedException(Numbers.OutOfRange) : value;
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(Numbers.Normalize(value));
}
