using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Luoshi.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Luoshi.Browser.Tests.Documents;

/// <summary>
/// The real speech pages kept beside the repository (../shared/corpus, never copied into it), through the UI:
/// every extracted item is marked somewhere in the text, and the pages stay quick. Skipped without the corpus.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CorpusDocumentTests(DemoSite site)
{
    [CorpusFact]
    public async Task CorpusSpeeches_EveryItemIsMarkedInTheText_AndTheTimelineFollowsThem()
    {
        var ids = new List<int>();
        foreach (var file in Directory.GetFiles(Corpus.Directory!, "*.txt").Order(StringComparer.Ordinal))
        {
            ids.Add(await Upload(file));
        }

        await using var s = await site.OpenAsync();
        foreach (var id in ids)
        {
            await s.GoAsync($"/documents/{id}");
            Artifacts.AppendTiming("documents corpus: " + await s.TimingAsync());
            var items = await s.Page.Locator("li.doc-item").CountAsync();
            items.ShouldBeGreaterThan(5);
            var marked = await s.Page.EvaluateAsync<int>(
                "() => new Set([...document.querySelectorAll('#doc-text [data-items]')].flatMap(e => e.dataset.items.split(' '))).size");
            marked.ShouldBe(items, $"document {id}: every item has a mark in the text");
            await Expect(s.Page.Locator("#doc-text .hl-term")).Not.ToHaveCountAsync(0);
            await Expect(s.Page.Locator("#doc-text .hl-person")).Not.ToHaveCountAsync(0);
        }

        await s.Page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("CorpusSpeeches-document-viewport") });
        await s.Page.Locator("li.doc-item").Nth(12).ScrollIntoViewIfNeededAsync();
        await s.Page.ScreenshotAsync(new() { Path = Artifacts.Screenshot("CorpusSpeeches-document-scrolled") });
        await s.GoAsync("/documents/timeline");
        await Expect(s.Page.Locator("#timeline-chart canvas")).ToHaveCountAsync(1);
        await Expect(s.Page.Locator("#timeline tbody tr")).Not.ToHaveCountAsync(0);
    }

    private async Task<int> Upload(string path)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "file", Path.GetFileName(path));
        using var response = await site.Http.PostAsync("/api/documents", form);
        if (response.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            var list = await site.Http.GetFromJsonAsync<JsonElement[]>("/api/documents");
            return list!.Single(d => d.GetProperty("source").GetString() == Path.GetFileName(path)).GetProperty("id").GetInt32();
        }

        response.EnsureSuccessStatusCode();
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return created.RootElement.GetProperty("id").GetInt32();
    }
}
