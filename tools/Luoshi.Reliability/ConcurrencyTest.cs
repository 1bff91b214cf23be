using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Luoshi.Reliability;

/// <summary>
/// Many reporters writing at once through nginx to two servers over one PostgreSQL: each writes with the
/// version it last saw, so two writers of one cell race and the loser is answered 409. Afterwards every
/// write that was acknowledged (200, with its new version) must be in the database as that version with
/// that value, and no request may have been answered 5xx.
/// </summary>
internal static class ConcurrencyTest
{
    public sealed record Result(int Reporters, double Seconds, int Instances, string Via, long Requests, long Acked, long Present, long Conflicts409, long Errors5xx, long OtherErrors, double WritesPerSecond);

    /// <param name="Seen">Writes whose value the other server showed within <see cref="CoherenceLimit"/>.</param>
    public sealed record CoherenceResult(int Writes, int Seen, double P50LagMs, double MaxLagMs);

    /// <summary>Issue 11: a write through one server shows in the other's evaluations within a second.</summary>
    public static readonly TimeSpan CoherenceLimit = TimeSpan.FromSeconds(1);

    public sealed record RestartResult(long Requests, long Errors5xx, long Unavailable503, long Ok, double RestartSeconds, double RecoveredAfterSeconds);

    private sealed record Ack(string Org, int Version, decimal Value);

