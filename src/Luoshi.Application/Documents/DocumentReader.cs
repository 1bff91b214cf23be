using System.Text;
using System.Text.RegularExpressions;
using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Documents;

namespace Luoshi.Application.Documents;

/// <summary>The text of an uploaded file, how it was read, and a title its container carried.</summary>
public sealed record DocumentText(string Text, SourceFormat Format, string Encoding, string? TitleHint);

/// <summary>
/// Reads .txt, .html, .docx and .pdf bytes into text. Text files come in UTF-8 (with or without a byte-order
/// mark), UTF-16 with a mark, or GBK/GB18030 from older Chinese systems — and sometimes a mix, when a page
/// was pasted together from both; each line is then read in the encoding it is valid in. A PDF (known by its
/// <c>%PDF-</c> header whatever its name) gives its text layer with a form feed ending each page (<see cref="PdfText"/>).
/// Anything else (an image, an old .doc, a scan without text) is refused with a message that names the file.
/// </summary>
public static partial class DocumentReader
{
    static DocumentReader()
    {
        // GB18030, GBK and Big5 live in the code-pages provider of the shared framework.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static DocumentText Read(byte[] bytes, string? fileName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
        {
            throw Refused(new Text("文件为空", "the file is empty"));
        }

        if (bytes.Length > Document.MaxOriginalBytes)
        {
            throw Refused(new Text($"文件过大(上限{Document.MaxOriginalBytes / 1024 / 1024} MB)", $"the file is too large (at most {Document.MaxOriginalBytes / 1024 / 1024} MB)"));
        }

        var extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        if (extension == ".pdf" || PdfText.Is(bytes))
        {
            return PdfText.Read(bytes, fileName);
        }

        bool zip = bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        switch (extension)
        {
            case ".docx":
                return DocxText.Read(bytes);
            case ".html" or ".htm" or ".xhtml" or ".shtml":
                return Html(bytes);
            case ".txt" or ".text" or ".md" or "":
                break;
            default:
                throw Refused(new Text($"不支持的文件类型 {extension}:请上传 .txt、.html、.docx 或 .pdf", $"unsupported file type {extension}: use .txt, .html, .docx or .pdf"));
        }

        if (zip)
        {
            return DocxText.Read(bytes);
        }

        var (text, encoding) = Decode(bytes, null);
        if (HtmlSniff().IsMatch(text.AsSpan(0, Math.Min(text.Length, 2048))))
        {
            return Html(bytes);
        }

        return new DocumentText(text, SourceFormat.Text, encoding, null);
    }

    private static DocumentText Html(byte[] bytes)
    {
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 4096));
        var declared = Charset().Match(head) is { Success: true } m ? m.Groups[1].Value.ToLowerInvariant() : null;
        var (html, encoding) = Decode(bytes, declared);
        var (text, title) = HtmlText.ToText(html);
        return new DocumentText(text, SourceFormat.Html, encoding, title);
    }

    /// <summary>Decodes text bytes; the encoding name says what was found (utf-8, utf-8-bom, gb18030, utf-8+gb18030…).</summary>
    public static (string Text, string Encoding) Decode(byte[] bytes, string? declared)
    {
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Checked(Utf8Lenient(bytes.AsSpan(3)), "utf-8-bom");
        }

        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Checked(Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2), "utf-16le");
        }

        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Checked(Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2), "utf-16be");
        }

        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x84, 0x31, 0x95, 0x33]))
        {
            return Checked(Gb18030.GetString(bytes, 4, bytes.Length - 4), "gb18030-bom");
        }

        switch (declared)
        {
            case "gbk" or "gb2312" or "gb18030" or "x-gbk" or "cp936":
                return Checked(Gb18030.GetString(bytes), "gb18030");
            case "big5" or "big5-hkscs":
                return Checked(Encoding.GetEncoding(950).GetString(bytes), "big5");
        }

        if (TryUtf8(bytes, out var utf8))
        {
            return Checked(utf8, "utf-8");
        }

        // A file cut off in the middle of a character: read it as UTF-8 and drop the broken tail.
        int cut = IncompleteUtf8Tail(bytes);
        if (cut > 0 && TryUtf8(bytes.AsSpan(0, bytes.Length - cut), out utf8))
        {
            return Checked(utf8, "utf-8 (truncated)");
        }

        return Checked(ByLine(bytes, out var mixed), mixed ? "utf-8+gb18030" : "gb18030");
    }

    private static Encoding Gb18030 => Encoding.GetEncoding(54936);

    private static bool TryUtf8(ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }

    private static string Utf8Lenient(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    private static int IncompleteUtf8Tail(byte[] bytes)
    {
        // Walk back over continuation bytes to the lead byte of the last sequence; if the sequence is short, it is the cut.
        int i = bytes.Length - 1, continuation = 0;
        while (i >= 0 && continuation < 3 && (bytes[i] & 0xC0) == 0x80)
        {
            i--;
            continuation++;
        }

        if (i < 0)
        {
            return 0;
        }

        int expected = bytes[i] switch { >= 0xF0 and <= 0xF4 => 4, >= 0xE0 => 3, >= 0xC2 and < 0xE0 => 2, _ => 1 };
        return expected > 1 && continuation + 1 < expected ? continuation + 1 : 0;
    }

    /// <summary>Each line in the encoding it is valid in: UTF-8 when it decodes strictly, GB18030 otherwise.</summary>
    private static string ByLine(byte[] bytes, out bool mixed)
    {
        var sb = new StringBuilder(bytes.Length);
        bool sawUtf8 = false, sawGb = false;
        int start = 0;
        while (start <= bytes.Length)
        {
            int end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0)
            {
                end = bytes.Length;
            }

            var line = bytes.AsSpan(start, end - start);
            if (TryUtf8(line, out var text))
            {
                sawUtf8 |= line.ContainsAnyInRange((byte)0x80, (byte)0xFF);
                sb.Append(text);
            }
            else
            {
                sawGb = true;
                sb.Append(Gb18030.GetString(line));
            }

            if (end < bytes.Length)
            {
                sb.Append('\n');
            }

            start = end + 1;
        }

        mixed = sawUtf8 && sawGb;
        return sb.ToString();
    }

    /// <summary>Refuses what decoded into mostly control characters or replacement marks: a binary file under a text name.</summary>
    private static (string, string) Checked(string text, string encoding)
    {
        int bad = 0, sample = Math.Min(text.Length, 200_000);
        for (int i = 0; i < sample; i++)
        {
            char c = text[i];
            if (c == '\uFFFD' || c == '\0' || (char.IsControl(c) && c is not '\n' and not '\r' and not '\t' and not '\f'))
            {
                bad++;
            }
        }

        if (sample > 0 && bad * 20 > sample)
        {
            throw Refused(new Text("文件看起来不是文本(含大量无法识别的字节)", "the file does not look like text (too many unreadable bytes)"));
        }

        int dropped = text.AsSpan().Count('\uFFFD');
        return dropped == 0 ? (text, encoding) : (text.Replace("\uFFFD", string.Empty, StringComparison.Ordinal), $"{encoding} ({dropped} unreadable)");
    }

    internal static InputRefusedException Refused(Text message) => InputRefusedException.Single("file", message);

    [GeneratedRegex(@"^\s*(?:<!doctype\s+html|<html|<head|<meta|<body|<div|<p>)", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlSniff();

    [GeneratedRegex(@"charset\s*=\s*[""']?\s*([A-Za-z0-9_\-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Charset();
}
