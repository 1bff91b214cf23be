using System.Text.Json;
using Luoshi.Domain.Documents;

namespace Luoshi.Application.Documents;

/// <summary>
/// What <see cref="DocumentItem.Data"/> holds, by the item's kind: a directive's <see cref="DirectiveView"/>, or a target's
/// or stated figure's <see cref="FigureView"/>, as JSON spelled as the API spells it. The one place that writes and
/// reads that JSON; the column keeps the text it always had, and the API serves it as stored.
/// </summary>
public static class ItemData
{
    internal static string Of(DirectiveView directive) => JsonSerializer.Serialize(directive, DocumentJson.Options);

    internal static string Of(FigureView figure) => JsonSerializer.Serialize(figure, DocumentJson.Options);

    /// <summary>A target's or a stated figure's data; null for a directive.</summary>
    public static FigureView? Figure(DocumentItemKind kind, string data) =>
        kind == DocumentItemKind.Directive ? null : JsonSerializer.Deserialize<FigureView>(data, DocumentJson.Options);

    /// <inheritdoc cref="Figure(DocumentItemKind, string)"/>
    public static FigureView? Figure(DocumentItemKind kind, JsonElement data) =>
        kind == DocumentItemKind.Directive ? null : data.Deserialize<FigureView>(DocumentJson.Options);

    /// <summary>A directive's data; null for a target or a figure.</summary>
    public static DirectiveView? Directive(DocumentItemKind kind, JsonElement data) =>
        kind == DocumentItemKind.Directive ? data.Deserialize<DirectiveView>(DocumentJson.Options) : null;

    /// <summary>The figure a target or stated-figure item carries.</summary>
    internal static FigureView Figure(DocumentItem item) =>
        Figure(item.Kind, item.Data) ?? throw new InvalidOperationException($"item {item.Number} carries no figure");
}
