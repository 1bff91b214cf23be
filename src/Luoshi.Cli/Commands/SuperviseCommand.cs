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
        return new Command("supervise", Words.Of("督查督办", "closed-loop supervision"))
        {
            Escalate(console),
            Rules(console),
        };
    }

    private static Command Escalate(CliConsole console)
    {
        var (asOf, format, dataDir) = Options();
        var command = new Command("escalate", Words.Of("催办临期事项并按阶梯升级逾期事项", "remind items near their deadline and escalate overdue ones")) { asOf, format, dataDir };
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

            var ansi = console.Ansi();
            if (result.Escalated.Count > 0)
            {
                var table = new Table().Border(TableBorder.Simple).AddColumns("事项 item", "牵头 lead", "截止 deadline", "逾期 days overdue", "级别 level");
                foreach (var e in result.Escalated)
                {
                    table.AddRow(Markup.Escape($"#{e.Id} {e.Title}"), Markup.Escape(e.LeadOrg), Iso(e.Deadline), Num(e.DaysOverdue), $"{Num(e.FromLevel)} → {Num(e.ToLevel)}");
                }

                ansi.Write(table);
            }

            await Written(console, result.Writes);
            ansi.WriteLine(Words.Of($"截至 {Iso(result.AsOf)}:升级 {result.Escalated.Count} 项,催办 {result.Reminded.Count} 项", $"as of {Iso(result.AsOf)}: {result.Escalated.Count} escalated, {result.Reminded.Count} reminded{(result.Skipped > 0 ? $", {result.Skipped} skipped (changed meanwhile)" : "")}"));
            return 0;
        }));
        return command;
    }

    private static Command Rules(CliConsole console)
    {
        var (asOf, format, dataDir) = Options();
        var dryRun = new Option<bool>("--dry-run") { Description = Words.Of("只列出将新开和并入的事项,不写入", "list what would open and be absorbed, writing nothing") };
        var command = new Command("rules", Words.Of("按规则开立督办事项(指标规则:每个牵头单位一项;任务逾期;月报缺报)", "open items by rule (indicator rules: one item per lead unit; tasks past due; monthly reports missing)"))
        {
            asOf, dryRun, format, dataDir,
        };
        command.SetAction((parse, ct) => console.Guard(async () =>
        {
            var date = Date(parse.GetValue(asOf));
            bool dry = parse.GetValue(dryRun);
            await using var scope = await CliServices.OpenAsync(parse.GetValue(dataDir)!, ct);
            var result = await scope.ServiceProvider.GetRequiredService<RunSupervisionRules>().Handle(new RunSupervisionRules.Request(date, dry), ct);
            if (parse.GetValue(format) == "json")
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(result, JsonOptions.Default));
                return 0;
            }

            var ansi = console.Ansi();
            if (result.Opened.Count > 0)
            {
                var table = new Table().Border(TableBorder.Simple).AddColumns(dry ? "将新开 would open" : "事项 item", "规则 rule", "牵头 lead", "指标 figures", "截止 deadline");
                foreach (var o in result.Opened)
                {
                    table.AddRow(Markup.Escape(o.Id is { } id ? $"#{Num(id)} {o.Title}" : o.Title), Markup.Escape(o.RuleCode ?? o.Rule), Markup.Escape(o.LeadOrg), Num(o.Indicators.Count), Iso(o.Deadline));
                }

                ansi.Write(table);
            }

            if (result.Absorbed.Count > 0)
            {
                var table = new Table().Border(TableBorder.Simple).AddColumns(dry ? "将并入 would absorb into" : "并入 absorbed into", "规则 rule", "牵头 lead", "新增指标 figures added");
                foreach (var a in result.Absorbed)
                {
                    table.AddRow(Markup.Escape($"#{Num(a.Id)} {a.Title}"), Markup.Escape(a.RuleCode), Markup.Escape(a.LeadOrg), Markup.Escape(string.Join(", ", a.Indicators.Select(f => $"{f.Indicator}@{f.Org}"))));
                }

                ansi.Write(table);
            }

            foreach (var note in result.Notes)
            {
                await console.Error.WriteLineAsync(note.ToString());
            }

            await Written(console, result.Writes);

            int figures = result.Opened.Sum(o => o.Indicators.Count);
            ansi.WriteLine(dry
                ? Words.Of($"预演,截至 {Iso(result.AsOf)}:将新开 {result.Opened.Count} 项(共 {figures} 项指标),将并入 {result.Absorbed.Count} 项,已有 {result.AlreadyOpen} 项;未写入", $"dry run as of {Iso(result.AsOf)}: {result.Opened.Count} would open ({figures} figures), {result.Absorbed.Count} would absorb, {result.AlreadyOpen} already open; nothing written")
                : Words.Of($"截至 {Iso(result.AsOf)}:新开 {result.Opened.Count} 项(起草,待交办;共 {figures} 项指标),并入 {result.Absorbed.Count} 项,已有 {result.AlreadyOpen} 项", $"as of {Iso(result.AsOf)}: {result.Opened.Count} opened as drafts ({figures} figures), {result.Absorbed.Count} absorbed, {result.AlreadyOpen} already open"));
            return 0;
        }));
        return command;
    }

    /// <summary>How the run wrote, on stderr: the operator's check that no transaction held the database for long.</summary>
    private static async Task Written(CliConsole console, Application.Data.WriteStats? writes)
    {
        if (writes is { Batches: > 0 } w)
        {
            await console.Error.WriteLineAsync(Words.Of($"写入 {w.Batches} 批,首批事务 {w.FirstMilliseconds} 毫秒(含编译保存路径),其余最长 {w.LongestLaterMilliseconds} 毫秒", $"written in {w.Batches} batches: the first transaction {w.FirstMilliseconds} ms (it compiles the save path), the others at most {w.LongestLaterMilliseconds} ms"));
        }
    }

    private static (Option<string?> AsOf, Option<string> Format, Option<string> DataDir) Options()
    {
        var asOf = new Option<string?>("--as-of") { Description = Words.Of("按此日期 YYYY-MM-DD(默认今天)", "as of this date (default: today in China)") };
        var format = new Option<string>("--format") { Description = "table | json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        return (asOf, format, CliServices.DataDirOption());
    }

    private static DateOnly? Date(string? text) => CliServices.Date(text, "as-of");

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
