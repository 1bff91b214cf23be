using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Policies;

/// <summary>
/// The payout rate (兑现率, <see cref="PayoutRateCode"/>) and the average days to pay (平均兑现时长,
/// <see cref="DaysToPayCode"/>) are computed from the cases, not typed: whenever cases (or the holiday calendar,
/// which moves the working days) are imported, each region's figures at every month's end of the years the import
/// touched are written as approved readings from the source "computed", over the cases applied for in that year —
/// a new version only where the figure changed, so the history shows when and why it moved. Being ratios, they are
/// written for every unit with cases in its subtree from those cases (<see cref="PolicyDeliveryIndicators"/>), and the
/// indicators do not aggregate: a unit's own reading is its figure, never its children's sum.
/// </summary>
/// <remarks>
/// An indicator is chosen by its code and written only when it is monthly, a level (a rate at the period's end) and
/// not aggregated; a database without it simply gets no readings. The current month is not written until it ends. A
/// value someone typed for a unit and month is replaced, and stays in the history; a unit whose last case moved to
/// another region keeps its earlier readings.
/// </remarks>
public static class PolicyDeliveryFeed
{
    public const string PayoutRateCode = "POLICY_PAYOUT_RATE";
    public const string DaysToPayCode = "POLICY_DAYS_TO_PAY";

    /// <summary>Writes both indicators for every region and month of <paramref name="years"/> from all the cases applied for in those years.</summary>
    /// <returns>How many readings got a new version.</returns>
    internal static async Task<int> Refresh(Data.LuoshiDbContext db, IReadOnlyCollection<int> years, DateOnly today, Stamp stamp, CancellationToken ct)
    {
        var codes = new[] { PayoutRateCode, DaysToPayCode };
        var indicators = (await db.Indicators.AsNoTracking().Where(i => codes.Contains(i.Code)).ToListAsync(ct))
            .Where(i => i.Frequency == Frequency.Month && i.ValueKind == ValueKind.Level && i.Aggregation == Aggregation.None)
            .ToList();
        // A month is written once it has ended: its figure is "as of the month's end".
        var due = years.Where(y => y < today.Year || (y == today.Year && today.Month > 1)).Distinct().Order().ToList();
        if (indicators.Count == 0 || due.Count == 0)
        {
            return 0;
        }

        var first = new DateOnly(due[0], 1, 1);
        var last = new DateOnly(due[^1], 12, 31);
        var cases = (await (from c in db.PolicyCases.AsNoTracking()
                            join m in db.PolicyMeasures on c.MeasureId equals m.Id
                            where c.Applied >= first && c.Applied <= last
                            select new { c.OrgUnitId, c.Enterprise, c.Applied, c.Status, c.ApprovedAmount, c.PaidOn, c.PaidAmount, m.TimeLimitDays })
                .ToListAsync(ct))
            .Select(c => (c.OrgUnitId, Case: new CaseFacts(c.Enterprise, c.Applied, c.Status, c.ApprovedAmount, c.PaidOn, c.PaidAmount, c.TimeLimitDays)))
            .ToList();
        var parents = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);
        var calendar = new WorkingCalendar(await db.CalendarDays.AsNoTracking().ToListAsync(ct));
        var ids = indicators.Select(i => i.Id).ToList();
        var existing = await db.Readings
            .Where(r => ids.Contains(r.IndicatorId) && r.PeriodStart >= first && r.PeriodStart <= last)
            .ToDictionaryAsync(r => (r.IndicatorId, r.OrgUnitId, r.PeriodCode), ct);

        int written = 0;
        var fresh = new List<Reading>();
        foreach (int year in due)
        {
            int lastMonth = year < today.Year ? 12 : today.Month - 1;
            foreach (var (unit, months) in PolicyDeliveryIndicators.ForTree(cases, parents, calendar, year, lastMonth))
            {
                foreach (var month in months)
                {
                    foreach (var indicator in indicators)
                    {
                        var (value, inputs) = indicator.Code == PayoutRateCode
                            ? (month.PayoutRate, month.PayoutRateInputs)
                            : (month.AvgDaysToPay, month.DaysToPayInputs);
                        if (value is null)
                        {
                            continue;
                        }

                        var period = Period.OfMonth(year, month.Month);
                        if (!existing.TryGetValue((indicator.Id, unit, period.ToString()), out var reading))
                        {
                            reading = Reading.Create(indicator.Id, unit, period, indicator.Frequency);
                            fresh.Add(reading);
                        }
                        else if (reading.Value == value && reading.Source == ReadingSource.Computed && reading.State == ReadingState.Approved)
                        {
                            continue;
                        }

                        reading.Record(value, inputs.Bilingual, ReadingSource.Computed, ReadingState.Approved, stamp);
                        written++;
                    }
                }
            }
        }

        // A changed figure appends its version through EF (audited per reading); the first figures of a region and month
        // go in bulk (docs/adr/0005): a first import of a few thousand cases writes thousands of them, and the change
        // tracker would cost more than the import itself. They are audited per indicator and month.
        await db.SaveChangesAsync(ct);
        await InsertNew(db, fresh, indicators.ToDictionary(i => i.Id, i => i.Code), ct);
        return written;
    }

    private static async Task InsertNew(Data.LuoshiDbContext db, List<Reading> fresh, Dictionary<int, string> codes, CancellationToken ct)
    {
        if (fresh.Count == 0)
        {
            return;
        }

        var readingRows = new BulkInsert<Reading>(db);
        var versionRows = new BulkInsert<ReadingVersion>(db);
        readingRows.SetShadow(Data.EvaluationChanges.Column, await db.ClaimEvaluationVersion(ct));
        var readingKeys = await readingRows.AllocateKeys(fresh.Count, ct);
        var versionKeys = await versionRows.AllocateKeys(fresh.Count, ct);
        var versions = new List<ReadingVersion>(fresh.Count);
        for (int i = 0; i < fresh.Count; i++)
        {
            readingRows.SetKey(fresh[i], readingKeys[i]);
            var version = fresh[i].Versions[0];
            versionRows.SetKey(version, versionKeys[i]);
            versionRows.Set(version, nameof(ReadingVersion.ReadingId), readingKeys[i]);
            versions.Add(version);
        }

        await readingRows.Insert(fresh, ct);
        await versionRows.Insert(versions, ct);
        foreach (var g in fresh.GroupBy(r => (Code: codes[r.IndicatorId], r.PeriodCode)).OrderBy(g => g.Key.Code, StringComparer.Ordinal).ThenBy(g => g.Key.PeriodCode, StringComparer.Ordinal))
        {
            db.RecordAudit("compute", nameof(Reading), Data.AuditNames.Key(g.Key.Code, "*", g.Key.PeriodCode), null, System.Text.Json.JsonSerializer.Serialize(new { created = g.Count(), state = nameof(ReadingState.Approved), source = nameof(ReadingSource.Computed) }));
        }

        await db.SaveChangesAsync(ct);
    }
}
