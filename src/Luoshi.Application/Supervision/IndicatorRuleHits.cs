using Luoshi.Application.Data;
using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Supervision;

/// <summary>
/// What the indicator rules catch as of a date, worked out in memory from the evaluation engine with no
/// transaction open: for each rule, the figures (an indicator at a unit) behind enough in each of its latest
/// periods, grouped by the unit that answers for them — the unit itself, or for the top unit's own figure the
/// indicator's responsible department. A figure an item already follows is left out and counted: one an item
/// still open lists, or one whose streak an earlier item covered. Rules run in order and the first to catch a
/// figure keeps it, so two rules never chase the same figure.
/// </summary>
internal sealed class IndicatorRuleHits(LuoshiDbContext db, IndicatorStatuses statuses)
{
    public sealed record Hit(IndicatorHit Figure, RunSupervisionRules.Figure View, DateOnly LastEnd);

    public sealed record Finding(SupervisionRule Rule, RuleUnit Lead, IReadOnlyList<Hit> Hits);

    public sealed record Outcome(IReadOnlyList<Finding> Findings, int AlreadyFollowed);

    public async Task<Outcome> Find(IReadOnlyList<SupervisionRule> rules, DateOnly date, IReadOnlyDictionary<string, RuleUnit> units, FollowedFigures followed, List<Text> notes, CancellationToken ct)
    {
        if (rules.Count == 0)
        {
            return new Outcome([], 0);
        }

        var snapshot = await statuses.Snapshot(ct);
        var byId = units.Values.ToDictionary(u => u.Id);
        var responsible = await db.Indicators.AsNoTracking().Where(i => i.ResponsibleUnitId != null)
            .ToDictionaryAsync(i => i.Code, i => i.ResponsibleUnitId!.Value, StringComparer.Ordinal, ct);
        var planned = rules.Any(r => r.PlanItemCode is not null) ? await PlanIndicators(ct) : null;
        var findings = new List<Finding>();
        int already = 0;
        foreach (var rule in rules)
        {
            var covered = Covered(rule, snapshot, planned, notes);
            var byLead = new Dictionary<int, List<Hit>>();
            int unled = 0;

            // Indicators with the same frequency and due day share their periods, so each period is evaluated once.
            foreach (var group in covered.GroupBy(i => (i.Frequency, i.DueDay)))
            {
                var periods = IndicatorStatuses.LatestDue(group.Key.Frequency, group.Key.DueDay, date, rule.Periods);
                if (periods.Count < rule.Periods)
                {
                    continue;
                }

                var codes = group.ToDictionary(i => i.Code, StringComparer.Ordinal);
                var latest = await statuses.At(periods[0], date, ct);
                foreach (var row in latest.RowsWith(EvaluationStatus.Red))
                {
                    if (!codes.TryGetValue(row.IndicatorCode, out var indicator) || !rule.Covers(row.OrgKind) || !units.TryGetValue(row.OrgCode, out var unit)
                        || !rule.Counts(row.Status, Gap(indicator, row)))
                    {
                        continue;
                    }

                    bool streak = true;
                    for (int k = 1; k < periods.Count && streak; k++)
                    {
                        streak = (await statuses.At(periods[k], date, ct)).Find(row.IndicatorCode, row.OrgCode) is { } earlier && rule.Counts(earlier.Status, Gap(indicator, earlier));
                    }

                    if (!streak)
                    {
                        continue;
                    }

                    var first = periods[^1];
                    if (followed.Claimed(indicator.Id, unit.Id))
                    {
                        continue;
                    }

                    if (followed.Follows(indicator.Id, unit.Id, first.Start))
                    {
                        already++;
                        continue;
                    }

                    // The top unit's own figure is answered for by the indicator's responsible department.
                    int? lead = unit.ParentId is not null ? unit.Id
                        : responsible.TryGetValue(row.IndicatorCode, out var department) ? department : null;
                    if (lead is null || !byId.ContainsKey(lead.Value))
                    {
                        unled++;
                        continue;
                    }

                    followed.Claim(indicator.Id, unit.Id);
                    var label = $"{row.IndicatorCode}@{row.OrgCode}";
                    var (zh, en) = (row.ReasonZh, row.ReasonEn);
                    var hit = new Hit(
                        new IndicatorHit(indicator.Id, unit.Id, first, periods[0], zh, en, label),
                        new RunSupervisionRules.Figure(row.IndicatorCode, row.IndicatorName, row.OrgCode, row.OrgName, first.ToString(), periods[0].ToString(), zh, en),
                        periods[0].End);
                    if (!byLead.TryGetValue(lead.Value, out var list))
                    {
                        byLead[lead.Value] = list = [];
                    }

                    list.Add(hit);
                }
            }

            if (unled > 0)
            {
                notes.Add(new Text($"规则 {rule.Code}:{unled}个最上级单位的落后指标未设责任部门,未开事项", $"rule {rule.Code}: {unled} lagging figures of the top unit have no responsible department: not opened"));
            }

            findings.AddRange(byLead.Select(l => new Finding(
                rule,
                byId[l.Key],
                [.. l.Value.OrderBy(h => h.View.Indicator, StringComparer.Ordinal).ThenBy(h => h.View.Org, StringComparer.Ordinal)]))
                .OrderBy(f => f.Lead.Path, StringComparer.Ordinal));
        }

        return new Outcome(findings, already);
    }

