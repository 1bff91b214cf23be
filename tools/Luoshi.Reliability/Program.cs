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

// For work on the fuzz alone: --fuzz-only N runs N inputs per provider and writes fuzz.json (not the suite's summary).
if (arguments.Contains("--fuzz-only"))
{
    int n = int.Parse(Arg("--fuzz-only"), System.Globalization.CultureInfo.InvariantCulture);
    var runs = await Task.WhenAll(FuzzTest.Run(setup, n, postgres: false), FuzzTest.Run(setup, n, postgres: true));

    await File.WriteAllTextAsync(Path.Combine(setup.Out, "fuzz.json"), JsonSerializer.Serialize(runs, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    return runs.All(f => f.Errors5xx == 0 && f.NotProblem == 0 && f.Partial == 0 && f.AuditChain == "ok" && f.Integrity == "ok") ? 0 : 1;
}

var clock = Stopwatch.StartNew();
Console.WriteLine($"reliability suite ({(quick ? "quick" : "full")}): {killRuns} kills, {reporters} reporters for {concurrencyFor.TotalSeconds:0} s, {fuzzInputs} fuzzed inputs");

Console.WriteLine("== kill -9 during imports");
var kill = await KillTest.Run(setup, killRuns, months);
Console.WriteLine($"== {reporters} concurrent reporters, two servers{(setup.Nginx is null ? string.Empty : " behind nginx")}; then PostgreSQL restarted under load");
var (concurrency, coherence, restart) = await ConcurrencyTest.Run(setup, reporters, concurrencyFor, restartLoad, coherenceWrites);
Console.WriteLine("== fuzzing: files, bodies and every operation of the OpenAPI document, on SQLite and on PostgreSQL");
// The two providers side by side, each on its own server and database.
var fuzzRuns = (await Task.WhenAll(FuzzTest.Run(setup, fuzzInputs / 2, postgres: false), FuzzTest.Run(setup, fuzzInputs / 2, postgres: true))).ToList();

var fuzz = new
{
    inputs = fuzzRuns.Sum(f => f.Inputs),
    errors5xx = fuzzRuns.Sum(f => f.Errors5xx),
    notProblem = fuzzRuns.Sum(f => f.NotProblem),
    partial = fuzzRuns.Sum(f => f.Partial),
    accepted = fuzzRuns.Sum(f => f.Accepted),
    refused = fuzzRuns.Sum(f => f.Refused),
    refusedByHttpServer = fuzzRuns.Sum(f => f.RefusedByServer),
    providers = fuzzRuns.Select(f => f.Provider).ToArray(),
    operationsTotal = fuzzRuns.Min(f => f.OperationsTotal),
    operationsCovered = fuzzRuns.Min(f => f.OperationsCovered),
    byProvider = fuzzRuns.ToDictionary(f => f.Provider, f => new
    {
        inputs = f.Inputs, errors5xx = f.Errors5xx, notProblem = f.NotProblem, partial = f.Partial, accepted = f.Accepted, refused = f.Refused, refusedByHttpServer = f.RefusedByServer,
        operationsTotal = f.OperationsTotal, operationsCovered = f.OperationsCovered, operationsAccepted = f.OperationsAccepted,
        auditChain = f.AuditChain, integrity = f.Integrity, byTarget = f.ByTarget,
    }),
    failures = fuzzRuns.SelectMany(f => f.Failures).Take(50).ToList(),
};

var checks = new Dictionary<string, bool>
{
    ["kill: no partial import"] = kill.Partial == 0,
    ["kill: nothing committed lost"] = kill.Lost == 0,
    ["kill: integrity and audit chain"] = kill.IntegrityFailures == 0,
    ["concurrency: every acknowledged write present"] = concurrency.Present == concurrency.Acked && concurrency.Acked > 0,
    ["concurrency: no 5xx"] = concurrency.Errors5xx == 0,
    ["coherence: a write on one server shows on the other within 1 s"] = coherence.Seen == coherence.Writes,
    ["fuzz: no 5xx"] = fuzz.errors5xx == 0,
    ["fuzz: every refusal is a problem document"] = fuzz.notProblem == 0,
    ["fuzz: no partial write"] = fuzz.partial == 0,
    ["fuzz: every operation of the OpenAPI document fuzzed"] = fuzz.operationsCovered == fuzz.operationsTotal && fuzz.operationsTotal > 0,
    ["fuzz: on SQLite and PostgreSQL, audit chain and integrity hold"] = fuzzRuns.Count == 2 && fuzzRuns.All(f => f.AuditChain == "ok" && f.Integrity == "ok"),
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
    fuzz,
    checks,
};
var json = JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
await File.WriteAllTextAsync(Path.Combine(setup.Out, "summary.json"), json);
Console.WriteLine();
foreach (var (name, ok) in checks)
{
    Console.WriteLine($"  {(ok ? "✓" : "✗")} {name}");
}

Console.WriteLine($"reliability {(passed ? "passed" : "FAILED")} in {clock.Elapsed.TotalSeconds:0} s: kill {kill.Runs} runs ({kill.Partial} partial, {kill.Lost} lost); concurrency {concurrency.Acked} acked, {concurrency.Present} present, {concurrency.Errors5xx} 5xx; coherence {coherence.Seen}/{coherence.Writes} within 1 s (max {coherence.MaxLagMs} ms); fuzz {fuzz.inputs} inputs on {string.Join(" and ", fuzz.providers)}, {fuzz.operationsCovered}/{fuzz.operationsTotal} operations ({fuzz.errors5xx} 5xx, {fuzz.notProblem} not a problem document, {fuzz.partial} partial)");
return passed ? 0 : 1;
