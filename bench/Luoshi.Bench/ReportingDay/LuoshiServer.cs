using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Luoshi.Application.Data;

namespace Luoshi.Bench.ReportingDay;

/// <summary>
/// <c>luoshi serve</c> as a child process on a free loopback port, on a copy of the province, with the daily
/// supervision schedule off (the day's run is started from outside, as an operator's cron would) and no
/// per-caller request budget. Its output goes to serve.log in the copy's data directory.
/// </summary>
public sealed class LuoshiServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly IDisposable _leftover;

    private LuoshiServer(Process process, StreamWriter log, Uri address)
    {
        _process = process;
        _log = log;
        Address = address;
        _leftover = Leftovers.Register(() => process.Kill(entireProcessTree: true));
    }

    public Uri Address { get; }

    /// <summary>From the process's start to the first 200 of <c>/health/ready</c>.</summary>
    public double ReadySeconds { get; private set; }

    /// <param name="settings">More of the server's settings, as environment variables (<c>Luoshi__Section__Key</c>).</param>
    public static async Task<LuoshiServer> Start(string cliDll, string dataDir, DatabaseOptions database, IReadOnlyDictionary<string, string> settings, TimeSpan readyWithin, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(log);
        if (!File.Exists(cliDll))
        {
            throw new FileNotFoundException($"no luoshi build at {cliDll}: run `dotnet build src/Luoshi.Cli -c Release` (scripts/bench.sh does)", cliDll);
        }

        var address = new Uri(FormattableString.Invariant($"http://127.0.0.1:{FreePort()}"));
        var start = Cli.StartInfo(cliDll, database, "serve", "--data-dir", dataDir, "--urls", address.ToString().TrimEnd('/'));
        start.Environment["Luoshi__Supervision__ScheduleEnabled"] = "false";
        start.Environment["Luoshi__RequestsPerMinute"] = "0";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var serveLog = new StreamWriter(Path.Combine(dataDir, "serve.log")) { AutoFlush = true };
        long started = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start luoshi serve");
        process.OutputDataReceived += (_, e) => Write(serveLog, e.Data);
        process.ErrorDataReceived += (_, e) => Write(serveLog, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new LuoshiServer(process, serveLog, address);

        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var ready = new Uri(address, "/health/ready");
        while (true)
        {
            if (process.HasExited)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"luoshi serve exited with {process.ExitCode} before it was ready; see {Path.Combine(dataDir, "serve.log")}");
            }

            try
            {
                using var answer = await probe.GetAsync(ready);
                if (answer.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            if (Stopwatch.GetElapsedTime(started) > readyWithin)
            {
                await server.DisposeAsync();
                throw new TimeoutException($"luoshi serve was not ready within {readyWithin.TotalSeconds:F0} s; see {Path.Combine(dataDir, "serve.log")}");
            }

            await Task.Delay(250);
        }

        server.ReadySeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        log.WriteLine(FormattableString.Invariant($"  {(database.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres")}: luoshi serve ready at {address} in {server.ReadySeconds:F1} s"));
        return server;
    }

    /// <summary>Asks the server to stop (SIGTERM, as systemd would) and kills it if it has not within 15 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _leftover.Dispose();
        _process.Dispose();
        await _log.DisposeAsync();
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>How the benchmark runs <c>luoshi</c>: the built CLI through <c>dotnet</c>, against a copy.</summary>
public static class Cli
{
    /// <summary>The start info for <c>dotnet luoshi.dll ARGS</c>; on PostgreSQL <c>LUOSHI_DATABASE</c> names the copy, on SQLite it is cleared.</summary>
    public static ProcessStartInfo StartInfo(string cliDll, DatabaseOptions database, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(args);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(cliDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        if (database.PostgresConnectionString is { } pg)
        {
            start.Environment[DatabaseOptions.EnvironmentVariable] = pg;
        }
        else
        {
            start.Environment.Remove(DatabaseOptions.EnvironmentVariable);
            start.Environment.Remove("ConnectionStrings__Luoshi");
        }

        return start;
    }
}
