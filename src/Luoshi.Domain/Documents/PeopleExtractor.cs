using System.Text.RegularExpressions;

namespace Luoshi.Domain.Documents;

/// <summary>
/// People named in a document, with the office stated next to the name. A name is a surname and one or two
/// given characters (<see cref="PersonNames"/>); it is taken when the text marks it as a person:
/// <list type="bullet">
/// <item>an office before it (省委书记易炼红, 省委副书记、省长刘捷, 省财政厅厅长曹丽) or after it (王明市长, 习近平总书记,
/// 王明（市长）), or 同志 after it (摘自易炼红同志在…的讲话);</item>
/// <item>a verb of attending or speaking after it at the start of a clause (李强主持大会, 王浩指出, 王浩在…会上强调);</item>
/// <item>a place in a list with such a name (省领导刘一、陈二、孙三参加; 赵乐际、王沪宁、蔡奇出席) — a collective before
/// the list (省领导) is no office, and an office written once before a list of bare names (副省长周海燕、吴振华) is the office of each;</item>
/// <item>the author of a page (作者：王晓东), read from the metadata lines the normaliser removed.</item>
/// </list>
/// Each person is listed once, at the first mention, with the fullest office stated anywhere in the document.
/// </summary>
public static partial class PeopleExtractor
{
    public static IReadOnlyList<Person> Extract(IReadOnlyList<Sentence> sentences) => Extract(sentences, []);

    /// <param name="sentences">The sentences of the normalised text.</param>
    /// <param name="metadata">Lines removed as metadata (作者：…, 来源：…): their authors are people of the document, pointing at no sentence.</param>
    public static IReadOnlyList<Person> Extract(IReadOnlyList<Sentence> sentences, IReadOnlyList<string> metadata)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(metadata);
        var found = new Found();
        foreach (var line in metadata)
        {
            foreach (var name in Authors(line))
            {
                found.Add(name, null, -1, new TextSpan(0, 0));
            }
        }

        foreach (var sentence in sentences)
        {
            if (Byline(sentence) is { } name)
            {
                found.Add(name, null, sentence.Span.Start, sentence.Span);
                continue;
            }

            new SentenceScan(sentence, found).Run();
        }

