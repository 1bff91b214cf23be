using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Luoshi.Application.Common;
using Luoshi.Application.Evaluation;
using Luoshi.Application.Projects;
using Luoshi.Application.Reporting;
using Luoshi.Domain.Assessment;
using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Assessment;

public sealed record AssessmentResult(int? RunId, string Scheme, int Year, int? SchemeVersion, string Period, DateOnly AsOf, string InputsHash, RunState? State, IReadOnlyList<UnitResultView> Results);

public sealed record UnitResultView(string Org, string OrgName, decimal Score, int Rank, string Grade, bool Vetoed, string? VetoReason, IReadOnlyList<CriterionScore> Criteria, IReadOnlyList<Adjustment> Adjustments, decimal? LastYearScore, int? LastYearRank);

/// <summary>
/// Computes an assessment from a scheme: gathers each criterion's inputs (indicator evaluation, project
/// metrics, reporting timeliness, manual scores), scores, ranks and grades, and hashes scheme and inputs.
/// Stores runs, publishes them (frozen), verifies them by recomputation, and turns an accepted appeal into a
/// new version that supersedes the old.
/// </summary>
public sealed class Assess(Data.LuoshiDbContext db, Evaluate evaluate, ProjectQueries projects, TimelinessReport timeliness, ICurrentActor actor, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Scheme ParseScheme(string json)
    {
        Scheme? scheme;
        try
        {
            scheme = JsonSerializer.Deserialize<Scheme>(json, Json);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) ? "scheme" : e.Path.TrimStart('$', '.');
            var line = e.LineNumber is { } n ? $"第{n + 1}行" : string.Empty;
            throw new DomainException(field, $"方案JSON有误:{line}{(field == "scheme" ? "无法读取" : $" {field} 的值类型或格式不对")} / the scheme JSON is invalid: {Parsing.Clip(e.Message)}");
        }

        return scheme ?? throw new DomainException("scheme", "方案为空 / the scheme is empty");
    }

    /// <summary>Computes without storing (the CLI's assess, a preview).</summary>
    public async Task<AssessmentResult> Compute(Scheme scheme, DateOnly? asOf, CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.ReadAll);
        var (results, _, hash, period, date) = await Score(scheme, asOf, ct);
        return new AssessmentResult(null, scheme.Name, scheme.Year, null, period.ToString(), date, hash, null, await WithLastYear(scheme, results, ct));
    }

    /// <summary>Stores the scheme (a new version when it changed) and a draft run of it.</summary>
    public async Task<AssessmentResult> Run(string schemeJson, DateOnly? asOf, CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.ManageTargets);
        var scheme = ParseScheme(schemeJson);
        Scoring.Validate(scheme);
        var canonical = JsonSerializer.Serialize(scheme, Json);
        var latest = await db.AssessmentSchemes.Where(s => s.Name == scheme.Name && s.Year == scheme.Year).OrderByDescending(s => s.Version).FirstOrDefaultAsync(ct);
        var version = latest is not null && latest.Json == canonical ? latest : new SchemeVersion
        {
            Name = scheme.Name, Year = scheme.Year, Version = (latest?.Version ?? 0) + 1, Json = canonical, CreatedAt = clock.GetUtcNow(), CreatedBy = actor.Name,
        };
        var (results, inputs, hash, period, date) = await Score(scheme, asOf, ct);
        if (version.Id == 0)
        {
            db.AssessmentSchemes.Add(version);
            await db.SaveChangesAsync(ct);
        }

        var withLastYear = await WithLastYear(scheme, results, ct);
        var run = new AssessmentRun
        {
            SchemeVersionId = version.Id,
            State = RunState.Draft, ResultJson = JsonSerializer.Serialize(withLastYear, Json), InputsJson = inputs, InputsHash = hash, AsOf = date,
            CreatedAt = clock.GetUtcNow(), CreatedBy = actor.Name, Version = 1,
        };
        db.AssessmentRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return View(run, version);
    }

    public async Task<AssessmentResult> Get(int id, CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.ReadAll);
        var run = await db.AssessmentRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("考核结果/assessment run", Inv(id));
        return View(run, await db.AssessmentSchemes.AsNoTracking().SingleAsync(s => s.Id == run.SchemeVersionId, ct));
    }

    public async Task<AssessmentResult> Publish(int id, CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.ManageTargets);
        var run = await db.AssessmentRuns.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("考核结果/assessment run", Inv(id));
        if (run.State != RunState.Draft)
        {
            throw new DomainConflictException("state", "已发布的结果不能再改 / a published result is frozen");
        }

        run.State = RunState.Published;
        run.PublishedAt = clock.GetUtcNow();
        run.PublishedBy = actor.Name;
        run.Version++;
        await db.SaveChangesAsync(ct);
        return View(run, await db.AssessmentSchemes.AsNoTracking().SingleAsync(s => s.Id == run.SchemeVersionId, ct));
    }

    /// <summary>Recomputes a run from its scheme version as of its date; the same inputs must give the same hash.</summary>
    public async Task<(bool Same, string Stored, string Recomputed)> Verify(int id, CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.ReadAll);
        var run = await db.AssessmentRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("考核结果/assessment run", Inv(id));
        var version = await db.AssessmentSchemes.AsNoTracking().SingleAsync(s => s.Id == run.SchemeVersionId, ct);
        var scheme = WithAppeals(ParseScheme(version.Json), run);
        var (_, _, hash, _, _) = await Score(scheme, run.AsOf, ct);
        return (hash == run.InputsHash, run.InputsHash, hash);
    }

    /// <summary>
    /// 申诉: a unit's appeal, once reviewed and accepted, becomes an adjustment in a new published version; the
    /// old version is kept, marked superseded.
    /// </summary>
    public async Task<AssessmentResult> AcceptAppeal(int id, string? org, decimal? points, string? reason, CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.ManageTargets);
        var run = await db.AssessmentRuns.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("考核结果/assessment run", Inv(id));
        if (run.State != RunState.Published)
        {
            throw new DomainConflictException("state", "只能对已发布的结果申诉 / only a published result can be appealed");
        }

        if (string.IsNullOrWhiteSpace(reason) || points is null || string.IsNullOrWhiteSpace(org))
        {
            throw new DomainException("reason", "申诉须写明单位、分值与理由 / an appeal needs the unit, the points and the reason");
        }

        var version = await db.AssessmentSchemes.AsNoTracking().SingleAsync(s => s.Id == run.SchemeVersionId, ct);
        var appeals = AppealsOf(run).Append(new Adjustment(org.Trim(), points.Value, "申诉 / appeal: " + reason.Trim())).ToList();
        var scheme = ParseScheme(version.Json);
        if (!scheme.Group.Contains(org.Trim()))
        {
            throw new DomainException("org", $"{org} 不在考核对象中 / {org} is not in the assessed group");
        }

        var (results, inputs, hash, _, date) = await Score(scheme with { Adjustments = [.. scheme.Adjustments ?? [], .. appeals] }, run.AsOf, ct);
        var next = new AssessmentRun
        {
            SchemeVersionId = run.SchemeVersionId, State = RunState.Published, ResultJson = JsonSerializer.Serialize(await WithLastYear(scheme, results, ct), Json), InputsJson = inputs, InputsHash = hash, AsOf = date,
            CreatedAt = clock.GetUtcNow(), CreatedBy = actor.Name, PublishedAt = clock.GetUtcNow(), PublishedBy = actor.Name, SupersedesId = run.Id,
            AppealReason = JsonSerializer.Serialize(appeals, Json), Version = 1,
        };
        run.State = RunState.Superseded;
        run.Version++;
        db.AssessmentRuns.Add(next);
        await db.SaveChangesAsync(ct);
        return View(next, version);
    }

    private static IEnumerable<Adjustment> AppealsOf(AssessmentRun run) =>
        run.AppealReason is { } json ? JsonSerializer.Deserialize<List<Adjustment>>(json, Json) ?? [] : [];

    private static Scheme WithAppeals(Scheme scheme, AssessmentRun run) =>
        run.AppealReason is null ? scheme : scheme with { Adjustments = [.. scheme.Adjustments ?? [], .. AppealsOf(run)] };

    private async Task<(IReadOnlyList<UnitResult> Results, string Inputs, string Hash, Period Period, DateOnly AsOf)> Score(Scheme scheme, DateOnly? asOf, CancellationToken ct)
    {
        Scoring.Validate(scheme);
        var period = string.IsNullOrWhiteSpace(scheme.Period) ? Period.OfMonth(scheme.Year, 12) : Period.TryParse(scheme.Period, out var p, out var error) ? p : throw new DomainException("period", error);
        var date = asOf ?? period.DueDate();
        var units = await db.OrgUnits.AsNoTracking().Where(u => scheme.Group.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, StringComparer.Ordinal, ct);
        var unknown = scheme.Group.FirstOrDefault(g => !units.ContainsKey(g));
        if (unknown is not null)
        {
            throw new DomainException("group", $"单位 {unknown} 不存在 / org unit {unknown} does not exist");
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
                    ?? throw new DomainException("criteria", $"{c.Code}:指标 {code} 不存在 / indicator {code} does not exist");
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
                    inputs.Add(new CriterionInput(org, units[org], Round(value), Round(expected), lowerByMethod || indicator.Direction == Direction.Lower, unit, row?.ReasonZh));
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
                throw new DomainException("criteria", $"{c.Code}:须给出 indicator,或 source 为 projects.startRate、projects.completionRate、reporting.onTime、manual / give an indicator or a known source");
            }

            gathered[c.Code] = inputs;
        }

        var results = Scoring.Run(scheme, c => gathered[c.Code]);
        var inputsJson = JsonSerializer.Serialize(new { scheme, period = period.ToString(), asOf = date, inputs = gathered.OrderBy(g => g.Key, StringComparer.Ordinal) }, Json);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(inputsJson)));
        return (results, inputsJson, hash, period, date);
    }

    private async Task<IReadOnlyList<UnitResultView>> WithLastYear(Scheme scheme, IReadOnlyList<UnitResult> results, CancellationToken ct)
    {
        var lastIds = await db.AssessmentSchemes.AsNoTracking().Where(s => s.Name == scheme.Name && s.Year == scheme.Year - 1).Select(s => s.Id).ToListAsync(ct);
        var last = await db.AssessmentRuns.AsNoTracking().Where(r => lastIds.Contains(r.SchemeVersionId) && r.State == RunState.Published).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        var before = last is null ? [] : (JsonSerializer.Deserialize<List<UnitResultView>>(last.ResultJson, Json) ?? []).ToDictionary(r => r.Org, StringComparer.Ordinal);
        return [.. results.Select(r => new UnitResultView(r.Org, r.OrgName, r.Score, r.Rank, r.Grade, r.Vetoed, r.VetoReason, r.Criteria, r.Adjustments,
            before.GetValueOrDefault(r.Org)?.Score, before.GetValueOrDefault(r.Org)?.Rank))];
    }

    private static AssessmentResult View(AssessmentRun run, SchemeVersion version) => new(
        run.Id, version.Name, version.Year, version.Version, JsonDocument.Parse(run.InputsJson).RootElement.GetProperty("period").GetString()!, run.AsOf, run.InputsHash, run.State,
        JsonSerializer.Deserialize<List<UnitResultView>>(run.ResultJson, Json) ?? []);

    private static double? Round(double? v) => v is { } x ? Math.Round(x, 6) : null;

    private static string Inv(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
