using Luoshi.Application.Common;
using Luoshi.Application.Documents;
using Luoshi.Application.Documents.Evaluation;
using Luoshi.Domain.Documents;

namespace Luoshi.Application.Tests.Documents;

/// <summary>The scorer on small hand-made annotations and extractions, and the loader on directories made for each case.</summary>
public sealed class ExtractionEvaluationTests : IDisposable
{
    private static readonly SentenceRef Nowhere = new(0, 0, string.Empty);

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "luoshi-eval-tests", Guid.NewGuid().ToString("N"));

    public ExtractionEvaluationTests() => Directory.CreateDirectory(_dir);

    [Fact]
    public void EverythingFound_ScoresOne_AndListsNothing()
    {
        var expected = Expect(
            people: [new("王明", "市委副书记、市长"), new("李华", null)],
            terms: [new("八八战略", true), new("共同富裕示范区", false)],
            figures: [new("地区生产总值", 5.5m, "%", FigureQualifier.Around, FigureKind.Target)]);
        var found = View(
            people: [Person("王明", "市委副书记、市长"), Person("李华", "副市长")],
            terms: [Term("八八战略", true), Term("共同富裕示范区", false)],
            figures: [Figure("全市地区生产总值", 5.5m, "％", FigureQualifier.Around, FigureKind.Target)]);

        var result = ExtractionScorer.Score([new("news-01", expected, found)]);

        foreach (var kind in new[] { ExtractionKinds.People, ExtractionKinds.Terms, ExtractionKinds.Figures, ExtractionKinds.Targets })
        {
            var score = result.Kinds[kind];
            (score.Recall, score.Precision).ShouldBe((1.0, 1.0), kind);
            score.Missed.ShouldBeEmpty(kind);
            score.Extra.ShouldBeEmpty(kind);
        }
    }

    [Fact]
    public void MissedAndExtra_NameTheDocumentAndTheItem()
    {
        var expected = Expect(
            people: [new("王明", "市长"), new("赵刚", null)],
            terms: [new("三改一拆", true)],
            figures: [new("粮食产量", 600m, "万吨", FigureQualifier.AtLeast, FigureKind.Target), new("城镇新增就业", 112m, "万人", null, FigureKind.Actual)]);
        var found = View(
            people: [Person("王明", "市长"), Person("周敏", null)],
            terms: [Term("一网通办", true)],
            figures: [Figure("粮食产量", 600m, "万吨", FigureQualifier.AtLeast, FigureKind.Target), Figure("游客", 1.2m, "亿人次", null, FigureKind.Actual)]);

        var kinds = ExtractionScorer.Score([new("report-03", expected, found)]).Kinds;

        var people = kinds[ExtractionKinds.People];
        (people.Expected, people.Found, people.Matched, people.Recall, people.Precision).ShouldBe((2, (int?)2, 1, (double?)0.5, (double?)0.5));
        people.Missed.ShouldBe(["report-03: 赵刚"]);
        people.Extra.ShouldBe(["report-03: 周敏"]);
        kinds[ExtractionKinds.Terms].Missed.ShouldBe(["report-03: 三改一拆#"]);
        kinds[ExtractionKinds.Terms].Extra.ShouldBe(["report-03: 一网通办#"]);
        kinds[ExtractionKinds.Figures].Missed.ShouldBe(["report-03: 城镇新增就业 112万人 actual"]);
        kinds[ExtractionKinds.Figures].Extra.ShouldBe(["report-03: 游客 1.2亿人次 actual"]);
        kinds[ExtractionKinds.Targets].Recall.ShouldBe(1.0);
    }

    [Fact]
    public void PersonWithTheWrongRole_IsMissedAndExtra_WhileAnAnnotationWithoutRoleTakesAnyRole()
    {
        var expected = Expect(people: [new("王明", "市委副书记、市长"), new("李华", null)]);
        var found = View(people: [Person("王明", "市长"), Person("李华同志", "副市长")]);

        var people = ExtractionScorer.Score([new("news-02", expected, found)]).Kinds[ExtractionKinds.People];

        people.Matched.ShouldBe(1);
        people.Missed.ShouldBe(["news-02: 王明/市委副书记、市长"]);
        people.Extra.ShouldBe(["news-02: 王明/市长"]);
    }

    [Fact]
    public void PersonWhoseOfficeIsFoundFromItsLevelOn_MatchesTheOfficeWrittenWithItsPlace()
    {
        var expected = Expect(people: [new("唐立", "临江县委书记"), new("韩冬", "宣传部部长")]);
        var found = View(people: [Person("唐立", "县委书记"), Person("韩冬", "部长")]);

        var people = ExtractionScorer.Score([new("news-03", expected, found)]).Kinds[ExtractionKinds.People];

        people.Matched.ShouldBe(1);
        people.Missed.ShouldBe(["news-03: 韩冬/宣传部部长"]);
    }

    [Fact]
    public void TermWithTheWrongNumberedFlag_IsMissedAndExtra()
    {
        var expected = Expect(terms: [new("最多跑一次", true)]);
        var found = View(terms: [Term("最多跑一次", false)]);

        var terms = ExtractionScorer.Score([new("speech-01", expected, found)]).Kinds[ExtractionKinds.Terms];

        terms.Matched.ShouldBe(0);
        terms.Missed.ShouldBe(["speech-01: 最多跑一次#"]);
        terms.Extra.ShouldBe(["speech-01: 最多跑一次"]);
    }

    [Fact]
    public void TargetWithTheWrongQualifier_IsMissedAndExtraAsATarget_ButMatchesAsAFigure()
    {
        var expected = Expect(figures: [new("一般公共预算收入", 3m, "%", FigureQualifier.AtLeast, FigureKind.Target)]);
        var found = View(figures: [Figure("一般公共预算收入", 3m, "%", FigureQualifier.Around, FigureKind.Target)]);

        var kinds = ExtractionScorer.Score([new("report-01", expected, found)]).Kinds;

        kinds[ExtractionKinds.Figures].Matched.ShouldBe(1);
        kinds[ExtractionKinds.Targets].Matched.ShouldBe(0);
        kinds[ExtractionKinds.Targets].Missed.ShouldBe(["report-01: 一般公共预算收入 3% atLeast target"]);
        kinds[ExtractionKinds.Targets].Extra.ShouldBe(["report-01: 一般公共预算收入 3% around target"]);
    }

    [Fact]
    public void Figures_MatchOnValueUnitAndASubjectEitherSideContains()
    {
        var expected = Expect(figures:
        [
            new("居民人均可支配收入", 4.9m, "%", null, FigureKind.Actual),
            new("地区生产总值", 8.6m, "万亿元", null, FigureKind.Actual),
            new("研发投入强度", 3.2m, "%", null, FigureKind.Actual),
            new("城乡居民收入倍差", 1.8m, null, FigureQualifier.AtMost, FigureKind.Target),
        ]);
        var found = View(figures:
        [
            Figure("城镇居民人均可支配收入", 4.9m, "%", null, FigureKind.Actual),  // found subject contains the expected one
            Figure("生产总值", 8.6m, "万亿元", null, FigureKind.Actual),            // expected subject contains the found one
            Figure("研发投入强度", 3.2m, "亿元", null, FigureKind.Actual),          // another unit
            Figure("城乡居民收入倍差", 1.8m, string.Empty, FigureQualifier.AtMost, FigureKind.Target), // no unit on either side
        ]);

        var figures = ExtractionScorer.Score([new("speech-02", expected, found)]).Kinds[ExtractionKinds.Figures];

        figures.Matched.ShouldBe(3);
        figures.Missed.ShouldBe(["speech-02: 研发投入强度 3.2% actual"]);
    }

    [Fact]
    public void AFigureFoundOnce_MatchesOneOfTwoIdenticalExpectations_WhateverTheOrder()
    {
        var expected = Expect(figures:
        [
            new("地区生产总值", 6m, "%", FigureQualifier.Around, FigureKind.Target),
            new("地区生产总值", 6m, "%", FigureQualifier.Around, FigureKind.Target),
            new("全市地区生产总值", 6m, "%", null, FigureKind.Actual),
        ]);
        var found = View(figures:
        [
            Figure("地区生产总值", 6m, "%", FigureQualifier.Around, FigureKind.Target),
            Figure("全市地区生产总值", 6m, "%", null, FigureKind.Actual),
        ]);

        var figures = ExtractionScorer.Score([new("report-02", expected, found)]).Kinds[ExtractionKinds.Figures];

        // Paired greedily, the first expectation could take 全市地区生产总值 and leave the third without a partner.
        figures.Matched.ShouldBe(2);
        figures.Missed.Count.ShouldBe(1);
        figures.Extra.ShouldBeEmpty();
    }

    [Fact]
    public void AKindLeftOut_IsSkipped_WhileAnEmptyListCountsEverythingFoundAsExtra()
    {
        var leftOut = Expect();
        var empty = Expect(people: []);
        var found = View(people: [Person("王明", "市长")]);

        var result = ExtractionScorer.Score([new("a", leftOut, found), new("b", empty, found)]);

        var people = result.Kinds[ExtractionKinds.People];
        (people.Expected, people.Found, people.Recall, people.Precision).ShouldBe((0, (int?)1, (double?)null, (double?)0.0));
        people.Extra.ShouldBe(["b: 王明/市长"]);
        result.Kinds[ExtractionKinds.Dates].Expected.ShouldBe(0);
    }

    [Fact]
    public void DatesAndTitles_AreOnePerDocument_MicroAveraged()
    {
        var first = Expect(title: "省委召开“两个先行”推进会", date: new DateOnly(2025, 2, 5));
        var second = Expect(title: "政府工作报告", date: new DateOnly(2025, 1, 14));
        var third = Expect(date: new DateOnly(2024, 6, 18));

        var kinds = ExtractionScorer.Score(
        [
            new("news-01", first, View(title: "省委召开 \"两个先行\" 推进会", date: new DateOnly(2025, 2, 5))),
            new("report-01", second, View(title: "首页 > 新闻", date: new DateOnly(2025, 1, 15))),
            new("news-03", third, View()),
        ]).Kinds;

        var dates = kinds[ExtractionKinds.Dates];
        (dates.Expected, dates.Found, dates.Matched).ShouldBe((3, (int?)2, 1));
        (dates.Recall, dates.Precision).ShouldBe((0.3333, 0.5));
        dates.Missed.ShouldBe(["report-01: 2025-01-14", "news-03: 2024-06-18"]);
        dates.Extra.ShouldBe(["report-01: 2025-01-15"]);
        var titles = kinds[ExtractionKinds.Titles];
        (titles.Matched, titles.Recall, titles.Precision).ShouldBe((1, (double?)0.5, (double?)0.5));
        titles.Extra.ShouldBe(["report-01: 首页 > 新闻"]);
    }

    [Fact]
    public void Boilerplate_RecallIsTheShareRemoved_AndPrecisionIsNull()
    {
        var expected = Expect(absent: ["责任编辑", "登录", "分享到"]);
        var found = View(text: "全省工作会议召开。\n责任 编辑：王五");

        var boilerplate = ExtractionScorer.Score([new("web-01", expected, found)]).Kinds[ExtractionKinds.Boilerplate];

        (boilerplate.Expected, boilerplate.Found, boilerplate.Matched).ShouldBe((3, (int?)null, 2));
        boilerplate.Recall.ShouldBe(0.6667);
        boilerplate.Precision.ShouldBeNull();
        boilerplate.Missed.ShouldBe(["web-01: 责任编辑"]);
    }

    [Fact]
    public void Load_PairsEachAnnotationWithItsDocument_AndExtractsIt()
    {
        Write("news-01.txt", "全省工作会议召开\n2026-03-02　来源：某报\n3月1日，全省工作会议召开，省委书记张明出席会议并讲话。要深入实施“八八战略”。");
        Write("news-01.expected.json", """{"date": "2026-03-01", "people": [{"name": "张明", "role": "省委书记"}], "terms": [{"term": "八八战略", "numbered": true}]}""");
        Write("page.html", "<html><head><title>全省推进会召开</title></head><body><p>3月2日，全省推进会召开。</p></body></html>");
        Write("page.expected.json", """{"title": "全省推进会召开"}""");
        Write("README.md", "not a document");

        var documents = new EvaluateExtraction(ChineseConverters.Best()).Load(_dir);

        documents.Select(d => d.Name).ShouldBe(["news-01", "page"]);
        documents[0].Expected.People.ShouldBe([new ExpectedPerson("张明", "省委书记")]);
        documents[0].Found.Terms.Select(t => t.Term).ShouldContain("八八战略");
        documents[1].Found.Text.ShouldContain("全省推进会召开");
    }

    [Fact]
    public void MalformedAnnotation_IsRefused_NamingTheFileAndTheLine()
    {
        Write("a.txt", "3月1日，全省工作会议召开。");
        Write("a.expected.json", "{\n  \"date\": \"2026-03-01\",\n  \"people\": [{\"name\": \"张明\" \"role\": null}]\n}\n");

        var refused = Should.Throw<InputRefusedException>(() => new EvaluateExtraction(NoTextConversion.Instance).Load(_dir));

        var message = refused.Errors.ShouldHaveSingleItem().Message;
        message.En.ShouldContain("a.expected.json, line 3");
        message.Zh.ShouldContain("a.expected.json 第3行");
    }

    [Theory]
    [InlineData("""{"peoples": []}""", "peoples")]
    [InlineData("""{"figures": [{"subject": "地区生产总值", "value": 5.5, "unit": "%", "qualifier": "roughly", "kind": "target"}]}""", "figures[0].qualifier cannot be read (around, atLeast")]
    [InlineData("""{"terms": [{"term": "八八战略"}]}""", "terms[0].numbered")]
    [InlineData("""{"figures": [{"subject": "GDP", "value": 5.5, "unit": "%"}]}""", "figures[0].kind")]
    [InlineData("""{"date": "2025-02-30"}""", "line 1: not a valid annotation (the value of date cannot be read (yyyy-MM-dd))")]
    public void AnnotationOfTheWrongShape_IsRefused_NamingTheFile(string json, string said)
    {
        Write("b.txt", "3月1日，全省工作会议召开。");
        Write("b.expected.json", json);

        var refused = Should.Throw<InputRefusedException>(() => new EvaluateExtraction(NoTextConversion.Instance).Load(_dir));

        var message = refused.Errors.ShouldHaveSingleItem().Message.En;
        message.ShouldStartWith("b.expected.json");
        message.ShouldContain(said);
    }

    [Fact]
    public void AMissingDirectory_AnEmptyOne_AndUnpairedFiles_AreRefused()
    {
        var evaluate = new EvaluateExtraction(NoTextConversion.Instance);

        Should.Throw<InputRefusedException>(() => evaluate.Load(Path.Combine(_dir, "nowhere"))).Errors[0].Message.En.ShouldContain("nowhere");
        Should.Throw<InputRefusedException>(() => evaluate.Load(_dir)).Errors[0].Message.En.ShouldContain("no annotations");
        Write("lonely.expected.json", "{}");
        Should.Throw<InputRefusedException>(() => evaluate.Load(_dir)).Errors[0].Message.En.ShouldBe("lonely.expected.json: has no document lonely.txt/.html/.docx/.pdf beside it");
        Write("lonely.txt", "3月1日，全省工作会议召开。");
        Write("orphan.txt", "3月2日，全省推进会召开。");
        Should.Throw<InputRefusedException>(() => evaluate.Load(_dir)).Errors[0].Message.En.ShouldBe("orphan.txt: has no annotation orphan.expected.json");
    }

    [Fact]
    public void AnUnreadableDocument_IsRefused_NamingIt()
    {
        Write("scan.pdf", "%PDF-1.7");
        Write("scan.expected.json", "{}");

        var refused = Should.Throw<InputRefusedException>(() => new EvaluateExtraction(NoTextConversion.Instance).Load(_dir));

        refused.Errors[0].Message.En.ShouldStartWith("scan.pdf: ");
        refused.Errors[0].Message.En.ShouldContain("PDF");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // left to the temporary directory's cleaner
        }
    }

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(_dir, name), content);

    private static ExpectedExtraction Expect(
        string? title = null,
        DateOnly? date = null,
        IReadOnlyList<ExpectedPerson>? people = null,
        IReadOnlyList<ExpectedTerm>? terms = null,
        IReadOnlyList<ExpectedFigure>? figures = null,
        IReadOnlyList<string>? absent = null) => new(title, date, people, terms, figures, absent);

    private static ExtractionView View(
        string? title = null,
        DateOnly? date = null,
        IReadOnlyList<PersonView>? people = null,
        IReadOnlyList<TermView>? terms = null,
        IReadOnlyList<FigureView>? figures = null,
        string text = "") => new(title, date, people ?? [], terms ?? [], [], figures ?? [], text);

    private static PersonView Person(string name, string? role) => new(name, role, Nowhere);

    private static TermView Term(string term, bool numbered) => new(term, 1, numbered, null, Nowhere);

    private static FigureView Figure(string subject, decimal value, string unit, FigureQualifier? qualifier, FigureKind kind) =>
        new(subject, value, unit, null, null, null, qualifier, null, null, null, null, kind, subject, 0, 0, Nowhere);
}
