using Luoshi.Application.Documents;
using Luoshi.Domain.Documents;

namespace Luoshi.Application.Tests.Documents;

/// <summary>
/// Extraction over the three real pages in ../shared/corpus, against expectations annotated by hand from
/// reading them: each document is a traditional- or simplified-character web page with boilerplate around
/// a provincial speech. Every failed expectation is listed, not just the first.
/// </summary>
public sealed class CorpusTests
{
    private static ExtractDocument.Result Extract(string prefix) =>
        new ExtractDocument(ChineseConverters.Best()).Handle(File.ReadAllBytes(Corpus.File(prefix)), Path.GetFileName(Corpus.File(prefix)));

    private sealed class Expectations(ExtractionView x)
    {
        private readonly List<string> _failed = [];

        public int Checked { get; private set; }

        public void That(bool holds, string what)
        {
            Checked++;
            if (!holds)
            {
                _failed.Add(what);
            }
        }

        public void Person(string name, string? role) =>
            That(x.People.Any(p => p.Name == name && p.Role == role), $"person {name} ({role}); found {string.Join(", ", x.People.Select(p => $"{p.Name}/{p.Role}"))}");

        public void Term(string term, bool numbered, int? count = null) =>
            That(x.Terms.Any(t => t.Term == term && t.Numbered == numbered && (count is null || t.Count == count)), $"term {term} numbered={numbered} count={count}");

        public void Directive(string contains, string? topic = null) =>
            That(x.Directives.Any(d => d.Text.Contains(contains, StringComparison.Ordinal) && (topic is null || d.Topic == topic)), $"directive containing {contains} (topic {topic})");

        public void Removed(string fragment) => That(!x.Text.Contains(fragment, StringComparison.Ordinal), $"boilerplate '{fragment}' removed");

        public void Done() => _failed.ShouldBeEmpty();
    }

    [CorpusFact]
    public void Document000_NewYearMeeting2025()
    {
        var result = Extract("000_");
        var x = result.View;
        var e = new Expectations(x);

        e.That(x.Title?.StartsWith("浙江省委召开新春第一会", StringComparison.Ordinal) == true, "title in simplified characters");
        e.That(x.Date == new DateOnly(2025, 2, 5), $"date 2025-02-05 (the meeting; the page is dated 2025-07-05), got {x.Date}");
        e.Person("王浩", "省委书记");
        e.Person("刘捷", "省委副书记、省长");
        e.Person("廉毅敏", "省政协主席");
        e.Person("王成", "省委副书记");
        e.Person("习近平", "总书记");
        e.Term("八八战略", numbered: true, count: 5);
        e.Term("十项重大工程", numbered: true, count: 1);
        e.Term("三大差距", numbered: true, count: 3);
        e.Term("千万工程", numbered: true, count: 2);
        e.Term("千项万亿", numbered: true);
        e.Term("8+4", numbered: true);
        e.Term("415X", numbered: true);
        e.Term("两个确立", numbered: true);
        e.Term("守正创新", numbered: false);
        e.Term("浙江有礼", numbered: false);
        e.Directive("十项重大工程");
        e.Directive("构建浙江特色现代化产业体系", topic: "高质量发展");
        e.Directive("千万工程", topic: "缩小“三大差距”");
        e.Directive("全力推进重大项目开工建设", topic: "推进重大项目建设、以高质量项目支撑高质量发展");
        e.Directive("持续推进消费品以旧换新");
        e.That(x.Figures.Count == 0, $"no figures (the speech states none), got {x.Figures.Count}");
        e.Removed("评论数");
        e.Removed("来源");
        e.Removed("李震宇");
        e.That(x.Text.Contains("國", StringComparison.Ordinal) == false && x.Text.Contains("國", StringComparison.Ordinal) == false, "no traditional 國 left");
        e.Done();
    }

