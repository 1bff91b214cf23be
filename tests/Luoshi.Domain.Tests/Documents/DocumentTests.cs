using FsCheck;
using FsCheck.Fluent;
using Luoshi.Domain.Common;
using Luoshi.Domain.Documents;

namespace Luoshi.Domain.Tests.Documents;

public class DocumentTests
{
    private static readonly Stamp By = Stamp.Of("planner", new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.FromHours(8)));

    private static Document Sample()
    {
        var x = DocumentExtractor.Extract("要加快建设现代化产业体系。全省生产总值增长5.5%左右。上半年出口增长3%。", NoTextConversion.Instance);
        var items = x.Directives.Select(d => (DocumentItemKind.Directive, d.Text, d.Sentence, "{}"))
            .Concat(x.Figures.Select(f => (f.Kind == FigureKind.Target ? DocumentItemKind.Target : DocumentItemKind.Figure, f.Text, f.Sentence, "{}")));
        return Document.Create("讲话", x.Date, "speech.txt", SourceFormat.Text, "utf-8", [1, 2, 3], x.Text, "none", "{}", items, x.Terms, By);
    }

    [Fact]
    public void Create_NumbersItems_AndHashesTheOriginal()
    {
        var doc = Sample();

        doc.Items.Select(i => (i.Number, i.Kind)).ShouldBe([(1, DocumentItemKind.Directive), (2, DocumentItemKind.Target), (3, DocumentItemKind.Figure)]);
        doc.Sha256.Length.ShouldBe(64);
        doc.State.ShouldBe(ReviewState.New);
        doc.SentenceOf(doc.Items[0]).ShouldBe("要加快建设现代化产业体系。");
    }

    [Fact]
    public void Decisions_AreTakenOnce_OfTheRightKind_AndMoveTheState()
    {
        var doc = Sample();

        doc.Accept(1, DocumentItemKind.Directive, ItemLink.Plan("T1"), By);
        Should.Throw<DomainConflictException>(() => doc.Reject(1, By)).Field.ShouldBe("number");
        Should.Throw<DomainException>(() => doc.Accept(2, DocumentItemKind.Figure, ItemLink.Reading("X", "330000", "2026"), By)).Field.ShouldBe("number");
        doc.State.ShouldBe(ReviewState.InReview);
        doc.Reject(2, By);
        doc.Accept(3, DocumentItemKind.Figure, ItemLink.Reading("EXPORT", "330000", "2026H1"), By);

        doc.State.ShouldBe(ReviewState.Reviewed);
        doc.Items[0].LinkedTo!.ToString().ShouldBe("plan:T1");
        doc.Items[1].Decision.ShouldBe(ItemDecision.Rejected);
        doc.Version.ShouldBe(4);
        Should.Throw<DomainException>(() => doc.Item(9)).Field.ShouldBe("number");
    }

    [Fact]
    public void Create_RefusesEmptyAndOversizedFiles()
    {
        Should.Throw<DomainException>(() => Document.Create("t", null, "a.txt", SourceFormat.Text, "utf-8", [], "", "none", "{}", [], [], By)).Field.ShouldBe("file");
        Should.Throw<DomainException>(() => Document.Create("t", null, "a.txt", SourceFormat.Text, "utf-8", new byte[Document.MaxOriginalBytes + 1], "", "none", "{}", [], [], By)).Field.ShouldBe("file");
    }

    [Fact]
    public void Timeline_OrdersByDate_AndCountsPerDocumentAndYear()
    {
        var a = new DocumentRef(1, "甲", new DateOnly(2023, 1, 28));
        var b = new DocumentRef(2, "乙", new DateOnly(2024, 7, 23));
        var c = new DocumentRef(3, "丙", new DateOnly(2024, 2, 5));

        var lines = PhraseTimeline.Build(
        [
            new DocumentTerms(b, [("八八战略", 5, true), ("双过半", 1, true)]),
            new DocumentTerms(a, [("八八战略", 8, true), ("地瓜经济", 2, false)]),
            new DocumentTerms(c, [("八八战略", 3, true)]),
        ]);

        var line = lines[0];
        line.Term.ShouldBe("八八战略");
        line.FirstSeen.ShouldBe(a);
        line.Total.ShouldBe(16);
        line.Documents.Select(d => d.Document.Id).ShouldBe([1, 3, 2]);
        line.Years.ShouldBe([new TermInYear(2023, 8), new TermInYear(2024, 8)]);
        PhraseTimeline.Build([new DocumentTerms(a, [("地瓜经济", 2, false)])], "八八战略").ShouldBeEmpty();
    }

    [Fact]
    public void Diff_SaysWhatIsNewDroppedAndContinued()
    {
        var diff = FormulationDiff.Compare([("八八战略", 8, true), ("地瓜经济", 2, false)], [("八八战略", 5, true), ("双过半", 1, true)]);

        diff.New.ShouldBe([new TermChange("双过半", true, 0, 1)]);
        diff.Dropped.ShouldBe([new TermChange("地瓜经济", false, 2, 0)]);
        diff.Continued.ShouldBe([new TermChange("八八战略", true, 8, 5)]);
    }

    /// <summary>No input makes the extractors throw, and every span they return lies inside the text.</summary>
    [Fact]
    public void Property_AnyText_ExtractsWithoutThrowing_AndSpansStayInside()
    {
        var pieces = Gen.Elements("要", "加快", "着力", "确保", "增长", "5.5%", "左右", "以上", "从", "到", "分别", "、", "，", "。", "；", "“", "”", "（", "）",
            "省委书记", "王浩", "同志", "2024年", "3月", "5日", "讯", "\n", " ", "上半年", "高于全国", "0.6个百分点", "八八战略", "三个", "力争", "1—5月", "!", "(", ")", ",", "\"", "ā");
        var texts = Gen.ListOf(pieces).Select(p => string.Concat(p));
        Prop.ForAll(texts.ToArbitrary(), raw =>
        {
            var x = DocumentExtractor.Extract(raw, NoTextConversion.Instance);
            bool Inside(TextSpan s) => s.Start >= 0 && s.End <= x.Text.Length;
            return x.Directives.All(d => Inside(d.Span) && Inside(d.Sentence) && x.Text.Substring(d.Span.Start, d.Span.Length) == d.Text)
                && x.Figures.All(f => Inside(f.Span) && Inside(f.Sentence) && x.Text.Substring(f.Span.Start, f.Span.Length) == f.Text)
                && x.People.All(p => Inside(p.Sentence))
                && x.Terms.All(t => Inside(t.Sentence) && t.Count == t.Positions.Count);
        }).QuickCheckThrowOnFailure();
    }
}
