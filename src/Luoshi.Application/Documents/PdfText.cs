using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Luoshi.Domain.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Exceptions;
using Text = Luoshi.Domain.Common.Text;

namespace Luoshi.Application.Documents;

/// <summary>
/// The text layer of a PDF, page by page: every page ends with a form feed (<c>\f</c>), so the page of any
/// offset is one more than the form feeds before it (<see cref="PageMap"/>; docs/adr/0025). Within a page,
/// PdfPig's nearest-neighbour words and Docstrum blocks give the columns and their reading order; the lines
/// of a block are rebuilt from its letters so that Chinese is never split by spaces (a space is kept only
/// between Latin words), and wrapped lines are joined back into paragraphs. Running headers and footers that
/// repeat on the pages, and bare page numbers (- 3 -, 第3页, 3), are dropped; a sentence cut by a page break
/// stays whole on the page it began on. A scan without a text layer, an encrypted file and a damaged one
/// are refused with a message naming the file.
/// </summary>
internal static partial class PdfText
{
    /// <summary>The share of a page's height, at the top and at the bottom, where headers, footers and page numbers live.</summary>
    private const double MarginBand = 0.12;

    /// <summary>Far more letters than a dense page holds (a few thousand): past this the layout analysis is skipped for the content order.</summary>
    private const int MaxLettersLaidOut = 20_000;

    /// <summary>Whether the bytes are a PDF: they begin with <c>%PDF-</c>, whatever the file is called.</summary>
    public static bool Is(ReadOnlySpan<byte> bytes) => bytes.StartsWith("%PDF-"u8);

