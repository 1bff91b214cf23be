using System.Globalization;
using Luoshi.Application.Organization;
using Luoshi.Application.Spreadsheets;

namespace Luoshi.Application.Demo;

/// <summary>
/// A fictional province, 之江省: 11 cities, 89 counties, provincial departments, reference units, the
/// 八八战略 plan tree with ten programmes, about forty indicators, their targets and readings from 2021.
/// Every figure is synthetic. Values come from hashes of fixed keys (indicator code, unit, period), never
/// from a clock or a shared random stream, so every run and every subset of rows is identical.
/// </summary>
public static partial class DemoProvince
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
}
