namespace Luoshi.Domain.Documents;

/// <summary>The words around a name in official writing: what may follow it, what makes a bare name a person, what may stand before it.</summary>
internal static class Grammar
{
    /// <summary>Words that end a name (a verb, a preposition, a list's end): longest first where one starts another.</summary>
    private static readonly string[] FollowerWords =
    [
        "主持", "出席", "强调", "指出", "表示", "讲话", "要求", "参加", "参会", "会见", "会谈", "会晤", "调研", "考察", "视察", "检查", "督导", "走访", "察看",
        "了解", "带队", "率队", "宣布", "介绍", "通报", "部署", "代表", "一行", "发表", "提出", "听取", "当选", "签署", "分别", "先后", "寄语", "致辞", "批示",
        "指示", "参观", "看望", "慰问", "深入", "来到", "前往", "专程", "一起", "一同", "共同", "希望", "充分", "肯定", "作出", "作了", "主讲", "点评", "总结",
        "传达", "回顾", "围绕", "结合", "陪同", "列席", "汇报", "发言", "宣读", "亲切", "现场", "实地", "认为", "说道", "谈到", "坦言", "透露", "以及", "同志",
        "等人", "主任", "书记", "市长", "省长", "县长", "区长", "审议", "研究", "接受", "回答", "解读", "作报告", "对此", "随后", "此前", "近日", "日前", "今天",
        "昨天", "上午", "下午", "晚上", "带领", "发布", "召开", "牵头", "签发", "约谈", "会同", "组织", "做客", "接见", "到会",
    ];

    /// <summary>Single characters that end a name as surely as a verb: 王浩说, 王浩讲, 王浩等.</summary>
    private const string StrongSingles = "说讲等";

    /// <summary>Single characters that may end a name, or be its last character (刘大为, 张和平).</summary>
    private const string WeakSingles = "在和与及为同也还到就对向是的则率作将把从于赴均都又";

    /// <summary>What, after a bare name, makes it a person: a verb of attending or speaking, or a list's end.</summary>
    private static readonly string[] ActingWords =
    [
        "出席", "参加", "参会", "陪同", "列席", "会见", "会谈", "会晤", "主持", "讲话", "调研", "考察", "视察", "检查", "督导", "看望", "慰问", "参观", "致辞", "发言",
        "汇报", "分别", "先后", "一同", "共同", "一起", "带队", "率队", "一行", "宣读", "传达", "通报", "介绍", "强调", "指出", "表示", "要求", "认为", "提出", "希望",
        "宣布", "深入", "来到", "前往", "作了", "作报告", "作工作报告", "作交流发言", "作表态发言", "告诉", "感慨", "坦言", "回忆", "透露", "谈道", "谈起", "笑着", "说", "讲", "等", "同志", "率", "赴", "到", "作",
    ];

    /// <summary>Words after which a bare name may start: a collective (省领导), a list's opening (出席的有), a verb taking people (会见).</summary>
    private static readonly string[] Openers =
    [
        "领导", "同志", "嘉宾", "负责人", "的有", "会见", "会见了", "陪同", "看望", "慰问", "欢迎", "邀请", "以及", "还有", "代表", "由", "同", "请", "和", "及", "与",

        // Who the person is, written before the name: 老党员张阿根, 村民王大爷, 专家李明.
        "党员", "村民", "居民", "群众", "市民", "职工", "工人", "农民", "教师", "老师", "医生", "专家", "教授", "院士", "学者", "记者", "企业家", "志愿者", "创始人",
    ];

    /// <summary>What a person is called after the name, which is no office: 张文宏医生, 李明教授, 张三同志.</summary>
    public static readonly string[] Titles = ["同志", "医生", "教授", "院士", "老师", "研究员", "工程师", "律师", "博士", "先生", "女士", "同学", "师傅"];

    /// <summary>The length of a title (<see cref="Titles"/>) at <paramref name="at"/>; 0 when none.</summary>
    public static int TitleLength(string s, int at)
    {
        foreach (var title in Titles)
        {
            if (s.AsSpan(at).StartsWith(title, StringComparison.Ordinal))
            {
                return title.Length;
            }
        }

        return 0;
    }

    /// <summary>How surely a name ends before <paramref name="at"/>: 3 at punctuation, the text's end, a verb or an office; 1 before a character that may also end a name; 0 otherwise.</summary>
    public static int Follower(string s, int at)
    {
        if (at >= s.Length || !ChineseText.IsCjk(s[at]))
        {
            return 3;
        }

        if (StrongSingles.Contains(s[at], StringComparison.Ordinal) || Offices.AfterLength(s, at) > 0 || TitleLength(s, at) > 0)
        {
            return 3;
        }

        var rest = s.AsSpan(at);
        foreach (var word in FollowerWords)
        {
            if (rest.StartsWith(word, StringComparison.Ordinal))
            {
                return 3;
            }
        }

        return WeakSingles.Contains(s[at], StringComparison.Ordinal) ? 1 : 0;
    }

    /// <summary>Whether a separator of a list of names stands at <paramref name="at"/>: 、 ， 和 及 与.</summary>
    public static bool IsSeparator(string s, int at) => at >= 0 && at < s.Length && s[at] is '、' or '，' or '和' or '及' or '与';

    /// <summary>Whether what follows a bare name (at <paramref name="at"/>) says it is a person: 出席, 参加, 等, 指出, 在…上强调.</summary>
    public static bool Acts(string s, int at)
    {
        var rest = s.AsSpan(at);
        foreach (var word in ActingWords)
        {
            if (rest.StartsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return rest.StartsWith("在", StringComparison.Ordinal) && SpeaksAt(rest[1..]);
    }

    /// <summary>在…会议上强调: a speech verb within the clause, after the place or the meeting.</summary>
    private static bool SpeaksAt(ReadOnlySpan<char> rest)
    {
        int end = rest.IndexOfAny("，。；！？：\n");
        var clause = end < 0 ? rest : rest[..end];
        if (clause.Length > 50)
        {
            clause = clause[..50];
        }

        foreach (var verb in (ReadOnlySpan<string>)["强调", "指出", "表示", "讲话", "要求", "致辞", "发言", "说", "提出", "宣布", "作报告", "作工作报告"])
        {
            int i = clause.IndexOf(verb, StringComparison.Ordinal);
            if (i > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a bare name may start at <paramref name="at"/>: the clause's start, after a separator or an opener.</summary>
    public static bool Opens(string s, int at)
    {
        if (at == 0 || !ChineseText.IsCjk(s[at - 1]) || s[at - 1] == '、')
        {
            return true;
        }

        var before = s.AsSpan(0, at);
        foreach (var word in Openers)
        {
            if (before.EndsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
