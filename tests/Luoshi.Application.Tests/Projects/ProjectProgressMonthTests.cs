using System.Text;
using Luoshi.Application.Common;
using Luoshi.Application.Projects;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Tests.Projects;

/// <summary>A progress month is a typed month stored as the text 2026-05; a year is a range of those texts on the key.</summary>
public sealed class ProjectProgressMonthTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task YearOfProgress_TakesItsTwelveMonths_AndNoneAround(Db db)
    {
        await using var host = await AppHost.StartAsync(db);
        await host.Run<ImportData, ImportSummary>(i => i.FromCsv(ImportKind.Orgs, Csv("code,name,kind,parent\n330000,测试省,Province,\n330100,甲市,City,330000\n330102,甲一区,County,330100\n"), null, default));
        await host.Run<ImportProjects, ImportSummary>(i => i.FromCsv(ProjectImportKind.Projects, Csv("code,name,org,category,totalInvestment,plannedStart,plannedCompletion,stage\nXA,甲一区产业园,330102,产业,50,2025-02-10,2028-06-30,续建\n"), default));
        await host.Run<ImportProjects, ImportSummary>(i => i.FromCsv(ProjectImportKind.ProjectProgress, Csv("project,month,completedInvestment,actualStart\nXA,2025-12,1,\nXA,2026-01,2,\nXA,2026-12,3,\nXA,2027-01,4,\n"), default));

        var view = await host.Run<ProjectQueries, ProjectView>(q => q.Get("XA", 2026, default));
        view.Progress.Select(m => (m.Month, m.CompletedInvestment)).ShouldBe([("2026-01", 2m), ("2026-12", 3m)]);
        var curve = await host.Run<ProjectQueries, ProjectCurve>(q => q.Curve("XA", 2026, new DateOnly(2027, 2, 1), default));
        curve.Months.Where(m => m.Completed is not null).Select(m => (m.Month, m.Completed)).ShouldBe([(1, 2m), (12, 3m)]);

        // The column keeps the text it always had, and the year is asked of the key as a range of that text.
        var stored = await host.Query(d => d.Database.SqlQueryRaw<string>("SELECT \"Month\" AS \"Value\" FROM project_progress").ToListAsync());
        stored.Order(StringComparer.Ordinal).ShouldBe(["2025-12", "2026-01", "2026-12", "2027-01"]);
        var (january, december) = (Period.OfMonth(2026, 1), Period.OfMonth(2026, 12));
        var sql = await host.Query(d => Task.FromResult(d.ProjectProgress.Where(x => x.ProjectId == 1 && x.Month >= january && x.Month <= december).ToQueryString()));
        sql.ShouldContain("\"Month\" >= ");
        sql.ShouldContain("\"Month\" <= ");
        sql.ShouldContain("'2026-01'");
        sql.ShouldNotContain("LIKE", Case.Insensitive);
    }

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));
}
