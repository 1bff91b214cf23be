using System.Globalization;
using Luoshi.Application.Import;

namespace Luoshi.Application.Demo;

/// <summary>
/// A fictional province, 之江省: 11 cities, 89 counties, provincial departments, reference units, the
/// 八八战略 plan tree with ten programmes, about forty indicators, their targets and readings from 2021.
/// Every figure is synthetic. Values come from hashes of fixed keys (indicator code, unit, period), never
/// from a clock or a shared random stream, so every run and every subset of rows is identical.
/// </summary>
public static class DemoProvince
{
    public const string Label = "演示数据(虚构)/ Synthetic demo data";

    private const string ProvinceCode = "330000";
    private const string ProvinceName = "之江省";

    // Generated but never emitted: the base of 2021's year-on-year growth.
    private const int BaseYear = 2020;
    private const int FirstYear = 2021;
    private const int DueDays = 20;

    // From this year the lagging cities fall behind the trend their targets were set on (half the gap in the first year).
    private const int LagFromYear = 2025;
    private const double MissingShare = 0.012;
    private const double CountySpread = 0.012;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly string[] FixedFormats = ["F0", "F1", "F2", "F3"];

    // ---------------------------------------------------------------- organisation

    private sealed record CityDef(string Code, string Name, double Weight, string[] Counties);

    private sealed record CountyDef(string Code, string Name, int City, double Share);

    // Weight: the city's share of the province's economy; it also weighs city rates into the province's.
    private static readonly CityDef[] Cities =
    [
        new("330100", "钱塘市", 0.255, ["湖滨区", "拱宸区", "西溪区", "六和区", "望江区", "闻涛区", "良渚区", "富春市", "桐君县", "千岛县"]),
        new("330200", "明州市", 0.195, ["三江区", "月湖区", "东钱区", "甬滨区", "天童区", "梅山区", "四明市", "姚江市", "象岛县", "石浦县"]),
        new("330300", "瓯江市", 0.100, ["江心区", "华盖区", "雁荡区", "楠溪区", "飞云市", "玉海市", "南麂县", "仙岩县", "珊溪县", "寨寮县"]),
        new("330400", "禾城市", 0.082, ["烟雨区", "秀水区", "鸳湖区", "乍浦市", "濮院市", "西塘县", "新篁县"]),
        new("330500", "苕溪市", 0.047, ["碧浪区", "菰城区", "莫干区", "下渚县", "荻港县", "梅溪县"]),
        new("330600", "越州市", 0.093, ["鉴湖区", "兰亭区", "稽山区", "曹娥市", "浣纱市", "剡溪县", "东白县"]),
        new("330700", "婺城市", 0.078, ["双龙区", "八咏区", "芙峰区", "赤松市", "画溪市", "乌伤市", "岩溪县", "大盘县", "熟溪县"]),
        new("330800", "衢江市", 0.025, ["烂柯区", "信安区", "江郎市", "芝溪县", "廿八都县", "钱源县"]),
        new("330900", "舟岛市", 0.025, ["沈院区", "桃花区", "秀山县", "衢山县", "六横县", "东极县"]),
        new("331000", "台岳市", 0.078, ["巾山区", "章安区", "长潭区", "石塘市", "坎门市", "寒山县", "华顶县", "蛇蟠县", "皤滩县"]),
        new("331100", "栝苍市", 0.022, ["丽阳区", "好川区", "瓯源市", "松阴县", "仙都县", "百山县", "凤岭县", "畲乡县", "应星县"]),
    ];

    private const int Ouchang = 2;   // 瓯江市: the economy lags
    private const int Qujiang = 7;   // 衢江市: investment lags; energy intensity falls slowly
    private const int Zhoudao = 8;   // 舟岛市: islands, cleaner air
    private const int Taiyue = 9;    // 台岳市: trade lags

    private static readonly CountyDef[] Counties = BuildCounties();

    private static readonly (string Code, string Name)[] Departments =
    [
        ("FGW", "省发展改革委"), ("JXT", "省经信厅"), ("KJT", "省科技厅"), ("JYT", "省教育厅"), ("CZT", "省财政厅"),
        ("RST", "省人力社保厅"), ("ZRZYT", "省自然资源厅"), ("STT", "省生态环境厅"), ("ZJT", "省住建厅"), ("JTT", "省交通运输厅"),
        ("SLT", "省水利厅"), ("NYNCT", "省农业农村厅"), ("SWT", "省商务厅"), ("WHLYT", "省文化广电旅游厅"), ("WJW", "省卫生健康委"),
        ("YJT", "省应急管理厅"), ("GZW", "省国资委"), ("SCJGJ", "省市场监管局"), ("TJJ", "省统计局"), ("SJJ", "省数据局"),
        ("NYJ", "省能源局"), ("MZT", "省民政厅"),
    ];

    private static readonly (string Code, string Name)[] References = [("100000", "全国"), ("320000", "江苏省"), ("310000", "上海市")];

    /// <summary>Province, cities, counties, departments (under the province) and reference units; parents come first.</summary>
    public static IReadOnlyList<OrgRow> Orgs()
    {
        var rows = new List<OrgRow> { new(ProvinceCode, ProvinceName, "Province", null) };
        rows.AddRange(Cities.Select(c => new OrgRow(c.Code, c.Name, "City", ProvinceCode)));
        rows.AddRange(Counties.Select(k => new OrgRow(k.Code, k.Name, "County", Cities[k.City].Code)));
        rows.AddRange(Departments.Select(d => new OrgRow(d.Code, d.Name, "Department", ProvinceCode)));
        rows.AddRange(References.Select(r => new OrgRow(r.Code, r.Name, "Reference", null)));
        return rows;
    }

    private static CountyDef[] BuildCounties()
    {
        var key = Hash("county");
        var result = new List<CountyDef>();
        for (int c = 0; c < Cities.Length; c++)
        {
            var city = Cities[c];
            // The first district is the urban core and carries more weight.
            var raw = city.Counties.Select((_, i) => (i == 0 ? 1.6 : 1.0) * (0.6 + (0.8 * Uniform(key, c, i)))).ToArray();
            double total = raw.Sum();
            for (int i = 0; i < raw.Length; i++)
            {
                var code = string.Create(Inv, $"{city.Code[..4]}{i + 2:D2}");
                result.Add(new CountyDef(code, city.Counties[i], c, raw[i] / total));
            }
        }

        return [.. result];
    }

    // ---------------------------------------------------------------- indicators

