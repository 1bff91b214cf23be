using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Serialization;
using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Documents;

namespace Luoshi.Application.Documents.Evaluation;

/// <summary>A person a reader expects: the name, and the office written next to it (null when the text puts none there).</summary>
public sealed record ExpectedPerson(string Name, string? Role);

/// <summary>A quoted formulation a reader expects, without its quotes, and whether it is built on a number.</summary>
public sealed record ExpectedTerm(string Term, bool Numbered);

/// <summary>A figure a reader expects: what is measured, the number as written, its unit (null for a bare ratio), how a target is to be read, and whether it is a target.</summary>
public sealed record ExpectedFigure(string Subject, decimal Value, string? Unit, FigureQualifier? Qualifier, FigureKind Kind);

/// <summary>
/// What a careful reader extracts from one document (<c>NAME.expected.json</c> beside <c>NAME.txt</c>): every
/// property is optional, and a kind left out (null) is not scored for that document, while an empty list is
/// ("nothing of this kind here", so whatever is found counts as extra). <see cref="Absent"/> lists page
/// furniture that must not remain in the normalised text. The format is described in tests/extraction-eval/README.md.
/// </summary>
public sealed partial record ExpectedExtraction(
    string? Title,
    DateOnly? Date,
    IReadOnlyList<ExpectedPerson>? People,
    IReadOnlyList<ExpectedTerm>? Terms,
    IReadOnlyList<ExpectedFigure>? Figures,
    IReadOnlyList<string>? Absent)
{
    private static readonly JsonSerializerOptions Options = new(DocumentJson.Options)
    {
        // A misspelt key ("peoples") would otherwise leave a kind silently unscored.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>
    /// Reads an annotation. A file that is not valid JSON, or not in this shape, is refused with a message that
    /// names <paramref name="fileName"/> and, for JSON errors, the line.
    /// </summary>
    public static ExpectedExtraction Parse(string json, string fileName)
    {
        Shape? shape;
        try
        {
            shape = JsonSerializer.Deserialize<Shape>(json, Options);
        }
        catch (JsonException e)
        {
            long line = (e.LineNumber ?? 0) + 1;
            throw InputRefusedException.Single("file", new Text(
                $"{fileName} 第{line}行:不是有效的标注 JSON({Brief(e).Zh})",
                $"{fileName}, line {line}: not a valid annotation ({Brief(e).En})"));
        }

        if (shape is null)
        {
            throw Refused(fileName, new Text("内容为 null,应为对象", "the content is null, not an object"));
        }

        var people = shape.People?.Select((p, i) => new ExpectedPerson(
            Required(p?.Name, fileName, $"people[{i}].name"),
            string.IsNullOrWhiteSpace(p!.Role) ? null : p.Role.Trim())).ToList();
        var terms = shape.Terms?.Select((t, i) => new ExpectedTerm(
            Required(t?.Term, fileName, $"terms[{i}].term"),
            t!.Numbered ?? throw Missing(fileName, $"terms[{i}].numbered"))).ToList();
        var figures = shape.Figures?.Select((f, i) => new ExpectedFigure(
            Required(f?.Subject, fileName, $"figures[{i}].subject"),
            f!.Value ?? throw Missing(fileName, $"figures[{i}].value"),
            string.IsNullOrWhiteSpace(f.Unit) ? null : f.Unit.Trim(),
            f.Qualifier,
            f.Kind ?? throw Missing(fileName, $"figures[{i}].kind"))).ToList();
        var absent = shape.Absent?.Select((a, i) => string.IsNullOrWhiteSpace(a) ? throw Missing(fileName, $"absent[{i}]") : a).ToList();
        return new ExpectedExtraction(string.IsNullOrWhiteSpace(shape.Title) ? null : shape.Title.Trim(), shape.Date, people, terms, figures, absent);
    }

    private static Text Brief(JsonException e)
    {
        if (UnknownKey().Match(e.Message) is { Success: true } unknown)
        {
            return new Text($"未知的键 {unknown.Groups[1].Value}", $"unknown key '{unknown.Groups[1].Value}'");
        }

        var path = e.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : null;
        if (path is not null && e.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            var allowed = path.EndsWith(".qualifier", StringComparison.Ordinal) ? " (around, atLeast, atMost, range, stretch, null)"
                : path.EndsWith(".kind", StringComparison.Ordinal) ? " (target, actual)"
                : path == "date" ? " (yyyy-MM-dd)"
                : string.Empty;
            return new Text($"{path} 的值无法读取{allowed}", $"the value of {path} cannot be read{allowed}");
        }

        // The serializer's message ends with its own "Path: … | LineNumber: …" tail, which the line already says.
        var message = e.Message;
        int tail = message.IndexOf(" Path:", StringComparison.Ordinal);
        return Text.Same((tail > 0 ? message[..tail] : message).TrimEnd('.', ' '));
    }

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnknownKey();

    private static string Required(string? value, string fileName, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw Missing(fileName, field) : value.Trim();

    private static InputRefusedException Missing(string fileName, string field) =>
        Refused(fileName, new Text($"缺少 {field}", $"{field} is missing"));

    private static InputRefusedException Refused(string fileName, Text message) =>
        InputRefusedException.Single("file", new Text($"{fileName}:{message.Zh}", $"{fileName}: {message.En}"));

    private sealed record Shape(
        string? Title,
        DateOnly? Date,
        List<PersonShape?>? People,
        List<TermShape?>? Terms,
        List<FigureShape?>? Figures,
        List<string?>? Absent);

    private sealed record PersonShape(string? Name, string? Role);

    private sealed record TermShape(string? Term, bool? Numbered);

    private sealed record FigureShape(string? Subject, decimal? Value, string? Unit, FigureQualifier? Qualifier, FigureKind? Kind);
}
