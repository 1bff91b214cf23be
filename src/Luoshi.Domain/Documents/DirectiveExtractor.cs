using System.Text.RegularExpressions;

namespace Luoshi.Domain.Documents;

/// <summary>
/// Deployment sentences (要…, 加快…, 着力…, 确保…, 推进…) cut into candidate tasks. A speech lists its tasks
/// between semicolons, and within a clause list a new task begins where a clause opens with a deployment
/// verb; clauses without one elaborate the task before them. Each task gets the topic it was deployed
/// under: the X of 要在X上取得新突破, else the short lead sentence of its paragraph (要始终聚焦X这个首要任务,
/// 一是扩大有效需求), else the section heading, else a broad area read from its words.
/// </summary>
public static partial class DirectiveExtractor
{
    private const int MinTaskLength = 4;

    /// <summary>Headings of speeches run to two clauses; a longer line without a full stop is text that lost its punctuation.</summary>
    internal const int MaxHeadingLength = 60;

    public static IReadOnlyList<Directive> Extract(IReadOnlyList<Sentence> sentences)
    {
        var directives = new List<Directive>();
        string? section = null, paragraphTopic = null;
        bool bodyStarted = false, deploymentParagraph = false;
        for (int k = 0; k < sentences.Count; k++)
        {
            var sentence = sentences[k];
            bool first = IsFirstInParagraph(sentences, k);
            bool last = k + 1 == sentences.Count || sentences[k + 1].Paragraph != sentence.Paragraph;
            if (first)
            {
                paragraphTopic = null;
                deploymentParagraph = false;
                bodyStarted |= ParagraphLength(sentences, k) >= 150;
            }

            var s = sentence.Text;
            if (first && last && !ChineseText.IsSentenceEnd(s[^1]) && s.Length <= MaxHeadingLength)
            {
                // A short line without a full stop is a heading; before the body starts it is the title block.
                if (bodyStarted)
                {
                    section = CleanTopic(s);
                }

                continue;
            }

            int lead = LeadLength(s);
            var body = s[lead..];
            bool narrative = Narrative().IsMatch(body) || Statement().IsMatch(body);
            bool deployment = narrative
                ? Modal().IsMatch(body)
                : TaskStart().IsMatch(body) || Modal().IsMatch(body) || (deploymentParagraph && AnyClauseStartsATask(body));
            bool shortLead = body.Length <= 32 && ChineseText.IsSentenceEnd(s[^1]) && !body.Contains('，', StringComparison.Ordinal);
            if (shortLead && (Ordinal().IsMatch(s) || first || (deployment && !last)))
            {
                paragraphTopic = CleanTopic(body);
                deploymentParagraph = true;
            }

            if (!deployment)
            {
                continue;
            }

            deploymentParagraph = true;
            var breakthrough = Breakthrough().Match(body);
            string? sentenceTopic = breakthrough.Success ? breakthrough.Groups[1].Value : null;
            foreach (var (start, end, verb) in Tasks(s, lead))
            {
                var taskText = s[start..end];
                if (taskText.Length < MinTaskLength)
                {
                    continue;
                }

                var topic = sentenceTopic ?? paragraphTopic ?? section;
                directives.Add(new Directive(
                    taskText,
                    verb,
                    topic,
                    Area(taskText, topic),
                    new TextSpan(sentence.Span.Start + start, end - start),
                    sentence.Span));
            }
        }

        return directives;
    }

    /// <summary>Length of a leading ordinal (一是, 第一, （一）) and a speech intro (王浩强调，) that are not part of the task.</summary>
    private static int LeadLength(string s)
    {
        int at = 0;
        var intro = SpeechIntro().Match(s);
        if (intro.Success)
        {
            at = intro.Length;
        }

        var ordinal = Ordinal().Match(s, at);
        if (ordinal.Success)
        {
            at += ordinal.Length;
        }

        return at;
    }

    private static bool IsFirstInParagraph(IReadOnlyList<Sentence> sentences, int k) => k == 0 || sentences[k - 1].Paragraph != sentences[k].Paragraph;

    /// <summary>Characters from the paragraph's first sentence (<paramref name="first"/>) to its last.</summary>
    private static int ParagraphLength(IReadOnlyList<Sentence> sentences, int first)
    {
        int p = sentences[first].Paragraph, last = first;
        while (last + 1 < sentences.Count && sentences[last + 1].Paragraph == p)
        {
            last++;
        }

        return sentences[last].Span.End - sentences[first].Span.Start;
    }

    private static bool AnyClauseStartsATask(string body)
    {
        int start = 0;
        for (int i = 0; i <= body.Length; i++)
        {
            if (i < body.Length && body[i] is not ('，' or '；'))
            {
                continue;
            }

            if (TaskStart().IsMatch(body.AsSpan(start, i - start)))
            {
                return true;
            }

            start = i + 1;
        }

        return false;
    }

