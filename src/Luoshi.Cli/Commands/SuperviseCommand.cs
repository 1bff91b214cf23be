using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Luoshi.Application.Supervision;
using Luoshi.Domain.Common;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Luoshi.Cli.Commands;

/// <summary>
/// <c>luoshi supervise escalate|rules</c>: the server's daily supervision run, by hand and for any date
/// (catching up after downtime, or trying a date ahead). Both are idempotent for a date.
/// </summary>
internal static class SuperviseCommand
{
    public static Command Create(CliConsole console)
    {
        return new Command("supervise", "督查督办 / closed-loop supervision")
        {
            Escalate(console),
            Rules(console),
        };
    }

    private static Command Escalate(CliConsole console)
    {
        var (asOf, format, dataDir) = Options();
        var command = new Command("escalate", "催办临期事项并按阶梯升级逾期事项 / remind items near their deadline and escalate overdue ones") { asOf, format, dataDir };
        command.SetAction((parse, ct) => console.Guard(async () =>
        {
            var date = Date(parse.GetValue(asOf));
            await using var scope = await CliServices.OpenAsync(parse.GetValue(dataDir)!, ct);
            var result = await scope.ServiceProvider.GetRequiredService<EscalateOverdue>().Handle(date, ct);
            if (parse.GetValue(format) == "json")
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(result, JsonOptions.Default));
                return 0;
            }

            var ansi = Ansi(console);
            if (result.Escalated.Count > 0)
            {
                var table = new Table().Border(TableBorder.Simple).AddColumns("事项 item", "牵头 lead", "截止 deadline", "逾期 days overdue", "级别 level");
                foreach (var e in result.Escalated)
                {
                    table.AddRow(Markup.Escape($"#{e.Id} {e.Title}"), Markup.Escape(e.LeadOrg), Iso(e.Deadline), Num(e.DaysOverdue), $"{Num(e.FromLevel)} → {Num(e.ToLevel)}");
                }

                ansi.Write(table);
            }

            ansi.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"截至 {Iso(result.AsOf)}:升级 {result.Escalated.Count} 项,催办 {result.Reminded.Count} 项 / as of {Iso(result.AsOf)}: {result.Escalated.Count} escalated, {result.Reminded.Count} reminded{(result.Skipped > 0 ? $", {result.Skipped} skipped (changed meanwhile)" : "")}"));
            return 0;
        }));
        return command;
    }

    private static Command Rules(CliConsole console)
    {
        var (asOf, format, dataDir) = Options();
        var command = new Command("rules", "按规则开立督办事项(指标连续红灯、任务逾期)/ open items by rule (indicators red several periods running, tasks past due)") { asOf, format, dataDir };
        command.SetAction((parse, ct) => console.Guard(async () =>
        {
            var date = Date(parse.GetValue(asOf));
            await using var scope = await CliServices.OpenAsync(parse.GetValue(dataDir)!, ct);
            var result = await scope.ServiceProvider.GetRequiredService<RunSupervisionRules>().Handle(date, ct);
            if (parse.GetValue(format) == "json")
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(result, JsonOptions.Default));
                return 0;
            }

            var ansi = Ansi(console);
            if (result.Opened.Count > 0)
            {
                var table = new Table().Border(TableBorder.Simple).AddColumns("事项 item", "规则 rule", "牵头 lead", "截止 deadline");
                foreach (var o in result.Opened)
                {
                    table.AddRow(Markup.Escape($"#{o.Id} {o.Title}"), o.Rule, Markup.Escape(o.LeadOrg), Iso(o.Deadline));
                }

                ansi.Write(table);
            }

            foreach (var note in result.Notes)
            {
                await console.Error.WriteLineAsync(note);
            }

            ansi.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"截至 {Iso(result.AsOf)}:新开 {result.Opened.Count} 项(起草,待交办),已有 {result.AlreadyOpen} 项 / as of {Iso(result.AsOf)}: {result.Opened.Count} opened as drafts, {result.AlreadyOpen} already open"));
            return 0;
        }));
        return command;
    }

    private static (Option<string?> AsOf, Option<string> Format, Option<string> DataDir) Options()
    {
        var asOf = new Option<string?>("--as-of") { Description = "按此日期 YYYY-MM-DD(默认今天)/ as of this date (default: today in China)" };
        var format = new Option<string>("--format") { Description = "table | json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        return (asOf, format, CliServices.DataDirOption());
    }

    private static DateOnly? Date(string? text) => CliServices.Date(text, "as-of");

    private static IAnsiConsole Ansi(CliConsole console) => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(console.Out) });

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
