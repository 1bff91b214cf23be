using System.Globalization;
using System.Text;
using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Documents;

namespace Luoshi.Application.Documents.Evaluation;

/// <summary>
/// How one kind of item scored over an evaluation set, micro-averaged: every expected item of every document
/// counts once. <see cref="Recall"/> = matched / expected, <see cref="Precision"/> = matched / found (null when
/// the count below it is zero; always null for boilerplate, where nothing is "found"). <see cref="Missed"/> and
/// <see cref="Extra"/> name the document and the item ("report-03: 王明/市长").
/// </summary>
public sealed record KindScore(
    double? Recall,
    double? Precision,
    IReadOnlyList<string> Missed,
    IReadOnlyList<string> Extra,
    int Expected,
    int? Found,
    int Matched);

/// <summary>What <c>luoshi docs eval DIR</c> reports: how many documents were scored, and a score per kind (<see cref="ExtractionKinds"/>).</summary>
public sealed record ExtractionEvaluationResult(int Documents, IReadOnlyDictionary<string, KindScore> Kinds);

/// <summary>The kinds scored, in the order they are reported.</summary>
public static class ExtractionKinds
{
    public const string People = "people";
    public const string Terms = "terms";
    public const string Figures = "figures";
    public const string Targets = "targets";
    public const string Dates = "dates";
    public const string Titles = "titles";
    public const string Boilerplate = "boilerplate";

    public static readonly IReadOnlyList<string> All = [People, Terms, Figures, Targets, Dates, Titles, Boilerplate];
}

/// <summary>One annotated document: its name (the file name without extension), what a reader expects, and what extraction found.</summary>
public sealed record EvaluatedDocument(string Name, ExpectedExtraction Expected, ExtractionView Found);

/// <summary>
/// <c>luoshi docs eval DIR</c>: reads every <c>NAME.expected.json</c> of a directory with the document beside it
/// (<c>NAME.txt</c>, <c>.html</c>, <c>.htm</c>, <c>.docx</c> or <c>.pdf</c>, read as ingesting reads it), extracts each
/// document and scores the extraction against the annotation with <see cref="ExtractionScorer"/>. Stores nothing.
/// A missing directory, an annotation without its document (or the reverse), a malformed annotation or an
/// unreadable document is refused, naming the file.
/// </summary>
public sealed class EvaluateExtraction(ITextConverter converter)
{
    public const string ExpectedSuffix = ".expected.json";

    /// <summary>The document formats looked for beside an annotation, in this order.</summary>
    public static readonly IReadOnlyList<string> DocumentExtensions = [".txt", ".html", ".htm", ".docx", ".pdf"];

    public ExtractionEvaluationResult Handle(string directory) => ExtractionScorer.Score(Load(directory));

    public IReadOnlyList<EvaluatedDocument> Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw InputRefusedException.Single("dir", new Text($"找不到目录:{directory}", $"directory not found: {directory}"));
        }

        var annotations = Directory.GetFiles(directory, "*" + ExpectedSuffix)
            .Order(StringComparer.Ordinal)
            .ToList();
        var names = annotations.Select(a => Path.GetFileName(a)[..^ExpectedSuffix.Length]).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(directory).Order(StringComparer.Ordinal))
        {
            var fileName = Path.GetFileName(file);
            var extension = Path.GetExtension(fileName).ToLowerInvariant();
            if (DocumentExtensions.Contains(extension) && !names.Contains(Path.GetFileNameWithoutExtension(fileName)))
            {
                throw Refused(fileName, new Text($"缺少标注 {Path.GetFileNameWithoutExtension(fileName)}{ExpectedSuffix}", $"has no annotation {Path.GetFileNameWithoutExtension(fileName)}{ExpectedSuffix}"));
            }
        }

        if (annotations.Count == 0)
        {
            throw InputRefusedException.Single("dir", new Text(
                $"目录中没有标注文件(*{ExpectedSuffix}):{directory}",
                $"no annotations (*{ExpectedSuffix}) in {directory}"));
        }

        var documents = new List<EvaluatedDocument>(annotations.Count);
        foreach (var annotation in annotations)
        {
            var annotationName = Path.GetFileName(annotation);
            var name = annotationName[..^ExpectedSuffix.Length];
            var sources = DocumentExtensions.Select(e => Path.Combine(directory, name + e)).Where(File.Exists).ToList();
            if (sources.Count != 1)
            {
                throw Refused(annotationName, sources.Count == 0
                    ? new Text($"旁边没有文件 {name}.txt/.html/.docx/.pdf", $"has no document {name}.txt/.html/.docx/.pdf beside it")
                    : new Text($"旁边有多个文件:{string.Join("、", sources.Select(Path.GetFileName))}", $"has several documents beside it: {string.Join(", ", sources.Select(Path.GetFileName))}"));
            }

            var expected = ExpectedExtraction.Parse(File.ReadAllText(annotation, Encoding.UTF8), annotationName);
            var source = Path.GetFileName(sources[0]);
            DocumentText read;
            try
            {
                read = DocumentReader.Read(File.ReadAllBytes(sources[0]), source);
            }
            catch (InputRefusedException e) when (e.Errors.Count > 0)
            {
                throw Refused(source, e.Errors[0].Message);
            }

            documents.Add(new EvaluatedDocument(name, expected, new ExtractDocument(converter).Extract(read).View));
        }

        return documents;
    }

    private static InputRefusedException Refused(string fileName, Text message) =>
        InputRefusedException.Single("file", new Text($"{fileName}:{message.Zh}", $"{fileName}: {message.En}"));
}

