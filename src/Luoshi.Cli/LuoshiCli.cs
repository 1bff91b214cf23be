using System.CommandLine;
using Luoshi.Cli.Commands;

namespace Luoshi.Cli;

/// <summary>The <c>luoshi</c> command: a thin shell over the same use cases the API calls.</summary>
public static class LuoshiCli
{
    /// <param name="terminal">What the output is (a terminal, its width, NO_COLOR); default: read from the process.</param>
    public static Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null, CliTerminal? terminal = null)
    {
        var console = new CliConsole(stdout ?? Console.Out, stderr ?? Console.Error, terminal);
        var root = new RootCommand("落实 Luoshi — 计划、指标、填报、序时进度 / plans, indicators, reporting, time progress")
        {
            ServeCommand.Create(),
            InitCommand.Create(console),
            ImportCommand.Create(console),
            ExportCommand.Create(console),
            EvaluateCommand.Create(console),
            OverviewCommand.Create(console),
            ReportCommand.Create(console),
            ProjectsCommand.Create(console),
            AssessCommand.Create(console),
            UsersCommand.Create(console),
            TokensCommand.Create(console),
            AuditCommand.Create(console),
            BackupCommand.Create(console),
            RestoreCommand.Create(console),
            SuperviseCommand.Create(console),
            DocsCommand.Create(console),
        };
        var config = new InvocationConfiguration { Output = console.Out, Error = console.Error };
        return root.Parse(args).InvokeAsync(config);
    }
}
