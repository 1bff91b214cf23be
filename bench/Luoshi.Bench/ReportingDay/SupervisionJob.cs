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
/// The daily supervision run during the window, in one of two ways. By default inside the server, as its schedule runs
/// it: <c>POST /api/supervision/run</c> with the office's token — the same use cases, on the snapshot the server already
/// holds. Or (<c>--job-cli</c>) as an operator's cron may start it, a separate process against the same database:
/// <c>luoshi supervise escalate</c>, then <c>luoshi supervise rules --format json</c>, which first loads a snapshot of
/// its own. Either is stopped at the deadline (the request cancelled, the process tree killed) and reported unfinished.
/// </summary>
public static class SupervisionJob
{
    public static async Task<JobResult> InServer(HttpClient http, string officeToken, DateTimeOffset deadline, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(log);
        long start = Stopwatch.GetTimestamp();
        log.WriteLine("  job: POST /api/supervision/run …");
        var left = deadline - DateTimeOffset.UtcNow;
        using var wait = new CancellationTokenSource(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/supervision/run");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", officeToken);
        try
        {
            using var response = await http.SendAsync(request, wait.Token);
            var text = await response.Content.ReadAsStringAsync(wait.Token);
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (!response.IsSuccessStatusCode)
            {
                var problem = FormattableString.Invariant($"the run answered {(int)response.StatusCode}: {Clip(text)}");
                log.WriteLine("  job: " + problem);
                return new JobResult(false, Round(seconds), null, null, null, null, problem);
            }

            using var json = JsonDocument.Parse(text);
            var rules = json.RootElement.GetProperty("rules");
            int opened = rules.GetProperty("opened").GetArrayLength();
            int? already = rules.TryGetProperty("alreadyOpen", out var a) ? a.GetInt32() : null;
            log.WriteLine(FormattableString.Invariant($"  job: done in {seconds:F1} s, {opened} items opened"));
            return new JobResult(true, Round(seconds), null, null, opened, already, null);
        }
        catch (OperationCanceledException)
        {
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            var problem = FormattableString.Invariant($"the run had not answered at the deadline and was abandoned after {seconds:F0} s");
            log.WriteLine("  job: " + problem);
            return new JobResult(false, Round(seconds), null, null, null, null, problem);
        }
    }

    public static async Task<JobResult> FromCli(string cliDll, string dataDir, DatabaseOptions database, DateTimeOffset deadline, TextWriter log)
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
