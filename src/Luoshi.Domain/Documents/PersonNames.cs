namespace Luoshi.Domain.Documents;

/// <summary>
/// What a Chinese personal name looks like: a surname (one of the common single surnames, or a compound
/// one such as 欧阳) and one or two given characters, so two or three characters (four with a compound
/// surname). The checks reject the words that merely start with a surname character (文件, 方案, 高度, 万人)
/// and the collectives that stand where names stand (同志们, 各地各部门, 全省上下).
/// </summary>
internal static class PersonNames
{
    /// <summary>The common single surnames, most frequent first (the rank settles 向王浩 against 王金平).</summary>
    private const string Common =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
        + "易廉翁习楼车骆俞倪柯裘童单葛鲍庞施欧祝厉诸岑应竺屠鲁卞虞宁甘包吉郁尤柏舒涂聂阮洪常辛管耿乔庄符殷伍文裴季凌伏明齐申左艾安褚娄冉华纪邢焦麦敖练栾柴滕蓝刁瞿晏储关饶卓冀"
        + "赖翟颜章牟费盛简窦巩康萧樊靳岳";

    /// <summary>Rarer surnames, several of them ordinary words too (成, 强, 时): taken only with an office or 同志 beside the name.</summary>
    private const string Rare =
        "邬巫闵芦鞠蒲隋寇仇连晋揭阎闻边卜景詹苗井谷房桂喻屈项祁代游权逯盖桓牛昌郎缪宗杭温霍查帅卫路晁蔺粟佟臧仲荣戚伊宫兰茅荆佘郜幸谈官冷鄢尚农宓麻钮衣暴栗梅匡修甄斯商满米扈阳凤危贝戈迟仝容索禹况冼乐柳鄂丰谌阙滑邝蒙宾宣燕"
        + "解楚穆曲古桑沙皮封邸苟丛苑姬云";

    private static readonly Dictionary<char, int> CommonRank = Common.Select((c, i) => (c, i)).DistinctBy(p => p.c).ToDictionary(p => p.c, p => p.i);

    private static readonly HashSet<char> RareSet = [.. Rare];

    private static readonly string[] Compound =
    [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "公孙", "慕容", "尉迟", "夏侯", "长孙", "宇文", "司徒", "端木", "独孤", "南宫", "西门", "百里", "呼延", "轩辕", "澹台", "公冶", "太史", "申屠", "钟离", "闻人", "万俟",
    ];

    /// <summary>Characters no given name is made of: particles, pronouns, and the characters of organs and offices (江北区, 王书记, 安局).</summary>
    private const string NotGiven = "网报刊社台区副州的了们这那个各该其之吗呢吧被把省市县委局厅部党处镇乡村办院所署席等级及啊呀么";

    /// <summary>Characters that end a name but never finish one: 刘捷在主持时强调 is 刘捷.</summary>
    private const string NotLast = "在与及是对把从于就也还都均又将";

    /// <summary>
    /// Words of official writing that start with a surname character and are no names: 文件指出, 方案要求, 万人参加,
    /// 高度重视. Names that are also words (高峰, 白雪, 江山) are deliberately absent.
    /// </summary>
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        // 王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩
        "王国", "王朝", "王牌", "李子", "张力", "张贴", "张扬", "刘海", "陈列", "陈旧", "陈述", "陈设", "杨柳", "黄金", "黄河", "黄色", "黄牌", "黄昏", "赵国",
        "周年", "周边", "周期", "周围", "周密", "周到", "周末", "周岁", "周转", "周知", "徐徐", "孙子", "马上", "马路", "马匹", "马力", "朱红", "胡同", "胡乱",
        "郭外", "何况", "何时", "何处", "何必", "何在", "何等", "何以", "何种", "高度", "高速", "高效", "高新", "高层", "高端", "高级", "高校", "高于", "高位",
        "高地", "高标", "高原", "高温", "高考", "高铁", "高企", "高质", "高水", "高中", "高等", "高压", "高发", "高风", "高危", "高能", "高技", "高价", "高楼",
        "高潮", "高涨", "高频", "高昂", "高举", "高额", "高龄", "林业", "林区", "林地", "林场", "林长", "罗列", "郑重", "谢谢", "宋代", "唐代", "许多", "许可",
        "韩国",

