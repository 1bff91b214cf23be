using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Luoshi.Bench;
using Luoshi.Bench.Database;
using Luoshi.Bench.Harness;
using Luoshi.Bench.ReportingDay;
using Luoshi.Bench.Scale;

var workload = new Option<string>("--workload") { Description = "province | national", DefaultValueFactory = _ => "province" };
workload.AcceptOnlyFromAmong("province", "national");
var quick = new Option<bool>("--quick") { Description = "fewer measured runs (scripts/bench.sh --quick)" };
var output = new Option<string>("--out") { Description = "where the JSON, CSV exports and SQLite files go", DefaultValueFactory = _ => Path.Combine(RepoRoot(), "artifacts", "bench") };
var postgres = new Option<string?>("--postgres") { Description = "Npgsql connection string of a PostgreSQL server (scripts/postgres.sh start prints one)" };
var noDuckDb = new Option<bool>("--no-duckdb") { Description = "skip the DuckDB peer" };
var noPostgres = new Option<bool>("--no-postgres") { Description = "skip the PostgreSQL peer" };
var noPostgresHistory = new Option<bool>("--no-postgres-history") { Description = "time PostgreSQL on one period only" };
var noDatabases = new Option<bool>("--no-databases") { Description = "skip loading snapshots from the app's SQLite and PostgreSQL databases" };
var engineOnly = new Option<bool>("--engine-only") { Description = "time Luoshi's engine only (no peers, no databases)" };
var reportName = new Option<string?>("--report-name") { Description = "name of the JSON file written (default: the workload's name)" };
var heapLimit = new Option<int?>("--heap-limit-mb") { Description = "cap the managed heap as the server does by default (Luoshi:HeapLimitMegabytes), to measure the memory a server needs" };

var run = new Command("run", "generate a workload and time Luoshi, DuckDB and PostgreSQL on it; writes <out>/<workload>.json")
{
    workload, quick, output, postgres, noDuckDb, noPostgres, noPostgresHistory, noDatabases, engineOnly, reportName, heapLimit,
};
run.SetAction(async (parse, _) =>
{
    if (parse.GetValue(heapLimit) is { } megabytes)
    {
        Console.WriteLine($"  {Luoshi.Application.Operations.HeapLimit.Apply(megabytes)}");
    }

    string? pg = parse.GetValue(postgres) ?? Environment.GetEnvironmentVariable("LUOSHI_BENCH_POSTGRES");
    bool engine = parse.GetValue(engineOnly);
    var options = new BenchOptions(
        parse.GetValue(workload)!,
        parse.GetValue(quick),
        RepoRoot(),
        Path.GetFullPath(parse.GetValue(output)!),
        pg,
        DuckDb: !engine && !parse.GetValue(noDuckDb),
        Postgres: !engine && pg is not null && !parse.GetValue(noPostgres),
        PostgresHistory: !parse.GetValue(noPostgresHistory),
        Databases: !engine && !parse.GetValue(noDatabases),
        ReportName: parse.GetValue(reportName));
    return await BenchRun.Run(options, Console.Out);
});

