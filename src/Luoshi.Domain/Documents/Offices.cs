using System.Text.RegularExpressions;

namespace Luoshi.Domain.Documents;

/// <summary>
/// Offices as official writing states them next to a name: an office word (书记, 副省长, 党组成员, 秘书长…)
/// after the organ that holds it (省委, 市人大常委会, 省发展改革委, 县人民法院, 宣传部), several joined by 、
/// (省委副书记、省长). The organ starts at its level (省, 市, 县, 国家, 中共中央…): 浙江省委书记 is 省委书记,
/// as 杭州市财政局局长 is 市财政局局长; an organ without a level (宣传部, 武警某部) starts the clause.
/// </summary>
internal static partial class Offices
{
    private static readonly string[] Cores =
    [
        "总书记", "书记", "常委", "委员", "省长", "市长", "县长", "区长", "州长", "镇长", "乡长", "旗长", "盟长", "主席", "主任", "部长", "厅长", "局长", "处长",
        "科长", "司长", "署长", "秘书长", "院长", "检察长", "审判长", "庭长", "董事长", "总经理", "经理", "司令员", "司令", "参谋长", "政委", "政治委员", "巡视员",
        "调研员", "校长", "行长", "会长", "理事长", "社长", "总编辑", "台长", "所长", "站长", "馆长", "队长", "组长", "团长", "总理", "国务委员", "委员长",
        "监事长", "总裁", "总监", "总工程师", "总经济师", "总会计师", "专员", "督察长", "关长", "主委", "秘书", "总指挥", "指挥长", "主任委员", "首席执行官",
        "主要负责人", "负责人",
    ];

    private static readonly string[] Ranks = ["", "副", "常务副", "专职副", "代", "执行", "第一", "一级", "二级", "名誉"];

    private static readonly string[] Party = ["党组", "党委", "党工委", "党总支", "党支部", "纪检监察组", "纪检组"];

    /// <summary>Every office word: [党组…][副…]core, and 党组成员.</summary>
    private static readonly HashSet<string> Words = Build(withParty: true);

    /// <summary>Office words written after a name (王明市长, 刘建国书记, 习近平总书记): no party prefix.</summary>
    private static readonly HashSet<string> AfterWords = Build(withParty: false);

    private static readonly int Longest = Words.Max(w => w.Length);

    private static readonly int LongestAfter = AfterWords.Max(w => w.Length);

    /// <summary>An organ's prefix is looked for this far back from its office word.</summary>
    private const int Window = 16;

    /// <summary>Characters that end an organ's prefix looking back: particles, prepositions, 兼 and 、 between offices.</summary>
    private const string Stops = "的了在由是把将被让从并也都还又就而或与及兼等、";

    /// <summary>Words never inside an organ's name: 省领导看望市委书记 is not one office.</summary>
    private static readonly string[] NotOrgan =
    [
        "领导", "同志", "干部", "群众", "会见", "陪同", "出席", "参加", "看望", "召开", "会议", "讲话", "主持", "书记", "主任", "省长", "市长", "县长", "部长", "各",
        "全省", "全市", "全县", "全区", "全体", "调研", "考察", "一行", "强调", "指出", "表示",
    ];