        // 冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江
        "曾经", "曾任", "曾在", "肖像", "田间", "田园", "田野", "田地", "董事", "于是", "于此", "于今", "余地", "余额", "余下", "余年", "余家", "余个", "余人",
        "余项", "余名", "杜绝", "叶片", "程序", "程度", "苏联", "苏醒", "魏晋", "丁字", "任务", "任何", "任期", "任职", "任命", "任用", "任意", "任免", "任重",
        "沈阳", "钟点", "陆续", "陆地", "陆军", "陆海", "汪洋", "范围", "范畴", "范例", "范本", "金融", "金额", "金牌", "金属", "金钱", "金秋", "金色", "金山",
        "石油", "石化", "石头", "石材", "夏季", "夏天", "夏粮", "夏收", "付出", "付款", "付费", "方面", "方式", "方法", "方向", "方案", "方针", "方位", "方便",
        "方能", "方可", "方才", "方略", "方言", "方阵", "白色", "白天", "白领", "白皮", "熊猫", "秦岭", "江南", "江北", "江西", "江苏", "江河", "江湖", "江海",

        // 尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤易廉翁习楼车骆俞倪柯裘童单葛鲍庞施欧祝厉诸
        "段落", "雷达", "雷霆", "雷锋", "龙头", "龙舟", "史料", "史上", "史诗", "陶瓷", "黎明", "贺信", "贺电", "贺词", "顾问", "顾客", "顾及", "顾全", "毛病",
        "万元", "万亩", "万人", "万吨", "万户", "万家", "万众", "万一", "万物", "万千", "万里", "万亿", "万余", "万名", "万套", "万个", "万辆", "万头", "万只",
        "钱款", "严格", "严重", "严肃", "严厉", "严峻", "严密", "严守", "严控", "严禁", "严查", "严把", "严明", "严实", "严谨", "严防", "严惩", "严打", "武器",
        "武装", "武警", "武力", "莫过", "莫不", "孔子", "向前", "向上", "向下", "向来", "向往", "向好", "向心", "向着", "汤圆", "易于", "易地", "易发", "廉洁",
        "廉政", "廉价", "廉租", "习惯", "习俗", "楼宇", "楼盘", "楼层", "车辆", "车站", "车间", "车位", "车道", "骆驼", "童年", "童工", "单位", "单独", "单一",
        "单元", "单纯", "单项", "单品", "庞大", "施工", "施行", "施策", "施肥", "欧洲", "欧美", "欧盟", "祝贺", "祝愿", "祝福", "厉害", "诸多", "诸如",

        // 岑应竺屠鲁卞虞宁甘包吉郁尤柏舒涂聂阮洪常辛管耿乔庄符殷伍文裴季凌伏明齐申左艾安褚娄冉华纪邢焦麦敖练栾柴滕蓝刁瞿晏储关饶卓冀
        "应当", "应该", "应用", "应对", "应急", "应有", "应届", "应收", "应尽", "应保", "应缴", "屠宰", "宁可", "宁夏", "宁波", "甘肃", "包括", "包含", "包装",
        "包容", "包干", "包保", "吉祥", "吉林", "尤其", "尤为", "柏林", "舒适", "舒心", "涂料", "洪水", "洪涝", "洪峰", "常委", "常务", "常态", "常规", "常见",
        "常年", "常住", "常用", "常驻", "常抓", "辛苦", "辛勤", "管理", "管控", "管道", "管辖", "管制", "管好", "管用", "管住", "管网", "庄严", "庄重", "符合",
        "殷切", "文化", "文明", "文件", "文物", "文艺", "文章", "文字", "文献", "文旅", "文创", "文体", "文书", "文本", "文风", "文稿", "季度", "季节", "凌晨",
        "明确", "明显", "明天", "明年", "明白", "明日", "明晰", "明细", "明令", "齐心", "齐全", "齐抓", "齐头", "申请", "申报", "申诉", "申领", "左右", "左侧",
        "安全", "安排", "安置", "安定", "安装", "安居", "安康", "安徽", "安稳", "安心", "安保", "安监", "华北", "华东", "华南", "华中", "华夏", "华人", "华侨",
        "纪律", "纪念", "纪检", "纪要", "纪实", "焦点", "焦虑", "练习", "练兵", "柴油", "蓝色", "蓝图", "蓝天", "储备", "储量", "储存", "储蓄", "储能", "关于",
        "关键", "关系", "关注", "关心", "关怀", "关爱", "关口", "关闭", "关乎", "关联", "关停", "卓越", "卓有",

        // 傅赖翟颜章牟费盛简窦巩康萧樊靳岳
        "颜色", "章程", "章节", "费用", "盛会", "盛大", "盛况", "盛行", "盛宴", "简单", "简化", "简称", "简报", "简要", "简洁", "简便", "巩固", "康复", "康养", "康乐",
        "萧山", "岳阳",

