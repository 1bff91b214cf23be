using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Luoshi.Application.Common;
using Luoshi.Application.Documents;
using Luoshi.Domain.Documents;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Luoshi.Application.Tests.Documents;

/// <summary>
/// Real PDFs: printed by Chromium from the HTML in Fixtures/ (a three-page work report in a TrueType CID font with a
/// running header and "- N -" page numbers; a notice in two columns whose Type 3 font maps 一 to the Kangxi radical ⼀;
/// a scan; an encrypted and a copy-protected file, made with qpdf), and others built here with PdfPig's writer.
/// </summary>
public sealed partial class PdfTextTests
{
    internal static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Documents", "Fixtures", name));

    private static string[] Pages(string text) => [.. text.Split('\f')[..^1].Select(p => p.Trim('\n'))];

    [Fact]
    public void WorkReport_ReadsAsParagraphs_PageByPage_WithoutHeadersFootersOrPageNumbers()
    {
        var read = DocumentReader.Read(Fixture("work-report.pdf"), "work-report.pdf");

        read.Format.ShouldBe(SourceFormat.Pdf);
        read.Encoding.ShouldBe("pdf");
        read.TitleHint.ShouldBe("2026年某省政府工作报告");
        read.Text.ShouldEndWith("\f");
        var pages = Pages(read.Text);
        pages.Length.ShouldBe(3);
        pages[0].ShouldStartWith("政府工作报告\n——2026年1月20日在某省第十四届人民代表大会第五次会议上\n一、2025年工作回顾\n");
        pages[1].ShouldStartWith("二、2026年主要目标\n");
        pages[2].ShouldStartWith("三、2026年重点工作\n");

        // Wrapped lines join back into their paragraph; the page's running header and "- 2 -" are gone.
        read.Text.ShouldContain("\n过去一年，面对复杂严峻的外部环境，全省上下坚定不移深入实施“八八战略”，经济运行稳中有进。全省生产总值增长5.6%，高于全国0.6个百分点；一般公共预算收入增长4.1%。\n");
        read.Text.ShouldNotContain("某省人民政府文件");
        read.Text.ShouldNotContain("- 2 -");
        read.Text.Split('\n', '\f').ShouldNotContain(line => BarePageNumber().IsMatch(line));

        // Chinese takes no spaces, however the justification spread the characters; Latin words keep theirs.
        CjkSpace().IsMatch(read.Text).ShouldBeFalse(read.Text);
        read.Text.ShouldContain("推进AI Plus行动");
        read.Text.ShouldContain("R&D经费投入强度达到3.2%");
    }

    [Fact]
    public void ASentenceRunningOverThePageBreak_StaysWhole_OnThePageItBegan()
    {
        var read = DocumentReader.Read(Fixture("work-report.pdf"), "work-report.pdf");

        var x = DocumentExtractor.Extract(read.Text, NoTextConversion.Instance, read.TitleHint);

        var straddling = x.Sentences.Single(s => s.Text.StartsWith("要着力扩大有效投资", StringComparison.Ordinal));
        straddling.Text.ShouldEndWith("提高投资效益，以高质量投资促进高质量发展，确保全省固定资产投资增长5%以上，为全年经济社会发展目标任务的完成提供坚实支撑。");
        straddling.Page.ShouldBe(2);
        x.Sentences.First().Text.ShouldBe("政府工作报告");
        x.Sentences.First().Page.ShouldBe(1);
        x.Sentences.Single(s => s.Text == "二、2026年主要目标").Page.ShouldBe(2);
        x.Sentences.Single(s => s.Text == "三、2026年重点工作").Page.ShouldBe(3);
        x.Sentences.Single(s => s.Text.StartsWith("要持续优化营商环境", StringComparison.Ordinal)).Page.ShouldBe(3);
        x.Sentences.ShouldAllBe(s => s.Page != null);
    }

