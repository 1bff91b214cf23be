using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Luoshi.Application.Data;
using Luoshi.Application.Evaluation;
using Luoshi.Application.Projects;
using Luoshi.Application.Reporting;
using Luoshi.Domain.Assessment;
using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Assessment;

/// <summary>A scheme scored: the ranked results (with last year's for comparison) and what a stored run records of it.</summary>
public sealed record ScoredScheme(IReadOnlyList<UnitResultView> Results, RunRecord Record, Period Period);

/// <summary>
/// Scores a scheme on the data: gathers each criterion's inputs (indicator evaluation, project metrics, reporting
/// timeliness, manual scores), scores, ranks and grades them (<see cref="Scoring"/>), and hashes the scheme with
/// every input it read. What the preview, a run, an appeal and a verification share; it checks no permission,
/// the use cases do.
/// </summary>
public sealed class AssessmentScorer(LuoshiDbContext db, Evaluate evaluate, ProjectQueries projects, TimelinessReport timeliness)
{
    /// <summary>Scores <paramref name="scheme"/> as of a date (by default its period's due date), with last year's published results beside.</summary>
    public async Task<ScoredScheme> Score(Scheme scheme, DateOnly? asOf, CancellationToken ct)
    {
        var (results, inputs, hash, period, date) = await Gather(scheme, asOf, ct);
        var withLastYear = await WithLastYear(scheme, results, ct);
        return new ScoredScheme(withLastYear, new RunRecord(JsonSerializer.Serialize(withLastYear, SchemeJson.Options), inputs, hash, date), period);
    }

    /// <summary>The hash of the inputs <paramref name="scheme"/> reads as of <paramref name="asOf"/> now.</summary>
    public async Task<string> Hash(Scheme scheme, DateOnly asOf, CancellationToken ct) => (await Gather(scheme, asOf, ct)).Hash;

