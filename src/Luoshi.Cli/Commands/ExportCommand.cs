using System.CommandLine;
using Luoshi.Application.Export;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Cli.Commands;

internal static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var what = new Argument<string>("what") { Description = "readings" };
        what.AcceptOnlyFromAmong("readings");
        var format = new Option<string>("--format") { Description = "csv | json", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "写入文件(默认标准输出)/ write to a file (default: standard output)" };
        var dataDir = CliServices.DataDirOption();
        var command = new Command("export", "导出数据 / export data") { what, format, output, dataDir };
        command.SetAction((parse, ct) => console.Guard(async () =>
        {
            await using var scope = await CliServices.OpenAsync(parse.GetValue(dataDir)!, ct);
            var export = scope.ServiceProvider.GetRequiredService<ExportReadings>();
            var fmt = parse.GetValue(format) == "json" ? ExportFormat.Json : ExportFormat.Csv;
            var file = parse.GetValue(output);
            int rows;
            if (file is null)
            {
                await console.Out.FlushAsync(ct);
                await using var stdout = new WriterStream(console.Out);
                rows = await export.Handle(stdout, fmt, null, ct);
                await console.Out.WriteLineAsync();
            }
            else
            {
                await using var stream = file.Create();
                rows = await console.WithProgress($"导出 / exporting {file.Name}", p => export.Handle(stream, fmt, p, ct));
            }

            await console.Error.WriteLineAsync($"{rows} 行已导出 / rows exported");
            return 0;
        }));
        return command;
    }
}
