using Luoshi.Domain.Documents;

namespace Luoshi.Application.Documents;

/// <summary>
/// Reads a file and extracts what it says, storing nothing: what <c>luoshi docs extract</c> prints, and the
/// first half of ingesting. Needs no database and no permission (it only reads what the caller hands it).
/// </summary>
public sealed class ExtractDocument(ITextConverter converter)
{
    public sealed record Result(ExtractionView View, DocumentExtraction Extraction, DocumentText Source, string Converter, string? Warning);

    public Result Handle(byte[] bytes, string? fileName)
    {
        var read = DocumentReader.Read(bytes, fileName);
        return Extract(read);
    }

    public Result Extract(DocumentText read)
    {
        var extraction = DocumentExtractor.Extract(read.Text, converter, read.TitleHint);
        return new Result(ExtractionView.From(extraction), extraction, read, converter.Name, converter.Warning);
    }
}
