using System.Text.Json;
using System.Text.Json.Serialization;
using Luoshi.Domain.Common;
using Luoshi.Domain.Documents;

namespace Luoshi.Application.Documents;

/// <summary>
/// A sentence of the normalised text: offsets (UTF-16) and the sentence itself, cut at
/// <see cref="MaxText"/> characters (text that lost its punctuation can run to megabytes; the offsets stay exact),
/// and the page of the source it stands on (a PDF's; null for a source without pages).
/// </summary>
public sealed record SentenceRef(int Start, int Length, string Text, int? Page = null)
{
    public const int MaxText = 1000;

    public static SentenceRef Of(string text, TextSpan span, PageMap pages) =>
        new(span.Start, span.Length, span.Length <= MaxText ? span.Of(text) : text.Substring(span.Start, MaxText - 1) + "…", pages.PageOf(span.Start));
}

public sealed record PersonView(string Name, string? Role, SentenceRef Sentence);

/// <summary>A formulation, its quoted count, whether it is numbered, the count written outside the quotes, and the sentence it first appears in.</summary>
public sealed record TermView(
    string Term,
    int Count,
    bool Numbered,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Numeral,
    SentenceRef Sentence);

/// <summary>A candidate task: its text (offsets <see cref="Start"/>/<see cref="Length"/>), deployment verb, topic and broad area.</summary>
public sealed record DirectiveView(string Text, string Verb, string? Topic, string Area, int Start, int Length, SentenceRef Sentence);

/// <summary>
/// A figure. <see cref="Value"/> is the figure (the "to" of a from→to pair, whose "from" is <see cref="From"/>);
/// <see cref="PeriodCode"/> suggests the reporting period its period words mean in the document's year.
/// </summary>
public sealed record FigureView(
    string Subject,
    decimal Value,
    string Unit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Measure,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Period,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? PeriodCode,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FigureQualifier? Qualifier,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Upper,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Stretch,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? From,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Comparison,
    FigureKind Kind,
    string Text,
    int Start,
    int Length,
    SentenceRef Sentence);

/// <summary>
/// The extraction as the CLI prints it (<c>luoshi docs extract --format json</c>): title, date (ISO),
/// people, terms, directives, figures, and the normalised text. Terms and names are in simplified Chinese.
/// </summary>
public sealed record ExtractionView(
    string? Title,
    DateOnly? Date,
    IReadOnlyList<PersonView> People,
    IReadOnlyList<TermView> Terms,
    IReadOnlyList<DirectiveView> Directives,
    IReadOnlyList<FigureView> Figures,
    string Text)
{
    public static ExtractionView From(DocumentExtraction x)
    {
        var text = x.Text;
        var pages = PageMap.Of(text);
        int? year = x.Date?.Date.Year;

        // Items of one sentence share its reference: a sentence that lost its punctuation may hold thousands of them.
        // Keyed by the whole span: a page's author points at the empty span at 0, not at the first sentence.
        var sentences = new Dictionary<TextSpan, SentenceRef>();
        SentenceRef Of(TextSpan span)
        {
            if (!sentences.TryGetValue(span, out var sentence))
            {
                sentences[span] = sentence = SentenceRef.Of(text, span, pages);
            }

            return sentence;
        }

        return new ExtractionView(
            x.Title,
            x.Date?.Date,
            [.. x.People.Select(p => new PersonView(p.Name, p.Role, Of(p.Sentence)))],
            [.. x.Terms.Select(t => new TermView(t.Term, t.Count, t.Numbered, t.Numeral, Of(t.Sentence)))],
            [.. x.Directives.Select(d => new DirectiveView(d.Text, d.Verb, d.Topic, d.Area, d.Span.Start, d.Span.Length, Of(d.Sentence)))],
            [.. x.Figures.Select(f => Figure(f, year, Of(f.Sentence)))],
            text);
    }

    private static FigureView Figure(Figure f, int? year, SentenceRef sentence) => new(
        f.Subject,
        Numbers.Normalize(f.Value),
        f.Unit,
        f.Measure,
        f.Period,
        DocumentPeriods.Suggest(f.Period, year)?.ToString(),
        f.Qualifier,
        f.Upper is { } u ? Numbers.Normalize(u) : null,
        f.Stretch is { } s ? Numbers.Normalize(s) : null,
        f.From is { } from ? Numbers.Normalize(from) : null,
        f.Comparison,
        f.Kind,
        f.Text,
        f.Span.Start,
        f.Span.Length,
        sentence);
}