    /// <summary>About forty indicators; every formula's inputs are listed before it.</summary>
    public static IReadOnlyList<IndicatorRow> Indicators() =>
    [
        Ind("GDP", "地区生产总值", "亿元", "higher", "quarter", "cumulative", "sum", "3%", "seasonal"),
        Ind("GDP_GROWTH", "地区生产总值增速", "%", "higher", "quarter", "level", "none", "0.5"),
        Ind("FAI", "固定资产投资", "亿元", "higher", "month", "cumulative", "sum", "5%", "seasonal"),
        Ind("FAI_GROWTH", "固定资产投资增速", "%", "higher", "month", "level", "none", "1"),
        Ind("PRIVATE_INV", "民间投资", "亿元", "higher", "month", "cumulative", "sum", "5%", "seasonal"),
        Ind("PRIVATE_INV_SHARE", "民间投资占固定资产投资比重", "%", "higher", "month", "level", "formula", "1", formula: "PRIVATE_INV / FAI * 100"),
        Ind("MANUFACTURING_INV", "制造业投资", "亿元", "higher", "month", "cumulative", "sum", "5%", "seasonal"),
        Ind("MANUFACTURING_INV_SHARE", "制造业投资占固定资产投资比重", "%", "higher", "month", "level", "formula", "1", formula: "MANUFACTURING_INV / FAI * 100"),
        Ind("PROJECT_INV", "重大项目完成投资", "亿元", "higher", "month", "cumulative", "sum", "5%", "scurve"),
        Ind("NEW_PROJECTS_STARTED", "新开工重大项目", "个", "higher", "month", "cumulative", "sum", "10%", "seasonal"),
        Ind("INDUSTRIAL_VALUE_ADDED", "规模以上工业增加值", "亿元", "higher", "month", "cumulative", "sum", "3%", "seasonal"),
        Ind("INDUSTRIAL_VALUE_ADDED_GROWTH", "规模以上工业增加值增速", "%", "higher", "month", "level", "none", "0.8"),
        Ind("HIGH_TECH_MANUFACTURING_VALUE", "高技术制造业增加值", "亿元", "higher", "month", "cumulative", "sum", "5%", "seasonal"),
        Ind("HIGH_TECH_MANUFACTURING_SHARE", "高技术制造业增加值占规上工业比重", "%", "higher", "month", "level", "formula", "0.5", formula: "HIGH_TECH_MANUFACTURING_VALUE / INDUSTRIAL_VALUE_ADDED * 100"),
        Ind("DIGITAL_ECONOMY_CORE_VALUE", "数字经济核心产业增加值", "亿元", "higher", "quarter", "cumulative", "sum", "5%", "seasonal"),
        Ind("DIGITAL_ECONOMY_SHARE", "数字经济核心产业增加值占GDP比重", "%", "higher", "quarter", "level", "formula", "0.5", formula: "DIGITAL_ECONOMY_CORE_VALUE / GDP * 100"),
        Ind("RETAIL_SALES", "社会消费品零售总额", "亿元", "higher", "month", "cumulative", "sum", "3%", "seasonal"),
        Ind("GENERAL_BUDGET_REVENUE", "一般公共预算收入", "亿元", "higher", "month", "cumulative", "sum", "3%", "seasonal"),
        Ind("EXPORTS", "出口总额", "亿元", "higher", "month", "cumulative", "sum", "5%", "seasonal"),
        Ind("IMPORTS", "进口总额", "亿元", "higher", "month", "cumulative", "sum", "5%", "seasonal"),
        Ind("TRADE_TOTAL", "进出口总额", "亿元", "higher", "month", "cumulative", "formula", "5%", "seasonal", "EXPORTS + IMPORTS"),
        Ind("NATIONAL_EXPORTS", "全国出口总额", "亿元", "higher", "month", "cumulative", "none", "5%", "seasonal"),
        Ind("EXPORT_SHARE", "出口占全国份额", "%", "higher", "month", "level", "formula", "0.3", formula: "EXPORTS / NATIONAL_EXPORTS * 100"),
        Ind("FOREIGN_INVESTMENT_ACTUAL", "实际使用外资", "亿美元", "higher", "month", "cumulative", "sum", "10%", "seasonal"),
        Ind("ROAD_FREIGHT", "公路货运量", "万吨", "higher", "month", "cumulative", "sum", "5%", "linear"),
        Ind("HOUSING_STARTED", "房屋新开工面积", "万平方米", "higher", "month", "cumulative", "sum", "10%", "seasonal"),
        Ind("NEW_URBAN_JOBS", "城镇新增就业", "万人", "higher", "month", "cumulative", "sum", "5%", "seasonal"),
        Ind("UNEMPLOYMENT", "城镇调查失业率", "%", "lower", "month", "level", "none", "0.3"),
        Ind("URBAN_INCOME", "城镇居民人均可支配收入", "元", "higher", "quarter", "cumulative", "none", "2%", "seasonal"),
        Ind("RURAL_INCOME", "农村居民人均可支配收入", "元", "higher", "quarter", "cumulative", "none", "2%", "seasonal"),
        Ind("INCOME_RATIO", "城乡居民收入倍差", "倍", "lower", "quarter", "level", "formula", "0.02", formula: "URBAN_INCOME / RURAL_INCOME"),
        Ind("RD_INTENSITY", "R&D经费投入强度", "%", "higher", "year", "level", "none", "0.05"),
        Ind("HIGH_VALUE_PATENTS", "每万人高价值发明专利拥有量", "件", "higher", "quarter", "level", "none", "3%"),
        Ind("GOV_SERVICE_ONLINE_RATE", "政务服务事项网上办理率", "%", "higher", "month", "level", "none", "1"),
        Ind("ENERGY_INTENSITY", "单位GDP能耗", "吨标准煤/万元", "lower", "year", "level", "none", "2%"),
        Ind("ENERGY_INTENSITY_DECLINE", "单位GDP能耗降低率", "%", "higher", "year", "level", "none", "0.5"),
        Ind("PM25", "PM2.5平均浓度", "微克/立方米", "lower", "month", "level", "none", "5%"),
        Ind("GOOD_AIR_DAYS_RATIO", "空气质量优良天数比例", "%", "higher", "month", "level", "none", "1"),
        Ind("WATER_QUALITY_RATIO", "地表水省控断面Ⅲ类以上水质比例", "%", "higher", "year", "level", "none", "1"),
        Ind("FOREST_COVERAGE", "森林覆盖率", "%", "higher", "year", "level", "none", "0.1"),
        Ind("PRODUCTION_ACCIDENTS", "生产安全事故起数", "起", "lower", "month", "cumulative", "sum", "10%", "linear"),
        Ind("ACCIDENT_DEATHS", "生产安全事故死亡人数", "人", "lower", "month", "cumulative", "sum", "10%", "linear"),
    ];

    private static IndicatorRow Ind(
        string code,
        string name,
        string unit,
        string direction,
        string frequency,
        string valueKind,
        string aggregation,
        string tolerance,
        string? profile = null,
        string? formula = null) =>
        new(code, name, unit, direction, frequency, valueKind, aggregation, formula, tolerance, profile);

    // ---------------------------------------------------------------- plans

    private sealed record MilestoneDef(string Title, string Due);

    private sealed record TaskDef(string Title, string Lead, string? Supporting, string Start, string Due, string Horizon, string? Indicators, MilestoneDef[] Milestones);

    private sealed record ProgrammeDef(string Title, string Lead, string? Supporting, TaskDef[] Tasks);

