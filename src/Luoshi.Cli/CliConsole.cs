using Luoshi.Application.Common;
using Luoshi.Application.Import;
using Luoshi.Domain.Common;
using Spectre.Console;

namespace Luoshi.Cli;

/// <summary>Where the CLI writes: data to <see cref="Out"/>, messages and progress to <see cref="Error"/>.</summary>
public sealed class CliConsole(TextWriter output, TextWriter error)
{
    public const int ProgressThreshold = 5000;

    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>Runs a command body, turning refused input into messages that name row and column, and an exit code.</summary>
    public async Task<int> Guard(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (InputRefusedException e)
        {
            await Error.WriteLineAsync(e.Message);
            foreach (var problem in e.Errors)
            {
                await Error.WriteLineAsync("  " + problem);
            }

            return 1;
        }
        catch (Exception e) when (e is DomainException or NotFoundException or ConflictException or Application.Operations.BackupFailedException)
        {
            await Error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            await Error.WriteLineAsync("设置有误 / bad settings:");
            foreach (var failure in e.Failures)
            {
                await Error.WriteLineAsync("  " + failure);
            }

            return 1;
        }
        catch (FileNotFoundException e)
        {
            await Error.WriteLineAsync($"找不到文件 / file not found: {e.FileName}");
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
