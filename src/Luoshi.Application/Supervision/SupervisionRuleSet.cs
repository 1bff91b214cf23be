using Luoshi.Application.Data;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Supervision;

/// <summary>
/// The indicator rules in force: those stored, and — until someone edits or switches it, which stores it — the
/// default rule as the <c>Luoshi:Supervision</c> settings describe it, so that a data directory that never
/// touched its rules behaves as the settings say. The default rule comes first, then the others by code.
/// </summary>
internal static class SupervisionRuleSet
{
    public static async Task<List<SupervisionRule>> Load(LuoshiDbContext db, SupervisionOptions settings, CancellationToken ct)
    {
        var stored = await db.SupervisionRules.AsNoTracking().ToListAsync(ct);
        if (stored.All(r => r.Code != SupervisionRule.DefaultCode))
        {
            stored.Add(Default(settings));
        }

        return [.. stored.OrderBy(r => r.Code == SupervisionRule.DefaultCode ? 0 : 1).ThenBy(r => r.Code, StringComparer.Ordinal)];
    }

    public static SupervisionRule Default(SupervisionOptions settings) =>
        SupervisionRule.FromSettingsOf(settings.RedPeriods, settings.RedItemClearPeriods, settings.RuleDeadlineDays);
}

/// <summary>A rule as lists and forms show it; <c>fromSettings</c> marks the default rule while it is still the settings (version 0).</summary>
public sealed record SupervisionRuleView(
    string Code,
    string Name,
    bool Enabled,
    IReadOnlyList<string> Indicators,
    string? PlanItem,
    int Periods,
    decimal? MinGapPoints,
    IReadOnlyList<OrgUnitKind> UnitKinds,
    int? ClearPeriodsToClose,
    int DeadlineDays,
    string ConditionZh,
    string ConditionEn,
    bool FromSettings,
    int Version,
    DateTimeOffset? UpdatedAt,
    string? UpdatedBy)
{
    public static SupervisionRuleView Of(SupervisionRule r)
    {
        var (zh, en) = r.Condition();
        return new(
            r.Code,
            r.Name,
            r.Enabled,
            r.IndicatorCodes,
            r.PlanItemCode,
            r.Periods,
            r.MinGapPoints,
            r.UnitKinds,
            r.ClearPeriodsToClose,
            r.DeadlineDays,
            zh,
            en,
            r.FromSettings,
            r.Version,
            r.FromSettings ? null : r.UpdatedAt,
            r.FromSettings ? null : r.UpdatedBy);
    }
}
