using System.Security.Cryptography;
using Luoshi.Domain.Common;

namespace Luoshi.Domain.Documents;

/// <summary>The container a document arrived in.</summary>
public enum SourceFormat
{
    Text = 1,
    Html = 2,
    Docx = 3,

    /// <summary>Text pasted into the UI or posted as JSON.</summary>
    Pasted = 4,

    /// <summary>The text layer of a PDF; a form feed ends each page (docs/adr/0025).</summary>
    Pdf = 5,
}

/// <summary>Where the review of a document's extracted items stands.</summary>
public enum ReviewState
{
    /// <summary>Nothing decided yet.</summary>
    New = 1,
    InReview = 2,

    /// <summary>Every item accepted or rejected.</summary>
    Reviewed = 3,
}

public enum DocumentItemKind
{
    Directive = 1,
    Target = 2,
    Figure = 3,
}

public enum ItemDecision
{
    Pending = 1,
    Accepted = 2,
    Rejected = 3,
}

/// <summary>
/// 讲话/文件: a speech, report or meeting document as ingested — the original bytes (never altered, so the
/// extraction can be rerun and checked), the normalised text, which converter produced it, and the
/// extracted items a reviewer turns into plan items, targets and readings. Items are decided once; a
/// decision names what the item became (a plan item's code, a target, a reading).
/// </summary>
public sealed class Document
{
    public const int TitleMaxLength = 200;
    public const int SourceMaxLength = 260;
    public const int NoteMaxLength = 1000;

    /// <summary>A speech runs to tens of kilobytes; ten megabytes leaves room for long reports and heavy web pages.</summary>
    public const int MaxOriginalBytes = 10 * 1024 * 1024;

    private readonly List<DocumentItem> _items = [];
    private readonly List<DocumentTerm> _terms = [];

    private Document()
    {
        Title = string.Empty;
        Source = string.Empty;
        Encoding = string.Empty;
        Sha256 = string.Empty;
        Original = [];
        Text = string.Empty;
        Converter = string.Empty;
        ExtractionJson = "{}";
        IngestedBy = string.Empty;
    }

    public int Id { get; private set; }
    public string Title { get; private set; }
    public DateOnly? Date { get; private set; }
    public DateBasis? DateBasis { get; private set; }

    /// <summary>The file name, or "pasted".</summary>
    public string Source { get; private set; }
    public SourceFormat Format { get; private set; }

    /// <summary>How the bytes were read: utf-8, utf-8-bom, gb18030, a mix of both, utf-16…</summary>
    public string Encoding { get; private set; }

    /// <summary>Hex SHA-256 of <see cref="Original"/>: the same file ingested twice is recognised.</summary>
    public string Sha256 { get; private set; }
    public byte[] Original { get; private set; }
    public string Text { get; private set; }
    public string Converter { get; private set; }

