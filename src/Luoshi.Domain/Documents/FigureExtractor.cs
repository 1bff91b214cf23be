using System.Globalization;
using System.Text.RegularExpressions;

namespace Luoshi.Domain.Documents;

/// <summary>
/// The numbers a document states: subject, value and unit, the measure (增长/下降/占/达到…), the period
/// (上半年, 1—5月, 2025年, carried forward until a heading), comparisons (高于全国0.6个百分点 attaches to the
/// figure before it), from→to pairs (从2.37缩小到1.9), 分别 lists distributed over their subjects, ranges,
/// and targets with their qualifiers (左右, 以上, 以内/以下, 力争). Dates, ordinals, counts inside quotes
/// (“32条”) and codes (5G, “4+1”) are not figures.
/// <para>
/// A unit keeps its multiplier (600万吨 → 600 万吨, 1.2亿人次左右 → 1.2 亿人次, Around). A time word (今年, 上半年,
/// 2025年, 过去五年) goes to the period and is never a subject; a figure with no subject of its own in the sentence
/// takes the one before it (…增长6%，其中出口增长8% → 出口; 8650亿元，比上年增长6.2% → the 8650亿元's subject).
/// An approximation of the value (近, 约, 将近, 接近 → <see cref="FigureQualifier.Around"/>; 超, 逾, 超过, 突破,
/// 30余万, 300多亿 → <see cref="FigureQualifier.AtLeast"/>) is read for actuals and targets alike and does not by
/// itself make a figure a target; 逾百家 and 超千亿元 are read in Chinese numerals after such a word.
/// </para>
/// <para>
/// A line of an indicator list (粮食产量：600万吨以上（上年621万吨）。) names its indicator before the colon: the value is
/// a target under a plan heading (主要预期指标, 目标任务, …计划) or with a target word, the bracketed 上年 value an actual
/// of the same indicator. Under a plan heading 确保/完成/达到 also state targets. 力争 before a target of its own is a
/// stretch target; after a main target it is that target's stretch value.
/// </para>
/// </summary>
public static partial class FigureExtractor
{
    /// <summary>Units whose numbers count things (3个方面, 5项): a figure only with a measure verb (获得5项, 新增12个).</summary>
    private static readonly HashSet<string> Counting = new(StringComparer.Ordinal) { "个", "项", "家", "条", "座", "所", "件", "台", "场", "次", "起", "处", "批", "宗", "天", "小时", "分钟", "部", "岁", "周岁", "工作日", "个工作日", "" };

    /// <param name="sentences">The document's sentences.</param>
    /// <param name="year">The year the document is dated, when known: a paragraph that opens with an earlier year looks back.</param>
    public static IReadOnlyList<Figure> Extract(IReadOnlyList<Sentence> sentences, int? year = null)
    {
        var figures = new List<Figure>();
        string? period = null;
        bool plan = false;

        // A deployment's lead-in (要重点抓好三方面工作：, 将继续办好十件实事：) makes the rest of its paragraph and the
        // enumerated paragraphs after it (一是…, 1.…, （一）…) directive; a look-back (过去一年，…, 1至8月，…) makes its
        // paragraph a review.
        bool leadIn = false, directive = false, review = false, reviewPart = false;
        for (int k = 0; k < sentences.Count; k++)
        {
            var sentence = sentences[k];
            bool paragraphStart = k == 0 || sentences[k - 1].Paragraph != sentence.Paragraph;
            bool wholeLine = paragraphStart && (k + 1 == sentences.Count || sentences[k + 1].Paragraph != sentence.Paragraph);
            if (wholeLine && !ChineseText.IsSentenceEnd(sentence.Text[^1]) && sentence.Text[^1] is not ('；' or '：' or ';' or ':') && sentence.Text.Length <= DirectiveExtractor.MaxHeadingLength)
            {
                // A heading starts a new part of the document; a period stated before it no longer applies. A heading
                // without numbers of its own (二、主要预期指标) says whether the part lists a plan's targets.
                period = null;
                leadIn = false;
                if (Tokens(sentence.Text).Count == 0)
                {
                    // 一、2025年预算执行情况: the part looks back, whatever its sentences open with.
                    reviewPart = ReviewHeading().IsMatch(sentence.Text);
                    plan = PlanHeading().IsMatch(sentence.Text) && !reviewPart;
                }
            }

            bool looksBack = LooksBack(sentence.Text, year);
            if (paragraphStart)
            {
                bool enumerated = Enumerated().IsMatch(sentence.Text);
                directive = DemandOpening().IsMatch(sentence.Text) || ((leadIn || plan) && enumerated);
                leadIn &= enumerated;
                review = looksBack;
            }
            else if (ForwardOpening().IsMatch(sentence.Text))
            {
                review = false;
            }

            bool sentenceReview = reviewPart || review || looksBack;

            // 重点抓好以下工作：…；新增装机容量120万千瓦: a lead-in that ends at a colon inside the sentence governs what follows it.
            int colon = sentence.Text.IndexOf('：', StringComparison.Ordinal);
            if (!sentenceReview && colon > 0 && colon < sentence.Text.Length - 1 && LeadIn(sentence.Text[..(colon + 1)]))
            {
                leadIn = true;
                directive = true;
            }

            Scan(sentence, ref period, figures, new Context(plan, directive && !sentenceReview, sentenceReview));
            if (!sentenceReview && LeadIn(sentence.Text))
            {
                leadIn = true;
                directive = true;
            }
        }

        return figures;
    }