    [Fact]
    public void Extract_TargetsAndFiguresReportTheirPage_InTheJsonToo()
    {
        var result = new ExtractDocument(NoTextConversion.Instance).Handle(Fixture("work-report.pdf"), "work-report.pdf");
        var view = result.View;

        view.Title.ShouldBe("政府工作报告");
        var gdpTarget = view.Figures.Single(f => f.Kind == FigureKind.Target && f.Subject == "全省生产总值");
        gdpTarget.Value.ShouldBe(5.5m);
        gdpTarget.Sentence.Page.ShouldBe(2);
        view.Figures.Single(f => f.Kind == FigureKind.Actual && f.Subject == "全省生产总值").Sentence.Page.ShouldBe(1);
        view.Directives.Single(d => d.Text == "深化科技创新").Sentence.Page.ShouldBe(3);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(view, DocumentJson.Options));
        var figure = json.RootElement.GetProperty("figures").EnumerateArray().First(f => f.GetProperty("kind").GetString() == "target");
        figure.GetProperty("sentence").GetProperty("page").GetInt32().ShouldBe(2);
        json.RootElement.GetProperty("text").GetString()!.Count(c => c == '\f').ShouldBe(3);
    }

    [Fact]
    public void TwoColumns_ReadLeftThenRight_AndKangxiRadicalsBecomeIdeographs()
    {
        var read = DocumentReader.Read(Fixture("notice.pdf"), "notice.pdf");

        var text = read.Text;
        text.ShouldStartWith("关于做好2026年一季度经济工作的通知\n");
        text.IndexOf("左栏第二段", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("右栏第一段", StringComparison.Ordinal));
        text.IndexOf("右栏第一段", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("右栏第二段", StringComparison.Ordinal));

        // The paragraph that runs from the foot of the left column to the head of the right one is one paragraph.
        text.ShouldContain("\n左栏第二段：各地要抓紧谋划一批重大项目，确保一季度开工项目数量不少于去年同期。\n");
        text.ShouldContain("要加快推进“Made in Zhejiang”品牌建设");
        text.ShouldContain("增长6%以上");
        text.ShouldNotContain("第1页");
        text.ShouldNotContain("第2页");
        text.Any(c => c is >= '\u2E80' and <= '\u2FDF').ShouldBeFalse(text);
        CjkSpace().IsMatch(text).ShouldBeFalse(text);
        Pages(text).Select(p => p.Split('\n')[0]).ShouldBe(["关于做好2026年一季度经济工作的通知", "第二页正文：要严格落实安全生产责任制，坚决防范遏制重特大事故发生。"]);

        // Chromium recorded the file name as the title: no title at all is better.
        read.TitleHint.ShouldBeNull();
    }

    [Theory]
    [InlineData("upload")]
    [InlineData("notice.txt")]
    [InlineData("notice.docx")]
    public void PdfBytes_AreReadAsPdf_WhateverTheName(string name)
    {
        DocumentReader.Read(Fixture("notice.pdf"), name).Format.ShouldBe(SourceFormat.Pdf);
    }

    [Fact]
    public void CopyProtectedPdf_WithoutAnOpenPassword_IsRead()
    {
        var read = DocumentReader.Read(Fixture("protected.pdf"), "protected.pdf");

        read.Text.ShouldBe("要抓好一季度经济工作，确保开门红。\f");
        read.TitleHint.ShouldBe("一季度工作提示");
    }

    [Fact]
    public void ScannedPdf_IsRefused_AskingForOcr()
    {
        var e = Refused(Fixture("scanned.pdf"), "scanned.pdf");

        e.Zh.ShouldBe("scanned.pdf:PDF 没有文字层(可能是扫描件),请先做文字识别(OCR)或上传文字版");
        e.En.ShouldBe("scanned.pdf: the PDF has no text layer (probably a scan): run OCR first or upload a text version");
    }

    [Fact]
    public void ImageOnlyPdf_BuiltHere_IsRefusedAsAScan_AndAnEmptyOneAsHoldingNoText()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4).AddPng(Fixture("scanned-page.png"), new PdfRectangle(50, 600, 545, 675));
        builder.AddPage(PageSize.A4).AddPng(Fixture("scanned-page.png"), new PdfRectangle(50, 600, 545, 675));
        var scan = builder.Build();
        var empty = new PdfDocumentBuilder();
        empty.AddPage(PageSize.A4);

        Refused(scan, "two-pages.pdf").Bilingual.ShouldContain("OCR");
        Refused(empty.Build(), "blank.pdf").Zh.ShouldBe("blank.pdf:PDF 里没有可读的文字");
    }

    [Fact]
    public void EncryptedPdf_IsRefused_AskingForAnUnencryptedVersion()
    {
        var e = Refused(Fixture("encrypted.pdf"), "encrypted.pdf");

        e.Zh.ShouldBe("encrypted.pdf:PDF 已加密,需要密码才能打开;请上传未加密的版本");
        e.En.ShouldContain("encrypted");
    }

    [Theory]
    [InlineData(50)]
    [InlineData(90)]
    public void TruncatedPdf_IsRefusedAsDamaged(int percent)
    {
        var whole = Fixture("work-report.pdf");

        var e = Refused(whole[..(whole.Length * percent / 100)], "cut.pdf");

        e.Zh.ShouldBe("cut.pdf:无法读取 PDF 文件(已损坏、不完整或不是 PDF)");
    }

    [Theory]
    [InlineData("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF")]
    [InlineData("%PDF-")]
    [InlineData("这不是 PDF,只是改了扩展名的文本。")]
    public void CorruptOrFakePdf_IsRefusedNamingTheFile(string content)
    {
        var e = Refused(Encoding.UTF8.GetBytes(content), "report.pdf");

        e.Bilingual.ShouldContain("report.pdf");
    }

    [Fact]
    public void LatinTextBuiltWithPdfPig_KeepsItsSpaces_DropsTheRunningHeader_AndTakesAMeaningfulTitle()
    {
        var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = "Microsoft Word - 2026年政府工作报告.docx";
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (int n = 1; n <= 3; n++)
        {
            var page = builder.AddPage(PageSize.A4);
            page.AddText("Provincial Government Bulletin", 9, new PdfPoint(230, 805), font);
            page.AddText($"Section {n} opens with a line of plain words.", 12, new PdfPoint(72, 700), font);
            page.AddText($"Page {n} of 3", 9, new PdfPoint(270, 30), font);
        }

        var read = DocumentReader.Read(builder.Build(), "bulletin.pdf");

        read.Text.ShouldBe("Section 1 opens with a line of plain words.\fSection 2 opens with a line of plain words.\fSection 3 opens with a line of plain words.\f");
        read.TitleHint.ShouldBe("2026年政府工作报告");
    }

    [Fact]
    public void UnsupportedTypes_AreRefused_ListingPdfAmongTheTypesThatAreRead()
    {
        var e = Refused([0xD0, 0xCF, 0x11, 0xE0], "old.doc");

        e.En.ShouldContain(".pdf");
        e.Zh.ShouldContain(".pdf");
    }

    private static Domain.Common.Text Refused(byte[] bytes, string name) =>
        Should.Throw<InputRefusedException>(() => DocumentReader.Read(bytes, name)).Errors.ShouldHaveSingleItem() is { Field: "file" } error
            ? error.Message
            : throw new ShouldAssertException("the refusal is not about the file");

    [GeneratedRegex(@"[\u4e00-\u9fff，。；：、“”（）] +[\u4e00-\u9fff，。；：、“”（）]")]
    private static partial Regex CjkSpace();

    [GeneratedRegex(@"^\s*[-—]?\s*(?:第\s*)?\d+\s*页?\s*[-—]?\s*$")]
    private static partial Regex BarePageNumber();
}
