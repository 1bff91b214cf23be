using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.AspNetCore.WebUtilities;

namespace Luoshi.Web.Infrastructure.Caching;

/// <summary>
/// <c>&lt;kept-html key="…"&gt;…&lt;/kept-html&gt;</c>: the enclosed markup rendered once per key and kept in the
/// <see cref="AnswerCache"/>; later requests with the same key write the kept text instead of rendering it. A null
/// key renders the content every time. The key must name everything the markup depends on (the data version among
/// it); the page checks who may see it before it names a key.
/// </summary>
/// <remarks>
/// Unlike the framework's <c>&lt;cache&gt;</c> tag helper, the kept markup is held as UTF-8 and written to the
/// response body as it is, asynchronously (<see cref="IHtmlAsyncContent"/>): a synchronous <c>IHtmlContent</c> is
/// first copied into the view's paged buffer, one pooled 1 K page after the other, then encoded again, which for a
/// page of 100 KB under load cost more than all the rest of the request (docs/adr/0015).
/// </remarks>
[HtmlTargetElement("kept-html")]
public sealed class KeptHtmlTagHelper(AnswerCache answers) : TagHelper
{
    [HtmlAttributeName("key")]
    public string? Key { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        if (Key is null || !answers.Enabled)
        {
            return;
        }

        // The first asker renders; whoever asks the same meanwhile waits for that rendering.
        var kept = await answers.GetOrAdd(Key, async () => KeptHtml.Of(await output.GetChildContentAsync()), k => k.Size);
        output.Content.SetHtmlContent(new KeptHtml.Writing(kept, ViewContext));
    }
}

/// <summary>Rendered markup kept as UTF-8, shared by every request that shows it.</summary>
public sealed class KeptHtml
{
    private KeptHtml(byte[] utf8) => Utf8 = utf8;

    /// <summary>What the markup weighs in memory, for the cache's budget.</summary>
    public long Size => Utf8.Length + 64;

    internal byte[] Utf8 { get; }

    public static KeptHtml Of(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return new KeptHtml(Encoding.UTF8.GetBytes(writer.ToString()));
    }

    public override string ToString() => Encoding.UTF8.GetString(Utf8);

    /// <summary>
    /// The kept markup in one request's page. When the page is written straight to the response (the usual case),
    /// what the view has written so far is flushed and the bytes follow on the body; otherwise (a page rendered into
    /// another buffer) the markup is written as text.
    /// </summary>
    internal sealed class Writing(KeptHtml kept, ViewContext view) : IHtmlAsyncContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder) => writer.Write(kept.ToString());

        public async ValueTask WriteToAsync(TextWriter writer)
        {
            if (view.Writer is not HttpResponseStreamWriter response)
            {
                await writer.WriteAsync(kept.ToString());
                return;
            }

            // The page's own buffer first, then the response writer's, so that the order on the wire is the page's.
            await writer.FlushAsync();
            await response.FlushAsync();
            var body = view.HttpContext.Response.Body;
            (body as FrameCapture)?.MarkBody(kept.Utf8.Length);
            await body.WriteAsync(kept.Utf8, view.HttpContext.RequestAborted);
        }

        public override string ToString() => kept.ToString();
    }
}
