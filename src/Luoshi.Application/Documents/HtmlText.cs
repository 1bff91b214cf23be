using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Luoshi.Application.Documents;

/// <summary>
/// Reads a saved web page into text through a real HTML parser (AngleSharp, docs/adr/0026) and keeps its main
/// content. In order:
/// <list type="number">
/// <item>Dropped always: scripts, styles, <c>noscript</c>, <c>template</c>, <c>svg</c>, frames, objects, buttons,
/// selects, ruby glosses (<c>rt</c>, <c>rp</c>: the pinyin, the base text stays) and hidden elements (the
/// <c>hidden</c> attribute, <c>display:none</c>, <c>visibility:hidden</c>).</item>
/// <item>Dropped as site chrome unless they hold half the page's text or an article (pages wrap the whole body in
/// a <c>form</c> or a div whose class names a sidebar): <c>nav</c>, <c>footer</c>, <c>aside</c>, <c>form</c>, the
/// roles navigation, banner, menu, menubar, toolbar, search, complementary and contentinfo, and elements whose
/// id or class holds one of the words in <see cref="ChromeWords"/> (nav, menu, breadcrumb, share, comment,
/// footer, sidebar, login, toolbar, ad, related, copyright, their usual spellings and pinyin).</item>
/// <item>Main content: an <c>article</c>, <c>main</c>, <c>[role=main]</c> or <c>[itemprop=articleBody]</c> that holds
/// half the page's text (link text not counted); otherwise the block whose own paragraphs hold the most text
/// (Chinese characters and punctuation, a third for Latin letters and digits, links not counted), climbing to
/// its parent while the siblings hold a quarter as much again. Inside it, blocks that are mostly links (lists
/// of related articles) go. The headline above it (the first <c>h1</c> there, or a block whose text the title
/// holds) and any short line between them that reads as a date or source line (发布时间：…, 来源：…, 2024-01-03)
/// are put in front: the date extractor needs them.</item>
/// <item>When that finds almost nothing (under a fifth of the page's text), the whole body is read instead; when
/// the body shows next to nothing (a page hidden until a script shows it), everything but scripts and styles.</item>
/// </list>
/// Block elements and <c>br</c> end lines; a table row of plain cells is one line, its cells joined by a tab;
/// entities are decoded by the parser. The title hint is the <c>title</c>, else <c>og:title</c>, else the first
/// <c>h1</c>. The text normaliser then removes the boilerplate pages keep in ordinary paragraphs.
/// The parser's work is bounded first: formatting tags (b, i, font…) are stripped, as unclosed ones are re-opened in
/// every later paragraph; a page nested deeper than any real page (<see cref="MaxDepth"/> open elements) is read by
/// stripping its tags instead, as the parser's work grows with the depth of the open elements times their number.
/// </summary>
public static partial class HtmlText
{
    /// <summary>Deeper than any real page; the largest accepted file (10 MB) of markup at this depth parses within half a minute.</summary>
    public const int MaxDepth = 128;

