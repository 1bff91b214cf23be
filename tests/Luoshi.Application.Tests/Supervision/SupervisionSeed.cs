using System.Text;
using Luoshi.Application.Spreadsheets;
using Luoshi.Application.Supervision;
using Luoshi.Domain.Supervision;

namespace Luoshi.Application.Tests.Supervision;

/// <summary>
/// A small province for the supervision tests: 330000 → 330100 → 330102 / 330103, and FAI (monthly,
/// cumulative, linear, tolerance 5%) with a 2026 target of 600 at each county, so the expected-to-date is
/// 50 a month: 200 in April, 250 in May, 300 in June.
/// </summary>
internal static class SupervisionSeed
{
    public const string Orgs = """
        code,name,kind,parent
        330000,测试省,Province,
        330100,甲市,City,330000
        330102,甲一区,County,330100
        330103,甲二区,County,330100
        FGW,省发改委,Department,330000
        """;

    public const string Indicators = """
        code,name,unit,direction,frequency,valueKind,aggregation,formula,tolerance,profile
        FAI,固定资产投资,亿元,higher,month,cumulative,sum,,5%,linear
        """;

    public const string Targets = "indicator,org,year,value,qualifier\nFAI,330102,2026,600,atLeast\nFAI,330103,2026,600,atLeast\n";

    public static async Task<AppHost> StartAsync(Db db, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configure = null)
    {
        var host = await AppHost.StartAsync(db, configure);
        await Import(host, ImportKind.Orgs, Orgs);
        await Import(host, ImportKind.Indicators, Indicators);
        await Import(host, ImportKind.Targets, Targets);
        return host;
    }

    public static Task<ImportSummary> Import(AppHost host, ImportKind kind, string csv) =>
        host.ImportCsv(kind, csv);

    /// <summary>Opens and assigns an item as the operator (an Admin, acting for the supervising unit).</summary>
    public static async Task<SupervisionItemView> Assigned(AppHost host, string lead, DateOnly deadline, string title = "推进项目开工")
    {
        var item = await host.Run<CreateSupervisionItem, SupervisionItemView>(c => c.Handle(new(title, lead, deadline), default));
        return await Transition(host, item.Id, SupervisionAction.Assign);
    }

    public static Task<SupervisionItemView> Transition(AppHost host, int id, SupervisionAction action, string? comment = "意见", IReadOnlyList<string>? evidence = null, DateOnly? deadline = null) =>
        host.Run<TransitionSupervisionItem, SupervisionItemView>(t => t.Handle(id, action, new(comment, evidence, deadline), default));

    /// <summary>Moves the shared clock to 09:00 China time on a day.</summary>
    public static void SetDay(AppHost host, DateOnly day, int hour = 9) =>
        host.Clock.Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8));
}
