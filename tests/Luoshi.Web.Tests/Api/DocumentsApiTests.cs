using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Luoshi.Application.Documents;
using Luoshi.Domain.Documents;
using Luoshi.Web.Tests.Infrastructure;

namespace Luoshi.Web.Tests.Api;

public sealed class DocumentsApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    static DocumentsApiTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Speech(string tag) => $"""
        {tag}全省工作会议召开
        发布时间：2026-02-10
        2月8日，{tag}全省工作会议召开，省委书记张明讲话。
        要加快建设现代化产业体系，着力扩大有效投资。
        全省生产总值增长5.5%左右，力争6%。
        上半年全省固定资产投资增长3.2%。
        深入实施“八八战略”。
        """;

    private static Task<HttpResponseMessage> Upload(HttpClient client, byte[] bytes, string name, string? title = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        if (title is not null)
        {
            form.Add(new StringContent(title), "title");
        }

        return client.PostAsync("/api/documents", form);
    }

    private static byte[] Docx(string title, params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(
                paragraphs.Select(p => new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(p))))));
            doc.PackageProperties.Title = title;
        }

        return stream.ToArray();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Upload_GbkText_IsIngested_Listed_AndItsOriginalKept(Db db)
    {
        var app = await fixture.For(db);
        var bytes = Encoding.GetEncoding("GBK").GetBytes(Speech("甲"));

        var created = await (await Upload(app.Client, bytes, "jia.txt")).ShouldBeOk<DocumentView>(HttpStatusCode.Created);
        var list = await (await app.Client.GetAsync("/api/documents?term=八八战略")).ShouldBeOk<List<DocumentSummary>>();
        var one = await (await app.Client.GetAsync($"/api/documents/{created.Id}")).ShouldBeOk<DocumentView>();
        var original = await app.Client.GetAsync($"/api/documents/{created.Id}/original");

        created.Encoding.ShouldBe("gb18030");
        created.Title.ShouldBe("甲全省工作会议召开");
        created.Date.ShouldBe(new DateOnly(2026, 2, 8));
        created.Items.Select(i => i.Kind).Distinct().ShouldBe([DocumentItemKind.Directive, DocumentItemKind.Target, DocumentItemKind.Figure], ignoreOrder: true);
        list.ShouldContain(d => d.Id == created.Id && d.Pending == created.Items.Count);
        one.Text.ShouldBe(created.Text);
        (await original.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        original.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Upload_BadFiles_AreProblemsNamingTheFile(Db db)
    {
        var app = await fixture.For(db);
        var bytes = Encoding.UTF8.GetBytes(Speech("乙"));
        await (await Upload(app.Client, bytes, "yi.txt")).ShouldBeOk<DocumentView>(HttpStatusCode.Created);

        await (await Upload(app.Client, [], "empty.txt")).ShouldBeProblem(HttpStatusCode.BadRequest, "file");
        await (await Upload(app.Client, [0x25, 0x50, 0x44, 0x46], "scan.pdf")).ShouldBeProblem(HttpStatusCode.BadRequest, "file");
        await (await Upload(app.Client, [0x50, 0x4B, 0x03, 0x04, 0x14], "broken.docx")).ShouldBeProblem(HttpStatusCode.BadRequest, "file");
        await (await Upload(app.Client, bytes, "again.txt")).ShouldBeProblem(HttpStatusCode.Conflict, "file");
        await (await app.Client.PostAsync("/api/documents", new MultipartFormDataContent { { new StringContent("x"), "title" } })).ShouldBeProblem(HttpStatusCode.BadRequest, "file");
        await (await app.Client.PostJson("/api/documents/text", new { title = "空" })).ShouldBeProblem(HttpStatusCode.BadRequest, "text");
        await (await app.Client.GetAsync("/api/documents?state=lost")).ShouldBeProblem(HttpStatusCode.BadRequest, "state");
        (await app.Client.GetAsync("/api/documents/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Review_ThroughTheApi_AcceptsRejectsAndRefusesASecondDecision(Db db)
    {
        var app = await fixture.For(db);
        var tag = db == Db.Sqlite ? "丙" : "丁";
        var doc = await (await app.Client.PostJson("/api/documents/text", new { title = tag + "讲话", text = Speech(tag) })).ShouldBeOk<DocumentView>(HttpStatusCode.Created);
        var directive = doc.Items.First(i => i.Kind == DocumentItemKind.Directive);
        var other = doc.Items.Last(i => i.Kind == DocumentItemKind.Directive);
        var target = doc.Items.Single(i => i.Kind == DocumentItemKind.Target);
        var figure = doc.Items.Single(i => i.Kind == DocumentItemKind.Figure);
        string code = "DOC-" + (db == Db.Sqlite ? "S" : "P");

        await (await app.Client.PostJson($"/api/documents/{doc.Id}/items/{directive.Number}/accept-plan", new { parent = "P0" })).ShouldBeProblem(HttpStatusCode.BadRequest, "code");
        var plan = await (await app.Client.PostJson($"/api/documents/{doc.Id}/items/{directive.Number}/accept-plan", new { code, kind = "programme" })).ShouldBeOk<JsonObject>();
        var targetSet = await (await app.Client.PostJson($"/api/documents/{doc.Id}/items/{target.Number}/accept-target", new { indicator = "GDP", org = "330000", year = "2026" })).ShouldBeOk<JsonObject>();
        var reading = await (await app.Client.PostJson($"/api/documents/{doc.Id}/items/{figure.Number}/accept-reading", new { indicator = "FAI", org = "330000", period = "2026-06" })).ShouldBeOk<JsonObject>();
        var rejected = await (await app.Client.PostJson($"/api/documents/{doc.Id}/items/{other.Number}/reject", new { note = "重复" })).ShouldBeOk<JsonObject>();

        plan["planItem"]!["sourceSentence"]!.GetValue<string>().ShouldBe(directive.Sentence.Text);
        plan["item"]!["linkedTo"]!.GetValue<string>().ShouldBe("plan:" + code);
        targetSet["target"]!["qualifier"]!.GetValue<string>().ShouldBe("around");
        targetSet["target"]!["stretch"]!.GetValue<decimal>().ShouldBe(6m);
        reading["reading"]!["comment"]!.GetValue<string>().ShouldBe(figure.Sentence.Text);
        rejected["item"]!["decision"]!.GetValue<string>().ShouldBe("rejected");
        await (await app.Client.PostJson($"/api/documents/{doc.Id}/items/{other.Number}/reject", new { })).ShouldBeProblem(HttpStatusCode.Conflict, "number");
        await (await app.Client.PostJson($"/api/documents/{doc.Id}/items/{figure.Number}/accept-target", new { indicator = "GDP", org = "330000" })).ShouldBeProblem(HttpStatusCode.Conflict, "number");
        await (await app.Client.PostJson($"/api/documents/{doc.Id}/items/{target.Number}/accept-reading", new { indicator = "FAI", org = "nowhere" })).ShouldBeProblem(HttpStatusCode.BadRequest, "org");
        (await app.Client.PostJson($"/api/documents/{doc.Id}/items/999/reject", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var after = await (await app.Client.GetAsync($"/api/documents/{doc.Id}")).ShouldBeOk<DocumentView>();
        after.State.ShouldBe(ReviewState.InReview);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AcceptPolicy_ThroughTheApi_MakesADraft_AndRefusesNamingTheField(Db db)
    {
        var app = await fixture.For(db);
        var tag = db == Db.Sqlite ? "戊" : "己";
        var doc = await (await app.Client.PostJson("/api/documents/text", new { title = tag + "政策会", text = Speech(tag) })).ShouldBeOk<DocumentView>(HttpStatusCode.Created);
        var directive = doc.Items.First(i => i.Kind == DocumentItemKind.Directive);
        string code = "ZC-DOC-" + (db == Db.Sqlite ? "S" : "P");
        string url = $"/api/documents/{doc.Id}/items/{directive.Number}/accept-policy";

        await (await app.Client.PostJson(url, new { code, package = "扩大有效投资" })).ShouldBeProblem(HttpStatusCode.BadRequest, "lead");
        await (await app.Client.PostJson(url, new { code, lead = "330100", package = "扩大有效投资" })).ShouldBeProblem(HttpStatusCode.BadRequest, "lead");
        await (await app.Client.PostJson(url, new { code, lead = "FGW" })).ShouldBeProblem(HttpStatusCode.BadRequest, "package");
        (await app.Client.PostJson($"/api/documents/{doc.Id}/items/999/accept-policy", new { code, lead = "FGW", package = "扩大有效投资" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var accepted = await (await app.Client.PostJson(url, new { code, lead = "FGW", package = "扩大有效投资" })).ShouldBeOk<JsonObject>();

        accepted["item"]!["linkedTo"]!.GetValue<string>().ShouldBe("policy:" + code);
        accepted["policy"]!["title"]!.GetValue<string>().ShouldBe(directive.Text.Trim());
        accepted["policy"]!["issued"]!.GetValue<string>().ShouldBe("2026-02-08");
        accepted["policy"]!["isPublic"]!.GetValue<bool>().ShouldBeFalse();
        var other = doc.Items.Last(i => i.Kind == DocumentItemKind.Directive);
        await (await app.Client.PostJson($"/api/documents/{doc.Id}/items/{other.Number}/accept-policy", new { code, lead = "FGW", package = "扩大有效投资" })).ShouldBeProblem(HttpStatusCode.Conflict, "code");
        var page = await app.Client.GetStringAsync($"/policies/{code}");
        page.ShouldContain($"href=\"/documents/{doc.Id}#item-{directive.Number}\"");
    }

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Upload_Pdf_IsIngested_WithThePageOfEachItem_AndScansAndLockedFilesAreRefused(Db db)
    {
        var app = await fixture.For(db);
        var bytes = Fixture("work-report.pdf");

        var response = await Upload(app.Client, bytes, "work-report.pdf");
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var created = await response.ShouldBeOk<DocumentView>(HttpStatusCode.Created);
        var one = await (await app.Client.GetAsync($"/api/documents/{created.Id}")).ShouldBeOk<DocumentView>();
        var original = await app.Client.GetAsync($"/api/documents/{created.Id}/original");

        created.Format.ShouldBe(SourceFormat.Pdf);
        created.Title.ShouldBe("政府工作报告");
        created.Pages.ShouldBe(3);
        created.Text.Count(c => c == '\f').ShouldBe(3);
        var target = created.Items.Single(i => i.Kind == DocumentItemKind.Target && i.Text.StartsWith("全省生产总值", StringComparison.Ordinal));
        target.Sentence.Page.ShouldBe(2);
        created.Items.Single(i => i.Kind == DocumentItemKind.Figure && i.Text.StartsWith("全省生产总值", StringComparison.Ordinal)).Sentence.Page.ShouldBe(1);
        created.Items.ShouldAllBe(i => i.Sentence.Page != null);
        json["pages"]!.GetValue<int>().ShouldBe(3);
        json["items"]!.AsArray().Single(i => i!["number"]!.GetValue<int>() == target.Number)!["sentence"]!["page"]!.GetValue<int>().ShouldBe(2);

        // Read back from the database the pages are the same: they come from the form feeds kept in the text.
        one.Items.Select(i => i.Sentence.Page).ShouldBe(created.Items.Select(i => i.Sentence.Page));
        one.Pages.ShouldBe(3);
        (await original.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        original.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");

        // A source without pages says so with a null page.
        var pasted = await (await app.Client.PostJson("/api/documents/text", new { text = Speech(db == Db.Sqlite ? "庚" : "辛") })).Content.ReadAsStringAsync();
        var pastedItem = JsonNode.Parse(pasted)!["items"]!.AsArray()[0]!["sentence"]!.AsObject();
        pastedItem.ContainsKey("page").ShouldBeTrue();
        pastedItem["page"].ShouldBeNull();

        var scan = await (await Upload(app.Client, Fixture("scanned.pdf"), "scanned.pdf")).ShouldBeProblem(HttpStatusCode.BadRequest, "file");
        scan.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ShouldContain("scanned.pdf");
        await (await Upload(app.Client, Fixture("encrypted.pdf"), "encrypted.pdf")).ShouldBeProblem(HttpStatusCode.BadRequest, "file");
        await (await Upload(app.Client, bytes[..(bytes.Length / 2)], "cut.pdf")).ShouldBeProblem(HttpStatusCode.BadRequest, "file");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Docx_TimelineAndDiff(Db db)
    {
        var app = await fixture.For(db);
        var tag = db == Db.Sqlite ? "戊" : "己";
        var first = await (await app.Client.PostJson("/api/documents/text", new { text = Speech(tag + "一") })).ShouldBeOk<DocumentView>(HttpStatusCode.Created);
        var docx = Docx(tag + "推进会", "6月28日，全省项目建设推进会召开。", "要深入实施“八八战略”，实现“双过半”。");
        var second = await (await Upload(app.Client, docx, "later.docx")).ShouldBeOk<DocumentView>(HttpStatusCode.Created);

        var timeline = await (await app.Client.GetAsync("/api/documents/timeline?term=八八战略")).ShouldBeOk<JsonArray>();
        var diff = await (await app.Client.GetAsync($"/api/documents/diff?from={first.Id}&to={second.Id}")).ShouldBeOk<JsonObject>();

        second.Format.ShouldBe(SourceFormat.Docx);
        timeline.ShouldHaveSingleItem()!["documents"]!.AsArray().Select(d => d!["document"]!["id"]!.GetValue<int>()).ShouldContain(second.Id);
        diff["new"]!.AsArray().Select(t => t!["term"]!.GetValue<string>()).ShouldBe(["双过半"]);
        diff["continued"]!.AsArray().Select(t => t!["term"]!.GetValue<string>()).ShouldBe(["八八战略"]);
        var gdp = diff["droppedFigures"]!.AsArray().Single(f => f!["subject"]!.GetValue<string>() == "全省生产总值")!;
        (gdp["from"]!["value"]!.GetValue<decimal>(), gdp["from"]!["kind"]!.GetValue<string>(), gdp["from"]!["qualifier"]!.GetValue<string>()).ShouldBe((5.5m, "target", "around"));
        gdp["to"].ShouldBeNull();
        diff["newFigures"]!.AsArray().ShouldBeEmpty();
        await (await app.Client.GetAsync($"/api/documents/diff?from={first.Id}")).ShouldBeProblem(HttpStatusCode.BadRequest, "to");
    }
}
