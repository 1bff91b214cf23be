using System.CommandLine;
using Luoshi.Application.Common;
using Luoshi.Application.Projects;
using Luoshi.Application.Readings;
using Luoshi.Application.Spreadsheets;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Cli.Commands;

internal static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var what = new Argument<string>("what") { Description = "readings | projects | project-plans | project-progress" };
        what.AcceptOnlyFromAmong("readings", "projects", "project-plans", "project-progress");
        var format = new Option<string?>("--format") { Description = Words.Of("数据 readings:csv | json(默认 csv);项目 projects:xlsx | csv(默认按输出文件扩展名,否则 csv)", "readings: csv | json (default csv); projects: xlsx | csv (default by the output file's extension, else csv)") };
        format.AcceptOnlyFromAmong("csv", "json", "xlsx");
        var output = new Option<FileInfo?>("--output", "-o", "--out") { Description = Words.Of("写入文件(默认标准输出)", "write to a file (default: standard output)") };
        var org = new Option<string?>("--org") { Description = Words.Of("项目:地区代码(含下级,默认全省)", "projects: a region and everything below it (default: the province)") };
        var year = new Option<int?>("--year") { Description = Words.Of("年度计划的年份(默认今年)", "project-plans: the year (default: this year)") };
        var month = new Option<string?>("--month") { Description = Words.Of("进度的月份,如 2026-05(默认上月)", "project-progress: the month, e.g. 2026-05 (default: last month)") };
        var dataDir = CliServices.DataDirOption();
        var command = new Command("export", Words.Of("导出数据", "export data")) { what, format, output, org, year, month, dataDir };
        command.SetAction((parse, ct) => console.Guard(async () =>
        {
            await using var scope = await CliServices.OpenAsync(parse.GetValue(dataDir)!, ct);
            var file = parse.GetValue(output);
            if (parse.GetValue(what) is var name && name != "readings")
            {
                var fmt = parse.GetValue(format) switch
                {
                    "xlsx" => ExportFormat.Xlsx,
                    "csv" => ExportFormat.Csv,
                    "json" => throw InputRefusedException.Single("format", new("项目导出为 xlsx 或 csv", "projects export as xlsx or csv")),
                    _ => file?.Extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase) == true ? ExportFormat.Xlsx : ExportFormat.Csv,
                };
                var kind = ProjectFiles.ParseKind(name);
                var content = await scope.ServiceProvider.GetRequiredService<ProjectFiles>().Template(kind, new(parse.GetValue(org), parse.GetValue(year), parse.GetValue(month), fmt), ct);
                // A workbook is never written to a terminal: without --output it takes its own name.
                if (file is null && fmt == ExportFormat.Xlsx)
                {
                    file = new FileInfo(content.FileName);
                }

                if (file is null)
                {
                    await console.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(content.Content).TrimStart('\uFEFF'));
                }
                else
                {
                    await File.WriteAllBytesAsync(file.FullName, content.Content, ct);
                    await console.Out.WriteLineAsync(file.FullName);
                }

                return 0;
            }

            var export = scope.ServiceProvider.GetRequiredService<ExportReadings>();
            var readingsFormat = parse.GetValue(format) switch
            {
                null or "csv" => ExportFormat.Csv,
                "json" => ExportFormat.Json,
                _ => throw InputRefusedException.Single("format", new("读数导出为 csv 或 json", "readings export as csv or json")),
            };
            int rows;
            if (file is null)
            {
                await console.Out.FlushAsync(ct);
                await using var stdout = new WriterStream(console.Out);
                rows = await export.Handle(stdout, readingsFormat, null, ct);
                await console.Out.WriteLineAsync();
            }
            else
            {
                await using var stream = file.Create();
                rows = await console.WithProgress(Words.Of($"导出 {file.Name}", $"exporting {file.Name}"), p => export.Handle(stream, readingsFormat, p, ct));
            }

            await console.Error.WriteLineAsync(Words.Of($"{rows} 行已导出", $"{rows} rows exported"));
            return 0;
        }));
        return command;
    }
}