    private async Task<(IReadOnlyList<UnitResult> Results, string Inputs, string Hash, Period Period, DateOnly AsOf)> Gather(Scheme scheme, DateOnly? asOf, CancellationToken ct)
    {
        Scoring.Validate(scheme);
        var period = string.IsNullOrWhiteSpace(scheme.Period) ? Period.OfMonth(scheme.Year, 12) : Period.TryParse(scheme.Period, out var p, out var error) ? p : throw new DomainException("period", error);
        var date = asOf ?? period.DueDate();
        var units = await db.OrgUnits.AsNoTracking().Where(u => scheme.Group.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, StringComparer.Ordinal, ct);
        var unknown = scheme.Group.FirstOrDefault(g => !units.ContainsKey(g));
        if (unknown is not null)
        {
            throw new DomainException("group", new Text($"单位 {unknown} 不存在", $"org unit {unknown} does not exist"));
        }

        EvaluationResult? evaluation = null;
        IReadOnlyList<ProjectSummaryRow>? projectRows = null;
        TimelinessView? onTime = null;
        var gathered = new Dictionary<string, IReadOnlyList<CriterionInput>>(StringComparer.Ordinal);
        foreach (var c in scheme.Criteria)
        {
            var inputs = new List<CriterionInput>();
            bool lowerByMethod = string.Equals(c.Method.Direction, "lower", StringComparison.OrdinalIgnoreCase);
            if (c.Indicator is { } code)
            {
                // A run is kept and verified later against the same data: it is judged on the latest, never on a reader's lagging view.
                evaluation ??= (await evaluate.Run(new Evaluate.Query(period.ToString(), AsOf: date), ct, latest: true)).Result;
                var indicator = await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Code == code, ct)
                    ?? throw new DomainException("criteria", new Text($"{c.Code}:指标 {code} 不存在", $"{c.Code}: indicator {code} does not exist"));
                foreach (var org in scheme.Group)
                {
                    var row = evaluation.Find(code, org);
                    double? value = row is not { } r ? null : (c.Measure ?? "actual") switch
                    {
                        "completion" => r.Completion * 100,
                        "yoy" => r.Yoy ?? r.YoyPoints,
                        "gapToNational" => r.GapToNational,
                        _ => r.Actual,
                    };
                    double? expected = row is not { } e ? null : (c.Measure ?? "actual") == "actual" ? e.Expected : null;
                    var unit = (c.Measure ?? "actual") switch { "completion" => "%", "yoy" => indicator.Unit == "%" ? "个百分点" : "%", _ => indicator.Unit };
                    inputs.Add(new CriterionInput(org, units[org], Round(value), Round(expected), lowerByMethod || indicator.Direction == Direction.Lower, unit, row?.ReasonZh) { NoteEn = row?.ReasonEn });
                }
            }
            else if (c.Source is "projects.startRate" or "projects.completionRate")
            {
                projectRows ??= await projects.Summary(scheme.Year, date, null, false, ct);
                foreach (var org in scheme.Group)
                {
                    var row = projectRows.FirstOrDefault(r => r.Org == org);
                    var value = row is null ? null : c.Source == "projects.startRate" ? row.StartRate : row.CompletionRate;
                    inputs.Add(new CriterionInput(org, units[org], Round(value), 100, false, "%", row?.Reason));
                }
            }
            else if (c.Source == "reporting.onTime")
            {
                onTime ??= await timeliness.Handle(Period.OfMonth(period.Year, 1).ToString(), period.EndMonthPeriod.ToString(), null, date, ct);
                foreach (var org in scheme.Group)
                {
                    var row = onTime.Units.FirstOrDefault(u => u.Org == org);
                    int judged = row is null ? 0 : row.OnTime + row.Late + row.Missing;
                    inputs.Add(new CriterionInput(org, units[org], judged == 0 ? null : Round(100.0 * row!.OnTime / judged), 100, false, "%", row is null ? null : $"按时{row.OnTime}、迟报{row.Late}、未报{row.Missing}"));
                }
            }
            else if (c.Source == "manual")
            {
                foreach (var org in scheme.Group)
                {
                    var score = c.Scores?.FirstOrDefault(s => s.Org == org);
                    inputs.Add(new CriterionInput(org, units[org], score is null ? null : (double)score.Points, (double)c.Points, false, "分", score?.Evidence));
                }
            }
            else
            {
                throw new DomainException("criteria", new Text($"{c.Code}:须给出 indicator,或 source 为 projects.startRate、projects.completionRate、reporting.onTime、manual", $"{c.Code}: give an indicator or a known source"));
            }

            gathered[c.Code] = inputs;
        }

        var results = Scoring.Run(scheme, c => gathered[c.Code]);

        // The text hashed is the text stored: the scheme as scored (appeals included), the period, the date and every input.
        var inputsJson = JsonSerializer.Serialize(new { scheme, period = period.ToString(), asOf = date, inputs = gathered.OrderBy(g => g.Key, StringComparer.Ordinal) }, SchemeJson.Options);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(inputsJson)));
        return (results, inputsJson, hash, period, date);
    }

    /// <summary>Adds each unit's score and rank in the latest published run of the same scheme a year earlier.</summary>
    private async Task<IReadOnlyList<UnitResultView>> WithLastYear(Scheme scheme, IReadOnlyList<UnitResult> results, CancellationToken ct)
    {
        var lastIds = await db.AssessmentSchemes.AsNoTracking().Where(s => s.Name == scheme.Name && s.Year == scheme.Year - 1).Select(s => s.Id).ToListAsync(ct);
        var last = await db.AssessmentRuns.AsNoTracking().Where(r => lastIds.Contains(r.SchemeVersionId) && r.State == RunState.Published).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        var before = last is null ? [] : AssessmentViews.Results(last).ToDictionary(r => r.Org, StringComparer.Ordinal);
        return [.. results.Select(r => new UnitResultView(r.Org, r.OrgName, r.Score, r.Rank, r.Grade, r.Vetoed, r.VetoReason, r.Criteria, r.Adjustments,
            before.GetValueOrDefault(r.Org)?.Score, before.GetValueOrDefault(r.Org)?.Rank))];
    }

    private static double? Round(double? v) => v is { } x ? Math.Round(x, 6) : null;
}
