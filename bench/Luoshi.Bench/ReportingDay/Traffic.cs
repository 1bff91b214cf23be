using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Luoshi.Bench.Harness;

namespace Luoshi.Bench.ReportingDay;

/// <summary>How the window's traffic is shaped.</summary>
/// <param name="Window">How long new requests start.</param>
/// <param name="Period">The open month the reporters write (after the province's last month, so nothing there is approved and locked).</param>
/// <param name="LeaderPeriod">The month the leaders look at.</param>
/// <param name="ThinkTime">Mean pause between one reporter's or reader's turns (drawn between half and one and a half times it).</param>
/// <param name="RequestTimeout">Per request; a request that takes longer counts as a timeout and the caller goes on.</param>
public sealed record TrafficPlan(
    TimeSpan Window,
    string Period,
    string LeaderPeriod,
    int ApiReaders,
    int PageReaders,
    TimeSpan ThinkTime,
    TimeSpan RequestTimeout);

/// <summary>One request as the client saw it, for the per-request CSV.</summary>
public sealed record Sample(string Kind, string Who, double StartSeconds, double Ms, int Status, string? Note);

/// <summary>
/// The reporting day's traffic against one server, all through the HTTP API with bearer tokens: every
/// reporter writes a reading of its own county (<c>POST /api/readings</c>) and, once it is acknowledged, reads
/// the province back for the indicator it wrote (<c>GET /api/evaluation?period=P&amp;org=PROVINCE&amp;indicator=X</c>),
/// which must show the new value at its county; meanwhile leaders read the province with its cities
/// (<c>GET /api/evaluation?period=…&amp;org=PROVINCE&amp;depth=1</c>) and the overview page <c>/</c>. Errors and
/// timeouts are counted and the caller goes on; nothing here throws for a slow or failing server.
/// </summary>
public sealed class Traffic : IDisposable
{
    private readonly HttpClient _http;
    private readonly HttpClient _browser;
    private readonly TrafficPlan _plan;
    private readonly Accounts _accounts;
    private readonly List<Sample> _samples = [];
    private readonly Lock _gate = new();
    private long _windowStart;
    private int _errors5xx;
    private int _errors4xx;
    private int _timeouts;
    private int _failures;
    private int _stale;

    /// <summary>Where a warm-up's reporters start in the stream of writes: far from the window's, so that no value is written twice.</summary>
    public const int WarmupTurns = 100_000;

    private readonly int _firstTurn;

    /// <param name="firstTurn">The turn each reporter's writes start from (<see cref="WriteStream.Cell"/>).</param>
    public Traffic(HttpClient http, TrafficPlan plan, Accounts accounts, int firstTurn = 0)
    {
        _http = http;

        // Leaders read in a browser, which asks for compressed answers (Accept-Encoding: gzip, deflate, br) and inflates
        // them; reporters' scripts call the API as it comes.
        _browser = CreateClient(http.BaseAddress!, http.Timeout, DecompressionMethods.All);
        _plan = plan;
        _accounts = accounts;
        _firstTurn = firstTurn;
    }

    public Latencies Writes { get; } = new();

    public Latencies ReadsAfterWrite { get; } = new();

    public Latencies EvaluationReads { get; } = new();

    public Latencies PageReads { get; } = new();

    public int Errors5xx => _errors5xx;

    public int Errors4xx => _errors4xx;

    public int Timeouts => _timeouts;

    /// <summary>Requests that failed without an answer (connection refused or reset).</summary>
    public int Failures => _failures;

    /// <summary>Reads after an acknowledged write that did not show the value written.</summary>
    public int StaleReads => _stale;

    public IReadOnlyList<Sample> Samples
    {
        get
        {
            lock (_gate)
            {
                return [.. _samples.OrderBy(s => s.StartSeconds)];
            }
        }
    }

    /// <summary>Requests of one kind (write, readAfterWrite, evaluation, page) answered 200.</summary>
    public int Ok(string kind)
    {
        lock (_gate)
        {
            return _samples.Count(s => s.Kind == kind && s.Status == 200);
        }
    }