    [CorpusFact]
    public void Document001_InnovationReformOpeningMeeting2023()
    {
        var x = Extract("001_").View;
        var e = new Expectations(x);

        e.That(x.Date == new DateOnly(2023, 1, 28), $"date 2023-01-28 (dateline 1月28日讯; the paper is dated 2023-01-30), got {x.Date}");
        e.Person("易炼红", "省委书记");
        e.Person("王浩", "省委副书记、省长");
        e.Person("黄莉新", "省政协主席");
        e.Person("黄建发", "省委副书记");
        e.Term("八八战略", numbered: true, count: 8);
        e.Term("两个先行", numbered: true, count: 3);
        e.Term("一号发展工程", numbered: true);
        e.Term("一号改革工程", numbered: true);
        e.Term("一号开放工程", numbered: true);
        e.Term("地瓜经济", numbered: false, count: 2);
        e.Term("一马当先", numbered: false);
        e.Directive("加快打造高水平创新型省份");
        e.Directive("确保新建项目实质性开工");
        e.That(x.Text.Contains("产业链供应链", StringComparison.Ordinal), "鍊 read as 链 in 产业链供应链");
        e.That(x.Figures.Count == 0, $"no figures (20周年 and dates are not figures), got {x.Figures.Count}");
        foreach (var fragment in new[] { "Copyright", "ICP", "邮编", "Email", "Baidu", "sogou", "友情", "点击数", "联系我们" })
        {
            e.Removed(fragment);
        }

        e.Done();
    }

    [CorpusFact]
    public void Document002_WorkMeetingSpeech2024()
    {
        var x = Extract("002_").View;
        var e = new Expectations(x);

        e.That(x.Title?.EndsWith("讲话（摘要）", StringComparison.Ordinal) == true, $"title ends with 讲话（摘要）: {x.Title}");
        e.That(x.Date == new DateOnly(2024, 7, 23), $"date 2024-07-23 (摘自…同志2024年7月23日…的讲话; posted 2024-08-29), got {x.Date}");
        e.Person("易炼红", "省委书记");
        e.Term("一号工程", numbered: true);
        e.That(x.Terms.SingleOrDefault(t => t.Term == "一号工程")?.Numeral == "三个", "三个“一号工程”: the numeral outside the quotes");
        e.Term("双过半", numbered: true);
        e.Term("32条", numbered: true, count: 2);
        e.Term("三支队伍", numbered: true);
        e.Term("三个区分开来", numbered: true);
        e.Term("黄金季", numbered: false);
        e.That(x.Text.Split('\n').Count(l => l.StartsWith("浙江省委书记易炼红在全省", StringComparison.Ordinal)) == 1, "the headline repeated four times is kept once");

        var gdp = x.Figures.SingleOrDefault(f => f.Subject == "GDP");
        e.That(gdp is { Value: 5.6m, Unit: "%", Measure: "增长", Period: "上半年", PeriodCode: "2024H1", Comparison: "高于全国0.6个百分点", Kind: FigureKind.Actual }, "GDP 增长5.6% 上半年, 高于全国0.6个百分点");
        var profit = x.Figures.SingleOrDefault(f => f.Subject == "规模以上企业利润");
        e.That(profit is { Value: 4.3m, Period: "1—5月", PeriodCode: "2024-05", Comparison: "较一季度提高2.6个百分点" }, "profits 4.3% for 1—5月, 较一季度提高2.6个百分点");
        e.That(x.Figures.Any(f => f is { Subject: "出口占全国份额", Value: 15.7m, Measure: "占", Comparison: "比一季度又提升0.5个百分点" }), "export share 15.7%");
        e.That(x.Figures.Any(f => f is { Subject: "城镇新增就业", Value: 61.5m, Unit: "万人" }), "new urban jobs 61.5万人");
        e.That(x.Figures.Any(f => f is { Subject: "城镇调查失业率", Value: 4.5m, Comparison: "低于全国0.6个百分点" }), "unemployment 4.5%, 低于全国0.6个百分点");
        e.That(x.Figures.Any(f => f is { Subject: "生产安全事故起数", Value: 31m, Measure: "下降" }) && x.Figures.Any(f => f is { Subject: "死亡人数", Value: 33.8m, Measure: "下降" }), "分别下降31%、33.8% distributed over both subjects");
        e.That(x.Figures.Any(f => f is { Subject: "国家科学技术奖", Value: 5m, Unit: "项", Measure: "获得" }), "5 national science awards");
        e.That(x.Figures.All(f => f.Value != 32m), "“32条” is a formulation, not a figure");
        e.That(x.Figures.Count == 11, $"eleven figures, got {x.Figures.Count}");
        e.Directive("坚持项目为王", topic: "扩大有效需求");
        e.Directive("加快算力强省建设", topic: "培育和发展新质生产力");
        e.Directive("统筹推进三个“一号工程”");
        e.Removed("今日热搜");
        e.Removed("转自");
        e.Done();
    }
}