    private static readonly ProgrammeDef[] Programmes =
    [
        new("扩大有效投资“千项万亿”工程", "FGW", "CZT;ZRZYT",
        [
            new("省重大项目年度投资计划编制与滚动实施", "FGW", "CZT;ZRZYT", "2026-01-01", "2026-12-31", "annual", "PROJECT_INV;FAI",
                [new("一季度重大项目集中开工", "2026-03-31"), new("上半年完成年度投资计划过半", "2026-06-30"), new("三季度重大项目攻坚推进", "2026-09-30")]),
            new("激发民间投资活力专项行动", "FGW", "SWT;SCJGJ", "2024-01-01", "2026-12-31", "threeYear", "PRIVATE_INV;PRIVATE_INV_SHARE",
                [new("面向民间资本推介项目清单发布", "2026-04-30")]),
            new("制造业投资提质扩量", "JXT", "FGW", "2025-01-01", "2027-12-31", "threeYear", "MANUFACTURING_INV;MANUFACTURING_INV_SHARE", []),
        ]),
        new("科技创新“315”体系建设工程", "KJT", "JYT;CZT",
        [
            new("重大科创平台能级提升", "KJT", "JYT;FGW", "2023-01-01", "2025-12-31", "threeYear", "RD_INTENSITY",
                [new("实验室体系建设中期评估", "2025-06-30")]),
            new("企业研发投入激励与科技企业培育", "KJT", "CZT;TJJ", "2026-01-01", "2026-12-31", "annual", "RD_INTENSITY",
                [new("研发费用奖补政策兑现到位", "2026-05-31")]),
            new("知识产权强省建设", "SCJGJ", "KJT", "2024-01-01", "2026-12-31", "threeYear", "HIGH_VALUE_PATENTS", []),
        ]),
        new("数字经济创新提质“一号发展工程”", "JXT", "SJJ;KJT",
        [
            new("数字产业集群培育", "JXT", "KJT", "2026-01-01", "2026-12-31", "annual", "DIGITAL_ECONOMY_CORE_VALUE;DIGITAL_ECONOMY_SHARE",
                [new("重点产业链图谱发布", "2026-03-31"), new("年度算力设施项目投运", "2026-10-31")]),
            new("算力设施与数据要素市场建设", "SJJ", "FGW;JXT", "2025-01-01", "2027-12-31", "threeYear", null, []),
            new("产业数字化改造扩面", "JXT", "NYNCT", "2026-01-01", "2026-12-31", "annual", null, []),
        ]),
        new("营商环境优化提升“一号改革工程”", "FGW", "SCJGJ;SJJ",
        [
            new("政务服务增值化改革", "SJJ", "FGW", "2026-01-01", "2026-12-31", "annual", "GOV_SERVICE_ONLINE_RATE",
                [new("企业综合服务中心县域全覆盖", "2026-06-30")]),
            new("民营经济促进政策落地", "FGW", "SCJGJ;CZT", "2024-01-01", "2026-12-31", "threeYear", "PRIVATE_INV_SHARE",
                [new("涉企政策直达兑现平台上线", "2025-12-31")]),
            new("公平竞争审查与信用监管", "SCJGJ", "SWT", "2026-01-01", "2026-12-31", "annual", null, []),
        ]),
        new("地瓜经济提能升级“一号开放工程”", "SWT", "FGW;JTT",
        [
            new("外贸稳量提质", "SWT", "330200", "2026-01-01", "2026-12-31", "annual", "EXPORTS;EXPORT_SHARE",
                [new("境外展会拓市场计划下达", "2026-04-30"), new("跨境电商综试区年度评估", "2026-11-30")]),
            new("高质量利用外资", "SWT", "FGW", "2026-01-01", "2026-12-31", "annual", "FOREIGN_INVESTMENT_ACTUAL", []),
            new("强港建设与现代物流体系", "JTT", "330900;SWT", "2023-01-01", "2027-12-31", "fiveYear", "ROAD_FREIGHT",
                [new("集装箱航线加密方案印发", "2025-09-30")]),
        ]),
        new("“415X”先进制造业集群培育工程", "JXT", "KJT;FGW",
        [
            new("先进制造业集群梯度培育", "JXT", "KJT", "2026-01-01", "2026-12-31", "annual", "INDUSTRIAL_VALUE_ADDED_GROWTH;HIGH_TECH_MANUFACTURING_SHARE",
                [new("年度集群培育名单公布", "2026-05-31")]),
            new("工业稳进提质与技术改造", "JXT", "CZT;NYJ", "2026-01-01", "2026-12-31", "annual", "INDUSTRIAL_VALUE_ADDED", []),
            new("龙头企业牵头组建创新联合体", "KJT", "JXT", "2024-01-01", "2026-12-31", "threeYear", null, []),
        ]),
        new("城乡风貌整治提升工程", "ZJT", "NYNCT;ZRZYT",
        [
            new("县城承载能力提升", "ZJT", "FGW;ZRZYT", "2025-01-01", "2027-12-31", "threeYear", "HOUSING_STARTED",
                [new("县城补短板项目清单下达", "2025-04-30")]),
            new("和美乡村建设与农民增收", "NYNCT", "RST;CZT", "2026-01-01", "2026-12-31", "annual", "RURAL_INCOME;INCOME_RATIO",
                [new("强村富民集成改革试点验收", "2026-10-31")]),
            new("山区海岛县跨越式发展", "FGW", "330800;331100", "2023-01-01", "2027-12-31", "fiveYear", "INCOME_RATIO", []),
        ]),
        new("文化研究工程", "WHLYT", "JYT",
        [
            new("地方文化研究成果出版与传播", "WHLYT", "JYT", "2024-01-01", "2026-12-31", "threeYear", null,
                [new("年度重大研究课题结项", "2026-09-30")]),
            new("文旅深度融合发展", "WHLYT", "SWT", "2026-01-01", "2026-12-31", "annual", "RETAIL_SALES", []),
        ]),
        new("绿色低碳发展和能源保供稳价工程", "NYJ", "STT;FGW",
        [
            new("能耗双控向碳排放双控转变", "NYJ", "FGW;TJJ", "2024-01-01", "2026-12-31", "threeYear", "ENERGY_INTENSITY;ENERGY_INTENSITY_DECLINE",
                [new("迎峰度夏能源保供方案印发", "2026-06-15")]),
            new("空气质量改善攻坚", "STT", "JTT;ZJT", "2026-01-01", "2026-12-31", "annual", "PM25;GOOD_AIR_DAYS_RATIO",
                [new("秋冬季大气污染防治方案印发", "2026-10-15")]),
            new("美丽河湖与水环境治理", "SLT", "STT", "2025-01-01", "2027-12-31", "threeYear", "WATER_QUALITY_RATIO", []),
        ]),
        new("公共服务“七优享”工程", "FGW", "RST;WJW",
        [
            new("稳就业促增收", "RST", "JYT;CZT", "2026-01-01", "2026-12-31", "annual", "NEW_URBAN_JOBS;UNEMPLOYMENT",
                [new("高校毕业生就业服务攻坚", "2026-08-31")]),
            new("优质医疗资源扩容下沉", "WJW", "CZT", "2024-01-01", "2026-12-31", "threeYear", null, []),
            new("安全生产治本攻坚", "YJT", "ZJT;JTT", "2026-01-01", "2026-12-31", "annual", "PRODUCTION_ACCIDENTS;ACCIDENT_DEATHS",
                [new("汛期安全生产大检查", "2026-07-31"), new("重大事故隐患动态清零", "2026-12-31")]),
        ]),
    ];

    /// <summary>
    /// Strategy S88, programmes P01–P10, tasks T0101…, milestones M010101…; parents come first. Milestones
    /// due more than a month before <paramref name="today"/> are done on their due date, except about one in
    /// five, which stays open so the demo shows overdue work.
    /// </summary>
    public static IReadOnlyList<PlanRow> Plans(DateOnly today)
    {
        var rows = new List<PlanRow> { new("S88", "Strategy", "八八战略", null, "FGW", null, "2023-01-01", "2027-12-31", "fiveYear", null) };
        for (int p = 0; p < Programmes.Length; p++)
        {
            var programme = Programmes[p];
            var pCode = string.Create(Inv, $"P{p + 1:D2}");
            rows.Add(new(pCode, "Programme", programme.Title, "S88", programme.Lead, programme.Supporting, "2023-01-01", "2027-12-31", "fiveYear", null));
            for (int t = 0; t < programme.Tasks.Length; t++)
            {
                var task = programme.Tasks[t];
                var tCode = string.Create(Inv, $"T{p + 1:D2}{t + 1:D2}");
                rows.Add(new(tCode, "Task", task.Title, pCode, task.Lead, task.Supporting, task.Start, task.Due, task.Horizon, task.Indicators));
                for (int m = 0; m < task.Milestones.Length; m++)
                {
                    var milestone = task.Milestones[m];
                    var mCode = string.Create(Inv, $"M{p + 1:D2}{t + 1:D2}{m + 1:D2}");
                    var due = DateOnly.ParseExact(milestone.Due, "yyyy-MM-dd", Inv);
                    bool done = due < today.AddMonths(-1) && Hash(mCode) % 5 != 0;
                    rows.Add(new(mCode, "Milestone", milestone.Title, tCode, task.Lead, null, null, milestone.Due, "annual", null, done ? milestone.Due : null));
                }
            }
        }

        return rows;
    }

    // ---------------------------------------------------------------- additive indicators (counties add up to cities, cities to the province)

    private enum Lag
    {
        None,
        Economy,
        Investment,
        Trade,
    }

    /// <summary>How far down the org tree an additive indicator gets targets.</summary>
    private enum Scope
    {
        None,
        Cities,
        Counties,
    }

