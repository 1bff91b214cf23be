using System.Diagnostics;
using System.Text;

namespace Luoshi.Reliability;

/// <summary>
/// kill -9 of the server while it imports a large CSV, again and again, alternating SQLite and PostgreSQL.
/// After each kill the server is started again and the suite checks: the import is wholly in or wholly out
/// (its indicator has 0 or all rows, and as many versions), everything committed before is unchanged (a
/// digest of all other readings and versions), the database is sound (SQLite's integrity and foreign-key
/// checks) and the audit chain verifies.
/// </summary>
internal static class KillTest
{
    public sealed record Result(int Runs, int Partial, int Lost, int IntegrityFailures, int Committed, int RolledBack, double ImportSeconds, List<string> Notes);

    public static async Task<Result> Run(Setup setup, int runs, int months)
    {
        int partial = 0, lost = 0, integrity = 0, committed = 0, rolledBack = 0;
        var notes = new List<string>();
        double importSeconds = 0;
        var random = new Random(20261122);
        foreach (var postgres in new[] { false, true })
        {
            var store = await Store.CreateAsync(setup, postgres ? "kill-pg" : "kill-sqlite", postgres);
            var token = await Seed.Province(setup, store);
            var server = await Luoshi.Serve(setup, store, "0");
            try
            {
                // An import that runs to the end first: how long the kills have to land in.
                var sw = Stopwatch.StartNew();
                var warm = await Import(server.Url!, token, Seed.Readings("REL00", months, 0));
                var took = sw.Elapsed;
                importSeconds = Math.Max(importSeconds, took.TotalSeconds);
                if (warm != 200)
                {
                    throw new InvalidOperationException($"the unkilled import answered {warm}");
                }

                int mine = postgres ? runs - runs / 2 : runs / 2;
                for (int i = 1; i <= mine; i++)
                {
                    var indicator = $"REL{(postgres ? 10 : 0) + i:00}";
                    int expected = Seed.Counties().Count() * months;
                    long auditUpTo = await store.Scalar("SELECT max(\"Id\") FROM audit_log");
                    var before = await Committed(store, indicator, auditUpTo);
                    var csv = Seed.Readings(indicator, months, i);

                    var import = Import(server.Url!, token, csv);
                    // Somewhere inside the time the unkilled import took: parsing, checking, or writing.
                    var delay = took * (0.1 + 0.8 * random.NextDouble());
                    await Task.Delay(delay);
                    server.Kill();
                    var status = await import;
                    await server.DisposeAsync();

                    server = await Luoshi.Serve(setup, store, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    long rows = await store.Scalar(Count("readings", indicator));
                    long versions = await store.Scalar(Count("reading_versions", indicator, versions: true));
                    var after = await Committed(store, indicator, auditUpTo);
                    var sound = await store.IntegrityCheck();
                    var chain = await Verify(server.Url!, token);

                    bool whole = (rows == 0 && versions == 0) || (rows == expected && versions == expected);
                    partial += whole ? 0 : 1;
                    lost += after == before ? 0 : 1;
                    integrity += sound == "ok" && chain ? 0 : 1;
                    if (rows == expected)
                    {
                        committed++;
                    }
                    else if (rows == 0)
                    {
                        rolledBack++;
                    }

                    var line = $"{store.Name} run {i}: killed after {delay.TotalMilliseconds:0} ms (import answered {status}); {rows}/{expected} rows, {versions} versions; earlier data {(after == before ? "unchanged" : $"CHANGED {before} → {after}")}; integrity {sound}; audit chain {(chain ? "intact" : "BROKEN")}";
                    notes.Add(line);
                    Console.WriteLine("  " + line);
                }
            }
            finally
            {
                await server.DisposeAsync();
            }
        }

        return new Result(runs, partial, lost, integrity, committed, rolledBack, Math.Round(importSeconds, 2), notes);
    }

    private static string Count(string table, string indicator, bool versions = false) => versions
        ? $"SELECT count(*) FROM reading_versions v JOIN readings r ON r.\"Id\" = v.\"ReadingId\" JOIN indicators i ON i.\"Id\" = r.\"IndicatorId\" WHERE i.\"Code\" = '{indicator}'"
        : $"SELECT count(*) FROM {table} r JOIN indicators i ON i.\"Id\" = r.\"IndicatorId\" WHERE i.\"Code\" = '{indicator}'";

    /// <summary>A digest of every reading and version outside the run's indicator, and of the audit log up to the run.</summary>
    private static async Task<string> Committed(Store store, string indicator, long auditUpTo)
    {
        var readings = await store.Digest($"SELECT r.\"Id\", r.\"Version\", CAST(r.\"Value\" AS TEXT) FROM readings r JOIN indicators i ON i.\"Id\" = r.\"IndicatorId\" WHERE i.\"Code\" <> '{indicator}' ORDER BY r.\"Id\"");
        var versions = await store.Digest($"SELECT v.\"Id\", v.\"Version\", CAST(v.\"Value\" AS TEXT) FROM reading_versions v JOIN readings r ON r.\"Id\" = v.\"ReadingId\" JOIN indicators i ON i.\"Id\" = r.\"IndicatorId\" WHERE i.\"Code\" <> '{indicator}' ORDER BY v.\"Id\"");
        var audit = await store.Digest($"SELECT \"Id\", \"Hash\" FROM audit_log WHERE \"Id\" <= {auditUpTo} ORDER BY \"Id\"");
        return $"{readings} {versions} {audit}";
    }

    private static async Task<int> Import(string url, string token, string csv)
    {
        using var http = Seed.Client(url, token, TimeSpan.FromMinutes(5));
        try
        {
            var response = await http.PostAsync("/api/readings/import", Seed.File(Encoding.UTF8.GetBytes(csv), "readings.csv", "text/csv"));
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0; // the connection died with the server
        }
    }

    private static async Task<bool> Verify(string url, string token)
    {
        using var http = Seed.Client(url, token);
        var json = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("/api/audit/verify"))!;
        return json["intact"]!.GetValue<bool>();
    }
}
