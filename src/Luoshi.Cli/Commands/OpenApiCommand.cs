using System.CommandLine;
using Luoshi.Web;
using Luoshi.Web.Infrastructure;

namespace Luoshi.Cli.Commands;

/// <summary><c>luoshi openapi</c>: the API document as the server would serve it, written without a server or a database.</summary>
internal static class OpenApiCommand
{
    public static Command Create(CliConsole console)
    {
        var output = new Option<string?>("--output", "-o") { Description = Words.Of("写入的文件(默认标准输出)", "the file to write (default: standard output)") };
        var server = new Option<string>("--server")
        {
            Description = Words.Of("文档中的服务器地址", "the server address the document names"),
            DefaultValueFactory = _ => LuoshiWebApp.DefaultUrls,
        };
        var command = new Command("openapi", Words.Of("输出API的OpenAPI 3.1文档(同 /openapi/v1.json,供生成客户端)", "write the API's OpenAPI 3.1 document (as /openapi/v1.json serves it, for generated clients)")) { output, server };
        command.SetAction((parse, ct) => console.Guard(async () =>
        {
            // The app is built, never started: the document comes from its endpoints alone, so the data directory
            // (a fresh temporary one) is never touched.
            var dataDir = Directory.CreateTempSubdirectory("luoshi-openapi-");
            try
            {
                await using var app = LuoshiWebApp.Build([$"--{LuoshiOptions.Section}:DataDir={dataDir.FullName}"]);
                var json = await ApiDocument.JsonOfUnstartedAsync(app, parse.GetValue(server)!, ct);
                if (parse.GetValue(output) is { } file)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
                    await File.WriteAllTextAsync(file, json, ct);
                }
                else
                {
                    await console.Out.WriteAsync(json);
                }

                return 0;
            }
            finally
            {
                dataDir.Delete(recursive: true);
            }
        }));
        return command;
    }
}
