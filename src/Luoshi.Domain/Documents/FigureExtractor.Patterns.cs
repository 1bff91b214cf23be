using System.Text.RegularExpressions;

namespace Luoshi.Domain.Documents;

/// <summary>The words and shapes <see cref="FigureExtractor"/> reads: units, qualifiers, measures, periods and the parts of a text.</summary>
public static partial class FigureExtractor
{
    /// <summary>
    /// A unit is kept whole with the multiplier written before it: 600万吨 is 600 of 万吨, 1.2亿人次 is 1.2 of 亿人次,
    /// 8650亿元 is 8650 of 亿元. A multiplier alone (3万, 1.5亿) is a unit of its own.
    /// </summary>
    private const string Units =
        "个百分点|百分点|%|‰|倍|微克/立方米|个工作日|工作日|(?:万亿|千亿|百亿|亿|千万|百万|万)?(?:美元|元|人次|人|户次|户|架次|艘次|家次|家|个|名|部|套|辆|台|艘|吨|标箱|千瓦时|千瓦|"
        + "平方米|平方公里|立方米|公里|千米|公顷|亩|斤|头|只|项|件|座|所|条|场|次|起|间|张|床|处|批|宗|小时|分钟|天|周岁|岁)|万亿|亿|万";

    [GeneratedRegex(@"(?<=" + Approximations + ")(?<v>[零一二两三四五六七八九十百千]{0,6})(?<u>" + Units + ")")]
    private static partial Regex ChineseNumber();

    /// <summary>A number, an optional 余/多 (30余万人, 300多亿元: at least that much) and its unit.</summary>
    [GeneratedRegex(@"(?<![\d.])(?<v>\d{1,15}(?:\.\d{1,8})?)(?:(?<more>[余多])?(?<u>" + Units + "))?")]
    private static partial Regex Number();

    [GeneratedRegex(@"^(?:年|月|日|号|时|点|分|秒|周|届|季度|世纪|岁|多年|余年|后|期)")]
    private static partial Regex DateWord();

    [GeneratedRegex(@"^\s?[—\-–~～至]\s?\d{1,4}(?:月|日|年)")]
    private static partial Regex RangeOfDates();

    [GeneratedRegex(@"^\s?(?:[—\-–~～]|至)\s?$")]
    private static partial Regex RangeDash();

    /// <summary>The 从 of a from→to pair, with when or what it came from: 从原来的, 从2020年的, 由上年的.</summary>
    [GeneratedRegex(@"(?:从|由)(?:原来的|原先的|过去的|此前的|上年的|去年的|20\d{2}年(?:底|末)?的)?$")]
    private static partial Regex FromLead();

    [GeneratedRegex(@"^[^，；。\d]{0,4}?(?<m>缩小|扩大|提高|提升|下降|降低|增加|减少|增长|上升|调整|压减|压缩|缩短|减少)?(?:到|至)(?:20\d{2}年(?:底|末)?的?)?$")]
    private static partial Regex FromTo();

    [GeneratedRegex(@"\G\s?(?:左右|以上|以内|以下|上下)")]
    private static partial Regex QualifierWord();

    [GeneratedRegex(@"(?:不低于|不少于|至少)(?:建成|建设|新增|培育|引进|选派|完成|开工|落地|创建)?$|(?:不低于|不少于)[^，；不]{1,10}的$")]
    private static partial Regex AtLeastBefore();

    [GeneratedRegex(@"(?:不超过|不高于|不多于|最多|控制在)$|(?:不超过|不高于)[^，；不]{1,10}的$")]
    private static partial Regex AtMostBefore();

    [GeneratedRegex(@"^(?:增速|增幅|涨幅)?(?:又|再|也|均|还)?(?:高于|低于|快于|慢于|优于|领先|超过|比|较)(?=.)")]
    private static partial Regex ComparisonLead();

    [GeneratedRegex(@"^力争")]
    private static partial Regex Stretch();

    [GeneratedRegex(@"(?<m>(?:年均|同比|环比|平均)?(?:增长|增加|提高|提升|上升|上涨|下降|减少|降低|回落|缩小|扩大)|压缩|缩短|缩减|达到|达|突破|(?<!突)破|(?<!不)超过|完成|实现|新增|获得|控制在|保持在|稳定在|迈上|跨上|跃上|站上|占比|(?:平均|仅)?为|共计?|合计|总计|安排)(?:了|到|至)?(?:每[人户年月天日]){0,2}(?:约|近|超|逾|超过|将近|接近|大约)?(?:最多|至少)?(?:不低于|不少于|至少|不超过|不高于|最多)?\s?$")]
    private static partial Regex MeasureAtEnd();

