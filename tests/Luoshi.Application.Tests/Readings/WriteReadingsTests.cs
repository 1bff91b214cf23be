using System.Text;
using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Application.Readings;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Tests.Readings;

/// <summary>The entry grid's save: a batch of cells written all or nothing.</summary>
public sealed class WriteReadingsTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task BatchWithBadCells_WritesNothing_AndNamesEachBadCell(Db db)
    {
        await using var host = await Seeded(db);
        var before = await EvaluationVersion(host);

        var e = await Should.ThrowAsync<InputRefusedException>(() => Write(host,
            new("FAI", "330102", "2026-10", 100m, "正常"),
            new("PRIVATE_INV", "330102", "2026-10", null),
            new("SHARE", "330102", "2026-10", 50m),
            new("GDP", "330102", "2026-10", 1m),
            new("FAI", "999999", "2026-10", 1m)));

        e.Errors.Select(x => x.Field).ShouldBe(["cells[1].value", "cells[2].indicator", "cells[3].period", "cells[4].org"]);
        e.Errors[0].Message.Bilingual.ShouldStartWith("PRIVATE_INV/330102/2026-10:");
        e.Errors[0].Message.Bilingual.ShouldContain("/ PRIVATE_INV/330102/2026-10: value is required");
        e.Errors[3].Message.Bilingual.ShouldContain("FAI/999999/2026-10");
        (await host.Query(d => d.Readings.CountAsync())).ShouldBe(0, "nothing of a refused batch is written");
        (await host.Query(d => d.AuditEntries.CountAsync(a => a.Entity == nameof(Reading)))).ShouldBe(0);
        (await EvaluationVersion(host)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task StaleCellInABatch_RefusesTheWholeBatch_EvenTheCellsThatWereFine(Db db)
    {
        await using var host = await Seeded(db);
        await Write(host, new WriteReadings.Cell("FAI", "330102", "2026-10", 100m));

        var e = await Should.ThrowAsync<InputRefusedException>(() => Write(host,
            new("PRIVATE_INV", "330102", "2026-10", 40m, Version: 0),
            new("FAI", "330102", "2026-10", 110m, Version: 0)));

        e.Errors.ShouldHaveSingleItem().Field.ShouldBe("cells[1].version");
        var stored = await host.Query(d => d.Readings.OrderBy(r => r.IndicatorId).Select(r => new { r.Value, r.Version }).ToListAsync());
        stored.ShouldHaveSingleItem().Value.ShouldBe(100m);
        stored[0].Version.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task GoodBatch_WritesEveryCell_InOneTransaction_StampedWithOneEvaluationVersion(Db db)
    {
        await using var host = await Seeded(db);
        var before = await EvaluationVersion(host);

        var written = await Write(host,
            new("FAI", "330102", "2026-10", 100m, "含两个省重大项目"),
            new("PRIVATE_INV", "330102", "2026-10", 40m),
            new("GDP", "330100", "2026Q3", 900m));

        written.Select(w => (w.Indicator, w.Org, w.Value, w.Version)).ShouldBe([("FAI", "330102", 100m, 1), ("PRIVATE_INV", "330102", 40m, 1), ("GDP", "330100", 900m, 1)]);
        var stamps = await host.Query(d => d.Readings.Select(r => EF.Property<long>(r, EvaluationChanges.Column)).Distinct().ToListAsync());
        stamps.ShouldHaveSingleItem().ShouldBe(before + 1, "one transaction claims one evaluation version for all its cells");
        (await EvaluationVersion(host)).ShouldBe(before + 1);
        (await host.Query(d => d.AuditEntries.Where(a => a.Entity == nameof(Reading)).Select(a => a.Key).OrderBy(k => k).ToListAsync()))
            .ShouldBe(["FAI/330102/2026-10", "GDP/330100/2026Q3", "PRIVATE_INV/330102/2026-10"]);

        // The writer reads its own writes at once.
        var read = await host.Run<QueryReadings, IReadOnlyList<ReadingView>>(q => q.Handle(new("FAI", "330102"), default));
        read.ShouldHaveSingleItem().Value.ShouldBe(100m);
    }

    private static Task<long> EvaluationVersion(AppHost host) =>
        host.Query(d => d.DataVersions.Where(v => v.Scope == DataVersion.Evaluation).Select(v => v.Version).SingleOrDefaultAsync());

    private static Task<IReadOnlyList<ReadingView>> Write(AppHost host, params WriteReadings.Cell[] cells) =>
        host.Run<WriteReadings, IReadOnlyList<ReadingView>>(w => w.Handle(new(cells), ReadingSource.Entry, default));

    private static Task<AppHost> Seeded(Db db) => ImportSeed.StartAsync(db);

    private static Task<ImportSummary> Import(AppHost host, ImportKind kind, string csv) => host.ImportCsv(kind, csv);
}
