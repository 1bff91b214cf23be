using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Readings;

/// <summary>Current values by indicator, unit and period range.</summary>
public sealed class QueryReadings(Data.LuoshiDbContext db, ICurrentActor actor)
{
    public const int MaxRows = 50_000;

    public sealed record Query(string? Indicator = null, string? Org = null, string? From = null, string? To = null, int Limit = 10_000);

    public async Task<IReadOnlyList<ReadingView>> Handle(Query q, CancellationToken ct)
    {
        if (q.Limit is < 1 or > MaxRows)
        {
            throw InputRefusedException.Single("limit", new Text($"limit 须在1–{MaxRows}之间", $"limit must be 1–{MaxRows}"));
        }

        var rows = ReadingQueries.Joined(db);

        // The public sees published (approved) figures only; drafts are for those who work on them.
        if (!actor.Can(Permission.ReadAll))
        {
            rows = rows.Where(x => x.Reading.State == ReadingState.Approved);
        }

        if (!string.IsNullOrWhiteSpace(q.Indicator))
        {
            rows = rows.Where(x => x.Indicator == q.Indicator.Trim());
        }

        if (!string.IsNullOrWhiteSpace(q.Org))
        {
            rows = rows.Where(x => x.Org == q.Org.Trim());
        }

        if (!string.IsNullOrWhiteSpace(q.From))
        {
            var from = ParsePeriod(q.From, "from").Start;
            rows = rows.Where(x => x.Reading.PeriodStart >= from);
        }

        if (!string.IsNullOrWhiteSpace(q.To))
        {
            var to = ParsePeriod(q.To, "to").End;
            rows = rows.Where(x => x.Reading.PeriodEnd <= to);
        }

        var list = await rows.OrderBy(x => x.Indicator).ThenBy(x => x.Org).ThenBy(x => x.Reading.PeriodStart).ThenBy(x => x.Reading.PeriodEnd)
            .Take(q.Limit).ToListAsync(ct);
        return [.. list.Select(x => ReadingQueries.View(x.Reading, x.Indicator, x.Org))];
    }

    private static Period ParsePeriod(string text, string field) =>
        Period.TryParse(text, out var p, out var error) ? p : throw new DomainException(field, error);
}

/// <summary>Every version of one cell, newest first: who changed what, when and why.</summary>
public sealed class GetReadingHistory(Data.LuoshiDbContext db, ICurrentActor actor)
{
    public async Task<IReadOnlyList<ReadingVersionView>> Handle(string? indicator, string? org, string? period, CancellationToken ct)
    {
        if (!Period.TryParse(period, out var p, out var error))
        {
            throw new DomainException("period", error);
        }

        var unit = await db.OrgUnits.AsNoTracking().UnitByCodeAsync(org, ct);
        actor.Require(Permission.ReadAll, unit);
        var code = p.ToString();
        var cell = await ReadingQueries.Joined(db).SingleOrDefaultAsync(x => x.Indicator == indicator && x.Org == org && x.Reading.PeriodCode == code, ct)
            ?? throw new NotFoundException(new Text("数据", "reading"), $"{indicator} × {org} × {code}");
        var versions = await db.ReadingVersions.AsNoTracking().Where(v => v.ReadingId == cell.Reading.Id).OrderByDescending(v => v.Version).ToListAsync(ct);
        return [.. versions.Select(v => new ReadingVersionView(v.Version, v.Value, v.State, v.Comment, v.Source, v.Actor, v.At, v.Reason))];
    }
}

internal static class ReadingQueries
{
    // A class with settable members (not a positional record) so EF can keep composing queries after the projection.
    public sealed class Row
    {
        public required Reading Reading { get; init; }
        public required string Indicator { get; init; }
        public required string Org { get; init; }
    }

    public static IQueryable<Row> Joined(Data.LuoshiDbContext db) =>
        from r in db.Readings.AsNoTracking()
        join i in db.Indicators on r.IndicatorId equals i.Id
        join o in db.OrgUnits on r.OrgUnitId equals o.Id
        select new Row { Reading = r, Indicator = i.Code, Org = o.Code };

    public static ReadingView View(Reading r, string indicator, string org) =>
        new(indicator, org, r.PeriodCode, r.Value, r.State, r.Comment, r.Source, r.Version, r.UpdatedAt, r.UpdatedBy);
}
