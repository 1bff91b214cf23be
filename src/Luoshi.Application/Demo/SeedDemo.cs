using Luoshi.Application.Data;
using Luoshi.Application.Import;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Demo;

/// <summary>
/// Loads the synthetic demo province through the same import use case that files go through, and marks
/// the data directory as a demo (so demo-only conveniences are refused elsewhere). Refuses a database
/// that already holds other data.
/// </summary>
public sealed class SeedDemo(LuoshiDbContext db, ImportData import, TimeProvider clock)
{
    public const int FirstYear = 2021;

    public async Task<IReadOnlyList<ImportSummary>> Handle(IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        if (await db.Settings.AnyAsync(s => s.Key == Setting.Demo, ct))
        {
            return [];
        }

        if (await db.OrgUnits.AnyAsync(ct))
        {
            throw new Common.ConflictException("demo", "数据目录已有非演示数据,不能载入演示省份 / this data directory already holds data; the demo province is loaded only into an empty one");
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var summaries = new List<ImportSummary>
        {
            await import.Orgs(Numbered(DemoProvince.Orgs()), ct),
            await import.Indicators(Numbered(DemoProvince.Indicators()), ct),
            await import.Plans(Numbered(DemoProvince.Plans()), ct),
            await import.Targets(Numbered(DemoProvince.Targets(FirstYear, today.Year + 4)), ct),
            await import.Readings(DemoProvince.Readings(today).Select((r, i) => (i + 2, r, (string?)null)), progress, ct),
        };
        db.Settings.Add(new Setting { Key = Setting.Demo, Value = "true" });
        await db.SaveChangesAsync(ct);
        return summaries;
    }

    private static List<(int, T)> Numbered<T>(IEnumerable<T> rows) => [.. rows.Select((r, i) => (i + 2, r))];
}
