using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Luoshi.Application.Evaluation;
using Luoshi.Domain.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Luoshi.Cli.Commands;

internal static class EvaluateCommand
{
    public static Command Create(CliConsole console)
    {
        var period = new Option<string?>("--period") { Description = Words.Of("期间,如 2026-06", "the period, e.g. 2026-06 (default: the latest month due)") };
        var org = new Option<string?>("--org") { Description = Words.Of("单位代码(默认全部)", "an org unit's code (default: everything)") };
        var depth = new Option<int?>("--depth") { Description = Words.Of("向下层数(0=仅该单位)", "levels below the unit (0: the unit alone)") };
        var asOf = new Option<string?>("--as-of") { Description = Words.Of("评估日期 YYYY-MM-DD(默认今天)", "judge as of this date (default: today)") };
        var status = new Option<string?>("--status") { Description = "green | yellow | red | grey | none" };
        var format = new Option<string>("--format") { Description = "table | json | csv", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var dataDir = CliServices.DataDirOption();
        var command = new Command("evaluate", Words.Of("评估指标进度与状态", "evaluate indicators against targets and the calendar")) { period, org, depth, asOf, status, format, dataDir };
        command.SetAction((parse, ct) => console.Guard(async () =>
        {
            var date = CliServices.Date(parse.GetValue(asOf), "as-of");

            await using var scope = await CliServices.OpenAsync(parse.GetValue(dataDir)!, ct);
            var view = await scope.ServiceProvider.GetRequiredService<Evaluate>().Handle(
                new Evaluate.Query(parse.GetValue(period), parse.GetValue(org), parse.GetValue(depth), date, parse.GetValue(status)), ct);
            switch (parse.GetValue(format))
            {
                case "json":
                    await console.Out.WriteLineAsync(JsonSerializer.Serialize(view.Rows, JsonOptions.Default));
                    break;
                case "csv":
                    await WriteCsv(console.Out, view.Rows);
                    break;
                default:
                    WriteTable(console, view);
                    break;
            }

            return 0;
        }));
        return command;
    }

    private static async Task WriteCsv(TextWriter output, IReadOnlyList<EvaluationRowView> rows)
    {
        await using var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var h in new[] { "indicator", "org", "period", "actual", "target", "expected", "status", "yoy", "reason" })
        {
            csv.WriteField(h);
        }

        await csv.NextRecordAsync();
        foreach (var r in rows)
        {
            csv.WriteField(r.Indicator);
            csv.WriteField(r.Org);
            csv.WriteField(r.Period);
            csv.WriteField(Num(r.Actual));
            csv.WriteField(r.Target is { } t ? Luoshi.Domain.Common.Numbers.Format(t) : string.Empty);
            csv.WriteField(Num(r.Expected));
            csv.WriteField(r.Status.ToString().ToLowerInvariant());
            csv.WriteField(Num(r.Yoy));
            csv.WriteField(r.Reason);
            await csv.NextRecordAsync();
        }
    }

    private static void WriteTable(CliConsole console, EvaluationView view)
    {
        var ansi = console.Ansi();
        var table = new Table().Border(TableBorder.Simple)
            .AddColumns("指标 indicator", "单位 org", "实际 actual", "目标 target", "序时 expected", "状态 status", "同比 yoy%", "原因 reason");
        foreach (var r in view.Rows)
        {
            table.AddRow(
                Markup.Escape(r.Indicator),
                Markup.Escape(r.Org),
                Num(r.Actual),
                r.Target is { } t ? Luoshi.Domain.Common.Numbers.Format(t) : "",
                Num(r.Expected),
                Light(r.Status),
                Num(r.Yoy),
                Markup.Escape(r.Reason));
        }

        ansi.Write(table);
        ansi.WriteLine($"{view.Period} as of {view.AsOf:yyyy-MM-dd}: {view.Counts.Green} green, {view.Counts.Yellow} yellow, {view.Counts.Red} red, {view.Counts.Grey} grey, {view.Counts.None} none");
    }

    private static string Light(EvaluationStatus status) => status switch
    {
        EvaluationStatus.Green => "[green]● 绿 green[/]",
        EvaluationStatus.Yellow => "[yellow]● 黄 yellow[/]",
        EvaluationStatus.Red => "[red]● 红 red[/]",
        EvaluationStatus.Grey => "[grey]● 灰 grey[/]",
        _ => "○ —",
    };

    private static string Num(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : string.Empty;
}
