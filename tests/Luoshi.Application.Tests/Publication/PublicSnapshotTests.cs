using Luoshi.Application.Common;
using Luoshi.Application.Publication;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Evaluation;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Application.Tests.Publication;

/// <summary>The public snapshot: what it holds, how far it may lag behind approvals, and that a switch off does not lag.</summary>
public sealed class PublicSnapshotTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Lags_AtMostTheRefreshInterval_ThenFollowsTheApprovedData(Db db)
    {
        await using var host = await ImportSeed.StartAsync(db);
        await host.ImportCsv(ImportKind.Targets, "indicator,org,year,value,qualifier\nFAI,330100,2026,1200,atLeast\n");
        await host.ImportCsv(ImportKind.Readings, "indicator,org,period,value\nFAI,330100,2026-06,100\n");
        await host.Run<Publish, PublicationView>(p => p.Handle(PublicationKind.Indicator, "FAI", true, default));

        (await Value(host)).ShouldBe(100);

        // A newer approved value is not seen within the interval (60 s by default; the clock stands still) …
        await host.ImportCsv(ImportKind.Readings, "indicator,org,period,value\nFAI,330100,2026-06,700\n");
        (await Value(host)).ShouldBe(100);

        // … and is once the interval has passed: the first reader after it starts the rebuild and is answered from the old
        // snapshot; a later one gets the new data.
        host.Clock.Now = host.Clock.Now.AddSeconds(61);
        double? seen = await Value(host);
        for (int i = 0; i < 200 && seen != 700; i++)
        {
            await Task.Delay(50);
            seen = await Value(host);
        }

        seen.ShouldBe(700);
        var row = await Rows(host, "FAI", "330100", "2026-06", "2026-06");
        row.Single().Status.ShouldBe(EvaluationStatus.Green);   // 700 against 1,200 by June on a linear profile: ahead
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ASwitchOff_CountsAtOnce_WhileTheSnapshotLags_AndFormulaInputsStayHidden(Db db)
    {
        await using var host = await ImportSeed.StartAsync(db);
        await host.ImportCsv(ImportKind.Readings, "indicator,org,period,value\nFAI,330100,2026-06,100\nPRIVATE_INV,330100,2026-06,40\n");
        await host.Run<Publish, PublicationView>(p => p.Handle(PublicationKind.Indicator, "SHARE", true, default));
        await host.Run<Publish, PublicationView>(p => p.Handle(PublicationKind.Indicator, "FAI", true, default));

        (await Rows(host, "SHARE", "330100", "2026-06", "2026-06")).Single().Value.ShouldBe(40);
        await Should.ThrowAsync<NotFoundException>(() => Rows(host, "PRIVATE_INV", "330100", "2026-06", "2026-06"));
        (await Rows(host, null, "330100", "2026-06", "2026-06")).Select(r => r.Indicator).ShouldBe(["FAI", "SHARE"]);

        var off = await host.Run<Publish, PublicationView>(p => p.Handle(PublicationKind.Indicator, "FAI", false, default));
        off.IsPublic.ShouldBeFalse();
        off.PublishedAt.ShouldBeNull();
        await Should.ThrowAsync<NotFoundException>(() => Rows(host, "FAI", "330100", "2026-06", "2026-06"));
        (await Rows(host, null, "330100", "2026-06", "2026-06")).Select(r => r.Indicator).ShouldBe(["SHARE"]);

        // A second server over the same database sees the switch too, without waiting for its public snapshot.
        await using var second = host.SecondServer("reader");
        await Should.ThrowAsync<NotFoundException>(() => Rows(second, "FAI", "330100", "2026-06", "2026-06"));
    }

    private static async Task<double?> Value(AppHost host) => (await Rows(host, "FAI", "330100", "2026-06", "2026-06")).Single().Value;

    private static async Task<List<PublicIndicatorRow>> Rows(AppHost host, string? indicator, string org, string from, string to)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var rows = new List<PublicIndicatorRow>();
        await foreach (var row in scope.ServiceProvider.GetRequiredService<PublicPortal>().IndicatorRows(indicator, org, from, to, default))
        {
            rows.Add(row);
        }

        return rows;
    }
}
