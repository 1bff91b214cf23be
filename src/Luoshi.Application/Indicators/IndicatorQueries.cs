using Luoshi.Application.Common;
using Luoshi.Domain.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Indicators;

public sealed class ListIndicators(Data.LuoshiDbContext db)
{
    public async Task<IReadOnlyList<IndicatorView>> Handle(CancellationToken ct)
    {
        var list = await db.Indicators.AsNoTracking().Include(i => i.PlanLinks).OrderBy(i => i.Code).ToListAsync(ct);
        var orgs = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code, ct);
        var plans = await db.PlanItems.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Code, ct);
        return [.. list.Select(i => IndicatorViews.From(i, orgs, plans))];
    }
}

public sealed class GetIndicator(Data.LuoshiDbContext db)
{
    public async Task<IndicatorView> Handle(string code, CancellationToken ct)
    {
        var indicator = await db.Indicators.AsNoTracking().Include(i => i.PlanLinks).IndicatorByCodeAsync(code, ct);
        var orgs = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code, ct);
        var plans = await db.PlanItems.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Code, ct);
        return IndicatorViews.From(indicator, orgs, plans);
    }
}

internal static class IndicatorViews
{
    public static IndicatorView From(Indicator i, IReadOnlyDictionary<int, string> orgs, IReadOnlyDictionary<int, string> plans) => new(
        i.Id,
        i.Code,
        i.Name,
        i.Unit,
        i.Direction,
        i.Frequency,
        i.ValueKind,
        i.Aggregation,
        i.FormulaText,
        i.ToleranceText,
        i.Profile,
        i.Decimals,
        i.DueDay,
        i.ResponsibleUnitId is { } r ? orgs.GetValueOrDefault(r) : null,
        [.. i.PlanLinks.Select(l => plans.GetValueOrDefault(l.PlanItemId) ?? "?").Order(StringComparer.Ordinal)],
        i.Version);

    public static TargetView From(Target t, string indicator, string org) => new(
        t.Id, indicator, org, t.PeriodCode, t.Horizon, t.Value, t.Qualifier, t.UpperValue, t.Stretch, t.IsDeleted, t.Version, t.UpdatedAt, t.UpdatedBy);
}