    [GeneratedRegex(@"^(?:全[省市区县州镇乡村国]|我[省市区县镇乡]|该[省市区县镇乡])?(?:已经?|还|又|再|将|要|继续|力争|计划|预计|争取|确保)*(?<m>(?:累计|共|新)?(?:提升改造|升级改造|获得|新增|完成|实现|拥有|引进|建成|开工|培育|新建|改建|创建|达到|突破|接待|改造|治理|惠及|带动|吸引|招引|认定|签约|实施|整治|发放|减免|帮扶|扶持|安置|举办|办理|开通|修复|培训|开展|选派|调整|表彰|评选|组织|检查|排查|走访|发生|推出|打造|建设|改扩建|落地|建立|设立|组建|储备|入选|创成|评定|命名|认证|培养|引育)|累计)")]
    private static partial Regex MeasureAtStart();

    [GeneratedRegex(@"(?<=.{2})(?<!每[千万百十]?人口?)(?:实现|完成|拥有)(?![率度值额量数])(?=.{2})")]
    private static partial Regex MeasureInside();

    [GeneratedRegex(@"(?<c>高于|低于|快于|慢于|优于|领先)(?<ref>[^，；、]{1,20})$")]
    private static partial Regex CompareInside();

    [GeneratedRegex(@"(?:同比|环比|比|较)(?:上年|去年|上年同期|去年同期|上月|上季度|一季度|二季度|三季度|年初|全国|全省|20\d{2}年(?:底|末)?)(?:预算数?|同期|执行数)?$")]
    private static partial Regex ComparisonTail();

    [GeneratedRegex(@"(?:20\d{2}年)?(?:上半年|下半年|前三季度|前[一二三四五六七八九十两\d]{1,2}个?月|第?[一二三四1-4]季度|全年|\d{1,2}[—\-–~至]\d{1,2}月份?|\d{1,2}月份?(?!\d{0,2}日)|今年|去年|明年)(?:以来)?|(?:到|至)?20\d{2}年(?:底|末)?(?:前(?![一二三四五六七八九十两\d]))?(?:以来)?|“?十[一二三四五六七八九]五”?(?:期间|时期|末|以来)")]
    private static partial Regex PeriodExpression();

    [GeneratedRegex(@"（[^（）]{0,40}）")]
    private static partial Regex Parenthetical();

    [GeneratedRegex(@"^(?:确保|力争|争取|预计|要|其中|同时|此外|另外|以及|并)+")]
    private static partial Regex LeadWords();

    [GeneratedRegex(@"^(?:其中|同时|此外|另外|以及|和|及|并|的|确保|力争|争取|预计|计划|将|期待|有望|要(?![素求])|、|，|：|\s)+")]
    private static partial Regex SubjectLead();

    [GeneratedRegex(@"(?:的|为|是|了|均|共|有|仅|已经|已|约|近|将近|接近|大约|不足|不到|超|逾|总体|实现|力争|确保|预计|预期|争取|要|将|最多|至少|不超过|不低于|不少于)+$")]
    private static partial Regex SubjectTail();

    /// <summary>Words that say how long or since when (过去五年, 近三年来, 年内, 截至年底): never a subject, whatever they are written beside.</summary>
    [GeneratedRegex(@"过去[一二三四五六七八九十两\d]{1,2}年|近[一二三四五六七八九十两\d]{1,2}年来?|[一二三四五六七八九十两\d]{1,2}年(?:来|以来)|以来|当年|本年度?|年内|(?:到|至)?年(?:底|末)前|截至(?:目前|[^，；、]{0,8}?[底末])|目前")]
    private static partial Regex TimeWords();

    [GeneratedRegex("(?:" + Approximations + ")$")]
    private static partial Regex ApproximationWord();

    /// <summary>约 and 近 as approximations, not in 节约, 制约, 最近, 附近.</summary>
    private const string Approximations = "不足|不到|将近|接近|大约|(?<![节制契预邀])约|(?<![最附邻就])近|超过|超|逾|突破|(?<![打攻识爆])破";

    /// <summary>A heading over a plan's indicators or targets (主要预期指标, 2026年计划, 目标任务).</summary>
    [GeneratedRegex("计划|指标|预期目标|目标任务|主要目标|发展目标|安排|任务|重点工作|今年工作|工作部署|工作要求|下一步|草案")]
    private static partial Regex PlanHeading();

    /// <summary>A heading that looks back (2025年计划执行情况, 工作回顾): its figures were reached, not planned.</summary>
    [GeneratedRegex("执行情况|完成情况|推进情况|总体情况|回顾|成效|成绩|亮点|进展|存在问题|主要做法")]
    private static partial Regex ReviewHeading();

    /// <summary>确保/完成/达到 under a plan heading: the figure is one of the plan's targets.</summary>
    [GeneratedRegex("确保|完成|达到|实现")]
    private static partial Regex PlanVerb();

