namespace Luoshi.Bench.Harness;

/// <summary>How many warm-up and measured runs each timing gets; fewer where one run takes seconds.</summary>
public sealed record RunPlan(
    int BuildWarmups,
    int BuildRuns,
    int PeriodWarmups,
    int PeriodRuns,
    int HistoryWarmups,
    int HistoryRuns,
    int DuckDbPeriodWarmups,
    int DuckDbPeriodRuns,
    int DuckDbHistoryWarmups,
    int DuckDbHistoryRuns,
    int PostgresPeriodWarmups,
    int PostgresPeriodRuns,
    int PostgresHistoryWarmups,
    int PostgresHistoryRuns,
    int LoadWarmups,
    int LoadRuns)
{
    public static RunPlan For(string workload, bool quick) => (workload, quick) switch
    {
        ("province", true) => new(1, 3, 10, 51, 2, 9, 3, 21, 1, 5, 3, 11, 0, 3, 1, 3),
        ("province", false) => new(1, 5, 20, 101, 3, 21, 5, 31, 2, 9, 3, 21, 1, 5, 1, 5),

        // National: one build takes seconds, a DuckDB history a minute or more and a PostgreSQL history many minutes.
        _ => new(0, 3, 3, 21, 1, 5, 2, 9, 0, 3, 1, 5, 0, 1, 0, 0),
    };
}
