using System.Globalization;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Assessment;
using Luoshi.Domain.Common;

namespace Luoshi.Application.Assessment;

/// <summary>
/// A run as people take it away: a workbook with the ranking (排名) and every criterion of every unit (得分明细),
/// and how a criterion's source and method read in words — shared by the export and the pages.
/// </summary>
public static class AssessmentWorkbook
{
    public const string RankingSheet = "排名 ranking";
    public const string BreakdownSheet = "得分明细 breakdown";

    public static byte[] Write(AssessmentResult run, Scheme scheme)
    {
        var criteria = scheme.Criteria.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var ranking = new Xlsx.SheetSpec(RankingSheet,
        [
            new("名次 rank", 9), new("单位代码 org", 12), new("单位 unit", 14), new("总分 score", 11), new("等次 grade", 10),
            new("一票否决 veto", 24), new("加减分 adjustments", 36), new("上年名次 last rank", 12), new("上年得分 last score", 12), new("得分变化 change", 12),
        ],
        run.Results.Select(r => (IReadOnlyList<object?>)
        [
            r.Rank, r.Org, r.OrgName, r.Score, r.Grade, r.Vetoed ? r.VetoReason ?? "一票否决" : null,
            r.Adjustments.Count == 0 ? null : string.Join(";", r.Adjustments.Select(a => $"{a.Points.ToString("+0.##;-0.##", CultureInfo.InvariantCulture)} {a.Reason}")),
            r.LastYearRank, r.LastYearScore, r.LastYearScore is { } last ? r.Score - last : null,
        ]));
        var breakdown = new Xlsx.SheetSpec(BreakdownSheet,
        [
            new("单位代码 org", 12), new("单位 unit", 14), new("类别 category", 12), new("代码 code", 8), new("考核指标 criterion", 22), new("来源 source", 28),
            new("原始值 value", 12), new("方法 method", 30), new("得分 points", 10), new("满分 of", 8), new("说明 explanation", 80),
        ],
        run.Results.SelectMany(r => r.Criteria.Select(c => (IReadOnlyList<object?>)
        [
            r.Org, r.OrgName, c.Category, c.Code, c.Name, criteria.TryGetValue(c.Code, out var k) ? Source(k).ToString() : null,
            c.Value, criteria.TryGetValue(c.Code, out var m) ? Method(m).ToString() : null, c.Points, c.MaxPoints, c.Explanation.ToString(),
        ])));
        return Xlsx.WriteBook([ranking, breakdown],
            $"{run.Scheme} 第{run.SchemeVersion}版 · 考核期 {run.Period} · 截至 {run.AsOf:yyyy-MM-dd} · 输入哈希 SHA-256 {run.InputsHash}");
    }

    /// <summary>Where a criterion's value comes from, as "zh / en".</summary>
    public static Text Source(Criterion c) => c.Indicator is { } code
        ? (c.Measure ?? "actual") switch
        {
            "completion" => new Text($"指标 {code} 完成率", $"indicator {code}, completion"),
            "yoy" => new Text($"指标 {code} 同比", $"indicator {code}, year-on-year"),
            "gapToNational" => new Text($"指标 {code} 与全国差距", $"indicator {code}, gap to national"),
            _ => new Text($"指标 {code} 实际值", $"indicator {code}, actual"),
        }
        : c.Source switch
        {
            "projects.startRate" => new Text("重大项目开工率", "major projects: start rate"),
            "projects.completionRate" => new Text("重大项目投资完成率", "major projects: investment completion"),
            "reporting.onTime" => new Text("数据报送及时率", "reporting on time"),
            "manual" => new Text("人工评分(附依据)", "manual scores with evidence"),
            var s => Text.Same(s ?? "–"),
        };

    /// <summary>The scoring method with its parameters, as "zh / en".</summary>
    public static Text Method(Criterion c)
    {
        var m = c.Method;
        return m.Type switch
        {
            "attainment" => new Text($"完成度法:分值×min(实际÷目标, {N(m.Cap ?? 1)})", $"attainment: points × min(actual ÷ expected, {N(m.Cap ?? 1)})"),
            "linear" => new Text($"线性法:{N(m.Floor)}得0分,{N(m.Ceiling)}得满分", $"linear: {N(m.Floor)} → 0, {N(m.Ceiling)} → full"),
            "rank" => new Text($"排名法:第1名满分,末名得{N((m.LastShare ?? 0) * 100)}%", $"rank: first full, last {N((m.LastShare ?? 0) * 100)}%"),
            "tiers" => new Text($"分档法:{string.Join(",", (m.Tiers ?? []).Select(t => $"{N(t.Threshold)}档得{t.Points:0.##}分"))}", $"tiers: {string.Join(", ", (m.Tiers ?? []).Select(t => $"{N(t.Threshold)} → {t.Points:0.##}"))}"),
            var t => Text.Same(t),
        };
    }

    private static string N(double? v) => v is { } x ? x.ToString("0.##", CultureInfo.InvariantCulture) : "–";
}
