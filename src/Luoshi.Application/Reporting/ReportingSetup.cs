using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Reporting;

public sealed record RuleView(string Code, RuleKind Kind, RuleSeverity Severity, string? Expression, string? Indicator, decimal? Min, decimal? Max, decimal? MaxChangePercent, string Message);

public sealed record AssignmentView(string Indicator, string Org, bool Compulsory);

/// <summary>The reporting calendar (who reports what) and the validation rules: set by planners, read by everyone who reports.</summary>
public sealed class ReportingSetup(Data.LuoshiDbContext db, ICurrentActor actor)
{
    public sealed record RuleRequest(string? Code, RuleKind? Kind, RuleSeverity? Severity, string? Expression, string? Indicator, decimal? Min, decimal? Max, decimal? MaxChangePercent, string? Message);

    public sealed record AssignmentRequest(string? Indicator, string? Org, bool Compulsory = false);

    public async Task<IReadOnlyList<RuleView>> Rules(CancellationToken ct) =>
        [.. (await db.ValidationRules.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct)).Select(View)];

    public async Task<RuleView> AddRule(RuleRequest r, CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.ManageIndicators);
        var severity = r.Severity ?? RuleSeverity.Error;
        var rule = (r.Kind ?? RuleKind.Compare) switch
        {
            RuleKind.Compare => ValidationRule.Comparison(r.Code!, r.Expression ?? string.Empty, severity, r.Message!),
            RuleKind.Range => ValidationRule.InRange(r.Code!, await KnownIndicator(r.Indicator, ct), r.Min, r.Max, severity, r.Message!),
            _ => ValidationRule.ChangeAtMost(r.Code!, await KnownIndicator(r.Indicator, ct), r.MaxChangePercent ?? 0, severity, r.Message!),
        };
        var known = await db.Indicators.AsNoTracking().Select(i => i.Code).ToListAsync(ct);
        var unknown = rule.Inputs.FirstOrDefault(i => !known.Contains(i));
        if (unknown is not null)
        {
            throw new Domain.Common.DomainException("expression", new Text($"规则引用了不存在的指标 {unknown}", $"the rule refers to unknown indicator {unknown}"));
        }

        if (await db.ValidationRules.AnyAsync(x => x.Code == rule.Code, ct))
        {
            throw new ConflictException("code", new Text($"规则 {rule.Code} 已存在", $"rule {rule.Code} already exists"));
        }

        db.ValidationRules.Add(rule);
        await db.SaveChangesAsync(ct);
        return View(rule);
    }

    public async Task<IReadOnlyList<AssignmentView>> Assignments(string? org, CancellationToken ct)
    {
        var rows = from a in db.ReportingAssignments.AsNoTracking()
                   join i in db.Indicators on a.IndicatorId equals i.Id
                   join u in db.OrgUnits on a.OrgUnitId equals u.Id
                   select new { i.Code, Org = u.Code, a.Compulsory };
        if (!string.IsNullOrWhiteSpace(org))
        {
            rows = rows.Where(x => x.Org == org.Trim());
        }

        return [.. (await rows.OrderBy(x => x.Org).ThenBy(x => x.Code).ToListAsync(ct)).Select(x => new AssignmentView(x.Code, x.Org, x.Compulsory))];
    }

    public async Task<AssignmentView> Assign(AssignmentRequest r, CancellationToken ct)
    {
        var unit = await ReportContents.Unit(db, r.Org, ct);
        actor.Require(Permission.ManageTargets, unit);
        var indicator = await db.Indicators.AsNoTracking().IndicatorByCodeAsync(r.Indicator, "indicator", ct);
        if (indicator.IsDerived)
        {
            throw InputRefusedException.Single("indicator", new Text($"{indicator.Code} 由公式计算,不需填报", $"{indicator.Code} is computed, not reported"));
        }

        var existing = await db.ReportingAssignments.SingleOrDefaultAsync(a => a.IndicatorId == indicator.Id && a.OrgUnitId == unit.Id, ct);
        if (existing is null)
        {
            db.ReportingAssignments.Add(new ReportingAssignment(indicator.Id, unit.Id, r.Compulsory));
        }
        else
        {
            existing.SetCompulsory(r.Compulsory);
        }

        await db.SaveChangesAsync(ct);
        return new AssignmentView(indicator.Code, unit.Code, r.Compulsory);
    }

    private async Task<string> KnownIndicator(string? code, CancellationToken ct) =>
        await db.Indicators.AsNoTracking().Where(i => i.Code == (code ?? "").Trim()).Select(i => i.Code).SingleOrDefaultAsync(ct)
        ?? throw InputRefusedException.Single("indicator", new Text($"指标 {Parsing.Clip(code ?? "")} 不存在", $"indicator '{Parsing.Clip(code ?? "")}' does not exist"));

    private static RuleView View(ValidationRule r) => new(r.Code, r.Kind, r.Severity, r.Expression, r.IndicatorCode, r.Min, r.Max, r.MaxChangePercent, r.Message);
}