    /// <summary>The indicators a rule covers: those it names and those linked to its plan item and the items below; all when it names none.</summary>
    private static List<SnapshotIndicator> Covered(SupervisionRule rule, EvaluationSnapshot snapshot, PlanLinks? planned, List<Text> notes)
    {
        var all = snapshot.Indicators.Where(i => !i.IsNationalFigure).ToList();
        if (rule.IndicatorCodes.Count == 0 && rule.PlanItemCode is null)
        {
            return all;
        }

        var wanted = new HashSet<int>();
        var unknown = new List<string>();
        foreach (var code in rule.IndicatorCodes)
        {
            if (snapshot.FindIndicator(code) is { IsNationalFigure: false } i)
            {
                wanted.Add(i.Id);
            }
            else
            {
                unknown.Add(code);
            }
        }

        if (rule.PlanItemCode is { } plan)
        {
            if (planned!.Under(plan) is { } linked)
            {
                wanted.UnionWith(linked);
            }
            else
            {
                notes.Add(new Text($"规则 {rule.Code}:计划项 {plan} 不存在", $"rule {rule.Code}: plan item {plan} does not exist"));
            }
        }

        if (unknown.Count > 0)
        {
            notes.Add(new Text($"规则 {rule.Code}:指标 {string.Join("、", unknown)} 不存在,已跳过", $"rule {rule.Code}: no indicator {string.Join(", ", unknown)}; skipped"));
        }

        return [.. all.Where(i => wanted.Contains(i.Id))];
    }

    private static double? Gap(SnapshotIndicator indicator, EvaluationRow row) =>
        Shortfall.Points(indicator.Direction, row.Actual, row.Expected, row.Completion, row.TimeShare);

    private async Task<PlanLinks> PlanIndicators(CancellationToken ct)
    {
        var items = await db.PlanItems.AsNoTracking().Select(p => new { p.Id, p.Code, p.ParentId }).ToListAsync(ct);
        var links = await db.Set<IndicatorPlanLink>().AsNoTracking().Select(l => new { l.IndicatorId, l.PlanItemId }).ToListAsync(ct);
        return new PlanLinks(
            items.ToDictionary(p => p.Code, p => p.Id, StringComparer.Ordinal),
            items.Where(p => p.ParentId is not null).ToLookup(p => p.ParentId!.Value, p => p.Id),
            links.ToLookup(l => l.PlanItemId, l => l.IndicatorId));
    }

    /// <summary>The plan tree and which indicators each of its items is linked to.</summary>
    private sealed class PlanLinks(Dictionary<string, int> byCode, ILookup<int, int> children, ILookup<int, int> indicators)
    {
        /// <summary>The indicators linked to the item or any item below it; null when there is no such item.</summary>
        public HashSet<int>? Under(string code)
        {
            if (!byCode.TryGetValue(code, out var root))
            {
                return null;
            }

            var found = new HashSet<int>();
            var stack = new Stack<int>([root]);
            while (stack.TryPop(out var id))
            {
                found.UnionWith(indicators[id]);
                foreach (var child in children[id])
                {
                    stack.Push(child);
                }
            }

            return found;
        }
    }
}

/// <summary>A unit as the rules need it.</summary>
internal sealed record RuleUnit(int Id, string Code, string Name, OrgUnitKind Kind, string Path, int? ParentId);

/// <summary>
/// The figures items already follow, and how far: an item still open follows its figures whatever comes; a
/// finished one covered its streak up to the last period it listed, so a streak reaching back into that period
/// is the same streak and opens nothing again. Figures an earlier rule of the same run took are kept apart.
/// </summary>
internal sealed class FollowedFigures
{
    private readonly Dictionary<(int Indicator, int Unit), List<(bool Open, DateOnly LastEnd)>> _cells = [];
    private readonly HashSet<(int Indicator, int Unit)> _claimed = [];

    public void Add(int indicatorId, int unitId, SupervisionState state, DateOnly lastEnd)
    {
        if (!_cells.TryGetValue((indicatorId, unitId), out var list))
        {
            _cells[(indicatorId, unitId)] = list = [];
        }

        list.Add((!SupervisionWorkflow.IsFinished(state), lastEnd));
    }

    /// <summary>Marks a figure taken by a rule of this run, so that a later rule leaves it alone.</summary>
    public void Claim(int indicatorId, int unitId) => _claimed.Add((indicatorId, unitId));

    public bool Claimed(int indicatorId, int unitId) => _claimed.Contains((indicatorId, unitId));

    /// <summary>Whether an item already follows a streak that began at <paramref name="streakStart"/>.</summary>
    public bool Follows(int indicatorId, int unitId, DateOnly streakStart) =>
        _cells.TryGetValue((indicatorId, unitId), out var list) && list.Any(c => c.Open || c.LastEnd >= streakStart);
}
