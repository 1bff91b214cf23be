using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Luoshi.Bench.Database;
using Luoshi.Bench.Harness;
using Luoshi.Bench.Peers;
using Luoshi.Bench.Scale;

namespace Luoshi.Bench.ReportingDay;

/// <summary>What one reporting-day run does, and where.</summary>
/// <param name="SqliteFile">The province's SQLite database to copy; null: no SQLite run.</param>
/// <param name="PostgresConnectionString">A PostgreSQL server holding <paramref name="PostgresTemplate"/>; null: no PostgreSQL run.</param>
/// <param name="EnsureDatabases">Build the province's databases and CSV export where missing (the default locations of this checkout).</param>
/// <param name="JobAfter">When, into the window, the day's supervision run starts; null: not at all.</param>
/// <param name="JobGrace">How long after the window's end the run is waited for before it is stopped and reported unfinished.</param>
/// <param name="JobFromCli">Start the run as a separate <c>luoshi supervise</c> process rather than inside the server.</param>
/// <param name="Warmup">Traffic of the same shape before the window, not measured: the server's code paths are warm when it opens, as a server's are by mid-morning.</param>
public sealed record ReportingDayOptions(
    bool Quick,
    string OutputDirectory,
    string? SqliteFile,
    string? PostgresConnectionString,
    string PostgresTemplate,
    string CsvDirectory,
    string SqlFile,
    string CliDll,
    int Reporters,
    TrafficPlan Traffic,
    TimeSpan? JobAfter,
    TimeSpan JobGrace,
    int DuckDbRounds,
    bool EnsureDatabases,
    bool JobFromCli = false,
    TimeSpan Warmup = default);

/// <summary>
/// The reporting-day benchmark (bench/README.md, "Reporting day"): per provider, a copy of the bench province,
/// one <c>luoshi serve</c> on it, reporters writing and reading back while leaders read, the day's
/// supervision run started during the window; then DuckDB on the same stream of writes. Writes
/// reporting-day.json and a CSV of every request per provider. A provider that fails is reported with its
/// error and the run goes on.
/// </summary>
public static class ReportingDayRun
{
    /// <summary>
    /// The overview page's headline indicators: the app's defaults are the demo province's codes, which the bench
    /// province has not (the page would say there is nothing to show). The page shows the latest month of the
    /// first one's series, so it is an own indicator no reporter writes: the leaders keep looking at 2026-12
    /// while 2027-01 is being reported.
    /// </summary>
    private static readonly Dictionary<string, string> ServerSettings = new[] { "N001", "S001", "S002", "S004", "S011", "N002", "R001", "R002" }
        .Select((code, k) => (Key: FormattableString.Invariant($"Luoshi__Dashboard__Indicators__{k}"), Code: code))
        .ToDictionary(x => x.Key, x => x.Code, StringComparer.Ordinal);