    public static async Task<(Result Concurrency, CoherenceResult Coherence, RestartResult? Restart)> Run(Setup setup, int reporters, TimeSpan duration, TimeSpan restartLoad, int coherenceWrites)
    {
        var store = await Store.CreateAsync(setup, "concurrency", postgres: true);
        var token = await Seed.Province(setup, store);
        await using var a = await Luoshi.Serve(setup, store, "a");
        await using var b = await Luoshi.Serve(setup, store, "b");
        await using var nginx = await Nginx.Start(setup, [a.Url!, b.Url!]);
        var via = nginx?.Url;
        var counties = Seed.Counties().Take(40).ToArray();

        var acks = new ConcurrentBag<Ack>();
        long requests = 0, conflicts = 0, errors5xx = 0, other = 0;
        var stopAt = Stopwatch.StartNew();
        async Task Reporter(int n)
        {
            // Without a proxy, reporters alternate between the two servers themselves.
            using var http = Seed.Client(via ?? (n % 2 == 0 ? a.Url! : b.Url!), token, TimeSpan.FromSeconds(30));
            var known = new Dictionary<string, int>();
            var random = new Random(n);
            int seq = 0;
            while (stopAt.Elapsed < duration)
            {
                var org = counties[random.Next(counties.Length)];
                decimal value = n * 1_000_000 + ++seq;
                known.TryGetValue(org, out int version);
                HttpResponseMessage response;
                try
                {
                    response = await http.PostAsJsonAsync("/api/readings", new { indicator = "CON", org, period = "2026-10", value, version = version == 0 ? (int?)null : version });
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref other);
                    continue;
                }

                Interlocked.Increment(ref requests);
                using (response)
                {
                    int status = (int)response.StatusCode;
                    if (status == 200)
                    {
                        var saved = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                        int v = saved["version"]!.GetValue<int>();
                        known[org] = v;
                        acks.Add(new Ack(org, v, value));
                    }
                    else if (status == 409)
                    {
                        Interlocked.Increment(ref conflicts);
                        known[org] = await Current(http, org);
                    }
                    else if (status >= 500)
                    {
                        Interlocked.Increment(ref errors5xx);
                    }
                    else
                    {
                        Interlocked.Increment(ref other);
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(1, reporters).Select(n => Task.Run(() => Reporter(n))));
        var seconds = stopAt.Elapsed.TotalSeconds;

        // Every acknowledged (cell, version) is stored with the value that was acknowledged.
        var stored = await store.Query(
            "SELECT o.\"Code\", v.\"Version\", CAST(v.\"Value\" AS TEXT) FROM reading_versions v JOIN readings r ON r.\"Id\" = v.\"ReadingId\" JOIN indicators i ON i.\"Id\" = r.\"IndicatorId\" JOIN org_units o ON o.\"Id\" = r.\"OrgUnitId\" WHERE i.\"Code\" = 'CON'",
            async r =>
            {
                var map = new Dictionary<(string, int), decimal>();
                while (await r.ReadAsync())
                {
                    map[(r.GetString(0), r.GetInt32(1))] = decimal.Parse(r.GetString(2), CultureInfo.InvariantCulture);
                }

                return map;
            });
        long present = acks.Count(k => stored.TryGetValue((k.Org, k.Version), out var v) && v == k.Value);
        var result = new Result(reporters, Math.Round(seconds, 1), 2, via is null ? "direct" : "nginx", requests, acks.Count, present, conflicts, errors5xx, other, Math.Round(acks.Count / seconds, 1));
        Console.WriteLine($"  {result}");

        var coherence = await Coherence(a.Url!, b.Url!, token, counties, coherenceWrites);
        RestartResult? restart = setup.PostgresRestart is null ? null : await Restart(setup, via ?? a.Url!, token, counties, restartLoad);
        return (result, coherence, restart);
    }

    /// <summary>
    /// Writes through one server, alternately A and B, each followed by polling the other server's evaluation
    /// of that cell every 10 ms until it shows the value: the lag from the write's acknowledgement to the first
    /// answer that has it. Each server reads the data version at most every 250 ms and then rebuilds its snapshot.
    /// </summary>
    private static async Task<CoherenceResult> Coherence(string a, string b, string token, string[] counties, int writes)
    {
        using var toA = Seed.Client(a, token, TimeSpan.FromSeconds(30));
        using var toB = Seed.Client(b, token, TimeSpan.FromSeconds(30));
        var lags = new List<double>();
        for (int i = 0; i < writes; i++)
        {
            var (writer, reader) = i % 2 == 0 ? (toA, toB) : (toB, toA);
            var org = counties[i % counties.Length];
            decimal value = 7_000_000 + i;

            // Warm the reader's answer first, so that what is measured is a cached answer going stale, not a first load.
            var url = $"/api/evaluation?period=2026-08&indicator=CON&org={org}&depth=0";
            (await reader.GetAsync(url)).Dispose();
            (await writer.PostAsJsonAsync("/api/readings", new { indicator = "CON", org, period = "2026-08", value })).EnsureSuccessStatusCode();
            var since = Stopwatch.StartNew();
            while (since.Elapsed < CoherenceLimit * 5)
            {
                var rows = JsonNode.Parse(await reader.GetStringAsync(url))!["rows"]!.AsArray();
                if (rows.Any(r => r!["org"]!.GetValue<string>() == org && r["actual"]?.GetValue<decimal>() == value))
                {
                    lags.Add(since.Elapsed.TotalMilliseconds);
                    break;
                }

                await Task.Delay(10);
            }
        }

        lags.Sort();
        var result = new CoherenceResult(
            writes,
            lags.Count(l => l <= CoherenceLimit.TotalMilliseconds),
            lags.Count == 0 ? double.NaN : Math.Round(lags[lags.Count / 2], 1),
            lags.Count < writes ? double.PositiveInfinity : Math.Round(lags[^1], 1));
        Console.WriteLine($"  {result}");
        return result;
    }

    /// <summary>
    /// PostgreSQL restarted while readers and writers keep going: meanwhile requests fail with 503 (never
    /// another 5xx), and they succeed again afterwards without restarting Luoshi.
    /// </summary>
    private static async Task<RestartResult> Restart(Setup setup, string url, string token, string[] counties, TimeSpan load)
    {
        long requests = 0, errors5xx = 0, unavailable = 0, ok = 0;
        var clock = Stopwatch.StartNew();
        double restartedAt = double.NaN, restartSeconds = 0, lastFailure = 0;
        async Task Worker(int n)
        {
            using var http = Seed.Client(url, token, TimeSpan.FromSeconds(30));
            int seq = 0;
            while (clock.Elapsed < load)
            {
                HttpResponseMessage response;
                try
                {
                    response = n % 2 == 0
                        ? await http.GetAsync("/api/evaluation?period=2026-10&indicator=CON")
                        : await http.PostAsJsonAsync("/api/readings", new { indicator = "CON", org = counties[n], period = "2026-09", value = ++seq });
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    continue;
                }

                using (response)
                {
                    Interlocked.Increment(ref requests);
                    int status = (int)response.StatusCode;
                    if (status == 503)
                    {
                        Interlocked.Increment(ref unavailable);
                        lastFailure = clock.Elapsed.TotalSeconds;
                        await Task.Delay(50);
                    }
                    else if (status >= 500)
                    {
                        Interlocked.Increment(ref errors5xx);
                        lastFailure = clock.Elapsed.TotalSeconds;
                    }
                    else if (status < 300)
                    {
                        Interlocked.Increment(ref ok);
                    }
                }
            }
        }

        var workers = Enumerable.Range(0, 8).Select(n => Task.Run(() => Worker(n))).ToList();
        await Task.Delay(load / 4);
        restartedAt = clock.Elapsed.TotalSeconds;
        using (var p = Process.Start(new ProcessStartInfo("bash", ["-c", setup.PostgresRestart!]) { UseShellExecute = false })!)
        {
            await p.WaitForExitAsync();
        }

        restartSeconds = clock.Elapsed.TotalSeconds - restartedAt;
        await Task.WhenAll(workers);
        var recovered = Math.Max(0, lastFailure - restartedAt - restartSeconds);
        var result = new RestartResult(requests, errors5xx, unavailable, ok, Math.Round(restartSeconds, 2), Math.Round(recovered, 2));
        Console.WriteLine($"  {result}");
        return result;
    }

    private static async Task<int> Current(HttpClient http, string org)
    {
        try
        {
            // Every version of the cell, newest first.
            var history = JsonNode.Parse(await http.GetStringAsync($"/api/readings/history?indicator=CON&org={org}&period=2026-10"))!.AsArray();
            return history.FirstOrDefault()?["version"]?.GetValue<int>() ?? 0;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }
}