    [GeneratedRegex(@"^(?:上年度?|去年|上一年|20\d{2}年)")]
    private static partial Regex PriorYear();

    /// <summary>The numbering before a list line: 1. / （一） / 一、 / ①.</summary>
    [GeneratedRegex(@"^\s*(?:\d{1,2}[.、．]|（[一二三四五六七八九十\d]{1,3}）|[一二三四五六七八九十]{1,3}、|[①-⑳])\s*")]
    private static partial Regex LabelNumbering();

    /// <summary>The time a 力争 target is to be reached, set off by a comma: 到2027年, 到2027年底前, 今年.</summary>
    [GeneratedRegex(@"^(?:到|至)?(?:20\d{2}年(?:底|末)?前?|今年|明年|年底前?|“十[一二三四五六七八九]五”末)$")]
    private static partial Regex StretchTime();

    /// <summary>The noun a count after 等 counts: 等15名优秀企业家(受到表彰).</summary>
    [GeneratedRegex(@"\G(?<n>[^，；。、\d]{2,12}?)(?=受到|获得|荣获|被|入选|参加|参与|获|[，；。、]|$)")]
    private static partial Regex CountedNoun();

    [GeneratedRegex(@"(?:为|占|完成|达到?)?(?:年度|调整后?的?)?预算的?$")]
    private static partial Regex BudgetShare();

    [GeneratedRegex("(?:总量|规模)$")]
    private static partial Regex GenericHead();

    /// <summary>A rate named by itself (涨幅, 增速): on a list line the indicator it measures is the label before the colon.</summary>
    [GeneratedRegex("^(?:涨幅|增速|增幅|降幅|增长率|比重|占比)$")]
    private static partial Regex RateWord();

    [GeneratedRegex("分别")]
    private static partial Regex Respectively();

    /// <summary>The nouns a clause names before its verb: (事故起数和死亡人数)实现“双下降”, (进出口)均保持增长.</summary>
    [GeneratedRegex(@"^(?<s>[^，；“”]{2,30}?[、和及与][^，；“”]{1,20}?)(?:实现|均|都|继续|持续|保持|出现|呈现|同步|双双|齐|有所|明显|大幅|稳步)")]
    private static partial Regex NamedList();

    /// <summary>Verbs of doing or reaching that make a count a figure wherever they stand before it (本次推介会共签约项目52个).</summary>
    [GeneratedRegex("(?:" + DoingVerbs + "|安排|列入)")]
    private static partial Regex CountVerb();

    private const string DoingVerbs =
        "开办|新办|签约|建成|新建|改建|扩建|改造|引进|培育|认定|创建|开工|落地|推出|打造|建设|培训|招引|帮扶|救助|资助|举办|办理|发放|完成|实现|新增|获得|获评|荣获|"
        + "入选|创成|评为|命名|设立|建立|组建|开通|开设|出台|制定|印发|查处|整改|化解|办结|受理|接待|安置|吸纳|带动|惠及|覆盖|达到|突破|超过|引育|新开|选派|派出|"
        + "推进|滞后|超期|逾期|销号|支持|扶持|奖励|补助|补贴|保障|加装|安装|更新|配备|投放|布设";

    /// <summary>A head that ends in its verb, so that the count after it counts the noun after the count: 至少建成(1家公办托育中心), 确定的(46项重点任务).</summary>
    [GeneratedRegex("(?:" + DoingVerbs + ")了?(?:不少于|不低于|至少|超过|近|约)?$|(?:确定|明确|部署|安排|列入|下达)的$", RegexOptions.RightToLeft)]
    private static partial Regex VerbAtEnd();

    /// <summary>The noun a count stands before, up to where the clause goes on: 46项(重点任务)中, 500名(科研人员)到企业服务.</summary>
    [GeneratedRegex(@"\G(?<n>[^，；。、：\d“”（）()]{2,14}?)(?=到|在|已|将|中|受到|获得|被|通过|参加|参与|[，；。、：]|$)")]
    private static partial Regex NounAfter();

    /// <summary>A bound written with the basis it is a share of: 不低于全年额度的, 不超过本级支出的.</summary>
    [GeneratedRegex(@"(?:不低于|不少于|不超过|不高于)[^，；不]{1,10}的$")]
    private static partial Regex BoundBasis();

    /// <summary>A change by an amount (比上年增加, 较去年减少): its size is a figure of its own.</summary>
    [GeneratedRegex("(?:增加|减少|增收|减收|多|少)[了约近超逾]*$")]
    private static partial Regex AmountChange();

    [GeneratedRegex("[、和及与]")]
    private static partial Regex ListSeparator();

    [GeneratedRegex(@"^(?:左右|以上)?[、和及与]$")]
    private static partial Regex ListJoin();

