using Luoshi.Application.Common;
using Luoshi.Application.Evaluation;
using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Reporting;

public sealed record ReportProblem(string Indicator, RuleSeverity Severity, Text Message, bool Explained);

public sealed record ReportTransitionView(ReportState From, ReportState To, string Actor, DateTimeOffset At, string? Comment, bool OnBehalf);

public sealed record ReportView(
    string Org,
    string OrgName,
    string Period,
    ReportState State,
    DateOnly DueDate,
    Timeliness Timeliness,
    DateOnly? FirstSubmittedOn,
    IReadOnlyList<ReportLine> Lines,
    IReadOnlyList<ReportProblem> Problems,
    IReadOnlyList<ReportTransitionView> Transitions);

/// <summary>
/// A unit's report for a period with its lines, the validation problems as things stand (rules, missing
/// compulsory values, red or lagging indicators without an explanation) and its history.
/// </summary>
public sealed class GetReport(Data.LuoshiDbContext db, Evaluate evaluate, ICurrentActor actor, LocalCalendar calendar)
{
    public async Task<ReportView> Handle(string? org, string? period, CancellationToken ct)
    {
        var content = await ReportContents.Load(db, org, period, track: false, ct);
        actor.Require(Permission.ReadAll, content.Unit);
        var problems = await Problems(content, ct);
        var report = content.Report;
        return new ReportView(
            content.Unit.Code,
            content.Unit.Name,
            content.Period.ToString(),
            report?.State ?? ReportState.Draft,
            content.DueDate,
            TimelinessRules.Judge(content.DueDate, report?.FirstSubmittedOn, calendar.Today),
            report?.FirstSubmittedOn,
            content.Lines,
            problems,
            [.. (report?.Transitions ?? []).OrderBy(t => t.Id).Select(t => new ReportTransitionView(t.From, t.To, t.Actor, t.At, t.Comment, t.OnBehalf))]);
    }

    /// <summary>Everything that stands in the way of submission; a warning or a lagging value with a comment on it counts as explained.</summary>
    internal async Task<IReadOnlyList<ReportProblem>> Problems(ReportContent content, CancellationToken ct)
    {
        var problems = new List<ReportProblem>();
        var lines = content.Lines.ToDictionary(l => l.Indicator, StringComparer.Ordinal);
        foreach (var line in content.Lines.Where(l => l.Compulsory && l.Value is null))
        {
            problems.Add(new(line.Indicator, RuleSeverity.Error, new Text($"{line.Name}为必报指标,尚未填报", $"{line.Indicator} is compulsory and has no value"), false));
        }

        var previousValues = await PreviousValues(content, ct);
        double? Current(string code) => lines.TryGetValue(code, out var l) && l.Value is { } v ? (double)v : null;
        double? Previous(string code) => previousValues.TryGetValue(code, out var v) ? v : null;
        foreach (var rule in await db.ValidationRules.AsNoTracking().ToListAsync(ct))
        {
            var inputs = rule.Inputs;
            if (!inputs.Any(lines.ContainsKey) || rule.Check(Current, Previous) is not { } message)
            {
                continue;
            }

            var subject = inputs.FirstOrDefault(lines.ContainsKey) ?? inputs[0];
            bool explained = rule.Severity == RuleSeverity.Warning && inputs.Where(lines.ContainsKey).Any(i => !string.IsNullOrWhiteSpace(lines[i].Comment));
            problems.Add(new(subject, rule.Severity, new Text($"[{rule.Code}] {message.Zh}", $"[{rule.Code}] {message.En}"), explained));
        }

        // A red or lagging figure needs the unit's explanation before it goes up (the comment on the value).
        if (content.Lines.Any(l => l.Value is not null))
        {
            var (result, _) = await evaluate.Run(new Evaluate.Query(content.Period.ToString(), content.Unit.Code, 0, content.Period.DueDate()), ct);
            foreach (var row in result.Rows.Where(r => r.Status is EvaluationStatus.Red or EvaluationStatus.Yellow && lines.ContainsKey(r.IndicatorCode)))
            {
                var line = lines[row.IndicatorCode];
                if (line.Value is null)
                {
                    continue;
                }

                problems.Add(new(row.IndicatorCode, RuleSeverity.Warning, new Text($"{(row.Status == EvaluationStatus.Red ? "红灯" : "黄灯")}:{row.ReasonZh},须说明原因", $"{row.Status.ToString().ToLowerInvariant()}: {row.ReasonEn}; explain why"), !string.IsNullOrWhiteSpace(line.Comment)));
            }
        }

        return problems;
    }

    private async Task<Dictionary<string, double>> PreviousValues(ReportContent content, CancellationToken ct)
    {
        var previous = content.Period.Previous.ToString();
        return await (from r in db.Readings.AsNoTracking()
                      join i in db.Indicators on r.IndicatorId equals i.Id
                      where r.OrgUnitId == content.Unit.Id && r.PeriodCode == previous && r.Value != null
                      select new { i.Code, r.Value }).ToDictionaryAsync(x => x.Code, x => (double)x.Value!.Value, StringComparer.Ordinal, ct);
    }
}
