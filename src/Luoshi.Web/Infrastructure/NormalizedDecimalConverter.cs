using System.Text.Json;
using System.Text.Json.Serialization;
using Luoshi.Domain.Common;

namespace Luoshi.Web.Infrastructure;

/// <summary>Writes decimals without the trailing zeros of their stored scale (21, not 21.000000).</summary>
public sealed class NormalizedDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(Numbers.Normalize(value));
}
