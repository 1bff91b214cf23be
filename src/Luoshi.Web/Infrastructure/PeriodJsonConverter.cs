using System.Text.Json;
using System.Text.Json.Serialization;
using Luoshi.Domain.Common;

namespace Luoshi.Web.Infrastructure;

/// <summary>A period travels as its code ("2026-06"), never as an object.</summary>
public sealed class PeriodJsonConverter : JsonConverter<Period>
{
    public override Period Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Period.TryParse(reader.GetString(), out var p, out var error) ? p : throw new JsonException(error.ToString());

    public override void Write(Utf8JsonWriter writer, Period value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
