using System.Text;
using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Application.Policies;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Application.Tests.Policies;

/// <summary>Policies, measures, cases and the holiday calendar imported, then summarised by policy, department and region.</summary>
public sealed class PolicyImportTests
{
    internal const string Orgs = "code,name,kind,parent\n330000,测试省,Province,\n330100,甲市,City,330000\n330102,甲一区,County,330100\n330103,甲二区,County,330100\nCZT,财政厅,Department,330000\nJXT,经信厅,Department,330000\n";

    internal const string PoliciesCsv = "code,title,package,lead,issued,budget\nP1,制造业高质量发展若干政策,扩大有效投资,JXT,2026-01-10,100\nP2,稳外贸政策,稳外贸,CZT,2026-01-20,50\n";

    internal const string MeasuresCsv = "code,policy,title,kind,mode,timeLimitDays,department\nM1,P1,技改奖补,subsidy,免申即享,5,\nM2,P1,城镇土地使用税减免,减免,application,10,CZT\nM3,P2,出口信保补贴,奖补,即申即享,3,\n";

    // Five enterprises with valid credit codes (the check characters worked out from GB 32100's weights).
    internal const string E1 = "91330102MA2CA00015", E2 = "91330103MA2CB0002E", E3 = "91330103MA2CC00039", E4 = "91330100MA2CD0004Q", E5 = "91330102MA2CE0005G";

    internal static readonly string CasesCsv = $"""
        measure,enterprise,name,org,applied,status,approvedAmount,paidOn,paidAmount
        M1,{E1},甲公司,330102,2026-02-13,paid,10,2026-02-27,10
        M1,{E2},乙公司,330103,2026-02-13,paid,20,2026-02-28,15
        M2,{E1},甲公司,330102,2026-03-02,approved,30,,
        M3,{E3},丙公司,330103,2026-03-02,approved,40,,
        M3,{E4},丁公司,330100,2026-03-04,applied,,,
        M3,{E5},戊公司,330102,2026-02-02,rejected,,,

        """;

    // 2026's Spring Festival: 15–23 February off, Saturdays 14 and 28 February worked.
    internal const string HolidaysCsv = "date,kind\n2026-02-14,workday\n2026-02-15,holiday\n2026-02-16,holiday\n2026-02-17,holiday\n2026-02-18,holiday\n2026-02-19,holiday\n2026-02-20,holiday\n2026-02-21,holiday\n2026-02-22,holiday\n2026-02-23,holiday\n2026-02-28,workday\n";

