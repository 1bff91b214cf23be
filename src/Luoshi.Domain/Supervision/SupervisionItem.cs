using System.Globalization;
using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;

namespace Luoshi.Domain.Supervision;

/// <summary>
/// 督办事项: a problem or lagging task handed to a lead unit with a deadline, followed until the
/// supervising unit has verified it fixed. Every change goes through a method named after it, which checks
/// the state (<see cref="SupervisionWorkflow"/>), the party, and the evidence, and appends a
/// <see cref="SupervisionEvent"/>: nothing is overwritten without a record. The two failures such systems
/// are known for are closed by construction: an item closes only with evidence and only by someone outside
/// the lead unit (no 纸面闭环), and chasing is a recorded reminder or escalation rather than a phone call.
/// </summary>
public sealed class SupervisionItem
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int CommentMaxLength = 2000;
    public const int EvidenceMaxLength = 1000;
    public const int MaxEvidence = 20;
    public const int ReferenceMaxLength = 200;
    public const int SourceSentenceMaxLength = 2000;
    public const int RuleKeyMaxLength = 200;
    public const int MaxClearPeriods = 12;
    public const int MaxIndicators = 2000;
    public const int ReasonMaxLength = 1000;

    private readonly List<SupervisionEvent> _events = [];
    private readonly List<SupervisionItemUnit> _supportingUnits = [];
    private readonly List<SupervisionItemIndicator> _indicators = [];

    private SupervisionItem()
    {
        Title = string.Empty;
        CreatedBy = string.Empty;
    }

    public int Id { get; private set; }
    public string Title { get; private set; }
    public string? Description { get; private set; }
    public SupervisionSource Source { get; private set; }
    public SupervisionPriority Priority { get; private set; }
    public SupervisionState State { get; private set; }

    /// <summary>牵头单位: answers for the item.</summary>
    public int LeadUnitId { get; private set; }

    /// <summary>配合单位: help and are kept informed.</summary>
    public IReadOnlyList<SupervisionItemUnit> SupportingUnits => _supportingUnits;

    /// <summary>督办单位: follows the item, decides extensions and verifies the result.</summary>
    public int SupervisingUnitId { get; private set; }

    /// <summary>The deadline in force (moved only by an approved extension).</summary>
    public DateOnly Deadline { get; private set; }

    /// <summary>The deadline when the item was handed over, kept to show how far extensions moved it.</summary>
    public DateOnly OriginalDeadline { get; private set; }

    /// <summary>The state to go back to when an extension request is decided.</summary>
    public SupervisionState? StateBeforeExtension { get; private set; }
    public DateOnly? RequestedDeadline { get; private set; }

    /// <summary>0 (not escalated) to 3; only rises while the deadline stands, and starts again at 0 with a new one.</summary>
    public int EscalationLevel { get; private set; }
    public DateOnly? EscalatedOn { get; private set; }

    /// <summary>The deadline the last reminder was for, and how many days before it that reminder fell.</summary>
    public DateOnly? RemindedFor { get; private set; }
    public int? RemindedDaysBefore { get; private set; }

    public int? PlanItemId { get; private set; }
    public int? IndicatorId { get; private set; }

    /// <summary>The unit whose figure of the linked indicator the item is about (by default the lead unit).</summary>
    public int? IndicatorUnitId { get; private set; }

    /// <summary>The major project the item is about.</summary>
    public int? ProjectId { get; private set; }

    /// <summary>The ingested document (speech, report) the item came from.</summary>
    public int? DocumentId { get; private set; }

    /// <summary>
    /// What an item recorded before projects and documents were linked, when it named none that exists: kept as
    /// written, so that nothing typed in is lost (docs/adr/0024).
    /// </summary>
    public string? UnlinkedProject { get; private set; }
    public string? UnlinkedDocument { get; private set; }
    public string? SourceSentence { get; private set; }

    /// <summary>
    /// The figures a rule caught — an indicator at a unit, each with its streak and reason — that the item
    /// answers for together: one item per lead unit, not one per figure (docs/adr/0017).
    /// </summary>
    public IReadOnlyList<SupervisionItemIndicator> Indicators => _indicators;

    /// <summary>
    /// Optional closure rule: the linked indicator at its unit (or every listed figure) must have been out of red
    /// (green or yellow) for this many of its latest periods before the item may close — the figures must show the fix.
    /// </summary>
    public int? ClearPeriodsToClose { get; private set; }

    /// <summary>For items a rule opened: what caused it (e.g. an indicator at a unit), and the one hit that opened it.</summary>
    public string? CauseKey { get; private set; }
    public string? RuleKey { get; private set; }

    /// <summary>The last period of the cause (the latest red period, the missed due date), for de-duplication.</summary>
    public DateOnly? CauseDate { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; }
    public DateTimeOffset? AssignedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>How many entries the history holds; the next one is numbered after it.</summary>
    public int EventCount { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<SupervisionEvent> Events => _events;

    public bool IsRunning => SupervisionWorkflow.IsRunning(State);

    /// <summary>Days past the deadline as of a date (0 when not overdue, or when the lead unit owes nothing).</summary>
    public int DaysOverdue(DateOnly asOf) => IsRunning && asOf > Deadline ? asOf.DayNumber - Deadline.DayNumber : 0;

    /// <summary>
    /// Opens a draft. Which unit may supervise which is a matter of the org tree, checked by the caller: a unit
    /// above the lead unit or beside it, or — for the top unit, which has nobody above — the top unit itself.
    /// </summary>
    public static SupervisionItem Create(
        string title,
        SupervisionSource source,
        int leadUnitId,
        int supervisingUnitId,
        DateOnly deadline,
        SupervisionParticipant by,
        DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(by);
        var item = new SupervisionItem
        {
            Title = Code.RequireText(title, "title", TitleMaxLength),
            Source = Enum.IsDefined(source) ? source : throw new DomainException("source", new Text("来源无效", "unknown source")),
            Priority = SupervisionPriority.Normal,
            State = SupervisionState.Draft,
            LeadUnitId = leadUnitId,
            SupervisingUnitId = supervisingUnitId,
            Deadline = CheckDeadline(deadline, "deadline"),
            OriginalDeadline = deadline,
            CreatedAt = at,
            CreatedBy = Code.RequireText(by.Name, "actor", Stamp.ActorMaxLength),
            Version = 1,
        };
        var (party, onBehalf) = Authorize(SupervisionAction.Create, by);
        item.Append(SupervisionAction.Create, null, SupervisionState.Draft, by, party, onBehalf, at, null, null, deadline, null);
        return item;
    }

    /// <summary>Sets what the item is about; only a draft can be rewritten, since what was handed over is what is judged.</summary>
    public void Describe(string title, string? description, SupervisionPriority priority)
    {
        RequireDraft("title");
        var newTitle = Code.RequireText(title, "title", TitleMaxLength);
        Description = Code.OptionalText(description, "description", DescriptionMaxLength);
        Priority = Enum.IsDefined(priority) ? priority : throw new DomainException("priority", new Text("优先级无效", "unknown priority"));
        Title = newTitle;
    }

    public void SupportWith(IEnumerable<int> unitIds)
    {
        RequireDraft("supportingOrgs");
        var ids = unitIds.Distinct().ToList();
        if (ids.Contains(LeadUnitId))
        {
            throw new DomainException("supportingOrgs", new Text("牵头单位不能同时是配合单位", "the lead unit cannot also be a supporting unit"));
        }

        _supportingUnits.RemoveAll(s => !ids.Contains(s.OrgUnitId));
        foreach (var id in ids.Where(id => _supportingUnits.All(s => s.OrgUnitId != id)))
        {
            _supportingUnits.Add(new SupervisionItemUnit(id));
        }
    }

    /// <summary>Links the item to what it is about: a plan item, an indicator at a unit, a project, a document sentence.</summary>
    public void Link(int? planItemId, int? indicatorId, int? indicatorUnitId, int? projectId, int? documentId, string? sourceSentence)
    {
        RequireDraft("links");
        if (indicatorUnitId is not null && indicatorId is null)
        {
            throw new DomainException("indicatorOrg", new Text("指定了指标单位却未指定指标", "an indicator unit needs an indicator"));
        }

        SourceSentence = Code.OptionalText(sourceSentence, "sourceSentence", SourceSentenceMaxLength);
        PlanItemId = planItemId;
        IndicatorId = indicatorId;
        IndicatorUnitId = indicatorId is null ? null : indicatorUnitId ?? LeadUnitId;
        ProjectId = projectId;
        DocumentId = documentId;
        UnlinkedProject = null;
        UnlinkedDocument = null;
    }

    /// <summary>Requires the linked indicator (or every listed figure) to be out of red for <paramref name="periods"/> periods before closing (null: no such rule).</summary>
    public void RequireClearPeriods(int? periods)
    {
        RequireDraft("clearPeriodsToClose");
        if (periods is not null && IndicatorId is null && _indicators.Count == 0)
        {
            throw new DomainException("clearPeriodsToClose", new Text("须先关联指标", "the rule needs a linked indicator"));
        }

        if (periods is < 1 or > MaxClearPeriods)
        {
            throw new DomainException("clearPeriodsToClose", new Text($"期数须在1–{MaxClearPeriods}之间", $"periods must be 1–{MaxClearPeriods}"));
        }

        ClearPeriodsToClose = periods;
    }

    /// <summary>Marks an item a rule opened, so that the rule opens it once.</summary>
    public void AttributeToRule(string causeKey, string ruleKey, DateOnly causeDate)
    {
        CauseKey = Code.RequireText(causeKey, "causeKey", RuleKeyMaxLength);
        RuleKey = Code.RequireText(ruleKey, "ruleKey", RuleKeyMaxLength);
        CauseDate = causeDate;
    }

    /// <summary>Lists the figures a rule caught, as the item is written (a draft); a figure listed already is not listed twice.</summary>
    public void Cover(IEnumerable<IndicatorHit> hits, DateTimeOffset at)
    {
        RequireDraft("indicators");
        Add(hits, at);
    }

    /// <summary>
    /// 并入: figures caught after the item opened join its list instead of opening another item for the same
    /// lead unit, with an entry in the history naming them. Null when every figure was listed already.
    /// </summary>
    public SupervisionEvent? Absorb(IEnumerable<IndicatorHit> hits, string by, DateTimeOffset at)
    {
        if (SupervisionWorkflow.IsFinished(State))
        {
            throw new DomainConflictException("state", new Text($"事项{SupervisionWorkflow.Name(State)},不能再并入指标", $"cannot add figures to an item that is {Camel(State)}"));
        }

        var added = Add(hits, at);
        if (added.Count == 0)
        {
            return null;
        }

        var list = string.Join("、", added.Select(h => $"{h.Label}({h.First}–{h.Last})"));
        var note = new Text($"并入{added.Count}项新落后指标:{list}", $"{added.Count} more lagging figures added: {string.Join(", ", added.Select(h => $"{h.Label} ({h.First}–{h.Last})"))}");
        // Comments are stored, so in both languages: whoever reads the history later reads it in theirs.
        var comment = note.Bilingual;
        return Record(SupervisionAction.Absorb, by, at, comment.Length <= CommentMaxLength ? comment : comment[..(CommentMaxLength - 1)] + "…", null, null);
    }

    /// <summary>交办: hands the draft to the lead unit; the deadline may be fixed now.</summary>
    public SupervisionEvent Assign(SupervisionParticipant by, DateTimeOffset at, string? comment, DateOnly? deadline = null)
    {
        var (party, onBehalf) = Begin(SupervisionAction.Assign, by);
        var note = Comment(comment, required: false);
        if (deadline is { } d)
        {
            Deadline = CheckDeadline(d, "deadline");
            OriginalDeadline = d;
        }

        AssignedAt = at;
        return Move(SupervisionAction.Assign, SupervisionState.Assigned, by, party, onBehalf, at, note, null, Deadline);
    }

    /// <summary>签收.</summary>
    public SupervisionEvent Accept(SupervisionParticipant by, DateTimeOffset at, string? comment)
    {
        var (party, onBehalf) = Begin(SupervisionAction.Accept, by);
        return Move(SupervisionAction.Accept, SupervisionState.Accepted, by, party, onBehalf, at, Comment(comment, required: false), null, null);
    }

    public SupervisionEvent Start(SupervisionParticipant by, DateTimeOffset at, string? comment)
    {
        var (party, onBehalf) = Begin(SupervisionAction.Start, by);
        return Move(SupervisionAction.Start, SupervisionState.InProgress, by, party, onBehalf, at, Comment(comment, required: false), null, null);
    }

    /// <summary>报结: the lead unit reports the item done, with what it has to show for it.</summary>
    public SupervisionEvent Submit(SupervisionParticipant by, DateTimeOffset at, string? comment, IEnumerable<string>? evidence)
    {
        var (party, onBehalf) = Begin(SupervisionAction.Submit, by);
        var proof = Evidence(evidence);
        return Move(SupervisionAction.Submit, SupervisionState.Submitted, by, party, onBehalf, at, Comment(comment, required: false), proof, null);
    }

    /// <summary>
    /// 核验办结: the supervising unit checks the result and closes the item. Needs evidence of the check, a
    /// verifier from outside the lead unit, and — when the item carries the rule — the linked indicator and every
    /// listed figure out of red for the required periods (<paramref name="figures"/>: each one's latest periods'
    /// statuses, newest first).
    /// </summary>
    public SupervisionEvent Verify(SupervisionParticipant by, DateTimeOffset at, string? comment, IEnumerable<string>? evidence, IReadOnlyList<ClosureFigure>? figures)
    {
        var (party, onBehalf) = Begin(SupervisionAction.Verify, by);
        var proof = Evidence(evidence);
        if (proof.Count == 0)
        {
            throw new DomainException("evidence", new Text("办结须附核验证据(文字说明或文件引用)", "closing needs evidence of the verification (text or a file reference)"));
        }

        if (ClearPeriodsToClose is { } n)
        {
            var known = figures is { Count: > 0 } ? figures : [new ClosureFigure(string.Empty, [])];
            var behind = known.Select(f => (f.Label, Clear: f.NewestFirst.TakeWhile(s => s is EvaluationStatus.Green or EvaluationStatus.Yellow).Count()))
                .Where(f => f.Clear < n).ToList();
            if (behind.Count == 1 && known.Count == 1)
            {
                int clear = behind[0].Clear;
                throw new DomainConflictException("clearPeriodsToClose", new Text($"关联指标须连续{n}期脱离红灯方可办结,目前最近{clear}期达标", $"the linked indicator must be out of red for {n} periods in a row before closing; the latest {clear} are"));
            }

            if (behind.Count > 0)
            {
                var names = string.Join(", ", behind.Take(10).Select(f => $"{f.Label} ({f.Clear})")) + (behind.Count > 10 ? ", …" : string.Empty);
                throw new DomainConflictException("clearPeriodsToClose", new Text($"所列{known.Count}项指标须全部连续{n}期脱离红灯方可办结,尚有{behind.Count}项未达到", $"all {known.Count} listed figures must be out of red for {n} periods in a row before closing; {behind.Count} are not yet (latest periods out of red): {names}"));
            }
        }

        ClosedAt = at;
        return Move(SupervisionAction.Verify, SupervisionState.Closed, by, party, onBehalf, at, Comment(comment, required: false), proof, null);
    }

    /// <summary>退回: verification found the item not done; the reason is required.</summary>
    public SupervisionEvent Return(SupervisionParticipant by, DateTimeOffset at, string? comment)
    {
        var (party, onBehalf) = Begin(SupervisionAction.Return, by);
        return Move(SupervisionAction.Return, SupervisionState.Returned, by, party, onBehalf, at, Comment(comment, required: true), null, null);
    }

    /// <summary>延期申请: asks for a later deadline, with the reason; the item waits for the decision.</summary>
    public SupervisionEvent RequestExtension(SupervisionParticipant by, DateTimeOffset at, string? comment, DateOnly? deadline)
    {
        var (party, onBehalf) = Begin(SupervisionAction.RequestExtension, by);
        var reason = Comment(comment, required: true);
        var requested = Later(deadline ?? throw new DomainException("deadline", new Text("须提供申请延至的日期", "the requested deadline is required")));
        StateBeforeExtension = State;
        RequestedDeadline = requested;
        return Move(SupervisionAction.RequestExtension, SupervisionState.ExtensionRequested, by, party, onBehalf, at, reason, null, requested);
    }

    /// <summary>
    /// Approves the extension: the requested deadline, or another one the supervising unit sets. The new
    /// deadline is the one reminders and escalation measure from, so the ladder starts again.
    /// </summary>
    public SupervisionEvent ApproveExtension(SupervisionParticipant by, DateTimeOffset at, string? comment, DateOnly? deadline)
    {
        var (party, onBehalf) = Begin(SupervisionAction.ApproveExtension, by);
        var note = Comment(comment, required: false);
        var granted = Later(deadline ?? RequestedDeadline!.Value);
        var back = StateBeforeExtension!.Value;
        Deadline = granted;
        EscalationLevel = 0;
        EscalatedOn = null;
        StateBeforeExtension = null;
        RequestedDeadline = null;
        return Move(SupervisionAction.ApproveExtension, back, by, party, onBehalf, at, note, null, granted);
    }

    public SupervisionEvent RejectExtension(SupervisionParticipant by, DateTimeOffset at, string? comment)
    {
        var (party, onBehalf) = Begin(SupervisionAction.RejectExtension, by);
        var reason = Comment(comment, required: true);
        var back = StateBeforeExtension!.Value;
        StateBeforeExtension = null;
        RequestedDeadline = null;
        return Move(SupervisionAction.RejectExtension, back, by, party, onBehalf, at, reason, null, Deadline);
    }

    /// <summary>撤销: withdraws the item; the reason is required and the item stays in the record.</summary>
    public SupervisionEvent Cancel(SupervisionParticipant by, DateTimeOffset at, string? comment)
    {
        var (party, onBehalf) = Begin(SupervisionAction.Cancel, by);
        var reason = Comment(comment, required: true);
        StateBeforeExtension = null;
        RequestedDeadline = null;
        return Move(SupervisionAction.Cancel, SupervisionState.Cancelled, by, party, onBehalf, at, reason, null, null);
    }

    /// <summary>
    /// 催办: reminds the lead unit when the deadline is near, at most once per reminder day and deadline, so a
    /// run repeated on the same day (or a missed day caught up) reminds once. Null when no reminder is due.
    /// </summary>
    public SupervisionEvent? Remind(DateOnly asOf, ReminderSchedule schedule, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        int daysLeft = Deadline.DayNumber - asOf.DayNumber;
        if (!IsRunning || daysLeft < 0 || schedule.DueFor(daysLeft) is not { } due)
        {
            return null;
        }

        if (RemindedFor == Deadline && RemindedDaysBefore <= due)
        {
            return null;
        }

        RemindedFor = Deadline;
        RemindedDaysBefore = due;
        var note = daysLeft == 0
            ? new Text("今日到期", $"due today ({Iso(Deadline)})")
            : new Text($"距截止还有{daysLeft}天", $"{daysLeft} days to the deadline ({Iso(Deadline)})");
        return Record(SupervisionAction.Remind, by, at, note.Bilingual, Deadline, null);
    }

    /// <summary>
    /// 升级: climbs the ladder as far as the days overdue reach, one entry per level (each level has its own
    /// audience). The level only rises, so running it again for the same day, or an earlier one, adds nothing.
    /// </summary>
    public IReadOnlyList<SupervisionEvent> Escalate(DateOnly asOf, EscalationLadder ladder, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        int overdue = DaysOverdue(asOf);
        int target = ladder.LevelFor(overdue);
        var added = new List<SupervisionEvent>();
        while (EscalationLevel < target)
        {
            EscalationLevel++;
            EscalatedOn = asOf;
            added.Add(Record(
                SupervisionAction.Escalate,
                by,
                at,
                new Text($"截至{Iso(asOf)}逾期{overdue}天,升级至第{EscalationLevel}级", $"{overdue} days overdue as of {Iso(asOf)}: escalated to level {EscalationLevel}").Bilingual,
                Deadline,
                EscalationLevel));
        }

        return added;
    }

    /// <summary>
    /// Whether the item closed by its deadline in force (an approved extension counts as the deadline), the deadline
    /// being a day in <paramref name="zone"/> (China's: where the deadlines are set).
    /// </summary>
    public bool? ClosedOnTime(TimeZoneInfo zone) => ClosedAt is { } closed
        ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(closed, zone).DateTime) <= Deadline
        : null;

    /// <summary>
    /// The transitions <paramref name="by"/> may make now — the right party, from the current state — and whether
    /// they would act on a party's behalf: what a form offers. The methods still decide, inputs included.
    /// </summary>
    public IReadOnlyList<SupervisionOption> OptionsFor(SupervisionParticipant by)
    {
        ArgumentNullException.ThrowIfNull(by);
        return [.. SupervisionWorkflow.Transitions
            .Where(a => SupervisionWorkflow.Allows(State, a))
            .Select(a => (Action: a, Standing: Standing(a, by)))
            .Where(x => x.Standing.Refusal is null)
            .Select(x => new SupervisionOption(x.Action, x.Standing.Party, x.Standing.OnBehalf))];
    }

    private static (SupervisionParty Party, bool OnBehalf) Authorize(SupervisionAction action, SupervisionParticipant by)
    {
        var (party, onBehalf, refusal) = Standing(action, by);
        return refusal is null ? (party, onBehalf) : throw new DomainForbiddenException("actor", refusal.Value);
    }

    /// <summary>The party an action is made for and whether by an Admin on its behalf, or why the participant may not make it.</summary>
    private static (SupervisionParty Party, bool OnBehalf, Text? Refusal) Standing(SupervisionAction action, SupervisionParticipant by)
    {
        if (by.IsSystem && action == SupervisionAction.Create)
        {
            return (SupervisionParty.System, false, null);
        }

        var party = action == SupervisionAction.Create ? SupervisionParty.Supervisor : SupervisionWorkflow.PartyOf(action);
        var (zh, en) = SupervisionWorkflow.Verb(action);
        if (party == SupervisionParty.Lead)
        {
            return by.LeadMember ? (party, false, null)
                : by.Admin ? (party, true, null)
                : (party, false, new Text($"只有牵头单位的人员可以{zh}督办事项", $"only people of the lead unit may {en} an item"));
        }

        if (by.FromLeadUnit)
        {
            return (party, false, new Text($"牵头单位的人员不能{zh}本单位的督办事项", $"people of the lead unit cannot {en} its own item"));
        }

        return by.Supervisor ? (party, false, null)
            : by.Admin ? (party, true, null)
            : (party, false, new Text($"只有督办单位可以{zh}督办事项", $"only the supervising unit may {en} an item"));
    }

    /// <summary>Checks the party first (who may), then the state (whether now): an outsider learns nothing about the state.</summary>
    private (SupervisionParty Party, bool OnBehalf) Begin(SupervisionAction action, SupervisionParticipant by)
    {
        ArgumentNullException.ThrowIfNull(by);
        var authorized = Authorize(action, by);
        if (!SupervisionWorkflow.Allows(State, action))
        {
            var (zh, en) = SupervisionWorkflow.Verb(action);
            throw new DomainConflictException("state", new Text($"事项{SupervisionWorkflow.Name(State)},不能{zh}", $"cannot {en} an item that is {Camel(State)}"));
        }

        return authorized;
    }

    private SupervisionEvent Move(SupervisionAction action, SupervisionState to, SupervisionParticipant by, SupervisionParty party, bool onBehalf, DateTimeOffset at, string? comment, IReadOnlyList<string>? evidence, DateOnly? deadline)
    {
        var from = State;
        State = to;
        return Append(action, from, to, by, party, onBehalf, at, comment, evidence, deadline, null);
    }

    private SupervisionEvent Record(SupervisionAction action, string by, DateTimeOffset at, string comment, DateOnly? deadline, int? level) =>
        Append(action, State, State, SupervisionParticipant.System(by), SupervisionParty.System, false, at, comment, null, deadline, level);

    private SupervisionEvent Append(SupervisionAction action, SupervisionState? from, SupervisionState to, SupervisionParticipant by, SupervisionParty party, bool onBehalf, DateTimeOffset at, string? comment, IReadOnlyList<string>? evidence, DateOnly? deadline, int? level)
    {
        var e = new SupervisionEvent(++EventCount, action, from, to, Code.RequireText(by.Name, "actor", Stamp.ActorMaxLength), party, onBehalf, at, comment, evidence, deadline, level);
        _events.Add(e);
        Version++;
        return e;
    }

    private void RequireDraft(string field)
    {
        if (State != SupervisionState.Draft)
        {
            throw new DomainConflictException(field, new Text("事项已交办,内容不能再改", "the item has been assigned; what it says can no longer change"));
        }
    }

    private DateOnly Later(DateOnly requested) => requested > Deadline
        ? CheckDeadline(requested, "deadline")
        : throw new DomainException("deadline", new Text($"延期后的截止日期须晚于当前截止日期 {Iso(Deadline)}", $"the new deadline must be after the current one, {Iso(Deadline)}"));

    private static DateOnly CheckDeadline(DateOnly deadline, string field) => deadline.Year is >= 2000 and <= Period.MaxYear
        ? deadline
        : throw new DomainException(field, new Text($"截止日期须在2000–{Period.MaxYear}年之间", $"the deadline must fall in 2000–{Period.MaxYear}"));

    private static string? Comment(string? comment, bool required) => required
        ? Code.RequireText(comment, "comment", CommentMaxLength)
        : Code.OptionalText(comment, "comment", CommentMaxLength);

    private static List<string> Evidence(IEnumerable<string>? evidence)
    {
        var list = new List<string>();
        foreach (var e in evidence ?? [])
        {
            if (Code.OptionalText(e, "evidence", EvidenceMaxLength) is { } text && !list.Contains(text, StringComparer.Ordinal))
            {
                list.Add(text);
            }
        }

        return list.Count <= MaxEvidence
            ? list
            : throw new DomainException("evidence", new Text($"证据最多{MaxEvidence}项", $"at most {MaxEvidence} pieces of evidence"));
    }

    private List<IndicatorHit> Add(IEnumerable<IndicatorHit> hits, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(hits);
        var added = new List<IndicatorHit>();
        foreach (var h in hits)
        {
            if (_indicators.Any(x => x.IndicatorId == h.IndicatorId && x.OrgUnitId == h.OrgUnitId) || added.Any(x => x.IndicatorId == h.IndicatorId && x.OrgUnitId == h.OrgUnitId))
            {
                continue;
            }

            if (h.First > h.Last || h.First.Kind != h.Last.Kind)
            {
                throw new DomainException("indicators", new Text($"{h.Label}: 连续期的起止不符", $"{h.Label}: the streak's first and last periods do not agree"));
            }

            added.Add(h);
        }

        if (_indicators.Count + added.Count > MaxIndicators)
        {
            throw new DomainException("indicators", new Text($"一个事项最多列{MaxIndicators}项指标", $"an item lists at most {MaxIndicators} figures"));
        }

        foreach (var h in added)
        {
            _indicators.Add(new SupervisionItemIndicator(h.IndicatorId, h.OrgUnitId, h.First.ToString(), h.Last.ToString(), Clip(h.ReasonZh), Clip(h.ReasonEn), at));
        }

        return added;
    }

    private static string Clip(string text) => text.Length <= ReasonMaxLength ? text : text[..(ReasonMaxLength - 1)] + "…";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Camel(SupervisionState state)
    {
        var name = state.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}