    private static HashSet<string> Build(bool withParty)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rank in Ranks)
        {
            foreach (var core in Cores)
            {
                words.Add(rank + core);
                if (withParty)
                {
                    foreach (var party in Party)
                    {
                        words.Add(party + rank + core);
                    }
                }
            }
        }

        if (withParty)
        {
            foreach (var party in Party)
            {
                words.Add(party + "成员");
            }
        }

        return words;
    }

    /// <summary>The office word (no organ) that starts at <paramref name="at"/>, as written after a name; 0 when none.</summary>
    public static int AfterLength(string s, int at)
    {
        for (int k = Math.Min(LongestAfter, s.Length - at); k >= 2; k--)
        {
            if (AfterWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(s.AsSpan(at, k)))
            {
                return k;
            }
        }

        return 0;
    }

    /// <summary>Where a chain of offices (省委副书记、省长) that ends exactly at <paramref name="end"/> starts; -1 when none ends there.</summary>
    public static int ChainStart(string s, int end) => Chain(s, end).Start;

    /// <summary>
    /// The chain of offices (省委副书记、省长) that ends exactly at <paramref name="end"/>: where its text starts (-1 when
    /// none ends there) and the offices as stated, each from its organ (中共中央政治局委员、上海市委书记 is 中共中央政治局委员、市委书记).
    /// </summary>
    public static (int Start, string? Role) Chain(string s, int end)
    {
        var (start, lead) = TokenStart(s, end);
        if (start < 0)
        {
            return (-1, null);
        }

        var role = s[start..end];
        while (lead > 1 && s[lead - 1] is '、' or '兼' && TokenStart(s, lead - 1) is ( >= 0 and var earlier, var earlierLead))
        {
            role = s[earlier..(lead - 1)] + s[lead - 1] + role;
            (start, lead) = (earlier, earlierLead);
        }

        return (start, role);
    }

    /// <summary>Whether the whole of <paramref name="s"/> is a chain of offices (the content of 王明（市长）).</summary>
    public static bool IsChain(string s) => s.Length >= 2 && Chain(s, s.Length).Start == 0;

    /// <summary>
    /// Where one office with its organ that ends at <paramref name="end"/> starts (-1 when none does), and where the
    /// words before it that are no part of it start when they open the clause (上海 of 上海市委书记).
    /// </summary>
    private static (int Start, int Lead) TokenStart(string s, int end)
    {
        int office = -1;
        var lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int k = Math.Min(Longest, end); k >= 2; k--)
        {
            if (lookup.Contains(s.AsSpan(end - k, k)))
            {
                office = end - k;
                break;
            }
        }

        if (office < 0)
        {
            return (-1, -1);
        }

        int from = office;
        while (from > 0 && office - from < Window && ChineseText.IsCjk(s[from - 1]) && !Stops.Contains(s[from - 1], StringComparison.Ordinal))
        {
            from--;
        }

        bool clauseStart = from == 0 || !ChineseText.IsCjk(s[from - 1]) || Stops.Contains(s[from - 1], StringComparison.Ordinal);
        bool partyOffice = s[office] == '党' || s.AsSpan(office).StartsWith("纪检", StringComparison.Ordinal);
        for (int i = from; i < office; i++)
        {
            if (IsOrgan(s.AsSpan(i, office - i), partyOffice, clauseStart && i == from))
            {
                return (i, clauseStart && i - from <= 4 ? from : i);
            }
        }

        return (office, office);
    }

    private static bool IsOrgan(ReadOnlySpan<char> organ, bool partyOffice, bool clauseStart)
    {
        foreach (var word in NotOrgan)
        {
            if (organ.Contains(word, StringComparison.Ordinal))
            {
                return false;
            }
        }

        if (LevelAlone().IsMatch(organ))
        {
            // 镇党委书记, 国务院副总理, 国家主席: a level alone holds a party office, or is a national organ itself.
            return partyOffice || NationalAlone().IsMatch(organ);
        }

        if (LevelOrgan().IsMatch(organ))
        {
            return true;
        }

        // 宣传部, 武警某部, 厅: an organ without a level opens the clause and names no place (浙江省委 is 省委).
        return clauseStart && OrganOnly().IsMatch(organ) && organ.IndexOfAny("省市县区州") < 0;
    }

    // 州 is a level only before its own organs (州委, 州政府): 湖州市委 is 市委.
    private const string Levels = "中共中央|中央|国务院|全国人大常委会|全国人大|全国政协|国家|自治区|自治州|自治县|开发区|高新区|新区|园区|社区|街道|省|市|县|区|州(?=委|政府|人民政府|人大|政协|纪委|监委)|镇|乡|旗|盟|村";

    private const string OrganEnds =
        "人民政府|政府|人大常委会|常委会|人大|政协|纪委监委|纪委|监委|委员会|管委会|工委|委|总局|分局|局|厅|部|办公室|办公厅|办|人民法院|法院|人民检察院|检察院|院|署|中心|"
        + "军区|警备区|分区|政治局|书记处|军委|工商联|总工会|工会|团委|妇联|科协|文联|社科联|侨联|残联|红十字会|党校|研究室|协会|学会|支队|大队|总队|部队|所|站|馆|报社|电视台|办事处";

    [GeneratedRegex("^(?:" + Levels + ")$")]
    private static partial Regex LevelAlone();

    [GeneratedRegex("^(?:中共中央|中央|国务院|全国人大常委会|全国人大|全国政协|国家)$")]
    private static partial Regex NationalAlone();

    [GeneratedRegex("^(?:" + Levels + ")[\u4e00-\u9fff]{0,12}?(?:" + OrganEnds + "|集团|公司|银行|大学|学院|医院)$")]
    private static partial Regex LevelOrgan();

    [GeneratedRegex("^[\u4e00-\u9fff]{0,10}?(?:" + OrganEnds + ")$")]
    private static partial Regex OrganOnly();
}