/// <summary>
/// Scores extractions against their annotations, kind by kind, micro-averaged over the documents. A kind an
/// annotation leaves out is skipped for that document (neither its expected nor its found items count). Items are
/// paired one to one (a maximum matching, so the order items are listed in does not change the score), and
/// everything found twice where a reader expects it once is extra. Text is compared after
/// <see cref="Normalize"/> (Unicode compatibility form, so full-width ％ and Ａ are % and A; no white space; one kind of quote mark).
/// <list type="bullet">
/// <item><b>people</b>: same name; when the annotation gives a role, the same role too. A person found with the
/// wrong role is missed <i>and</i> extra; an annotation without a role accepts any role.</item>
/// <item><b>terms</b>: same formulation and same numbered flag (the same term with the wrong flag is missed and extra).</item>
/// <item><b>figures</b>: same value and unit (a unit of null and an empty unit are the same), and a subject where
/// the found one contains the expected one or the expected one contains the found one. Kind and qualifier are not compared.</item>
/// <item><b>targets</b>: the figures of kind target on both sides, matched as figures and on the qualifier too.</item>
/// <item><b>dates</b>, <b>titles</b>: one per document when annotated; found when extraction gives one; matched when equal.</item>
/// <item><b>boilerplate</b>: each <c>absent</c> fragment is matched when the normalised text no longer contains it
/// (white space ignored); recall is the share removed and precision is null: an annotation cannot list everything
/// that should stay.</item>
/// </list>
/// </summary>
public static class ExtractionScorer
{
    public static ExtractionEvaluationResult Score(IReadOnlyList<EvaluatedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var tallies = ExtractionKinds.All.ToDictionary(k => k, _ => new Tally(), StringComparer.Ordinal);
        foreach (var d in documents)
        {
            var (name, expected, found) = (d.Name, d.Expected, d.Found);
            if (expected.People is { } people)
            {
                var distinct = found.People.DistinctBy(p => (p.Name, p.Role)).ToList();
                tallies[ExtractionKinds.People].Add(name, people, distinct, PersonMatches, PersonLabel, p => PersonLabel(new ExpectedPerson(p.Name, p.Role)));
            }

            if (expected.Terms is { } terms)
            {
                var distinct = found.Terms.DistinctBy(t => (Normalize(t.Term), t.Numbered)).ToList();
                tallies[ExtractionKinds.Terms].Add(name, terms, distinct, (e, f) => Normalize(e.Term) == Normalize(f.Term) && e.Numbered == f.Numbered, TermLabel, t => TermLabel(new ExpectedTerm(t.Term, t.Numbered)));
            }

            if (expected.Figures is { } figures)
            {
                var stated = found.Figures.SelectMany(Stated).ToList();
                tallies[ExtractionKinds.Figures].Add(name, figures, stated, FigureMatches, FigureLabel, FoundFigureLabel);
                tallies[ExtractionKinds.Targets].Add(
                    name,
                    [.. figures.Where(f => f.Kind == FigureKind.Target)],
                    [.. stated.Where(f => f.Kind == FigureKind.Target)],
                    (e, f) => FigureMatches(e, f) && e.Qualifier == f.Qualifier,
                    FigureLabel,
                    FoundFigureLabel);
            }

            if (expected.Date is { } date)
            {
                tallies[ExtractionKinds.Dates].Add<DateOnly, DateOnly>(name, [date], found.Date is { } d2 ? [d2] : [], (e, f) => e == f, Iso, Iso);
            }

            if (expected.Title is { } title)
            {
                tallies[ExtractionKinds.Titles].Add<string, string>(name, [title], found.Title is { } t2 ? [t2] : [], (e, f) => Normalize(e) == Normalize(f), t => t, t => t);
            }

            if (expected.Absent is { } absent)
            {
                var text = Normalize(found.Text);
                tallies[ExtractionKinds.Boilerplate].AddAbsent(name, absent, a => !text.Contains(Normalize(a), StringComparison.Ordinal));
            }
        }

        return new ExtractionEvaluationResult(
            documents.Count,
            ExtractionKinds.All.ToDictionary(k => k, k => tallies[k].Score(countsFound: k != ExtractionKinds.Boilerplate), StringComparer.Ordinal));
    }