    private static readonly DateOnly AsOf = new(2026, 3, 10);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Summary_ByPolicy_GivesTheFiguresWorkedOutByHand(Db db)
    {
        await using var host = await Seeded(db);
        var rows = await Summary(host, "policy");

        rows.Select(r => r.Key).ShouldBe(["P1", "P2"]);
        var p1 = rows[0];
        p1.Cases.ShouldBe(3);
        p1.ApprovedAmount.ShouldBe(60m);       // 10 + 20 + 30
        p1.PaidAmount.ShouldBe(25m);           // 10 + 15
        p1.PayoutRate.ShouldBe(41.7);          // 25 ÷ 60
        p1.AvgDaysToPay.ShouldBe(5.5);         // 5 working days (14 Feb, 24–27 Feb) and 6 (… 28 Feb)
        p1.OnTimeRate.ShouldBe(50);            // within M1's 5 days: one of two
        p1.Overdue.ShouldBe(0);                // M2's 10 days run to 16 March
        p1.Enterprises.ShouldBe(2);
        p1.AutoShare.ShouldBe(50);             // M1 automatic, M2 by application
        p1.Budget.ShouldBe(100m);
        p1.BudgetExecution.ShouldBe(25);

        var p2 = rows[1];
        p2.Cases.ShouldBe(3);
        p2.ApprovedAmount.ShouldBe(40m);       // the applied case has no amount yet, the rejected one none
        p2.PaidAmount.ShouldBe(0m);
        p2.PayoutRate.ShouldBe(0);
        p2.AvgDaysToPay.ShouldBeNull();
        p2.Overdue.ShouldBe(2);                // 丙's 3 days ended 5 March, 丁's on 9 March
        p2.AutoShare.ShouldBe(0);
        p2.BudgetExecution.ShouldBe(0);
        p2.Reason.Zh.ShouldContain("逾期未兑现2件");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Summary_ByDepartmentAndRegion_RollsUp(Db db)
    {
        await using var host = await Seeded(db);

        // M2 is paid out by 财政厅 although 经信厅 leads P1; M3 falls to P2's lead, 财政厅.
        var departments = await Summary(host, "department");
        departments.Select(r => (r.Key, r.Cases, r.ApprovedAmount, r.PaidAmount, r.Overdue, r.AutoShare)).ShouldBe(
            [("CZT", 4, 70m, 0m, 2, (double?)0), ("JXT", 2, 30m, 25m, 0, 100)]);
        departments[1].PayoutRate.ShouldBe(83.3);

        // One row per region with cases, each with everything below it.
        var regions = await Summary(host, "region");
        regions.Select(r => (r.Key, r.Cases, r.ApprovedAmount, r.PaidAmount, r.Enterprises, r.Overdue)).ShouldBe(
        [
            ("330000", 6, 100m, 25m, 2, 2),
            ("330100", 6, 100m, 25m, 2, 2),
            ("330102", 3, 40m, 10m, 1, 0),
            ("330103", 2, 60m, 15m, 1, 1),
        ]);
        regions[2].AvgDaysToPay.ShouldBe(5);
        regions[3].OnTimeRate.ShouldBe(0);
        regions.ShouldAllBe(r => r.Budget == null && r.AutoShare == null);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CaseImport_RefusesABadCreditCode_NamingRowAndColumn_AndWritesNothing(Db db)
    {
        await using var host = await Seeded(db);
        var bad = "measure,enterprise,name,org,applied,status,approvedAmount,paidOn,paidAmount\n"
            + $"M1,91330102MA2CF0001U,己公司,330102,2026-03-03,applied,,,\n"            // a good line, not written either
            + "M1,91330102MA2CA00016,庚公司,330102,2026-03-03,applied,,,\n"             // check character wrong
            + "M1,9133010,辛公司,330102,2026-03-03,applied,,,\n"                         // too short
            + "M9,91330102MA2CA00015,壬公司,330102,2026-03-03,paid,5,2026-03-01,5\n"; // no such measure
        var before = await Count(host);

        var e = await Should.ThrowAsync<InputRefusedException>(() => Cases(host, bad));

        e.Errors.Select(x => (x.Row, x.Column)).ShouldBe([(3, "enterprise"), (4, "enterprise"), (5, "measure")]);
        e.Errors[0].Message.En.ShouldContain("check character");
        (await Count(host)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Reimport_AppendsAVersion_LeavesTheSameLineAlone_AndRefusesChangingAPaidCase(Db db)
    {
        await using var host = await Seeded(db);
        var header = "measure,enterprise,name,org,applied,status,approvedAmount,paidOn,paidAmount\n";

        var again = await Cases(host, CasesCsv);
        again.Unchanged.ShouldBe(6);

        var paid = await Cases(host, header + $"M2,{E1},甲公司,330102,2026-03-02,paid,30,2026-03-09,30\n");
        paid.Updated.ShouldBe(1);
        var versions = await host.Run<PolicyQueries, IReadOnlyList<CaseVersionView>>(q => q.History("M2", E1, new DateOnly(2026, 3, 2), default));
        versions.Select(v => v.Status).ShouldBe([CaseStatus.Approved, CaseStatus.Paid]);
        versions[1].Reason!.ShouldContain("政策兑现导入");

        var e = await Should.ThrowAsync<InputRefusedException>(() => Cases(host, header + $"M1,{E1},甲公司,330102,2026-02-13,paid,10,2026-02-27,8\n"));
        e.Errors.Single().ShouldSatisfyAllConditions(x => x.Row.ShouldBe(2), x => x.Column.ShouldBe("status"), x => x.Message.En.ShouldContain("paid case cannot be changed"));
        (await host.Query(d => d.PolicyCases.Where(c => c.Enterprise == E1 && c.MeasureId == d.PolicyMeasures.Single(m => m.Code == "M1").Id).Select(c => c.PaidAmount).SingleAsync())).ShouldBe(10m);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Imports_RefuseHostileCells_NamingRowAndColumn(Db db)
    {
        await using var host = await Seeded(db);
        var policies = await Should.ThrowAsync<InputRefusedException>(() => Import(host, PolicyImportKind.Policies,
            "code,title,package,lead,issued,budget\nP3,x,y,330102,2026-01-01,10\nP4,x,y,JXT,2026-13-01,-5\n"));
        policies.Errors.Select(x => (x.Row, x.Column)).ShouldBe([(2, "lead"), (3, "issued"), (3, "budget")]);

        var measures = await Should.ThrowAsync<InputRefusedException>(() => Import(host, PolicyImportKind.PolicyMeasures,
            "code,policy,title,kind,mode,timeLimitDays\nM4,P1,x,gift,automatic,5\nM5,P1,x,subsidy,免申,-1\nM1,P2,x,subsidy,automatic,5\n"));
        measures.Errors.Select(x => (x.Row, x.Column)).ShouldBe([(2, "kind"), (3, "mode"), (3, "timeLimitDays"), (4, "policy")]);

        var days = await Should.ThrowAsync<InputRefusedException>(() => Import(host, PolicyImportKind.Holidays, "date,kind\n2026-10-01,festival\n2026-10-01,holiday\n2026-10-01,holiday\n"));
        days.Errors.Select(x => (x.Row, x.Column)).ShouldBe([(2, "kind"), (4, "date")]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Template_ExportsWhatIsRecorded_AndUploadsBackUnchanged(Db db)
    {
        await using var host = await Seeded(db);
        foreach (var kind in Enum.GetValues<PolicyImportKind>())
        {
            var xlsx = await host.Run<PolicyFiles, Application.Projects.DownloadFile>(f => f.Template(kind, ExportFormat.Xlsx, default));
            var back = await host.Run<PolicyFiles, ImportSummary>(f => f.Upload(kind, xlsx.FileName, new MemoryStream(xlsx.Content), default));
            back.ShouldSatisfyAllConditions(s => s.Created.ShouldBe(0), s => s.Updated.ShouldBe(0), s => s.Unchanged.ShouldBeGreaterThan(0));

            var csv = await host.Run<PolicyFiles, Application.Projects.DownloadFile>(f => f.Template(kind, ExportFormat.Csv, default));
            var again = await host.Run<PolicyFiles, ImportSummary>(f => f.Upload(kind, csv.FileName, new MemoryStream(csv.Content), default));
            again.Unchanged.ShouldBe(back.Unchanged);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CaseImport_ByAPlannerOfAnotherRegionAndDepartment_IsForbidden(Db db)
    {
        await using var host = await Seeded(db);
        var path = await host.Query(d => d.OrgUnits.Where(u => u.Code == "330103").Select(u => u.Path).SingleAsync());
        var planner = new FixedActor("planner-330103", new ActorGrant(Role.Planner, path));
        await using var scope = host.Services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<LuoshiDbContext>();
        var import = new ImportPolicies(context, planner, host.Clock, host.Services.GetRequiredService<LocalCalendar>());
        var before = await Count(host);

        // 甲二区's planner may record its own enterprises' cases, not 甲一区's.
        var e = await Should.ThrowAsync<ForbiddenException>(() => import.FromCsv(PolicyImportKind.PolicyCases, Csv(
            "measure,enterprise,name,org,applied,status,approvedAmount,paidOn,paidAmount\n" + $"M1,{E2},乙公司,330103,2026-03-05,applied,,,\nM1,{E5},戊公司,330102,2026-03-05,applied,,,\n"), default));

        e.Message.ShouldContain("330102");
        (await Count(host)).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OverdueCases_OpenOneDraftPerResponsibleDepartment_OnceUntilAnotherFallsOverdue(Db db)
    {
        await using var host = await Seeded(db);

        // On 5 March 丙's three working days end: not overdue yet. As of 10 March, 丙 (deadline 5 March) and 丁 (9 March)
        // under M3 are; M3 falls to 财政厅, P2's lead. 乙's late payment under M1 is paid, so 经信厅 gets nothing.
        (await Rules(host, new DateOnly(2026, 3, 5))).Opened.Where(o => o.Rule == Application.Supervision.RunSupervisionRules.OverduePolicyCasesRule).ShouldBeEmpty();
        var first = await Rules(host, AsOf);
        var again = await Rules(host, AsOf);

        var opened = first.Opened.Where(o => o.Rule == Application.Supervision.RunSupervisionRules.OverduePolicyCasesRule).ToList();
        opened.Select(o => (o.Cause, o.LeadOrg)).ShouldBe([("policy-overdue:CZT", "CZT")]);
        opened[0].Title.ShouldContain("2件");
        again.Opened.Where(o => o.Rule == Application.Supervision.RunSupervisionRules.OverduePolicyCasesRule).ShouldBeEmpty();
        var item = await host.Run<Application.Supervision.GetSupervisionItem, Application.Supervision.SupervisionItemView>(g => g.Handle(opened[0].Id!.Value, default));
        (item.State, item.Source).ShouldBe((Domain.Supervision.SupervisionState.Draft, Domain.Supervision.SupervisionSource.PolicyOverdue));
        item.Description!.ShouldContain(E3);
        item.Description!.ShouldContain(E4);
        item.Cause.ShouldBe("policy-overdue:CZT#2026-03-09");

    }

    private static Task<Application.Supervision.RunSupervisionRules.Result> Rules(AppHost host, DateOnly day) =>
        host.Run<Application.Supervision.RunSupervisionRules, Application.Supervision.RunSupervisionRules.Result>(r => r.Handle(new Application.Supervision.RunSupervisionRules.Request(day), default));

    private static Task<IReadOnlyList<PolicySummaryRow>> Summary(AppHost host, string by) =>
        host.Run<PolicyQueries, IReadOnlyList<PolicySummaryRow>>(q => q.Summary(AsOf, by, null, default));

    private static Task<int> Count(AppHost host) => host.Query(d => d.PolicyCases.CountAsync());

    private static Task<ImportSummary> Cases(AppHost host, string csv) => Import(host, PolicyImportKind.PolicyCases, csv);

    private static Task<ImportSummary> Import(AppHost host, PolicyImportKind kind, string csv) =>
        host.Run<ImportPolicies, ImportSummary>(i => i.FromCsv(kind, Csv(csv), default));

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<AppHost> Seeded(Db db)
    {
        var host = await AppHost.StartAsync(db);
        await host.Run<ImportData, ImportSummary>(i => i.FromCsv(ImportKind.Orgs, Csv(Orgs), null, default));
        await Import(host, PolicyImportKind.Holidays, HolidaysCsv);
        await Import(host, PolicyImportKind.Policies, PoliciesCsv);
        await Import(host, PolicyImportKind.PolicyMeasures, MeasuresCsv);
        (await Cases(host, CasesCsv)).Created.ShouldBe(6);
        return host;
    }
}