    /// <summary>Words in an id or class that mark site chrome (compared with each word of the name: <c>article-nav</c>, <c>shareBox</c>).</summary>
    public static readonly IReadOnlySet<string> ChromeWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "nav", "navbar", "navigation", "subnav", "topnav", "menu", "submenu", "breadcrumb", "breadcrumbs", "crumb", "crumbs",
        "share", "sharing", "bdshare", "social", "comment", "comments", "footer", "sidebar", "login", "signin", "signup",
        "toolbar", "ad", "ads", "advert", "advertisement", "sponsor", "related", "recommend", "copyright",
        "daohang", "fenxiang", "pinglun", "banquan",
    };

    private static readonly HashSet<string> HardTags = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "frame", "frameset", "object", "embed", "applet",
        "canvas", "audio", "video", "button", "select", "textarea", "input", "rt", "rp", "head", "link", "meta", "title",
    };

    private static readonly HashSet<string> SoftTags = new(StringComparer.Ordinal) { "nav", "footer", "aside", "form" };

    private static readonly HashSet<string> ChromeRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "menu", "menubar", "toolbar", "search", "complementary", "contentinfo",
    };

    /// <summary>Elements that end a line before and after them.</summary>
    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "legend",
        "li", "listing", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "ul", "xmp",
    };

    /// <summary>Elements whose own text counts as their paragraphs when the main content is scored.</summary>
    private static readonly HashSet<string> ContainerTags = new(StringComparer.Ordinal)
    {
        "article", "blockquote", "body", "center", "div", "form", "main", "section", "td", "th",
    };

    private static readonly HashSet<string> ContentTags = new(StringComparer.Ordinal) { "article", "main" };

    public static (string Text, string? Title) ToText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);

        // Bold, italic, font and the like say nothing about the text, and unclosed ones are re-opened in every later
        // paragraph by the parser (its list of active formatting elements), which grows the page with the square of their number.
        html = Formatting().Replace(html, string.Empty);
        if (TooDeep(html))
        {
            return Flat(html);
        }

        var document = new HtmlParser().ParseDocument(html);
        if (document.Body is null)
        {
            return Flat(html);
        }

        var page = new Page(document, document.Body);
        return (page.Text(), page.Title);
    }

    /// <summary>What one element holds, in measure units (<see cref="Measure"/>).</summary>
    private struct Stats
    {
        public int Text;
        public int Link;
        public int Own;
        public int Sub;
        public bool HasBlock;
        public bool HasContent;

        public readonly int NonLink => Text - Link;
    }

    private sealed class Page
    {
        private readonly IElement _body;
        private readonly HashSet<IElement> _skipped = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<IElement, Stats> _stats = new(ReferenceEqualityComparer.Instance);
        private readonly List<IElement> _order = [];
        private readonly Dictionary<IElement, int> _index = new(ReferenceEqualityComparer.Instance);
        private readonly List<IElement> _chrome = [];

        public Page(IDocument document, IElement body)
        {
            _body = body;
            Title = FindTitle(document);

            // First pass: everything but the hard drops, to see how much text each piece of chrome holds.
            Count(collectChrome: true);
            var whole = _stats[body];
            foreach (var chrome in _chrome)
            {
                var s = _stats[chrome];
                if (!s.HasContent && s.NonLink * 2 < whole.NonLink)
                {
                    _skipped.Add(chrome);
                }
            }

            _stats.Clear();
            Count(collectChrome: false);
        }

        public string? Title { get; }

        public string Text()
        {
            var whole = _stats[_body];
            var content = MainContent();
            if (content != _body)
            {
                var text = new Writer();
                foreach (var line in HeaderLines(content))
                {
                    text.Line(line);
                }

                Render(content, text, prune: true, ownOnly: false);
                int found = _stats[content].NonLink;
                if (found * 5 >= whole.NonLink && found >= 30 * 3)
                {
                    return text.ToString();
                }
            }

            var all = new Writer();
            Render(_body, all, prune: false, ownOnly: false);
            if (whole.NonLink >= 10 * 3)
            {
                return all.ToString();
            }

            // Next to nothing visible: a body hidden until a script shows it, or a page that is all chrome.
            var shown = new Writer();
            Render(_body, shown, prune: false, ownOnly: false, everything: true);
            return shown.ToString();
        }

        private static string? FindTitle(IDocument document)
        {
            string? title = null, og = null;
            IElement? h1 = null;
            Walk(document, e =>
            {
                switch (e.LocalName)
                {
                    case "title" when title is null:
                        title = Collapse(e.TextContent);
                        return false;
                    case "meta" when og is null && (e.GetAttribute("property") ?? e.GetAttribute("name")) is { } name && name.Equals("og:title", StringComparison.OrdinalIgnoreCase):
                        og = Collapse(e.GetAttribute("content") ?? string.Empty);
                        return false;
                    case "h1" when h1 is null:
                        h1 = e;
                        return false;
                    case "script" or "style" or "svg" or "template" or "noscript":
                        return false;
                    default:
                        return true;
                }
            }, _ => { }, _ => { });

            return Some(title) ?? Some(og) ?? (h1 is null ? null : Some(Collapse(h1.TextContent)));
        }

        private static string? Some(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

        private static bool Hidden(IElement e) =>
            HardTags.Contains(e.LocalName)
            || e.HasAttribute("hidden")
            || (e.GetAttribute("style") is { } style && HiddenStyle().IsMatch(style));

        private static bool Chrome(IElement e)
        {
            if (SoftTags.Contains(e.LocalName) || (e.GetAttribute("role") is { } role && ChromeRoles.Contains(role.Trim())))
            {
                return true;
            }

            return NamesChrome(e.GetAttribute("id")) || NamesChrome(e.GetAttribute("class"));
        }

        /// <summary>Sums the text of every element bottom-up, and each block's own paragraphs into its container.</summary>
        private void Count(bool collectChrome)
        {
            _order.Clear();
            _index.Clear();
            var open = new List<(IElement Element, Stats Stats)>();
            var blocks = new List<(IElement Element, int Own)>();
            var containers = new List<IElement>();
            int links = 0;
            Walk(_body.Parent ?? _body, e =>
            {
                if (e.LocalName == "head")
                {
                    return false;
                }

                if (e != _body && (_skipped.Contains(e) || Hidden(e)))
                {
                    _skipped.Add(e);
                    return false;
                }

                if (collectChrome && e != _body && Chrome(e))
                {
                    _chrome.Add(e);
                }

                _index[e] = _order.Count;
                _order.Add(e);
                if (e.LocalName == "a")
                {
                    links++;
                }

                if (IsBlock(e) || IsCell(e) || e == _body)
                {
                    blocks.Add((e, 0));
                }

                if (ContainerTags.Contains(e.LocalName))
                {
                    containers.Add(e);
                }

                open.Add((e, default));
                return true;
            }, e =>
            {
                var (element, stats) = open[^1];
                open.RemoveAt(open.Count - 1);
                if (e.LocalName == "a")
                {
                    links--;
                }

                if (blocks.Count > 0 && blocks[^1].Element == e)
                {
                    int own = blocks[^1].Own;
                    blocks.RemoveAt(blocks.Count - 1);
                    if (own >= 10 * 3)
                    {
                        // A paragraph belongs to the container it sits in (a div holding text directly is its own).
                        var owner = ContainerTags.Contains(e.LocalName) ? e : containers.LastOrDefault(c => c != e);
                        if (owner == e)
                        {
                            stats.Own += own;
                        }
                        else if (owner is not null)
                        {
                            int at = open.FindLastIndex(o => o.Element == owner);
                            if (at >= 0)
                            {
                                var o = open[at];
                                o.Stats.Own += own;
                                open[at] = o;
                            }
                        }
                    }
                }

                if (containers.Count > 0 && containers[^1] == e)
                {
                    containers.RemoveAt(containers.Count - 1);
                }

                stats.Sub += stats.Own;
                stats.HasContent |= ContentTags.Contains(e.LocalName) || IsMainRole(e);
                _stats[element] = stats;
                if (open.Count > 0)
                {
                    var parent = open[^1];
                    parent.Stats.Text += stats.Text;
                    parent.Stats.Link += stats.Link;
                    parent.Stats.Sub += stats.Sub;
                    parent.Stats.HasBlock |= stats.HasBlock || IsBlock(e);
                    parent.Stats.HasContent |= stats.HasContent;
                    open[^1] = parent;
                }
            }, t =>
            {
                if (open.Count == 0)
                {
                    return;
                }

                int m = HtmlText.Measure(t.Data);
                var top = open[^1];
                top.Stats.Text += m;
                if (links > 0)
                {
                    top.Stats.Link += m;
                }

                open[^1] = top;
                if (links == 0 && blocks.Count > 0)
                {
                    blocks[^1] = (blocks[^1].Element, blocks[^1].Own + m);
                }
            });
        }

        private static bool IsMainRole(IElement e) =>
            string.Equals(e.GetAttribute("role"), "main", StringComparison.OrdinalIgnoreCase)
            || string.Equals(e.GetAttribute("itemprop"), "articleBody", StringComparison.OrdinalIgnoreCase);

        private IElement MainContent()
        {
            var whole = _stats[_body];

            // A marked article that holds half the text; the innermost when they nest (main > article).
            IElement? marked = null;
            foreach (var e in _order)
            {
                if ((ContentTags.Contains(e.LocalName) || IsMainRole(e)) && _stats[e].NonLink * 2 >= whole.NonLink
                    && (marked is null || _stats[e].NonLink <= _stats[marked].NonLink))
                {
                    marked = e;
                }
            }

            if (marked is not null)
            {
                return marked;
            }

            // The container whose own paragraphs hold the most text.
            IElement best = _body;
            int bestOwn = 0;
            foreach (var e in _order)
            {
                if (_stats[e].Own > bestOwn)
                {
                    best = e;
                    bestOwn = _stats[e].Own;
                }
            }

            // Climb while the siblings hold substantial paragraphs too (an article split into one div per paragraph).
            while (best != _body && best.ParentElement is { } parent && _stats.TryGetValue(parent, out var up))
            {
                int siblings = up.Sub - _stats[best].Sub;
                if (siblings * 4 < _stats[best].Sub)
                {
                    break;
                }

                best = parent;
            }

            return best;
        }

        /// <summary>The headline above the content and the date and source lines between them.</summary>
        private List<string> HeaderLines(IElement content)
        {
            var lines = new List<string>();
            int at = _index[content];
            var scope = content;
            for (int i = 0; i < 3 && scope != _body && scope.ParentElement is { } p; i++)
            {
                scope = p;
            }

            int from = Math.Max(0, at - 40);
            var heading = Heading(from, at, scope, content);
            if (heading is not null)
            {
                lines.Add(Line(heading));
                from = _index[heading] + 1;
            }

            for (int i = from; i < at; i++)
            {
                var e = _order[i];
                if (!(IsBlock(e) || IsCell(e)) || Inside(content, e) || !Inside(e, scope) || (heading is not null && Inside(e, heading)) || LinkHeavy(e))
                {
                    continue;
                }

                var w = new Writer();
                Render(e, w, prune: true, ownOnly: true);
                foreach (var line in w.ToString().Split('\n'))
                {
                    if (line.Length is > 0 and <= 150 && DateOrSource().IsMatch(line))
                    {
                        lines.Add(line);
                    }
                }
            }

            return lines;
        }

        /// <summary>
        /// The headline just above the content: the first <c>h1</c> there, else the first short block whose text the
        /// page's title holds (sites write the headline in a <c>div class="title"</c> and the title as headline_site).
        /// </summary>
        private IElement? Heading(int from, int at, IElement scope, IElement content)
        {
            IElement? titled = null;
            for (int i = from; i < at; i++)
            {
                var e = _order[i];
                if (Inside(content, e) || !Inside(e, scope))
                {
                    continue;
                }

                if (e.LocalName == "h1")
                {
                    return e;
                }

                if (titled is null && Title is { } title && (IsBlock(e) || IsCell(e)) && !_stats[e].HasBlock)
                {
                    var text = Line(e);
                    if (text.Length is >= 4 and <= 100 && title.Contains(text, StringComparison.Ordinal))
                    {
                        titled = e;
                    }
                }
            }

            return titled;
        }

        private string Line(IElement e)
        {
            var w = new Writer();
            Render(e, w, prune: false, ownOnly: false);
            return w.ToString().Replace('\n', ' ');
        }

        private static bool Inside(IElement e, IElement ancestor)
        {
            for (INode? n = e; n is not null; n = n.Parent)
            {
                if (n == ancestor)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A block that is mostly links with little text of its own: a list of related articles, a menu.</summary>
        private bool LinkHeavy(IElement e) =>
            _stats.TryGetValue(e, out var s) && s.Text > 0 && s.Link * 10 >= s.Text * 6 && s.NonLink < 40 * 3;

        private void Render(IElement root, Writer w, bool prune, bool ownOnly, bool everything = false)
        {
            IElement? simpleRow = null;
            int cell = 0;
            w.Break();
            Walk(root, e =>
            {
                if (everything ? HardTags.Contains(e.LocalName) : _skipped.Contains(e) || Hidden(e))
                {
                    return false;
                }

                bool block = IsBlock(e);
                if ((prune && (block || IsCell(e) || e.LocalName == "tr") && LinkHeavy(e)) || (ownOnly && (block || IsCell(e))))
                {
                    return false;
                }

                switch (e.LocalName)
                {
                    case "br":
                        if (simpleRow is null)
                        {
                            w.Break();
                        }
                        else
                        {
                            w.Space();
                        }

                        return false;
                    case "tr":
                        w.Break();
                        if (_stats.TryGetValue(e, out var row) && !row.HasBlock && row.Text <= 300 * 3)
                        {
                            simpleRow = e;
                            cell = 0;
                        }

                        return true;
                    case "td" or "th" when simpleRow is not null:
                        if (cell++ > 0)
                        {
                            w.Tab();
                        }

                        return true;
                    case "td" or "th":
                        w.Break();
                        return true;
                    case "pre" or "listing" or "xmp":
                        w.Break();
                        w.Preformatted(e.TextContent);
                        w.Break();
                        return false;
                }

                if (block)
                {
                    w.Break();
                }

                return true;
            }, e =>
            {
                if (e == simpleRow)
                {
                    simpleRow = null;
                }

                if (IsBlock(e) || IsCell(e) || e.LocalName == "tr")
                {
                    if (simpleRow is null)
                    {
                        w.Break();
                    }
                }
            }, t => w.Text(t.Data));
            w.Break();
        }
    }

    /// <summary>Lines of text: HTML whitespace collapsed, a line break in the source between Chinese characters dropped.</summary>
    private sealed class Writer
    {
        private readonly StringBuilder _sb = new();
        private bool _pendingSpace;
        private bool _pendingBreak;

        public void Break()
        {
            TrimLineEnd();
            if (_sb.Length > 0 && _sb[^1] != '\n')
            {
                _sb.Append('\n');
            }

            _pendingSpace = false;
        }

        public void Line(string line)
        {
            Break();
            _sb.Append(line.Trim());
            Break();
        }

        public void Space()
        {
            _pendingSpace = true;
            _pendingBreak = false;
        }

        public void Tab()
        {
            TrimLineEnd();
            _sb.Append('\t');
            _pendingSpace = false;
        }

        public void Preformatted(string text)
        {
            foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                _sb.Append(line.TrimEnd());
                Break();
            }
        }

        public void Text(string text)
        {
            foreach (var c in text)
            {
                if (c is ' ' or '\t' or '\n' or '\r' or '\f')
                {
                    if (!_pendingSpace)
                    {
                        _pendingSpace = true;
                        _pendingBreak = false;
                    }

                    _pendingBreak |= c is '\n' or '\r';

                    continue;
                }

                if (_pendingSpace)
                {
                    _pendingSpace = false;
                    bool atLineStart = _sb.Length == 0 || _sb[^1] is '\n' or '\t';
                    bool joined = _pendingBreak && _sb.Length > 0 && IsWide(_sb[^1]) && IsWide(c);
                    if (!atLineStart && !joined)
                    {
                        _sb.Append(' ');
                    }
                }

                _sb.Append(c);
            }
        }

        private void TrimLineEnd()
        {
            while (_sb.Length > 0 && _sb[^1] is ' ' or '\t')
            {
                _sb.Length--;
            }
        }

        public override string ToString()
        {
            Break();
            var lines = _sb.ToString().Split('\n');
            return string.Join('\n', lines.Select(l => l.Trim()).Where(l => l.Length > 0));
        }
    }

    private static bool IsWide(char c) => IsCjk(c) || IsCjkPunctuation(c);

    private static bool IsCjk(char c) => c is (>= '\u4e00' and <= '\u9fff') or (>= '\u3400' and <= '\u4dbf') or (>= '\uf900' and <= '\ufaff');

    private static bool IsCjkPunctuation(char c) => c is (>= '\u3000' and <= '\u303f') or (>= '\uff01' and <= '\uff0f') or (>= '\uff1a' and <= '\uff20') or '“' or '”' or '‘' or '’' or '…' or '—';

    /// <summary>How much text a string holds: three per Chinese character or punctuation mark, one per Latin letter or digit.</summary>
    private static int Measure(string s)
    {
        int m = 0;
        foreach (var c in s)
        {
            if (IsWide(c))
            {
                m += 3;
            }
            else if (char.IsAsciiLetterOrDigit(c))
            {
                m++;
            }
        }

        return m;
    }

    private static bool IsBlock(IElement e) => BlockTags.Contains(e.LocalName);

    private static bool IsCell(IElement e) => e.LocalName is "td" or "th";

    /// <summary>Whether an id or class attribute holds a chrome word: words split at non-letters and at lower-to-upper case changes.</summary>
    private static bool NamesChrome(string? names)
    {
        if (string.IsNullOrEmpty(names))
        {
            return false;
        }

        int start = -1;
        for (int i = 0; i <= names.Length; i++)
        {
            bool letter = i < names.Length && char.IsAsciiLetterOrDigit(names[i]);
            bool split = i == names.Length || !letter || (start >= 0 && char.IsAsciiLetterUpper(names[i]) && char.IsAsciiLetterLower(names[i - 1]));
            if (split && start >= 0)
            {
                if (ChromeWords.Contains(names[start..i].ToLowerInvariant()))
                {
                    return true;
                }

                start = -1;
            }

            if (letter && start < 0)
            {
                start = i;
            }
        }

        return false;
    }

    private static string Collapse(string s) => Spaces().Replace(s, " ").Trim();

    /// <summary>
    /// Walks a subtree in document order without recursion (pages nest deep) and by index (a node's next sibling is a
    /// search of its parent's children): <paramref name="enter"/> says whether to go into an element,
    /// <paramref name="exit"/> is called for every element entered.
    /// </summary>
    private static void Walk(INode root, Func<IElement, bool> enter, Action<IElement> exit, Action<IText> text)
    {
        var stack = new List<(INode Node, int Next)> { (root, 0) };
        while (stack.Count > 0)
        {
            var (node, next) = stack[^1];
            var children = node.ChildNodes;
            if (next >= children.Length)
            {
                stack.RemoveAt(stack.Count - 1);
                if (stack.Count > 0)
                {
                    exit((IElement)node);
                }

                continue;
            }

            stack[^1] = (node, next + 1);
            switch (children[next])
            {
                case IElement e when enter(e):
                    stack.Add((e, 0));
                    break;
                case IText t:
                    text(t);
                    break;
            }
        }
    }

    /// <summary>
    /// Whether the page would hold more than <see cref="MaxDepth"/> open elements: a cheap scan that follows start and end
    /// tags as the parser does in the main (a p, li, td or option closes the one before it; a block closes an open p; an
    /// end tag closes what is open inside its element, up to a table or cell), leaving out void elements.
    /// </summary>
    internal static bool TooDeep(string html)
    {
        var open = new List<string>();
        int foreign = 0;
        int i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            if (html[i + 1] == '!')
            {
                int end = html.AsSpan(i).StartsWith("<!--") ? html.IndexOf("-->", i + 4, StringComparison.Ordinal) : html.IndexOf('>', i + 2);
                if (end < 0)
                {
                    return false;
                }

                i = end + 1;
                continue;
            }

            bool closing = html[i + 1] == '/';
            int nameStart = closing ? i + 2 : i + 1;
            int nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                i++;
                continue;
            }

            int close = html.IndexOf('>', nameEnd);
            if (close < 0)
            {
                return false;
            }

            var name = html[nameStart..nameEnd].ToLowerInvariant();
            i = close + 1;
            if (closing)
            {
                int at = Find(open, [name], TableParts.Contains(name) ? ["table"] : Scopes);
                if (name == "a")
                {
                    CloseLink(open, at);
                }
                else
                {
                    Close(open, at, ref foreign);
                }

                continue;
            }

            if (RawText.Contains(name))
            {
                // Their content is text to the parser, not tags.
                int end = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                i = end < 0 ? html.Length : end;
                continue;
            }

            if (Void.Contains(name) || name is "html" or "head" or "body" || (foreign > 0 && html[close - 1] == '/'))
            {
                continue;
            }

            var (closes, stops) = Implied(name);
            if (name == "a")
            {
                CloseLink(open, Find(open, closes, stops));
            }
            else if (closes.Length > 0)
            {
                Close(open, Find(open, closes, stops), ref foreign);
            }

            open.Add(name);
            foreign += name is "svg" or "math" ? 1 : 0;
            if (open.Count > MaxDepth)
            {
                return true;
            }
        }

        return false;
    }

    private static void Close(List<string> open, int at, ref int foreign)
    {
        if (at >= 0)
        {
            foreign -= open.Skip(at).Count(n => n is "svg" or "math");
            open.RemoveRange(at, open.Count - at);
        }
    }

    /// <summary>
    /// Closes an open link as the parser's adoption agency does: the blocks opened inside it stay open (the link is
    /// split around them), so only the link itself leaves when one is above it.
    /// </summary>
    private static void CloseLink(List<string> open, int at)
    {
        if (at < 0)
        {
            return;
        }

        if (open.Skip(at + 1).Any(Special.Contains))
        {
            open.RemoveAt(at);
        }
        else
        {
            open.RemoveRange(at, open.Count - at);
        }
    }

    /// <summary>The parser's special elements that a link may hold open (the HTML standard's list, less the void ones).</summary>
    private static readonly HashSet<string> Special = new(StringComparer.Ordinal)
    {
        "address", "applet", "article", "aside", "blockquote", "button", "caption", "center", "colgroup", "dd", "details", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "iframe", "li",
        "listing", "main", "marquee", "menu", "nav", "noembed", "noframes", "noscript", "object", "ol", "p", "plaintext", "pre", "search", "section",
        "select", "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "tr", "ul", "xmp",
    };

    /// <summary>Where one of these elements is open among the 64 innermost, above any of the stops, or -1.</summary>
    private static int Find(List<string> open, string[] names, string[] stops)
    {
        for (int i = open.Count - 1; i >= 0 && i >= open.Count - 64; i--)
        {
            if (names.Contains(open[i]))
            {
                return i;
            }

            if (stops.Contains(open[i]))
            {
                return -1;
            }
        }

        return -1;
    }

    private static readonly string[] Scopes = ["table", "td", "th", "caption", "template", "object", "marquee", "applet", "button"];

    private static readonly HashSet<string> TableParts = new(StringComparer.Ordinal) { "table", "caption", "colgroup", "tbody", "thead", "tfoot", "tr", "td", "th" };

    private static readonly HashSet<string> ClosesP = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "listing", "main", "menu", "nav", "ol", "p", "pre",
        "search", "section", "summary", "table", "ul", "xmp",
    };

    /// <summary>What a start tag closes when one is open (and where the search for it stops).</summary>
    private static (string[] Closes, string[] Stops) Implied(string name) => name switch
    {
        "li" => (["li"], ["ul", "ol", "menu", .. Scopes]),
        "dt" or "dd" => (["dt", "dd"], ["dl", .. Scopes]),
        "tr" => (["tr"], ["table"]),
        "td" or "th" => (["td", "th"], ["tr", "table"]),
        "tbody" or "thead" or "tfoot" => (["tbody", "thead", "tfoot"], ["table"]),
        "option" => (["option"], ["select", "datalist", .. Scopes]),
        "optgroup" => (["option", "optgroup"], ["select", .. Scopes]),
        "a" => (["a"], Scopes),
        "rb" or "rt" or "rtc" or "rp" => (["rb", "rt", "rtc", "rp"], ["ruby", .. Scopes]),
        _ when ClosesP.Contains(name) => (["p"], Scopes),
        _ => ([], []),
    };

    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
    };

    /// <summary>What a flat reading drops with its content.</summary>
    private static readonly HashSet<string> FlatDropped = new(StringComparer.Ordinal)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "template", "svg", "math", "nav", "footer", "aside", "select", "button",
    };

    /// <summary>A page too deep for the parser: tags stripped in one linear pass, scripts and styles dropped, blocks as lines.</summary>
    internal static (string Text, string? Title) Flat(string html)
    {
        var sb = new StringBuilder(html.Length / 2);
        string? title = null;
        int i = 0;
        while (i < html.Length)
        {
            int lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                sb.Append(html, i, html.Length - i);
                break;
            }

            sb.Append(html, i, lt - i);
            if (html.AsSpan(lt).StartsWith("<!--"))
            {
                int end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }

            int gt = html.IndexOf('>', lt + 1);
            if (gt < 0)
            {
                break;
            }

            int nameStart = lt + 1 < html.Length && html[lt + 1] == '/' ? lt + 2 : lt + 1;
            int nameEnd = nameStart;
            while (nameEnd < gt && char.IsAsciiLetterOrDigit(html[nameEnd]))
            {
                nameEnd++;
            }

            var name = html[nameStart..nameEnd].ToLowerInvariant();
            i = gt + 1;
            if (nameStart == lt + 1 && FlatDropped.Contains(name))
            {
                int end = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                if (name == "title" && title is null && end > i)
                {
                    title = Collapse(WebUtility.HtmlDecode(html[i..end]));
                }

                int after = end < 0 ? -1 : html.IndexOf('>', end);
                i = after < 0 ? html.Length : after + 1;
                continue;
            }

            if (name is "br" or "tr" || BlockTags.Contains(name))
            {
                sb.Append('\n');
            }
            else if (name is "td" or "th")
            {
                sb.Append('\t');
            }
        }

        var text = WebUtility.HtmlDecode(sb.ToString());
        var lines = text.Split('\n').Select(l => Collapse(l.Replace('\t', ' '))).Where(l => l.Length > 0);
        return (string.Join('\n', lines), string.IsNullOrEmpty(title) ? null : title);
    }

    [GeneratedRegex(@"</?(?:b|big|code|em|font|i|nobr|s|small|strike|strong|tt|u)(?=[\s/>])[^<>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex Formatting();

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();

    [GeneratedRegex(@"[ \t\r\n\f]+")]
    private static partial Regex Spaces();

    /// <summary>A date or source line (发布时间：2024-01-03 来源：某某日报), in simplified or traditional characters.</summary>
    [GeneratedRegex(@"(?:来源|來源|稿源|时间|時間|日期|作者|发布|發布|發佈)\s*[：:]|\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")]
    private static partial Regex DateOrSource();
}
