using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Indicators;

/// <summary>
/// Defines an indicator, or redefines one (with the version the caller read). A formula is checked
/// against all other indicators: every code must exist and no formula may depend on itself.
/// </summary>
public sealed class SaveIndicator(Data.LuoshiDbContext db, ICurrentActor actor)
{
    public sealed record Request(
        string? Code,
        string? Name,
        string? Unit,
        Direction? Direction,
        Frequency? Frequency,
        ValueKind? ValueKind,
        Aggregation? Aggregation,
        string? Formula = null,
        string? Tolerance = null,
        ProgressProfile? Profile = null,
        int? Decimals = null,
        int? DueDay = null,
        string? ResponsibleUnit = null,
        IReadOnlyList<string>? PlanItems = null,
        int? Version = null);

    public async Task<IndicatorView> Create(Request r, CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.ManageIndicators);
        var indicator = Indicator.Create(r.Code!, r.Name!, r.Unit ?? string.Empty);
        if (await db.Indicators.AnyAsync(i => i.Code == indicator.Code, ct))
        {
            throw new ConflictException("code", new Text($"指标代码 {indicator.Code} 已存在", $"indicator code {indicator.Code} already exists"));
        }

        await Fill(indicator, r, ct);
        db.Indicators.Add(indicator);
        await db.SaveChangesAsync(ct);
        return await new GetIndicator(db).Handle(indicator.Code, ct);
    }

    public async Task<IndicatorView> Update(string code, Request r, CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.ManageIndicators);
        if (r.Version is null)
        {
            throw InputRefusedException.Single("version", new Text("须提供读取时的版本号", "the version you read is required"));
        }

        var indicator = await db.Indicators.Include(i => i.PlanLinks).IndicatorByCodeAsync(code, ct);
        if (indicator.Version != r.Version)
        {
            throw new ConflictException("version", new Text($"指标已被他人修改(当前版本 {indicator.Version})", $"the indicator was changed by someone else (now version {indicator.Version})"));
        }

        await Fill(indicator, r, ct);
        db.EditAsOf(indicator, r.Version.Value);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", new Text("指标已被他人修改", "the indicator was changed by someone else"));
        }

        return await new GetIndicator(db).Handle(indicator.Code, ct);
    }

    private async Task Fill(Indicator indicator, Request r, CancellationToken ct)
    {
        indicator.Define(
            r.Name!,
            r.Unit ?? string.Empty,
            r.Direction ?? throw Required("direction"),
            r.Frequency ?? throw Required("frequency"),
            r.ValueKind ?? throw Required("valueKind"),
            r.Aggregation ?? (string.IsNullOrWhiteSpace(r.Formula) ? Aggregation.Sum : Aggregation.Formula),
            r.Formula,
            Tolerance.Parse(r.Tolerance),
            r.Profile ?? ProgressProfile.Linear,
            r.Decimals ?? 2);
        if (r.DueDay is { } day)
        {
            indicator.SetDueDay(day);
        }

        int? responsible = null;
        if (!string.IsNullOrWhiteSpace(r.ResponsibleUnit))
        {
            responsible = await db.OrgUnits.Where(u => u.Code == r.ResponsibleUnit.Trim()).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct)
                ?? throw InputRefusedException.Single("responsibleUnit", new Text($"单位 {Parsing.Clip(r.ResponsibleUnit)} 不存在", $"org unit '{Parsing.Clip(r.ResponsibleUnit)}' does not exist"));
        }

        indicator.AssignResponsibleUnit(responsible);

        var planIds = new List<int>();
        foreach (var code in r.PlanItems ?? [])
        {
            planIds.Add(await db.PlanItems.Where(p => p.Code == code.Trim()).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct)
                ?? throw InputRefusedException.Single("planItems", new Text($"计划项 {Parsing.Clip(code)} 不存在", $"plan item '{Parsing.Clip(code)}' does not exist")));
        }

        indicator.LinkPlanItems(planIds);
        await FormulaGraph.Check(db, indicator, ct);
    }

    private static InputRefusedException Required(string field) =>
        InputRefusedException.Single(field, new Text("不能为空", "is required"));
}

internal static class FormulaGraph
{
    /// <summary>Checks every formula together with <paramref name="changed"/> (new or redefined): known codes, no cycles.</summary>
    public static async Task Check(Data.LuoshiDbContext db, Indicator changed, CancellationToken ct)
    {
        var all = await db.Indicators.AsNoTracking().Select(i => new { i.Code, i.FormulaText }).ToListAsync(ct);
        var known = all.Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        known.Add(changed.Code);
        var formulas = all.Where(i => i.FormulaText != null && i.Code != changed.Code)
            .ToDictionary(i => i.Code, i => Formula.Parse(i.FormulaText), StringComparer.Ordinal);
        if (changed.Formula is { } f)
        {
            formulas[changed.Code] = f;
        }

        Indicator.CheckFormulaGraph(formulas, known);
    }
}
