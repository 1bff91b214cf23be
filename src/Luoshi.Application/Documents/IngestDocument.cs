using System.Text;
using System.Text.Json;
using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Documents;
using Luoshi.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Documents;

/// <summary>
/// Ingests a speech or meeting document (an uploaded .txt/.html/.docx/.pdf, or pasted text): keeps the original
/// bytes, the normalised text and the converter used, and turns the extracted directives, targets and
/// figures into items awaiting review. The same file twice is refused (409) and points at the first.
/// </summary>
public sealed class IngestDocument(Data.LuoshiDbContext db, ICurrentActor actor, TimeProvider clock, ExtractDocument extract)
{
    /// <summary>A year's government work report yields a few hundred items; a hundred times that is not a document to review.</summary>
    public const int MaxItems = 20_000;

    public sealed record PastedText(string? Title, string? Text, string? Source = null);

    public async Task<DocumentView> FromFile(byte[] bytes, string? fileName, string? title, CancellationToken ct)
    {
        actor.Require(Permission.ManagePlans);
        var read = DocumentReader.Read(bytes, fileName);
        var source = string.IsNullOrWhiteSpace(fileName) ? "upload" : Path.GetFileName(fileName);
        return await Store(bytes, read, source, title ?? Path.GetFileNameWithoutExtension(source), title is not null, ct);
    }

    public async Task<DocumentView> FromText(PastedText request, CancellationToken ct)
    {
        actor.Require(Permission.ManagePlans);
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            throw InputRefusedException.Single("text", new Text("文本不能为空", "the text is required"));
        }

        var bytes = Encoding.UTF8.GetBytes(request.Text);
        if (bytes.Length > Document.MaxOriginalBytes)
        {
            throw InputRefusedException.Single("text", new Text($"文本过长(上限{Document.MaxOriginalBytes / 1024 / 1024} MB)", $"the text is too long (at most {Document.MaxOriginalBytes / 1024 / 1024} MB)"));
        }

        var read = new DocumentText(request.Text, SourceFormat.Pasted, "utf-16", null);
        var fallback = string.IsNullOrWhiteSpace(request.Title) ? new Text("粘贴的文本", "pasted text").Bilingual : request.Title;
        return await Store(bytes, read, string.IsNullOrWhiteSpace(request.Source) ? "pasted" : request.Source.Trim(), fallback, !string.IsNullOrWhiteSpace(request.Title), ct);
    }

    private async Task<DocumentView> Store(byte[] bytes, DocumentText read, string source, string fallbackTitle, bool titleGiven, CancellationToken ct)
    {
        var sha = Document.HashOf(bytes);
        var existing = await db.Documents.Where(d => d.Sha256 == sha).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id)
        {
            throw new ConflictException("file", new Text($"该文件已导入(文件 {id})", $"this file was already ingested as document {id}"));
        }

        var result = extract.Extract(read);
        var x = result.Extraction;
        if (x.Directives.Count + x.Figures.Count > MaxItems)
        {
            throw InputRefusedException.Single("file", new Text($"抽取出的条目过多({x.Directives.Count + x.Figures.Count}条,上限{MaxItems}),请拆分文件", $"too many items extracted ({x.Directives.Count + x.Figures.Count}, at most {MaxItems}); split the document"));
        }

        var view = result.View;
        var items = new List<(DocumentItemKind, string, TextSpan, string)>();
        for (int i = 0; i < x.Directives.Count; i++)
        {
            items.Add((DocumentItemKind.Directive, x.Directives[i].Text, x.Directives[i].Sentence, ItemData.Of(view.Directives[i])));
        }

        for (int i = 0; i < x.Figures.Count; i++)
        {
            var f = x.Figures[i];
            items.Add((f.Kind == FigureKind.Target ? DocumentItemKind.Target : DocumentItemKind.Figure, f.Text, f.Sentence, ItemData.Of(view.Figures[i])));
        }

        var title = titleGiven ? fallbackTitle : x.Title ?? fallbackTitle;
        var document = Document.Create(
            title,
            x.Date,
            source,
            read.Format,
            read.Encoding,
            bytes,
            x.Text,
            result.Converter,
            JsonSerializer.Serialize(new StoredExtraction(view.People, view.Terms), DocumentJson.Options),
            items,
            x.Terms,
            Stamp.Of(actor.Name, clock.GetUtcNow()));
        db.Documents.Add(document);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two uploads of the same file raced; the unique hash kept one of them.
            db.ChangeTracker.Clear();
            if (await db.Documents.AsNoTracking().AnyAsync(d => d.Sha256 == sha, ct))
            {
                throw new ConflictException("file", new Text("该文件刚被他人导入", "someone else has just ingested this file"));
            }

            throw;
        }

        return DocumentJson.View(document);
    }
}
