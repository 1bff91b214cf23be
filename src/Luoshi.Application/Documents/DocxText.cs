using System.IO.Packaging;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Luoshi.Domain.Documents;

namespace Luoshi.Application.Documents;

/// <summary>The paragraphs of a Word (.docx) document as lines of text, and its title property when set.</summary>
internal static class DocxText
{
    public static DocumentText Read(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var doc = WordprocessingDocument.Open(stream, false);
            var body = doc.MainDocumentPart?.Document?.Body
                ?? throw DocumentReader.Refused(new Domain.Common.Text("docx 文件没有正文", "the .docx file has no body"));
            var sb = new StringBuilder();
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                foreach (var element in paragraph.Descendants())
                {
                    switch (element)
                    {
                        case Text t:
                            sb.Append(t.Text);
                            break;
                        case TabChar:
                            sb.Append(' ');
                            break;
                        case Break or CarriageReturn:
                            sb.Append('\n');
                            break;
                    }
                }

                sb.Append('\n');
                if (sb.Length > TextNormalizer.MaxChars)
                {
                    throw DocumentReader.Refused(new Domain.Common.Text("docx 文件的文字过多", "the .docx file holds too much text"));
                }
            }

            var title = doc.PackageProperties.Title;
            return new DocumentText(sb.ToString(), SourceFormat.Docx, "docx", string.IsNullOrWhiteSpace(title) ? null : title);
        }
        catch (Exception e) when (e is not Common.InputRefusedException && Spreadsheets.OpenXmlDamage.Is(e))
        {
            throw DocumentReader.Refused(new Domain.Common.Text("无法读取 docx 文件(已损坏或不是 Word 文档)", $"the .docx file cannot be read (damaged, or not a Word document): {e.Message}"));
        }
    }
}
