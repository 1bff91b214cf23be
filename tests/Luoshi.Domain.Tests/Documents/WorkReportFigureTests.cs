using Luoshi.Domain.Documents;
using Xunit.Abstractions;

namespace Luoshi.Domain.Tests.Documents;

/// <summary>
/// Short paragraphs written in the manner of a government work report, each annotated by hand with every figure
/// and target it states (subject, value, unit, actual or target, qualifier). Recall and precision are measured
/// over all of them, so that a change that helps one pattern and breaks another shows.
/// </summary>
public class WorkReportFigureTests(ITestOutputHelper output)
{
    private const FigureKind A = FigureKind.Actual;
    private const FigureKind T = FigureKind.Target;

    private sealed record Expected(string Subject, decimal Value, string Unit, FigureKind Kind, FigureQualifier? Qualifier = null);

    private static readonly (string Text, Expected[] Figures)[] Paragraphs =
    [
        ("过去一年，全市地区生产总值达到8650亿元，比上年增长6.2%；一般公共预算收入620亿元、增长4.1%。",
        [
            new("全市地区生产总值", 8650m, "亿元", A), new("全市地区生产总值", 6.2m, "%", A),
            new("一般公共预算收入", 620m, "亿元", A), new("一般公共预算收入", 4.1m, "%", A),
        ]),
        ("今年上半年，规上工业增加值同比增长8%，其中出口增长12.5%，高新技术产业投资增长15%。",
            [new("规上工业增加值", 8m, "%", A), new("出口", 12.5m, "%", A), new("高新技术产业投资", 15m, "%", A)]),
        ("今年要确保粮食产量稳定在600万吨以上，新建高标准农田45万亩，农村居民人均可支配收入增长7%左右。",
        [
            new("粮食产量", 600m, "万吨", T, FigureQualifier.AtLeast), new("高标准农田", 45m, "万亩", T),
            new("农村居民人均可支配收入", 7m, "%", T, FigureQualifier.Around),
        ]),
        ("全年接待国内外游客1.2亿人次，旅游总收入突破1500亿元，港口集装箱吞吐量达到360万标箱。",
        [
            new("国内外游客", 1.2m, "亿人次", A), new("旅游总收入", 1500m, "亿元", A, FigureQualifier.AtLeast),
            new("港口集装箱吞吐量", 360m, "万标箱", A),
        ]),
        ("去年城镇新增就业近12万人，城镇调查失业率为5.1%，居民消费价格上涨0.4%。",
            [new("城镇新增就业", 12m, "万人", A, FigureQualifier.Around), new("城镇调查失业率", 5.1m, "%", A), new("居民消费价格", 0.4m, "%", A)]),
        ("2025年，全社会用电量达到520亿千瓦时，新增光伏装机120万千瓦，清洁能源装机容量超过1000万千瓦。",
        [
            new("全社会用电量", 520m, "亿千瓦时", A), new("光伏装机", 120m, "万千瓦", A),
            new("清洁能源装机容量", 1000m, "万千瓦", A, FigureQualifier.AtLeast),
        ]),
        ("前三季度，社会消费品零售总额增长5.5%，网络零售额增长11%，新能源汽车销量达到8.6万辆。",
            [new("社会消费品零售总额", 5.5m, "%", A), new("网络零售额", 11m, "%", A), new("新能源汽车销量", 8.6m, "万辆", A)]),
        ("今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，力争6%；规上工业增加值增长7%；固定资产投资增长5%以上；居民收入增长与经济增长同步。",
        [
            new("地区生产总值", 5.5m, "%", T, FigureQualifier.Around), new("规上工业增加值", 7m, "%", T),
            new("固定资产投资", 5m, "%", T, FigureQualifier.AtLeast),
        ]),
        ("新开工保障性租赁住房1.5万套，改造城镇老旧小区320个，惠及居民逾5万户。",
            [new("保障性租赁住房", 1.5m, "万套", A), new("城镇老旧小区", 320m, "个", A), new("居民", 5m, "万户", A, FigureQualifier.AtLeast)]),
        ("全年完成水利投资约85亿元，新增供水能力1.2亿立方米，治理水土流失面积150平方公里。",
        [
            new("水利投资", 85m, "亿元", A, FigureQualifier.Around), new("供水能力", 1.2m, "亿立方米", A),
            new("水土流失面积", 150m, "平方公里", A),
        ]),
        ("一季度，全省进出口总额1860亿元，同比增长9.2%，其中出口增长11.4%、进口增长4.5%。",
        [
            new("全省进出口总额", 1860m, "亿元", A), new("全省进出口总额", 9.2m, "%", A),
            new("出口", 11.4m, "%", A), new("进口", 4.5m, "%", A),
        ]),
        ("到2027年，全市数字经济核心产业增加值从900亿元提高到1300亿元，年均增长10%左右，培育百亿级企业8家。",
        [
            new("全市数字经济核心产业增加值", 1300m, "亿元", T), new("全市数字经济核心产业增加值", 10m, "%", T, FigureQualifier.Around),
            new("百亿级企业", 8m, "家", T),
        ]),
        ("今年以来，全市累计引进亿元以上项目136个，实际使用外资增长18%，新增市场主体超3万家。",
            [new("亿元以上项目", 136m, "个", A), new("实际使用外资", 18m, "%", A), new("市场主体", 3m, "万家", A, FigureQualifier.AtLeast)]),
        ("全年空气质量优良天数比例达到92.5%，比上年提高1.8个百分点；PM2.5平均浓度下降到28微克/立方米。",
            [new("空气质量优良天数比例", 92.5m, "%", A), new("PM2.5平均浓度", 28m, "微克/立方米", A)]),
        ("城镇和农村居民人均可支配收入分别增长4.8%、6.6%，全年新增城镇就业8.2万人。",
            [new("城镇居民人均可支配收入", 4.8m, "%", A), new("农村居民人均可支配收入", 6.6m, "%", A), new("城镇就业", 8.2m, "万人", A)]),
        ("今年全市粮食播种面积稳定在1500万亩以上、产量保持在120亿斤左右。",
            [new("全市粮食播种面积", 1500m, "万亩", T, FigureQualifier.AtLeast), new("产量", 120m, "亿斤", T, FigureQualifier.Around)]),
        ("过去五年，全省生产总值年均增长5.8%，人均生产总值突破10万元，研发经费投入强度提高到2.9%。",
        [
            new("全省生产总值", 5.8m, "%", A), new("人均生产总值", 10m, "万元", A, FigureQualifier.AtLeast),
            new("研发经费投入强度", 2.9m, "%", A),
        ]),
        ("1—11月，全市规模以上工业企业实现利润总额312亿元，同比下降2.3%；工业用电量增长6.7%。",
        [
            new("全市规模以上工业企业利润总额", 312m, "亿元", A), new("全市规模以上工业企业利润总额", 2.3m, "%", A),
            new("工业用电量", 6.7m, "%", A),
        ]),
        ("明年全市城镇新增就业10万人以上，城镇调查失业率控制在5.5%以内，居民消费价格涨幅3%左右。",
        [
            new("全市城镇新增就业", 10m, "万人", T, FigureQualifier.AtLeast), new("城镇调查失业率", 5.5m, "%", T, FigureQualifier.AtMost),
            new("居民消费价格涨幅", 3m, "%", T, FigureQualifier.Around),
        ]),
        ("全年新增减税降费及退税缓税缓费超过120亿元，惠及市场主体约25万户次。",
            [new("新增减税降费及退税缓税缓费", 120m, "亿元", A, FigureQualifier.AtLeast), new("市场主体", 25m, "万户次", A, FigureQualifier.Around)]),
        ("一季度全市固定资产投资同比增长4.6%，其中工业投资增长12%、基础设施投资增长7.5%，民间投资占比提高到55%。",
        [
            new("全市固定资产投资", 4.6m, "%", A), new("工业投资", 12m, "%", A), new("基础设施投资", 7.5m, "%", A),
            new("民间投资占比", 55m, "%", A),
        ]),
        ("到2030年，森林覆盖率稳定在61%以上，单位地区生产总值能耗较2025年下降13.5%，新增造林面积20万亩。",
        [
            new("森林覆盖率", 61m, "%", T, FigureQualifier.AtLeast), new("单位地区生产总值能耗", 13.5m, "%", T),
            new("造林面积", 20m, "万亩", T),
        ]),
        ("全市拥有高新技术企业逾4000家，省级以上研发机构600多个，技术合同成交额达到260亿元。",
        [
            new("高新技术企业", 4000m, "家", A, FigureQualifier.AtLeast), new("省级以上研发机构", 600m, "个", A, FigureQualifier.AtLeast),
            new("技术合同成交额", 260m, "亿元", A),
        ]),
        ("全年接待入境游客35.6万人次、增长40%，实现旅游收入900亿元。",
            [new("入境游客", 35.6m, "万人次", A), new("入境游客", 40m, "%", A), new("旅游收入", 900m, "亿元", A)]),
        ("力争全年进出口总额突破5000亿元，实际使用外资30亿美元，外贸依存度保持在40%左右。",
        [
            new("进出口总额", 5000m, "亿元", T, FigureQualifier.AtLeast), new("实际使用外资", 30m, "亿美元", T),
            new("外贸依存度", 40m, "%", T, FigureQualifier.Around),
        ]),
        ("截至年底，全市5G基站总数达到3.2万个，千兆光网覆盖家庭超过200万户。",
            [new("全市5G基站总数", 3.2m, "万个", A), new("千兆光网覆盖家庭", 200m, "万户", A, FigureQualifier.AtLeast)]),
        ("全年地区生产总值预计增长5.3%左右，总量迈上7000亿元台阶。",
            [new("地区生产总值", 5.3m, "%", T, FigureQualifier.Around), new("地区生产总值", 7000m, "亿元", A)]),
        ("上半年，全市实现外贸进出口总值1528.6亿元，同比增长10.2%，增速高于全国4.1个百分点。",
            [new("外贸进出口总值", 1528.6m, "亿元", A), new("外贸进出口总值", 10.2m, "%", A)]),
        ("五年来，累计完成交通投资1200亿元，新增高速公路里程360公里，铁路营业里程达到1500公里。",
            [new("交通投资", 1200m, "亿元", A), new("高速公路里程", 360m, "公里", A), new("铁路营业里程", 1500m, "公里", A)]),
        ("全年共办理政务服务事项1800余万件，网上可办率达到99%以上。",
            [new("政务服务事项", 1800m, "万件", A, FigureQualifier.AtLeast), new("网上可办率", 99m, "%", A, FigureQualifier.AtLeast)]),
        ("2024年全市发放创业担保贷款25亿元，扶持创业1.2万人，带动就业4.6万人。",
            [new("创业担保贷款", 25m, "亿元", A), new("创业", 1.2m, "万人", A), new("就业", 4.6m, "万人", A)]),
        ("今年将新改建农村公路500公里，实施城市更新项目120个，改造燃气管道800公里。",
            [new("农村公路", 500m, "公里", T), new("城市更新项目", 120m, "个", T), new("燃气管道", 800m, "公里", T)]),
        ("全年接待游客8600万人次，实现旅游总收入1100亿元，分别增长12%和15%。",
        [
            new("游客", 8600m, "万人次", A), new("旅游总收入", 1100m, "亿元", A),
            new("游客", 12m, "%", A), new("旅游总收入", 15m, "%", A),
        ]),
        ("2025年，全区完成固定资产投资520亿元，增长7.1%，其中工业投资180亿元、增长15.3%。",
        [
            new("固定资产投资", 520m, "亿元", A), new("固定资产投资", 7.1m, "%", A),
            new("工业投资", 180m, "亿元", A), new("工业投资", 15.3m, "%", A),
        ]),
        ("今年全县发展的主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%，城镇居民人均可支配收入增长5.5%以上。",
        [
            new("地区生产总值", 6m, "%", T, FigureQualifier.Around), new("一般公共预算收入", 5m, "%", T),
            new("城镇居民人均可支配收入", 5.5m, "%", T, FigureQualifier.AtLeast),
        ]),
        ("全年新增减税降费45亿元，新增经营主体2.3万户，民营经济增加值占比达到68.5%。",
            [new("减税降费", 45m, "亿元", A), new("经营主体", 2.3m, "万户", A), new("民营经济增加值占比", 68.5m, "%", A)]),
        ("上半年，全省外贸进出口总值增长8.4%，快于全国2.3个百分点，其中对共建“一带一路”国家进出口增长12%。",
            [new("全省外贸进出口总值", 8.4m, "%", A), new("对共建“一带一路”国家进出口", 12m, "%", A)]),
        ("建成5G基站1.2万个，数字经济核心产业增加值达到860亿元，年均增长11.3%。",
            [new("5G基站", 1.2m, "万个", A), new("数字经济核心产业增加值", 860m, "亿元", A), new("数字经济核心产业增加值", 11.3m, "%", A)]),
        ("计划实施省市重点项目300个以上，年度完成投资1000亿元以上。",
            [new("省市重点项目", 300m, "个", T, FigureQualifier.AtLeast), new("年度投资", 1000m, "亿元", T, FigureQualifier.AtLeast)]),
        ("全市常住人口城镇化率由68%提高到71.2%，城乡居民收入比由1.9缩小到1.78。",
            [new("全市常住人口城镇化率", 71.2m, "%", A), new("城乡居民收入比", 1.78m, "", A)]),
        ("全年粮食总产量达到35.8亿斤，生猪出栏140万头，农林牧渔业增加值增长3.6%。",
            [new("粮食总产量", 35.8m, "亿斤", A), new("生猪出栏", 140m, "万头", A), new("农林牧渔业增加值", 3.6m, "%", A)]),
        ("全年货物吞吐量将近3亿吨，其中外贸货物吞吐量1.1亿吨，旅客发送量增长20%。",
        [
            new("货物吞吐量", 3m, "亿吨", A, FigureQualifier.Around), new("外贸货物吞吐量", 1.1m, "亿吨", A),
            new("旅客发送量", 20m, "%", A),
        ]),
        // A plan's indicator list: the name before the colon is the subject, the value after it the target, the
        // 上年 value in brackets the actual of the same indicator.
        ("二、主要预期指标\n地区生产总值：增长6%左右（上年增长5.6%）。\n城镇调查失业率：5.5%以内（上年5.2%）。\n粮食产量：300万吨以上（上年312万吨）。\n单位地区生产总值能耗：下降3%左右。\n新增光伏装机：80万千瓦。",
        [
            new("地区生产总值", 6m, "%", T, FigureQualifier.Around), new("地区生产总值", 5.6m, "%", A),
            new("城镇调查失业率", 5.5m, "%", T, FigureQualifier.AtMost), new("城镇调查失业率", 5.2m, "%", A),
            new("粮食产量", 300m, "万吨", T, FigureQualifier.AtLeast), new("粮食产量", 312m, "万吨", A),
            new("单位地区生产总值能耗", 3m, "%", T, FigureQualifier.Around), new("新增光伏装机", 80m, "万千瓦", T),
        ]),
        ("一般公共预算收入：增长4%以上（上年增长3.1%）。",
            [new("一般公共预算收入", 4m, "%", T, FigureQualifier.AtLeast), new("一般公共预算收入", 3.1m, "%", A)]),
        // Measure words count things: 处, 名, 家次, 天, 小时, 批.
        ("全年新建口袋公园85处，培训高素质农民3200名，开展安全检查1.8万家次，审批时限最多不超过15天。",
        [
            new("口袋公园", 85m, "处", A), new("高素质农民", 3200m, "名", A), new("安全检查", 1.8m, "万家次", A),
            new("审批时限", 15m, "天", T, FigureQualifier.AtMost),
        ]),
        ("新增公共充电桩2600台，不动产登记办理时间压缩到3小时，全年举办招聘会180场。",
            [new("公共充电桩", 2600m, "台", A), new("不动产登记办理时间", 3m, "小时", A), new("招聘会", 180m, "场", A)]),
        ("第3个季度起实施的12项改革中，已有4项落地。", []),
        // Noise before and after the subject.
        ("一般公共预算收入完成580亿元，为预算的101.5%；提升改造城市绿道120公里。",
        [
            new("一般公共预算收入", 580m, "亿元", A), new("一般公共预算收入", 101.5m, "%", A),
            new("城市绿道", 120m, "公里", A),
        ]),
        ("到2027年底前，全市新建城市公园30个。全市地区生产总值总量突破5000亿元。",
            [new("城市公园", 30m, "个", T), new("全市地区生产总值", 5000m, "亿元", A, FigureQualifier.AtLeast)]),
        ("王某某、李某某等15名优秀企业家受到表彰，选派驻村第一书记420名。",
            [new("优秀企业家", 15m, "名", A), new("驻村第一书记", 420m, "名", A)]),
        // 力争 standing before its own target.
        ("力争到2028年，全市战略性新兴产业增加值占比达到40%。",
            [new("全市战略性新兴产业增加值占比", 40m, "%", T, FigureQualifier.Stretch)]),
        ("今年力争新增国家级专精特新“小巨人”企业10家，确保完成造林面积8万亩。",
            [new("国家级专精特新“小巨人”企业", 10m, "家", T, FigureQualifier.Stretch), new("造林面积", 8m, "万亩", T)]),
        // 分别 over subjects joined by 、; a comparison with no subject takes the clause's.
        ("全年生产安全事故起数、死亡人数分别下降12.3%、9.8%，道路交通事故起数比上年下降6%。",
        [
            new("生产安全事故起数", 12.3m, "%", A), new("死亡人数", 9.8m, "%", A),
            new("道路交通事故起数", 6m, "%", A),
        ]),
    ];