    public static async Task<int> Run(ReportingDayOptions o, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(log);
        long runStart = Stopwatch.GetTimestamp();
        var loadAtStart = Machine.LoadAverage();
        log.WriteLine(FormattableString.Invariant(
            $"== reporting day ({(o.Quick ? "quick" : "full")}): {o.Reporters} reporters writing {o.Traffic.Period} and reading the province back, {o.Traffic.ApiReaders} + {o.Traffic.PageReaders} leaders on {o.Traffic.LeaderPeriod} and /, {o.Traffic.Window.TotalSeconds:F0} s window, {(o.JobAfter is { } after ? FormattableString.Invariant($"supervision at +{after.TotalSeconds:F0} s") : "no supervision run")} — load average {loadAtStart}"));

        if (o.EnsureDatabases)
        {
            await EnsureProvince(o, log);
        }

        var providers = new JsonArray();
        if (o.SqliteFile is not null)
        {
            providers.Add(await Provider(o, () => ProvinceCopy.Sqlite(o.SqliteFile, log), "sqlite", log));
        }

        if (o.PostgresConnectionString is not null)
        {
            providers.Add(await Provider(o, () => ProvinceCopy.Postgres(o.PostgresConnectionString, o.PostgresTemplate, log), "postgres", log));
        }

        var report = new JsonObject
        {
            ["mode"] = o.Quick ? "quick" : "full",
            ["commit"] = Commit(),
            ["generatedAt"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["machine"] = new JsonObject
            {
                ["nproc"] = Environment.ProcessorCount,
                ["cpu"] = Machine.CpuModel(),
                ["memoryGb"] = Math.Round(Machine.MemoryGb(), 1),
                ["os"] = RuntimeInformation.OSDescription,
                ["runtime"] = RuntimeInformation.FrameworkDescription,
            },
            ["plan"] = new JsonObject
            {
                ["reporters"] = o.Reporters,
                ["apiReaders"] = o.Traffic.ApiReaders,
                ["pageReaders"] = o.Traffic.PageReaders,
                ["windowSeconds"] = o.Traffic.Window.TotalSeconds,
                ["thinkMs"] = o.Traffic.ThinkTime.TotalMilliseconds,
                ["requestTimeoutSeconds"] = o.Traffic.RequestTimeout.TotalSeconds,
                ["writtenPeriod"] = o.Traffic.Period,
                ["leaderPeriod"] = o.Traffic.LeaderPeriod,
                ["jobStartsAfterSeconds"] = o.JobAfter?.TotalSeconds,
                ["jobGraceSeconds"] = o.JobGrace.TotalSeconds,
            },
            ["providers"] = providers,
        };

        if (o.DuckDbRounds > 0)
        {
            try
            {
                var duck = DuckDbReadAfterWrite.Run(o.CsvDirectory, o.SqlFile, o.Reporters, o.DuckDbRounds, YearMonth(o.Traffic.Period), YearMonth(o.Traffic.LeaderPeriod), log);
                report["duckdbReadAfterWriteMs"] = duck.ReadAfterWriteP50Ms;
                report["duckdb"] = new JsonObject
                {
                    ["engine"] = duck.Engine,
                    ["loadMs"] = duck.LoadMs,
                    ["rounds"] = duck.Rounds,
                    ["insertP50Ms"] = duck.InsertP50Ms,
                    ["readAfterWriteP50Ms"] = duck.ReadAfterWriteP50Ms,
                    ["readAfterWriteP99Ms"] = duck.ReadAfterWriteP99Ms,
                    ["leaderReadAfterWriteP50Ms"] = duck.LeaderReadAfterWriteP50Ms,
                    ["staleReads"] = duck.StaleReads,
                    ["peakRssMb"] = Math.Round(Machine.PeakRssMb()),
                };
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                log.WriteLine("  duckdb FAILED: " + e.Message);
                report["duckdbReadAfterWriteMs"] = null;
                report["duckdb"] = new JsonObject { ["error"] = e.Message };
            }
        }
        else
        {
            report["duckdbReadAfterWriteMs"] = null;
        }

        report["loadAverage"] = new JsonObject { ["start"] = loadAtStart, ["end"] = Machine.LoadAverage() };
        report["runSeconds"] = Math.Round(Stopwatch.GetElapsedTime(runStart).TotalSeconds, 1);
        Directory.CreateDirectory(o.OutputDirectory);
        var file = Path.Combine(o.OutputDirectory, "reporting-day.json");
        await File.WriteAllTextAsync(file, report.ToJsonString(BenchRun.Json) + "\n");
        log.WriteLine($"  wrote {file}");
        Summary(report, log);
        return providers.Any(p => p!["error"] is not null) ? 1 : 0;
    }

    private static async Task<JsonObject> Provider(ReportingDayOptions o, Func<Task<ProvinceCopy>> copyOf, string name, TextWriter log)
    {
        log.WriteLine($"-- {name} — load average {Machine.LoadAverage()}");
        try
        {
            await using var copy = await copyOf();
            try
            {
                return await Provider(o, copy, log);
            }
            finally
            {
                // The server's log outlives the copy: what a 5xx or a slow answer said on the server's side.
                var serveLog = Path.Combine(copy.DataDir, "serve.log");
                if (File.Exists(serveLog))
                {
                    Directory.CreateDirectory(o.OutputDirectory);
                    File.Copy(serveLog, Path.Combine(o.OutputDirectory, $"reporting-day-{name}-serve.log"), overwrite: true);
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.WriteLine($"  {name} FAILED: {e.GetType().Name}: {e.Message}");
            return new JsonObject { ["provider"] = name, ["error"] = $"{e.GetType().Name}: {e.Message}" };
        }
    }

    private static async Task<JsonObject> Provider(ReportingDayOptions o, ProvinceCopy copy, TextWriter log)
    {
        var loadAtStart = Machine.LoadAverage();
        long start = Stopwatch.GetTimestamp();
        await Accounts.Migrate(copy.Options, CancellationToken.None);
        double migrateSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        start = Stopwatch.GetTimestamp();
        var accounts = await Accounts.Create(copy.Options, o.Reporters, CancellationToken.None);
        double accountsSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        long readingsAtStart = await copy.Count("readings");
        long itemsAtStart = await copy.Count("supervision_items");
        log.WriteLine(FormattableString.Invariant(
            $"  {copy.Provider}: migrated in {migrateSeconds:F1} s; {accounts.Reporters.Count} reporters and a leader with tokens in {accountsSeconds:F1} s; {readingsAtStart:N0} readings"));

        await using var server = await LuoshiServer.Start(o.CliDll, copy.DataDir, copy.Options, ServerSettings, TimeSpan.FromMinutes(5), log);
        using var http = Traffic.CreateClient(server.Address, o.Traffic.RequestTimeout);

        // The first answer builds the snapshot from the database: what a leader waits for after a restart.
        start = Stopwatch.GetTimestamp();
        var (firstStatus, evaluationBytes) = await Probe(http, FormattableString.Invariant($"/api/evaluation?period={o.Traffic.LeaderPeriod}&org={accounts.Province}&depth=1"), accounts.LeaderToken);
        double firstReadSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var (pageStatus, pageBytes) = await Probe(http, "/", accounts.LeaderToken);
        log.WriteLine(FormattableString.Invariant($"  {copy.Provider}: first evaluation answered {firstStatus} ({evaluationBytes:N0} bytes) in {firstReadSeconds:F1} s; the page {pageStatus} ({pageBytes:N0} bytes)"));
        if (pageBytes < 20_000)
        {
            log.WriteLine($"  {copy.Provider}: WARNING the page is small: does the leader see the province's overview, or only a pointer to its own pages?");
        }

        if (firstStatus != 200 || pageStatus != 200)
        {
            throw new InvalidOperationException(FormattableString.Invariant($"the leader's evaluation answered {firstStatus} and the page {pageStatus}; see {Path.Combine(copy.DataDir, "serve.log")}"));
        }

        if (o.Warmup > TimeSpan.Zero)
        {
            log.WriteLine(FormattableString.Invariant($"  {copy.Provider}: warming up for {o.Warmup.TotalSeconds:F0} s (not measured)"));
            using var warmup = new Traffic(http, o.Traffic with { Window = o.Warmup }, accounts, firstTurn: Traffic.WarmupTurns);
            await warmup.Run(Stopwatch.GetTimestamp());
        }

        using var traffic = new Traffic(http, o.Traffic, accounts);
        long windowStart = Stopwatch.GetTimestamp();
        var windowEnd = DateTimeOffset.UtcNow + o.Traffic.Window;
        log.WriteLine(FormattableString.Invariant($"  {copy.Provider}: window open for {o.Traffic.Window.TotalSeconds:F0} s"));
        var running = traffic.Run(windowStart);
        var job = RunJob(o, copy, http, accounts, windowEnd + o.JobGrace, log);
        var progress = Progress(traffic, copy.Provider, windowStart, running, log);
        await running;
        double trafficSeconds = Stopwatch.GetElapsedTime(windowStart).TotalSeconds;
        await progress;
        log.WriteLine(FormattableString.Invariant($"  {copy.Provider}: traffic done {trafficSeconds:F1} s after the window opened"));
        var jobResult = await job;
        long readings = await copy.Count("readings");
        long itemsAtEnd = await copy.Count("supervision_items");
        var loadAtEnd = Machine.LoadAverage();

        Directory.CreateDirectory(o.OutputDirectory);
        var csv = Path.Combine(o.OutputDirectory, $"reporting-day-{copy.Provider}.csv");
        await traffic.WriteCsv(csv);
        var reads = Latencies.Merge(traffic.EvaluationReads, traffic.PageReads);
        var block = new JsonObject
        {
            ["provider"] = copy.Provider,
            ["readings"] = readings,
            ["writes"] = traffic.Ok("write"),
            ["reads"] = traffic.Ok("evaluation") + traffic.Ok("page"),
            ["writeP50Ms"] = traffic.Writes.Percentile(50),
            ["writeP99Ms"] = traffic.Writes.Percentile(99),
            ["readP99Ms"] = reads.Percentile(99),
            ["readAfterWriteP50Ms"] = traffic.ReadsAfterWrite.Percentile(50),
            ["readAfterWriteP99Ms"] = traffic.ReadsAfterWrite.Percentile(99),
            ["errors5xx"] = traffic.Errors5xx,
            ["jobSeconds"] = o.JobAfter is null ? null : jobResult.Seconds,
            ["itemsOpened"] = jobResult.ItemsOpened,
            ["staleReads"] = traffic.StaleReads,
            ["readAfterWrites"] = traffic.Ok("readAfterWrite"),
            ["readP50Ms"] = reads.Percentile(50),
            ["writeMaxMs"] = traffic.Writes.Max(),
            ["readAfterWriteMaxMs"] = traffic.ReadsAfterWrite.Max(),
            ["evaluationReads"] = traffic.Ok("evaluation"),
            ["evaluationReadP50Ms"] = traffic.EvaluationReads.Percentile(50),
            ["evaluationReadP99Ms"] = traffic.EvaluationReads.Percentile(99),
            ["pageReads"] = traffic.Ok("page"),
            ["pageReadP50Ms"] = traffic.PageReads.Percentile(50),
            ["pageReadP99Ms"] = traffic.PageReads.Percentile(99),
            ["readMaxMs"] = reads.Max(),
            ["errors4xx"] = traffic.Errors4xx,
            ["timeouts"] = traffic.Timeouts,
            ["connectionFailures"] = traffic.Failures,
            ["job"] = new JsonObject
            {
                ["finished"] = jobResult.Finished,
                ["startedBy"] = o.JobFromCli ? "luoshi supervise (a process of its own)" : "POST /api/supervision/run (inside the server)",

                // Items are opened one by one: an unfinished run has opened these before it was stopped.
                ["itemsInDatabase"] = itemsAtEnd - itemsAtStart,
                ["escalateSeconds"] = jobResult.EscalateSeconds,
                ["rulesSeconds"] = jobResult.RulesSeconds,
                ["alreadyOpen"] = jobResult.AlreadyOpen,
                ["problem"] = jobResult.Problem,
            },
            ["readingsAtStart"] = readingsAtStart,
            ["copySeconds"] = Math.Round(copy.CopySeconds, 1),
            ["migrateSeconds"] = Math.Round(migrateSeconds, 1),
            ["accountsSeconds"] = Math.Round(accountsSeconds, 1),
            ["readySeconds"] = Math.Round(server.ReadySeconds, 1),
            ["firstReadSeconds"] = Math.Round(firstReadSeconds, 1),
            ["evaluationBytes"] = evaluationBytes,
            ["pageBytes"] = pageBytes,
            ["trafficSeconds"] = Math.Round(trafficSeconds, 1),
            ["warmupSeconds"] = o.Warmup.TotalSeconds,
            ["samples"] = Path.GetFileName(csv),
            ["loadAverage"] = new JsonObject { ["start"] = loadAtStart, ["end"] = loadAtEnd },
        };
        log.WriteLine(FormattableString.Invariant(
            $"  {copy.Provider}: {block["writes"]} writes (p50 {Ms(block["writeP50Ms"])} ms), {block["readAfterWrites"]} reads after write (p50 {Ms(block["readAfterWriteP50Ms"])} ms, {traffic.StaleReads} stale), {block["reads"]} leader reads (p99 {Ms(block["readP99Ms"])} ms), {traffic.Errors5xx} 5xx, {traffic.Timeouts} timeouts; load average {loadAtEnd}"));
        return block;
    }

    /// <summary>The day's supervision run, started <see cref="ReportingDayOptions.JobAfter"/> into the window.</summary>
    private static async Task<JobResult> RunJob(ReportingDayOptions o, ProvinceCopy copy, HttpClient http, Accounts accounts, DateTimeOffset deadline, TextWriter log)
    {
        if (o.JobAfter is not { } after)
        {
            return new JobResult(false, 0, null, null, null, null, "not run (--no-job)");
        }

        await Task.Delay(after);
        try
        {
            return o.JobFromCli
                ? await SupervisionJob.FromCli(o.CliDll, copy.DataDir, copy.Options, deadline, log)
                : await SupervisionJob.InServer(http, accounts.OfficeToken, deadline, log);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return new JobResult(false, 0, null, null, null, null, e.Message);
        }
    }

    /// <summary>A line every 10 seconds while the traffic runs: what has been done so far.</summary>
    private static async Task Progress(Traffic traffic, string provider, long windowStart, Task running, TextWriter log)
    {
        while (await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(10))) != running)
        {
            log.WriteLine(FormattableString.Invariant(
                $"  {provider} +{Stopwatch.GetElapsedTime(windowStart).TotalSeconds:F0} s: {traffic.Ok("write")} writes, {traffic.Ok("readAfterWrite")} reads after write (p50 so far {Ms(traffic.ReadsAfterWrite.Percentile(50))} ms), {traffic.Ok("evaluation") + traffic.Ok("page")} leader reads, {traffic.Errors5xx} 5xx, {traffic.Timeouts} timeouts"));
        }
    }

    private static async Task<(int Status, int Bytes)> Probe(HttpClient http, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            return ((int)response.StatusCode, body.Length);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (0, 0);
        }
    }