    public static HttpClient CreateClient(Uri address, TimeSpan requestTimeout, DecompressionMethods decompression = DecompressionMethods.None) => new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        MaxConnectionsPerServer = 512,
        AutomaticDecompression = decompression,
    })
    {
        BaseAddress = address,
        Timeout = requestTimeout,
    };

    public void Dispose() => _browser.Dispose();

    /// <summary>Runs every reporter and reader until the window closes and their last requests have answered.</summary>
    public async Task Run(long windowStart)
    {
        _windowStart = windowStart;
        var tasks = new List<Task>();
        for (int w = 0; w < _accounts.Reporters.Count; w++)
        {
            tasks.Add(Reporter(w));
        }

        for (int r = 0; r < _plan.ApiReaders; r++)
        {
            tasks.Add(Reader("evaluation", r, EvaluationReads, FormattableString.Invariant($"/api/evaluation?period={_plan.LeaderPeriod}&org={_accounts.Province}&depth=1")));
        }

        for (int r = 0; r < _plan.PageReaders; r++)
        {
            tasks.Add(Reader("page", r, PageReads, "/"));
        }

        await Task.WhenAll(tasks);
    }

    private bool Open => Stopwatch.GetElapsedTime(_windowStart) < _plan.Window;

    private async Task Reporter(int w)
    {
        await Task.Yield();
        var reporter = _accounts.Reporters[w];
        var random = new Random(1000 + w);
        await Stagger(random);
        for (int k = _firstTurn; Open; k++)
        {
            var (indicator, value) = WriteStream.Cell(w, k);
            var body = JsonContent.Create(new { indicator, org = reporter.Unit, period = _plan.Period, value, comment = "reporting-day" });
            var written = await Send("write", reporter.User, HttpMethod.Post, "/api/readings", reporter.Token, body, Writes);
            if (written is { Status: 200 })
            {
                var path = FormattableString.Invariant($"/api/evaluation?period={_plan.Period}&org={_accounts.Province}&indicator={indicator}");
                var read = await Send("readAfterWrite", reporter.User, HttpMethod.Get, path, reporter.Token, null, ReadsAfterWrite, body => Shows(body, reporter.Unit, value));
                if (read is { Status: 200, Fresh: false })
                {
                    Interlocked.Increment(ref _stale);
                }
            }

            await Think(random);
        }
    }

    private async Task Reader(string kind, int r, Latencies latencies, string path)
    {
        await Task.Yield();
        var random = new Random(2000 + r + (kind.Length * 100));
        await Stagger(random);
        while (Open)
        {
            await Send(kind, FormattableString.Invariant($"leader-{kind}-{r}"), HttpMethod.Get, path, _accounts.LeaderToken, null, latencies, browser: true);
            await Think(random);
        }
    }

    /// <summary>Callers do not all start in the same instant: the first turn waits up to one think time.</summary>
    private Task Stagger(Random random) => Task.Delay(_plan.ThinkTime * random.NextDouble());

    private async Task Think(Random random)
    {
        var pause = _plan.ThinkTime * (0.5 + random.NextDouble());
        var left = _plan.Window - Stopwatch.GetElapsedTime(_windowStart);
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(pause < left ? pause : left);
        }
    }

    private sealed record Outcome(int Status, bool Fresh);

    private async Task<Outcome?> Send(string kind, string who, HttpMethod method, string path, string token, HttpContent? content, Latencies latencies, Func<byte[], bool>? check = null, bool browser = false)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        double startSeconds = Stopwatch.GetElapsedTime(_windowStart).TotalSeconds;
        long start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await (browser ? _browser : _http).SendAsync(request, HttpCompletionOption.ResponseContentRead);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            int status = (int)response.StatusCode;
            string? note = null;
            bool fresh = true;
            // Every answer counts, an error too: a write refused after a minute's wait for the database is a minute
            // the reporter waited. Timeouts have no answer and are counted apart.
            latencies.Add(ms);
            if (status == 200)
            {
                if (check is not null)
                {
                    fresh = check(bytes);
                    note = fresh ? null : "stale";
                }
            }
            else
            {
                Interlocked.Increment(ref status >= 500 ? ref _errors5xx : ref _errors4xx);
                note = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 200)).ReplaceLineEndings(" ");
            }

            Record(new Sample(kind, who, startSeconds, ms, status, note));
            return new Outcome(status, fresh);
        }
        catch (TaskCanceledException)
        {
            Interlocked.Increment(ref _timeouts);
            Record(new Sample(kind, who, startSeconds, Stopwatch.GetElapsedTime(start).TotalMilliseconds, 0, "timeout"));
        }
        catch (HttpRequestException e)
        {
            Interlocked.Increment(ref _failures);
            Record(new Sample(kind, who, startSeconds, Stopwatch.GetElapsedTime(start).TotalMilliseconds, 0, e.Message.ReplaceLineEndings(" ")));
        }

        return null;
    }

    private void Record(Sample sample)
    {
        lock (_gate)
        {
            _samples.Add(sample);
        }
    }

    /// <summary>Whether the evaluation answer's row for <paramref name="unit"/> carries <paramref name="value"/> as its actual.</summary>
    private static bool Shows(byte[] body, string unit, decimal value)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            foreach (var row in json.RootElement.GetProperty("rows").EnumerateArray())
            {
                if (row.GetProperty("org").GetString() == unit)
                {
                    return row.GetProperty("actual") is { ValueKind: JsonValueKind.Number } actual
                        && Math.Abs(actual.GetDouble() - (double)value) < 0.005;
                }
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }

        return false;
    }

    /// <summary>Every request as a CSV line: kind, who, start (s into the window), ms, status (0: no answer), note.</summary>
    public async Task WriteCsv(string file)
    {
        await using var writer = new StreamWriter(file);
        await writer.WriteLineAsync("kind,who,startSeconds,ms,status,note");
        foreach (var s in Samples)
        {
            var note = s.Note is null ? "" : "\"" + s.Note.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{s.Kind},{s.Who},{s.StartSeconds:F3},{s.Ms:F1},{s.Status},{note}"));
        }
    }
}
