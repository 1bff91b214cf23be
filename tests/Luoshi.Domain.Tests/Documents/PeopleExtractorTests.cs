using Luoshi.Domain.Documents;
using Luoshi.Testing;

namespace Luoshi.Domain.Tests.Documents;

/// <summary>People and their offices, one test per kind of mention, each with texts where nobody is to be found.</summary>
public class PeopleExtractorTests
{
    private static (string Name, string? Role)[] People(string text) =>
        [.. DocumentExtractor.Extract(text, NoTextConversion.Instance).People.Select(p => (p.Name, p.Role))];

    private static string[] Names(string text) => [.. People(text).Select(p => p.Name)];

    [Theory]
    [InlineData("张明、李华、王小红等出席。", new[] { "张明", "李华", "王小红" })]
    [InlineData("省领导刘一鸣、陈志远、孙海燕参加。", new[] { "刘一鸣", "陈志远", "孙海燕" })]
    [InlineData("李强主持大会，赵乐际、王沪宁、蔡奇、丁薛祥、李希出席。", new[] { "李强", "赵乐际", "王沪宁", "蔡奇", "丁薛祥", "李希" })]
    [InlineData("会上，方文杰，谢婷婷，蒋国华等同志作了交流发言。", new[] { "方文杰", "谢婷婷", "蒋国华" })]
    [InlineData("会上，上官婉清、诸葛明和司马云分别汇报了工作。", new[] { "上官婉清", "诸葛明", "司马云" })]
    [InlineData("李克强、汪洋、韩正等同志在主席台就座。", new[] { "李克强", "汪洋", "韩正" })]
    [InlineData("学员代表王海涛、李静作了发言。", new[] { "王海涛", "李静" })]
    public void Lists_BeforeAVerbOfAttending_EveryNameIsAPerson(string text, string[] names) => Names(text).ShouldBe(names);

    [Fact]
    public void Lists_ACollectiveIsNoOffice_AndAnOfficeWrittenBeforeBareNamesIsTheOfficeOfEach()
    {
        People("省领导刘一鸣、陈志远参加会议。").ShouldBe([("刘一鸣", null), ("陈志远", null)]);
        People("副省长高建平、杨帆，省政府秘书长彭小军出席。").ShouldBe([("高建平", "副省长"), ("杨帆", "副省长"), ("彭小军", "省政府秘书长")]);
        People("市委常委孙立、钱芳、周正参加调研。").ShouldBe([("孙立", "市委常委"), ("钱芳", "市委常委"), ("周正", "市委常委")]);
        People("市委书记韩冬、市长吕秋出席。").ShouldBe([("韩冬", "市委书记"), ("吕秋", "市长")]);
        People("韩冬市长、吕秋出席。").ShouldBe([("韩冬", "市长"), ("吕秋", null)]);
    }

    [Fact]
    public void Byline_ANameAloneOnALineUnderTheTitle_IsTheSpeaker_ButAWordAloneIsNot()
    {
        People("在全县秋季招商推介会上的讲话\n蒋明远\n（2024年9月3日）\n同志们：今天我们在这里召开推介会。").ShouldBe([("蒋明远", null)]);
        People("关于做好防汛工作的通知\n高度重视\n各乡镇要落实责任。").ShouldBeEmpty();
        People("第一段。\n第二段。\n第三段。\n第四段。\n第五段。\n蒋明远\n").ShouldBeEmpty();
    }

    [Fact]
    public void Lists_AnOfficeBeforeTheListReachesANameFollowedBy同志()
    {
        People("副市长孙立、钱芳同志出席。").ShouldBe([("孙立", "副市长"), ("钱芳", "副市长")]);
    }

    [Fact]
    public void Signature_AnOfficeAndANameSetApartByASpace()
    {
        People("关于今年工作的报告\n县长　蒋明远\n各位代表：").ShouldContain(("蒋明远", "县长"));
    }

    [Theory]
    [InlineData("同志们，全省上下要统一思想。各地各部门要高度重视，广大干部要担当作为。")]
    [InlineData("金融、文化、旅游等部门参加会议。万人参加活动。")]
    [InlineData("方案要求，严格落实责任。文件指出，要加强金融监管。马上就办、真抓实干。")]
    [InlineData("与会同志一致认为，全市上下要万众一心。各级领导干部要带头深入基层。")]
    [InlineData("高质量发展是首要任务，万不可掉以轻心。关于做好春耕工作的通知已印发。")]
    public void Lists_AndVerbs_FindNoPeopleInCollectivesAndWords(string text) => People(text).ShouldBeEmpty();

    [Theory]
    [InlineData("（摘自郑建华同志在全市经济形势分析会上的讲话）", "郑建华", null)]
    [InlineData("（这是省委常委、常务副省长徐文光同志在全省财政工作会议上的讲话）", "徐文光", "省委常委、常务副省长")]
    [InlineData("（本文系省委副书记严立新同志在全省组织工作会议上的讲话摘要）", "严立新", "省委副书记")]
    [InlineData("黄志强在全市营商环境大会上强调，要优化营商环境。", "黄志强", null)]
    [InlineData("董丽萍在全县教育工作会议上表示，要把教育摆在优先位置。", "董丽萍", null)]
    [InlineData("刘捷在主持时强调，各地要提高政治站位。", "刘捷", null)]
    [InlineData("赵丽华指出，各部门要主动靠前服务。", "赵丽华", null)]
    public void Attribution_NamesTheSpeaker(string text, string name, string? role) => People(text).ShouldBe([(name, role)]);

