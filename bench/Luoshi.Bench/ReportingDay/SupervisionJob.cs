using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Luoshi.Application.Data;

namespace Luoshi.Bench.ReportingDay;

/// <summary>What the day's supervision run did while the reporters wrote.</summary>
/// <param name="Seconds">Wall time of both steps; when unfinished, how long it had run when it was stopped.</param>
/// <param name="ItemsOpened">Length of the rules' <c>opened</c> array; null when the rules did not finish.</param>
public sealed record JobResult(bool Finished, double Seconds, double? EscalateSeconds, double? RulesSeconds, int? ItemsOpened, int? AlreadyOpen, string? Problem);

/// <summary>
/// The daily supervision run as an operator's cron starts it, a separate process against the same database
/// as the server: <c>luoshi supervise escalate</c>, then <c>luoshi supervise rules --format json</c>. It is
/// stopped (its process tree killed) at the deadline and reported as unfinished.
/// </summary>
public static class SupervisionJob
{
    public static async Task<JobResult> Run(string cliDll, string dataDir, DatabaseOptions database, DateTimeOffset deadline, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(log);
        long start = Stopwatch.GetTimestamp();
        log.WriteLine("  job: luoshi supervise escalate …");
        var escalate = await RunCli(cliDll, database, deadline, "supervise", "escalate", "--data-dir", dataDir, "--format", "json");
        if (!escalate.Finished || escalate.ExitCode != 0)
        {
            return Stopped(start, escalate, null, "escalate", log);
        }

        log.WriteLine(FormattableString.Invariant($"  job: escalate done in {escalate.Seconds:F1} s; luoshi supervise rules …"));
        var rules = await RunCli(cliDll, database, deadline, "supervise", "rules", "--data-dir", dataDir, "--format", "json");
        if (!rules.Finished || rules.ExitCode != 0)
        {
            return Stopped(start, escalate, rules, "rules", log);
        }

        int? opened = null;
        int? already = null;
        string? problem = null;
        try
        {
            var text = rules.Stdout;
            using var json = JsonDocument.Parse(text[text.IndexOf('{', StringComparison.Ordinal)..]);
            opened = json.RootElement.GetProperty("opened").GetArrayLength();
            already = json.RootElement.TryGetProperty("alreadyOpen", out var a) ? a.GetInt32() : null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or ArgumentOutOfRangeException)
        {
            problem = "the rules' JSON could not be read: " + e.Message;
        }

        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        log.WriteLine(FormattableString.Invariant($"  job: rules done in {rules.Seconds:F1} s, {opened} items opened; {seconds:F1} s in all"));
        return new JobResult(true, Round(seconds), Round(escalate.Seconds), Round(rules.Seconds), opened, already, problem);
    }

    private static JobResult Stopped(long start, CliRun escalate, CliRun? rules, string step, TextWriter log)
    {
        var failed = rules ?? escalate;
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        string problem = failed.Finished
            ? FormattableString.Invariant($"{step} exited with {failed.ExitCode}: {Clip(failed.Stderr)}")
            : FormattableString.Invariant($"{step} had not finished at the deadline and was stopped after {failed.Seconds:F0} s");
        log.WriteLine("  job: " + problem);
        return new JobResult(false, Round(seconds), escalate.Finished ? Round(escalate.Seconds) : null, rules is { Finished: true } ? Round(rules.Seconds) : null, null, null, problem);
    }

    private sealed record CliRun(bool Finished, int ExitCode, double Seconds, string Stdout, string Stderr);

    private static async Task<CliRun> RunCli(string cliDll, DatabaseOptions database, DateTimeOffset deadline, params string[] args)
    {
        var start = Cli.StartInfo(cliDll, database, args);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        long started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start luoshi");
        using var leftover = Leftovers.Register(() => process.Kill(entireProcessTree: true));
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var left = deadline - DateTimeOffset.UtcNow;
        using var wait = new CancellationTokenSource(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new CliRun(false, -1, Stopwatch.GetElapsedTime(started).TotalSeconds, Text(stdout), Text(stderr));
        }

        return new CliRun(true, process.ExitCode, Stopwatch.GetElapsedTime(started).TotalSeconds, Text(stdout), Text(stderr));
    }

    private static void Append(StringBuilder to, string? line)
    {
        if (line is not null)
        {
            lock (to)
            {
                to.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder b)
    {
        lock (b)
        {
            return b.ToString();
        }
    }

    private static string Clip(string s) => s.Length > 400 ? s[..400] + "…" : s.ReplaceLineEndings(" ");

    private static double Round(double s) => Math.Round(s, 2);
}