    /// <summary>
    /// What the part of the document around a sentence says about its figures: under a plan heading
    /// (<see cref="Plan"/>), in a deployment (<see cref="Directive"/>: every figure not marked as reached is a target),
    /// or looking back (<see cref="Review"/>: 以上 and 左右 describe what was reached, and only a word that demands
    /// (要, 确保, 力争) makes a target).
    /// </summary>
    private readonly record struct Context(bool Plan, bool Directive, bool Review);

    /// <summary>Whether a sentence opens by looking back: 过去一年，…, 1至8月，…, or a year before the document's (2024年，… in a report of 2025).</summary>
    private static bool LooksBack(string s, int? year) =>
        ReviewOpening().IsMatch(s)
        || (year is { } y && YearOpening().Match(s) is { Success: true } m && int.Parse(m.Groups["y"].ValueSpan, CultureInfo.InvariantCulture) < y);

    /// <summary>A sentence that leads into a list of what is to be done: ends in a colon after a demand, or names the parts to follow.</summary>
    private static bool LeadIn(string s) =>
        DeploymentLead().IsMatch(s) || ((s.EndsWith('：') || s.EndsWith(':')) && StrongTarget().IsMatch(s));

    private sealed record Token(int Start, int End, decimal Value, string Unit, bool More = false);