        // Places whose names start with a surname character.
        "江苏", "江西", "吉林", "宁夏", "宁波", "安徽", "武汉", "沈阳", "黄山", "金华", "唐山", "邯郸", "邢台", "包头", "常德", "邵阳", "龙岩", "宁德", "余杭", "诸暨",
        "乐清", "温岭", "海宁", "慈溪", "余姚", "安吉", "龙泉", "常山", "龙游", "富阳", "文成", "平阳", "苍南", "玉环", "宁海", "奉化", "江北", "黄岩", "柯桥", "武义",
        "永康", "兰溪", "青田", "安庆", "吉安", "上饶", "章丘", "许昌", "周口", "江门", "汕头", "梅州", "韶关", "钦州", "贺州", "安顺", "毕节", "铜仁", "武威", "金昌",
        "白银", "吴忠", "石嘴", "马鞍", "邓州", "武夷", "黄冈", "孝感", "荆门", "随州", "咸宁", "宜昌", "郑州", "洛阳", "苏州", "徐州", "常州", "扬州", "泰州", "台州",
    };

    /// <summary>Three-character words that read as a surname and a given name (高质量发展, 万众一心).</summary>
    private static readonly HashSet<string> Words3 = new(StringComparer.Ordinal)
    {
        "高质量", "高水平", "高标准", "高起点", "高规格", "高层次", "高品质", "高效率", "高技术", "高新区", "高速路", "万众一", "马克思", "文化馆", "安全感", "方法论",
        "关键词", "任务书", "严要求", "齐心协", "明确要", "于一体", "向纵深", "常态化", "全覆盖", "石家庄", "秦皇岛", "张家口", "张家界", "马鞍山", "连云港", "景德镇",
        "黄石港", "武当山", "宁波港", "江南区", "龙泉驿",
    };

    public static bool IsCommonSurname(char c) => CommonRank.ContainsKey(c);

    /// <summary>Where the surname is in the list of common ones (0 the most frequent); rare surnames rank after all of them.</summary>
    public static int Rank(string text, int at) =>
        CompoundLength(text, at) > 0 ? 0 : CommonRank.TryGetValue(text[at], out int rank) ? rank : RareSet.Contains(text[at]) ? 1000 : int.MaxValue;

    public static int CompoundLength(string text, int at)
    {
        foreach (var s in Compound)
        {
            if (at + s.Length <= text.Length && string.CompareOrdinal(text, at, s, 0, s.Length) == 0)
            {
                return s.Length;
            }
        }

        return 0;
    }

    /// <summary>The lengths a name starting at <paramref name="at"/> can have: 2 and 3, or 3 and 4 after a compound surname; none without a surname.</summary>
    public static int[] Lengths(string text, int at, bool rareToo)
    {
        if (at >= text.Length)
        {
            return [];
        }

        int compound = CompoundLength(text, at);
        if (compound > 0)
        {
            return [compound + 1, compound + 2];
        }

        return CommonRank.ContainsKey(text[at]) || (rareToo && RareSet.Contains(text[at])) ? [2, 3] : [];
    }

    /// <summary>Whether <paramref name="length"/> characters at <paramref name="at"/> can be a name; <paramref name="wordsToo"/> takes words too (汪洋 between 、).</summary>
    public static bool Plausible(string text, int at, int length, bool rareToo, bool wordsToo = false)
    {
        if (at < 0 || at + length > text.Length || Array.IndexOf(Lengths(text, at, rareToo), length) < 0)
        {
            return false;
        }

        int surname = Math.Max(1, CompoundLength(text, at));
        for (int i = at; i < at + length; i++)
        {
            if (!ChineseText.IsCjk(text[i]) || (i >= at + surname && NotGiven.Contains(text[i], StringComparison.Ordinal)))
            {
                return false;
            }
        }

        if (NotLast.Contains(text[at + length - 1], StringComparison.Ordinal))
        {
            return false;
        }

        var candidate = text.AsSpan(at, length);
        var lookup2 = Words.GetAlternateLookup<ReadOnlySpan<char>>();
        var lookup3 = Words3.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!wordsToo && ((length == 2 && lookup2.Contains(candidate)) || (length == 3 && lookup3.Contains(candidate))))
        {
            return false;
        }

        // A given name of two characters is not a word of the sentence's grammar: 王出席, 李强调 (李 before 强调).
        return length - surname == 1 || Grammar.Follower(text, at + surname) < 2;
    }
}
