using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Application.Evaluation;
using Luoshi.Application.Indicators;
using Luoshi.Application.Plans;
using Luoshi.Application.Readings;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Application.Tests.Evaluation;

/// <summary>
/// The shared snapshot moved on by deltas: after any sequence of writes through the use cases — single readings,
/// imports in bulk, targets, plan items — it judges everything exactly as a snapshot loaded afresh from the
/// database, on this server and on another that catches up through the database alone; and it got there by
/// reading the changed rows, not by loading the province again.
/// </summary>
public sealed class EvaluationCacheTests
{
    private static readonly DateOnly AsOf = new(2026, 7, 25);
    private static readonly Period[] Judged = [Period.OfMonth(2026, 6), Period.OfMonth(2026, 7), Period.OfMonth(2026, 2), Period.Parse("2026Q2"), Period.OfMonth(2025, 11)];
    private static readonly string[] Units = ["330000", "330100", "330102", "330103", "330200", "FGW"];
    private static readonly string[] Writable = ["FAI", "DEN", "RATE"];

    private const string Orgs = """
        code,name,kind,parent
        330000,测试省,Province,
        330100,甲市,City,330000
        330102,甲一区,County,330100
        330103,甲二区,County,330100
        330200,乙市,City,330000
        FGW,省发改委,Department,330000
        """;

