using Luoshi.Domain.Assessment;

namespace Luoshi.Application.Demo;

/// <summary>
/// The demo's comprehensive assessment of the eleven cities (the scheme of docs/examples/city-assessment-2026.json):
/// last year's published at its year end, and this year's as a draft at the last month due — so that the
/// ranking has a year-over-year comparison to show. Last year the cities did not yet report online, so its
/// reporting criterion is scored by hand from the statistics bureau's circular.
/// </summary>
public static class DemoAssessment
{
    public const string Name = "设区市年度综合考核";

    private static readonly string[] Cities = ["330100", "330200", "330300", "330400", "330500", "330600", "330700", "330800", "330900", "331000", "331100"];

    public static string SchemeJson(int year, string period, bool manualReporting)
    {
        Criterion reporting = manualReporting
            ? new("C5", "数据报送及时率", 15, new ScoringMethod("linear", Floor: 70, Ceiling: 100), Source: "manual", Category: "基础工作",
                Scores: [.. Cities.Select((c, i) => new ManualScore(c, 100 - (i * 7 % 25), $"省统计局{year}年统计数据报送情况通报"))])
            : new("C5", "数据报送及时率", 15, new ScoringMethod("linear", Floor: 70, Ceiling: 100), Source: "reporting.onTime", Category: "基础工作");
        var scheme = new Scheme(Name, year, period, Cities,
        [
            new("C1", "地区生产总值序时进度", 30, new ScoringMethod("attainment", Cap: 1.1), Indicator: "GDP", Category: "经济发展"),
            new("C2", "固定资产投资完成率", 20, new ScoringMethod("linear", Floor: 50, Ceiling: 80), Indicator: "FAI", Measure: "completion", Category: "经济发展"),
            new("C3", "城镇调查失业率", 15, new ScoringMethod("rank", LastShare: 0.6), Indicator: "UNEMPLOYMENT", Category: "民生"),
            new("C4", "重大项目开工率", 20, new ScoringMethod("tiers", Tiers: [new(90, 20), new(75, 15), new(50, 8)]), Source: "projects.startRate", Category: "项目"),
            reporting,
        ],
        year % 2 == 0
            ? [new("330200", 2, "获国家级改革试点"), new("330500", -1.5m, "重大项目统计数据差错")]
            : [new("330400", 1.5m, "获评全省营商环境示范市"), new("330800", -2, "环保督察问题整改不力")],
        year % 2 == 0 ? [new("331000", "发生较大生产安全事故")] : [],
        [new("优秀", 90), new("良好", 80), new("一般", 60), new("较差")],
        "不合格", BonusCap: 3, DeductionCap: 5);
        return Assessment.SchemeJson.Canonical(scheme);
    }
}
