using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Luoshi.Application.Evaluation;
using Luoshi.Domain.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Luoshi.Cli.Commands;

/// <summary><c>luoshi overview</c>: the home page's overview of a unit at a month, as a few tables or as the API's JSON.</summary>
internal static class OverviewCommand
{
    public static Command Create(CliConsole console)
    {
        var period = new Option<string?>("--period") { Description = Words.Of("月份,如 2026-06(默认最近有数的月份)", "the month, e.g. 2026-06 (default: the latest with figures)") };
        var org = new Option<string?>("--org") { Description = Words.Of("单位代码(默认全省)", "an org unit's code (default: the province)") };
        var rank = new Option<string?>("--rank") { Description = Words.Of("排名所依的指标代码", "the indicator the regions are ranked on") };
        var all = new Option<bool>("--all-indicators") { Description = Words.Of("灯阵列出全部指标", "every indicator in the matrix, not only the headline ones") };
        var format = new Option<string>("--format") { Description = "table | json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var dataDir = CliServices.DataDirOption();
        var command = new Command("overview", Words.Of("总览:要点指标、灯阵、排名、双过半与开门红、红灰名单", "the overview: headline cards, matrix, ranking, checks, red and grey lists"))
        {
            period, org, rank, all, format, dataDir,
        };
        command.SetAction((parse, ct) => console.Guard(async () =>
        {
            await using var scope = await CliServices.OpenAsync(parse.GetValue(dataDir)!, ct);
            var overview = await scope.ServiceProvider.GetRequiredService<GetOverview>().Handle(
                new GetOverview.Query(parse.GetValue(period), parse.GetValue(org), parse.GetValue(rank), parse.GetValue(all)), ct);
            if (overview is null)
            {
                await console.Error.WriteLineAsync(Words.Of("尚无可总览的数据(要点指标没有数值)", "nothing to show yet: the headline indicators have no figures"));
                return 1;
            }

            var view = OverviewView.From(overview);
            if (parse.GetValue(format) == "json")
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(view, JsonOptions.Default));
            }
            else
            {
                WriteTables(console, view);
            }

            return 0;
        }));
        return command;
    }

    private static void WriteTables(CliConsole console, OverviewView view)
    {
        var ansi = console.Ansi();
        ansi.WriteLine($"{view.OrgName} {view.Org} · {view.Period} · as of {view.AsOf:yyyy-MM-dd}");

        var cards = new Table().Border(TableBorder.Simple).Title("要点指标 headline indicators")
            .AddColumns("指标 indicator", "期 period", "实际 actual", "目标 target", "序时 expected", "同比 yoy%", "状态 status", "原因 reason");
        foreach (var c in view.Cards)
        {
            cards.AddRow(Markup.Escape($"{c.Name} ({c.Unit})"), c.Period, Num(c.Actual), Num((double?)c.Target), Num(c.ExpectedToDate), Num(c.Yoy ?? c.YoyPoints), Light(c.Status), Markup.Escape(c.Reason ?? string.Empty));
        }

        ansi.Write(cards);

        var matrix = new Table().Border(TableBorder.Simple).Title("灯阵 matrix").AddColumn("单位 org");
        foreach (var i in view.Matrix.Indicators)
        {
            matrix.AddColumn(Markup.Escape(i.Name));
        }

        foreach (var row in view.Matrix.Rows)
        {
            matrix.AddRow([Markup.Escape(row.OrgName), .. row.Cells.Select(c => $"{Dot(c.Status)} {Num(c.Actual)}")]);
        }

        ansi.Write(matrix);

        if (view.Ranking.Indicator is { } ranked)
        {
            var ranking = new Table().Border(TableBorder.Simple).Title($"排名 ranking: {Markup.Escape(ranked)}").AddColumns("名次 rank", "单位 org", "实际 actual", "状态 status");
            foreach (var r in view.Ranking.Rows)
            {
                ranking.AddRow(r.Rank?.ToString(CultureInfo.InvariantCulture) ?? "—", Markup.Escape(r.OrgName), Num(r.Actual), Light(r.Status));
            }

            ansi.Write(ranking);
        }

        ansi.WriteLine($"双过半 half-year {view.Checks.Year}: {Check(view.Checks.HalfYear)}");
        ansi.WriteLine($"开门红 first quarter {view.Checks.Year}: {Check(view.Checks.FirstQuarter)}");
        ansi.WriteLine($"红 red {view.Red.Count}, 灰 grey {view.Grey.Count}");
        foreach (var r in view.Red.Concat(view.Grey))
        {
            ansi.MarkupLine($"  {Dot(r.Status)} {Markup.Escape(r.OrgName)} · {Markup.Escape(r.IndicatorName)}: {Markup.Escape(r.Reason)}");
        }
    }

    private static string Check(CheckSummary? summary) =>
        summary is null ? "未到 not yet" : $"{summary.Passed}/{summary.Total} 达标 passed (本级 own {summary.OwnPassed}/{summary.OwnTotal})";

    private static string Light(EvaluationStatus status) => $"{Dot(status)} {status.ToString().ToLowerInvariant()}";

    private static string Dot(EvaluationStatus status) => status switch
    {
        EvaluationStatus.Green => "[green]●[/]",
        EvaluationStatus.Yellow => "[yellow]●[/]",
        EvaluationStatus.Red => "[red]●[/]",
        EvaluationStatus.Grey => "[grey]●[/]",
        _ => "○",
    };

    private static string Num(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : string.Empty;
}