    /// <param name="Base">The province's 2020 annual total.</param>
    /// <param name="Shares">Share of the year in each month (12) or quarter (4).</param>
    /// <param name="Parent">Spread over the units like this indicator (so shares such as private / total investment stay plausible).</param>
    /// <param name="Jitter">How much the spread over units departs from the parent's (or the economy's).</param>
    /// <param name="Noise">Relative noise of a single period's amount.</param>
    /// <param name="Counts">Whole events (accidents, projects): drawn as Poisson counts.</param>
    /// <param name="Cyclical">Follows the province's business cycle (the 2022 dip).</param>
    private sealed record Additive(
        string Code,
        double Base,
        double Growth,
        double[] Shares,
        Lag Lag,
        Scope Targets,
        string? Parent = null,
        double Jitter = 0.25,
        double Noise = 0.03,
        bool Counts = false,
        bool Cyclical = true,
        bool Lower = false)
    {
        public ulong Key { get; } = Hash(Code);

        public int PerYear => Shares.Length;

        public int Decimals => Counts ? 0 : 2;

        // Targets are set a little below the trend (above it for what should fall), so units on trend are green.
        public double TargetFactor => Lower ? 1.06 : 0.98;
    }

    private static readonly double[] InvestmentShares = Norm(4, 4.5, 8.5, 8, 8.5, 10.5, 7.5, 7.5, 9.5, 8, 9, 14.5);
    private static readonly double[] TradeShares = Norm(8.5, 5.5, 8, 8.3, 8.5, 8.6, 8.8, 8.7, 8.6, 8.2, 8.6, 9.7);
    private static readonly double[] RetailShares = Norm(9, 7.5, 8, 7.8, 8.3, 8.5, 8, 8, 8.3, 8.8, 9, 9.5);
    private static readonly double[] RevenueShares = Norm(13, 6, 8, 10, 9, 8, 9, 6, 7, 9, 7, 8);
    private static readonly double[] JobShares = Norm(7, 5.5, 9.5, 9, 8.5, 8.5, 9, 8.5, 8.5, 8, 8.5, 9.5);
    private static readonly double[] IndustryShares = Norm(8, 6, 8.5, 8.3, 8.5, 8.6, 8.3, 8.2, 8.6, 8.6, 8.9, 9.5);
    private static readonly double[] FlatShares = Norm(8, 7.5, 8.2, 8.3, 8.4, 8.6, 8.8, 8.8, 8.5, 8.3, 8.2, 8.4);
    private static readonly double[] CapitalShares = Norm(7, 6, 9, 8, 8, 10, 7, 8, 9, 8, 9, 11);
    private static readonly double[] HousingShares = Norm(5, 5, 10, 9, 9, 11, 8, 7, 9, 8, 8, 11);
    private static readonly double[] StartShares = Norm(3, 5, 15, 10, 8, 12, 7, 6, 10, 7, 7, 10);
    private static readonly double[] OutputQuarters = Norm(22.5, 24.5, 25, 28);
    private static readonly double[] DigitalQuarters = Norm(22, 24, 25, 29);

    // Major projects follow the smoothstep S-curve 3t² − 2t³ month by month.
    private static readonly double[] ProjectShares = [.. Enumerable.Range(1, 12).Select(m => SmoothStep(m / 12.0) - SmoothStep((m - 1) / 12.0))];

    private static readonly Additive[] Additives =
    [
        new("GDP", 64000, 0.065, OutputQuarters, Lag.Economy, Scope.Counties, Jitter: 0.1, Noise: 0.012),
        new("FAI", 36000, 0.06, InvestmentShares, Lag.Investment, Scope.Counties, Jitter: 0.15, Noise: 0.04),
        new("PRIVATE_INV", 19800, 0.065, InvestmentShares, Lag.Investment, Scope.Counties, "FAI", 0.15, 0.04),
        new("MANUFACTURING_INV", 7900, 0.08, InvestmentShares, Lag.Investment, Scope.Counties, "FAI", 0.2, 0.05),
        new("PROJECT_INV", 10500, 0.05, ProjectShares, Lag.Investment, Scope.Counties, "FAI", 0.2, 0.05),
        new("NEW_PROJECTS_STARTED", 600, 0.03, StartShares, Lag.Investment, Scope.None, "PROJECT_INV", 0.2, Counts: true),
        new("INDUSTRIAL_VALUE_ADDED", 19500, 0.07, IndustryShares, Lag.Economy, Scope.None, Noise: 0.02),
        new("HIGH_TECH_MANUFACTURING_VALUE", 3100, 0.1, IndustryShares, Lag.Economy, Scope.None, "INDUSTRIAL_VALUE_ADDED", 0.2),
        new("DIGITAL_ECONOMY_CORE_VALUE", 8000, 0.09, DigitalQuarters, Lag.Economy, Scope.Cities, "GDP", 0.3, 0.015),
        new("RETAIL_SALES", 27500, 0.055, RetailShares, Lag.Economy, Scope.Counties, Jitter: 0.12, Noise: 0.015),
        new("GENERAL_BUDGET_REVENUE", 7250, 0.05, RevenueShares, Lag.Economy, Scope.Counties, Jitter: 0.2),
        new("EXPORTS", 27000, 0.065, TradeShares, Lag.Trade, Scope.Counties, Jitter: 0.35),
        new("IMPORTS", 10500, 0.045, TradeShares, Lag.Trade, Scope.None, "EXPORTS", 0.25, 0.04),
        new("FOREIGN_INVESTMENT_ACTUAL", 158, 0.05, CapitalShares, Lag.Trade, Scope.Cities, Jitter: 0.4, Noise: 0.12),
        new("ROAD_FREIGHT", 195000, 0.03, FlatShares, Lag.None, Scope.None, Jitter: 0.2, Noise: 0.02),
        new("HOUSING_STARTED", 10500, -0.09, HousingShares, Lag.None, Scope.None, Noise: 0.08),
        new("NEW_URBAN_JOBS", 110, 0.01, JobShares, Lag.None, Scope.Counties, Jitter: 0.15, Cyclical: false),
        new("PRODUCTION_ACCIDENTS", 1100, -0.07, FlatShares, Lag.None, Scope.Cities, Jitter: 0.2, Counts: true, Cyclical: false, Lower: true),
        new("ACCIDENT_DEATHS", 850, -0.07, FlatShares, Lag.None, Scope.Cities, "PRODUCTION_ACCIDENTS", 0.2, Counts: true, Cyclical: false, Lower: true),
    ];

    private static readonly Dictionary<string, Additive> AdditiveByCode = Additives.ToDictionary(a => a.Code, StringComparer.Ordinal);
    private static readonly Dictionary<string, double[]> CountyWeights = BuildWeights();

    private static readonly (int City, Lag Group, double Factor)[] Laggards =
    [
        (Ouchang, Lag.Economy, 0.95),
        (Ouchang, Lag.Investment, 0.96),
        (Qujiang, Lag.Investment, 0.91),
        (Taiyue, Lag.Trade, 0.93),
        (Taiyue, Lag.Investment, 0.97),
    ];

    private static Dictionary<string, double[]> BuildWeights()
    {
        var result = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var s in Additives)
        {
            double[] cityBase, shareBase;
            if (s.Parent is { } parent)
            {
                var pw = result[parent];
                cityBase = new double[Cities.Length];
                foreach (var (k, county) in Counties.Index())
                {
                    cityBase[county.City] += pw[k];
                }

                shareBase = [.. Counties.Select((county, k) => pw[k] / cityBase[county.City])];
            }
            else
            {
                cityBase = [.. Cities.Select(c => c.Weight)];
                shareBase = [.. Counties.Select(k => k.Share)];
            }

            var city = cityBase.Select((w, c) => w * (1 + (s.Jitter * Sym(s.Key, 1, c)))).ToArray();
            double cityTotal = city.Sum();
            var share = shareBase.Select((w, k) => w * (1 + (s.Jitter * Sym(s.Key, 2, k)))).ToArray();
            var shareTotal = new double[Cities.Length];
            foreach (var (k, county) in Counties.Index())
            {
                shareTotal[county.City] += share[k];
            }

            result[s.Code] = [.. Counties.Select((county, k) => city[county.City] / cityTotal * share[k] / shareTotal[county.City])];
        }