    private const string Indicators = """
        code,name,unit,direction,frequency,valueKind,aggregation,formula,tolerance,profile
        FAI,固定资产投资,亿元,higher,month,cumulative,sum,,5%,linear
        DEN,分母,亿元,higher,month,cumulative,sum,,5%,linear
        RATE,达标率,%,higher,month,level,none,,2,linear
        SHARE,占比,%,higher,month,level,formula,FAI / DEN * 100,2,linear
        """;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RandomWrites_LeaveEveryServersSnapshot_EqualToAFreshLoad(Db db)
    {
        await using var host = await Seeded(db);
        await using var other = host.SecondServer("other");
        using var counts = new SnapshotCounts(host, other);
        var random = new Random(20261206);

        // Both servers hold a snapshot before the writes begin; from here on each should only move it on.
        await Cached(host, "tester");
        await Cached(other, "other");
        counts.Reset();

        for (int step = 0; step < 30; step++)
        {
            await RandomWrite(host, random, step);
            (await Cached(host, "tester")).ShouldBe(await Fresh(host), $"this server after step {step}");
            (await Cached(other, "other")).ShouldBe(await Fresh(host), $"the other server after step {step}");
        }

        counts.Loads.ShouldBe(0, "a full load where a delta would do");
        counts.Updates.ShouldBeGreaterThanOrEqualTo(30);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnotherServersWrite_IsReadAsTheChangedRowsOnly(Db db)
    {
        await using var host = await Seeded(db);
        await using var other = host.SecondServer("other");
        await Cached(other, "other");
        using var counts = new SnapshotCounts(other);

        await host.Run<WriteReading, ReadingView>(w => w.Handle(new("FAI", "330102", "2026-06", 1234.5m), ReadingSource.Api, default));
        var entry = await Entry(other, "other");

        Evaluator.Evaluate(entry.Snapshot, Period.OfMonth(2026, 6), AsOf).Find("FAI", "330102")!.Value.Actual.ShouldBe(1234.5);
        counts.Loads.ShouldBe(0);
        counts.Updates.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ANewIndicator_IsSeenByItsAuthorAtOnce_AndByEveryoneOnceRebuilt(Db db)
    {
        await using var host = await Seeded(db);
        await Entry(host, "tester");

        await host.Run<ImportData, ImportSummary>(i => i.FromCsv(ImportKind.Indicators, Csv("code,name,unit,direction,frequency,valueKind,aggregation,formula,tolerance,profile\nGDP,生产总值,亿元,higher,month,cumulative,sum,,5%,linear\n"), null, default));

        // The author waits for the rebuild their change needs; nobody else has to, and sees it once it is done.
        (await Entry(host, "tester")).Snapshot.FindIndicator("GDP").ShouldNotBeNull();
        (await Entry(host, "reader")).Snapshot.FindIndicator("GDP").ShouldNotBeNull();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AStructuralChange_IsRebuiltInTheBackground_WhileOthersReadThePreviousSnapshot(Db db)
    {
        await using var host = await Seeded(db);
        var before = await Entry(host, "reader");

        await Import(host, ImportKind.Orgs, "code,name,kind,parent\n330300,丙市,City,330000\n");

        // The first to ask after the change starts the rebuild and, having written nothing, is answered at once.
        var during = await Entry(host, "reader");
        during.ShouldBeSameAs(before);
        during.Snapshot.FindUnit("330300").ShouldBeNull();

        // The author of the change waits for it; once built, everyone reads it.
        (await Entry(host, "tester")).Snapshot.FindUnit("330300").ShouldNotBeNull();
        (await Entry(host, "reader")).Snapshot.FindUnit("330300").ShouldNotBeNull();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task WithinTheReaderLag_OthersShareTheVersionTheyRead_WhileTheWriterReadsTheirWrite(Db db)
    {
        await using var host = await Seeded(db, s => s.AddSingleton(new DataVersionClock(TimeSpan.Zero, TimeSpan.FromHours(1))));
        var shared = await Entry(host, "leader");

        await host.Run<WriteReading, ReadingView>(w => w.Handle(new("FAI", "330102", "2026-06", 4321m), ReadingSource.Api, default));

        var writers = await Entry(host, "tester");
        Evaluator.Evaluate(writers.Snapshot, Period.OfMonth(2026, 6), AsOf).Find("FAI", "330102")!.Value.Actual.ShouldBe(4321);
        writers.Version.ShouldBeGreaterThan(shared.Version);
        (await Entry(host, "leader")).ShouldBeSameAs(shared, "what a reader who wrote nothing is shown moves on at most once per lag");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ABatchFromTheEntryGrid_IsReadByItsWriterAtOnce_AsOneVersion(Db db)
    {
        await using var host = await Seeded(db, s => s.AddSingleton(new DataVersionClock(TimeSpan.Zero, TimeSpan.FromHours(1))));
        var shared = await Entry(host, "leader");

        await host.Run<WriteReadings, IReadOnlyList<ReadingView>>(w => w.Handle(new([new("FAI", "330102", "2026-06", 4321m), new("FAI", "330103", "2026-06", 1234m)]), ReadingSource.Entry, default));

        var writers = await Entry(host, "tester");
        var judged = Evaluator.Evaluate(writers.Snapshot, Period.OfMonth(2026, 6), AsOf);
        judged.Find("FAI", "330102")!.Value.Actual.ShouldBe(4321);
        judged.Find("FAI", "330103")!.Value.Actual.ShouldBe(1234);
        writers.Version.ShouldBe(shared.Version + 1, "the batch is one transaction and claims one version");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AUnitThePreviousSnapshotDoesNotKnow_IsWaitedFor_NotRefused(Db db)
    {
        await using var host = await Seeded(db);
        await Entry(host, "reader");
        await Import(host, ImportKind.Orgs, "code,name,kind,parent\n330300,丙市,City,330000\n");

        await using var scope = host.Services.CreateAsyncScope();
        var evaluate = new Evaluate(
            Deferred<LuoshiDbContext>.Of(scope.ServiceProvider.GetRequiredService<LuoshiDbContext>()),
            host.Services.GetRequiredService<EvaluationCache>(),
            FixedActor.Operator("reader"),
            host.Services.GetRequiredService<LocalCalendar>());
        var view = await evaluate.Handle(new Evaluate.Query("2026-06", "330300", 0), default);

        view.Period.ShouldBe("2026-06");
        view.Rows.ShouldAllBe(r => r.Org == "330300");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ABulkImport_StampsItsRows_SoThatAnotherServerCatchesUp(Db db)
    {
        await using var host = await Seeded(db);
        await using var other = host.SecondServer("other");
        await Cached(other, "other");

        await host.Run<ImportData, ImportSummary>(i => i.FromCsv(ImportKind.Readings, Csv("indicator,org,period,value\nFAI,330103,2026-05,77\nFAI,330103,2026-07,88\n"), null, default));

        (await Cached(other, "other")).ShouldBe(await Fresh(host));
        var stamped = await host.Query(x => Task.FromResult(x.Readings.Count(r => Microsoft.EntityFrameworkCore.EF.Property<long>(r, EvaluationChanges.Column) == 0)));
        stamped.ShouldBe(0, "every reading written through the application carries the version of its write");
    }

    private static async Task<AppHost> Seeded(Db db, Action<IServiceCollection>? configure = null)
    {
        var host = await AppHost.StartAsync(db, configure);
        await Import(host, ImportKind.Orgs, Orgs);
        await Import(host, ImportKind.Indicators, Indicators);
        var readings = new StringBuilder("indicator,org,period,value\n");
        var random = new Random(7);
        foreach (var indicator in Writable)
        {
            foreach (var unit in Units.Skip(2))
            {
                foreach (var month in Enumerable.Range(1, 12).Select(m => $"2025-{m:00}").Concat(Enumerable.Range(1, 5).Select(m => $"2026-{m:00}")))
                {
                    readings.Append(CultureInfo.InvariantCulture, $"{indicator},{unit},{month},{random.Next(1, 900) / 7m:0.######}\n");
                }
            }
        }

        await Import(host, ImportKind.Readings, readings.ToString());
        await Import(host, ImportKind.Targets, "indicator,org,year,value,qualifier\nFAI,330102,2026,600,atLeast\nFAI,330000,2026,2000,around\n");
        await host.Run<SavePlanItem, PlanItemView>(s => s.Create(new("P1", PlanItemKind.Programme, "扩大有效投资", Lead: "330000"), default));
        await host.Run<SavePlanItem, PlanItemView>(s => s.Create(new("P1.1", PlanItemKind.Milestone, "项目开工", Parent: "P1", Lead: "330100", Due: new DateOnly(2026, 9, 30)), default));
        return host;
    }

    private static Task<ImportSummary> Import(AppHost host, ImportKind kind, string csv) =>
        host.ImportCsv(kind, csv);

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task RandomWrite(AppHost host, Random random, int step)
    {
        // Imports arrive approved, and an approved value is locked against entry: entries go to the months after them.
        string Unit() => Units[random.Next(Units.Length)];
        string Month() => $"2026-{random.Next(1, 6):00}";
        string EntryMonth() => $"2026-{random.Next(6, 8):00}";
        decimal Value() => Math.Round(random.Next(1, 5000) / 7m, 6);
        switch (random.Next(8))
        {
            case < 3:
                await host.Run<WriteReading, ReadingView>(w => w.Handle(new(Writable[random.Next(Writable.Length)], Unit(), EntryMonth(), Value()), ReadingSource.Api, default));
                break;
            case 3:
            case 4:
                var rows = Enumerable.Range(0, random.Next(1, 6)).Select(_ => (Writable[random.Next(Writable.Length)], Unit(), Month())).Distinct()
                    .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Item1},{c.Item2},{c.Item3},{Value()}"));
                await Import(host, ImportKind.Readings, "indicator,org,period,value\n" + string.Join('\n', rows) + "\n");
                break;
            case 5:
            case 6:
                var quarter = random.Next(3) == 0;
                await host.Run<SetTarget, TargetView>(t => t.Handle(new("FAI", Unit(), quarter ? $"2026Q{random.Next(1, 5)}" : "2026", Value(), random.Next(2) == 0 ? TargetQualifier.AtLeast : TargetQualifier.Around), default));
                break;
            default:
                var read = await host.Run<GetPlanItem, PlanItemView>(q => q.Handle("P1.1", default));
                await host.Run<SavePlanItem, PlanItemView>(s => s.Update("P1.1", new(
                    "P1.1", PlanItemKind.Milestone, "项目开工", Parent: "P1", Lead: "330100", Due: new DateOnly(2026, random.Next(1, 13), 1),
                    CompletedOn: step % 3 == 0 ? new DateOnly(2026, 7, 1) : null, Version: read.Version), default));
                break;
        }
    }

    private static async Task<EvaluationCache.Entry> Entry(AppHost host, string reader)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LuoshiDbContext>();
        return await host.Services.GetRequiredService<EvaluationCache>().Current(Deferred<LuoshiDbContext>.Of(db), reader, default);
    }

    private static async Task<string> Cached(AppHost host, string reader) => Fingerprint((await Entry(host, reader)).Snapshot);

    private static async Task<string> Fresh(AppHost host) => Fingerprint(await host.Query(x => EvaluationSnapshotLoader.Load(x, default)));

    private static string Fingerprint(EvaluationSnapshot snapshot) => SnapshotFingerprint.Of(snapshot, Judged, AsOf);

    /// <summary>Counts full loads and delta updates of snapshots through the application's own meters, of the hosts given only (tests run side by side).</summary>
    private sealed class SnapshotCounts : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _loads;
        private long _updates;

        public SnapshotCounts(params AppHost[] hosts)
        {
            var factories = hosts.Select(h => (object)h.Services.GetRequiredService<IMeterFactory>()).ToHashSet();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == LuoshiMetrics.MeterName && factories.Contains(instrument.Meter.Scope!)
                    && instrument.Name is "luoshi.evaluation.snapshot.loads" or "luoshi.evaluation.snapshot.updates")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
            {
                if (instrument.Name.EndsWith(".loads", StringComparison.Ordinal))
                {
                    Interlocked.Add(ref _loads, value);
                }
                else
                {
                    Interlocked.Add(ref _updates, value);
                }
            });
            _listener.Start();
        }

        public long Loads => Interlocked.Read(ref _loads);

        public long Updates => Interlocked.Read(ref _updates);

        public void Reset()
        {
            Interlocked.Exchange(ref _loads, 0);
            Interlocked.Exchange(ref _updates, 0);
        }

        public void Dispose() => _listener.Dispose();
    }
}
