using Luoshi.Domain.Documents;

namespace Luoshi.Domain.Tests.Documents;

/// <summary>Pages as form feeds (docs/adr/0025): kept by the normaliser, counted by the sentence splitter, mapped back from any offset.</summary>
public class PageTests
{
    private static NormalizedText Normalize(string raw) => TextNormalizer.Normalize(raw, NoTextConversion.Instance);

    [Fact]
    public void FormFeeds_SurviveNormalisation_AsTheBreakAfterEachPage()
    {
        var n = Normalize("政府工作报告\n要加快建设现代化产业体系。\f\n  全省生产总值增长5.5%左右。\n\f要着力扩大有效投资。\f");

        n.Text.ShouldBe("政府工作报告\n要加快建设现代化产业体系。\f全省生产总值增长5.5%左右。\f要着力扩大有效投资。\f");
        n.Title.ShouldBe("政府工作报告");
    }

    [Fact]
    public void APageWhoseLinesAreAllRemoved_StillCounts_AndSoDoesAnEmptyFirstPage()
    {
        // Page 1 is empty (a cover image), page 3 holds only boilerplate and a repeated line.
        var n = Normalize("\f第一段要加快建设。\n联系电话：0571-12345678\f版权所有 某省人民政府\n第一段要加快建设。\f第四页要着力扩大投资。\f\f");

        n.Text.ShouldBe("\f第一段要加快建设。\f\f第四页要着力扩大投资。\f\f");
        var pages = PageMap.Of(n.Text);
        pages.PageOf(n.Text.IndexOf("第一段", StringComparison.Ordinal)).ShouldBe(2);
        pages.PageOf(n.Text.IndexOf("第四页", StringComparison.Ordinal)).ShouldBe(4);
        pages.Pages.ShouldBe(5);
    }

    [Fact]
    public void TextWithoutFormFeeds_IsUnchanged_AndHasNoPages()
    {
        var n = Normalize("要加快建设现代化产业体系。\n全省生产总值增长5.5%左右。");

        n.Text.ShouldBe("要加快建设现代化产业体系。\n全省生产总值增长5.5%左右。");
        SentenceSplitter.Split(n.Text).ShouldAllBe(s => s.Page == null);
        PageMap.Of(n.Text).Paged.ShouldBeFalse();
        PageMap.Of(n.Text).PageOf(3).ShouldBeNull();
        PageMap.Of(n.Text).Pages.ShouldBe(0);
    }

    [Fact]
    public void Sentences_CarryThePageTheyStandOn()
    {
        const string text = "标题\n第一句。第二句！\f第三句。\n第四句？\f\f第五句。\f";

        var sentences = SentenceSplitter.Split(text);

        sentences.Select(s => (s.Text, s.Page)).ShouldBe(
        [
            ("标题", 1), ("第一句。", 1), ("第二句！", 1), ("第三句。", 2), ("第四句？", 2), ("第五句。", 4),
        ]);
        sentences.Select(s => s.Paragraph).ShouldBe([0, 1, 1, 2, 3, 5]);
        var pages = PageMap.Of(text);
        sentences.ShouldAllBe(s => pages.PageOf(s.Span.Start) == s.Page);
    }

    [Fact]
    public void PageMap_AFormFeedBelongsToThePageItEnds()
    {
        var pages = PageMap.Of("ab\fcd");

        pages.PageOf(0).ShouldBe(1);
        pages.PageOf(2).ShouldBe(1);
        pages.PageOf(3).ShouldBe(2);
        pages.PageOf(5).ShouldBe(2);
        pages.Pages.ShouldBe(2);
    }

    [Fact]
    public void Extraction_ItemsOnPageTwo_AreOnPageTwo()
    {
        var x = DocumentExtractor.Extract("2026年政府工作报告\n过去一年全省生产总值增长5.6%。\f今年全省生产总值增长5.5%左右。\n要加快建设现代化产业体系。\f", NoTextConversion.Instance);
        var pages = PageMap.Of(x.Text);

        var target = x.Figures.Single(f => f.Kind == FigureKind.Target);
        pages.PageOf(target.Sentence.Start).ShouldBe(2);
        pages.PageOf(x.Figures.Single(f => f.Kind == FigureKind.Actual).Sentence.Start).ShouldBe(1);
        x.Directives.ShouldAllBe(d => pages.PageOf(d.Sentence.Start) == 2);
        x.Sentences.Single(s => s.Span == target.Sentence).Page.ShouldBe(2);

        // Stored, an item keeps only its offsets: the document recomputes the page from the form feeds in its text.
        var doc = Document.Create(
            "报告", x.Date, "report.pdf", SourceFormat.Pdf, "pdf", [1], x.Text, "none", "{}",
            x.Figures.Select(f => (f.Kind == FigureKind.Target ? DocumentItemKind.Target : DocumentItemKind.Figure, f.Text, f.Sentence, "{}")),
            x.Terms, Luoshi.Domain.Common.Stamp.Of("test", DateTimeOffset.UnixEpoch));
        doc.Items.Select(i => doc.PageOf(i.SentenceStart)).ShouldBe([1, 2]);
    }
}