    /// <summary>The whole extraction (people, terms, directives, figures) as the extractor produced it.</summary>
    public string ExtractionJson { get; private set; }
    public ReviewState State { get; private set; }
    public DateTimeOffset IngestedAt { get; private set; }
    public string IngestedBy { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<DocumentItem> Items => _items;
    public IReadOnlyList<DocumentTerm> Terms => _terms;

    public static string HashOf(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static Document Create(
        string title,
        DocumentDate? date,
        string source,
        SourceFormat format,
        string encoding,
        byte[] original,
        string text,
        string converter,
        string extractionJson,
        IEnumerable<(DocumentItemKind Kind, string Text, TextSpan Sentence, string Data)> items,
        IEnumerable<Formulation> terms,
        Stamp stamp)
    {
        ArgumentNullException.ThrowIfNull(original);
        if (original.Length == 0)
        {
            throw new DomainException("file", new Text("文件为空", "the file is empty"));
        }

        if (original.Length > MaxOriginalBytes)
        {
            throw new DomainException("file", new Text($"文件过大(上限{MaxOriginalBytes / 1024 / 1024} MB)", $"the file is too large (at most {MaxOriginalBytes / 1024 / 1024} MB)"));
        }

        if (!Enum.IsDefined(format))
        {
            throw new DomainException("format", new Text("文件格式无效", "unknown format"));
        }

        var doc = new Document
        {
            Title = Code.RequireText(Clip(title, TitleMaxLength), "title", TitleMaxLength),
            Date = date?.Date,
            DateBasis = date?.Basis,
            Source = Code.RequireText(Clip(source, SourceMaxLength), "source", SourceMaxLength),
            Format = format,
            Encoding = encoding,
            Sha256 = HashOf(original),
            Original = original,
            Text = text,
            Converter = converter,
            ExtractionJson = extractionJson,
            State = ReviewState.New,
            IngestedAt = stamp.At,
            IngestedBy = stamp.Actor,
            Version = 1,
        };
        int number = 0;
        foreach (var (kind, itemText, sentence, data) in items)
        {
            if (sentence.Start < 0 || sentence.End > text.Length)
            {
                throw new DomainException("items", new Text("条目的句子超出正文范围", "an item's sentence lies outside the text"));
            }

            doc._items.Add(new DocumentItem(++number, kind, itemText, sentence, data));
        }

        foreach (var term in terms)
        {
            doc._terms.Add(new DocumentTerm(term.Term, term.Count, term.Numbered));
        }

        return doc;
    }

    /// <summary>The sentence an item came from, as it stands in the normalised text.</summary>
    public string SentenceOf(DocumentItem item) => Text.Substring(item.SentenceStart, item.SentenceLength);

    /// <summary>The page an offset of the text stands on, for a document that came in pages (a PDF); null otherwise. See <see cref="PageMap"/>.</summary>
    public int? PageOf(int offset) => PageMap.Of(Text).PageOf(offset);

    public DocumentItem Item(int number) =>
        _items.FirstOrDefault(i => i.Number == number) ?? throw new DomainException("number", new Text($"文件没有第{number}条", $"the document has no item {number}"));

    /// <summary>Records that an item became something in the platform (<paramref name="linkedTo"/>, e.g. plan:T12).</summary>
    public void Accept(int number, DocumentItemKind expected, ItemLink linkedTo, Stamp stamp)
    {
        var item = Pending(number);
        if (item.Kind != expected)
        {
            throw new DomainException("number", new Text($"第{number}条是{item.Kind},不能作为{expected}接受", $"item {number} is a {item.Kind} and cannot be accepted as a {expected}"));
        }

        item.Decide(ItemDecision.Accepted, linkedTo, stamp);
        Touched();
    }

    public void Reject(int number, Stamp stamp)
    {
        Pending(number).Decide(ItemDecision.Rejected, null, stamp);
        Touched();
    }

    /// <summary>Refuses with a conflict when the item was already decided (someone else got there first).</summary>
    public DocumentItem Pending(int number)
    {
        var item = Item(number);
        if (item.Decision != ItemDecision.Pending)
        {
            throw new DomainConflictException("number", new Text($"第{number}条已处理({item.Decision})", $"item {number} was already {item.Decision.ToString().ToLowerInvariant()}"));
        }

        return item;
    }

    private void Touched()
    {
        State = _items.All(i => i.Decision != ItemDecision.Pending) ? ReviewState.Reviewed : ReviewState.InReview;
        Version++;
    }

    private static string Clip(string? s, int max)
    {
        var t = (s ?? string.Empty).Trim();
        return t.Length > max ? t[..(max - 1)] + "…" : t;
    }
}

/// <summary>An extracted item awaiting review, with the sentence it came from (offsets into the document's text).</summary>
public sealed class DocumentItem
{
    private DocumentItem()
    {
        Text = string.Empty;
        Data = "{}";
    }

    internal DocumentItem(int number, DocumentItemKind kind, string text, TextSpan sentence, string data)
    {
        Number = number;
        Kind = kind;
        Text = text.Length > 2000 ? text[..2000] : text;
        SentenceStart = sentence.Start;
        SentenceLength = sentence.Length;
        Data = data;
        Decision = ItemDecision.Pending;
    }

    public int DocumentId { get; private set; }

    /// <summary>1, 2, 3… within the document, in the order extracted.</summary>
    public int Number { get; private set; }
    public DocumentItemKind Kind { get; private set; }
    public string Text { get; private set; }
    public int SentenceStart { get; private set; }
    public int SentenceLength { get; private set; }

    /// <summary>The extracted item in full (verb and topic; or subject, value, unit, qualifier…), as JSON.</summary>
    public string Data { get; private set; }
    public ItemDecision Decision { get; private set; }

    /// <summary>What the item became, once accepted.</summary>
    public ItemLink? LinkedTo { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? Note { get; private set; }

    internal void Decide(ItemDecision decision, ItemLink? linkedTo, Stamp stamp)
    {
        Decision = decision;
        LinkedTo = linkedTo;
        DecidedBy = stamp.Actor;
        DecidedAt = stamp.At;
        Note = stamp.Reason is { Length: > Document.NoteMaxLength } r ? r[..Document.NoteMaxLength] : stamp.Reason;
    }
}

/// <summary>How often a document quoted a formulation: the rows the phrase timeline and the diff read.</summary>
public sealed class DocumentTerm
{
    private DocumentTerm()
    {
        Term = string.Empty;
    }

    internal DocumentTerm(string term, int count, bool numbered)
    {
        Term = term;
        Count = count;
        Numbered = numbered;
    }

    public int DocumentId { get; private set; }
    public string Term { get; private set; }
    public int Count { get; private set; }
    public bool Numbered { get; private set; }
}
