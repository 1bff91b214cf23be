using System.CommandLine;
using System.Globalization;
using Luoshi.Application.Publication;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Cli.Commands;

/// <summary><c>luoshi publish indicator|policy|project CODE [--off]</c>: switches one item onto or off the public portal.</summary>
internal static class PublishCommand
{
    public static Command Create(CliConsole console)
    {
        var kind = new Argument<string>("kind") { Description = "indicator | policy | project" };
        kind.AcceptOnlyFromAmong("indicator", "policy", "project");
        var code = new Argument<string>("code") { Description = Words.Of("指标、政策或项目的代码", "the code of the indicator, policy or project") };
        var off = new Option<bool>("--off") { Description = Words.Of("取消公开", "take it off the portal") };
        var dataDir = CliServices.DataDirOption();
        var command = new Command("publish", Words.Of("公开到门户或取消公开(留痕)", "switch onto or off the public portal (audited)")) { kind, code, off, dataDir };
        command.SetAction((parse, ct) => console.Guard(async () =>
        {
            await using var scope = await CliServices.OpenAsync(parse.GetValue(dataDir)!, ct);
            var view = await scope.ServiceProvider.GetRequiredService<Publish>().Handle(Publish.ParseKind(parse.GetValue(kind)), parse.GetValue(code), !parse.GetValue(off), ct);
            await console.Out.WriteLineAsync(view.IsPublic
                ? Words.Of($"已公开 {view.Code} {view.Title}(自 {view.PublishedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC)", $"public: {view.Code} {view.Title} (since {view.PublishedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC)")
                : Words.Of($"未公开 {view.Code} {view.Title}", $"not public: {view.Code} {view.Title}"));
            return 0;
        }));
        return command;
    }
}
