using System.Globalization;
using Luoshi.Application.Plans;
using Luoshi.Application.Spreadsheets;

namespace Luoshi.Application.Demo;

public static partial class DemoProvince
{
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
}
