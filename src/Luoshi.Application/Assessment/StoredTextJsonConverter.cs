using System.Text.Json;
using System.Text.Json.Serialization;
using Luoshi.Domain.Common;

namespace Luoshi.Application.Assessment;

/// <summary>
/// A text inside a stored run's results: kept as <c>{"zh": …, "en": …}</c>, so that every later reader gets their
/// language. Runs stored before held one string in both languages; that string is read back into its two halves.
/// </summary>
internal sealed class StoredTextJsonConverter : JsonConverter<Text>
{
    public override Text Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return Legacy(reader.GetString() ?? string.Empty);
        }

        string? zh = null, en = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("a text is a string or an object {zh, en}");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (string.Equals(name, "zh", StringComparison.OrdinalIgnoreCase))
            {
                zh = reader.GetString();
            }
            else if (string.Equals(name, "en", StringComparison.OrdinalIgnoreCase))
            {
                en = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return new(zh ?? en ?? string.Empty, en ?? zh ?? string.Empty);
    }

    public override void Write(Utf8JsonWriter writer, Text value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("zh", value.Zh);
        writer.WriteString("en", value.En);
        writer.WriteEndObject();
    }

    /// <summary>
    /// An explanation stored before texts were kept in two fields ("zh1 / en1,zh2 / en2;note", as scoring then wrote it) taken apart into its
    /// Chinese and its English sentence; the note (the engine's reason, Chinese) stays with the Chinese.
    /// </summary>
    private static Text Legacy(string explanation)
    {
        var parts = explanation.Split(" / ");
        if (parts.Length < 2)
        {
            return Text.Same(explanation);
        }

        var zh = new System.Text.StringBuilder(parts[0]);
        var en = new List<string>();
        for (int i = 1; i < parts.Length; i++)
        {
            var part = parts[i];
            if (i < parts.Length - 1)
            {
                int comma = part.LastIndexOf(',');
                en.Add(comma < 0 ? part : part[..comma]);
                zh.Append(',').Append(comma < 0 ? string.Empty : part[(comma + 1)..]);
            }
            else
            {
                int semi = part.IndexOf(';');
                en.Add(semi < 0 ? part : part[..semi]);
                if (semi >= 0)
                {
                    zh.Append(';').Append(part[(semi + 1)..]);
                }
            }
        }

        return new(zh.ToString(), string.Join(", ", en));
    }
}
