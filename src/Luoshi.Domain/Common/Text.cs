using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Luoshi.Domain.Common;

/// <summary>Which language a reader gets: Chinese, English, or both ("中文 / English") when the reader chose neither.</summary>
public enum Language : byte
{
    Both = 0,
    Chinese = 1,
    English = 2,
}

/// <summary>
/// A sentence for people, written in Chinese and in English. The language is chosen when the text is written out,
/// not when it is made: <see cref="ToString"/> follows the current UI culture (a page's chosen language, an API
/// request's <c>Accept-Language</c>, the CLI's <c>--lang</c>), and gives both, Chinese first, where no language was
/// chosen (the invariant culture of a job or a plain CLI run). Text that is stored or logged should be written with
/// <see cref="Bilingual"/>, so that whoever reads it later can still read it.
/// </summary>
[JsonConverter(typeof(TextJsonConverter))]
public readonly record struct Text(string Zh, string En)
{
    /// <summary>Text that reads the same in both languages (a code, a figure, a user's own words).</summary>
    public static Text Same(string text) => new(text, text);

    /// <summary>The language of the current UI culture: zh → Chinese, en → English, anything else → both.</summary>
    public static Language Current => LanguageOf(CultureInfo.CurrentUICulture);

    public static Language LanguageOf(CultureInfo culture) => culture.TwoLetterISOLanguageName switch
    {
        "zh" => Language.Chinese,
        "en" => Language.English,
        _ => Language.Both,
    };

    /// <summary>The culture that selects <paramref name="language"/> (the invariant culture for both).</summary>
    public static CultureInfo CultureOf(Language language) => language switch
    {
        Language.Chinese => CultureInfo.GetCultureInfo("zh-CN"),
        Language.English => CultureInfo.GetCultureInfo("en"),
        _ => CultureInfo.InvariantCulture,
    };

    /// <summary>Both languages, Chinese first: "中文 / English" ("中文（…）/ English" after a full-width bracket).</summary>
    public string Bilingual => Zh == En ? Zh : Zh.EndsWith('）') ? $"{Zh}/ {En}" : $"{Zh} / {En}";

    public string In(Language language) => language switch
    {
        Language.Chinese => Zh,
        Language.English => En,
        _ => Bilingual,
    };

    public override string ToString() => In(Current);
}

/// <summary>
/// On the wire a text is one string in the reader's language (see <see cref="Text.ToString"/>), so JSON keys and
/// shapes stay what they were; a string read back is taken as the same in both languages.
/// </summary>
public sealed class TextJsonConverter : JsonConverter<Text>
{
    public override Text Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Text.Same(reader.GetString() ?? string.Empty);

    public override void Write(Utf8JsonWriter writer, Text value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
