using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Luoshi.Application.Common;
using Luoshi.Application.Documents;
using Luoshi.Domain.Documents;

namespace Luoshi.Application.Tests.Documents;

/// <summary>Files as they arrive: every encoding a Chinese page comes in, three containers, and the broken and the hostile.</summary>
public sealed class DocumentReaderTests
{
    private const string Speech = "省委书记张明在会上强调，要加快建设现代化产业体系。";

    static DocumentReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Encoding Gbk => Encoding.GetEncoding("GBK");

    [Fact]
    public void Utf8_WithAndWithoutByteOrderMark()
    {
        DocumentReader.Read(Encoding.UTF8.GetBytes(Speech), "a.txt").ShouldBe(new DocumentText(Speech, SourceFormat.Text, "utf-8", null));
        var bom = DocumentReader.Read([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Speech)], "a.txt");
        bom.Text.ShouldBe(Speech);
        bom.Encoding.ShouldBe("utf-8-bom");
    }

    [Fact]
    public void GbkBytes_AreReadAsGb18030()
    {
        var read = DocumentReader.Read(Gbk.GetBytes(Speech), "old.txt");

        read.Text.ShouldBe(Speech);
        read.Encoding.ShouldBe("gb18030");
    }

    [Fact]
    public void MixedUtf8AndGbkLines_AreEachReadInTheirOwnEncoding()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("第一行是UTF-8。\n"), .. Gbk.GetBytes("第二行是GBK编码。\n"), .. Encoding.UTF8.GetBytes("第三行又是UTF-8。")];

        var read = DocumentReader.Read(bytes, "mixed.txt");

        read.Text.ShouldBe("第一行是UTF-8。\n第二行是GBK编码。\n第三行又是UTF-8。");
        read.Encoding.ShouldBe("utf-8+gb18030");
    }

    [Fact]
    public void Utf16WithMark_IsRead()
    {
        DocumentReader.Read([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Speech)], "w.txt").Text.ShouldBe(Speech);
    }

    [Fact]
    public void TruncatedInTheMiddleOfACharacter_KeepsWhatIsWhole()
    {
        var bytes = Encoding.UTF8.GetBytes(Speech);

        var read = DocumentReader.Read(bytes[..^2], "cut.txt");

        read.Text.ShouldBe(Speech[..^1]);
        read.Encoding.ShouldBe("utf-8 (truncated)");
    }

    [Fact]
    public void Html_DeclaredGbk_DropsScriptsAndNavigation_AndKeepsTheTitle()
    {
        const string html = """
            <!DOCTYPE html><html><head><meta charset="gbk"><title>全省大会讲话_某某网</title><style>p{color:red}</style></head>
            <body><nav>首页 | 新闻</nav><script>var x = "要加快";</script>
            <div class="article"><h1>全省大会讲话</h1><p>要加快建设&nbsp;现代化产业体系。</p><p>确保增长5%以上。</p></div>
            <footer>版权所有</footer></body></html>
            """;

        var read = DocumentReader.Read(Gbk.GetBytes(html), "page.html");

        read.Format.ShouldBe(SourceFormat.Html);
        read.Encoding.ShouldBe("gb18030");
        read.TitleHint.ShouldBe("全省大会讲话_某某网");
        read.Text.ShouldContain("要加快建设\u00a0现代化产业体系。");
        read.Text.ShouldNotContain("var x");
        read.Text.ShouldNotContain("首页");
        read.Text.ShouldNotContain("版权所有");
        read.Text.ShouldNotContain("color");
    }

    [Fact]
    public void HtmlUnderATextName_IsRecognised()
    {
        DocumentReader.Read(Encoding.UTF8.GetBytes("<html><body><p>正文。</p></body></html>"), "saved.txt").Format.ShouldBe(SourceFormat.Html);
    }

    [Fact]
    public void Docx_ParagraphsBecomeLines_AndTheTitlePropertyIsKept()
    {
        var read = DocumentReader.Read(Docx("全市工作会议讲话", "市委书记张明强调：", "要加快建设现代化产业体系。"), "speech.docx");

        read.Format.ShouldBe(SourceFormat.Docx);
        read.TitleHint.ShouldBe("全市工作会议讲话");
        read.Text.ShouldBe("市委书记张明强调：\n要加快建设现代化产业体系。\n");
    }

    [Theory]
    [InlineData("empty.txt", new byte[0], "文件为空")]
    [InlineData("scan.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46 }, ".pdf")]
    [InlineData("old.doc", new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }, ".doc")]
    [InlineData("broken.docx", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x01 }, "docx")]
    [InlineData("image.txt", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00, 0x0D, 0x00, 0x00, 0x01, 0x02, 0x00, 0x00, 0x00, 0x03 }, "不是文本")]
    public void UnreadableFiles_AreRefusedNamingTheFile(string name, byte[] bytes, string says)
    {
        var e = Should.Throw<InputRefusedException>(() => DocumentReader.Read(bytes, name));

        e.Errors.ShouldHaveSingleItem().Field.ShouldBe("file");
        e.Errors[0].Message.Bilingual.ShouldContain(says);
    }

    [Fact]
    public void TruncatedDocx_IsRefused_NotACrash()
    {
        var docx = Docx("标题", "第一段。");

        var e = Should.Throw<InputRefusedException>(() => DocumentReader.Read(docx[..(docx.Length / 2)], "cut.docx"));

        e.Errors[0].Field.ShouldBe("file");
    }

    [Fact]
    public void HugeFiles_OverTheLimit_AreRefused_AndLargeOnesExtractWhole()
    {
        Should.Throw<InputRefusedException>(() => DocumentReader.Read(new byte[Luoshi.Domain.Documents.Document.MaxOriginalBytes + 1], "huge.txt")).Errors[0].Field.ShouldBe("file");

        // Five megabytes of speech in one line and in many lines: pathological backtracking would not finish (the speed
        // itself is not asserted here).
        var line = string.Concat(Enumerable.Repeat("要加快建设现代化产业体系，确保全省生产总值增长5.5%左右；", 60_000));
        var x = new ExtractDocument(NoTextConversion.Instance).Handle(Encoding.UTF8.GetBytes(line), "one-line.txt");
        var oneParagraph = new ExtractDocument(NoTextConversion.Instance).Handle(Encoding.UTF8.GetBytes(line.Replace("；", "。", StringComparison.Ordinal)), "one-paragraph.txt");
        var manyLines = string.Concat(Enumerable.Range(0, 60_000).Select(i => $"第{i}段要加快建设现代化产业体系，确保全省生产总值增长5.5%左右。\n"));
        var lines = new ExtractDocument(NoTextConversion.Instance).Handle(Encoding.UTF8.GetBytes(manyLines), "many-lines.txt");

        x.View.Figures.Count.ShouldBe(60_000);
        x.View.Directives.Count.ShouldBe(120_000);
        x.View.Directives[^1].Sentence.Text.Length.ShouldBe(SentenceRef.MaxText);
        lines.View.Directives.Count.ShouldBeGreaterThan(60_000);
        oneParagraph.View.Figures.Count.ShouldBe(60_000);
    }

    internal static byte[] Docx(string title, params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new Body(paragraphs.Select(p => new Paragraph(new Run(new Text(p))))));
            doc.PackageProperties.Title = title;
        }

        return stream.ToArray();
    }
}