/// <summary>A document in a list: its items by kind (directives, targets, stated figures) and how many still await review.</summary>
public sealed record DocumentSummary(
    int Id,
    string Title,
    DateOnly? Date,
    DateBasis? DateBasis,
    string Source,
    SourceFormat Format,
    ReviewState State,
    int Items,
    int Pending,
    DateTimeOffset IngestedAt,
    string IngestedBy,
    int Directives = 0,
    int Targets = 0,
    int Figures = 0);

/// <summary>An extracted item under review: what it is, its sentence, the extracted data, and the decision taken on it.</summary>
public sealed record DocumentItemView(
    int Number,
    DocumentItemKind Kind,
    string Text,
    SentenceRef Sentence,
    JsonElement Data,
    ItemDecision Decision,
    string? LinkedTo,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? Note);

/// <summary>
/// A document with everything a review page needs: the normalised text, the converter that produced it,
/// the people and formulations found, and the items (directives, targets, figures) with their decisions.
/// The text of a paged source (a PDF) keeps a form feed at the end of each page, and <see cref="Pages"/>
/// counts them (null for a source without pages); each sentence reference carries its page.
/// </summary>
public sealed record DocumentView(
    int Id,
    string Title,
    DateOnly? Date,
    DateBasis? DateBasis,
    string Source,
    SourceFormat Format,
    string Encoding,
    string Sha256,
    int Bytes,
    string Converter,
    ReviewState State,
    DateTimeOffset IngestedAt,
    string IngestedBy,
    int Version,
    IReadOnlyList<PersonView> People,
    IReadOnlyList<TermView> Terms,
    IReadOnlyList<DocumentItemView> Items,
    string Text,
    int? Pages = null);

/// <summary>What the stored extraction keeps beside the items: people and terms (the text is stored once, in the document).</summary>
internal sealed record StoredExtraction(IReadOnlyList<PersonView> People, IReadOnlyList<TermView> Terms);

/// <summary>JSON spelled as the API spells it (camelCase, enums as camelCase strings), for what the application stores as JSON.</summary>
public static class DocumentJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        return o;
    }

    internal static DocumentView View(Document d)
    {
        var pages = PageMap.Of(d.Text);
        var stored = JsonSerializer.Deserialize<StoredExtraction>(d.ExtractionJson, Options) ?? new StoredExtraction([], []);
        return new DocumentView(
            d.Id,
            d.Title,
            d.Date,
            d.DateBasis,
            d.Source,
            d.Format,
            d.Encoding,
            d.Sha256,
            d.Original.Length,
            d.Converter,
            d.State,
            d.IngestedAt,
            d.IngestedBy,
            d.Version,
            stored.People,
            stored.Terms,
            [.. d.Items.OrderBy(i => i.Number).Select(i => Item(d, i, pages))],
            d.Text,
            pages.Paged ? pages.Pages : null);
    }

    internal static DocumentItemView Item(Document d, DocumentItem i) => Item(d, i, PageMap.Of(d.Text));

    private static DocumentItemView Item(Document d, DocumentItem i, PageMap pages)
    {
        using var data = JsonDocument.Parse(i.Data);
        return new DocumentItemView(
            i.Number,
            i.Kind,
            i.Text,
            SentenceRef.Of(d.Text, new TextSpan(i.SentenceStart, i.SentenceLength), pages),
            data.RootElement.Clone(),
            i.Decision,
            i.LinkedTo?.ToString(),
            i.DecidedBy,
            i.DecidedAt,
            i.Note);
    }

    internal static DocumentSummary Summary(Document d, int items, int pending) =>
        new(d.Id, d.Title, d.Date, d.DateBasis, d.Source, d.Format, d.State, items, pending, d.IngestedAt, d.IngestedBy);
}