    /// <summary>The province's SQLite and PostgreSQL databases and its CSV export, built where missing, as <c>luoshi-bench run</c> builds them.</summary>
    private static async Task EnsureProvince(ReportingDayOptions o, TextWriter log)
    {
        var workload = ScaleGenerator.Generate(WorkloadShape.Province);
        if (CsvExport.Write(workload, o.CsvDirectory))
        {
            log.WriteLine($"  province CSV export written to {o.CsvDirectory}");
        }

        if (o.SqliteFile is not null)
        {
            var (_, written) = await AppDatabase.EnsureSqlite(workload, Path.GetDirectoryName(o.SqliteFile)!, log);
            log.WriteLine(written is null ? $"  province SQLite database reused ({o.SqliteFile})" : $"  province SQLite database written ({o.SqliteFile})");
        }

        if (o.PostgresConnectionString is not null)
        {
            var (_, written) = await AppDatabase.EnsurePostgres(workload, o.PostgresConnectionString, log);
            Npgsql.NpgsqlConnection.ClearAllPools();
            log.WriteLine(written is null ? $"  province PostgreSQL database {o.PostgresTemplate} reused" : $"  province PostgreSQL database {o.PostgresTemplate} written");
        }
    }

    private static void Summary(JsonObject report, TextWriter log)
    {
        log.WriteLine();
        log.WriteLine(FormattableString.Invariant($"{"provider",-9} {"readings",10} {"writes",7} {"reads",7} {"write p50",10} {"write p99",10} {"read p99",10} {"RaW p50",10} {"RaW p99",10} {"stale",6} {"5xx",5} {"t/o",4} {"job s",7} {"opened",7}"));
        foreach (var p in report["providers"]!.AsArray())
        {
            if (p!["error"] is { } error)
            {
                log.WriteLine($"{p["provider"],-9} FAILED: {error}");
                continue;
            }

            log.WriteLine(FormattableString.Invariant(
                $"{p["provider"],-9} {(long)p["readings"]!,10:N0} {p["writes"],7} {p["reads"],7} {Ms(p["writeP50Ms"]),10} {Ms(p["writeP99Ms"]),10} {Ms(p["readP99Ms"]),10} {Ms(p["readAfterWriteP50Ms"]),10} {Ms(p["readAfterWriteP99Ms"]),10} {p["staleReads"],6} {p["errors5xx"],5} {p["timeouts"],4} {Job(p),7} {Opened(p),7}"));
        }

        log.WriteLine(FormattableString.Invariant($"DuckDB read after write (median of insert-then-query rounds): {Ms(report["duckdbReadAfterWriteMs"])} ms; RaW = a reporter's read of the province right after its write; job s ending in + = stopped unfinished, opened ending in + = items it had opened by then"));
        log.WriteLine(FormattableString.Invariant($"load average {report["loadAverage"]!["start"]} → {report["loadAverage"]!["end"]}; {report["runSeconds"]} s in all"));
    }

    private static string Job(JsonNode p) => p["jobSeconds"] is null ? "-" : p["jobSeconds"] + ((bool)p["job"]!["finished"]! ? "" : "+");

    private static string Opened(JsonNode p) => p["jobSeconds"] is null ? "-" : p["itemsOpened"]?.ToString() ?? p["job"]!["itemsInDatabase"] + "+";

    private static string Ms(JsonNode? n) => n is null ? "-" : Ms((double)n);

    private static string Ms(double? ms) => ms is { } v ? v.ToString("N1", CultureInfo.InvariantCulture) : "-";

    private static int YearMonth(string period) => int.Parse(period.Replace("-", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    private static string Commit()
    {
        if (Environment.GetEnvironmentVariable("LUOSHI_BENCH_COMMIT") is { Length: > 0 } commit)
        {
            return commit;
        }

        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["rev-parse", "--short", "HEAD"]) { RedirectStandardOutput = true, RedirectStandardError = true });
            var text = git!.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? text : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