    /// <summary>
    /// Text as compared: compatibility-normalised (full-width letters, digits and ％ become their ASCII forms), without
    /// white space, and every double or single quote mark written as ". Names are compared without a trailing 同志.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        foreach (char c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            sb.Append(c is '“' or '”' or '「' or '」' or '『' or '』' or '‘' or '’' or '\'' ? '"' : c);
        }

        return sb.ToString();
    }

    private static bool PersonMatches(ExpectedPerson e, PersonView f) =>
        NameOf(e.Name) == NameOf(f.Name) && (e.Role is null || RoleMatches(Normalize(e.Role), Normalize(f.Role)));

    /// <summary>
    /// The same office, or the office named from its level on: the extractor reports 临江县委书记 as 县委书记 (the
    /// place is context, the level is the office), so a found role that the annotated one ends with, and that opens
    /// with an organ's level after a place name (not after another office: 市长 is not 市委副书记、市长), is the same office.
    /// </summary>
    private static bool RoleMatches(string expected, string found) =>
        expected == found
        || (found.Length >= 2 && "省市县区州镇乡".Contains(found[0], StringComparison.Ordinal) && expected.EndsWith(found, StringComparison.Ordinal)
            && expected[..^found.Length] is { Length: <= 6 } place && !place.Contains('、', StringComparison.Ordinal) && !place.Contains('兼', StringComparison.Ordinal));

    private static string NameOf(string name)
    {
        var n = Normalize(name);
        return n.EndsWith("同志", StringComparison.Ordinal) && n.Length > 2 ? n[..^2] : n;
    }

    /// <summary>
    /// The quantities one found figure states: itself, the value it came from (从2.8%提高到3.2%: 2.8% is where the
    /// indicator stands, an actual) and its stretch value (…以上，力争达到1.4万亿元: a stretch target), each of the
    /// same subject and unit, as a reader records them.
    /// </summary>
    private static IEnumerable<FigureView> Stated(FigureView f)
    {
        yield return f;
        if (f.From is { } from)
        {
            yield return f with { Value = from, Kind = FigureKind.Actual, Qualifier = null, Upper = null, Stretch = null, From = null };
        }

        if (f.Stretch is { } stretch)
        {
            yield return f with { Value = stretch, Kind = FigureKind.Target, Qualifier = FigureQualifier.Stretch, Upper = null, Stretch = null, From = null };
        }
    }

    private static bool FigureMatches(ExpectedFigure e, FigureView f) =>
        e.Value == f.Value
        && UnitOf(e.Unit) == UnitOf(f.Unit)
        && SubjectMatches(Normalize(e.Subject), Normalize(f.Subject));

    private static bool SubjectMatches(string expected, string found) =>
        expected.Length == 0 || (found.Length > 0 && (found.Contains(expected, StringComparison.Ordinal) || expected.Contains(found, StringComparison.Ordinal)));

    private static string UnitOf(string? unit) => Normalize(unit).ToLowerInvariant();

    private static string PersonLabel(ExpectedPerson p) => p.Role is null ? p.Name : $"{p.Name}/{p.Role}";

    private static string TermLabel(ExpectedTerm t) => t.Numbered ? $"{t.Term}#" : t.Term;

    private static string FigureLabel(ExpectedFigure f) =>
        Label(f.Subject, f.Value, f.Unit, f.Qualifier, f.Kind);

    private static string FoundFigureLabel(FigureView f) =>
        Label(f.Subject, f.Value, f.Unit, f.Qualifier, f.Kind);

    private static string Label(string subject, decimal value, string? unit, FigureQualifier? qualifier, FigureKind kind) =>
        string.Create(CultureInfo.InvariantCulture, $"{subject} {Numbers.Format(value)}{unit}{(qualifier is { } q ? " " + Camel(q) : string.Empty)} {Camel(kind)}");

    private static string Camel<T>(T value)
        where T : struct, Enum
    {
        var s = value.ToString();
        return char.ToLowerInvariant(s[0]) + s[1..];
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The running counts of one kind and the items missed and extra, named by document.</summary>
    private sealed class Tally
    {
        private readonly List<string> _missed = [];
        private readonly List<string> _extra = [];
        private int _expected;
        private int _found;
        private int _matched;

        public void Add<TE, TF>(string document, IReadOnlyList<TE> expected, IReadOnlyList<TF> found, Func<TE, TF, bool> matches, Func<TE, string> expectedLabel, Func<TF, string> foundLabel)
        {
            var pairedWith = MaximumMatching(expected, found, matches);
            var foundPaired = new bool[found.Count];
            for (int i = 0; i < expected.Count; i++)
            {
                if (pairedWith[i] is { } j)
                {
                    foundPaired[j] = true;
                    _matched++;
                }
                else
                {
                    _missed.Add($"{document}: {expectedLabel(expected[i])}");
                }
            }

            for (int j = 0; j < found.Count; j++)
            {
                if (!foundPaired[j])
                {
                    _extra.Add($"{document}: {foundLabel(found[j])}");
                }
            }

            _expected += expected.Count;
            _found += found.Count;
        }

        public void AddAbsent(string document, IReadOnlyList<string> fragments, Func<string, bool> removed)
        {
            foreach (var fragment in fragments)
            {
                _expected++;
                if (removed(fragment))
                {
                    _matched++;
                }
                else
                {
                    _missed.Add($"{document}: {fragment}");
                }
            }
        }

        public KindScore Score(bool countsFound) => new(
            Ratio(_matched, _expected),
            countsFound ? Ratio(_matched, _found) : null,
            _missed,
            _extra,
            _expected,
            countsFound ? _found : null,
            _matched);

        private static double? Ratio(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

        /// <summary>Kuhn's augmenting paths: for each expected item the index of the found item paired with it, or null.</summary>
        private static int?[] MaximumMatching<TE, TF>(IReadOnlyList<TE> expected, IReadOnlyList<TF> found, Func<TE, TF, bool> matches)
        {
            var candidates = expected.Select(e => Enumerable.Range(0, found.Count).Where(j => matches(e, found[j])).ToArray()).ToArray();
            var owner = new int?[found.Count];
            for (int i = 0; i < expected.Count; i++)
            {
                Augment(i, new bool[found.Count]);
            }

            var pairedWith = new int?[expected.Count];
            for (int j = 0; j < found.Count; j++)
            {
                if (owner[j] is { } i)
                {
                    pairedWith[i] = j;
                }
            }

            return pairedWith;

            bool Augment(int i, bool[] visited)
            {
                foreach (int j in candidates[i])
                {
                    if (visited[j])
                    {
                        continue;
                    }

                    visited[j] = true;
                    if (owner[j] is not { } other || Augment(other, visited))
                    {
                        owner[j] = i;
                        return true;
                    }
                }

                return false;
            }
        }
    }
}
