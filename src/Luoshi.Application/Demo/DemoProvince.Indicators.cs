using Luoshi.Application.Indicators;
using Luoshi.Application.Spreadsheets;

namespace Luoshi.Application.Demo;

public static partial class DemoProvince
{
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
        // Computed from the policy cases (Policies/PolicyDeliveryFeed): rates at the month's end, never added up the tree.
        Ind("POLICY_PAYOUT_RATE", "惠企政策兑现率", "%", "higher", "month", "level", "none", "2"),
        Ind("POLICY_DAYS_TO_PAY", "惠企政策平均兑现时长", "工作日", "lower", "month", "level", "none", "1"),
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
}
