using System.Globalization;
using Luoshi.Domain.Common;

namespace Luoshi.Domain.Assessment;

/// <summary>What a criterion reads for one unit: the value, what was expected of it, and how to say it.</summary>
public sealed record CriterionInput(string Org, string OrgName, double? Value, double? Expected, bool LowerIsBetter, string Unit, string? Note)
{
    /// <summary>The note in English. Not part of the inputs as stored and hashed (those keep the Chinese note alone).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? NoteEn { get; init; }
}

public sealed record CriterionScore(string Code, string Name, string? Category, decimal Points, decimal MaxPoints, double? Value, Text Explanation);

public sealed record UnitResult(string Org, string OrgName, decimal Score, int Rank, string Grade, bool Vetoed, IReadOnlyList<CriterionScore> Criteria, IReadOnlyList<Adjustment> Adjustments, string? VetoReason);

/// <summary>
/// The scoring methods, pure: attainment (points × min(actual ÷ expected, cap); expected ÷ actual when lower is
/// better), linear (floor → 0, ceiling → full points), rank (first full, last lastShare × points, linear between;
/// ties share the better rank) and tiers (thresholds → points). A unit without a value scores 0, and says so.
/// </summary>
public static class Scoring
{
    public static IReadOnlyList<UnitResult> Run(Scheme scheme, Func<Criterion, IReadOnlyList<CriterionInput>> inputs)
    {
        Validate(scheme);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var perUnit = scheme.Group.ToDictionary(o => o, _ => new List<CriterionScore>(), StringComparer.Ordinal);
        foreach (var criterion in scheme.Criteria)
        {
            var rows = inputs(criterion).Where(i => perUnit.ContainsKey(i.Org)).ToDictionary(i => i.Org, StringComparer.Ordinal);
            foreach (var i in rows.Values)
            {
                names[i.Org] = i.OrgName;
            }

            var ranks = criterion.Method.Type == "rank" ? Ranks(rows.Values) : null;
            int ranked = ranks?.Count ?? 0;
            foreach (var org in scheme.Group)
            {
                perUnit[org].Add(rows.TryGetValue(org, out var input) && input.Value is not null
                    ? Score(criterion, input, ranks?.GetValueOrDefault(org), ranked)
                    : new CriterionScore(criterion.Code, criterion.Name, criterion.Category, 0, criterion.Points, null, new Text($"{criterion.Name}无数据,得0分", $"{criterion.Name}: no value, 0 points")));
            }
        }

        var adjustments = scheme.Adjustments ?? [];
        var vetoes = (scheme.Veto ?? []).ToDictionary(v => v.Org, v => v.Reason, StringComparer.Ordinal);
        var scored = scheme.Group.Select(org =>
        {
            var own = adjustments.Where(a => a.Org == org).ToList();
            decimal bonus = own.Where(a => a.Points > 0).Sum(a => a.Points);
            decimal deduction = own.Where(a => a.Points < 0).Sum(a => -a.Points);
            bonus = scheme.BonusCap is { } bc ? Math.Min(bonus, bc) : bonus;
            deduction = scheme.DeductionCap is { } dc ? Math.Min(deduction, dc) : deduction;
            var score = Math.Round(perUnit[org].Sum(c => c.Points) + bonus - deduction, 2);
            return (Org: org, Score: score, Adjustments: own);
        }).ToList();

        // Ties share the better rank: 1, 1, 3.
        var ordered = scored.OrderByDescending(s => s.Score).ToList();
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < ordered.Count; i++)
        {
            rank[ordered[i].Org] = i > 0 && ordered[i].Score == ordered[i - 1].Score ? rank[ordered[i - 1].Org] : i + 1;
        }