    [Fact]
    public void Attribution_AuthorLine_IsAPerson_ButAnOrganIsNot()
    {
        var x = DocumentExtractor.Extract("来源：市委宣传部 作者：陈立华\n近日，市政府召开常务会议。", NoTextConversion.Instance);
        x.People.ShouldHaveSingleItem().ShouldBe(new Person("陈立华", null, new TextSpan(0, 0)));

        Names("作者：省委政策研究室课题组\n当前，我省经济运行总体平稳。").ShouldBeEmpty();
        Names("作者：江北区 来源：临沂市 浏览：\n各地要高度重视。").ShouldBeEmpty();
        Names("来源：东方网 作者：某报记者\n各地要高度重视。").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("市委副书记、市长王明主持会议。", "王明", "市委副书记、市长")]
    [InlineData("省委常委、秘书长赵强出席。", "赵强", "省委常委、秘书长")]
    [InlineData("县长刘芳讲话。", "刘芳", "县长")]
    [InlineData("省委常委、省纪委书记、省监委主任傅明先主持会议。", "傅明先", "省委常委、省纪委书记、省监委主任")]
    [InlineData("省发展改革委主任马向东作交流发言。", "马向东", "省发展改革委主任")]
    [InlineData("杭州市财政局局长曹丽作交流发言。", "曹丽", "市财政局局长")]
    [InlineData("湖州市委书记陈浩出席开幕式。", "陈浩", "市委书记")]
    [InlineData("镇党委书记陆春华作表态发言。", "陆春华", "镇党委书记")]
    [InlineData("县人民法院院长石磊出席。", "石磊", "县人民法院院长")]
    [InlineData("国务院副总理何立峰出席开幕式。", "何立峰", "国务院副总理")]
    [InlineData("省民政厅党组书记、厅长姜雪峰作工作报告。", "姜雪峰", "省民政厅党组书记、厅长")]
    [InlineData("会上，厅党组成员、副厅长施红军主持会议。", "施红军", "厅党组成员、副厅长")]
    [InlineData("市委常委、宣传部部长孔令华传达了会议精神。", "孔令华", "市委常委、宣传部部长")]
    [InlineData("中共中央政治局委员、上海市委书记陈吉宁会见了客人。", "陈吉宁", "中共中央政治局委员、市委书记")]
    [InlineData("高新区管委会常务副主任金鹏表示，将全力服务企业。", "金鹏", "高新区管委会常务副主任")]
    public void Offices_BeforeTheName_AsStated(string text, string name, string? role) => People(text).ShouldBe([(name, role)]);

    [Theory]
    [InlineData("座谈会上，王明市长听取了意见。", "王明", "市长")]
    [InlineData("郭建华董事长表示，将加大投资。", "郭建华", "董事长")]
    [InlineData("要学习贯彻习近平总书记重要讲话精神。", "习近平", "总书记")]
    [InlineData("张卫东同志作交流发言。", "张卫东", null)]
    [InlineData("出席会议的有：陈国栋（市委副书记）。", "陈国栋", "市委副书记")]
    [InlineData("张文宏医生提醒，冬季是疾病高发季节。", "张文宏", null)]
    public void Offices_AfterTheName(string text, string name, string? role) => People(text).ShouldBe([(name, role)]);

    [Theory]
    [InlineData("省政协副主席、省工商联主席叶红出席。", new[] { "叶红" })]
    [InlineData("（这是省委常委、常务副省长徐文光同志的讲话）", new[] { "徐文光" })]
    [InlineData("各位同志、老同志、许多同志要抓好落实。", new string[0])]
    [InlineData("省领导看望市委书记。全市市长热线运行良好。", new string[0])]
    public void Offices_TheirOrgansAndPrefixesAreNoNames(string text, string[] names) => Names(text).ShouldBe(names);

    [Fact]
    public void People_AreListedOnce_AtTheFirstMention_WithTheFullestOffice()
    {
        People("王浩在浙江省新春第一会上强调。省委副书记、省长王浩主持会议。王浩省长指出，要抓好落实。")
            .ShouldBe([("王浩", "省委副书记、省长")]);
    }

    [Fact]
    public void Samples_RecallAndPrecision_OfNameAndOffice()
    {
        foreach (var (set, samples) in new[] { ("development", PeopleSamples.Development), ("held-out", PeopleSamples.HeldOut), ("fresh", PeopleSamples.Fresh) })
        {
            int gold = 0, found = 0, right = 0;
            foreach (var sample in samples)
            {
                var people = People(sample.Text);
                var expected = sample.Gold.ToList();
                gold += expected.Count;
                found += people.Length;
                right += people.Count(expected.Contains);
            }

            ((double)right / gold).ShouldBeGreaterThanOrEqualTo(0.95, $"{set} recall ({right} of {gold})");
            ((double)right / Math.Max(1, found)).ShouldBeGreaterThanOrEqualTo(0.95, $"{set} precision ({right} of {found})");
        }
    }

    [Fact]
    public void AnOfficeBeforeAName_FollowedByAnyVerbOfLeadingOrPublishing_IsAPerson()
    {
        People("市生态环境局局长邬敏发布全市空气质量状况。").ShouldContain(("邬敏", "市生态环境局局长"));
        People("副县长韦国梁带领工作组赴现场调度。").ShouldContain(("韦国梁", "副县长"));
        People("督查组约谈了县交通运输局主要负责人康宁。").ShouldContain(("康宁", "县交通运输局主要负责人"));
    }
}