    /// <summary>The tasks of a deployment sentence, as (start, end, verb) within the sentence.</summary>
    private static IEnumerable<(int Start, int End, string Verb)> Tasks(string s, int lead)
    {
        int end = s.Length;
        while (end > lead && (ChineseText.IsSentenceEnd(s[end - 1]) || s[end - 1] is '”' or '）'))
        {
            // A closing quote is part of the task when it closes a quote inside it.
            if (s[end - 1] == '”' && s.LastIndexOf('“', end - 1) >= lead)
            {
                break;
            }

            end--;
        }

        int partStart = lead;
        for (int i = lead; i <= end; i++)
        {
            if (i < end && s[i] != '；')
            {
                continue;
            }

            foreach (var task in TasksOfPart(s, partStart, i))
            {
                yield return task;
            }

            partStart = i + 1;
        }
    }

    private static IEnumerable<(int Start, int End, string Verb)> TasksOfPart(string s, int start, int end)
    {
        int? taskStart = null;
        bool taskHasVerb = false;
        string verb = string.Empty;
        int clauseStart = start;
        int depth = 0;
        for (int i = start; i <= end; i++)
        {
            if (i < end)
            {
                depth += s[i] switch { '“' or '（' => 1, '”' or '）' => -1, _ => 0 };
                if ((s[i] != '，' && s[i] != '：') || depth > 0)
                {
                    continue;
                }
            }

            var clause = s[clauseStart..i];
            var m = TaskStart().Match(clause);
            if (taskStart is null)
            {
                var modal = Modal().Match(clause);
                int skip = m.Success ? m.Groups["adv"].Index : modal.Success ? modal.Length : 0;
                taskStart = clauseStart + skip;
                taskHasVerb = m.Success || modal.Success;
                verb = m.Success ? m.Groups["adv"].Value + m.Groups["verb"].Value : modal.Success ? "要" : string.Empty;
            }
            else if (m.Success && taskHasVerb)
            {
                yield return Trim(s, taskStart.Value, clauseStart - 1, verb);
                taskStart = clauseStart + m.Groups["adv"].Index;
                verb = m.Groups["adv"].Value + m.Groups["verb"].Value;
            }
            else if (m.Success)
            {
                // A lead-in without a verb (以“千万工程”为牵引) belongs to the task that follows it.
                taskHasVerb = true;
                verb = m.Groups["adv"].Value + m.Groups["verb"].Value;
            }

            clauseStart = i + 1;
        }

        if (taskStart is { } last)
        {
            yield return Trim(s, last, end, verb);
        }
    }

    private static (int Start, int End, string Verb) Trim(string s, int start, int end, string verb)
    {
        while (start < end && (s[start] is '，' or '：' or '、' or ' '))
        {
            start++;
        }

        while (end > start && (s[end - 1] is '，' or '：' or '、' or ' '))
        {
            end--;
        }

        return (start, end, verb.Length > 0 ? verb : s[start..Math.Min(end, start + 2)]);
    }

    /// <summary>A topic read from a heading: 要始终聚焦高质量发展这个首要任务 → 高质量发展; 一是积极扩大有效需求 → 扩大有效需求.</summary>
    private static string CleanTopic(string s)
    {
        var t = Ordinal().Replace(s.TrimEnd('。', '！', '？'), string.Empty, 1);
        t = TopicLead().Replace(t, string.Empty, 1);
        t = TopicAdverb().Replace(t, string.Empty, 1);
        var anchor = TopicAnchor().Match(t);
        if (anchor.Success && anchor.Index > 0)
        {
            t = t[..anchor.Index];
            t = TopicVerb().Replace(t, string.Empty, 1);
        }

        var breakthrough = Breakthrough().Match(t);
        return breakthrough.Success ? breakthrough.Groups[1].Value : t;
    }

    private static readonly (string Area, string[] Words)[] Areas =
    [
        ("对外开放", ["开放", "外贸", "外资", "出口", "进口", "口岸", "自贸", "走出去", "引进来", "外经贸"]),
        ("生态环保", ["生态", "绿色", "低碳", "污染", "能源", "降碳", "节能", "减排", "环保", "空气质量", "环境治理"]),
        ("科技创新", ["科技", "创新", "人才", "研发", "数字", "算力", "新质生产力", "科创"]),
        ("扩大内需", ["消费", "投资", "项目", "内需", "需求"]),
        ("城乡区域", ["城乡", "乡村", "农村", "农业", "农民", "县域", "山区", "海岛", "区域", "千万工程", "共同富裕"]),
        ("民生保障", ["民生", "就业", "收入", "医疗", "养老", "住房", "社会保障", "公共服务", "群众", "急难愁盼", "教育", "毕业生"]),
        ("文化建设", ["文化", "文明", "文旅"]),
        ("安全稳定", ["安全", "风险", "稳定", "防汛", "防台", "应急", "治安", "疫情", "防控", "平安", "法治"]),
        ("改革攻坚", ["改革", "营商环境", "体制", "机制", "政务服务"]),
        ("党建作风", ["党建", "党的建设", "纪律", "干部", "作风", "政治", "清廉", "党纪", "形式主义", "担当", "精神"]),
        ("产业发展", ["产业", "制造业", "工业", "服务业", "企业", "经济", "平台", "民营"]),
    ];

