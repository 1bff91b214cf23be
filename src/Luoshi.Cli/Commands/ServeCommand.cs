using System.CommandLine;
using Luoshi.Web;
using Microsoft.Extensions.Hosting;

namespace Luoshi.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create()
    {
        var demo = new Option<bool>("--demo") { Description = Words.Of("空数据库时载入虚构的演示省份", "load the synthetic demo province into an empty database") };
        var urls = new Option<string>("--urls") { Description = Words.Of("监听地址", "listen address"), DefaultValueFactory = _ => LuoshiWebApp.DefaultUrls };
        var publicOnly = new Option<bool>("--public-only") { Description = Words.Of("只提供公开门户(/public 及其数据、健康检查):无登录、无API、不写库", "serve the public portal alone (/public, its data, health probes): no sign-in, no API, no writes") };
        var dataDir = CliServices.DataDirOption();
        var command = new Command("serve", Words.Of("启动网站与API", "serve the web UI and the REST API")) { demo, urls, publicOnly, dataDir };
        command.SetAction(async (parse, ct) =>
        {
            string[] args =
            [
                "--urls", parse.GetValue(urls)!,
                $"--{LuoshiOptions.Section}:DataDir={Path.GetFullPath(parse.GetValue(dataDir)!)}",
                $"--{LuoshiOptions.Section}:Demo={(parse.GetValue(demo) ? "true" : "false")}",
                $"--{LuoshiOptions.Section}:PublicOnly={(parse.GetValue(publicOnly) ? "true" : "false")}",
            ];
            var app = LuoshiWebApp.Build(args);
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }
}
