using Luoshi.Application.Data;
using Luoshi.Application.Import;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Demo;

/// <summary>
/// Loads the synthetic demo province through the same import use case that files go through, and marks
/// the data directory as a demo (so demo-only conveniences are refused elsewhere). Refuses a database
/// that already holds other data.
/// </summary>
public sealed class SeedDemo(LuoshiDbContext db, ImportData import, Identity.AddUser addUser, TimeProvider clock)
{
    public const int FirstYear = 2021;

    /// <summary>The password of every demo user (listed in the README); demo data directories only.</summary>
    public const string DemoPassword = "Luoshi-demo-2026";

    /// <summary>The demo users: a name, a role and the unit their role is bound to (none: the whole province).</summary>
    public static readonly (string Name, Domain.Identity.Role Role, string? Org, string DisplayName)[] Users =
    [
        ("admin", Domain.Identity.Role.Admin, null, "系统管理员"),
        ("planner", Domain.Identity.Role.Planner, null, "省发改委规划处"),
        ("reporter", Domain.Identity.Role.Reporter, "330100", "钱塘市统计员"),
        ("reviewer", Domain.Identity.Role.Reviewer, "330100", "钱塘市审核员"),
        ("supervisor", Domain.Identity.Role.Supervisor, null, "省委督查室"),
        ("leader", Domain.Identity.Role.Leader, null, "省领导"),
    ];

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
            await import.Plans(Numbered(DemoProvince.Plans(today)), ct),
            await import.Targets(Numbered(DemoProvince.Targets(FirstYear, today.Year + 4)), ct),
            await import.Readings(DemoProvince.Readings(today).Select((r, i) => (i + 2, r, (string?)null)), progress, ct),
        };
        foreach (var (name, role, org, displayName) in Users)
        {
            await addUser.Handle(new Identity.AddUser.Request(name, role, org, DemoPassword, displayName), ct);
        }

        db.Settings.Add(new Setting { Key = Setting.Demo, Value = "true" });
        await db.SaveChangesAsync(ct);
        return summaries;
    }

    private static List<(int, T)> Numbered<T>(IEnumerable<T> rows) => [.. rows.Select((r, i) => (i + 2, r))];
}
