using System.Globalization;
using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Application.Evaluation;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Plans;
using Luoshi.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Application.Supervision;

/// <summary>
/// The rules that open items by themselves, as of a date:
/// <list type="bullet">
/// <item>the indicator rules (<see cref="SupervisionRule"/>; by default the settings' rule: any indicator red
/// for N consecutive periods of its own frequency at a unit, as the evaluation engine judges each period) —
/// one item per lead unit per rule and period, listing every figure it caught; an item of the same rule still
/// open for the lead unit takes new figures in (并入) instead of another opening (docs/adr/0017);</item>
/// <item>a plan task or milestone past its due date and not reported done — its lead unit leads the item;</item>
/// <item>a unit's monthly report not submitted by its due date (the reporting calendar: the unit's assigned
/// monthly indicators, the earliest due day among them, as the timeliness view judges it) — the unit leads
/// the item, which names the other months of the year still missing.</item>
/// </list>
/// Items open as drafts for the supervising unit to review and assign (docs/adr/0010). Each opens once: an
/// item whose cause is still open, or whose cause period lies inside the current streak, stops another; a
/// unique rule key stops two servers racing. Everything is worked out first, with no transaction open; a dry
/// run stops there and writes nothing. The rest is written in short batches (<see cref="JobBatches"/>), so that
/// people's writes go through while the rules run.
/// </summary>
public sealed class RunSupervisionRules(
    LuoshiDbContext db,
    ICurrentActor actor,
    LocalCalendar calendar,
    IOptions<SupervisionOptions> options,
    IndicatorStatuses statuses,
    SupervisionNotifications notifications)
{
    public const string RedIndicatorRule = "indicatorRed";
    public const string OverdueTaskRule = "overdueTask";
    public const string MissingReportRule = "missingReport";
    public const string OverduePolicyCasesRule = "overduePolicyCases";

    /// <summary>How the overdue-claims rule names its cause: policy-overdue:DEPARTMENT.</summary>
    public const string PolicyOverdueCause = "policy-overdue:";

    /// <summary>How an indicator rule names its cause: indicator-rule:RULE@LEADORG (and its key: …#MONTH).</summary>
    public const string IndicatorRuleCause = "indicator-rule:";

    /// <summary>How the missing-report rule names its cause: report-missing:ORG (and its hit: report-missing:ORG#PERIOD).</summary>
    public const string MissingReportCause = "report-missing:";

    /// <param name="AsOf">The day to judge (default today in China).</param>
    /// <param name="DryRun">Work out what would open and be absorbed, and write nothing.</param>
    /// <param name="Rule">Only this indicator rule, enabled or not (a preview before turning it on); null for every enabled rule and the fixed rules.</param>
    public sealed record Request(DateOnly? AsOf = null, bool DryRun = false, string? Rule = null);

    /// <summary>A figure a rule caught: an indicator at a unit, behind from one period to another, and the engine's reason.</summary>
    public sealed record Figure(string Indicator, string IndicatorName, string Org, string OrgName, string From, string To, string ReasonZh, string ReasonEn);

    /// <summary>An item opened (or, in a dry run, that would open: no id); <c>rule</c> is the kind of rule, <c>ruleCode</c> the indicator rule's code.</summary>
    public sealed record Opened(int? Id, string Rule, string Cause, string Title, string LeadOrg, DateOnly Deadline)
    {
        public string? LeadOrgName { get; init; }
        public string? RuleCode { get; init; }
        public IReadOnlyList<Figure> Indicators { get; init; } = [];
    }

    /// <summary>An item still open that took in (or would take in) newly caught figures.</summary>
    public sealed record Absorbed(int Id, string Rule, string RuleCode, string Cause, string Title, string LeadOrg, IReadOnlyList<Figure> Indicators)
    {
        public string? LeadOrgName { get; init; }
    }

    public sealed record Result(DateOnly AsOf, IReadOnlyList<Opened> Opened, int AlreadyOpen, IReadOnlyList<Text> Notes)
    {
        public bool DryRun { get; init; }
        public IReadOnlyList<Absorbed> Absorbed { get; init; } = [];

        /// <summary>The indicator rules that ran, in order.</summary>
        public IReadOnlyList<string> Rules { get; init; } = [];

        /// <summary>How the run wrote (null in a dry run).</summary>
        public WriteStats? Writes { get; init; }
    }

    private sealed record Candidate(
        string Rule,
        string CauseKey,
        string RuleKey,
        DateOnly CauseDate,
        DateOnly WindowStart,
        int LeadUnitId,
        int DeadlineDays,
        string Title,
        string Description,
        SupervisionSource Source,
        int? IndicatorId = null,
        int? IndicatorUnitId = null,
        int? PlanItemId = null,
        int? ClearPeriods = null,
        string? RuleCode = null,
        IReadOnlyList<IndicatorRuleHits.Hit>? Hits = null);

    private sealed record Prior(int Id, string CauseKey, string? RuleKey, SupervisionState State, DateOnly? CauseDate, string Title);

    public Task<Result> Handle(DateOnly? asOf, CancellationToken ct) => Handle(new Request(asOf), ct);

    public async Task<Result> Handle(Request request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        actor.RequireEverywhere(Permission.Supervise);
        var settings = options.Value;
        var date = request.AsOf ?? calendar.Today;
        var rules = await SupervisionRuleSet.Load(db, settings, ct);
        if (request.Rule is { } only)
        {
            rules = [.. rules.Where(r => r.Code == only.Trim())];
            if (rules.Count == 0)
            {
                throw new NotFoundException(new Text("督办规则", "supervision rule"), only);
            }
        }
        else
        {
            rules = [.. rules.Where(r => r.Enabled)];
        }

        var units = await db.OrgUnits.AsNoTracking().Select(u => new RuleUnit(u.Id, u.Code, u.Name, u.Kind, u.Path, u.ParentId)).ToListAsync(ct);
        var byCode = units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        var byId = units.ToDictionary(u => u.Id);
        var priors = (await db.SupervisionItems.AsNoTracking().Where(i => i.CauseKey != null)
            .Select(i => new { i.Id, i.CauseKey, i.RuleKey, i.State, i.CauseDate, i.Title }).ToListAsync(ct))
            .Select(p => new Prior(p.Id, p.CauseKey!, p.RuleKey, p.State, p.CauseDate, p.Title))
            .ToLookup(p => p.CauseKey, StringComparer.Ordinal);
        var notes = new List<Text>();

        var found = await new IndicatorRuleHits(db, statuses).Find(rules, date, byCode, await Followed(ct), notes, ct);
        int already = found.AlreadyFollowed;
        var candidates = new List<Candidate>();
        candidates.AddRange(found.Findings.Select(f => FromFinding(f, date)));
        if (request.Rule is null)
        {
            candidates.AddRange(await OverdueTasks(date, settings, byId, notes, ct));
            candidates.AddRange(await MissingReports(date, settings, byId, ct));
            candidates.AddRange(await OverduePolicyCases(date, settings, byId, ct));
        }

        var toOpen = new List<Candidate>();
        var toAbsorb = new List<(Prior Item, Candidate Candidate)>();
        foreach (var c in candidates)
        {
            var sameCause = priors[c.CauseKey].ToList();
            if (c.Hits is not null)
            {
                // Per lead unit and rule: an item still open takes the new figures in; one finished this period
                // leaves them to the next period's item.
                if (sameCause.FirstOrDefault(p => !SupervisionWorkflow.IsFinished(p.State)) is { } open)
                {
                    toAbsorb.Add((open, c));
                    continue;
                }

                if (sameCause.Any(p => p.RuleKey == c.RuleKey))
                {
                    already += c.Hits.Count;
                    notes.Add(new Text($"{c.CauseKey}:本期已有同一规则的事项(已办结或撤销),{c.Hits.Count}项新落后指标下期再开", $"{c.CauseKey}: this period's item of the rule is finished already; {c.Hits.Count} newly lagging figures open next period"));
                    continue;
                }
            }
            else if (sameCause.Any(p => !SupervisionWorkflow.IsFinished(p.State) || p.RuleKey == c.RuleKey || p.CauseDate >= c.WindowStart))
            {
                // Opened once: not while an item for the same cause is still being followed, nor again for a streak
                // an earlier item already covered (its cause period falls inside the current window).
                already++;
                continue;
            }

            var lead = byId[c.LeadUnitId];
            if (Root(lead, byCode).Id == lead.Id)
            {
                notes.Add(new Text($"{c.CauseKey}: 牵头单位是最上级单位,无人督办,未开事项", $"{c.CauseKey}: the lead is the top unit, which nobody above supervises: not opened"));
                continue;
            }

            toOpen.Add(c);
        }

        var ruleCodes = rules.Select(r => r.Code).ToList();
        if (request.DryRun)
        {
            return new Result(
                date,
                [.. toOpen.Select(c => Describe(c, null, byId, date))],
                already,
                [.. notes.Distinct()])
            {
                DryRun = true,
                Absorbed = [.. toAbsorb.Select(a => Absorption(a.Item, a.Candidate, byId))],
                Rules = ruleCodes,
            };
        }

        await notifications.Prepare(ct);
        var batches = new JobBatches(db);
        var (opened, raced) = await Open(toOpen, byId, byCode, date, batches, notes, ct);
        var absorbed = await Absorb(toAbsorb, byId, batches, notes, ct);
        return new Result(date, opened, already + raced, [.. notes.Distinct()]) { Absorbed = absorbed, Rules = ruleCodes, Writes = batches.Stats };
    }

    /// <summary>The figures items already follow: those listed on items, and the single figure of an item opened before rules listed them.</summary>
    private async Task<FollowedFigures> Followed(CancellationToken ct)
    {
        var followed = new FollowedFigures();
        var listed = await (from f in db.Set<SupervisionItemIndicator>().AsNoTracking()
                            join i in db.SupervisionItems on f.ItemId equals i.Id
                            select new { f.IndicatorId, f.OrgUnitId, f.LastPeriod, i.State }).ToListAsync(ct);
        foreach (var f in listed)
        {
            followed.Add(f.IndicatorId, f.OrgUnitId, f.State, Period.Parse(f.LastPeriod).End);
        }

        var single = await db.SupervisionItems.AsNoTracking()
            .Where(i => i.Source == SupervisionSource.IndicatorRule && i.IndicatorId != null && i.CauseDate != null)
            .Select(i => new { IndicatorId = i.IndicatorId!.Value, Unit = i.IndicatorUnitId ?? i.LeadUnitId, i.State, CauseDate = i.CauseDate!.Value }).ToListAsync(ct);
        foreach (var i in single)
        {
            followed.Add(i.IndicatorId, i.Unit, i.State, i.CauseDate);
        }

        return followed;
    }

    private static Candidate FromFinding(IndicatorRuleHits.Finding f, DateOnly date)
    {
        var rule = f.Rule;
        var (zh, en) = rule.Condition();
        var hits = f.Hits;
        var cause = $"{IndicatorRuleCause}{rule.Code}@{f.Lead.Code}";

        // A rule's period is the month whose figures a run judges: the item of that month for the lead unit.
        var round = Period.Containing(Frequency.Month, date).Previous;
        var firsts = hits.Select(h => h.Figure.First).Distinct().ToList();
        var lasts = hits.Select(h => h.Figure.Last).Distinct().ToList();
        var (spanZh, spanEn) = firsts.Count == 1 && lasts.Count == 1
            ? ($"{firsts[0]}–{lasts[0]}", $"{firsts[0]}–{lasts[0]}")
            : ($"截至{lasts.Max()}", $"to {lasts.Max()}");
        var title = hits.Count == 1
            ? new Text($"{hits[0].View.IndicatorName}{zh}:{hits[0].View.OrgName}({spanZh})", $"{hits[0].View.Indicator} {en} at {hits[0].View.Org}")
            : new Text($"{f.Lead.Name}:{hits[0].View.IndicatorName}等{hits.Count}项指标{zh}({spanZh})", $"{f.Lead.Code}: {hits.Count} figures {en} ({spanEn})");
        var lines = hits.Select((h, k) => string.Create(CultureInfo.InvariantCulture,
            $"{k + 1}. {h.View.Indicator} {h.View.IndicatorName} @ {h.View.OrgName} {h.View.Org}({h.View.From}–{h.View.To}):{h.View.ReasonZh} / {h.View.ReasonEn}"));
        var description = new Text($"规则「{rule.Name}」({rule.Code}):{f.Lead.Name}{hits.Count}项指标{zh}", $"rule {rule.Code}: {hits.Count} figures at {f.Lead.Code} {en}\n").Bilingual + string.Join("\n", lines);
        return new Candidate(
            RedIndicatorRule,
            cause,
            $"{cause}#{round}",
            hits.Max(h => h.LastEnd),
            hits.Min(h => h.Figure.First.Start),
            f.Lead.Id,
            rule.DeadlineDays,
            Clip(title.Bilingual),
            Clip(description, SupervisionItem.DescriptionMaxLength),
            SupervisionSource.IndicatorRule,
            ClearPeriods: rule.ClearPeriodsToClose,
            RuleCode: rule.Code,
            Hits: hits);
    }

    private static Opened Describe(Candidate c, int? id, Dictionary<int, RuleUnit> units, DateOnly date) =>
        new(id, c.Rule, c.CauseKey, c.Title, units[c.LeadUnitId].Code, date.AddDays(c.DeadlineDays))
        {
            LeadOrgName = units[c.LeadUnitId].Name,
            RuleCode = c.RuleCode,
            Indicators = [.. (c.Hits ?? []).Select(h => h.View)],
        };

    private static Absorbed Absorption(Prior item, Candidate c, Dictionary<int, RuleUnit> units) =>
        new(item.Id, c.Rule, c.RuleCode!, c.CauseKey, item.Title, units[c.LeadUnitId].Code, [.. c.Hits!.Select(h => h.View)]) { LeadOrgName = units[c.LeadUnitId].Name };

    private static RuleUnit Root(RuleUnit unit, Dictionary<string, RuleUnit> byCode) =>
        byCode[unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0]];

    /// <summary>Opens the items batch by batch; a batch that meets an item another server opened a moment ago is opened again one by one.</summary>
    private async Task<(List<Opened> Opened, int Raced)> Open(
        List<Candidate> candidates, Dictionary<int, RuleUnit> byId, Dictionary<string, RuleUnit> byCode, DateOnly date, JobBatches batches, List<Text> notes, CancellationToken ct)
    {
        var opened = new List<Opened>();
        int raced = 0;
        foreach (var chunk in JobBatches.Split(candidates, Rows))
        {
            var items = chunk.Select(c => (Candidate: c, Item: Build(c, Root(byId[c.LeadUnitId], byCode).Id, date))).ToList();
            db.SupervisionItems.AddRange(items.Select(x => x.Item));
            try
            {
                await batches.Write(ct => Save([.. items.Select(x => x.Item)], ct), ct);
                opened.AddRange(items.Select(x => Describe(x.Candidate, x.Item.Id, byId, date)));
                continue;
            }
            catch (DbUpdateException e) when (DatabaseConflict.Is(e))
            {
            }

            foreach (var c in chunk)
            {
                // The unique rule key: the same hit was opened elsewhere a moment ago.
                if (await db.SupervisionItems.AnyAsync(i => i.RuleKey == c.RuleKey, ct))
                {
                    raced++;
                    continue;
                }

                var item = Build(c, Root(byId[c.LeadUnitId], byCode).Id, date);
                db.SupervisionItems.Add(item);
                try
                {
                    await batches.Write(ct => Save([item], ct), ct);
                    opened.Add(Describe(c, item.Id, byId, date));
                }
                catch (DbUpdateException e) when (DatabaseConflict.Is(e))
                {
                    raced++;
                    notes.Add(new Text($"{c.CauseKey}: 刚被另一进程开立", $"{c.CauseKey}: opened by another process a moment ago"));
                }
            }
        }

        return (opened, raced);
    }

    /// <summary>Rows an item writes: itself, its first history entry, the office's message and its outbox copy, and its figures.</summary>
    private static int Rows(Candidate c) => 4 + (c.Hits?.Count ?? 0);

    /// <summary>Saves the new items (added to the context already), then their messages, which need the items' ids, inside the batch's transaction.</summary>
    private async Task Save(List<SupervisionItem> items, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        foreach (var item in items)
        {
            await notifications.Send(item, item.Events, ct);
        }

        await db.SaveChangesAsync(ct);
    }

    private SupervisionItem Build(Candidate c, int supervisingUnitId, DateOnly date)
    {
        var now = calendar.UtcNow;
        var item = SupervisionItem.Create(c.Title, c.Source, c.LeadUnitId, supervisingUnitId, date.AddDays(c.DeadlineDays), SupervisionParticipant.System(actor.Name), now);
        item.Describe(c.Title, c.Description, SupervisionPriority.Normal);
        item.Link(c.PlanItemId, c.IndicatorId, c.IndicatorUnitId, null, null, null);
        if (c.Hits is { } hits)
        {
            item.Cover(hits.Select(h => h.Figure), now);
        }

        item.RequireClearPeriods(c.ClearPeriods);
        item.AttributeToRule(c.CauseKey, c.RuleKey, c.CauseDate);
        return item;
    }

    /// <summary>
    /// Adds newly caught figures to the items still open for them, batch by batch; an item someone moved meanwhile
    /// is tried again alone from what is stored now, and one finished meanwhile is left for the next run.
    /// </summary>
    private async Task<List<Absorbed>> Absorb(List<(Prior Item, Candidate Candidate)> work, Dictionary<int, RuleUnit> byId, JobBatches batches, List<Text> notes, CancellationToken ct)
    {
        var absorbed = new List<Absorbed>();
        foreach (var chunk in JobBatches.Split(work, w => Rows(w.Candidate)))
        {
            var changed = await Absorbing(chunk, notes, ct);
            if (changed.Count == 0)
            {
                batches.Skip();
                continue;
            }

            try
            {
                await batches.Write(ct => db.SaveChangesAsync(ct), ct);
                absorbed.AddRange(changed.Select(a => Absorption(a.Item, a.Candidate, byId)));
                continue;
            }
            catch (DbUpdateException)
            {
            }

            foreach (var one in chunk)
            {
                var single = await Absorbing([one], notes, ct);
                if (single.Count == 0)
                {
                    batches.Skip();
                    continue;
                }

                try
                {
                    await batches.Write(ct => db.SaveChangesAsync(ct), ct);
                    absorbed.Add(Absorption(one.Item, one.Candidate, byId));
                }
                catch (DbUpdateException)
                {
                    notes.Add(new Text($"{one.Candidate.CauseKey}: 事项 #{one.Item.Id} 正被他人处理,下次再并入", $"{one.Candidate.CauseKey}: item #{one.Item.Id} is being changed by someone; its figures are added next run"));
                }
            }
        }

        return absorbed;
    }

    /// <summary>Loads the items (tracked) and adds the figures and their messages in memory; those that took any in.</summary>
    private async Task<List<(Prior Item, Candidate Candidate)>> Absorbing(IReadOnlyCollection<(Prior Item, Candidate Candidate)> work, List<Text> notes, CancellationToken ct)
    {
        var ids = work.Select(w => w.Item.Id).ToList();
        var items = await db.SupervisionItems.Include(i => i.Indicators).Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var now = calendar.UtcNow;
        var changed = new List<(Prior, Candidate)>();
        foreach (var (prior, c) in work)
        {
            if (!items.TryGetValue(prior.Id, out var item))
            {
                continue;
            }

            try
            {
                if (item.Absorb(c.Hits!.Select(h => h.Figure), actor.Name, now) is { } e)
                {
                    await notifications.Send(item, [e], ct);
                    changed.Add((prior, c));
                }
            }
            catch (DomainConflictException)
            {
                notes.Add(new Text($"{c.CauseKey}: 事项 #{prior.Id} 刚刚办结或撤销,下次再开", $"{c.CauseKey}: item #{prior.Id} was just finished; its figures open next run"));
            }
        }

        return changed;
    }

    private async Task<List<Candidate>> OverdueTasks(DateOnly date, SupervisionOptions settings, Dictionary<int, RuleUnit> units, List<Text> notes, CancellationToken ct)
    {
        var cutoff = date.AddDays(-settings.OverdueTaskGraceDays);
        var late = await db.PlanItems.AsNoTracking()
            .Where(p => (p.Kind == PlanItemKind.Task || p.Kind == PlanItemKind.Milestone) && p.CompletedOn == null && p.DueDate != null && p.DueDate < cutoff)
            .OrderBy(p => p.Code).ToListAsync(ct);
        var found = new List<Candidate>();
        int unled = 0;
        foreach (var p in late)
        {
            if (p.LeadUnitId is not { } lead || !units.ContainsKey(lead))
            {
                unled++;
                continue;
            }

            var due = p.DueDate!.Value;
            var cause = $"plan-overdue:{p.Code}";
            var dueText = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            found.Add(new Candidate(
                OverdueTaskRule,
                cause,
                $"{cause}#{dueText}",
                due,
                due,
                lead,
                settings.RuleDeadlineDays,
                Clip(new Text($"逾期未完成:{p.Title}(应于{dueText}完成)", $"past due: {p.Code} (due {dueText})").Bilingual),
                new Text($"计划项 {p.Code}「{p.Title}」应于{dueText}完成,截至{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}未报完成", $"plan item {p.Code} was due {dueText} and is not reported done").Bilingual,
                SupervisionSource.OverdueTask,
                PlanItemId: p.Id));
        }

        if (unled > 0)
        {
            notes.Add(new Text($"{unled}个逾期计划项未设牵头单位,未开事项", $"{unled} overdue plan items have no lead unit: not opened"));
        }

        return found;
    }

    /// <summary>
    /// Each unit on the monthly reporting calendar whose latest month due has no submitted report. One cause per
    /// unit: while an item chases the unit's reports, a later missing month waits for it rather than opening another.
    /// </summary>
    private async Task<List<Candidate>> MissingReports(DateOnly date, SupervisionOptions settings, Dictionary<int, RuleUnit> units, CancellationToken ct)
    {
        var calendar = await (from a in db.ReportingAssignments.AsNoTracking()
                              join i in db.Indicators on a.IndicatorId equals i.Id
                              where i.Frequency == Frequency.Month
                              group i.DueDay by a.OrgUnitId into g
                              select new { OrgUnitId = g.Key, DueDay = g.Min() }).ToListAsync(ct);
        if (calendar.Count == 0)
        {
            return [];
        }

        // The latest month each unit owes: due before today (a report is missing from the day after its due date).
        var owed = calendar.Where(c => units.ContainsKey(c.OrgUnitId)).Select(c =>
        {
            var month = Period.LastCompleteMonth(date);
            while (month.DueDate(c.DueDay) >= date)
            {
                month = month.Previous;
            }

            return (Unit: units[c.OrgUnitId], c.DueDay, Month: month);
        }).ToList();
        var ids = owed.Select(o => o.Unit.Id).ToList();
        var years = owed.Select(o => o.Month.Year).Distinct().ToList();
        var codes = years.SelectMany(y => Enumerable.Range(1, 12).Select(m => Period.OfMonth(y, m).ToString())).ToList();
        var submitted = (await db.Reports.AsNoTracking()
            .Where(r => ids.Contains(r.OrgUnitId) && codes.Contains(r.PeriodCode) && r.FirstSubmittedOn != null)
            .Select(r => new { r.OrgUnitId, r.PeriodCode }).ToListAsync(ct))
            .Select(r => (r.OrgUnitId, r.PeriodCode)).ToHashSet();

        var found = new List<Candidate>();
        foreach (var (unit, dueDay, month) in owed.OrderBy(o => o.Unit.Path, StringComparer.Ordinal))
        {
            if (submitted.Contains((unit.Id, month.ToString())))
            {
                continue;
            }

            var due = month.DueDate(dueDay);
            var dueText = Iso(due);
            var earlier = new List<string>();
            for (var m = Period.OfMonth(month.Year, 1); m < month; m = m.Next)
            {
                if (!submitted.Contains((unit.Id, m.ToString())))
                {
                    earlier.Add(m.ToString());
                }
            }

            var cause = MissingReportCause + unit.Code;
            var also = earlier.Count == 0 ? (Zh: string.Empty, En: string.Empty)
                : (Zh: $";今年另有{string.Join("、", earlier)}未报送", En: $"; also missing this year: {string.Join(", ", earlier)}");
            found.Add(new Candidate(
                MissingReportRule,
                cause,
                $"{cause}#{month}",
                due,
                due,
                unit.Id,
                settings.RuleDeadlineDays,
                Clip(new Text($"逾期未报送:{unit.Name}{month}月报(应于{dueText}前报送)", $"report missing: {unit.Code} {month} (due {dueText})").Bilingual),
                new Text($"{unit.Name}({unit.Code}){month}月报应于{dueText}前报送,截至{Iso(date)}未报送{also.Zh}", $"{unit.Code}'s report for {month} was due {dueText} and is not submitted as of {Iso(date)}{also.En}").Bilingual,
                SupervisionSource.MissingReport));
        }

        return found;
    }

    /// <summary>
    /// Each responsible department with enterprise claims past their measure's time limit (working days) and not paid
    /// (<see cref="PolicyMetrics"/>'s overdue). One cause per department, grouping all its overdue claims; the latest
    /// deadline passed is the cause's date, so a finished item stops another until a further claim falls overdue.
    /// </summary>
    private async Task<List<Candidate>> OverduePolicyCases(DateOnly date, SupervisionOptions settings, Dictionary<int, RuleUnit> units, CancellationToken ct)
    {
        var open = await db.PolicyCases.AsNoTracking()
            .Where(c => (c.Status == Domain.Policies.CaseStatus.Applied || c.Status == Domain.Policies.CaseStatus.Approved) && c.Applied < date)
            .ToListAsync(ct);
        if (open.Count == 0)
        {
            return [];
        }

        var measures = await db.PolicyMeasures.AsNoTracking().ToDictionaryAsync(m => m.Id, ct);
        var policies = await db.Policies.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
        var working = new Domain.Policies.WorkingCalendar(await db.CalendarDays.AsNoTracking().ToListAsync(ct));
        var overdue = open
            .Select(c => (Case: c, Measure: measures[c.MeasureId], Deadline: working.Deadline(c.Applied, measures[c.MeasureId].TimeLimitDays)))
            .Where(x => x.Deadline < date)
            .GroupBy(x => x.Measure.ResponsibleOf(policies[x.Measure.PolicyId]));
        var found = new List<Candidate>();
        foreach (var g in overdue.Where(g => units.ContainsKey(g.Key)).OrderBy(g => units[g.Key].Path, StringComparer.Ordinal))
        {
            var unit = units[g.Key];
            var cases = g.OrderBy(x => x.Deadline).ThenBy(x => x.Case.Enterprise, StringComparer.Ordinal).ToList();
            var latest = cases.Max(x => x.Deadline);
            var cause = PolicyOverdueCause + unit.Code;
            var listed = cases.Take(20).Select(x => $"{x.Case.Name}({x.Case.Enterprise})· {x.Measure.Code} · {Iso(x.Case.Applied)} → {Iso(x.Deadline)}").ToList();
            var more = cases.Count > listed.Count ? (Zh: $"等{cases.Count}件", En: $" and {cases.Count - listed.Count} more") : (Zh: string.Empty, En: string.Empty);
            found.Add(new Candidate(
                OverduePolicyCasesRule,
                cause,
                $"{cause}#{Iso(latest)}",
                latest,
                latest,
                unit.Id,
                settings.RuleDeadlineDays,
                Clip(new Text($"政策兑现逾期:{unit.Name}{cases.Count}件超过时限未兑现", $"policy claims overdue: {unit.Code}, {cases.Count} past their time limit").Bilingual),
                Clip(new Text($"{unit.Name}负责兑现的企业申领中,截至{Iso(date)}有{cases.Count}件已过事项时限(工作日)仍未兑现:{string.Join(";", listed)}{more.Zh}", $"{cases.Count} enterprise claims {unit.Code} pays out are past their time limit (working days) and unpaid as of {Iso(date)}: {string.Join("; ", listed)}{more.En}").Bilingual, SupervisionItem.DescriptionMaxLength),
                SupervisionSource.PolicyOverdue));
        }

        return found;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Clip(string text, int max = SupervisionItem.TitleMaxLength) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