    /// <summary>
    /// A broad area from the task's words (and, with half the weight, its topic's), for grouping when no
    /// heading names the topic: the area whose words occur most; ties go to the area listed first.
    /// </summary>
    public static string Area(string task, string? topic = null)
    {
        string best = "综合";
        int bestScore = 0;
        foreach (var (area, words) in Areas)
        {
            int score = 0;
            foreach (var w in words)
            {
                score += 2 * Occurrences(task, w) + (topic is null ? 0 : Occurrences(topic, w));
            }

            if (score > bestScore)
            {
                best = area;
                bestScore = score;
            }
        }

        return best;
    }

    private static int Occurrences(string text, string word)
    {
        int n = 0;
        for (int i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + word.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }

    private const string Verbs =
        "深入实施|扎实推进|统筹推进|全面加强|全面推进|全力推进|强力推进|大力推进|加快推进|加快建设|加快打造|"
        + "推进|推动|加快|着力|著力|确保|加强|强化|深化|完善|健全|实施|打造|建设|构建|建立|抓好|抓实|抓牢|抓住|抓紧|落实|提升|提高|扩大|"
        + "促进|发挥|优化|实现|培育|支持|引导|坚持|统筹|做好|做到|做强|做优|守住|防范|化解|巩固|拓展|聚焦|围绕|力争|争取|稳住|激发|保持|增强|"
        + "贯彻|谋划|部署|开展|保障|筑牢|释放|提振|营造|激活|夯实|压实|树牢|践行|弘扬|锚定|扭住|把牢|把握|瞄准|突出|严明|畅通|鼓励|引进|"
        + "推广|培养|整改|打好|打赢|加大|降低|减少|控制|用好|办好|紧扣|集聚|凝聚|推行|制定|出台|解决|融入|承接|对接|聚力|壮大|迅速|掀起|"
        + "学习|宣传|领会|拿出|永葆|切实|坚决|坚定";

    private const string Adverbs =
        "始终|切实|坚决|进一步|更加|更好|全面|持续|继续|不断|努力|全力|大力|积极|扎实|深入|认真|迅速|重点|率先|主动|协同|一体|强力|"
        + "全力以赴|完整准确全面|牢牢|坚定不移|一以贯之|加快|精准|有效|真正|同步|系统|着力|著力|统筹|具体|及时|尽快|合力|齐心协力|用心用情用力";

    [GeneratedRegex("^(?:(?:也|还|都|更|就)?(?:要|必须|务必|须|应当|需要))?(?<adv>(?:" + Adverbs + ")*)(?<verb>" + Verbs + ")")]
    private static partial Regex TaskStart();

    [GeneratedRegex(@"^(?:[^，。；：]{0,14}?(?<![重主需必只摘纲提简紧首扼想不])(?:也|还|都|更|就)?(?:要|必须|务必))(?![求素点件闻害务紧塞道地职案领旨])")]
    private static partial Regex Modal();

    [GeneratedRegex(@"^(?:[^，。；：“]{1,20}?(?:强调|指出|表示|要求|提出|说|认为)[，：]|(?:总的要求是|主要任务是|重点是|具体来说|具体而言)[：，])")]
    private static partial Regex SpeechIntro();

    [GeneratedRegex(@"\G(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，、：]?|（[一二三四五六七八九十\d]+）|[一二三四五六七八九十]+、|\d+[.、]\s?)")]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"^(?:今年以来|去年以来|近年来|过去[^，]{0,6}|[^，]{0,6}以来|[^，]{0,10}期间)|(?:实现|取得|完成|展现|增强|筑牢|浓厚|推动|形成|开展|举办|召开|出台|发布|印发|迈出|作出|带来|激发|凝聚|进入)了")]
    private static partial Regex Narrative();

    /// <summary>A judgement rather than a deployment: 学习贯彻…，是重大政治任务; 实现全年目标，一季度开局首战至关重要.</summary>
    [GeneratedRegex(@"^[^，；。]{2,40}，是|(?:至关重要|十分重要|非常重要|尤为重要|意义重大|来之不易)[。！]?$")]
    private static partial Regex Statement();

    [GeneratedRegex(@"要在(.{2,40}?)上取得新突破")]
    private static partial Regex Breakthrough();

    [GeneratedRegex(@"^(?:要|必须)?(?:始终|坚持)?")]
    private static partial Regex TopicLead();

    [GeneratedRegex(@"^(?:积极|加快|大力|全力|切实|更好|进一步|全面|持续|着力|著力|坚决|努力|扎实)+")]
    private static partial Regex TopicAdverb();

    [GeneratedRegex(@"这个|这一")]
    private static partial Regex TopicAnchor();

    [GeneratedRegex(@"^(?:牢牢)?(?:聚焦|把牢|强化|锚定|坚持|扭住|抓住|围绕|突出|紧扣|把握|瞄准)")]
    private static partial Regex TopicVerb();
}