        return result;
    }

    private static double CountyGrowth(Additive s, int k) => s.Growth + (CountySpread * Sym(s.Key, 3, k));

    private static double Trend(Additive s, int k, int year) =>
        s.Base * CountyWeights[s.Code][k] * Math.Pow(1 + CountyGrowth(s, k), year - BaseYear);

    private static double Macro(Additive s, int year) => !s.Cyclical ? 1 : year switch
    {
        2022 => 0.98,
        2023 => 0.995,
        _ => 1,
    };

    private static double LagFactor(Lag group, int city, int year)
    {
        if (group == Lag.None || year < LagFromYear)
        {
            return 1;
        }

        foreach (var (c, g, factor) in Laggards)
        {
            if (c == city && g == group)
            {
                return year == LagFromYear ? (1 + factor) / 2 : factor;
            }
        }

        return 1;
    }

    /// <summary>Year-to-date values per county and period, <c>[county][(year − BaseYear) × PerYear + index]</c>, from BaseYear through <paramref name="lastYear"/>.</summary>
    private static decimal[][] Cumulative(Additive s, int lastYear)
    {
        int n = s.PerYear;
        var result = new decimal[Counties.Length][];
        for (int k = 0; k < Counties.Length; k++)
        {
            var row = result[k] = new decimal[(lastYear - BaseYear + 1) * n];
            for (int y = BaseYear; y <= lastYear; y++)
            {
                double annual = Trend(s, k, y) * Macro(s, y) * LagFactor(s.Lag, Counties[k].City, y) * (1 + (0.006 * Sym(s.Key, 4, k, y)));
                double running = 0;
                for (int p = 0; p < n; p++)
                {
                    int salt = (y * 16) + p;
                    double expected = annual * s.Shares[p] * (1 + (s.Noise * Sym(s.Key, 5, k, salt)));
                    running += s.Counts ? Poisson(expected, Uniform(s.Key, 6, k, salt)) : expected;
                    row[((y - BaseYear) * n) + p] = Round(running, s.Decimals);
                }
            }
        }

        return result;
    }

    private static (decimal[][] City, decimal[] Province) Totals(decimal[][] counties)
    {
        int length = counties[0].Length;
        var city = Cities.Select(_ => new decimal[length]).ToArray();
        var province = new decimal[length];
        foreach (var (k, county) in Counties.Index())
        {
            for (int t = 0; t < length; t++)
            {
                city[county.City][t] += counties[k][t];
                province[t] += counties[k][t];
            }
        }

        return (city, province);
    }

    private static bool Missing(Additive s, int k) => Uniform(s.Key, 7, k) < MissingShare;

    private static IEnumerable<ReadingRow> AdditiveReadings(Additive s, Last last)
    {
        if (last.None)
        {
            yield break;
        }

        int n = s.PerYear;
        var cum = Cumulative(s, last.Year);
        var city = new decimal[Cities.Length];
        foreach (var (y, p) in Periods(n, last))
        {
            int t = ((y - BaseYear) * n) + p - 1;
            bool latest = y == last.Year && p == last.Index;
            var period = PeriodCode(n, y, p);
            Array.Clear(city);
            for (int k = 0; k < Counties.Length; k++)
            {
                // A few counties are late with the latest period; their cities' statistics bureaus still
                // publish full totals, as in practice, so only the county cells are missing.
                city[Counties[k].City] += cum[k][t];
                if (latest && Missing(s, k))
                {
                    continue;
                }

                yield return new ReadingRow(s.Code, Counties[k].Code, period, Fmt(cum[k][t], s.Decimals));
            }

            decimal province = 0;
            for (int c = 0; c < Cities.Length; c++)
            {
                province += city[c];
                yield return new ReadingRow(s.Code, Cities[c].Code, period, Fmt(city[c], s.Decimals));
            }

            yield return new ReadingRow(s.Code, ProvinceCode, period, Fmt(province, s.Decimals));
        }
    }

    // ---------------------------------------------------------------- growth rates computed from the additive series

    private static IEnumerable<ReadingRow> GrowthReadings(string code, string source, double deflator, Last last, Func<int, int, int, double> reference)
    {
        if (last.None)
        {
            yield break;
        }

        var s = AdditiveByCode[source];
        int n = s.PerYear;
        var (city, province) = Totals(Cumulative(s, last.Year));
        foreach (var (y, p) in Periods(n, last))
        {
            int t = ((y - BaseYear) * n) + p - 1;
            var period = PeriodCode(n, y, p);
            for (int c = 0; c < Cities.Length; c++)
            {
                yield return new ReadingRow(code, Cities[c].Code, period, Fmt(Growth(city[c][t], city[c][t - n]) - deflator, 1));
            }

            yield return new ReadingRow(code, ProvinceCode, period, Fmt(Growth(province[t], province[t - n]) - deflator, 1));
            for (int r = 0; r < References.Length; r++)
            {
                yield return new ReadingRow(code, References[r].Code, period, Fmt(reference(r, y, p), 1));
            }
        }
    }

    private static double Growth(decimal now, decimal before) => before == 0 ? 0 : ((double)(now / before) - 1) * 100;

    // Real GDP growth is reported; the series are nominal.
    private const double GdpDeflator = 1.0;

    private static double NationalGdpGrowth(int y) => y switch { 2021 => 8.1, 2022 => 3.3, 2023 => 5.1, 2024 => 4.9, 2025 => 4.9, 2026 => 4.7, _ => 4.6 };

    private static double NationalFaiGrowth(int y) => y switch { 2021 => 4.6, 2022 => 5.0, 2023 => 2.9, 2024 => 3.1, 2025 => 0.8, 2026 => 1.6, _ => 2.0 };

    private static double NationalIndustryGrowth(int y) => y switch { 2021 => 9.5, 2022 => 3.7, 2023 => 4.5, 2024 => 5.7, 2025 => 5.8, 2026 => 5.4, _ => 5.3 };

    private static Func<int, int, int, double> ReferenceRate(string salt, Func<int, double> national, double[] offsets, double periodNoise)
    {
        var key = Hash(salt);
        return (r, y, p) => national(y) + offsets[r] + (r == 0 ? 0 : 0.25 * Sym(key, 1, r, y)) + (periodNoise / Math.Sqrt(p) * Sym(key, 2, r, (y * 16) + p));
    }

    // ---------------------------------------------------------------- rates and levels reported by cities (and the province)

    private static IEnumerable<ReadingRow> CityRates(
        string code,
        int perYear,
        Last last,
        int decimals,
        Func<int, int, int, double> city,
        bool weighted,
        Func<int, int, int, double>? reference = null,
        Func<int, int, double>? province = null)
    {
        if (last.None)
        {
            yield break;
        }

        var values = new double[Cities.Length];
        foreach (var (y, p) in Periods(perYear, last))
        {
            var period = PeriodCode(perYear, y, p);
            for (int c = 0; c < Cities.Length; c++)
            {
                values[c] = city(c, y, p);
                yield return new ReadingRow(code, Cities[c].Code, period, Fmt(values[c], decimals));
            }

            yield return new ReadingRow(code, ProvinceCode, period, Fmt(province?.Invoke(y, p) ?? Mean(values, weighted), decimals));
            if (reference is not null)
            {
                for (int r = 0; r < References.Length; r++)
                {
                    yield return new ReadingRow(code, References[r].Code, period, Fmt(reference(r, y, p), decimals));
                }
            }
        }
    }

    private static double Mean(double[] values, bool weighted) =>
        weighted ? values.Select((v, c) => v * Cities[c].Weight).Sum() / Cities.Sum(c => c.Weight) : values.Average();

    private static double Mean(Func<int, double> city, bool weighted) =>
        Mean([.. Enumerable.Range(0, Cities.Length).Select(city)], weighted);

    // Unemployment: a city level, the cycle of the year, and the seasonal rise after the Spring Festival and at graduation.
    private static readonly ulong UnemploymentKey = Hash("UNEMPLOYMENT");

    private static double UnemploymentLevel(int c, int y) =>
        c == Ouchang && y >= LagFromYear ? (y == LagFromYear ? 5.0 : 5.25) : 4.45 + (0.35 * Sym(UnemploymentKey, 1, c));

    private static double UnemploymentCycle(int y) => y switch { 2021 => 0.25, 2022 => 0.45, 2023 => 0.1, _ => 0 };

    private static double UnemploymentSeason(int m) => m switch { 2 => 0.3, 3 => 0.15, 7 or 8 => 0.15, _ => 0 };

    private static double Unemployment(int c, int y, int m) =>
        UnemploymentLevel(c, y) + UnemploymentCycle(y) + UnemploymentSeason(m) + (0.1 * Sym(UnemploymentKey, 2, c, (y * 16) + m));

    private static double ReferenceUnemployment(int r, int y, int m) =>
        new[] { 5.15, 4.55, 4.4 }[r] + (1.2 * UnemploymentCycle(y)) + UnemploymentSeason(m) + (0.08 * Sym(UnemploymentKey, 3, r, (y * 16) + m));

    // Per-capita disposable income: the year-to-date share reached by each quarter's end.
    private static readonly double[] IncomeToDate = [0.285, 0.51, 0.755, 1.0];
    private static readonly ulong IncomeKey = Hash("INCOME");

    // Richer cities earn more: the weight of the economy lifts the level.
    private static double UrbanFactor(int c) => 0.86 + (0.6 * Cities[c].Weight) + (0.14 * Uniform(IncomeKey, 1, c));

    private static double RuralFactor(int c) => UrbanFactor(c) * (0.9 + (0.2 * Uniform(IncomeKey, 2, c)));

    private static double UrbanIncomeTrend(int c, int y) => 62500 * Math.Pow(1.052, y - BaseYear) * UrbanFactor(c);

    private static double RuralIncomeTrend(int c, int y) => 32500 * Math.Pow(1.066, y - BaseYear) * RuralFactor(c);

    private static double Income(double annual, int c, int y, int q, int salt) =>
        annual * IncomeToDate[q - 1] * (1 + (0.005 * Sym(IncomeKey, salt, c, (y * 16) + q)));

    private static double ReferenceIncome(bool urban, int r, int y, int q)
    {
        double annual = urban
            ? new[] { 43800.0, 53100, 76400 }[r] * Math.Pow(1.05, y - BaseYear)
            : new[] { 17100.0, 24200, 34900 }[r] * Math.Pow(1.067, y - BaseYear);
        return annual * IncomeToDate[q - 1] * (1 + (0.004 * Sym(IncomeKey, urban ? 5 : 6, r, (y * 16) + q)));
    }

    // R&D intensity.
    private static readonly ulong RdKey = Hash("RD_INTENSITY");

    private static double RdTrend(int c, int y)
    {
        double start = c switch { 0 => 3.5, 1 => 2.9, _ => 1.7 + (1.6 * Uniform(RdKey, 1, c)) };
        return start + ((0.06 + (0.04 * Uniform(RdKey, 2, c))) * (y - BaseYear));
    }

    private static double Rd(int c, int y) => RdTrend(c, y) + (0.03 * Sym(RdKey, 3, c, y));

    private static double ReferenceRd(int r, int y) =>
        new[] { 2.40, 2.93, 4.17 }[r] + (new[] { 0.06, 0.07, 0.05 }[r] * (y - BaseYear)) + (0.02 * Sym(RdKey, 4, r, y));

    // Energy intensity falls about 3.4% a year; 衢江市's heavy industry holds it back from LagFromYear.
    private static readonly ulong EnergyKey = Hash("ENERGY_INTENSITY");
    private const double EnergyTrendDecline = 3.4;

    private static double EnergyStart(int c) => 0.40 * (c == Qujiang ? 1.8 : 0.7 + (0.8 * Uniform(EnergyKey, 1, c)));

    private static double EnergyDecline(int c, int y) =>
        (c == Qujiang && y >= LagFromYear ? 1.6 : EnergyTrendDecline) + (0.8 * Sym(EnergyKey, 2, c, y));

    private static double EnergyIntensity(int c, int y)
    {
        double v = EnergyStart(c);
        for (int year = BaseYear + 1; year <= y; year++)
        {
            v *= 1 - (EnergyDecline(c, year) / 100);
        }

        return v;
    }

    private static double EnergyIntensityTrend(int c, int y) => EnergyStart(c) * Math.Pow(1 - (EnergyTrendDecline / 100), y - BaseYear);

    private static double ProvinceEnergyIntensity(int y) => Mean(c => EnergyIntensity(c, y), weighted: true);

    // PM2.5 and good-air days: year-to-date averages of a winter-heavy monthly pattern.
    private static readonly ulong AirKey = Hash("AIR");

    private static double Winter(int m) => Math.Cos(2 * Math.PI * (m - 1) / 12);

    private static double Pm25Trend(int c, int y) => (30 - (1.1 * (y - BaseYear))) * (c == Zhoudao ? 0.72 : 0.85 + (0.3 * Uniform(AirKey, 1, c)));

    private static double Pm25(int c, int y, int m) =>
        Enumerable.Range(1, m).Average(i => Pm25Trend(c, y) * (1 + (0.22 * Winter(i))) * (1 + (0.08 * Sym(AirKey, 2, c, (y * 16) + i))));

    private static double GoodAirTrend(int c, int y) =>
        Math.Min(96, 86 + (8 * (Uniform(AirKey, 3, c) - 0.4)) + (c == Zhoudao ? 5 : 0) + (1.3 * (y - BaseYear)));

    private static double GoodAir(int c, int y, int m) =>
        Enumerable.Range(1, m).Average(i => Math.Min(100, GoodAirTrend(c, y) - (5 * Winter(i)) + (2.5 * Sym(AirKey, 4, c, (y * 16) + i))));

    // Water quality and forest cover, reported once a year.
    private static readonly ulong GreenKey = Hash("GREEN");

    private static double WaterTrend(int c, int y) => Math.Min(99.5, 92 + (6 * (Uniform(GreenKey, 1, c) - 0.5)) + (0.8 * (y - BaseYear)));

    private static double Water(int c, int y) => Math.Min(100, WaterTrend(c, y) + (0.6 * Sym(GreenKey, 2, c, y)));

    private static double ForestTrend(int c, int y) => 42 + (38 * Uniform(GreenKey, 3, c)) + (0.06 * (y - BaseYear));

    private static double Forest(int c, int y) => ForestTrend(c, y) + (0.02 * Sym(GreenKey, 4, c, y));

    // Reported by departments.
    private static readonly ulong DepartmentKey = Hash("DEPARTMENT");

    private static double OnlineServiceTrend(int y, int m) => 98.5 - (13.5 * Math.Exp(-0.55 * (y - FirstYear + ((m - 1) / 12.0))));

    private static double PatentsTrend(int y, int q) => 12.5 + (2.2 * (y - BaseYear + ((q - 1) / 4.0)));

    private static readonly ulong NationalExportsKey = Hash("NATIONAL_EXPORTS");

    private static double NationalExportsTrend(int y) => 179000 * Math.Pow(1.04, y - BaseYear);

    // ---------------------------------------------------------------- readings

    /// <summary>
    /// Readings from 2021 through the last period of each frequency whose data was due (20 days after the
    /// period ended) by <paramref name="today"/>. Additive indicators are reported by counties, with city and
    /// province values equal to the sums of what their children reported; rates by cities and the province;
    /// a few by reference units or departments. Derived (formula) indicators get no readings. Generated lazily.
    /// </summary>
    public static IEnumerable<ReadingRow> Readings(DateOnly today)
    {
        var month = LastDue(today, 12);
        var quarter = LastDue(today, 4);
        var year = LastDue(today, 1);

        foreach (var s in Additives)
        {
            foreach (var row in AdditiveReadings(s, s.PerYear == 12 ? month : quarter))
            {
                yield return row;
            }
        }

        var rows = Enumerable.Empty<ReadingRow>()
            .Concat(GrowthReadings("GDP_GROWTH", "GDP", GdpDeflator, quarter, ReferenceRate("GDP_GROWTH", NationalGdpGrowth, [0, 0.4, -0.3], 0.2)))
            .Concat(GrowthReadings("FAI_GROWTH", "FAI", 0, month, ReferenceRate("FAI_GROWTH", NationalFaiGrowth, [0, 0.8, 3.0], 1.2)))
            .Concat(GrowthReadings("INDUSTRIAL_VALUE_ADDED_GROWTH", "INDUSTRIAL_VALUE_ADDED", 0, month, ReferenceRate("IVA_GROWTH", NationalIndustryGrowth, [0, 1.2, -0.5], 0.8)))
            .Concat(CityRates("UNEMPLOYMENT", 12, month, 1, Unemployment, weighted: true, ReferenceUnemployment))
            .Concat(CityRates("URBAN_INCOME", 4, quarter, 0, (c, y, q) => Income(UrbanIncomeTrend(c, y), c, y, q, 3), weighted: true, (r, y, q) => ReferenceIncome(true, r, y, q)))
            .Concat(CityRates("RURAL_INCOME", 4, quarter, 0, (c, y, q) => Income(RuralIncomeTrend(c, y), c, y, q, 4), weighted: true, (r, y, q) => ReferenceIncome(false, r, y, q)))
            .Concat(CityRates("RD_INTENSITY", 1, year, 2, (c, y, _) => Rd(c, y), weighted: true, (r, y, _) => ReferenceRd(r, y)))
            .Concat(CityRates("ENERGY_INTENSITY", 1, year, 3, (c, y, _) => EnergyIntensity(c, y), weighted: true))
            .Concat(CityRates(
                "ENERGY_INTENSITY_DECLINE",
                1,
                year,
                1,
                (c, y, _) => (1 - (EnergyIntensity(c, y) / EnergyIntensity(c, y - 1))) * 100,
                weighted: true,
                province: (y, _) => (1 - (ProvinceEnergyIntensity(y) / ProvinceEnergyIntensity(y - 1))) * 100))
            .Concat(CityRates("PM25", 12, month, 1, Pm25, weighted: false))
            .Concat(CityRates("GOOD_AIR_DAYS_RATIO", 12, month, 1, GoodAir, weighted: false))
            .Concat(CityRates("WATER_QUALITY_RATIO", 1, year, 1, (c, y, _) => Water(c, y), weighted: false))
            .Concat(CityRates("FOREST_COVERAGE", 1, year, 2, (c, y, _) => Forest(c, y), weighted: false))
            .Concat(NationalExports(month))
            .Concat(DepartmentReadings(month, quarter));
        foreach (var row in rows)
        {
            yield return row;
        }
    }

    private static IEnumerable<ReadingRow> NationalExports(Last last)
    {
        if (last.None)
        {
            yield break;
        }

        for (int y = FirstYear; y <= last.Year; y++)
        {
            double running = 0;
            for (int m = 1; m <= (y == last.Year ? last.Index : 12); m++)
            {
                double macro = y switch { 2022 => 0.985, 2023 => 0.99, _ => 1 };
                running += NationalExportsTrend(y) * macro * TradeShares[m - 1] * (1 + (0.01 * Sym(NationalExportsKey, 1, y, m)));
                yield return new ReadingRow("NATIONAL_EXPORTS", References[0].Code, PeriodCode(12, y, m), Fmt(running, 2));
            }
        }
    }

    private static IEnumerable<ReadingRow> DepartmentReadings(Last month, Last quarter)
    {
        if (!month.None)
        {
            foreach (var (y, m) in Periods(12, month))
            {
                double v = Math.Min(99.9, OnlineServiceTrend(y, m) + (0.3 * Sym(DepartmentKey, 1, y, m)));
                yield return new ReadingRow("GOV_SERVICE_ONLINE_RATE", "SJJ", PeriodCode(12, y, m), Fmt(v, 1));
            }
        }

        if (!quarter.None)
        {
            foreach (var (y, q) in Periods(4, quarter))
            {
                double v = PatentsTrend(y, q) + (0.1 * Sym(DepartmentKey, 2, y, q));
                yield return new ReadingRow("HIGH_VALUE_PATENTS", "SCJGJ", PeriodCode(4, y, q), Fmt(v, 1));
            }
        }
    }

    // ---------------------------------------------------------------- targets

    /// <summary>
    /// Annual targets for every year from <paramref name="firstYear"/> to <paramref name="lastYear"/>: additive
    /// amounts 以上 (accidents 以内) down to counties or cities, the province's equal to the sum of its cities';
    /// growth rates 左右; unemployment 以内 5.5; shares, incomes and environment indicators per city and province.
    /// </summary>
    public static IReadOnlyList<TargetRow> Targets(int firstYear, int lastYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(firstYear, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lastYear, 2100);
        var rows = new List<TargetRow>();
        for (int y = firstYear; y <= lastYear; y++)
        {
            AddTargets(rows, y);
        }

        return rows;
    }

    private static void AddTargets(List<TargetRow> rows, int y)
    {
        var year = y.ToString("D4", Inv);
        void Add(string indicator, string org, string value, string qualifier) => rows.Add(new TargetRow(indicator, org, year, value, qualifier));

        foreach (var s in Additives.Where(a => a.Targets != Scope.None))
        {
            var qualifier = s.Lower ? "atMost" : "atLeast";
            var city = new decimal[Cities.Length];
            if (s.Targets == Scope.Counties)
            {
                for (int k = 0; k < Counties.Length; k++)
                {
                    var v = Round(Trend(s, k, y) * s.TargetFactor, s.Decimals);
                    city[Counties[k].City] += v;
                    Add(s.Code, Counties[k].Code, Fmt(v, s.Decimals), qualifier);
                }
            }
            else
            {
                for (int c = 0; c < Cities.Length; c++)
                {
                    city[c] = Round(CityTrend(s, c, y) * s.TargetFactor, s.Decimals);
                }
            }

            for (int c = 0; c < Cities.Length; c++)
            {
                Add(s.Code, Cities[c].Code, Fmt(city[c], s.Decimals), qualifier);
            }

            Add(s.Code, ProvinceCode, Fmt(city.Sum(), s.Decimals), qualifier);
        }

        foreach (var (code, source, deflator) in new[] { ("GDP_GROWTH", "GDP", GdpDeflator), ("FAI_GROWTH", "FAI", 0.0), ("INDUSTRIAL_VALUE_ADDED_GROWTH", "INDUSTRIAL_VALUE_ADDED", 0.0) })
        {
            var s = AdditiveByCode[source];
            for (int c = 0; c < Cities.Length; c++)
            {
                Add(code, Cities[c].Code, Fmt(Half(((CityTrend(s, c, y) / CityTrend(s, c, y - 1)) - 1) * 100 - deflator), 1), "around");
            }

            Add(code, ProvinceCode, Fmt(Half(((ProvinceTrend(s, y) / ProvinceTrend(s, y - 1)) - 1) * 100 - deflator), 1), "around");
        }

        foreach (var (code, numerator, denominator, margin, cities) in new[]
                 {
                     ("PRIVATE_INV_SHARE", "PRIVATE_INV", "FAI", 0.8, true),
                     ("HIGH_TECH_MANUFACTURING_SHARE", "HIGH_TECH_MANUFACTURING_VALUE", "INDUSTRIAL_VALUE_ADDED", 0.3, true),
                     ("DIGITAL_ECONOMY_SHARE", "DIGITAL_ECONOMY_CORE_VALUE", "GDP", 0.5, false),
                 })
        {
            var (n, d) = (AdditiveByCode[numerator], AdditiveByCode[denominator]);
            if (cities)
            {
                for (int c = 0; c < Cities.Length; c++)
                {
                    Add(code, Cities[c].Code, Fmt((CityTrend(n, c, y) / CityTrend(d, c, y) * 100) - margin, 1), "atLeast");
                }
            }

            Add(code, ProvinceCode, Fmt((ProvinceTrend(n, y) / ProvinceTrend(d, y) * 100) - margin, 1), "atLeast");
        }

        Add("EXPORT_SHARE", ProvinceCode, Fmt((ProvinceTrend(AdditiveByCode["EXPORTS"], y) / NationalExportsTrend(y) * 100) - 0.3, 1), "atLeast");

        for (int c = 0; c < Cities.Length; c++)
        {
            var org = Cities[c].Code;
            Add("UNEMPLOYMENT", org, "5.5", "atMost");
            Add("URBAN_INCOME", org, Fmt(Tens(UrbanIncomeTrend(c, y) * 0.995), 0), "atLeast");
            Add("RURAL_INCOME", org, Fmt(Tens(RuralIncomeTrend(c, y) * 0.995), 0), "atLeast");
            Add("INCOME_RATIO", org, Fmt((UrbanIncomeTrend(c, y) / RuralIncomeTrend(c, y)) + 0.02, 2), "atMost");
            Add("RD_INTENSITY", org, Fmt(RdTrend(c, y) - 0.02, 2), "atLeast");
            Add("ENERGY_INTENSITY", org, Fmt(EnergyIntensityTrend(c, y) * 1.01, 3), "atMost");
            Add("ENERGY_INTENSITY_DECLINE", org, "3.0", "atLeast");
            Add("PM25", org, Fmt(Pm25Trend(c, y) * 1.03, 1), "atMost");
            Add("GOOD_AIR_DAYS_RATIO", org, Fmt(GoodAirTrend(c, y) - 1, 1), "atLeast");
        }

        double urban = Mean(c => UrbanIncomeTrend(c, y), weighted: true);
        double rural = Mean(c => RuralIncomeTrend(c, y), weighted: true);
        Add("UNEMPLOYMENT", ProvinceCode, "5.5", "atMost");
        Add("URBAN_INCOME", ProvinceCode, Fmt(Tens(urban * 0.995), 0), "atLeast");
        Add("RURAL_INCOME", ProvinceCode, Fmt(Tens(rural * 0.995), 0), "atLeast");
        Add("INCOME_RATIO", ProvinceCode, Fmt((urban / rural) + 0.02, 2), "atMost");
        Add("RD_INTENSITY", ProvinceCode, Fmt(Mean(c => RdTrend(c, y), weighted: true) - 0.02, 2), "atLeast");
        Add("ENERGY_INTENSITY", ProvinceCode, Fmt(Mean(c => EnergyIntensityTrend(c, y), weighted: true) * 1.01, 3), "atMost");
        Add("ENERGY_INTENSITY_DECLINE", ProvinceCode, "3.0", "atLeast");
        Add("PM25", ProvinceCode, Fmt(Mean(c => Pm25Trend(c, y), weighted: false) * 1.03, 1), "atMost");
        Add("GOOD_AIR_DAYS_RATIO", ProvinceCode, Fmt(Mean(c => GoodAirTrend(c, y), weighted: false) - 1, 1), "atLeast");
        Add("WATER_QUALITY_RATIO", ProvinceCode, Fmt(Mean(c => WaterTrend(c, y), weighted: false) - 0.5, 1), "atLeast");
        Add("FOREST_COVERAGE", ProvinceCode, Fmt(Mean(c => ForestTrend(c, y), weighted: false) - 0.05, 2), "atLeast");
        Add("GOV_SERVICE_ONLINE_RATE", "SJJ", Fmt(Math.Min(99, OnlineServiceTrend(y, 1) - 0.3), 1), "atLeast");
        Add("HIGH_VALUE_PATENTS", "SCJGJ", Fmt(PatentsTrend(y, 1) - 0.2, 1), "atLeast");
    }

    private static double CityTrend(Additive s, int c, int y)
    {
        double sum = 0;
        for (int k = 0; k < Counties.Length; k++)
        {
            if (Counties[k].City == c)
            {
                sum += Trend(s, k, y);
            }
        }

        return sum;
    }

    private static double ProvinceTrend(Additive s, int y) => Enumerable.Range(0, Counties.Length).Sum(k => Trend(s, k, y));

    private static double Half(double v) => Math.Round(v * 2, MidpointRounding.AwayFromZero) / 2;

    private static double Tens(double v) => Math.Round(v / 10, MidpointRounding.AwayFromZero) * 10;

    // ---------------------------------------------------------------- periods

    private readonly record struct Last(int Year, int Index)
    {
        public bool None => Year < FirstYear;
    }

    /// <summary>The last period of the frequency whose data was due by <paramref name="today"/>.</summary>
    private static Last LastDue(DateOnly today, int perYear)
    {
        int months = 12 / perYear;
        for (int y = Math.Min(today.Year, 2100); y >= FirstYear; y--)
        {
            for (int i = perYear; i >= 1; i--)
            {
                var end = new DateOnly(y, i * months, 1).AddMonths(1).AddDays(-1);
                if (end.AddDays(DueDays) <= today)
                {
                    return new Last(y, i);
                }
            }
        }

        return new Last(0, 0);
    }

    private static IEnumerable<(int Year, int Index)> Periods(int perYear, Last last)
    {
        for (int y = FirstYear; y <= last.Year; y++)
        {
            for (int p = 1; p <= (y == last.Year ? last.Index : perYear); p++)
            {
                yield return (y, p);
            }
        }
    }

    private static string PeriodCode(int perYear, int y, int p) => perYear switch
    {
        1 => y.ToString("D4", Inv),
        2 => string.Create(Inv, $"{y:D4}H{p}"),
        4 => string.Create(Inv, $"{y:D4}Q{p}"),
        _ => string.Create(Inv, $"{y:D4}-{p:D2}"),
    };

    // ---------------------------------------------------------------- numbers

    private static decimal Round(double value, int decimals) => Math.Round((decimal)value, decimals, MidpointRounding.AwayFromZero);

    private static string Fmt(double value, int decimals) => Fmt(Round(value, decimals), decimals);

    // A rounded negative fraction keeps its sign in decimal; "-0.0" would read oddly in a table.
    private static string Fmt(decimal value, int decimals) => (value == 0 ? 0m : value).ToString(FixedFormats[decimals], Inv);

    private static double[] Norm(params double[] weights)
    {
        double total = weights.Sum();
        return [.. weights.Select(w => w / total)];
    }

    private static double SmoothStep(double t) => t * t * (3 - (2 * t));

    private static int Poisson(double lambda, double u)
    {
        double p = Math.Exp(-lambda), cumulative = p;
        int k = 0;
        while (u > cumulative && k < 1000)
        {
            k++;
            p *= lambda / k;
            cumulative += p;
        }

        return k;
    }

    // ---------------------------------------------------------------- deterministic noise

    private static ulong Hash(string text)
    {
        ulong h = 14695981039346656037UL;
        foreach (char ch in text)
        {
            h ^= ch;
            h *= 1099511628211UL;
        }

        return h;
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform number in [0, 1) fixed by the key and the three coordinates.</summary>
    private static double Uniform(ulong key, int a, int b = 0, int c = 0)
    {
        ulong h = Mix(key ^ (uint)a);
        h = Mix(h ^ ((ulong)(uint)b << 20));
        h = Mix(h ^ ((ulong)(uint)c << 40));
        return (h >> 11) * (1.0 / 9007199254740992.0);
    }

    /// <summary>A uniform number in [−1, 1).</summary>
    private static double Sym(ulong key, int a, int b = 0, int c = 0) => (2 * Uniform(key, a, b, c)) - 1;
}
