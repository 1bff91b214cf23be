using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace Luoshi.Web.Infrastructure.Caching;

/// <summary>
/// A JSON answer serialized once, with its Brotli and gzip forms made once too — each when a reader first asks for
/// it — and an entity tag from its content: readers that accept compression get the small form, readers that send
/// the tag back get 304. On a reporting day every write makes a new data version, and a province-wide answer (11 MB
/// at 2.3 M readings) is then read about once per version: making both forms at high quality up front cost more
/// than working the answer out. Large answers are therefore compressed fast rather than small.
/// </summary>
public sealed class JsonAnswer
{
    // Below this, compression saves less than the header it adds costs to read.
    private const int CompressFrom = 1024;

    // Above this, the fast settings: Brotli quality 1 and gzip's fastest level compress 11 MB of evaluation JSON in
    // about 40 and 25 ms (to 1.1 MB), where quality 6 and gzip's optimal level took 600 and 200 ms (to 0.8 MB).
    private const int LargeFrom = 1024 * 1024;

    private readonly Lazy<byte[]>? _brotli;
    private readonly Lazy<byte[]>? _gzip;

    private JsonAnswer(byte[] plain)
    {
        Plain = plain;
        if (plain.Length >= CompressFrom)
        {
            _brotli = new Lazy<byte[]>(() => CompressBrotli(plain), LazyThreadSafetyMode.ExecutionAndPublication);
            _gzip = new Lazy<byte[]>(() => CompressGzip(plain), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        ETag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(plain).AsSpan(0, 12))}\"");
        ETagText = ETag.ToString();
    }

    public byte[] Plain { get; }

    /// <summary>Whether compressed forms are offered (not for answers too small to gain from them).</summary>
    public bool Compressible => _brotli is not null;

    public byte[]? Brotli => _brotli?.Value;
    public byte[]? Gzip => _gzip?.Value;
    public EntityTagHeaderValue ETag { get; }

    /// <summary>The tag as the header carries it, formatted once.</summary>
    public string ETagText { get; }

    /// <summary>What the answer holds in memory, for the cache's budget: the compressed forms are counted before they exist, at a tenth each.</summary>
    public long Size => Plain.Length + (Compressible ? Plain.Length / 5 : 0) + 64;

    public static JsonAnswer Of<T>(T value, JsonSerializerOptions options) => new(JsonSerializer.SerializeToUtf8Bytes(value, options));

    // Made once per answer and data version, so a small answer pays for a quality above on-the-fly compression's defaults.
    private static byte[] CompressBrotli(byte[] plain)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(plain.Length)];
        return BrotliEncoder.TryCompress(plain, buffer, out int written, quality: plain.Length >= LargeFrom ? 1 : 6, window: 22)
            ? buffer[..written]
            : throw new InvalidOperationException("Brotli could not compress into its own maximum length.");
    }

    private static byte[] CompressGzip(byte[] plain)
    {
        using var output = new MemoryStream(plain.Length / 4);
        using (var z = new GZipStream(output, plain.Length >= LargeFrom ? CompressionLevel.Fastest : CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(plain);
        }

        return output.ToArray();
    }
}

/// <summary>Writes a <see cref="JsonAnswer"/>: 304 when the reader's tag matches, else the best form the reader accepts.</summary>
public sealed class JsonAnswerResult(JsonAnswer answer) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public string ContentType => "application/json; charset=utf-8";

    public async Task ExecuteAsync(HttpContext http)
    {
        var request = http.Request;
        var response = http.Response;
        response.Headers.ETag = answer.ETagText;
        response.Headers.Vary = HeaderNames.AcceptEncoding;

        // Private: the answer depends on who may read it; no-cache: a browser keeps it but asks (and gets 304) each time.
        response.Headers.CacheControl = "private, no-cache";
        if (request.Headers.IfNoneMatch.Count > 0 && request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } tags && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(answer.ETag, useStrongComparison: false)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var (body, encoding) = Choose(request);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        if (encoding is not null)
        {
            response.Headers.ContentEncoding = encoding;
        }

        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, http.RequestAborted);
    }

    private (byte[] Body, string? Encoding) Choose(HttpRequest request)
    {
        if (!answer.Compressible || request.Headers.AcceptEncoding.Count == 0)
        {
            return (answer.Plain, null);
        }

        double br = 0, gzip = 0;
        foreach (var accepted in request.GetTypedHeaders().AcceptEncoding)
        {
            double q = accepted.Quality ?? 1;
            if (accepted.Value.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                br = q;
            }
            else if (accepted.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase))
            {
                gzip = q;
            }
        }

        return br > 0 && br >= gzip ? (answer.Brotli!, "br")
            : gzip > 0 ? (answer.Gzip!, "gzip")
            : (answer.Plain, null);
    }
}
