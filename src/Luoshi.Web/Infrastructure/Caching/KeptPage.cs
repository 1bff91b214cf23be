using Microsoft.AspNetCore.Mvc;

namespace Luoshi.Web.Infrastructure.Caching;

/// <summary>
/// A page whose body is kept (<see cref="KeptHtmlTagHelper"/>) can also keep its frame — the layout's bytes before
/// and after the body: navigation, the reader's name, the language switch — per reader. With both kept, a request
/// writes three byte arrays and renders nothing. The frame's key must name what the layout shows: the reader (and the
/// identity version, which moves with their name and grants), the language, the path and query (the language switch
/// returns to them) and the data version (the demo banner); the frame holds no per-request token (ADR 0015).
/// </summary>
public static class KeptPage
{
    /// <summary>
    /// The page written from its kept body and frame when both are kept (null otherwise: render the page). When the page
    /// is to be rendered, what it writes is copied on the way out and its frame kept once the response is complete,
    /// provided it succeeded and wrote the kept body.
    /// </summary>
    public static IActionResult? Serve(HttpContext http, AnswerCache answers, string bodyKey, string frameKey)
    {
        if (answers.Find<KeptHtml>(bodyKey) is { } body && answers.Find<KeptFrame>(frameKey) is { } frame)
        {
            return new Kept(frame, body);
        }

        if (answers.Enabled)
        {
            var capture = new FrameCapture(http.Response.Body);
            http.Response.Body = capture;
            http.Response.RegisterForDispose(capture);
            http.Response.OnCompleted(() =>
            {
                if (http.Response.StatusCode == StatusCodes.Status200OK && capture.Frame() is { } rendered)
                {
                    answers.Put(frameKey, rendered, rendered.Size);
                }

                return Task.CompletedTask;
            });
        }

        return null;
    }

    private sealed class Kept(KeptFrame frame, KeptHtml body) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            var ct = context.HttpContext.RequestAborted;
            response.ContentType = "text/html; charset=utf-8";
            response.ContentLength = frame.Head.Length + body.Utf8.Length + frame.Tail.Length;
            await response.Body.WriteAsync(frame.Head, ct);
            await response.Body.WriteAsync(body.Utf8, ct);
            await response.Body.WriteAsync(frame.Tail, ct);
        }
    }
}

/// <summary>The bytes of a page's layout before and after its kept body.</summary>
public sealed class KeptFrame(byte[] head, byte[] tail)
{
    internal byte[] Head { get; } = head;

    internal byte[] Tail { get; } = tail;

    public long Size => Head.Length + Tail.Length + 64;
}

/// <summary>
/// Passes a page's bytes on to the response and keeps a copy, with where the kept body began
/// (<see cref="KeptHtml.Writing"/> marks it), so that the frame around the body can be cut out afterwards.
/// </summary>
internal sealed class FrameCapture(Stream inner) : Stream
{
    private readonly MemoryStream _copy = new();
    private long _bodyStart = -1;
    private long _bodyLength;

    /// <summary>The kept body, of <paramref name="length"/> bytes, is written next.</summary>
    public void MarkBody(long length)
    {
        _bodyStart = _copy.Length;
        _bodyLength = length;
    }

    /// <summary>The frame, if exactly one kept body was written whole.</summary>
    public KeptFrame? Frame()
    {
        if (_bodyStart < 0 || _bodyStart + _bodyLength > _copy.Length)
        {
            return null;
        }

        var all = _copy.GetBuffer().AsSpan(0, (int)_copy.Length);
        return new KeptFrame(all[..(int)_bodyStart].ToArray(), all[(int)(_bodyStart + _bodyLength)..].ToArray());
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count)
    {
        _copy.Write(buffer, offset, count);
        inner.Write(buffer, offset, count);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _copy.Write(buffer.Span);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _copy.Dispose();
        }

        base.Dispose(disposing);
    }
}