    /// <summary>Words that demand, and so make a target even in a look-back (今年要确保…).</summary>
    [GeneratedRegex(@"力争|确保|目标是|预期目标|(?<![重主需必只摘纲提简紧首扼想不])要(?![求素点件闻害务紧塞道地职案领旨])")]
    private static partial Regex StrongTarget();

    /// <summary>A share of a plan or goal: (完成年度计划)的16.7%, (年度目标)的90.6%.</summary>
    [GeneratedRegex(@"^(?:任务)?的\s?\d")]
    private static partial Regex PlanShare();

    /// <summary>A change that runs to a point (增加到2023年的…): the 到 of a from→to pair, not a deadline.</summary>
    [GeneratedRegex("(?:缩小|扩大|提高|提升|下降|降低|增加|减少|增长|上升|调整|压减|压缩|发展|跃升)$", RegexOptions.RightToLeft)]
    private static partial Regex ChangeBefore();

    /// <summary>What follows a bound that picks out the things counted: 以上的村, 以上企业 (a noun, not a stop or a verb of change).</summary>
    [GeneratedRegex(@"^的?[\p{IsCJKUnifiedIdeographs}](?<![增提下降达占])")]
    private static partial Regex ThresholdNoun();

    /// <summary>An estimate of what the year reached (预计全年…): an actual, as a reader records it.</summary>
    [GeneratedRegex("预计")]
    private static partial Regex Estimate();

    /// <summary>Words that say a figure in a deployment was already reached: 已建成, 同比, 上年, 比…增长.</summary>
    [GeneratedRegex("已|同比|环比|上年|去年|过去|累计|比[^，；]{0,6}(?:增长|提高|下降|增加|减少)")]
    private static partial Regex Reached();

    /// <summary>The opening of an enumerated paragraph: 一是, 二要, 1., （一）, 第一,.</summary>
    [GeneratedRegex(@"^\s*(?:[一二三四五六七八九十]{1,2}(?:是|要|、)|\d{1,2}[.、．]|（[一二三四五六七八九十\d]{1,3}）|[①-⑳]|第[一二三四五六七八九十]{1,2}[，、,])")]
    private static partial Regex Enumerated();

    /// <summary>A paragraph that opens with a numbered demand (一要…, 二是要…): everything it states is to be done.</summary>
    [GeneratedRegex(@"^\s*[一二三四五六七八九十]{1,2}(?:是要|要)")]
    private static partial Regex DemandOpening();

    /// <summary>A paragraph or sentence that opens by looking back: 过去一年，…; 五年来，…; 今年以来，…; 1至8月，…; 去年….</summary>
    [GeneratedRegex(@"^\s*(?:[^，。；：]{0,12}?，)?(?:过去的?[一二三四五六七八九十两\d]{1,2}年|[近这]?[一二三四五六七八九十两\d]{1,2}年(?:来|以来)|近年来|一年来|今年以来|去年|上年|20\d{2}年以来|(?:20\d{2}年)?\d{1,2}(?:至|—|-|–|~)\d{1,2}月|(?:20\d{2}年)?前[一二三四五六七八九十两\d]{1,2}个?月|(?:20\d{2}年)?(?:上半年|前三季度|一季度))")]
    private static partial Regex ReviewOpening();

    /// <summary>A sentence that opens with a year (2024年，…; 城建方面，2024年…), not a deadline (到2027年).</summary>
    [GeneratedRegex(@"^\s*(?:[^，。；：]{0,12}?，)?(?<y>20\d{2})年(?![底末]?前)")]
    private static partial Regex YearOpening();

    /// <summary>A sentence that turns to what is next (今年, 下一步, 今后): it ends a look-back paragraph.</summary>
    [GeneratedRegex(@"^\s*(?:今年(?!以来)|明年|下一步|今后|未来|新的一年|接下来)")]
    private static partial Regex ForwardOpening();

    /// <summary>A lead-in that names the parts of the work to follow: 重点抓好三方面工作, 将继续办好十方面民生实事, 抓好以下工作.</summary>
    [GeneratedRegex(@"(?:抓好|做好|办好|干好|落实好|推进|突出|聚焦|强调|讲|提)[^，。；：了]{0,6}?(?:以下|如下|[一二三四五六七八九十两\d]{1,2}个?方面|[一二三四五六七八九十两\d]{1,2}(?:项|件|大|点)|几项|几点|几个方面)[^，。；：了]{0,8}[：:。]?$")]
    private static partial Regex DeploymentLead();

    [GeneratedRegex(@"目标|预期(?!寿命)|力争|确保|争取|控制在|(?<!原)计划|安排(?=[^，；。]{0,12}\d)|明年|到20\d{2}年|(?<![即必])将(?![近来])|(?<![重主需必只摘纲提简紧首扼想不])要(?![求素点件闻害务紧塞道地职案领旨])")]
    private static partial Regex TargetContext();
}
