using System.Text;
using Luoshi.Application.Common;
using Luoshi.Application.Documents;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Documents;
using Luoshi.Domain.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Tests.Documents;

public sealed class IngestAndReviewTests
{
    private const string Speech = """
        全省经济工作会议召开
        发布时间：2026-01-20
        1月18日，全省经济工作会议召开，省委书记张明出席会议并讲话。
        要始终坚持扩大内需这个战略基点。加快推进重大项目建设，着力扩大有效投资。
        今年全省生产总值增长5.5%左右，力争6%。
        去年全省城镇新增就业61.5万人，居民人均可支配收入增长5.1%。
        深入实施“八八战略”，统筹推进三个“一号工程”。
        """;

    private const string LaterSpeech = """
        全省项目建设推进会召开
        发布时间：2026-06-30
        6月28日，全省项目建设推进会召开。要深入实施“八八战略”，实现“双过半”。
        """;

    private const string MidYear = """
        全省半年经济形势分析会召开
        发布时间：2026-07-22
        7月20日，全省半年经济形势分析会召开。
        上半年全省生产总值增长5.8%，城镇新增就业35.2万人，规模以上工业增加值增长7.1%。
        要深入实施“八八战略”，实现“双过半”。
        """;

    private static async Task<AppHost> Seeded(Db db)
    {
        var host = await AppHost.StartAsync(db);
        await Import(host, ImportKind.Orgs, "code,name,kind,parent\n330000,测试省,Province,\n330100,甲市,City,330000\n100000,全国,Reference,\n");
        await Import(host, ImportKind.Indicators, "code,name,unit,direction,frequency,valueKind,aggregation,formula,tolerance,profile\nGDP_GROWTH,生产总值增速,%,higher,quarter,level,none,,0.3,linear\nJOBS,城镇新增就业,万人,higher,month,cumulative,sum,,5%,linear\n");
        await Import(host, ImportKind.Plans, "code,kind,title,parent,lead,supporting,start,due,horizon,indicators\nS1,Strategy,战略,,,,,,,\nP1,Programme,扩大内需工程,S1,,,,,,\n");
        return host;
    }

    private static Task<ImportSummary> Import(AppHost host, ImportKind kind, string csv) =>
        host.ImportCsv(kind, csv);

