using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Luoshi.Application.Projects;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Luoshi.Cli.Commands;

internal static class ProjectsCommand
{
    public static Command Create(CliConsole console)
    {
        var year = new Option<int?>("--year") { Description = Words.Of("年度(默认今年)", "the year (default: this year)") };
        var asOf = new Option<string?>("--as-of") { Description = Words.Of("截至日期 YYYY-MM-DD", "as of this date") };
        var org = new Option<string?>("--org") { Description = Words.Of("单位子树", "a region's subtree") };
        var byCategory = new Option<bool>("--by-category") { Description = Words.Of("按类别汇总", "one row per category") };
        var format = new Option<string>("--format") { Description = "table | json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var dataDir = CliServices.DataDirOption();
        var summary = new Command("summary", Words.Of("开工率与投资完成率,按地区逐级汇总", "start rate and investment completion by region, rolled up")) { year, asOf, org, byCategory, format, dataDir };
        summary.SetAction((parse, ct) => console.Guard(async () =>
        {
            var date = CliServices.Date(parse.GetValue(asOf), "as-of");

            await using var scope = await CliServices.OpenAsync(parse.GetValue(dataDir)!, ct);
            var rows = await scope.ServiceProvider.GetRequiredService<ProjectQueries>().Summary(parse.GetValue(year), date, parse.GetValue(org), parse.GetValue(byCategory), ct);
            if (parse.GetValue(format) == "json")
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(rows, JsonOptions.Default));
                return 0;
            }

            var ansi = console.Ansi();
            var table = new Table().Border(TableBorder.Simple).AddColumns("单位 org", "计划开工 planned", "已开工 started", "开工率 rate%", "年度计划 plan", "已完成 done", "完成率 rate%");
            foreach (var r in rows)
            {
                table.AddRow(Markup.Escape($"{r.Org} {r.OrgName}{(r.Category is null ? "" : " " + r.Category)}"), Inv(r.PlannedToStart), Inv(r.Started), Pct(r.StartRate), Inv(r.AnnualPlan), Inv(r.CompletedYtd), Pct(r.CompletionRate));
            }

            ansi.Write(table);
            return 0;
        }));
        return new Command("projects", Words.Of("重大项目", "major projects")) { summary };
    }

    private static string Inv(IFormattable v) => v.ToString(null, CultureInfo.InvariantCulture);

    private static string Pct(double? v) => v is { } x ? x.ToString("0.0", CultureInfo.InvariantCulture) : "—";
}
