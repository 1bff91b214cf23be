using System.CommandLine;
using Luoshi.Application.Data;
using Luoshi.Application.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Cli.Commands;

internal static class InitCommand
{
    public static Command Create(CliConsole console)
    {
        var demo = new Option<bool>("--demo") { Description = Words.Of("载入虚构的演示省份", "load the synthetic demo province") };
        var dataDir = CliServices.DataDirOption();
        var command = new Command("init", Words.Of("创建或升级数据库", "create or upgrade the database")) { demo, dataDir };
        command.SetAction((parse, ct) => console.Guard(async () =>
        {
            await using var scope = await CliServices.OpenAsync(parse.GetValue(dataDir)!, ct);
            await console.Error.WriteLineAsync(Words.Of($"数据库已就绪:{scope.ServiceProvider.GetRequiredService<DatabaseOptions>().Describe()}", $"database ready: {scope.ServiceProvider.GetRequiredService<DatabaseOptions>().Describe()}"));
            if (parse.GetValue(demo))
            {
                var seed = scope.ServiceProvider.GetRequiredService<SeedDemo>();
                var summaries = await console.WithProgress(Words.Of("载入演示省份", "loading the demo province"), p => seed.Handle(p, ct));
                foreach (var s in summaries)
                {
                    await console.Error.WriteLineAsync($"  {s.Kind}: {s.Rows}");
                }

                await console.Error.WriteLineAsync(summaries.Count == 0 ? Words.Of("演示省份已存在", "the demo province is already loaded") : DemoProvince.Label);
            }

            return 0;
        }));
        return command;
    }
}