        return found.People();
    }

    /// <summary>A speaker's name on a line of its own under the title of a speech (a byline): nothing but the name.</summary>
    private static string? Byline(Sentence sentence)
    {
        var line = sentence.Text.Trim();
        return sentence.Paragraph <= BylineParagraphs && line.Length is >= 2 and <= 4 && PersonNames.Plausible(line, 0, line.Length, rareToo: false) ? line : null;
    }

    /// <summary>How far down a byline may stand: under the title, a subtitle and a date line.</summary>
    private const int BylineParagraphs = 4;

    /// <summary>作者：王晓东, 来源：… 作者：陈立华 — a name, never an organ (作者：省委政策研究室课题组, 作者：江北区).</summary>
    private static IEnumerable<string> Authors(string line)
    {
        foreach (Match m in AuthorField().Matches(line))
        {
            foreach (var part in m.Groups[1].Value.Split([' ', '、', '，', ','], StringSplitOptions.RemoveEmptyEntries))
            {
                if (part.Length <= 4 && PersonNames.Plausible(part, 0, part.Length, rareToo: true))
                {
                    yield return part;
                }
            }
        }
    }

    [GeneratedRegex(@"(?:作者|撰文|撰稿|文|来源)\s?[：:/]\s?([\u4e00-\u9fff]{2,4}(?:[ 、，,][\u4e00-\u9fff]{2,4}){0,3})(?=$|[\s|｜/])")]
    private static partial Regex AuthorField();

    /// <summary>The people found so far, each at its first mention, keeping the fullest office.</summary>
    private sealed class Found
    {
        private readonly Dictionary<string, (string? Role, int At, TextSpan Sentence)> _people = new(StringComparer.Ordinal);

        public bool Contains(string name) => _people.ContainsKey(name);

        public void Add(string name, string? role, int at, TextSpan sentence)
        {
            if (!_people.TryGetValue(name, out var known))
            {
                _people[name] = (role, at, sentence);
                return;
            }

            // 刘捷省长 and later 省委副书记、省长刘捷: the office stated in full wins; the first mention stays.
            if (role is not null && (known.Role is null || (role.Length > known.Role.Length && role.Contains(known.Role, StringComparison.Ordinal))))
            {
                _people[name] = (role, known.At, known.Sentence);
            }
        }

        public IReadOnlyList<Person> People() =>
            [.. _people.OrderBy(p => p.Value.At).Select(p => new Person(p.Key, p.Value.Role, p.Value.Sentence))];
    }

    /// <summary>One sentence: names marked by offices and verbs first, then the lists they stand in.</summary>
    private sealed class SentenceScan(Sentence sentence, Found found)
    {
        private readonly string _s = sentence.Text;

        /// <summary>Names taken in this sentence: the name's span and the span with its offices and 同志 around it.</summary>
        private readonly List<(int Start, int Length, int Outer, int OuterEnd, string? Shared)> _taken = [];

        /// <summary>For each character of the sentence, the start of the name taken over it (-1 for none).</summary>
        private readonly int[] _nameAt = Enumerable.Repeat(-1, sentence.Text.Length).ToArray();

        public void Run()
        {
            for (int i = 0; i < _s.Length; i++)
            {
                if (PersonNames.Lengths(_s, i, rareToo: true).Length == 0)
                {
                    continue;
                }

                var (chain, role) = OfficeBefore(i);
                if (chain >= 0 && Forward(i, rareToo: true, list: false) is > 0 and var length)
                {
                    Take(i, length, role, chain, i + length, shared: true);
                }
                else if (Grammar.Opens(_s, i) && Forward(i, rareToo: false, list: false) is > 0 and var bare && Grammar.Acts(_s, i + bare))
                {
                    Take(i, bare, null, i, i + bare);
                }
            }

            OfficesAfter();
            Lists();
        }

        /// <summary>
        /// The office written just before a name: 省长刘捷, or across one space when a signature line sets them apart
        /// (省长　李文华 under a report's title).
        /// </summary>
        private (int Start, string? Role) OfficeBefore(int i)
        {
            if (i == 0)
            {
                return (-1, null);
            }

            var before = Offices.Chain(_s, i);
            if (before.Start < 0 && i > 2 && _s[i - 1] is ' ' or '\u3000')
            {
                before = Offices.Chain(_s, i - 1);
            }

            return before;
        }

        /// <summary>王明市长, 习近平总书记, 张三同志, 王明（市长）.</summary>
        private void OfficesAfter()
        {
            for (int j = 2; j < _s.Length; j++)
            {
                int title = Grammar.TitleLength(_s, j);
                int office = title > 0 ? title : Offices.AfterLength(_s, j);
                string? role = office > 0 && title == 0 ? _s.Substring(j, office) : null;
                if (office == 0 && _s[j] == '（' && _s.IndexOf('）', j, Math.Min(41, _s.Length - j)) is > 0 and var close && Offices.IsChain(_s[(j + 1)..close]))
                {
                    role = _s[(j + 1)..close];
                    office = close + 1 - j;
                }

                // 省工商联主席: the characters before the office are its organ, not a name.
                if (office > 0 && Backward(j) is > 0 and var length && !(role is not null && _s[j] != '（' && Offices.ChainStart(_s, j + office) is >= 0 and var organ && organ < j - length))
                {
                    Take(j - length, length, role, j - length, j + office);
                }
            }
        }

        /// <summary>From each name taken, the names beside it across 、 ， 和 及 与 (赵乐际、王沪宁、蔡奇出席).</summary>
        private void Lists()
        {
            for (int n = 0; n < _taken.Count; n++)
            {
                var (_, _, outer, outerEnd, shared) = _taken[n];
                if (Grammar.IsSeparator(_s, outerEnd) && Forward(outerEnd + 1, rareToo: false, list: true) is > 0 and var next)
                {
                    // 副省长周海燕、吴振华列席: an office written once before a list of bare names is the office of each of them.
                    int end = outerEnd + 1 + next;
                    int after = SkipOfficeAfter(end);
                    bool inherits = shared is not null && Offices.AfterLength(_s, end) == 0 && _s[outerEnd] == '、';
                    Take(outerEnd + 1, next, inherits ? shared : null, outerEnd + 1, after, shared: inherits);
                }

                if (Grammar.IsSeparator(_s, outer - 1) && Backward(outer - 1, list: true) is > 0 and var previous)
                {
                    Take(outer - 1 - previous, previous, null, outer - 1 - previous, outer - 1);
                }
            }
        }

        private int SkipOfficeAfter(int at) => at + Math.Max(Grammar.TitleLength(_s, at), Offices.AfterLength(_s, at));

        /// <summary>An item standing alone between separators (、汪洋、), where a name that is also a word is still a name.</summary>
        private bool Alone(int start, int length) =>
            (start == 0 || _s[start - 1] is '、' or '，') && (start + length >= _s.Length || _s[start + length] is '、' or '，' or '等' || !ChineseText.IsCjk(_s[start + length]));

        /// <param name="shared">Whether <paramref name="role"/> was written before the name, so that bare names listed after it share it.</param>
        private void Take(int start, int length, string? role, int outer, int outerEnd, bool shared = false)
        {
            // A name already taken may still gain the office written after it; a span overlapping another name is no name.
            bool same = _nameAt[start] == start && (start + length == _s.Length || _nameAt[start + length] != start) && _nameAt[start + length - 1] == start;
            if (!same)
            {
                for (int i = start; i < start + length; i++)
                {
                    if (_nameAt[i] >= 0)
                    {
                        return;
                    }
                }

                Array.Fill(_nameAt, start, start, length);
                _taken.Add((start, length, outer, outerEnd, shared ? role : null));
            }

            found.Add(_s.Substring(start, length), role, sentence.Span.Start + start, sentence.Span);
        }

        /// <summary>
        /// The length of a name starting at <paramref name="at"/>, judged by what follows it: 王浩在 (two), 易炼红在 (three),
        /// 刘大为出席 (three: 为 may end a name, 出席 surely does). In a list a separator ends a name too.
        /// </summary>
        private int Forward(int at, bool rareToo, bool list)
        {
            int best = 0, bestScore = 0;
            foreach (var length in PersonNames.Lengths(_s, at, rareToo))
            {
                if (!PersonNames.Plausible(_s, at, length, rareToo) && !(list && Alone(at, length) && PersonNames.Plausible(_s, at, length, rareToo, wordsToo: true)))
                {
                    continue;
                }

                int score = list && Grammar.IsSeparator(_s, at + length) ? 3 : Grammar.Follower(_s, at + length);
                if (list && score < 3 && !Grammar.Acts(_s, at + length))
                {
                    score = 0;
                }

                if (score > bestScore)
                {
                    (best, bestScore) = (length, score);
                }
            }

            return best;
        }

        /// <summary>
        /// The length of a name ending at <paramref name="end"/> (before an office, 同志 or a separator). A name that
        /// opens the clause wins (，王金平同志); else the commoner surname (要向王浩同志: 王 before 向).
        /// </summary>
        private int Backward(int end, bool list = false)
        {
            int best = 0;
            (bool Opens, int Rank) bestKey = (false, int.MaxValue);
            foreach (var length in (ReadOnlySpan<int>)[2, 3, 4])
            {
                int start = end - length;
                if (start < 0 || !(PersonNames.Plausible(_s, start, length, rareToo: !list) || (list && Alone(start, length) && PersonNames.Plausible(_s, start, length, rareToo: false, wordsToo: true))))
                {
                    continue;
                }

                bool opens = Grammar.Opens(_s, start) || Offices.ChainStart(_s, start) >= 0;
                if (list && !opens)
                {
                    continue;
                }

                var key = (opens, PersonNames.Rank(_s, start));
                if (best == 0 || (key.opens && !bestKey.Opens) || (key.opens == bestKey.Opens && key.Item2 < bestKey.Rank))
                {
                    (best, bestKey) = (length, key);
                }
            }

            return best;
        }
    }
}
