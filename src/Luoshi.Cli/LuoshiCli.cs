using System.CommandLine;
using System.Globalization;
using Luoshi.Cli.Commands;
using Luoshi.Domain.Common;

namespace Luoshi.Cli;

/// <summary>The <c>luoshi</c> command: a thin shell over the same use cases the API calls.</summary>
public static class LuoshiCli
{
    /// <param name="terminal">What the output is (a terminal, its width, NO_COLOR); default: read from the process.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null, CliTerminal? terminal = null)
    {
        // The language of what the use cases say (refusals, reasons, notes), chosen before anything runs. Set within
        // this call only: the caller's language is what it was once the command returns.
        CultureInfo.CurrentUICulture = Text.CultureOf(LanguageOf(args, Environment.GetEnvironmentVariable("LUOSHI_LANG")));
        var console = new CliConsole(stdout ?? Console.Out, stderr ?? Console.Error, terminal);
        var root = new RootCommand(Words.Of("落实 Luoshi — 计划、指标、填报、序时进度", "Luoshi — plans, indicators, reporting, time progress"))
        {
            ServeCommand.Create(),
            InitCommand.Create(console),
            ImportCommand.Create(console),
            ExportCommand.Create(console),
            EvaluateCommand.Create(console),
            OverviewCommand.Create(console),
            ReportCommand.Create(console),
            ProjectsCommand.Create(console),
            PoliciesCommand.Create(console),
            PublishCommand.Create(console),
            AssessCommand.Create(console),
            UsersCommand.Create(console),
            TokensCommand.Create(console),
            AuditCommand.Create(console),
            BackupCommand.Create(console),
            RestoreCommand.Create(console),
            SuperviseCommand.Create(console),
            NotifyCommand.Create(console),
            DocsCommand.Create(console),
            OpenApiCommand.Create(console),
        };
        root.Options.Add(CreateLangOption());
        var config = new InvocationConfiguration { Output = console.Out, Error = console.Error };
        return await root.Parse(args).InvokeAsync(config);
    }

    private static Option<string> CreateLangOption()
    {
        var option = new Option<string>("--lang")
        {
            Description = Words.Of("消息与原因的语言:zh、en 或 both(默认 both,或取 LUOSHI_LANG)", "the language of messages and reasons: zh, en or both (default: both, or LUOSHI_LANG)"),
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("zh", "en", "both");
        return option;
    }

    /// <summary><c>--lang zh|en|both</c> (also <c>--lang=…</c>, <c>--lang:…</c>), else the environment's value, else both.</summary>
    public static Language LanguageOf(IReadOnlyList<string> args, string? environment)
    {
        string? chosen = null;
        for (int i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a == "--lang" && i + 1 < args.Count)
            {
                chosen = args[i + 1];
            }
            else if (a.StartsWith("--lang=", StringComparison.Ordinal) || a.StartsWith("--lang:", StringComparison.Ordinal))
            {
                chosen = a[7..];
            }
        }

        return (chosen ?? environment ?? string.Empty).Trim().ToLowerInvariant() switch
        {
            "zh" or "zh-cn" or "chinese" => Language.Chinese,
            "en" or "english" => Language.English,
            _ => Language.Both,
        };
    }
}
