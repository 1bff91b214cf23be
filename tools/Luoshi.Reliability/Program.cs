using System.Diagnostics;
using System.Text.Json;
using Luoshi.Reliability;

// scripts/reliability.sh [--quick] builds this and runs it: kill -9 during imports, concurrent reporters on two
// servers behind nginx, PostgreSQL restarted under load, and fuzzed inputs. Writes summary.json; exits 0 only
// when every check holds.
var arguments = args.ToList();
string Arg(string name, string? fallback = null)
{
    int i = arguments.IndexOf(name);
    return i >= 0 && i + 1 < arguments.Count ? arguments[i + 1] : fallback ?? throw new ArgumentException($"missing {name}");
}

bool quick = arguments.Contains("--quick");
var setup = new Setup(
    Cli: Path.GetFullPath(Arg("--cli")),
    PostgresServer: Arg("--pg"),
    PostgresRestart: arguments.Contains("--pg-restart") ? Arg("--pg-restart") : null,
    Nginx: arguments.Contains("--nginx") ? Arg("--nginx") : null,
    Out: Path.GetFullPath(Arg("--out", "artifacts/reliability")),
    Quick: quick);
Directory.CreateDirectory(setup.Work);

int killRuns = quick ? 5 : 20;
int months = quick ? 60 : 120;
int reporters = 50;
var concurrencyFor = TimeSpan.FromSeconds(quick ? 10 : 60);
var restartLoad = TimeSpan.FromSeconds(quick ? 12 : 30);
int fuzzInputs = quick ? 1_000 : 10_000;
int coherenceWrites = quick ? 10 : 40;

var clock = Stopwatch.StartNew();
Console.WriteLine($"reliability suite ({(quick ? "quick" : "full")}): {killRuns} kills, {reporters} reporters for {concurrencyFor.TotalSeconds:0} s, {fuzzInputs} fuzzed inputs");

Console.WriteLine("== kill -9 during imports");
var kill = await KillTest.Run(setup, killRuns, months);
Console.WriteLine($"== {reporters} concurrent reporters, two servers{(setup.Nginx is null ? string.Empty : " behind nginx")}; then PostgreSQL restarted under load");
var (concurrency, coherence, restart) = await ConcurrencyTest.Run(setup, reporters, concurrencyFor, restartLoad, coherenceWrites);
Console.WriteLine("== fuzzing");
var fuzz = await FuzzTest.Run(setup, fuzzInputs);

var checks = new Dictionary<string, bool>
{
    ["kill: no partial import"] = kill.Partial == 0,
    ["kill: nothing committed lost"] = kill.Lost == 0,
    ["kill: integrity and audit chain"] = kill.IntegrityFailures == 0,
    ["concurrency: every acknowledged write present"] = concurrency.Present == concurrency.Acked && concurrency.Acked > 0,
    ["concurrency: no 5xx"] = concurrency.Errors5xx == 0,
    ["coherence: a write on one server shows on the other within 1 s"] = coherence.Seen == coherence.Writes,
    ["fuzz: no 5xx"] = fuzz.Errors5xx == 0,
    ["fuzz: no partial write"] = fuzz.Partial == 0,
    ["postgres restart: only 503 meanwhile, then recovered"] = restart is null || (restart.Errors5xx == 0 && restart.Ok > 0),
};
bool passed = checks.Values.All(v => v);
var summary = new
{
    mode = quick ? "quick" : "full",
    passed,
    seconds = Math.Round(clock.Elapsed.TotalSeconds, 1),
    kill = new { runs = kill.Runs, partial = kill.Partial, lost = kill.Lost, integrityFailures = kill.IntegrityFailures, committed = kill.Committed, rolledBack = kill.RolledBack, importSeconds = kill.ImportSeconds, notes = kill.Notes },
    concurrency = new
    {
        reporters = concurrency.Reporters, seconds = concurrency.Seconds, instances = concurrency.Instances, via = concurrency.Via, requests = concurrency.Requests,
        acked = concurrency.Acked, present = concurrency.Present, conflicts409 = concurrency.Conflicts409, errors5xx = concurrency.Errors5xx, otherErrors = concurrency.OtherErrors,
        writesPerSecond = concurrency.WritesPerSecond,
    },
    coherence = new { writes = coherence.Writes, seen = coherence.Seen, p50LagMs = coherence.P50LagMs, maxLagMs = double.IsFinite(coherence.MaxLagMs) ? coherence.MaxLagMs : (double?)null, limitMs = ConcurrencyTest.CoherenceLimit.TotalMilliseconds },
    postgresRestart = restart is null ? null : new { requests = restart.Requests, errors5xx = restart.Errors5xx, unavailable503 = restart.Unavailable503, ok = restart.Ok, restartSeconds = restart.RestartSeconds, recoveredAfterSeconds = restart.RecoveredAfterSeconds },
    fuzz = new { inputs = fuzz.Inputs, errors5xx = fuzz.Errors5xx, partial = fuzz.Partial, accepted = fuzz.Accepted, refused = fuzz.Refused, byTarget = fuzz.ByTarget, failures = fuzz.Failures },
    checks,
};
var json = JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
await File.WriteAllTextAsync(Path.Combine(setup.Out, "summary.json"), json);
Console.WriteLine();
foreach (var (name, ok) in checks)
{
    Console.WriteLine($"  {(ok ? "✓" : "✗")} {name}");
}

Console.WriteLine($"reliability {(passed ? "passed" : "FAILED")} in {clock.Elapsed.TotalSeconds:0} s: kill {kill.Runs} runs ({kill.Partial} partial, {kill.Lost} lost); concurrency {concurrency.Acked} acked, {concurrency.Present} present, {concurrency.Errors5xx} 5xx; coherence {coherence.Seen}/{coherence.Writes} within 1 s (max {coherence.MaxLagMs} ms); fuzz {fuzz.Inputs} inputs ({fuzz.Errors5xx} 5xx, {fuzz.Partial} partial)");
return passed ? 0 : 1;
