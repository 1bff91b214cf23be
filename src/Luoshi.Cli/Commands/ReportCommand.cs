using System.CommandLine;
using System.Text.Json;
using Luoshi.Application.Reporting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Luoshi.Cli.Commands;

internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var org = new Option<string>("--org") { Description = Words.Of("单位代码", "org unit code"), Required = true };
        var period = new Option<string>("--period") { Description = Words.Of("期间,如 2026-10", "the period, e.g. 2026-10"), Required = true };
        var output = new Option<FileInfo?>("--output", "-o") { Description = Words.Of("模板文件", "where to write the template") };
        var dataDir = CliServices.DataDirOption();
        var template = new Command("template", Words.Of("下载预填的Excel填报模板", "write the pre-filled Excel template")) { org, period, output, dataDir };
        template.SetAction((parse, ct) => console.Guard(async () =>
        {
            await using var scope = await CliServices.OpenAsync(parse.GetValue(dataDir)!, ct);
            var (content, name) = await scope.ServiceProvider.GetRequiredService<ReportFiles>().Template(parse.GetValue(org), parse.GetValue(period), ct);
            var file = parse.GetValue(output) ?? new FileInfo(name);
            await File.WriteAllBytesAsync(file.FullName, content, ct);
            await console.Out.WriteLineAsync(file.FullName);
            return 0;
        }));

        var file = new Argument<FileInfo>("file") { Description = Words.Of(".xlsx 或 .csv", "an .xlsx template or a readings .csv") };
        var upload = new Command("upload", Words.Of("上传填好的模板(全部成功或全部不写)", "upload a filled template, all or nothing")) { file, org, period, dataDir };
        upload.SetAction((parse, ct) => console.Guard(async () =>
        {
            var path = parse.GetValue(file)!;
            await using var scope = await CliServices.OpenAsync(parse.GetValue(dataDir)!, ct);
            await using var stream = path.OpenRead();
            var summary = await scope.ServiceProvider.GetRequiredService<ReportFiles>().Upload(parse.GetValue(org), parse.GetValue(period), path.Name, stream, ct);
            await console.Out.WriteLineAsync($"{summary.Org} {summary.Period}: {summary.Written} 写入/written, {summary.Unchanged} 未变/unchanged, {summary.Skipped} 空/blank");
            return 0;
        }));

        var from = new Option<string?>("--from") { Description = Words.Of("起始月", "first month") };
        var to = new Option<string?>("--to") { Description = Words.Of("截止月", "last month") };
        var under = new Option<string?>("--under") { Description = Words.Of("单位子树", "a subtree") };
        var format = new Option<string>("--format") { Description = "table | json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var timeliness = new Command("timeliness", Words.Of("报送及时性", "timeliness by unit and month")) { from, to, under, format, dataDir };
        timeliness.SetAction((parse, ct) => console.Guard(async () =>
        {
            await using var scope = await CliServices.OpenAsync(parse.GetValue(dataDir)!, ct);
            var view = await scope.ServiceProvider.GetRequiredService<TimelinessReport>().Handle(parse.GetValue(from), parse.GetValue(to), parse.GetValue(under), null, ct);
            if (parse.GetValue(format) == "json")
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(view, JsonOptions.Default));
                return 0;
            }

            var ansi = console.Ansi();
            var table = new Table().Border(TableBorder.Simple).AddColumns("单位 org", "按时 on time", "迟报 late", "未报 missing");
            foreach (var row in view.Units)
            {
                table.AddRow(Markup.Escape($"{row.Org} {row.OrgName}"), row.OnTime.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Late.ToString(System.Globalization.CultureInfo.InvariantCulture), row.Missing.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            ansi.Write(table);
            ansi.WriteLine($"{view.From}–{view.To}: {view.OnTime} on time, {view.Late} late, {view.Missing} missing; never reported: {string.Join(", ", view.NeverUpdated)}");
            return 0;
        }));
        return new Command("report", Words.Of("填报", "reporting")) { template, upload, timeliness };
    }
}
