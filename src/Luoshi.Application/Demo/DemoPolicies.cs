using System.Globalization;
using System.Text;
using Luoshi.Domain.Policies;

namespace Luoshi.Application.Demo;

/// <summary>
/// The demo province's "8+4" economic policy system as the three import files: eight policy packages and four
/// lists of factor guarantees, each with a lead department, a budget and a few claimable measures, and a few
/// thousand synthetic enterprise cases in the counties since January of last year. Deterministic. Automatic
/// measures pay within days; applications take longer, and longer still in the lagging cities, where some claims
/// sit past their time limit.
/// </summary>
public static class DemoPolicies
{
    /// <summary>The holiday calendar the demo ships (China's public holidays and make-up workdays 2021–2026).</summary>
    public static string Holidays()
    {
        using var stream = typeof(DemoPolicies).Assembly.GetManifestResourceStream("Luoshi.Application.Policies.holidays-cn.csv")
            ?? throw new InvalidOperationException("the holiday calendar is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static readonly (string Package, string Lead, string[] Titles)[] Packages =
    [
        ("扩大有效投资", "FGW", ["扩大有效投资政策", "民间投资项目推进若干措施"]),
        ("科技创新", "KJT", ["科技创新政策", "高新技术企业培育办法"]),
        ("先进制造业集群", "JXT", ["先进制造业集群培育政策", "企业技术改造奖补办法"]),
        ("现代服务业", "SWT", ["现代服务业高质量发展政策"]),
        ("强港和交通强省", "JTT", ["世界一流强港和交通强省建设政策"]),
        ("扩大内需和对外开放", "SWT", ["扩大内需和对外开放政策", "稳外贸稳外资若干措施"]),
        ("乡村振兴和城乡一体", "NYNCT", ["乡村振兴和城乡一体化发展政策"]),
        ("保障和改善民生", "RST", ["稳就业促创业政策", "保障和改善民生政策"]),
        ("要素保障·财政", "CZT", ["财政要素保障清单"]),
        ("要素保障·自然资源", "ZRZYT", ["自然资源要素保障清单"]),
        ("要素保障·能源", "NYJ", ["能源要素保障清单"]),
        ("要素保障·人才", "RST", ["人才要素保障清单"]),
    ];

    private static readonly (string Title, string Kind, string Mode, int Limit)[] MeasureShapes =
    [
        ("技术改造设备投资奖补", "奖补", "申报", 15),
        ("研发费用加计扣除奖励", "奖补", "免申即享", 5),
        ("城镇土地使用税减免", "减免", "免申即享", 3),
        ("稳岗返还", "奖补", "免申即享", 5),
        ("首台(套)产品保险补偿", "奖补", "申报", 20),
        ("专精特新企业认定奖励", "资质", "即申即享", 5),
        ("出口信用保险保费补助", "奖补", "即申即享", 5),
        ("用能指标优先保障", "权益", "申报", 10),
        ("社保费阶段性缓缴", "减免", "即申即享", 3),
        ("高层次人才安家补贴", "奖补", "申报", 15),
    ];

    private static readonly string[] Trades = ["精密机械", "新材料", "电子科技", "生物医药", "智能装备", "纺织", "食品", "物流", "软件", "新能源"];
    private static readonly HashSet<string> Lagging = ["330300", "330800"];

    /// <summary>Policies CSV, measures CSV and cases CSV, each with the import header.</summary>
    public static (string Policies, string Measures, string Cases) Files(IReadOnlyList<(string County, string City, string Name)> counties, DateOnly today)
    {
        var policies = new StringBuilder("code,title,package,lead,issued,budget\n");
        var measures = new StringBuilder("code,policy,title,kind,mode,timeLimitDays,conditions\n");
        var measureList = new List<(string Code, string Mode, int Limit)>();
        int p = 0, m = 0;
        var start = new DateOnly(today.Year - 1, 1, 1);
        foreach (var (package, lead, titles) in Packages)
        {
            foreach (var title in titles)
            {
                p++;
                var code = string.Create(CultureInfo.InvariantCulture, $"ZC{p:D2}");
                uint h = Hash(code);
                var issued = start.AddDays((int)(h % 40));
                decimal budget = 8000 + (h % 9) * 1000;
                policies.Append(CultureInfo.InvariantCulture, $"{code},{title}(合成),{package},{lead},{issued:yyyy-MM-dd},{budget}\n");
                for (int k = 0; k < 2 + (int)(h % 3); k++)
                {
                    m++;
                    var shape = MeasureShapes[(h + (uint)(k * 7)) % MeasureShapes.Length];
                    var mc = string.Create(CultureInfo.InvariantCulture, $"{code}-{k + 1:D2}");
                    measures.Append(CultureInfo.InvariantCulture, $"{mc},{code},{shape.Title},{shape.Kind},{shape.Mode},{shape.Limit},符合条件的规上企业\n");
                    measureList.Add((mc, shape.Mode, shape.Limit));
                }
            }
        }

        var cases = new StringBuilder("measure,enterprise,name,org,applied,status,approvedAmount,paidOn,paidAmount\n");
        int days = today.DayNumber - start.DayNumber;
        int e = 0;
        foreach (var (county, city, countyName) in counties)
        {
            bool lagging = Lagging.Contains(city);
            int enterprises = 16 + (int)(Hash(county) % 10);
            for (int j = 0; j < enterprises; j++)
            {
                e++;
                uint eh = Hash(county + j);
                var first17 = string.Create(CultureInfo.InvariantCulture, $"913{county[1..]}MA{e:D5}{(char)('A' + (eh % 8))}{(char)('A' + ((eh >> 3) % 8))}");
                var credit = first17 + CreditCode.CheckCharacter(first17);
                var name = $"{countyName}{Trades[eh % Trades.Length]}有限公司";
                var used = new HashSet<string>(StringComparer.Ordinal);
                for (int c = 0; c < 1 + (int)((eh >> 5) % 3); c++)
                {
                    uint ch = Hash(credit + c);
                    var measure = measureList[(int)(ch % (uint)measureList.Count)];
                    var applied = start.AddDays((int)((ch >> 4) % (uint)days));
                    if (!used.Add($"{measure.Code}|{applied}"))
                    {
                        continue;
                    }

                    decimal approved = 2 + ((ch >> 9) % 60);
                    int extra = measure.Mode switch { "免申即享" => 0, "即申即享" => 1, _ => 3 };
                    int take = (int)((ch >> 13) % (uint)(measure.Limit + 1)) + ((ch >> 17) % (lagging ? 3u : 8u) == 0 ? measure.Limit / 2 + extra + 2 : 0);
                    var paidOn = applied.AddDays(take + (take / 5 * 2));
                    bool rejected = measure.Mode == "申报" && (ch >> 21) % 12 == 0;
                    string line;
                    if (rejected)
                    {
                        line = "rejected,,,";
                    }
                    else if (paidOn < today && (ch >> 25) % (lagging ? 6u : 20u) != 0)
                    {
                        line = string.Create(CultureInfo.InvariantCulture, $"paid,{approved},{paidOn:yyyy-MM-dd},{approved}");
                    }
                    else
                    {
                        line = measure.Mode == "申报" && (ch >> 27) % 2 == 0 ? "applied,,," : string.Create(CultureInfo.InvariantCulture, $"approved,{approved},,");
                    }

                    cases.Append(CultureInfo.InvariantCulture, $"{measure.Code},{credit},{name},{county},{applied:yyyy-MM-dd},{line}\n");
                }
            }
        }

        return (policies.ToString(), measures.ToString(), cases.ToString());
    }

    private static uint Hash(string s)
    {
        uint h = 2166136261;
        foreach (char c in s)
        {
            h = (h ^ c) * 16777619;
        }

        return h;
    }
}
