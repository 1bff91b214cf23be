using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Luoshi.Application.Assessment;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Luoshi.Cli.Commands;

internal static class AssessCommand
{
    public static Command Create(CliConsole console)
    {
        var scheme = new Option<FileInfo>("--scheme") { Description = Words.Of("方案JSON文件", "the scheme JSON file"), Required = true };
        var asOf = new Option<string?>("--as-of") { Description = Words.Of("截至日期(默认期间的报送截止日)", "as of (default: the period's due date)") };
        var format = new Option<string>("--format") { Description = "table | json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var publish = new Option<bool>("--publish") { Description = Words.Of("保存并发布(冻结)", "store and publish (frozen)") };
        var dataDir = CliServices.DataDirOption();
        var command = new Command("assess", Words.Of("综合考核:计分、排名、定等", "score, rank and grade a group of units by a scheme")) { scheme, asOf, format, publish, dataDir };
        command.SetAction((parse, ct) => console.Guard(async () =>
        {
            var file = parse.GetValue(scheme)!;
            var json = await File.ReadAllTextAsync(file.FullName, ct);
            var date = CliServices.Date(parse.GetValue(asOf), "as-of");
            await using var scope = await CliServices.OpenAsync(parse.GetValue(dataDir)!, ct);
            AssessmentResult result;
            if (parse.GetValue(publish))
            {
                var run = await scope.ServiceProvider.GetRequiredService<RunAssessment>().Handle(json, date, ct);
                result = await scope.ServiceProvider.GetRequiredService<PublishRun>().Handle(run.RunId!.Value, ct);
            }
            else
            {
                result = await scope.ServiceProvider.GetRequiredService<PreviewAssessment>().Handle(json, date, ct);
            }

            if (parse.GetValue(format) == "json")
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(result, JsonOptions.Default));
                return 0;
            }

            var ansi = console.Ansi();
            var table = new Table().Border(TableBorder.Simple).AddColumns("名次 rank", "单位 org", "得分 score", "等次 grade", "各项 criteria");
            foreach (var r in result.Results)
            {
                table.AddRow(r.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape($"{r.Org} {r.OrgName}"), r.Score.ToString("0.00", CultureInfo.InvariantCulture), Markup.Escape(r.Grade), Markup.Escape(string.Join("  ", r.Criteria.Select(c => $"{c.Code} {c.Points:0.##}")) + (r.Vetoed ? "  一票否决 veto: " + r.VetoReason : string.Empty)));
            }

            ansi.Write(table);
            ansi.WriteLine(Words.Of($"{result.Scheme} {result.Year} · {result.Period} · hash {result.InputsHash[..12]} · --format json 给出每一分的说明", $"{result.Scheme} {result.Year} · {result.Period} · hash {result.InputsHash[..12]} · --format json gives every point's explanation"));
            return 0;
        }));
        return command;
    }
}
