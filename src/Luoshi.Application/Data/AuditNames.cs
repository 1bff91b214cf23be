using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Luoshi.Application.Data;

/// <summary>
/// The codes the audit log names readings and targets by: <c>INDICATOR/ORG/PERIOD</c> (<c>FAI/330102/2026-10</c>), as
/// people name a cell, so that the log reads and filters without joins. A use case that has the indicator and the unit
/// loaded hands them over (<see cref="Know(Indicator)"/>, <see cref="Know(OrgUnit)"/>) and costs nothing more; for
/// any other write the codes still missing are read in one query per kind when the save collects its entries.
/// Lives as long as its context (one request), so a code read once is not read again.
/// </summary>
internal sealed class AuditNames
{
    private readonly Dictionary<int, string> _indicators = [];
    private readonly Dictionary<int, string> _orgs = [];

    public void Know(Indicator indicator) => _indicators[indicator.Id] = indicator.Code;

    public void Know(OrgUnit org) => _orgs[org.Id] = org.Code;

    public void KnowIndicator(int id, string code) => _indicators[id] = code;

    public void KnowOrg(int id, string code) => _orgs[id] = code;

    /// <summary>The codes of a file's indicators and units, which the cells it writes are named by.</summary>
    public void Know(Dictionary<string, int> indicators, Dictionary<string, int> orgs)
    {
        foreach (var (code, id) in indicators)
        {
            KnowIndicator(id, code);
        }

        foreach (var (code, id) in orgs)
        {
            KnowOrg(id, code);
        }
    }

    /// <summary>The key of a cell, or null when a code is unknown (an entry then keeps the ids it always had).</summary>
    public string? KeyOf(int indicatorId, int orgUnitId, string periodCode) =>
        _indicators.TryGetValue(indicatorId, out var indicator) && _orgs.TryGetValue(orgUnitId, out var org) ? Key(indicator, org, periodCode) : null;

    /// <summary>The key of a cell from its codes.</summary>
    public static string Key(string indicator, string org, string periodCode) => $"{indicator}/{org}/{periodCode}";

    /// <summary>Learns the codes the readings and targets of a save need and are not known yet: from tracked entities first, else one query per kind.</summary>
    public async Task Complete(LuoshiDbContext db, ChangeTracker tracker, CancellationToken ct)
    {
        HashSet<int>? indicators = null, orgs = null;
        foreach (var e in tracker.Entries())
        {
            switch (e.Entity)
            {
                case Indicator i when i.Id > 0:
                    Know(i);
                    break;
                case OrgUnit o when o.Id > 0:
                    Know(o);
                    break;
                case Reading r when e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted:
                    Need(r.IndicatorId, r.OrgUnitId);
                    break;
                case Target t when e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted:
                    Need(t.IndicatorId, t.OrgUnitId);
                    break;
            }
        }

        if (indicators is { Count: > 0 })
        {
            indicators.ExceptWith(_indicators.Keys);
        }

        if (orgs is { Count: > 0 })
        {
            orgs.ExceptWith(_orgs.Keys);
        }

        if (indicators is { Count: > 0 })
        {
            foreach (var i in await db.Indicators.AsNoTracking().Where(i => indicators.Contains(i.Id)).Select(i => new { i.Id, i.Code }).ToListAsync(ct))
            {
                _indicators[i.Id] = i.Code;
            }
        }

        if (orgs is { Count: > 0 })
        {
            foreach (var o in await db.OrgUnits.AsNoTracking().Where(o => orgs.Contains(o.Id)).Select(o => new { o.Id, o.Code }).ToListAsync(ct))
            {
                _orgs[o.Id] = o.Code;
            }
        }

        void Need(int indicatorId, int orgUnitId)
        {
            if (!_indicators.ContainsKey(indicatorId))
            {
                (indicators ??= []).Add(indicatorId);
            }

            if (!_orgs.ContainsKey(orgUnitId))
            {
                (orgs ??= []).Add(orgUnitId);
            }
        }
    }
}