        return [.. ordered.Select(s =>
        {
            bool vetoed = vetoes.TryGetValue(s.Org, out var reason);
            var grade = vetoed ? scheme.VetoGrade ?? "不合格" : Grade(scheme.Grades, s.Score, rank[s.Org], scheme.Group.Count);
            return new UnitResult(s.Org, names.GetValueOrDefault(s.Org, s.Org), s.Score, rank[s.Org], grade, vetoed, perUnit[s.Org], s.Adjustments, reason);
        })];
    }

    public static void Validate(Scheme scheme)
    {
        if (string.IsNullOrWhiteSpace(scheme.Name))
        {
            throw new DomainException("name", new Text("方案名称不能为空", "the scheme needs a name"));
        }

        if (scheme.Group is not { Count: > 0 })
        {
            throw new DomainException("group", new Text("考核对象不能为空", "the group of units is empty"));
        }

        if (scheme.Criteria is not { Count: > 0 })
        {
            throw new DomainException("criteria", new Text("至少需要一项考核指标", "at least one criterion is needed"));
        }

        if (scheme.Grades is not { Count: > 0 })
        {
            throw new DomainException("grades", new Text("至少需要一个等次", "at least one grade is needed"));
        }

        foreach (var c in scheme.Criteria)
        {
            if (c.Points <= 0)
            {
                throw new DomainException("criteria", new Text($"{c.Code} 的分值须为正", $"the points of {c.Code} must be positive"));
            }

            switch (c.Method?.Type)
            {
                case "attainment":
                    break;
                case "linear" when c.Method.Floor is not null && c.Method.Ceiling is not null && c.Method.Floor != c.Method.Ceiling:
                    break;
                case "rank" when c.Method.LastShare is null or (>= 0 and <= 1):
                    break;
                case "tiers" when c.Method.Tiers is { Count: > 0 }:
                    break;
                case "linear":
                    throw new DomainException("criteria", new Text($"{c.Code}:线性法需要不同的 floor 和 ceiling", $"{c.Code}: linear needs distinct floor and ceiling"));
                case "rank":
                    throw new DomainException("criteria", new Text($"{c.Code}:lastShare 须在0–1之间", $"{c.Code}: lastShare must be 0–1"));
                case "tiers":
                    throw new DomainException("criteria", new Text($"{c.Code}:分档法需要 tiers", $"{c.Code}: tiers needs its tiers"));
                default:
                    throw new DomainException("criteria", new Text($"{c.Code}:评分方法须为 attainment、linear、rank 或 tiers", $"{c.Code}: the method must be attainment, linear, rank or tiers"));
            }
        }

        var codes = scheme.Criteria.GroupBy(c => c.Code).FirstOrDefault(g => g.Count() > 1);
        if (codes is not null)
        {
            throw new DomainException("criteria", new Text($"指标代码 {codes.Key} 重复", $"criterion {codes.Key} appears twice"));
        }
    }

    private static CriterionScore Score(Criterion c, CriterionInput i, int? rank, int ranked)
    {
        double v = i.Value!.Value;
        var m = c.Method;
        double share;
        Text how;
        switch (m.Type)
        {
            case "attainment":
                if (i.Expected is not { } expected || expected == 0 || (i.LowerIsBetter && v == 0))
                {
                    return new CriterionScore(c.Code, c.Name, c.Category, 0, c.Points, v, new Text($"{c.Name}{F(v)}{i.Unit},无可比目标,得0分", $"{c.Name} {F(v)} {i.Unit}: no expected value to compare, 0 points"));
                }

                double ratio = i.LowerIsBetter ? expected / v : v / expected;
                share = Math.Max(0, Math.Min(ratio, m.Cap ?? 1.0));
                how = new Text($"完成目标{ratio * 100:0.#}%(目标{F(expected)}{i.Unit})", $"{ratio * 100:0.#}% of the expected {F(expected)}");
                break;
            case "linear":
                share = Math.Clamp((v - m.Floor!.Value) / (m.Ceiling!.Value - m.Floor.Value), 0, 1);
                how = new Text($"介于{F(m.Floor.Value)}(0分)与{F(m.Ceiling.Value)}(满分)之间", $"between {F(m.Floor.Value)} (0) and {F(m.Ceiling.Value)} (full)");
                break;
            case "rank":
                double last = m.LastShare ?? 0;
                share = ranked <= 1 ? 1 : 1 - ((1 - last) * (rank!.Value - 1) / (ranked - 1));
                how = new Text($"组内第{rank}名(共{ranked})", $"rank {rank} of {ranked}");
                break;
            default:
                var tiers = m.Tiers!.OrderBy(t => i.LowerIsBetter ? t.Threshold : -t.Threshold).ToList();
                var tier = tiers.FirstOrDefault(t => i.LowerIsBetter ? v <= t.Threshold : v >= t.Threshold);
                var tierPoints = Math.Min(tier?.Points ?? 0, c.Points);
                return new CriterionScore(c.Code, c.Name, c.Category, tierPoints, c.Points, v,
                    new Text($"{c.Name}{F(v)}{i.Unit},{(tier is null ? "未达最低档" : $"达到{F(tier.Threshold)}档")},得{tierPoints:0.0#}分", $"{c.Name} {F(v)} {i.Unit}: {(tier is null ? "below every tier" : $"tier {F(tier.Threshold)}")}, {tierPoints:0.0#} points"));
        }

        decimal points = Math.Round(c.Points * (decimal)share, 2);
        return new CriterionScore(c.Code, c.Name, c.Category, points, c.Points, v,
            new Text($"{c.Name}{F(v)}{i.Unit},{how.Zh},得{points:0.0#}分{(i.Note is null ? "" : ";" + i.Note)}", $"{c.Name} {F(v)} {i.Unit}: {how.En}, {points:0.0#} of {c.Points:0.##} points{((i.NoteEn ?? i.Note) is { } note ? "; " + note : "")}"));
    }

    /// <summary>Competition ranking in the good direction; equal values share the better rank.</summary>
    private static Dictionary<string, int> Ranks(IEnumerable<CriterionInput> rows)
    {
        var valued = rows.Where(r => r.Value is not null).ToList();
        bool lower = valued.FirstOrDefault()?.LowerIsBetter ?? false;
        var ordered = (lower ? valued.OrderBy(r => r.Value) : valued.OrderByDescending(r => r.Value)).ToList();
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < ordered.Count; i++)
        {
            ranks[ordered[i].Org] = i > 0 && ordered[i].Value == ordered[i - 1].Value ? ranks[ordered[i - 1].Org] : i + 1;
        }

        return ranks;
    }

    private static string Grade(IReadOnlyList<GradeBand> grades, decimal score, int rank, int groupSize) => GradeOf(grades, score, rank, groupSize).Band.Name;

    /// <summary>
    /// How a unit's grade was decided, for the reader: the veto that set it, or the band it met (by score or by its
    /// rank within the share of the group).
    /// </summary>
    public static Text ExplainGrade(Scheme scheme, decimal score, int rank, string? vetoReason)
    {
        var vetoGrade = scheme.VetoGrade ?? "不合格";
        if (vetoReason is not null)
        {
            return new Text($"一票否决({vetoReason}),等次定为{vetoGrade}", $"vetoed ({vetoReason}): graded {vetoGrade} whatever the score");
        }

        var (band, byScore, places) = GradeOf(scheme.Grades, score, rank, scheme.Group.Count);
        return byScore && band.MinScore is { } min
            ? new Text($"得分{score:0.00}不低于{band.Name}线{min:0.##}分", $"score {score:0.00} is at least the {band.Name} line of {min:0.##}")
            : band.TopShare is { } top && places > 0 && rank <= places
                ? new Text($"第{rank}名,在组内前{top * 100:0.#}%(前{places}名)之内,评为{band.Name}", $"rank {rank} is within the top {top * 100:0.#}% of the group (the first {places}): {band.Name}")
                : new Text($"未达更高等次的条件,评为{band.Name}", $"meets no higher band: {band.Name}");
    }

    private static (GradeBand Band, bool ByScore, int Places) GradeOf(IReadOnlyList<GradeBand> grades, decimal score, int rank, int groupSize)
    {
        // Score bands from the highest minimum down, then share bands from the smallest share up, then a catch-all.
        var order = grades.Where(g => g.MinScore is not null).OrderByDescending(g => g.MinScore)
            .Concat(grades.Where(g => g.MinScore is null && g.TopShare is not null).OrderBy(g => g.TopShare))
            .Concat(grades.Where(g => g.MinScore is null && g.TopShare is null));
        foreach (var band in order)
        {
            bool byScore = band.MinScore is { } min && score >= min;
            int places = band.TopShare is { } top ? Math.Max(1, (int)Math.Floor(top * groupSize)) : 0;
            bool byShare = band.TopShare is not null && rank <= places;
            if (byScore || byShare || (band.MinScore is null && band.TopShare is null))
            {
                return (band, byScore, places);
            }
        }

        return (grades[^1], false, 0);
    }

    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
