using System.CommandLine;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Luoshi.Bench;
using Luoshi.Bench.Harness;

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

var root = new RootCommand("Luoshi evaluation benchmarks: a scale generator and whole-workload timings with DuckDB and PostgreSQL side by side") { run, merge };
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
