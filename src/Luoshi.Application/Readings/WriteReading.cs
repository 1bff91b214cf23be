using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Readings;

/// <summary>
/// Writes a value for one cell (indicator × org unit × period) as a new version. A caller that read
/// the cell sends its version: if someone wrote the cell since, the write is refused with 409.
/// Derived indicators are computed, never written.
/// </summary>
public sealed class WriteReading(Data.LuoshiDbContext db, ICurrentActor actor, TimeProvider clock)
{
    public sealed record Request(string? Indicator, string? Org, string? Period, decimal? Value, string? Comment = null, string? Reason = null, int? Version = null);

    public async Task<ReadingView> Handle(Request r, ReadingSource source, CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
        {
            throw new UnauthenticatedException();
        }

        var (indicator, org, period) = await Check(r, ct);
        actor.Require(Permission.WriteReadings, org);
        db.AuditNames.Know(indicator);
        db.AuditNames.Know(org);
        var code = period.ToString();
        var reading = await db.Readings.SingleOrDefaultAsync(x => x.IndicatorId == indicator.Id && x.OrgUnitId == org.Id && x.PeriodCode == code, ct);
        var report = await db.Reports.AsNoTracking().SingleOrDefaultAsync(x => x.OrgUnitId == org.Id && x.PeriodCode == code, ct);
        if (ReadingRules.Against(reading, r.Version, report, org, code) is { } problem)
        {
            throw problem.ToException();
        }

        if (reading is null)
        {
            reading = Reading.Create(indicator.Id, org.Id, period, indicator.Frequency);
            db.Readings.Add(reading);
        }

        int readVersion = reading.Version;
        reading.Record(r.Value, r.Comment, source, ReadingState.Draft, Stamp.Of(actor.Name, clock.GetUtcNow(), r.Reason));
        if (readVersion > 0)
        {
            db.Entry(reading).Property(x => x.Version).OriginalValue = readVersion;
        }

        await Save(readVersion, ct);
        return ReadingQueries.View(reading, indicator.Code, org.Code);
    }

    /// <summary>The cell the request names, every problem with it refused together.</summary>
    private async Task<(Indicator Indicator, OrgUnit Org, Period Period)> Check(Request r, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var indicator = await db.Indicators.AsNoTracking().SingleOrDefaultAsync(i => i.Code == (r.Indicator ?? "").Trim(), ct);
        if (indicator is null)
        {
            errors.Add(new("indicator", ReadingRules.UnknownIndicator(r.Indicator)));
        }
        else if (indicator.IsDerived)
        {
            errors.Add(new("indicator", ReadingRules.Derived(indicator)));
        }

        var org = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Code == (r.Org ?? "").Trim(), ct);
        if (org is null)
        {
            errors.Add(new("org", ReadingRules.UnknownOrg(r.Org)));
        }

        if (!Period.TryParse(r.Period, out var period, out var periodError))
        {
            errors.Add(new("period", periodError));
        }

        if (r.Value is null)
        {
            errors.Add(new("value", ReadingRules.ValueRequired));
        }

        if (errors.Count > 0)
        {
            throw new InputRefusedException(errors);
        }

        return (indicator!, org!, period);
    }

    /// <summary>Saves the new version; a write that lost a race is refused with 409.</summary>
    private async Task Save(int readVersion, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("version", new Text("该数据已被他人修改", "the value was changed by someone else"));
        }
        catch (DbUpdateException) when (readVersion == 0)
        {
            // Two first writes of the same cell raced; the unique key kept one of them.
            throw new ConflictException("version", new Text("该数据刚被他人写入,请刷新后重试", "someone else has just written this cell; reload and retry"));
        }
    }
}