    [Fact]
    public void WorkReportParagraphs_FiguresAndTargetsAreFound()
    {
        int expected = 0, found = 0, extracted = 0, right = 0;
        foreach (var (text, figures) in Paragraphs)
        {
            var got = DocumentExtractor.Extract(text, NoTextConversion.Instance).Figures;
            var read = got.Select(f => new Expected(f.Subject, f.Value, f.Unit, f.Kind, f.Qualifier)).ToList();
            expected += figures.Length;
            extracted += read.Count;
            foreach (var figure in figures)
            {
                if (read.Contains(figure))
                {
                    found++;
                }
                else
                {
                    output.WriteLine($"missed {figure} in {text}");
                }
            }

            foreach (var figure in read)
            {
                if (figures.Contains(figure))
                {
                    right++;
                }
                else
                {
                    output.WriteLine($"read {figure}");
                }
            }
        }

        decimal recall = (decimal)found / expected, precision = extracted == 0 ? 0 : (decimal)right / extracted;
        output.WriteLine($"recall {found}/{expected} = {recall:0.00}, precision {right}/{extracted} = {precision:0.00}");
        recall.ShouldBeGreaterThanOrEqualTo(0.95m);
        precision.ShouldBeGreaterThanOrEqualTo(0.90m);
    }
}
