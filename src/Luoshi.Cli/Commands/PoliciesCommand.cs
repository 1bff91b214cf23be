using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Luoshi.Application.Policies;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Luoshi.Cli.Commands;

internal static class PoliciesCommand
{
    public static Command Create(CliConsole console)
    {
        var asOf = new Option<string?>("--as-of") { Description = Words.Of("截至日期 YYYY-MM-DD(默认今天)", "as of this date (default: today)") };
        var by = new Option<string>("--by") { Description = "policy | measure | department | region", DefaultValueFactory = _ => "policy" };
        by.AcceptOnlyFromAmong("policy", "measure", "department", "region");
        var policy = new Option<string?>("--policy") { Description = Words.Of("只看一项政策", "one policy only") };
        var format = new Option<string>("--format") { Description = "table | json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var dataDir = CliServices.DataDirOption();
        var summary = new Command("summary", Words.Of("兑现率、兑现时长、按时率、逾期,按政策、事项、部门或地区(逐级汇总)", "payout rate, days to pay, on-time rate and overdue cases by policy, measure, department or region (rolled up)"))
        {
            asOf, by, policy, format, dataDir,
        };
        summary.SetAction((parse, ct) => console.Guard(async () =>
        {
            var date = CliServices.Date(parse.GetValue(asOf), "as-of");
            await using var scope = await CliServices.OpenAsync(parse.GetValue(dataDir)!, ct);
            var rows = await scope.ServiceProvider.GetRequiredService<PolicyQueries>().Summary(date, parse.GetValue(by), parse.GetValue(policy), ct);
            if (parse.GetValue(format) == "json")
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(rows, JsonOptions.Default));
                return 0;
            }

            var table = new Table().Border(TableBorder.Simple).AddColumns(
                "代码 key", "名称 name", "件数 cases", "企业 enterprises", "应兑现 approved", "已兑现 paid", "兑现率 rate%", "平均工作日 days", "按时率 onTime%", "逾期 overdue");
            foreach (var r in rows)
            {
                table.AddRow(Markup.Escape(r.Key), Markup.Escape(r.Name), Inv(r.Cases), Inv(r.Enterprises), Inv(r.ApprovedAmount), Inv(r.PaidAmount), Pct(r.PayoutRate), Pct(r.AvgDaysToPay), Pct(r.OnTimeRate), Inv(r.Overdue));
            }

            console.Ansi().Write(table);
            return 0;
        }));
        return new Command("policies", Words.Of("政策兑现", "policy delivery")) { summary };
    }

    private static string Inv(IFormattable v) => v.ToString(null, CultureInfo.InvariantCulture);

    private static string Pct(double? v) => v is { } x ? x.ToString("0.0", CultureInfo.InvariantCulture) : "—";
}
