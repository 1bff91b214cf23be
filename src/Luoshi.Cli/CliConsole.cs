using Luoshi.Application.Common;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Spectre.Console;

namespace Luoshi.Cli;

/// <summary>Where the CLI writes: data to <see cref="Out"/>, messages and progress to <see cref="Error"/>.</summary>
public sealed class CliConsole(TextWriter output, TextWriter error, CliTerminal? terminal = null)
{
    public const int ProgressThreshold = 5000;

    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>What <see cref="Out"/> is: a terminal of some width, or a file or pipe.</summary>
    public CliTerminal Terminal { get; } = terminal ?? CliTerminal.Detect(output, Environment.GetEnvironmentVariable);

    /// <summary>
    /// A console over <see cref="Out"/> for tables, fitted to where the output goes: the terminal's width (or
    /// <c>COLUMNS</c>), colour only on a terminal and without <c>NO_COLOR</c>, and, in a file or a pipe, no escape
    /// codes and no wrapping, so that a row stays on one line for grep, diff and the next program.
    /// </summary>
    public IAnsiConsole Ansi()
    {
        bool plain = !Terminal.IsTerminal || Terminal.NoColor;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Ansi = plain ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = Terminal.IsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        console.Profile.Width = Terminal.Width;
        return console;
    }

    /// <summary>Runs a command body, turning refused input into messages that name row and column, and an exit code.</summary>
    public async Task<int> Guard(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (InputRefusedException e)
        {
            await Error.WriteLineAsync(e.Title.ToString());
            foreach (var problem in e.Errors)
            {
                await Error.WriteLineAsync("  " + problem);
            }

            return 1;
        }
        catch (Exception e) when (e is DomainException or NotFoundException or ConflictException or Application.Operations.BackupFailedException)
        {
            await Error.WriteLineAsync(Said.Of(e).ToString());
            return 1;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            await Error.WriteLineAsync(Words.Of("设置有误:", "bad settings:"));
            foreach (var failure in e.Failures)
            {
                await Error.WriteLineAsync("  " + failure);
            }

            return 1;
        }
        catch (FileNotFoundException e)
        {
            await Error.WriteLineAsync(Words.Of($"找不到文件:{e.FileName}", $"file not found: {e.FileName}"));
            return 1;
        }
    }

    /// <summary>Runs <paramref name="work"/> with a progress bar on the error stream once it is large enough to be worth one.</summary>
    public async Task<T> WithProgress<T>(string label, Func<IProgress<ImportProgress>, Task<T>> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Error) });
        T result = default!;
        if (!console.Profile.Capabilities.Interactive)
        {
            var plain = new PlainProgress(Error, label);
            return await work(plain);
        }

        await console.Progress().AutoClear(false).StartAsync(async ctx =>
        {
            var task = ctx.AddTask(label, autoStart: true, maxValue: 1);
            var progress = new Progress<ImportProgress>(p =>
            {
                task.MaxValue = Math.Max(1, p.Total);
                task.Value = p.Done;
            });
            result = await work(progress);
            task.Value = task.MaxValue;
        });
        return result;
    }

    /// <summary>Progress for a log or a pipe: a line every tenth of the way, and only for work of some size.</summary>
    private sealed class PlainProgress(TextWriter error, string label) : IProgress<ImportProgress>
    {
        private int _lastTenth = -1;

        public void Report(ImportProgress value)
        {
            if (value.Total < ProgressThreshold)
            {
                return;
            }

            int tenth = (int)(10L * value.Done / value.Total);
            if (tenth != _lastTenth)
            {
                _lastTenth = tenth;
                error.WriteLine($"{label}: {value.Done}/{value.Total} ({tenth * 10}%)");
            }
        }
    }
}

/// <summary>
/// Where the CLI's output goes. <see cref="Width"/> is what tables are fitted to: <c>COLUMNS</c> when set, else
/// the terminal's width, else (a file or a pipe) <see cref="Unbounded"/>: as wide as the rows are.
/// </summary>
public sealed record CliTerminal(bool IsTerminal, int? Columns, bool NoColor)
{
    /// <summary>The width used where nothing bounds it: wider than any row, so none wraps.</summary>
    public const int Unbounded = 32_000;

    /// <summary>The narrowest <c>COLUMNS</c> taken at its word (a smaller value is a mistake, not a terminal).</summary>
    public const int MinColumns = 20;

    public int Width => Columns ?? (IsTerminal ? TerminalWidth() : Unbounded);

    /// <summary>Reads the process's situation: whether <paramref name="output"/> is the console's own, not redirected, and the environment.</summary>
    public static CliTerminal Detect(TextWriter output, Func<string, string?> environment)
    {
        bool isTerminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        int? columns = int.TryParse(environment("COLUMNS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var c) && c is >= MinColumns and <= Unbounded
            ? c
            : null;

        // https://no-color.org: set and not empty.
        bool noColor = !string.IsNullOrEmpty(environment("NO_COLOR"));
        return new CliTerminal(isTerminal, columns, noColor);
    }

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth is > 0 and var w ? w : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}