    public static DocumentText Read(byte[] bytes, string? fileName)
    {
        var name = string.IsNullOrWhiteSpace(fileName) ? "PDF" : Path.GetFileName(fileName);
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) < 0)
        {
            throw Damaged(name);
        }

        try
        {
            using var pdf = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            var pages = new List<PageLines>(pdf.NumberOfPages);
            foreach (var page in pdf.GetPages())
            {
                var box = page.CropBox.Bounds;
                pages.Add(new PageLines(box.Bottom, box.Top, Lines(page)));
            }

            DropRunningLines(pages);
            var text = Join(pages);
            if (text.Length > TextNormalizer.MaxChars)
            {
                throw DocumentReader.Refused(new Text($"{name}:PDF 文件的文字过多", $"{name}: the PDF holds too much text"));
            }

            Check(text, name, () => pdf.GetPages().Any(p => p.NumberOfImages > 0));
            return new DocumentText(text, SourceFormat.Pdf, "pdf", Title(pdf.Information.Title is { } title ? Normalized(title) : null));
        }
        catch (PdfDocumentEncryptedException)
        {
            throw DocumentReader.Refused(new Text(
                $"{name}:PDF 已加密,需要密码才能打开;请上传未加密的版本",
                $"{name}: the PDF is encrypted and needs a password to open: upload an unencrypted version"));
        }
        catch (Exception e) when (e is not (Common.InputRefusedException or OutOfMemoryException or OperationCanceledException))
        {
            // The parser meets whatever a damaged or hostile file holds and throws what it meets there (format,
            // cast, index, key, null-reference…): every such failure is a file that cannot be read, never a 500.
            throw Damaged(name);
        }
    }

    private static Common.InputRefusedException Damaged(string name) => DocumentReader.Refused(new Text(
        $"{name}:无法读取 PDF 文件(已损坏、不完整或不是 PDF)",
        $"{name}: the PDF cannot be read (damaged, incomplete, or not a PDF)"));

    /// <summary>Refuses a PDF that yields no readable text: a scan without a text layer, or fonts that map their glyphs to nothing.</summary>
    private static void Check(string text, string name, Func<bool> hasImages)
    {
        int readable = 0, unmapped = 0;
        foreach (var c in text)
        {
            if (c is '\uFFFD' or (>= '\uE000' and <= '\uF8FF') || (char.IsControl(c) && !char.IsWhiteSpace(c)))
            {
                unmapped++;
            }
            else if (char.IsLetterOrDigit(c))
            {
                readable++;
            }
        }

        if (unmapped > 0 && unmapped * 3 > readable)
        {
            throw DocumentReader.Refused(new Text(
                $"{name}:PDF 的字体没有文字映射,取不出可读的文字;请先做文字识别(OCR)或上传文字版",
                $"{name}: the PDF's fonts map their glyphs to no text, so none can be read: run OCR first or upload a text version"));
        }

        if (readable < 10)
        {
            throw DocumentReader.Refused(hasImages()
                ? new Text(
                    $"{name}:PDF 没有文字层(可能是扫描件),请先做文字识别(OCR)或上传文字版",
                    $"{name}: the PDF has no text layer (probably a scan): run OCR first or upload a text version")
                : new Text($"{name}:PDF 里没有可读的文字", $"{name}: the PDF holds no readable text"));
        }
    }

    /// <summary>The document's title property when it names the document, not a file ("notice.html", "Microsoft Word - 1.doc", "untitled").</summary>
    internal static string? Title(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var t = WordPrefix().Replace(title.Trim(), string.Empty);
        t = FileExtension().Replace(t, string.Empty).Trim();
        return t.Length >= 2 && t.AsSpan().ContainsAnyInRange('\u4E00', '\u9FFF') ? t : null;
    }

    private sealed record PageLines(double Bottom, double Top, List<Line> Lines);

    /// <summary>A line of text with its box and the column (block) it stands in; sizes in points.</summary>
    private sealed record Line(string Text, double Left, double Right, double Top, double Bottom, double Size, double ColumnLeft, double ColumnRight);

    /// <summary>The page's lines in reading order: the blocks Docstrum finds, ordered, each cut into lines by baseline.</summary>
    private static List<Line> Lines(Page page)
    {
        // Only what is drawn on the page: text placed far outside it is invisible, and its distances would make the
        // layout analysis crawl (a damaged file can put a letter at x = 10⁸).
        var box = page.CropBox.Bounds;
        double slackX = box.Width * 0.1, slackY = box.Height * 0.1;
        var all = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)
            && l.StartBaseLine.X >= box.Left - slackX && l.StartBaseLine.X <= box.Right + slackX
            && l.StartBaseLine.Y >= box.Bottom - slackY && l.StartBaseLine.Y <= box.Top + slackY
            && l.PointSize < box.Height).ToList();
        var letters = all.Where(l => l.TextOrientation == TextOrientation.Horizontal).ToList();
        if (all.Count == 0)
        {
            return [];
        }

        if (letters.Count * 2 < all.Count || letters.Count > MaxLettersLaidOut)
        {
            // Mostly turned text (a landscape page drawn rotated), or a page of tens of thousands of letters: the
            // content order is the best guess there is, and costs no more than the letters.
            return [.. ContentOrderTextExtractor.GetText(page, addDoubleNewline: false).Split('\n')
                .Select(t => t.Trim()).Where(t => t.Length > 0)
                .Select(t => new Line(Normalized(t), 0, 0, page.Height / 2, page.Height / 2, 0, 0, 0))];
        }

        // Diagonal watermarks and the second stroke of fake bold go; what is left is the page's horizontal text.
        letters = [.. DuplicateOverlappingTextProcessor.Get(letters)];
        var words = NearestNeighbourWordExtractor.Instance.GetWords(letters).ToList();
        var blocks = DocstrumBoundingBoxes.Instance.GetBlocks(words);
        var ordered = UnsupervisedReadingOrderDetector.Instance.Get(blocks).OrderBy(b => b.ReadingOrder);
        var lines = new List<Line>();
        foreach (var block in ordered)
        {
            var inBlock = block.TextLines.SelectMany(l => l.Words).SelectMany(w => w.Letters).ToList();
            var rows = Rows(inBlock);
            var built = rows.Select(Build).Where(l => l.Text.Length > 0).ToList();
            if (built.Count == 0)
            {
                continue;
            }

            double left = built.Min(l => l.Left), right = built.Max(l => l.Right);
            lines.AddRange(built.Select(l => l with { ColumnLeft = left, ColumnRight = right }));
        }

        return lines;
    }

    /// <summary>Letters grouped by baseline, top to bottom, each row left to right.</summary>
    private static List<List<Letter>> Rows(List<Letter> letters)
    {
        var rows = new List<(double Y, double Size, List<Letter> Letters)>();
        foreach (var letter in letters.OrderByDescending(l => l.StartBaseLine.Y).ThenBy(l => l.StartBaseLine.X))
        {
            double size = Size(letter);
            int at = rows.FindIndex(r => Math.Abs(r.Y - letter.StartBaseLine.Y) <= 0.4 * Math.Max(r.Size, size));
            if (at < 0)
            {
                rows.Add((letter.StartBaseLine.Y, size, [letter]));
            }
            else
            {
                rows[at].Letters.Add(letter);
            }
        }

        return [.. rows.OrderByDescending(r => r.Y).Select(r => r.Letters.OrderBy(l => l.StartBaseLine.X).ToList())];
    }

    private static double Size(Letter l) => l.PointSize > 0.5 ? l.PointSize : Math.Max(l.BoundingBox.Height, 1);

    /// <summary>
    /// A row's text: no space between Chinese characters however wide the justification spreads them; a space
    /// between Latin words (a visible gap); a space where a wide gap separates two runs (table cells).
    /// </summary>
    private static Line Build(List<Letter> row)
    {
        var sb = new StringBuilder(row.Count + 8);
        double size = row.Select(Size).Order().ElementAt(row.Count / 2);
        Letter? previous = null;
        foreach (var letter in row)
        {
            var value = Normalized(letter.Value);
            if (previous is not null && sb.Length > 0 && value.Length > 0)
            {
                double end = previous.Width > 0.01 ? previous.EndBaseLine.X : previous.BoundingBox.Right;
                double gap = letter.StartBaseLine.X - end;
                bool latin = !Wide(sb[^1]) && !Wide(value[0]);
                if (gap > 1.5 * size || (latin && gap > 0.15 * size))
                {
                    sb.Append(' ');
                }
            }

            sb.Append(value);
            previous = letter;
        }

        double top = row.Max(l => l.BoundingBox.Top), bottom = row.Min(l => l.BoundingBox.Bottom);
        double left = row[0].StartBaseLine.X, right = row.Max(l => Math.Max(l.EndBaseLine.X, l.BoundingBox.Right));
        return new Line(sb.ToString().Trim(), left, right, top, bottom, size, left, right);
    }

    /// <summary>Wide (CJK) characters take no spaces around them: ideographs, kana, CJK punctuation, full-width forms, Chinese quotes and dashes.</summary>
    private static bool Wide(char c) =>
        c is (>= '\u2E80' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFFEF')
            or '“' or '”' or '‘' or '’' or '—' or '…' or '·';

    /// <summary>
    /// Fonts that draw 一 with the Kangxi radical ⼀ (U+2F00) or 民 with ⺠ (U+2EA0) map the glyph to the radical;
    /// the text wants the ideograph.
    /// </summary>
    internal static string Normalized(string s)
    {
        if (!s.AsSpan().ContainsAnyInRange('\u2E80', '\u2FDF'))
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is >= '\u2F00' and <= '\u2FD5')
            {
                sb.Append(c.ToString().Normalize(NormalizationForm.FormKC));
            }
            else if (c is >= '\u2E80' and <= '\u2EFF' && Radicals.IndexOf(c) is var i and >= 0 && i % 2 == 0)
            {
                sb.Append(Radicals[i + 1]);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>CJK Radicals Supplement → the ideograph they stand for, in pairs (Unicode gives no decomposition for most).</summary>
    private const string Radicals = "⺟母⺠民⺼月⻁虎⻄西⻅见⻆角⻉贝⻋车⻓长⻔门⻗雨⻘青⻚页⻛风⻜飞⻝食⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻬齐⻮齿⻰龙⻳龟";

    /// <summary>
    /// Drops what the page's margins repeat: a bare page number (- 3 -, 第3页, 3, 3/12, Page 3) in the top or
    /// bottom band of a page, and a line standing in that band on at least half the pages (at least two) —
    /// the document's running header or footer, compared with its digits blanked (第3期, 2026年3月).
    /// </summary>
    private static void DropRunningLines(List<PageLines> pages)
    {
        static bool InBand(PageLines page, Line line)
        {
            double band = (page.Top - page.Bottom) * MarginBand;
            return line.Size > 0 && (line.Top >= page.Top - band || line.Bottom <= page.Bottom + band);
        }

        static string Key(string text) => Digits().Replace(text.Replace(" ", string.Empty, StringComparison.Ordinal), "#");

        var seen = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        for (int p = 0; p < pages.Count; p++)
        {
            foreach (var line in pages[p].Lines.Where(l => InBand(pages[p], l)))
            {
                var key = Key(line.Text);
                if (!seen.TryGetValue(key, out var on))
                {
                    seen[key] = on = [];
                }

                on.Add(p);
            }
        }

        int needed = Math.Max(2, (pages.Count + 1) / 2);
        foreach (var page in pages)
        {
            page.Lines.RemoveAll(l => InBand(page, l) && (PageNumber().IsMatch(l.Text) || (pages.Count >= 2 && seen[Key(l.Text)].Count >= needed)));
        }
    }

    /// <summary>
    /// The pages' lines as paragraphs: a line that reaches the right edge of its column continues on the next
    /// unless that one is indented or opens a heading. Each page ends with a form feed; when a sentence runs on
    /// over the page break, the form feed waits for its end, so the sentence is whole and counted on its first page.
    /// </summary>
    private static string Join(List<PageLines> pages)
    {
        var body = pages.SelectMany(p => p.Lines).Where(l => l.Size > 0).ToList();
        double bodyLeft = Edge(body.Select(l => l.Left), lowest: true), bodyRight = Edge(body.Select(l => l.Right), lowest: false);
        Line Column(Line l) => l.ColumnRight - l.ColumnLeft >= 0.6 * (bodyRight - bodyLeft) ? l with { ColumnLeft = bodyLeft, ColumnRight = bodyRight } : l;

        var sb = new StringBuilder();
        Line? previous = null;
        int pendingPages = 0;
        foreach (var page in pages)
        {
            foreach (var raw in page.Lines)
            {
                var line = Column(raw);
                // Over a page break only an unfinished sentence continues: a paragraph split at a full stop loses nothing.
                bool continues = previous is not null && Continues(previous, line)
                    && (pendingPages == 0 || (pendingPages == 1 && !EndsSentence(previous.Text)));
                if (!continues)
                {
                    sb.Append(pendingPages > 0 ? new string('\f', pendingPages) : sb.Length > 0 && sb[^1] != '\f' ? "\n" : string.Empty);
                    sb.Append(line.Text);
                    pendingPages = 0;
                }
                else
                {
                    if (sb[^1] is not ('\f' or '-') && !Wide(sb[^1]) && !Wide(line.Text[0]))
                    {
                        sb.Append(' ');
                    }

                    int end = pendingPages > 0 ? SentenceEnd(line.Text) : -1;
                    if (end < 0)
                    {
                        sb.Append(line.Text);
                    }
                    else
                    {
                        sb.Append(line.Text, 0, end).Append('\f', pendingPages).Append(line.Text.AsSpan(end).TrimStart());
                        pendingPages = 0;
                    }
                }

                previous = line;
            }

            pendingPages++;
        }

        return sb.Append('\f', pendingPages).ToString();
    }

    private static bool Continues(Line previous, Line next)
    {
        if (previous.Size <= 0 || next.Size <= 0 || Math.Abs(previous.Size - next.Size) > 0.2 * Math.Max(previous.Size, next.Size))
        {
            return false;
        }

        bool full = previous.Right >= previous.ColumnRight - 1.5 * previous.Size;
        bool indented = next.Left >= next.ColumnLeft + 0.8 * next.Size;
        return full && !indented && !Heading().IsMatch(next.Text);
    }

    private static bool EndsSentence(string s) => s.TrimEnd('”', '’', '）', '」', ')', '"') is { Length: > 0 } t && t[^1] is '。' or '！' or '？' or '.' or '!' or '?';

    /// <summary>Where the first sentence of <paramref name="s"/> ends (after 。！？ or a Latin . ! ? before a space, and any closing quote or bracket), or -1.</summary>
    private static int SentenceEnd(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] is '。' or '！' or '？' || (s[i] is '.' or '!' or '?' && (i + 1 == s.Length || s[i + 1] == ' ')))
            {
                int end = i + 1;
                while (end < s.Length && s[end] is '”' or '’' or '）' or '」' or '。' or '！' or '？')
                {
                    end++;
                }

                return end;
            }
        }

        return -1;
    }

    /// <summary>The left (or right) edge most lines share: the outermost value that at least two lines reach within 2 pt.</summary>
    private static double Edge(IEnumerable<double> values, bool lowest)
    {
        var sorted = lowest ? values.Order().ToList() : values.OrderDescending().ToList();
        for (int i = 0; i + 1 < sorted.Count; i++)
        {
            if (Math.Abs(sorted[i + 1] - sorted[i]) <= 2)
            {
                return sorted[i];
            }
        }

        return sorted.Count > 0 ? sorted[0] : 0;
    }

    [GeneratedRegex(@"^(?:[-－—–_·•.\s]*(?:第\s*)?[0-9一二三四五六七八九十百零〇]{1,4}(?:\s*页)?(?:\s*[/／]\s*(?:共\s*)?[0-9]{1,4}\s*页?|\s*[,，]?\s*共\s*[0-9一二三四五六七八九十百零〇]{1,4}\s*页)?[-－—–_·•.\s]*|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|[ivxlc]{1,6})$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    /// <summary>A line that opens a part: 一、 （一） 1. 第一章/节/条/部分 附件.</summary>
    [GeneratedRegex(@"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、](?!\d)|第[一二三四五六七八九十百零〇\d]{1,4}[章节条部分篇]|附件)")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^Microsoft (?:Word|PowerPoint|Excel) - ", RegexOptions.IgnoreCase)]
    private static partial Regex WordPrefix();

    [GeneratedRegex(@"\.(?:docx?|wps|pdf|html?|txt|rtf|xlsx?|pptx?|ofd|tif{1,2}|jpe?g|png)$", RegexOptions.IgnoreCase)]
    private static partial Regex FileExtension();
}
