using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Indicators;

/// <summary>Sets (or changes) the target of an indicator for a unit and a year or quarter; every change is a new version.</summary>
public sealed class SetTarget(Data.LuoshiDbContext db, ICurrentActor actor, TimeProvider clock)
{
    public sealed record Request(
        string? Indicator,
        string? Org,
        string? Year,
        decimal? Value,
        TargetQualifier? Qualifier,
        decimal? UpperValue = null,
        decimal? Stretch = null,
        Horizon? Horizon = null,
        string? Reason = null,
        int? Version = null);

    public async Task<TargetView> Handle(Request r, CancellationToken ct)
    {
        var indicator = await db.Indicators.IndicatorByCodeAsync(r.Indicator, "indicator", ct);
        var org = await db.OrgUnits.UnitByCodeAsync(r.Org, "org", ct);
        actor.Require(Permission.ManageTargets, org);
        var period = Period.TryParse(r.Year, out var p, out var error) ? p : throw new DomainException("year", error);
        var value = r.Value ?? throw InputRefusedException.Single("value", new Text("目标值不能为空", "value is required"));
        var qualifier = r.Qualifier ?? throw InputRefusedException.Single("qualifier", new Text("限定词不能为空", "qualifier is required"));

        var code = period.ToString();
        var target = await db.Targets.SingleOrDefaultAsync(t => t.IndicatorId == indicator.Id && t.OrgUnitId == org.Id && t.PeriodCode == code, ct);
        if (target is null)
        {
            target = Target.Create(indicator.Id, org.Id, period, r.Horizon ?? Horizon.Annual);
            db.Targets.Add(target);
        }
        else if (r.Version is { } expected && expected != target.Version)
        {
            throw new ConflictException("version", new Text($"目标值已被他人修改(当前版本 {target.Version})", $"the target was changed by someone else (now version {target.Version})"));
        }

        target.Set(value, qualifier, r.UpperValue, r.Stretch, Stamp.Of(actor.Name, clock.GetUtcNow(), r.Reason));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", new Text("目标值已被他人修改", "the target was changed by someone else"));
        }
        catch (DbUpdateException) when (target.Version == 1)
        {
            throw new ConflictException("year", new Text("该目标值刚被他人设定,请刷新后重试", "someone else has just set this target; reload and retry"));
        }

        return IndicatorViews.From(target, indicator.Code, org.Code);
    }
}

public sealed class ListTargets(Data.LuoshiDbContext db)
{
    public sealed record Query(string? Indicator = null, string? Org = null, string? Year = null);

    public async Task<IReadOnlyList<TargetView>> Handle(Query q, CancellationToken ct)
    {
        var rows = from t in db.Targets.AsNoTracking()
                   join i in db.Indicators on t.IndicatorId equals i.Id
                   join o in db.OrgUnits on t.OrgUnitId equals o.Id
                   select new { t, i.Code, OrgCode = o.Code };
        if (!string.IsNullOrWhiteSpace(q.Indicator))
        {
            rows = rows.Where(x => x.Code == q.Indicator.Trim());
        }

        if (!string.IsNullOrWhiteSpace(q.Org))
        {
            rows = rows.Where(x => x.OrgCode == q.Org.Trim());
        }

        if (!string.IsNullOrWhiteSpace(q.Year))
        {
            // Parsed before the query: a refusal inside the expression would reach the caller wrapped by EF, as a 500.
            var year = Period.TryParse(q.Year, out var period, out var error) ? period.ToString() : throw new DomainException("year", error);
            rows = rows.Where(x => x.t.PeriodCode == year);
        }

        var list = await rows.ToListAsync(ct);
        return [.. list.OrderBy(x => x.Code, StringComparer.Ordinal).ThenBy(x => x.OrgCode, StringComparer.Ordinal).ThenBy(x => x.t.PeriodCode, StringComparer.Ordinal)
            .Select(x => IndicatorViews.From(x.t, x.Code, x.OrgCode))];
    }
}
