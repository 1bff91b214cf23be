using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Luoshi.Application.Supervision;

/// <summary>
/// Writes an indicator rule, or rewrites one (with the version the caller read), for the supervising office
/// (<see cref="Permission.Supervise"/> over the whole tree: a rule reaches every unit). Indicators and the plan
/// item are named by code and must exist; unit kinds are Province, City, County or Department. The default rule
/// is stored by its first edit (it reads as version 0 until then). Items a rule opened keep what they were opened
/// for. Every save raises the version and is audited.
/// </summary>
public sealed class SaveSupervisionRule(LuoshiDbContext db, ICurrentActor actor, TimeProvider clock, IOptions<SupervisionOptions> options)
{
    public sealed record Request(
        string? Code = null,
        string? Name = null,
        IReadOnlyList<string>? Indicators = null,
        string? PlanItem = null,
        int? Periods = null,
        decimal? MinGapPoints = null,
        IReadOnlyList<string>? UnitKinds = null,
        int? ClearPeriodsToClose = null,
        int? DeadlineDays = null,
        bool? Enabled = null,
        int? Version = null);

    /// <summary>Codes that name pages and routes under /supervision/rules rather than a rule.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal) { "preview", "new" };

    public async Task<SupervisionRuleView> Create(Request r, CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.Supervise);
        if (r.Code?.Trim() is { } wanted && Reserved.Contains(wanted))
        {
            throw InputRefusedException.Single("code", new Text($"{wanted} 是保留字,不能作规则代码", $"'{wanted}' is reserved and cannot name a rule"));
        }

        var definition = await Definition(r, ct);
        var now = clock.GetUtcNow();
        var rule = SupervisionRule.Create(r.Code!, r.Name!, definition, actor.Name, now);
        if (await db.SupervisionRules.AnyAsync(x => x.Code == rule.Code, ct))
        {
            throw new ConflictException("code", new Text($"规则代码 {rule.Code} 已存在", $"rule code {rule.Code} already exists"));
        }

        if (r.Enabled == true)
        {
            rule.Enable(actor.Name, now);
        }

        db.SupervisionRules.Add(rule);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseConflict.Is(e))
        {
            throw new ConflictException("code", new Text($"规则代码 {rule.Code} 刚被他人使用", $"rule code {rule.Code} was taken a moment ago"));
        }

        return SupervisionRuleView.Of(rule);
    }

    public async Task<SupervisionRuleView> Update(string code, Request r, CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.Supervise);
        if (r.Version is not { } read)
        {
            throw InputRefusedException.Single("version", new Text("须提供读取时的版本号", "the version you read is required"));
        }

        var now = clock.GetUtcNow();
        var rule = await Stored(db, options.Value, code, actor.Name, now, read, ct);
        var definition = await Definition(r, ct);
        rule.Define(r.Name!, definition, actor.Name, now);
        if (r.Enabled is { } enabled && enabled != rule.Enabled)
        {
            if (enabled)
            {
                rule.Enable(actor.Name, now);
            }
            else
            {
                rule.Disable(actor.Name, now);
            }
        }

        await Save(db, ct);
        return SupervisionRuleView.Of(rule);
    }

    /// <summary>
    /// The stored rule, tracked, after checking the version the caller read; the default rule still in the settings is
    /// adopted (added, to be stored with the change).
    /// </summary>
    internal static async Task<SupervisionRule> Stored(LuoshiDbContext db, SupervisionOptions settings, string code, string by, DateTimeOffset now, int? read, CancellationToken ct)
    {
        var key = code.Trim();
        var rule = await db.SupervisionRules.SingleOrDefaultAsync(x => x.Code == key, ct);
        if (rule is null)
        {
            if (key != SupervisionRule.DefaultCode)
            {
                throw new NotFoundException(new Text("督办规则", "supervision rule"), Parsing.Clip(code));
            }

            if (read is { } v && v != 0)
            {
                throw new ConflictException("version", new Text("默认规则已被他人修改,请刷新", "the default rule was changed by someone else; reload"));
            }

            rule = SupervisionRule.Adopt(SupervisionRuleSet.Default(settings), by, now);
            db.SupervisionRules.Add(rule);
            return rule;
        }

        if (read is { } expected && expected != rule.Version)
        {
            throw new ConflictException("version", new Text($"规则已被他人修改(当前版本 {rule.Version})", $"the rule was changed by someone else (now version {rule.Version})"));
        }

        return rule;
    }

    /// <summary>Saves the rule; the version it was read at is its concurrency token, so a change made meanwhile is answered 409.</summary>
    internal static async Task Save(LuoshiDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DatabaseConflict.Is(e))
        {
            throw new ConflictException("version", new Text("规则刚被他人修改,请刷新后重试", "someone else has just changed the rule; reload and retry"));
        }
    }

    /// <summary>The definition from the request, with every unknown indicator, plan item or unit kind named at once; the rule checks the rest.</summary>
    private async Task<RuleDefinition> Definition(Request r, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var settings = options.Value;
        var codes = (r.Indicators ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count > SupervisionRule.MaxIndicators)
        {
            errors.Add(new("indicators", new Text($"最多列{SupervisionRule.MaxIndicators}个指标", $"at most {SupervisionRule.MaxIndicators} indicators")));
            codes = [];
        }

        var known = codes.Count == 0 ? [] : await db.Indicators.AsNoTracking().Where(i => codes.Contains(i.Code)).Select(i => i.Code).ToListAsync(ct);
        foreach (var missing in codes.Except(known, StringComparer.Ordinal).Take(5))
        {
            errors.Add(new("indicators", new Text($"指标 {Parsing.Clip(missing)} 不存在", $"indicator '{Parsing.Clip(missing)}' does not exist")));
        }

        var plan = string.IsNullOrWhiteSpace(r.PlanItem) ? null : r.PlanItem.Trim();
        if (plan is not null && !await db.PlanItems.AsNoTracking().AnyAsync(p => p.Code == plan, ct))
        {
            errors.Add(new("planItem", new Text($"计划项 {Parsing.Clip(plan)} 不存在", $"plan item '{Parsing.Clip(plan)}' does not exist")));
        }

        var kinds = new List<OrgUnitKind>();
        foreach (var text in (r.UnitKinds ?? []).Where(k => !string.IsNullOrWhiteSpace(k)))
        {
            if (Enum.TryParse<OrgUnitKind>(text.Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind) && kind != OrgUnitKind.Reference && !int.TryParse(text, out _))
            {
                kinds.Add(kind);
            }
            else
            {
                errors.Add(new("unitKinds", new Text($"单位类型 {Parsing.Clip(text)} 无效,应为 Province、City、County 或 Department", $"unit kind '{Parsing.Clip(text)}' is not Province, City, County or Department")));
            }
        }

        if (errors.Count > 0)
        {
            throw new InputRefusedException(errors);
        }

        return new RuleDefinition(codes, plan, r.Periods ?? settings.RedPeriods, r.MinGapPoints, kinds, r.ClearPeriodsToClose, r.DeadlineDays ?? settings.RuleDeadlineDays);
    }
}