    private static Task<DocumentView> Ingest(AppHost host, string text, string name = "speech.txt") =>
        host.Run<IngestDocument, DocumentView>(i => i.FromFile(Encoding.UTF8.GetBytes(text), name, null, CancellationToken.None));

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Ingest_KeepsTheOriginal_TheText_AndItemsAwaitingReview(Db db)
    {
        await using var host = await Seeded(db);

        var doc = await Ingest(host, Speech);

        doc.Title.ShouldBe("全省经济工作会议召开");
        doc.Date.ShouldBe(new DateOnly(2026, 1, 18));
        doc.DateBasis.ShouldBe(DateBasis.Event);
        doc.State.ShouldBe(ReviewState.New);
        doc.Converter.ShouldNotBeNullOrWhiteSpace();
        doc.Text.ShouldNotContain("发布时间");
        doc.People.ShouldHaveSingleItem().Name.ShouldBe("张明");
        doc.Items.Where(i => i.Kind == DocumentItemKind.Directive).Select(i => i.Text).ShouldContain("着力扩大有效投资");
        var target = doc.Items.Single(i => i.Kind == DocumentItemKind.Target);
        target.Data.GetProperty("qualifier").GetString().ShouldBe("around");
        target.Data.GetProperty("stretch").GetDecimal().ShouldBe(6m);
        doc.Items.ShouldAllBe(i => i.Decision == ItemDecision.Pending && doc.Text.Substring(i.Sentence.Start, i.Sentence.Length) == i.Sentence.Text);
        var stored = await host.Query(d => d.Documents.AsNoTracking().SingleAsync());
        Encoding.UTF8.GetString(stored.Original).ShouldBe(Speech);
        stored.Sha256.ShouldBe(Document.HashOf(Encoding.UTF8.GetBytes(Speech)));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Ingest_TheSameFileTwice_IsAConflict_NamingTheFirst(Db db)
    {
        await using var host = await Seeded(db);
        var first = await Ingest(host, Speech);

        var e = await Should.ThrowAsync<ConflictException>(() => Ingest(host, Speech, "again.txt"));

        e.Field.ShouldBe("file");
        e.Message.ShouldContain(first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Review_AcceptsADirectiveATargetAndAFigure_EachCitingItsSentence(Db db)
    {
        await using var host = await Seeded(db);
        var doc = await Ingest(host, Speech);
        var directive = doc.Items.First(i => i.Text == "着力扩大有效投资");
        var target = doc.Items.Single(i => i.Kind == DocumentItemKind.Target);
        var jobs = doc.Items.Single(i => i.Kind == DocumentItemKind.Figure && i.Text.Contains("61.5", StringComparison.Ordinal));

        var plan = await host.Run<AcceptDirective, ReviewOutcome>(a => a.Handle(doc.Id, directive.Number, new("T-INV", Parent: "P1"), CancellationToken.None));
        var set = await host.Run<AcceptTarget, ReviewOutcome>(a => a.Handle(doc.Id, target.Number, new("GDP_GROWTH", "330000"), CancellationToken.None));
        var read = await host.Run<AcceptReading, ReviewOutcome>(a => a.Handle(doc.Id, jobs.Number, new("JOBS", "330000", Period: "2025-12"), CancellationToken.None));

        plan.PlanItem!.Title.ShouldBe("着力扩大有效投资");
        plan.PlanItem.SourceDocument.ShouldBe("全省经济工作会议召开");
        plan.PlanItem.SourceSentence.ShouldBe("加快推进重大项目建设，着力扩大有效投资。");
        plan.Item.LinkedTo.ShouldBe("plan:T-INV");
        var stored = await host.Query(d => d.Database.SqlQueryRaw<string>("SELECT \"LinkedTo\" AS \"Value\" FROM document_items WHERE \"LinkedTo\" IS NOT NULL").ToListAsync());
        stored.Order(StringComparer.Ordinal).ShouldBe(["plan:T-INV", "reading:JOBS/330000/2025-12", "target:GDP_GROWTH/330000/2026"]);
        var accepted = await host.Query(d => d.DocumentItems.AsNoTracking().Where(i => i.Number == jobs.Number).Select(i => i.LinkedTo).SingleAsync());
        (accepted!.Kind, accepted.Code, accepted.Org, accepted.Period).ShouldBe((ItemLinkKind.Reading, "JOBS", "330000", "2025-12"));
        (set.Target!.Value, set.Target.Qualifier, set.Target.Stretch, set.Target.Year).ShouldBe((5.5m, TargetQualifier.Around, 6m, "2026"));
        var version = await host.Query(d => d.TargetVersions.AsNoTracking().SingleAsync());
        version.Reason!.ShouldContain("今年全省生产总值增长5.5%左右，力争6%。");
        read.Reading!.Value.ShouldBe(61.5m);
        read.Reading.Comment.ShouldBe("去年全省城镇新增就业61.5万人，居民人均可支配收入增长5.1%。");
        var reading = await host.Query(d => d.Readings.AsNoTracking().SingleAsync());
        reading.Source.ShouldBe(ReadingSource.Document);
        reading.State.ShouldBe(ReadingState.Draft);

        var after = await host.Run<GetDocument, DocumentView>(g => g.Handle(doc.Id, CancellationToken.None));
        after.State.ShouldBe(ReviewState.InReview);
        after.Items.Count(i => i.Decision == ItemDecision.Accepted).ShouldBe(3);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Review_DecidedTwice_IsAConflict_AndAFailedAcceptLeavesTheItemPending(Db db)
    {
        await using var host = await Seeded(db);
        var doc = await Ingest(host, Speech);
        var first = doc.Items[0];
        var second = doc.Items[1];

        await host.Run<RejectItem, ReviewOutcome>(r => r.Handle(doc.Id, first.Number, new("不是任务"), CancellationToken.None));
        var twice = await Should.ThrowAsync<Luoshi.Domain.Common.DomainConflictException>(() =>
            host.Run<AcceptDirective, ReviewOutcome>(a => a.Handle(doc.Id, first.Number, new("T-X", Parent: "P1"), CancellationToken.None)));
        var badParent = await Should.ThrowAsync<InputRefusedException>(() =>
            host.Run<AcceptDirective, ReviewOutcome>(a => a.Handle(doc.Id, second.Number, new("T-Y", Parent: "NOPE"), CancellationToken.None)));
        var missing = await Should.ThrowAsync<NotFoundException>(() =>
            host.Run<RejectItem, ReviewOutcome>(r => r.Handle(doc.Id, 999, new(), CancellationToken.None)));

        twice.Field.ShouldBe("number");
        badParent.Errors[0].Field.ShouldBe("parent");
        missing.ShouldNotBeNull();
        var after = await host.Run<GetDocument, DocumentView>(g => g.Handle(doc.Id, CancellationToken.None));
        after.Items[0].Decision.ShouldBe(ItemDecision.Rejected);
        after.Items[0].Note.ShouldBe("不是任务");
        after.Items[1].Decision.ShouldBe(ItemDecision.Pending);
        (await host.Query(d => d.PlanItems.CountAsync(p => p.Code == "T-Y"))).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TimelineAndDiff_FollowFormulationsAcrossDocuments(Db db)
    {
        await using var host = await Seeded(db);
        var first = await Ingest(host, Speech);
        var later = await Ingest(host, LaterSpeech, "later.txt");

        var timeline = await host.Run<GetPhraseTimeline, IReadOnlyList<TermTimeline>>(t => t.Handle(new("八八战略"), CancellationToken.None));
        var diff = await host.Run<CompareDocuments, CompareDocuments.DiffView>(c => c.Handle(first.Id, later.Id, CancellationToken.None));
        var list = await host.Run<ListDocuments, IReadOnlyList<DocumentSummary>>(l => l.Handle(new(Term: "双过半"), CancellationToken.None));

        var line = timeline.ShouldHaveSingleItem();
        line.FirstSeen.Id.ShouldBe(first.Id);
        line.Documents.Select(d => d.Count).ShouldBe([1, 1]);
        line.Years.ShouldBe([new TermInYear(2026, 2)]);
        diff.New.Select(t => t.Term).ShouldBe(["双过半"]);
        diff.Dropped.Select(t => t.Term).ShouldBe(["一号工程"]);
        diff.Continued.Select(t => t.Term).ShouldBe(["八八战略"]);
        list.ShouldHaveSingleItem().Id.ShouldBe(later.Id);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Diff_ComparesFigures_BySubjectAndUnit(Db db)
    {
        await using var host = await Seeded(db);
        var first = await Ingest(host, Speech);
        var later = await Ingest(host, MidYear, "mid-year.txt");

        var diff = await host.Run<CompareDocuments, CompareDocuments.DiffView>(c => c.Handle(first.Id, later.Id, CancellationToken.None));

        diff.ContinuedFigures.ShouldNotBeNull().Select(f => f.Subject).ShouldBe(["全省生产总值", "城镇新增就业"]);
        var gdp = diff.ContinuedFigures[0];
        (gdp.From!.Kind, gdp.From.Value, gdp.From.Qualifier).ShouldBe((FigureKind.Target, 5.5m, FigureQualifier.Around));
        (gdp.To!.Kind, gdp.To.Value).ShouldBe((FigureKind.Actual, 5.8m));
        (diff.ContinuedFigures[1].From!.Value, diff.ContinuedFigures[1].To!.Value).ShouldBe((61.5m, 35.2m));
        diff.NewFigures.ShouldNotBeNull().Select(f => (f.Subject, f.Unit, f.To!.Value)).ShouldBe([("规模以上工业增加值", "%", 7.1m)]);
        diff.DroppedFigures.ShouldNotBeNull().Select(f => f.Subject).ShouldBe(["居民人均可支配收入"]);
        diff.DroppedFigures.ShouldAllBe(f => f.To == null && f.From!.Text.Length > 0);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task List_CountsItemsByKind(Db db)
    {
        await using var host = await Seeded(db);
        var doc = await Ingest(host, Speech);

        var summary = (await host.Run<ListDocuments, IReadOnlyList<DocumentSummary>>(l => l.Handle(new(), CancellationToken.None))).ShouldHaveSingleItem();

        summary.Directives.ShouldBe(doc.Items.Count(i => i.Kind == DocumentItemKind.Directive));
        summary.Targets.ShouldBe(1);
        summary.Figures.ShouldBe(2);
        (summary.Directives + summary.Targets + summary.Figures).ShouldBe(summary.Items);
        summary.Directives.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Ingest_ADocumentWithTensOfThousandsOfItems_IsRefusedClearly()
    {
        await using var host = await Seeded(Db.Sqlite);
        var text = string.Concat(Enumerable.Range(0, IngestDocument.MaxItems / 2 + 1).Select(i => $"第{i}条要加快建设，确保增长{i}%。\n"));

        var e = await Should.ThrowAsync<InputRefusedException>(() => Ingest(host, text, "flood.txt"));

        e.Errors[0].Field.ShouldBe("file");
        e.Errors[0].Message.Bilingual.ShouldContain("too many items");
        (await host.Query(d => d.Documents.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task PastedText_IsIngested_AndEmptyTextIsRefused(Db db)
    {
        await using var host = await Seeded(db);

        var doc = await host.Run<IngestDocument, DocumentView>(i => i.FromText(new("粘贴的讲话", "要加快建设现代化产业体系。"), CancellationToken.None));
        var empty = await Should.ThrowAsync<InputRefusedException>(() => host.Run<IngestDocument, DocumentView>(i => i.FromText(new("空", "  "), CancellationToken.None)));

        doc.Format.ShouldBe(SourceFormat.Pasted);
        doc.Title.ShouldBe("粘贴的讲话");
        doc.Items.ShouldHaveSingleItem().Text.ShouldBe("加快建设现代化产业体系");
        empty.Errors[0].Field.ShouldBe("text");
    }
}