var mode = new Option<string>("--mode") { Description = "quick | full (recorded in the file)", DefaultValueFactory = _ => "full" };
var merge = new Command("merge", "combine <out>/province.json and <out>/national.json (when present) into <out>/evaluation.json") { output, mode };
merge.SetAction(async (parse, _) =>
{
    var dir = Path.GetFullPath(parse.GetValue(output)!);
    var report = new JsonObject
    {
        ["mode"] = parse.GetValue(mode),
        ["commit"] = Environment.GetEnvironmentVariable("LUOSHI_BENCH_COMMIT"),
        ["generatedAt"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        ["machine"] = new JsonObject
        {
            ["nproc"] = Environment.ProcessorCount,
            ["cpu"] = Machine.CpuModel(),
            ["memoryGb"] = Math.Round(Machine.MemoryGb(), 1),
            ["os"] = RuntimeInformation.OSDescription,
            ["runtime"] = RuntimeInformation.FrameworkDescription,
            ["loadAverage"] = Machine.LoadAverage(),
        },
    };
    // The national engine runs under a 2 GiB heap limit and under the server's default cap (scripts/bench.sh) go with the national block.
    foreach (var (name, key) in new[] { ("province", "province"), ("national", "national"), ("national-2gib", "nationalWithin2GiB"), ("national-server-default", "nationalWithServerDefaults") })
    {
        var file = Path.Combine(dir, name + ".json");
        if (File.Exists(file))
        {
            report[key] = JsonNode.Parse(await File.ReadAllTextAsync(file));
        }
    }

    var target = Path.Combine(dir, "evaluation.json");
    await File.WriteAllTextAsync(target, report.ToJsonString(BenchRun.Json) + "\n");
    Console.WriteLine($"wrote {target}");
    return 0;
});

var rdQuick = new Option<bool>("--quick") { Description = "a 20 s window instead of 60 s and fewer DuckDB rounds (scripts/bench.sh --reporting-day --quick)" };
var rdSqlite = new Option<string?>("--sqlite") { Description = "the province's SQLite database to copy (default: <out>/province/sqlite/luoshi.db, built when missing; also LUOSHI_BENCH_SQLITE). Given, nothing is built" };
var rdCsv = new Option<string?>("--csv") { Description = "the province's CSV export for DuckDB (default: <out>/province/csv; also LUOSHI_BENCH_CSV)" };
var rdTemplate = new Option<string>("--postgres-template") { Description = "the PostgreSQL database each run copies", DefaultValueFactory = _ => AppDatabase.DatabaseName(WorkloadShape.Province) };
var rdNoSqlite = new Option<bool>("--no-sqlite") { Description = "skip the SQLite server" };
var rdNoDuckDb = new Option<bool>("--no-duckdb") { Description = "skip the DuckDB peer" };
var rdReporters = new Option<int>("--reporters") { Description = "concurrent reporters, each with its own user, token and county", DefaultValueFactory = _ => 24 };
var rdWindow = new Option<int?>("--window") { Description = "seconds of traffic (default 60, quick 20)" };
var rdThink = new Option<int>("--think-ms") { Description = "mean pause between one caller's turns, in ms", DefaultValueFactory = _ => 1000 };
var rdApiReaders = new Option<int>("--api-readers") { Description = "leaders polling the evaluation API", DefaultValueFactory = _ => 4 };
var rdPageReaders = new Option<int>("--page-readers") { Description = "leaders reloading the overview page", DefaultValueFactory = _ => 2 };
var rdPeriod = new Option<string>("--period") { Description = "the open month reporters write (after the province's last)", DefaultValueFactory = _ => "2027-01" };
var rdLeaderPeriod = new Option<string>("--leader-period") { Description = "the month leaders look at", DefaultValueFactory = _ => "2026-06" };
var rdJobAfter = new Option<int?>("--job-after") { Description = "seconds into the window when the supervision run starts (default 5, quick 3)" };
var rdJobGrace = new Option<int?>("--job-grace") { Description = "seconds after the window the supervision run is waited for before it is stopped (default 120, quick 60)" };
var rdNoJob = new Option<bool>("--no-job") { Description = "no supervision run in the window (to tell its share from the writes')" };
var rdTimeout = new Option<int>("--timeout") { Description = "seconds per request before it counts as a timeout", DefaultValueFactory = _ => 90 };
var rdRounds = new Option<int?>("--duckdb-rounds") { Description = "DuckDB insert-then-query rounds (default 300, quick 100)" };
var rdJobCli = new Option<bool>("--job-cli") { Description = "start the supervision run as a separate luoshi supervise process (as a cron would) rather than inside the server (POST /api/supervision/run)" };
var rdWarmup = new Option<int?>("--warmup") { Description = "seconds of the same traffic before the window, not measured (default 10, quick 5; 0 for none)" };
var rdCli = new Option<string?>("--cli") { Description = "the built luoshi.dll (default: src/Luoshi.Cli/bin/Release/net10.0/luoshi.dll of this checkout)" };
var reportingDay = new Command("reporting-day", "reporters writing while leaders read and the supervision run goes, through luoshi serve on SQLite and PostgreSQL, DuckDB beside; writes <out>/reporting-day.json")
{
    rdQuick, output, rdSqlite, postgres, rdTemplate, rdCsv, rdNoSqlite, noPostgres, rdNoDuckDb, rdReporters, rdWindow, rdThink, rdApiReaders, rdPageReaders,
    rdPeriod, rdLeaderPeriod, rdJobAfter, rdJobGrace, rdNoJob, rdJobCli, rdWarmup, rdTimeout, rdRounds, rdCli,
};
reportingDay.SetAction(async (parse, _) =>
{
    bool q = parse.GetValue(rdQuick);
    var dir = Path.GetFullPath(parse.GetValue(output)!);
    string? sqlite = parse.GetValue(rdSqlite) ?? Environment.GetEnvironmentVariable("LUOSHI_BENCH_SQLITE");
    bool ensure = string.IsNullOrEmpty(sqlite);
    sqlite = ensure ? Path.Combine(dir, "province", "sqlite", "luoshi.db") : Path.GetFullPath(sqlite!);
    string? pg = parse.GetValue(postgres) ?? Environment.GetEnvironmentVariable("LUOSHI_BENCH_POSTGRES");
    var options = new ReportingDayOptions(
        q,
        dir,
        parse.GetValue(rdNoSqlite) ? null : sqlite,
        parse.GetValue(noPostgres) ? null : pg,
        parse.GetValue(rdTemplate)!,
        Path.GetFullPath(parse.GetValue(rdCsv) ?? Environment.GetEnvironmentVariable("LUOSHI_BENCH_CSV") ?? Path.Combine(dir, "province", "csv")),
        Path.Combine(RepoRoot(), "bench", "sql", "evaluation.sql"),
        Path.GetFullPath(parse.GetValue(rdCli) ?? Path.Combine(RepoRoot(), "src", "Luoshi.Cli", "bin", "Release", "net10.0", "luoshi.dll")),
        parse.GetValue(rdReporters),
        new TrafficPlan(
            TimeSpan.FromSeconds(parse.GetValue(rdWindow) ?? (q ? 20 : 60)),
            parse.GetValue(rdPeriod)!,
            parse.GetValue(rdLeaderPeriod)!,
            parse.GetValue(rdApiReaders),
            parse.GetValue(rdPageReaders),
            TimeSpan.FromMilliseconds(parse.GetValue(rdThink)),
            TimeSpan.FromSeconds(parse.GetValue(rdTimeout))),
        parse.GetValue(rdNoJob) ? null : TimeSpan.FromSeconds(parse.GetValue(rdJobAfter) ?? (q ? 3 : 5)),
        TimeSpan.FromSeconds(parse.GetValue(rdJobGrace) ?? (q ? 60 : 120)),
        parse.GetValue(rdNoDuckDb) ? 0 : parse.GetValue(rdRounds) ?? (q ? 100 : 300),
        ensure,
        parse.GetValue(rdJobCli),
        TimeSpan.FromSeconds(parse.GetValue(rdWarmup) ?? (q ? 5 : 10)));
    return await ReportingDayRun.Run(options, Console.Out);
});

var root = new RootCommand("Luoshi evaluation benchmarks: a scale generator and whole-workload timings with DuckDB and PostgreSQL side by side") { run, merge, reportingDay };
return await root.Parse(args).InvokeAsync();

static string RepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Luoshi.slnx")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
