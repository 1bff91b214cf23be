using System.Globalization;
using System.Text;

namespace Luoshi.Application.Demo;

/// <summary>
/// The demo province's major projects (重大项目), as the three import files: a few hundred projects in the
/// counties, their annual plans and their monthly progress up to the last month due. Deterministic; the
/// lagging cities start fewer of their projects on time.
/// </summary>
public static class DemoProjects
{
    private static readonly string[] Categories = ["产业", "交通", "能源", "水利", "城镇建设", "社会民生", "生态环保"];
    private static readonly string[] Kinds = ["智能制造基地", "高速公路扩容", "抽水蓄能电站", "水库除险加固", "城市更新片区", "医院迁建", "污水处理提标", "数据中心", "轨道交通", "产业园区"];
    private static readonly HashSet<string> Lagging = ["330300", "330800"];

    /// <summary>Projects CSV, plans CSV and progress CSV, each with the import header.</summary>
    public static (string Projects, string Plans, string Progress) Files(IReadOnlyList<(string County, string City, string Name)> counties, DateOnly today)
    {
        var projects = new StringBuilder("code,name,org,category,totalInvestment,plannedStart,plannedCompletion,stage,privateShare,actualCompletion\n");
        var plans = new StringBuilder("project,year,plannedInvestment\n");
        var progress = new StringBuilder("project,month,completedInvestment,actualStart\n");
        int lastMonthIndex = (today.AddDays(-20).Year * 12) + today.AddDays(-20).Month - 2;
        int n = 0;
        foreach (var (county, city, countyName) in counties)
        {
            for (int k = 0; k < 3 + (Hash(county) % 2); k++)
            {
                n++;
                var code = string.Create(CultureInfo.InvariantCulture, $"XM{n:D4}");
                uint h = Hash(code);
                var category = Categories[h % Categories.Length];
                decimal total = 5 + (h % 190);
                var plannedStart = new DateOnly(2024 + (int)(h % 3), 1 + (int)((h >> 3) % 12), 1 + (int)((h >> 7) % 27));
                var plannedCompletion = plannedStart.AddMonths(24 + (int)((h >> 11) % 30));
                bool late = Lagging.Contains(city) ? (h >> 13) % 3 == 0 : (h >> 13) % 9 == 0;
                var actualStart = late ? plannedStart.AddMonths(2 + (int)((h >> 17) % 5)) : plannedStart.AddDays((int)((h >> 17) % 20));
                bool started = actualStart <= today.AddDays(-20);
                var stage = !started ? "前期" : plannedCompletion <= today.AddMonths(-2) && (h >> 19) % 4 != 0 ? "竣工" : actualStart.Year == today.Year ? "新开工" : "续建";
                decimal share = (h >> 21) % 4 == 0 ? 0 : 20 + ((h >> 23) % 60);
                var completedOn = stage == "竣工" ? plannedCompletion.AddDays((int)((h >> 25) % 40)) : (DateOnly?)null;
                completedOn = completedOn > today ? today : completedOn;
                projects.Append(CultureInfo.InvariantCulture, $"{code},{countyName}{Kinds[(h >> 5) % Kinds.Length]}项目,{county},{category},{total},{plannedStart:yyyy-MM-dd},{plannedCompletion:yyyy-MM-dd},{stage},{share},{completedOn:yyyy-MM-dd}\n");

                int months = Math.Max(1, ((plannedCompletion.Year - plannedStart.Year) * 12) + plannedCompletion.Month - plannedStart.Month);
                decimal perMonth = total / months;
                for (int year = plannedStart.Year; year <= Math.Min(plannedCompletion.Year, today.Year); year++)
                {
                    int from = year == plannedStart.Year ? plannedStart.Month : 1;
                    int to = year == plannedCompletion.Year ? plannedCompletion.Month : 12;
                    decimal planned = Math.Round(perMonth * (to - from + 1), 2);
                    plans.Append(CultureInfo.InvariantCulture, $"{code},{year},{planned}\n");
                    if (!started)
                    {
                        continue;
                    }

                    bool first = true;
                    for (int m = Math.Max(from, year == actualStart.Year ? actualStart.Month : 1); m <= to; m++)
                    {
                        if ((year * 12) + m - 1 > lastMonthIndex)
                        {
                            break;
                        }

                        double noise = 0.75 + ((Hash(code + year + m) % 50) / 100.0) - (late ? 0.2 : 0);
                        decimal amount = Math.Round(perMonth * (decimal)noise, 2);
                        var startField = first && year == actualStart.Year && m == actualStart.Month ? actualStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;
                        progress.Append(CultureInfo.InvariantCulture, $"{code},{year}-{m:D2},{amount},{startField}\n");
                        first = false;
                    }
                }
            }
        }

        return (projects.ToString(), plans.ToString(), progress.ToString());
    }

    private static uint Hash(string s)
    {
        uint h = 2166136261;
        foreach (char c in s)
        {
            h = (h ^ c) * 16777619;
        }

        return h;
    }
}
