using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Luoshi.Web.Infrastructure.Caching;

/// <summary>
/// <c>&lt;kept-html key="…"&gt;…&lt;/kept-html&gt;</c>: the enclosed markup rendered once per key and kept in the
/// <see cref="AnswerCache"/>; later requests with the same key write the kept text instead of rendering it. A null
/// key renders the content every time. The key must name everything the markup depends on (the data version among
/// it); the page checks who may see it before it names a key.
/// </summary>
/// <remarks>
/// Unlike the framework's <c>&lt;cache&gt;</c> tag helper, the kept text is written to the response asynchronously in
/// one piece (<see cref="IHtmlAsyncContent"/>): a synchronous <c>IHtmlContent</c> is first copied into the view's
/// paged buffer, one pooled 1 K page after the other, which for a page of 100 KB under load cost more than all the
/// rest of the request (docs/adr/0015).
/// </remarks>
[HtmlTargetElement("kept-html")]
public sealed class KeptHtmlTagHelper(AnswerCache answers) : TagHelper
{
    [HtmlAttributeName("key")]
    public string? Key { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        if (Key is null || !answers.Enabled)
        {
            return;
        }

        // The first asker renders; whoever asks the same meanwhile waits for that rendering.
        var kept = await answers.GetOrAdd(Key, async () => KeptHtml.Of(await output.GetChildContentAsync()), k => k.Size);
        output.Content.SetHtmlContent(kept);
    }
}

/// <summary>Rendered markup kept as one string, written in one asynchronous call.</summary>
public sealed class KeptHtml : IHtmlAsyncContent
{
    private readonly string _text;

    private KeptHtml(string text) => _text = text;

    /// <summary>What the text weighs in memory, for the cache's budget.</summary>
    public long Size => 2L * _text.Length + 64;

    public static KeptHtml Of(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return new KeptHtml(writer.ToString());
    }

    public void WriteTo(TextWriter writer, HtmlEncoder encoder) => writer.Write(_text);

    public ValueTask WriteToAsync(TextWriter writer) => new(writer.WriteAsync(_text));

    public override string ToString() => _text;
}