    private static List<Token> Tokens(string s)
    {
        var tokens = new List<Token>();
        var quoted = QuotedRanges(s);
        int q = 0, numbering = LabelNumbering().Match(s).Length;
        foreach (Match m in Number().Matches(s))
        {
            int start = m.Index, end = m.Index + m.Length;
            if (start < numbering)
            {
                continue;
            }

            while (q < quoted.Count && quoted[q].End < start)
            {
                q++;
            }

            var unit = m.Groups["u"].Value;
            var after = s.AsSpan(end);
            char before = start > 0 ? s[start - 1] : '\0';
            char next = end < s.Length ? s[end] : '\0';
            if ((q < quoted.Count && start > quoted[q].Start && start < quoted[q].End)
                || before is '第' or '+' or '-' or '/' or '.' or ':' || char.IsAsciiLetter(before) || char.IsAsciiLetter(next) || next is '+' or ':' or '/'
                || (unit.Length == 0 && DateWord().IsMatch(after))
                || (unit.Length == 0 && RangeOfDates().IsMatch(after)))
            {
                continue;
            }

            if (!decimal.TryParse(m.Groups["v"].ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            tokens.Add(new Token(start, end, value, unit, m.Groups["more"].Success));
        }

        // 逾百家, 超千亿元, 近两万人: a round number in Chinese numerals, read only after an approximation word and
        // with a unit, where it cannot be part of a name (百姓, 千万工程) or an ordinary count (三个方面).
        foreach (Match m in ChineseNumber().Matches(s))
        {
            var (v, unit) = (m.Groups["v"].Value, m.Groups["u"].Value);
            bool round = v.IndexOfAny(['十', '百', '千']) >= 0 || unit.StartsWith('万') || unit.StartsWith('亿');
            if (round && !quoted.Exists(r => m.Index > r.Start && m.Index < r.End))
            {
                tokens.Add(new Token(m.Index, m.Index + m.Length, ChineseValue(v), unit));
            }
        }

        tokens.Sort((a, b) => a.Start.CompareTo(b.Start));
        return tokens;
    }

    /// <summary>The value of a number written in Chinese numerals below 万 (两千五百, 十二, 百); an empty one (近万人) is 1.</summary>
    private static decimal ChineseValue(string numerals)
    {
        decimal total = 0, digit = 0;
        foreach (var c in numerals)
        {
            int d = "零一二三四五六七八九".IndexOf(c, StringComparison.Ordinal);
            if (c == '两')
            {
                d = 2;
            }

            if (d >= 0)
            {
                digit = d;
                continue;
            }

            decimal place = c switch { '十' => 10, '百' => 100, _ => 1000 };
            total += (digit == 0 ? 1 : digit) * place;
            digit = 0;
        }

        total += digit;
        return total == 0 ? 1 : total;
    }

    private static void Scan(Sentence sentence, ref string? period, List<Figure> figures, Context context)
    {
        var tokens = Tokens(sentence.Text);
        var periods = Periods(sentence.Text);
        if (tokens.Count == 0)
        {
            if (periods.Count > 0)
            {
                period = periods[^1].Text;
            }

            return;
        }

        period = new SentenceScan(sentence, tokens, periods, period, figures, context).Run();
    }

    /// <summary>
    /// A number as read, with what follows it: a qualifier (左右, 以内…) or the upper end of a range, and whether it
    /// was written as an approximation (30余万, 300多亿: at least).
    /// </summary>
    private readonly record struct Reading(int Start, int End, decimal Value, decimal? Upper, string Unit, FigureQualifier? Qualifier, FigureQualifier? Approximation = null);

    /// <summary>
    /// One sentence's numbers, left to right. The state that runs along the sentence: how far it has got, the period
    /// in force, the 从 of a 从…到 pair waiting for its 到, and the 分别 list handing out its subjects.
    /// </summary>
    private sealed class SentenceScan
    {
        private readonly Sentence _sentence;
        private readonly string _s;
        private readonly List<Token> _tokens;
        private readonly List<(int Start, string Text)> _periods;
        private readonly List<Figure> _figures;
        private readonly int _firstOfSentence;
        private readonly int _targetFrom;
        private readonly int _estimateFrom;
        private readonly bool _plan;
        private readonly Context _context;
        private string? _period;
        private int _periodIndex;
        private int _lastEnd;
        private (decimal Value, int HeadStart, int HeadEnd, string Measure)? _from;
        private List<string>? _distributed;
        private int _distributedNext, _distributedStart, _distributedFirst;
        private string? _distributedMeasure;
        private int _next;

        public SentenceScan(Sentence sentence, List<Token> tokens, List<(int Start, string Text)> periods, string? period, List<Figure> figures, Context context)
        {
            _plan = context.Plan;
            _context = context;
            _sentence = sentence;
            _s = sentence.Text;
            _tokens = tokens;
            _periods = periods;
            _period = period;
            _figures = figures;
            _firstOfSentence = figures.Count;
            _targetFrom = TargetFrom(_s, context.Review);
            _estimateFrom = Estimate().Match(_s) is { Success: true } estimate ? estimate.Index : int.MaxValue;
            _lastEnd = LabelNumbering().Match(_s).Length;
        }

        /// <summary>Adds the sentence's figures and returns the period in force after it.</summary>
        public string? Run()
        {
            for (int j = 0; j < _tokens.Count; j++)
            {
                var t = _tokens[j];
                var figurePeriod = PassPeriods(_periods, ref _periodIndex, t.Start, _lastEnd, ref _period);

                int clauseStart = ClauseStart(_s, t.Start, _lastEnd);
                var prefix = _s[clauseStart..t.Start];
                var between = j + 1 < _tokens.Count ? _s[t.End.._tokens[j + 1].Start] : null;
                if (TakeFrom(t, clauseStart, prefix, between))
                {
                    continue;
                }

                var reading = Read(ref j, prefix, between);
                var trimmed = prefix.TrimStart('、', '，', '；', '：', ' ');
                if (QualifiesPrevious(reading, trimmed) || Threshold(reading, trimmed))
                {
                    continue;
                }

                _next = j + 1;
                Add(reading, trimmed, figurePeriod, prefix.StartsWith('、'));
            }

            while (_periodIndex < _periods.Count)
            {
                _period = _periods[_periodIndex++].Text;
            }

            return _period;
        }

        /// <summary>从2.37缩小到1.9: the first number is where it came from; it waits for the second.</summary>
        private bool TakeFrom(Token t, int clauseStart, string prefix, string? between)
        {
            var fromMatch = FromLead().Match(prefix);
            if (!fromMatch.Success || between is null || FromTo().Match(between) is not { Success: true } ft)
            {
                return false;
            }

            int headStart = clauseStart + (prefix.Length - prefix.TrimStart('、', '，', '；', '：', ' ').Length);
            _from = (t.Value, headStart, clauseStart + fromMatch.Index, ft.Groups["m"].Value);
            _lastEnd = t.End;
            return true;
        }

        /// <summary>The number at <paramref name="j"/> with its qualifier; a range also takes the number after it (and moves <paramref name="j"/> past it).</summary>
        private Reading Read(ref int j, string prefix, string? between)
        {
            var t = _tokens[j];
            var (qualifier, qualifierLength) = QualifierAfter(_s, t.End);
            var reading = new Reading(t.Start, t.End + qualifierLength, t.Value, null, t.Unit, qualifier, t.More ? FigureQualifier.AtLeast : null);

            // 5%—6%, 5至6%: a range.
            if (qualifier is null && _from is null && between is not null && RangeDash().IsMatch(between) && !prefix.Contains('从', StringComparison.Ordinal))
            {
                var second = _tokens[++j];
                var (_, q2Length) = QualifierAfter(_s, second.End);
                reading = reading with
                {
                    End = second.End + q2Length,
                    Upper = second.Value,
                    Unit = t.Unit.Length > 0 ? t.Unit : second.Unit,
                    Qualifier = FigureQualifier.Range,
                };
            }

            return reading;
        }

        /// <summary>Whether the number only qualifies the figure just before it in the sentence (which then takes it in).</summary>
        private bool QualifiesPrevious(Reading reading, string trimmed)
        {
            int last = _figures.Count - 1;
            if (last < _firstOfSentence)
            {
                return false;
            }

            // 、高于全国0.6个百分点 / ，较一季度提高2.6个百分点: a comparison of the figure just before. But a rate after an
            // amount (8650亿元，比上年增长6.2%) is the amount's growth, and an amount changed by an amount (85万元，比上年增加
            // 20万元) the size of the change: figures of their own, with the same subject.
            if (ComparisonLead().IsMatch(trimmed) && !(IsRate(reading.Unit) && !IsRate(_figures[last].Unit))
                && !(!IsRate(reading.Unit) && reading.Unit.Length > 0 && reading.Unit == _figures[last].Unit && AmountChange().IsMatch(trimmed)))
            {
                _figures[last] = Extended(_figures[last], _sentence, reading.End) with { Comparison = _s[(reading.Start - trimmed.Length)..reading.End] };
                _lastEnd = reading.End;
                return true;
            }

            // ，力争6%: the stretch value of the target just before (，力争新增市场主体3万户 is a target of its own).
            if (Stretch().IsMatch(trimmed) && _figures[last] is { Kind: FigureKind.Target } target && target.Stretch is null && SubjectOf(trimmed[2..]).Subject.Length == 0)
            {
                _figures[last] = Extended(target, _sentence, reading.End) with { Stretch = reading.Value };
                _lastEnd = reading.End;
                return true;
            }

            return false;
        }

        /// <summary>
        /// 集体经营性收入30万元以上的村, 年营业收入2000万元以上企业: a bound that picks out what is counted is part of the
        /// subject, not a figure (the number is left for the next figure's subject to take in).
        /// </summary>
        private bool Threshold(Reading reading, string trimmed) =>
            reading.End < _s.Length
            && ((reading.Qualifier is FigureQualifier.AtLeast or FigureQualifier.AtMost && ThresholdNoun().IsMatch(_s.AsSpan(reading.End))
                    && (MeasureAtEnd().Match(trimmed) is not { Success: true } m || m.Groups["m"].Value == "为") && QualifierBefore(trimmed) is null && ApproximationBefore(trimmed) is null)
                || (reading.Qualifier is null && _s[reading.End] == '的' && ThresholdNoun().IsMatch(_s.AsSpan(reading.End))
                    && ApproximationBefore(trimmed) is not null && trimmed.StartsWith("其中", StringComparison.Ordinal)));

        /// <summary>The number as a figure of its own, unless it has no subject or only counts things without a measure.</summary>
        private void Add(Reading reading, string trimmed, string? figurePeriod, bool listed)
        {
            int last = _figures.Count - 1;
            bool hasPrevious = last >= _firstOfSentence;
            var (subject, measure, comparison, figureStart) = HeadOf(trimmed, reading.Start - trimmed.Length);

            // 已建成未来社区6个、未来乡村15个: a count listed after another shares its verb; 其中百亿元以上项目3个 is a part of the whole before.
            if (measure is null && listed && hasPrevious && _figures[last].Measure is { } shared && Counting.Contains(_figures[last].Unit))
            {
                measure = shared;
            }
            else if (measure is null && trimmed.StartsWith("其中", StringComparison.Ordinal) && hasPrevious)
            {
                measure = "其中";
            }

            // （上年增长5.8%）after a target: the actual of the same indicator, in brackets.
            bool lastYear = PriorYearBracket(reading.Start);
            if (lastYear && hasPrevious)
            {
                subject = _figures[last].Subject;
            }

            // 地区生产总值：增长5.5%左右: a line of an indicator list names its indicator before the colon.
            var label = subject.Length == 0 || RateWord().IsMatch(subject) ? Label(reading.Start) : null;
            if (label is not null)
            {
                subject = label;
            }

            if (subject.Length == 0 && hasPrevious)
            {
                subject = _figures[last].Subject;
            }
            else if (hasPrevious && subject.StartsWith('占') && subject.Length > 1 && trimmed.StartsWith(subject[..2], StringComparison.Ordinal))
            {
                // 税收收入162.4亿元，占一般公共预算收入的比重为75.3%: the share is the figure before's.
                subject = _figures[last].Subject + subject;
            }

            // 甲、乙等15名优秀企业家: the count belongs to the noun after it, not to the names listed before 等.
            if (subject.EndsWith('等') && CountedNoun().Match(_s, reading.End) is { Success: true } counted)
            {
                subject = counted.Groups["n"].Value;
                measure ??= "等";
            }

            // 对进度滞后的3项任务 only repeats what it counts; 11个设区市 only counts; 新增120家, 逾4000家, 600多个, 300个以上,
            // 最多不超过60天 state a figure.
            if (!ReadCount(reading, trimmed, label is not null, ref subject, ref measure) || subject.Length == 0
                || (measure is null && label is null && Counting.Contains(reading.Unit) && _from is null && reading.Qualifier is null && reading.Approximation is null
                    && ApproximationBefore(trimmed) is null && QualifierBefore(trimmed) is null))
            {
                _lastEnd = reading.End;
                _from = null;
                return;
            }

            // The words of a target (左右, 以上, 不低于, 控制在, 力争) make the figure a target; an approximation of the
            // value (近, 约, 超, 逾, 突破, 30余万) is read for actuals and targets alike and decides nothing about the kind.
            // 力争…突破50万户: what is striven for is a stretch target, whether or not its value is written as more than.
            var qualifier = reading.Qualifier ?? QualifierBefore(trimmed);
            bool targetWords = qualifier is not null;
            if (qualifier is null && (Stretch().IsMatch(trimmed) || StretchGoverns(reading.Start)) && !lastYear)
            {
                qualifier = FigureQualifier.Stretch;
            }

            qualifier ??= reading.Approximation ?? ApproximationBefore(trimmed);

            var kind = Kind(reading, trimmed, lastYear, targetWords, qualifier, label is not null);
            _figures.Add(new Figure(
                subject,
                reading.Value,
                reading.Unit,
                measure,
                figurePeriod ?? _period,
                qualifier,
                reading.Upper,
                null,
                _from?.Value,
                comparison,
                kind,
                _s[figureStart..reading.End],
                new TextSpan(_sentence.Span.Start + figureStart, reading.End - figureStart),
                _sentence.Span));
            _from = null;
            _lastEnd = reading.End;
            if (_distributed is not null && _distributedNext > 1)
            {
                for (int i = _distributedFirst; i < _figures.Count - 1; i++)
                {
                    _figures[i] = Extended(_figures[i], _sentence, reading.End);
                }
            }
        }

        /// <summary>
        /// What a count counts and the verb that makes it a figure. 至少建成1家公办托育综合服务中心, 确定的46项重点任务中: a
        /// count written before its noun, after the verb, counts that noun. 本次共签约项目52个: a verb of doing anywhere
        /// before it makes it a figure. False for a count after 的 (对进度滞后的3项任务), which names again what it counts.
        /// </summary>
        private bool ReadCount(Reading reading, string trimmed, bool labelled, ref string subject, ref string? measure)
        {
            bool counting = Counting.Contains(reading.Unit);
            var verb = VerbAtEnd().Match(trimmed);
            var noun = NounAfter().Match(_s, reading.End);
            if (counting && trimmed.EndsWith('的') && !verb.Success && noun.Success)
            {
                return false;
            }

            if ((counting || reading.Unit == "名") && reading.Unit.Length > 0 && (subject.Length == 0 || verb.Success)
                && noun.Success && !CountVerb().IsMatch(noun.Groups["n"].Value))
            {
                measure ??= verb.Success ? verb.Value : null;
                subject = noun.Groups["n"].Value;
            }

            if (measure is null && !labelled && counting && CountVerb().Match(trimmed) is { Success: true } done)
            {
                measure = done.Value;
            }

            return true;
        }

        /// <summary>
        /// Planned or reached. The year before (（上年…）) and an estimate (预计全年…) are reached; a target's words (以上,
        /// 左右, 力争), a demand earlier in the sentence (要, 确保, 目标), a plan's list line or verb, and a deployment's
        /// figure not marked as reached (已, 同比) are planned. Looking back, 以上 and 左右 describe what was reached.
        /// </summary>
        private FigureKind Kind(Reading reading, string trimmed, bool lastYear, bool targetWords, FigureQualifier? qualifier, bool labelled)
        {
            int clause = ClauseStart(_s, reading.Start, 0);
            if (lastYear || (_estimateFrom < reading.Start && _targetFrom > reading.Start))
            {
                return FigureKind.Actual;
            }

            bool planned = qualifier == FigureQualifier.Stretch
                || (targetWords && (!_context.Review || QualifierBefore(trimmed) is not null))
                || _targetFrom < reading.Start
                || (_plan && (labelled || PlanVerb().IsMatch(trimmed)))
                || (_context.Directive && !Reached().IsMatch(_s.AsSpan(clause, reading.Start - clause)));
            return planned ? FigureKind.Target : FigureKind.Actual;
        }

        /// <summary>Whether the number at <paramref name="at"/> stands in brackets that open with the year before (（上年增长5.8%）, （2025年312万吨）).</summary>
        private bool PriorYearBracket(int at)
        {
            int open = _s.LastIndexOf('（', at);
            return open >= 0 && _s.IndexOf('）', open) is var close && (close < 0 || close > at) && PriorYear().IsMatch(_s.AsSpan(open + 1));
        }

        /// <summary>
        /// 粮食产量：600万吨以上: the indicator named before the colon of a list line, when nothing but the measure stands
        /// between the colon and the number (null otherwise).
        /// </summary>
        private string? Label(int at)
        {
            int colon = _s.LastIndexOf('：', at);
            if (colon <= 0 || _s.AsSpan(colon + 1, at - colon - 1).IndexOfAny('，', '；', '。') >= 0)
            {
                return null;
            }

            int start = _s.LastIndexOfAny(['；', '。', '\n'], colon - 1) + 1;
            var label = LabelNumbering().Replace(_s[start..colon], string.Empty).Trim();
            return label.Length is >= 2 and <= 24 && label.IndexOfAny(['，', '、']) < 0 && !label.Any(char.IsAsciiDigit) ? label : null;
        }

        /// <summary>
        /// 力争到2027年，…占比达到80%; 今年力争新增…10家: 力争 written before a target of its own (in its clause, or
        /// separated from it only by the time it is to be reached) makes it a stretch target. After a figure
        /// (增长5.5%左右，力争6%) it is the stretch value of that figure instead.
        /// </summary>
        private bool StretchGoverns(int figureStart)
        {
            int at = figureStart < 2 ? -1 : _s.LastIndexOf("力争", figureStart - 1, StringComparison.Ordinal);
            if (at < 0 || at < _lastEnd || at + 2 > figureStart)
            {
                return false;
            }

            var between = _s[(at + 2)..figureStart];
            int comma = between.IndexOf('，', StringComparison.Ordinal);
            if (between.IndexOfAny(['；', '。']) >= 0)
            {
                return false;
            }

            return comma < 0 || (between.IndexOf('，', comma + 1) < 0 && StretchTime().IsMatch(between[..comma]));
        }

        /// <summary>The subject, measure and comparison of a figure, and where its text starts: the next subject of a 分别 list under way, or read from the words before it.</summary>
        private (string Subject, string? Measure, string? Comparison, int FigureStart) HeadOf(string trimmed, int figureStart)
        {
            if (_distributed is not null && trimmed is ("" or "和" or "及" or "与") && _distributedNext < _distributed.Count)
            {
                // Each figure of a 分别 list carries the whole list as its text: alone, "33.8%" says nothing.
                return (_distributed[_distributedNext++], _distributedMeasure, null, _distributedStart);
            }

            var head = Head(_s, trimmed, figureStart, _from);
            (var subject, _distributed) = Respective(head.Subject);
            if (subject.Length == 0 && _distributed is null && Respectively().IsMatch(head.Subject))
            {
                _distributed = Preceding() ?? NamedBefore(figureStart);
                subject = _distributed?[0] ?? subject;
            }

            if (_distributed is not null)
            {
                _distributedNext = 1;
                _distributedMeasure = head.Measure;
                _distributedStart = head.FigureStart;
                _distributedFirst = _figures.Count;
            }

            return (subject, head.Measure, head.Comparison, head.FigureStart);
        }

        /// <summary>How many values a 分别 list has: the number just read and those joined to it (、, 和, 及, 与).</summary>
        private int ListedValues()
        {
            int values = 1;
            for (int k = _next; k < _tokens.Count && ListJoin().IsMatch(_s[_tokens[k - 1].End.._tokens[k].Start]); k++)
            {
                values++;
            }

            return values;
        }

        /// <summary>
        /// 事故起数和死亡人数实现“双下降”，分别下降18.6%和12.4%: a 分别 list with no figures before it takes its subjects
        /// from the clause before, named as a list before its verb, when it names as many as the list has values.
        /// </summary>
        private List<string>? NamedBefore(int figureStart)
        {
            int clauseEnd = _s.LastIndexOfAny(['，', '；'], Math.Max(0, figureStart - 1));
            if (clauseEnd <= _lastEnd || _figures.Count > _firstOfSentence)
            {
                return null;
            }

            int clauseStart = ClauseStart(_s, clauseEnd, _lastEnd);
            var clause = WithoutTime(_s[clauseStart..clauseEnd]);
            var named = NamedList().Match(clause);
            if (!named.Success)
            {
                return null;
            }

            var list = ListSeparator().Split(SubjectLead().Replace(named.Groups["s"].Value, string.Empty)).Select(x => x.Trim()).Where(x => x.Length > 0).ToList();
            int values = ListedValues();

            return list.Count >= 2 && list.Count == values ? list : null;
        }

        /// <summary>
        /// 接待游客8600万人次，实现旅游收入1100亿元，分别增长12%和15%: a 分别 list with no subjects of its own hands
        /// out those of the figures before it in the sentence, as many as it has values (null when there are too few).
        /// </summary>
        private List<string>? Preceding()
        {
            int values = ListedValues();

            int first = _figures.Count - values;
            return values >= 2 && first >= _firstOfSentence ? [.. _figures.Skip(first).Take(values).Select(f => f.Subject)] : null;
        }
    }

    /// <summary>
    /// Where the words that make the sentence's figures targets begin (<see cref="int.MaxValue"/> when there are none).
    /// A share of a plan or goal (完成年度计划的16.7%) says how much was done, not what is wanted; looking back, only a
    /// word that demands counts (到2023年 and 将 there tell what happened).
    /// </summary>
    private static int TargetFrom(string s, bool review)
    {
        foreach (Match m in (review ? StrongTarget() : TargetContext()).Matches(s))
        {
            if (PlanShare().IsMatch(s.AsSpan(m.Index + m.Length)) || (m.Value[0] is '到' or '至' && ChangeBefore().IsMatch(s.AsSpan(0, m.Index))))
            {
                continue;
            }

            return m.Index;
        }

        return int.MaxValue;
    }

    private static bool IsRate(string unit) => unit is "%" or "‰" or "个百分点" or "百分点" or "倍";

    /// <summary>Moves past the periods named before <paramref name="before"/>; the last one after <paramref name="lastEnd"/> is the figure's own.</summary>
    private static string? PassPeriods(List<(int Start, string Text)> periods, ref int index, int before, int lastEnd, ref string? period)
    {
        string? figurePeriod = null;
        while (index < periods.Count && periods[index].Start < before)
        {
            if (periods[index].Start >= lastEnd)
            {
                figurePeriod = periods[index].Text;
            }

            period = periods[index].Text;
            index++;
        }

        return figurePeriod;
    }

    /// <summary>A figure whose text runs on to <paramref name="end"/> (in the sentence), taking in what qualifies it.</summary>
    private static Figure Extended(Figure figure, Sentence sentence, int end)
    {
        int start = figure.Span.Start - sentence.Span.Start;
        return figure with { Text = sentence.Text[start..end], Span = new TextSpan(figure.Span.Start, sentence.Span.Start + end - figure.Span.Start) };
    }

    /// <summary>
    /// The subject, measure and comparison of a figure from the words before it (or, after 从…到, before the first
    /// number), and where the figure's text starts.
    /// </summary>
    private static (string Subject, string? Measure, string? Comparison, int FigureStart) Head(string s, string trimmed, int figureStart, (decimal Value, int HeadStart, int HeadEnd, string Measure)? from)
    {
        // 确保全省生产总值增长…: the deployment word belongs to the sentence, not to the figure's subject.
        int lead = from is null ? LeadWords().Match(trimmed).Length : 0;
        figureStart += lead;
        string head = from is { } f ? s[f.HeadStart..f.HeadEnd] : trimmed[lead..];
        if (from is { } f1)
        {
            figureStart = f1.HeadStart;
        }

        var (subject, measure, comparison) = SubjectOf(head);
        if (from is { } f2 && f2.Measure.Length > 0)
        {
            measure = f2.Measure;
        }

        return (subject, measure, comparison, figureStart);
    }

    /// <summary>工业、服务业投资分别增长: the subjects a 分别 list gives its figures in turn (null when it names fewer than two), and the first.</summary>
    private static (string Subject, List<string>? List) Respective(string subject)
    {
        var parts = Respectively().Split(subject);
        if (parts.Length != 2)
        {
            return (subject, null);
        }

        var list = ListSeparator().Split(parts[0]).Select(x => x.Trim()).Where(x => x.Length > 0).ToList();
        if (list.Count < 2)
        {
            return (parts[0].Trim(), null);
        }

        // 城镇和农村居民人均可支配收入: paired modifiers share what the last one is written with.
        var last = list[^1];
        if (PairedModifiers.FirstOrDefault(m => last.StartsWith(m, StringComparison.Ordinal) && last.Length > m.Length) is { } lastModifier
            && list.Take(list.Count - 1).All(PairedModifiers.Contains))
        {
            var shared = last[lastModifier.Length..];
            list = [.. list.Take(list.Count - 1).Select(x => x + shared), last];
        }

        return (list[0], list);
    }

    /// <summary>Modifiers written in pairs before one shared noun: 城镇和农村居民…, 国有和民营企业…, 进口和出口额….</summary>
    private static readonly HashSet<string> PairedModifiers = new(StringComparer.Ordinal)
    {
        "城镇", "农村", "城市", "乡村", "城乡", "国有", "民营", "外资", "内资", "中央", "地方", "进口", "出口", "公办", "民办", "省级", "市级", "县级",
        "国家级", "省级以上", "一般", "重大", "较大", "大型", "中型", "小型", "男性", "女性",
    };

    /// <summary>Subject, measure and a comparison basis from the words before a number: 上半年GDP比上年增长 → (GDP, 增长, 比上年).</summary>
    private static (string Subject, string? Measure, string? Comparison) SubjectOf(string head)
    {
        string? measure = null, comparison = null;
        head = WithoutTime(head);

        // 发行进度不低于全年额度的40%: the bound and its basis follow the subject.
        if (BoundBasis().Match(head) is { Success: true } bound)
        {
            comparison = bound.Value;
            head = head[..bound.Index];
        }

        string subject = head;
        var end = MeasureAtEnd().Match(head);
        if (end.Success)
        {
            measure = end.Groups["m"].Value;
            subject = head[..end.Index];
        }
        else if (MeasureAtStart().Match(head) is { Success: true } startMeasure)
        {
            measure = startMeasure.Groups["m"].Value;
            subject = head[startMeasure.Length..];
        }
        else if (CompareInside().Match(head) is { Success: true } inside)
        {
            measure = inside.Groups["c"].Value;
            comparison = head[inside.Index..];
            subject = head[..inside.Index];
        }
        else if (head.Contains('占', StringComparison.Ordinal))
        {
            measure = "占";
        }

        // 规模以上工业企业实现利润总额: the verb between the doer and what it did is not part of the subject.
        if (MeasureInside().Match(subject) is { Success: true } inside2)
        {
            measure ??= inside2.Value;
            subject = subject.Remove(inside2.Index, inside2.Length);
        }

        // 比上年增长6.2%: the basis alone leaves no subject (the figure before lends its own).
        var basis = ComparisonTail().Match(subject);
        if (basis.Success)
        {
            comparison = basis.Value;
            subject = subject[..basis.Index];
        }

        subject = Parenthetical().Replace(subject, string.Empty);
        subject = SubjectLead().Replace(subject, string.Empty);
        subject = SubjectTail().Replace(subject, string.Empty).Trim();

        // 为预算的101.2%: the share of the budget is a figure of the item named before, not of "预算".
        if (BudgetShare().Match(subject) is { Success: true } budget)
        {
            measure ??= "占预算";
            subject = subject[..budget.Index];
            subject = SubjectTail().Replace(subject, string.Empty).Trim();
        }

        // 地区生产总值总量突破…: a generic head (总量, 规模) is the size of what is named before it; alone it takes the
        // subject of the figure before.
        if (GenericHead().Match(subject) is { Success: true } generic && (subject.Length == generic.Length || subject.Length - generic.Length >= 4))
        {
            subject = subject[..generic.Index];
        }

        return (subject, measure, comparison);
    }

    /// <summary>
    /// The words before a figure without its period or time span (今年以来, 上半年, 2025年, 全年, 过去五年), and without
    /// the deployment words that led them (今年要确保…): a time word is never a subject. A period that is the basis of a
    /// comparison (比一季度, 较去年) stays.
    /// </summary>
    private static string WithoutTime(string head)
    {
        var cut = PeriodExpression().Replace(head, m => m.Index > 0 && "比较于同与和在".Contains(head[m.Index - 1], StringComparison.Ordinal) ? m.Value : string.Empty);
        cut = TimeWords().Replace(cut, string.Empty);
        return cut.Length == head.Length ? head : SubjectLead().Replace(cut, string.Empty);
    }

    private static (FigureQualifier? Qualifier, int Length) QualifierAfter(string s, int at)
    {
        var m = QualifierWord().Match(s, at);
        if (!m.Success)
        {
            return (null, 0);
        }

        return (m.Value.Trim() switch
        {
            "左右" or "上下" => FigureQualifier.Around,
            "以上" => FigureQualifier.AtLeast,
            _ => FigureQualifier.AtMost,
        }, m.Length);
    }

    private static FigureQualifier? QualifierBefore(string prefix)
    {
        if (AtLeastBefore().IsMatch(prefix))
        {
            return FigureQualifier.AtLeast;
        }

        return AtMostBefore().IsMatch(prefix) ? FigureQualifier.AtMost : null;
    }

    /// <summary>
    /// A value written as an approximation, in the qualifiers a figure already has: 超, 逾, 超过, 突破 (more than) read
    /// as <see cref="FigureQualifier.AtLeast"/>; 约, 近, 将近, 接近 (about, nearly) as <see cref="FigureQualifier.Around"/> —
    /// 近 means a little below, which Around holds closely enough without a qualifier of its own.
    /// </summary>
    private static FigureQualifier? ApproximationBefore(string prefix)
    {
        var m = ApproximationWord().Match(prefix);
        if (!m.Success)
        {
            return null;
        }

        return m.Value switch
        {
            "约" or "近" or "将近" or "接近" or "大约" => FigureQualifier.Around,
            "不足" or "不到" => FigureQualifier.AtMost,
            _ => FigureQualifier.AtLeast,
        };
    }

    /// <summary>Where the clause holding position <paramref name="at"/> starts, no earlier than <paramref name="floor"/> (the end of the figure before).</summary>
    private static int ClauseStart(string s, int at, int floor)
    {
        for (int i = at - 1; i >= floor; i--)
        {
            if (s[i] is '，' or '；' or '：' or '。' or '！' or '？')
            {
                return i + 1;
            }
        }

        return floor;
    }

    private static List<(int Start, int End)> QuotedRanges(string s)
    {
        var ranges = new List<(int, int)>();
        for (int i = s.IndexOf('“', StringComparison.Ordinal); i >= 0; i = s.IndexOf('“', i + 1))
        {
            int close = s.IndexOf('”', i + 1);
            if (close < 0)
            {
                break;
            }

            ranges.Add((i, close));
            i = close;
        }

        return ranges;
    }

    private static List<(int Start, string Text)> Periods(string s)
    {
        var list = new List<(int, string)>();
        foreach (Match m in PeriodExpression().Matches(s))
        {
            // 比一季度, 较上年, 高于去年: the basis of a comparison, not the period of a figure.
            if (m.Index > 0 && s[m.Index - 1] is '比' or '较' or '于' or '同' or '与' or '和' or '在')
            {
                continue;
            }

            list.Add((m.Index, m.Value));
        }

        return list;
    }
}
