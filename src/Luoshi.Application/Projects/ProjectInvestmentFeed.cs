using System.Globalization;
using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Projects;

/// <summary>
/// A region's major-project investment indicator (重大项目完成投资, <see cref="IndicatorCode"/>) is computed
/// from its projects' monthly progress, not typed: whenever progress is imported, the year-to-date sum of
/// the investment completed by the projects a unit owns is written for every month of each year the import
/// touched, as an approved reading from the source "computed" — a new version only where the figure
/// changed, so the history shows when and why it moved. The units above get theirs by the indicator's own
/// roll-up (a sum), as for any reported figure.
/// </summary>
/// <remarks>
/// The indicator is chosen by its code; a database without it (or with it not monthly and cumulative) simply
/// gets no readings. A value someone typed for a unit and month is replaced, and stays in the history.
/// </remarks>
public static class ProjectInvestmentFeed
{
    public const string IndicatorCode = "PROJECT_INV";

    /// <summary>The readings' comment: where the figure came from.</summary>
    public static string Comment(int projects, int month) => month == 1
        ? new Text($"由{projects}个重大项目1月完成投资计算", $"computed from the investment {projects} major projects completed in January").Bilingual
        : new Text($"由{projects}个重大项目1–{month}月完成投资累计计算", $"computed from the investment {projects} major projects completed in months 1–{month}").Bilingual;

    /// <summary>Writes the indicator for every (unit, year) in <paramref name="touched"/> from all of that unit's progress in that year.</summary>
    /// <returns>How many readings got a new version.</returns>
    internal static async Task<int> Refresh(
        Data.LuoshiDbContext db,
        IEnumerable<MajorProject> projects,
        IEnumerable<ProjectProgress> progress,
        IReadOnlyCollection<(int OrgUnitId, int Year)> touched,
        Stamp stamp,
        CancellationToken ct)
    {
        var indicator = await db.Indicators.SingleOrDefaultAsync(i => i.Code == IndicatorCode, ct);
        if (indicator is null || indicator.Frequency != Frequency.Month || indicator.ValueKind != ValueKind.Cumulative || touched.Count == 0)
        {
            return 0;
        }

        var owner = projects.ToDictionary(p => p.Id, p => p.OrgUnitId);
        var byUnitYear = progress
            .Where(x => owner.ContainsKey(x.ProjectId))
            .GroupBy(x => (OrgUnitId: owner[x.ProjectId], Year: x.Month.Year))
            .Where(g => touched.Contains(g.Key))
            .ToDictionary(g => g.Key, g => g.ToList());
        var units = touched.Select(t => t.OrgUnitId).Distinct().ToList();
        var prefixes = touched.Select(t => t.Year.ToString(CultureInfo.InvariantCulture)).Distinct().ToList();
        var existing = (await db.Readings
                .Where(r => r.IndicatorId == indicator.Id && units.Contains(r.OrgUnitId))
                .ToListAsync(ct))
            .Where(r => prefixes.Contains(r.PeriodCode[..4]))
            .ToDictionary(r => (r.OrgUnitId, r.PeriodCode));

        int written = 0;
        foreach (var ((unit, year), rows) in byUnitYear)
        {
            var months = rows.GroupBy(r => r.Month.Index).ToDictionary(g => g.Key, g => (Amount: g.Sum(x => x.CompletedInvestment), Projects: g.Select(x => x.ProjectId)));
            int last = months.Keys.Max();
            decimal sum = 0;
            var reporting = new HashSet<int>();
            for (int m = 1; m <= last; m++)
            {
                if (months.TryGetValue(m, out var month))
                {
                    sum += month.Amount;
                    reporting.UnionWith(month.Projects);
                }

                var period = Period.OfMonth(year, m);
                var code = period.ToString();
                if (!existing.TryGetValue((unit, code), out var reading))
                {
                    reading = Reading.Create(indicator.Id, unit, period, indicator.Frequency);
                    db.Readings.Add(reading);
                    existing[(unit, code)] = reading;
                }
                else if (reading.Value == sum && reading.Source == ReadingSource.Computed && reading.State == ReadingState.Approved)
                {
                    continue;
                }

                reading.Record(sum, Comment(reporting.Count, m), ReadingSource.Computed, ReadingState.Approved, stamp);
                written++;
            }
        }

        return written;
    }
}