/// <summary>A transition a participant may make now, for which party, and whether as an Admin acting on that party's behalf.</summary>
public sealed record SupervisionOption(SupervisionAction Action, SupervisionParty Party, bool OnBehalf);

/// <summary>One figure an item answers for: an indicator at a unit, behind from <see cref="FirstPeriod"/> to <see cref="LastPeriod"/>, and why.</summary>
public sealed class SupervisionItemIndicator
{
    private SupervisionItemIndicator()
    {
        FirstPeriod = string.Empty;
        LastPeriod = string.Empty;
        ReasonZh = string.Empty;
        ReasonEn = string.Empty;
    }

    internal SupervisionItemIndicator(int indicatorId, int orgUnitId, string firstPeriod, string lastPeriod, string reasonZh, string reasonEn, DateTimeOffset addedAt)
    {
        IndicatorId = indicatorId;
        OrgUnitId = orgUnitId;
        FirstPeriod = firstPeriod;
        LastPeriod = lastPeriod;
        ReasonZh = reasonZh;
        ReasonEn = reasonEn;
        AddedAt = addedAt;
    }

    public int ItemId { get; private set; }
    public int IndicatorId { get; private set; }
    public int OrgUnitId { get; private set; }
    public string FirstPeriod { get; private set; }
    public string LastPeriod { get; private set; }

    /// <summary>The evaluation engine's reason for the latest period, in Chinese and in English.</summary>
    public string ReasonZh { get; private set; }
    public string ReasonEn { get; private set; }
    public DateTimeOffset AddedAt { get; private set; }
}

/// <summary>A figure a rule caught: an indicator at a unit behind from <paramref name="First"/> to <paramref name="Last"/>; <paramref name="Label"/> names it in the history (FAI@330103).</summary>
public sealed record IndicatorHit(int IndicatorId, int OrgUnitId, Period First, Period Last, string ReasonZh, string ReasonEn, string Label);

/// <summary>A figure's latest periods' statuses, newest first, for the closure rule; <paramref name="Label"/> names it in a refusal.</summary>
public sealed record ClosureFigure(string Label, IReadOnlyList<EvaluationStatus> NewestFirst);

public sealed class SupervisionItemUnit(int orgUnitId)
{
    public int ItemId { get; private set; }
    public int OrgUnitId { get; private set; } = orgUnitId;
}
