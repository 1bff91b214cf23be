using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Luoshi.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Luoshi.Browser.Tests.Documents;

/// <summary>
/// The documents pages over short speeches written for these tests (fictional people and meetings): the list and
/// the ingest form, a document with its marks and its review, the phrase timeline and the diff of two documents.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DocumentPagesTests(DemoSite site)
{
    /// <summary>Reviewed item by item below: four directives, a target for 2027, a national figure for January–October, the province's figure.</summary>
    private const string Congress = """
        全省科技创新大会召开
        2026年11月12日，全省科技创新大会在钱塘召开。省委书记李华出席会议并讲话，省长王立主持会议。
        会议指出，要深入实施“创新强省”战略，加快打造“三个高地”。
        会议通报，1—10月全国空气质量优良天数比例为87.1%。今年全省研发经费投入强度为3.2%，高于全国0.45个百分点。
        2027年全省研发经费投入强度达到3.3%以上，力争3.4%。
        着力培育科技型中小企业，加快建设重大科研平台。
        """;

    /// <summary>An earlier meeting: the timeline and the diff follow “创新强省” from it to the congress.</summary>
    private const string DigitalMeeting = """
        全省数字经济推进会召开
        2025年9月5日，全省数字经济推进会召开。省长王立出席会议并讲话。
        要深入实施“创新强省”战略，推进“数字政府”建设。
        上半年全省数字经济核心产业增加值增长8.2%。
        确保全年数字经济核心产业增加值增长8%左右。
        """;

    [Fact]
    public async Task List_PastedAndUploadedDocuments_ShowTheirItemsAndReviewProgress()
    {
        await using var s = await site.OpenAsync();
        await s.GoAsync("/documents");
        await Expect(s.Page.Locator(".mainnav a[aria-current='page']")).ToHaveTextAsync("文档");

        await s.Page.Locator("#Input_Text").FillAsync("""
            全省港航物流工作会议召开
            2026年4月8日，全省港航物流工作会议召开。
            要加快建设“世界一流强港”，着力降低物流成本。
            一季度全省港口货物吞吐量增长6.3%。
            """);
        await s.Page.Locator("#paste").ClickAsync();
        await Expect(s.Page).ToHaveURLAsync(new Regex(@"/documents/\d+$"));
        await Expect(s.Page.Locator(".notice")).ToContainTextAsync("已导入《全省港航物流工作会议召开》");
        await Expect(s.Page.Locator("h1")).ToContainTextAsync("全省港航物流工作会议召开");

        await s.GoAsync("/documents");
        await s.Page.Locator("#Input_File").SetInputFilesAsync(new FilePayload
        {
            Name = "rural-meeting.txt",
            MimeType = "text/plain",
            Buffer = Encoding.UTF8.GetBytes("""
                全省乡村振兴推进会召开
                2026年5月20日，全省乡村振兴推进会召开。
                要持续深化“千村示范”建设，确保农村居民人均可支配收入增长6%以上。
                """),
        });
        await s.Page.Locator("#upload").ClickAsync();
        await Expect(s.Page.Locator(".notice")).ToContainTextAsync("已导入《全省乡村振兴推进会召开》");

        await s.GoAsync("/documents");
        var port = s.Page.Locator("#documents tbody tr", new() { HasText = "全省港航物流工作会议召开" });
        await Expect(port.Locator("td").Nth(0)).ToContainTextAsync("2026-04-08");
        await Expect(port.Locator("td").Nth(1)).ToContainTextAsync("粘贴");
        await Expect(port.Locator("td.num").Nth(0)).ToHaveTextAsync("2");
        await Expect(port.Locator("td.num").Nth(2)).ToHaveTextAsync("1");
        await Expect(port.Locator(".progress-cell")).ToContainTextAsync("已审 0 / 3 条");
        var rural = s.Page.Locator("#documents tbody tr", new() { HasText = "全省乡村振兴推进会召开" });
        await Expect(rural.Locator("td").Nth(1)).ToContainTextAsync("rural-meeting.txt");
        await Expect(rural.Locator("td.num").Nth(1)).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task Ingest_RefusedInputs_AreExplainedBesideTheirFields()
    {
        await using var s = await site.OpenAsync();
        await s.GoAsync("/documents");
        await s.Page.Locator("#paste").ClickAsync();
        await Expect(s.Page.Locator("#paste-form .field-error")).ToContainTextAsync("文本不能为空");
        await Expect(s.Page.Locator("#Input_Text")).ToHaveClassAsync(new Regex("input-validation-error"));

        await s.Page.Locator("#Input_File").SetInputFilesAsync(new FilePayload { Name = "slides.pdf", MimeType = "application/pdf", Buffer = Encoding.UTF8.GetBytes("%PDF-1.4 not a speech") });
        await s.Page.Locator("#upload").ClickAsync();
        await Expect(s.Page.Locator("#upload-form .field-error")).ToContainTextAsync("slides.pdf:无法读取 PDF 文件");
        await Expect(s.Page.Locator("#paste-form .field-error")).ToHaveCountAsync(0);

        await s.Page.Locator("#Input_File").SetInputFilesAsync(new FilePayload { Name = "scan.pdf", MimeType = "application/pdf", Buffer = Fixture("scanned.pdf") });
        await s.Page.Locator("#upload").ClickAsync();
        await Expect(s.Page.Locator("#upload-form .field-error")).ToContainTextAsync("scan.pdf:PDF 没有文字层(可能是扫描件)");

        await s.Page.Locator("#Input_File").SetInputFilesAsync(new FilePayload { Name = "old.doc", MimeType = "application/msword", Buffer = [0xD0, 0xCF, 0x11, 0xE0] });
        await s.Page.Locator("#upload").ClickAsync();
        await Expect(s.Page.Locator("#upload-form .field-error")).ToContainTextAsync("不支持的文件类型 .doc");

        await s.Page.Locator("#Input_File").SetInputFilesAsync(new FilePayload { Name = "huge.txt", MimeType = "text/plain", Buffer = new byte[(10 * 1024 * 1024) + 1] });
        await s.Page.Locator("#upload").ClickAsync();
        await Expect(s.Page.Locator("#upload-form .field-error")).ToContainTextAsync("文件过大(上限 10 MB)");
    }

    [Fact]
    public async Task Pdf_UploadedThroughTheForm_ShowsItsPageEnds_AndThePageBesideEachItemsSentence()
    {
        await using var s = await site.OpenAsync();
        await s.GoAsync("/documents");
        await Expect(s.Page.Locator("#Input_File")).ToHaveAttributeAsync("accept", new Regex(@"\.pdf,.*application/pdf"));
        await Expect(s.Page.Locator("#upload-form .help").First).ToContainTextAsync(".pdf");

        await s.Page.Locator("#Input_File").SetInputFilesAsync(new FilePayload { Name = "work-report.pdf", MimeType = "application/pdf", Buffer = Fixture("work-report.pdf") });
        await s.Page.Locator("#upload").ClickAsync();
        await Expect(s.Page).ToHaveURLAsync(new Regex(@"/documents/\d+$"));
        await Expect(s.Page.Locator(".notice")).ToContainTextAsync("已导入《政府工作报告》");
        await Expect(s.Page.Locator(".doc-facts")).ToContainTextAsync("3 页");

        // Each page of the PDF ends with its number under a rule; the form feeds themselves are never written.
        var text = s.Page.Locator("#doc-text");
        await Expect(text.Locator(".page-end")).ToHaveTextAsync(["第1页", "第2页", "第3页"]);
        (await text.InnerHTMLAsync()).ShouldNotContain("\f");
        (await text.InnerHTMLAsync()).ShouldNotContain("&#xC;");
        await Expect(text.Locator("a.hl-target", new() { HasText = "5.5%" })).ToHaveCountAsync(1);

        var gdp = s.Page.Locator("li.doc-item.kind-target").Filter(new() { Has = s.Page.Locator("p.item-text", new() { HasTextRegex = new Regex("^全省生产总值") }) });
        await Expect(gdp.Locator(".item-sentence .page-ref")).ToHaveTextAsync("第2页");
        var last = s.Page.Locator("li.doc-item.kind-directive").Last;
        await Expect(last.Locator(".item-sentence .page-ref")).ToHaveTextAsync("第3页");
        await s.ShotAsync("pdf");
    }

    [Fact]
    public async Task Document_MarksWhatWasExtracted_AndTheReviewAcceptsOneItemOfEachKind()
    {
        var id = await EnsureIngested("congress.txt", Congress);
        await using var s = await site.OpenAsync();
        await s.GoAsync($"/documents/{id}");

        var text = s.Page.Locator("#doc-text");
        await Expect(text.Locator(".hl-directive")).Not.ToHaveCountAsync(0);
        await Expect(text.Locator("a.hl-target")).ToHaveCountAsync(1);
        await Expect(text.Locator("a.hl-figure")).ToHaveCountAsync(2);
        await Expect(text.Locator("mark.hl-person", new() { HasText = "李华" })).ToHaveAttributeAsync("title", new Regex("省委书记"));
        await Expect(text.Locator("a.hl-term", new() { HasText = "创新强省" })).ToHaveAttributeAsync("href", "/documents/timeline?term=%E5%88%9B%E6%96%B0%E5%BC%BA%E7%9C%81");
        var target = text.Locator("a.hl-target");
        await Expect(target).ToHaveAttributeAsync("title", new Regex("主体 全省研发经费投入强度.*数值 3.3.*限定 以上.*力争 3.4"));
        await Expect(text.Locator("a.hl-figure", new() { HasText = "0.45" })).ToHaveAttributeAsync("title", new Regex("比较 高于全国0.45个百分点"));
        await Expect(s.Page.Locator(".doc-legend .hl")).ToHaveCountAsync(5);
        await Expect(text.Locator(".anchor")).ToHaveCountAsync(await s.Page.Locator("li.doc-item").CountAsync());
        await s.ShotAsync("highlights");

        // A click on a mark opens its item beside the text.
        await target.ClickAsync();
        await Expect(s.Page).ToHaveURLAsync(new Regex(@"#item-\d+$"));
        var targetItem = s.Page.Locator("li.doc-item.kind-target");
        await Expect(targetItem.Locator(".item-fields")).ToContainTextAsync("力争");

        // A directive becomes a draft plan item under the programme chosen; a code that is not one is refused beside it.
        var directive = Item(s, "directive", "着力培育科技型中小企业");
        await directive.Locator("summary", new() { HasText = "接受为计划项草稿" }).ClickAsync();
        await directive.Locator("select[name='Input.Parent']").SelectOptionAsync("P02");
        await directive.Locator("input[id^='code-']").FillAsync("科技 企业");
        await directive.Locator("button", new() { HasText = "创建计划项草稿" }).ClickAsync();
        directive = Item(s, "directive", "着力培育科技型中小企业");
        await Expect(directive.Locator(".field-error")).ToBeVisibleAsync();
        await Expect(directive.Locator("input[id^='code-']")).ToHaveClassAsync(new Regex("input-validation-error"));
        await Expect(directive.Locator("select[name='Input.Parent']")).ToHaveValueAsync("P02");
        await directive.Locator("input[id^='code-']").FillAsync("KJ-DOC-1");
        await directive.Locator("button", new() { HasText = "创建计划项草稿" }).ClickAsync();
        await Expect(s.Page.Locator(".notice")).ToContainTextAsync("已成为计划项草稿 KJ-DOC-1「着力培育科技型中小企业」");
        directive = Item(s, "directive", "着力培育科技型中小企业");
        await Expect(directive.Locator(".badge.d-accepted")).ToHaveTextAsync("已接受");
        await Expect(directive.Locator(".item-decision a")).ToHaveAttributeAsync("href", "/plans/KJ-DOC-1");

        // A target becomes the indicator's target for the province, for the year the sentence names.
        targetItem = s.Page.Locator("li.doc-item.kind-target");
        await targetItem.Locator("summary", new() { HasText = "接受为指标目标" }).ClickAsync();
        await targetItem.Locator("select[name='Input.Indicator']").SelectOptionAsync("RD_INTENSITY");
        await Expect(targetItem.Locator("select[name='Input.Org']")).ToHaveValueAsync("330000");
        await targetItem.Locator("button", new() { HasText = "设为目标" }).ClickAsync();
        await Expect(s.Page.Locator(".notice")).ToContainTextAsync("已设为 RD_INTENSITY 在 330000 的 2027 年目标");

        // A national figure becomes a reading of 全国 for January–October: the indicator and the unit are proposed from its subject.
        var national = Item(s, "figure", "全国空气质量优良天数比例");
        await national.Locator("summary", new() { HasText = "接受为指标数据" }).ClickAsync();
        await Expect(national.Locator("select[name='Input.Indicator']")).ToHaveValueAsync("GOOD_AIR_DAYS_RATIO");
        await Expect(national.Locator("select[name='Input.Org']")).ToHaveValueAsync("100000");
        await Expect(national.Locator("input[name='Input.Period']")).ToHaveValueAsync("2026-10");
        await national.Locator("button", new() { HasText = "写入数据" }).ClickAsync();
        await Expect(s.Page.Locator(".notice")).ToContainTextAsync("已写入 GOOD_AIR_DAYS_RATIO 在 100000 的");

        // The province's own figure is left aside, with the reason.
        var province = Item(s, "figure", "今年全省研发经费投入强度");
        await province.Locator("summary", new() { HasText = "忽略" }).ClickAsync();
        await province.Locator("input[name='Input.Note']").FillAsync("年度数据待统计公报");
        await province.Locator("button", new() { HasText = "忽略此条" }).ClickAsync();
        await Expect(s.Page.Locator(".notice")).ToContainTextAsync("已忽略");

        await Expect(s.Page.Locator("li.doc-item .badge.d-accepted")).ToHaveCountAsync(3);
        await Expect(s.Page.Locator("li.doc-item .badge.d-rejected")).ToHaveCountAsync(1);
        await Expect(s.Page.Locator("li.doc-item.decision-rejected .item-decision")).ToContainTextAsync("年度数据待统计公报");
        await Expect(s.Page.Locator(".doc-facts")).ToContainTextAsync("审核中");
        await s.Page.Locator(".items-head select").SelectOptionAsync("decided");
        await Expect(s.Page.Locator("li.doc-item:visible")).ToHaveCountAsync(4);

        // What the review made cites its sentence.
        var reading = await site.Http.GetFromJsonAsync<JsonElement[]>("/api/readings?indicator=GOOD_AIR_DAYS_RATIO&org=100000&from=2026-10&to=2026-10");
        reading.ShouldNotBeNull().ShouldHaveSingleItem().GetProperty("value").GetDecimal().ShouldBe(87.1m);
        var plan = await site.Http.GetFromJsonAsync<JsonElement>("/api/plan-items/KJ-DOC-1");
        plan.GetProperty("parent").GetString().ShouldBe("P02");
        plan.GetProperty("sourceSentence").GetString().ShouldBe("着力培育科技型中小企业，加快建设重大科研平台。");
    }

    /// <summary>A fund announced in a meeting becomes a draft policy.</summary>
    private const string FundMeeting = """
        全省专精特新企业培育推进会召开
        2026年10月20日，全省专精特新企业培育推进会召开。
        今年安排省级专项资金5亿元，支持专精特新企业加快发展。
        要加快培育专精特新“小巨人”企业。
        """;

    [Fact]
    public async Task Item_AcceptedAsAPolicy_IsADraftWithTheMoneyItNames_ThatLinksBackToTheItem()
    {
        var id = await EnsureIngested("fund.txt", FundMeeting);
        await using var s = await site.OpenAsync();
        await s.GoAsync($"/documents/{id}");

        var fund = s.Page.Locator("li.doc-item", new() { Has = s.Page.Locator(".item-text", new() { HasText = "5亿元" }) });
        await fund.Locator("summary", new() { HasText = "接受为政策草稿" }).ClickAsync();
        await Expect(fund.Locator("input[name='Input.Budget']")).ToHaveValueAsync("50000");   // 5亿元 in 万元
        await fund.Locator("button", new() { HasText = "创建政策草稿" }).ClickAsync();
        fund = s.Page.Locator("li.doc-item", new() { Has = s.Page.Locator(".item-text", new() { HasText = "5亿元" }) });
        await Expect(fund.Locator("select[name='Input.Lead']")).ToHaveClassAsync(new Regex("input-validation-error"));
        await fund.Locator("select[name='Input.Lead']").SelectOptionAsync("JXT");
        await fund.Locator("input[name='Input.Package']").FillAsync("先进制造业集群");
        await fund.Locator("button", new() { HasText = "创建政策草稿" }).ClickAsync();
        await Expect(s.Page.Locator(".notice")).ToContainTextAsync("已成为政策草稿");
        fund = s.Page.Locator("li.doc-item", new() { Has = s.Page.Locator(".item-text", new() { HasText = "5亿元" }) });
        var link = fund.Locator(".item-decision a");
        await Expect(link).ToHaveAttributeAsync("href", new Regex("^/policies/ZC-DOC"));
        await s.ShotAsync("accept-policy");

        await link.ClickAsync();
        var source = s.Page.Locator("#policy-source");
        await Expect(source).ToContainTextAsync("来自文件");
        await Expect(source).ToContainTextAsync("全省专精特新企业培育推进会召开");
        await Expect(source).ToContainTextAsync("未公开");
        await Expect(source.Locator("a")).ToHaveAttributeAsync("href", new Regex($"^/documents/{id}#item-\\d+$"));
        await Expect(s.Page.Locator("#policy-figures")).ToContainTextAsync(new Regex("50,?000"));
    }

    [Fact]
    public async Task Timeline_ShowsFormulationsAcrossDocuments_AsAHeatMapAndATable()
    {
        var earlier = await EnsureIngested("digital.txt", DigitalMeeting);
        var later = await EnsureIngested("congress.txt", Congress);
        await using var s = await site.OpenAsync();
        await s.GoAsync("/documents/timeline");

        await Expect(s.Page.Locator("#timeline-chart canvas")).ToHaveCountAsync(1);
        var line = s.Page.Locator("#timeline tr[data-term='创新强省']");
        await Expect(line.Locator("td").Nth(0)).ToContainTextAsync("全省数字经济推进会召开");
        await Expect(line.Locator("td").Nth(0)).ToContainTextAsync("2025-09-05");
        await Expect(line.Locator(".per-doc li")).ToHaveCountAsync(2);
        await Expect(line.Locator($".per-doc a[href='/documents/{earlier}']")).ToHaveCountAsync(1);
        await Expect(line.Locator($".per-doc a[href='/documents/{later}']")).ToHaveCountAsync(1);

        await s.Page.Locator("input[name='term']").FillAsync("数字");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await Expect(s.Page).ToHaveURLAsync(new Regex("term=%E6%95%B0%E5%AD%97"));
        await Expect(s.Page.Locator("#timeline tr[data-term='数字政府']")).ToHaveCountAsync(1);
        await Expect(s.Page.Locator("#timeline tr[data-term='创新强省']")).ToHaveCountAsync(0);
        foreach (var term in await s.Page.Locator("#timeline tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.term)"))
        {
            term.ShouldContain("数字");
        }

        await s.GoAsync("/documents/timeline?term=" + Uri.EscapeDataString("没有这个提法"));
        await Expect(s.Page.Locator(".empty")).ToContainTextAsync("没有包含“没有这个提法”的提法");
        await s.GoAsync("/documents/timeline");
    }

    [Fact]
    public async Task Diff_ShowsNewDroppedAndContinuedFormulations_SideBySide()
    {
        var earlier = await EnsureIngested("digital.txt", DigitalMeeting);
        var later = await EnsureIngested("congress.txt", Congress);
        await using var s = await site.OpenAsync();
        await s.GoAsync($"/documents/diff?a={earlier}&b=999999");
        await Expect(s.Page.Locator("#diff-b + .field-error")).ToContainTextAsync("文件 999999 不存在");

        await s.Page.Locator("#diff-b").SelectOptionAsync(later.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await s.Page.Locator("#compare").ClickAsync();
        var terms = s.Page.Locator("#term-diff");
        await Expect(terms.Locator("tr.new[data-term='三个高地'] td.added")).ToContainTextAsync("三个高地");
        await Expect(terms.Locator("tr.dropped[data-term='数字政府'] td.removed")).ToContainTextAsync("数字政府");
        await Expect(terms.Locator("tr.continued[data-term='创新强省'] td")).ToHaveCountAsync(2);
        var figures = s.Page.Locator("#figure-diff");
        await Expect(figures.Locator("tr.new[data-subject='全省研发经费投入强度'] td.added")).ToContainTextAsync("为 3.2 % (实际)");
        await Expect(figures.Locator("tr.dropped[data-subject='全省数字经济核心产业增加值'] td.removed")).ToContainTextAsync("增长 8.2 % (实际)");
        await Expect(s.Page.Locator(".diff-heads .from")).ToContainTextAsync("全省数字经济推进会召开");
        await Expect(s.Page.Locator(".diff-heads .to")).ToContainTextAsync("全省科技创新大会召开");
    }

    [Fact]
    public async Task Document_ThatDoesNotExist_IsTheNotFoundPage()
    {
        await using var s = await site.OpenAsync();
        var response = await s.GoAsync("/documents/999999");
        response.ShouldNotBeNull().Status.ShouldBe(404);
    }

    [Fact]
    public async Task Leader_ReadsDocuments_WithoutTheIngestForm()
    {
        await EnsureIngested("digital.txt", DigitalMeeting);
        await using var s = await site.OpenAsync(user: "leader");
        await s.GoAsync("/documents");
        await Expect(s.Page.Locator("#documents tbody tr")).Not.ToHaveCountAsync(0);
        await Expect(s.Page.Locator("#paste-form")).ToHaveCountAsync(0);
        await s.Page.Locator("#documents tbody tr a", new() { HasText = "全省数字经济推进会召开" }).ClickAsync();
        await Expect(s.Page.Locator("#doc-text .hl-term")).Not.ToHaveCountAsync(0);
        await Expect(s.Page.Locator(".review-actions")).ToHaveCountAsync(0);

        // The same page in English.
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(s.Page.Locator(".doc-legend")).ToContainTextAsync("Directive");
        await Expect(s.Page.Locator(".doc-legend")).ToContainTextAsync("Formulation");
        await Expect(s.Page.Locator(".items-head h2")).ToContainTextAsync("Extracted items");
        await Expect(s.Page.Locator("li.doc-item.kind-target .item-fields")).ToContainTextAsync("around");
    }

    /// <summary>The item of a kind whose own text (not only its sentence) holds <paramref name="text"/>.</summary>
    private static ILocator Item(Session s, string kind, string text) =>
        s.Page.Locator($"li.doc-item.kind-{kind}", new() { Has = s.Page.Locator(".item-text", new() { HasText = text }) });

    /// <summary>The document's id: ingested through the API the first time a test needs it, found by its title after.</summary>
    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    private async Task<int> EnsureIngested(string source, string text)
    {
        var title = text.Split('\n')[0].Trim();
        var response = await site.Http.PostAsJsonAsync("/api/documents/text", new { title, text, source });
        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            response.EnsureSuccessStatusCode();
        }

        var list = await site.Http.GetFromJsonAsync<JsonElement[]>("/api/documents");
        return list.ShouldNotBeNull().Single(d => d.GetProperty("title").GetString() == title).GetProperty("id").GetInt32();
    }
}
