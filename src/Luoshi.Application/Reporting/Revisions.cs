using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Reporting;

public sealed record RevisionView(int Id, string Indicator, string Org, string Period, decimal? PreviousValue, decimal ProposedValue, string Reason, string RequestedBy, DateTimeOffset RequestedAt, RevisionState State, string? DecidedBy, string? DecisionComment);

/// <summary>更正申请: ask to change an approved value (with a reason); a reviewer of the unit, not the requester, decides.</summary>
public sealed class Revisions(Data.LuoshiDbContext db, ICurrentActor actor, TimeProvider clock)
{
    public sealed record Request(string? Indicator, string? Org, string? Period, decimal? Value, string? Reason);

    public async Task<RevisionView> Open(Request r, CancellationToken ct)
    {
        var unit = await ReportContents.Unit(db, r.Org, ct);
        actor.Require(Permission.WriteReadings, unit);
        var period = ReportContents.ParsePeriod(r.Period).ToString();
        var reading = await (from x in db.Readings
                             join i in db.Indicators on x.IndicatorId equals i.Id
                             where i.Code == (r.Indicator ?? "") && x.OrgUnitId == unit.Id && x.PeriodCode == period
                             select x).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException(new Text("数据", "reading"), $"{r.Indicator} × {r.Org} × {period}");
        if (reading.State != ReadingState.Approved)
        {
            throw new DomainConflictException("state", new Text("只有已审核锁定的数据需要更正申请,未锁定的可直接修改", "only approved (locked) values need a revision request; others can be changed directly"));
        }

        var value = r.Value ?? throw InputRefusedException.Single("value", new Text("数值不能为空", "value is required"));
        var request = RevisionRequest.Open(reading.Id, reading.Value, value, Stamp.Of(actor.Name, clock.GetUtcNow(), r.Reason));
        db.RevisionRequests.Add(request);
        await db.SaveChangesAsync(ct);
        return (await List(null, r.Org, ct)).Single(v => v.Id == request.Id);
    }

    public async Task<RevisionView> Decide(int id, bool approve, string? comment, CancellationToken ct)
    {
        var request = await db.RevisionRequests.SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException(new Text("更正申请", "revision request"), id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var reading = await db.Readings.SingleAsync(x => x.Id == request.ReadingId, ct);
        var unit = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == reading.OrgUnitId, ct);
        actor.Require(Permission.ReviewReadings, unit);
        var stamp = Stamp.Of(actor.Name, clock.GetUtcNow(), comment);
        request.Decide(approve, stamp);
        if (approve)
        {
            reading.Revise(request.ProposedValue, Stamp.Of(actor.Name, stamp.At, new Text($"更正申请#{request.Id}:{request.Reason}", $"revision #{request.Id}").Bilingual));
        }

        await db.SaveChangesAsync(ct);
        return (await List(null, unit.Code, ct)).Single(v => v.Id == request.Id);
    }

    public async Task<IReadOnlyList<RevisionView>> List(RevisionState? state, string? org, CancellationToken ct)
    {
        var rows = from q in db.RevisionRequests.AsNoTracking()
                   join x in db.Readings on q.ReadingId equals x.Id
                   join i in db.Indicators on x.IndicatorId equals i.Id
                   join u in db.OrgUnits on x.OrgUnitId equals u.Id
                   select new { q, i.Code, OrgCode = u.Code, u.Path, x.PeriodCode };
        if (state is { } s)
        {
            rows = rows.Where(x => x.q.State == s);
        }

        if (!string.IsNullOrWhiteSpace(org))
        {
            var unit = await ReportContents.Unit(db, org, ct);
            actor.Require(Permission.ReadAll, unit);
            rows = rows.Where(x => x.Path.StartsWith(unit.Path));
        }
        else
        {
            actor.RequireEverywhere(Permission.ReadAll);
        }

        var list = await rows.OrderBy(x => x.q.Id).ToListAsync(ct);
        return [.. list.Select(x => new RevisionView(x.q.Id, x.Code, x.OrgCode, x.PeriodCode, x.q.PreviousValue, x.q.ProposedValue, x.q.Reason, x.q.RequestedBy, x.q.RequestedAt, x.q.State, x.q.DecidedBy, x.q.DecisionComment))];
    }
}
