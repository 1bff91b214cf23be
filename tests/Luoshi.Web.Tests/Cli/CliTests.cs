using System.Text.Json.Nodes;
using Luoshi.Application;
using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Application.Projects;
using Luoshi.Application.Spreadsheets;
using Luoshi.Application.Supervision;
using Luoshi.Cli;
using Luoshi.Domain.Supervision;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Web.Tests.Cli;

/// <summary>The <c>luoshi</c> command run in-process against a SQLite data directory of its own.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "luoshi-cli-tests", Guid.NewGuid().ToString("N"));

    public CliTests() => Directory.CreateDirectory(_dir);

    [Fact]
    public async Task ImportThenExport_RoundTripsReadings_AsCsvAndJson()
    {
        await Seed();
        var readings = Write("readings.csv", "indicator,org,period,value\nFAI,330102,2026-01,10.5\nFAI,330102,2026-02,21\nUNEMP,330100,2026-02,4.8\n");

        var import = await Run("import", "readings", readings, "--data-dir", _dir);
        var csv = await Run("export", "readings", "--format", "csv", "--data-dir", _dir);
        var json = await Run("export", "readings", "--format", "json", "--data-dir", _dir);

        import.Code.ShouldBe(0, import.Err);
        import.Out.ShouldContain("3");
        csv.Code.ShouldBe(0, csv.Err);
        var lines = csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines[0].ShouldStartWith("indicator,org,period,value");
        lines.Skip(1).Select(l => string.Join(',', l.Split(',').Take(4))).ShouldBe(["FAI,330102,2026-01,10.5", "FAI,330102,2026-02,21", "UNEMP,330100,2026-02,4.8"], ignoreOrder: true);
        var rows = JsonNode.Parse(json.Out)!.AsArray();
        rows.Count.ShouldBe(3);
        rows.ShouldAllBe(r => r!["source"]!.GetValue<string>() == "import" && r["state"]!.GetValue<string>() == "approved");

        // The export imports back unchanged: every cell is already what the file says.
        var back = await Run("import", "readings", Write("back.csv", csv.Out), "--data-dir", _dir, "--format", "json");
        back.Code.ShouldBe(0, back.Err);
        JsonNode.Parse(back.Out)!["unchanged"]!.GetValue<int>().ShouldBe(3);
    }

    [Fact]
    public async Task Publish_SwitchesAnIndicatorOnAndOff_AndRefusesUnknownCodesByName()
    {
        await Seed();

        var on = await Run("publish", "indicator", "FAI", "--data-dir", _dir);
        on.Code.ShouldBe(0, on.Err);
        on.Out.ShouldContain("已公开 FAI");
        var off = await Run("publish", "indicator", "FAI", "--off", "--data-dir", _dir);
        off.Code.ShouldBe(0, off.Err);
        off.Out.ShouldContain("未公开 FAI");

        var unknown = await Run("publish", "policy", "NOPE", "--data-dir", _dir);
        unknown.Code.ShouldNotBe(0);
        unknown.Err.ShouldContain("NOPE");
        (await Run("publish", "dataset", "FAI", "--data-dir", _dir)).Code.ShouldNotBe(0);
    }

    [Fact]
    public async Task Import_BadFile_ExitsNonZero_NamesLineAndColumn_AndWritesNothing()
    {
        await Seed();
        var bad = Write("bad.csv", "indicator,org,period,value\nFAI,330102,2026-01,10\nFAI,330102,2026-02,lots\nFAI,nowhere,2026-03,1\n");

        var result = await Run("import", "readings", bad, "--data-dir", _dir);
        var export = await Run("export", "readings", "--format", "json", "--data-dir", _dir);

        result.Code.ShouldNotBe(0);
        result.Err.ShouldContain("row 3, column value");
        result.Err.ShouldContain("row 4, column org");
        result.Err.ShouldContain("第3行");
        JsonNode.Parse(export.Out)!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Import_MissingFileOrUnknownKind_ExitsNonZeroWithAMessage()
    {
        var missing = await Run("import", "readings", Path.Combine(_dir, "nope.csv"), "--data-dir", _dir);
        var unknown = await Run("import", "planets", Write("x.csv", "a\n1\n"), "--data-dir", _dir);

        missing.Code.ShouldNotBe(0);
        missing.Err.ShouldNotBeNullOrWhiteSpace();
        unknown.Code.ShouldNotBe(0);
        unknown.Err.ShouldContain("planets");
    }

    [Fact]
    public async Task Import_Orgs_WithAParentMissing_ReportsTheLine()
    {
        var result = await Run("import", "orgs", Write("orgs.csv", "code,name,kind,parent\n330000,测试省,Province,\n330100,甲市,City,339999\n"), "--data-dir", _dir);

        result.Code.ShouldNotBe(0);
        result.Err.ShouldContain("row 3, column parent");
    }

    [Fact]
    public async Task UsersAdd_TokensCreate_AndAuditVerify_WorkFromTheCommandLine()
    {
        await Seed();

        var add = await Run("users", "add", "Ops", "--role", "Admin", "--password", "Bootstrap-2026", "--data-dir", _dir);
        var scoped = await Run("users", "add", "hz-reporter", "--role", "Reporter", "--org", "330100", "--data-dir", _dir);
        var token = await Run("tokens", "create", "ops", "--data-dir", _dir);
        var weak = await Run("users", "add", "weak", "--role", "Leader", "--password", "short", "--data-dir", _dir);
        var badRole = await Run("users", "add", "x1", "--role", "Emperor", "--data-dir", _dir);
        var verify = await Run("audit", "verify", "--data-dir", _dir);

        add.Code.ShouldBe(0, add.Err);
        add.Out.ShouldContain("ops: Admin@*");
        scoped.Out.ShouldContain("Reporter@330100");
        token.Code.ShouldBe(0, token.Err);
        token.Out.Trim().Split('\n').Last().ShouldStartWith("lst_");
        weak.Code.ShouldNotBe(0);
        weak.Err.ShouldContain("password");
        badRole.Code.ShouldNotBe(0);
        verify.Code.ShouldBe(0, verify.Out + verify.Err);
        verify.Out.ShouldContain("intact");
    }

    [Fact]
    public async Task NotifyVerbs_QueueTheDaysRemindersOnce_DispatchToTheLog_AndRefuseATestWithoutAMailHost()
    {
        await Seed();

        var withEmail = await Run("users", "add", "mei", "--role", "Reporter", "--org", "330100", "--email", "mei@example.org", "--data-dir", _dir);
        var badEmail = await Run("users", "add", "lin", "--role", "Reporter", "--email", "lin at example", "--data-dir", _dir);
        var first = await Run("notify", "reminders", "--as-of", "2026-08-17", "--data-dir", _dir);
        var again = await Run("notify", "reminders", "--as-of", "2026-08-17", "--data-dir", _dir);
        var badDate = await Run("notify", "reminders", "--as-of", "17/08/2026", "--data-dir", _dir);
        var dispatch = await Run("notify", "dispatch", "--data-dir", _dir);
        var test = await Run("notify", "test", "--to", "mei@example.org", "--data-dir", _dir);

        withEmail.Code.ShouldBe(0, withEmail.Err);
        badEmail.Code.ShouldNotBe(0);
        badEmail.Err.ShouldContain("email");
        first.Code.ShouldBe(0, first.Err);
        again.Code.ShouldBe(0, again.Err);
        again.Out.ShouldContain(" 0 reminders queued");
        badDate.Code.ShouldNotBe(0);
        badDate.Err.ShouldContain("as-of");
        dispatch.Code.ShouldBe(0, dispatch.Err);
        dispatch.Out.ShouldContain("sent");
        test.Code.ShouldNotBe(0);
        test.Err.ShouldContain("Luoshi:Notifications:Email:Host");
    }

    [Fact]
    public async Task BackupAndRestore_RoundTripThroughTheCommandLine_RefusingToOverwriteData()
    {
        await Seed();
        (await Run("users", "add", "ops", "--role", "Admin", "--password", "Bootstrap-2026", "--data-dir", _dir)).Code.ShouldBe(0);
        var file = Path.Combine(_dir, "backups", "luoshi-backup.db");
        var restored = Path.Combine(_dir, "restored");

        var backup = await Run("backup", file, "--data-dir", _dir);
        var again = await Run("backup", file, "--data-dir", _dir);
        var restore = await Run("restore", file, "--data-dir", restored);
        var refused = await Run("restore", file, "--data-dir", restored);
        var forced = await Run("restore", file, "--data-dir", restored, "--force");
        var export = await Run("export", "readings", "--format", "json", "--data-dir", restored);
        var junk = await Run("restore", Write("junk.db", "not a database"), "--data-dir", Path.Combine(_dir, "other"));

        backup.Code.ShouldBe(0, backup.Err);
        backup.Out.ShouldContain("backed up");
        backup.Out.ShouldContain("org_units");
        again.Code.ShouldBe(1);
        again.Err.ShouldContain("--force");
        restore.Code.ShouldBe(0, restore.Err);
        restore.Out.ShouldContain("the audit chain is intact");
        refused.Code.ShouldBe(1);
        refused.Err.ShouldContain("--force");
        forced.Code.ShouldBe(0, forced.Err);
        export.Code.ShouldBe(0, export.Err);
        junk.Code.ShouldBe(1);
        junk.Err.ShouldContain("not a Luoshi backup");
    }

    [Fact]
    public async Task Evaluate_Json_CarriesTheContractKeys_ForEveryUnitWithATargetOrAValue_ParentsIncluded()
    {
        await Seed();
        (await Run("import", "targets", Write("t.csv", "indicator,org,year,value,qualifier\nFAI,330100,2026,1200,atLeast\n"), "--data-dir", _dir)).Code.ShouldBe(0);
        (await Run("import", "readings", Write("r.csv", "indicator,org,period,value\nFAI,330102,2026-06,350\nFAI,330103,2026-06,270\nFAI,330102,2025-06,300\nFAI,330103,2025-06,200\n"), "--data-dir", _dir)).Code.ShouldBe(0);

        var result = await Run("evaluate", "--period", "2026-06", "--as-of", "2026-07-25", "--format", "json", "--data-dir", _dir);

        result.Code.ShouldBe(0, result.Err);
        var rows = JsonNode.Parse(result.Out)!.AsArray();
        var fai = rows.Where(r => r!["indicator"]!.GetValue<string>() == "FAI").ToDictionary(r => r!["org"]!.GetValue<string>(), r => r!);
        fai.Keys.ShouldBe(["330000", "330100", "330102", "330103"], ignoreOrder: true);
        var city = fai["330100"];
        foreach (var key in new[] { "indicator", "org", "period", "actual", "target", "expected", "status", "yoy", "reason" })
        {
            city.AsObject().ContainsKey(key).ShouldBeTrue(key);
        }

        city["period"]!.GetValue<string>().ShouldBe("2026-06");
        city["actual"]!.GetValue<double>().ShouldBe(620);
        city["expected"]!.GetValue<double>().ShouldBe(600);
        city["status"]!.GetValue<string>().ShouldBe("green");
        city["yoy"]!.GetValue<double>().ShouldBe(24);
        city["reason"]!.GetValue<string>().ShouldContain("序时");
        rows.ShouldAllBe(r => new[] { "green", "yellow", "red", "grey", "none" }.Contains(r!["status"]!.GetValue<string>()));

        var table = await Run("evaluate", "--period", "2026-06", "--as-of", "2026-07-25", "--data-dir", _dir);
        table.Code.ShouldBe(0, table.Err);
        table.Out.ShouldContain("330100");
        var bad = await Run("evaluate", "--period", "2026-13", "--data-dir", _dir);
        bad.Code.ShouldNotBe(0);
        bad.Err.ShouldContain("2026-13");
    }

    [Fact]
    public async Task Overview_Json_CarriesTheContractKeys_AndATableForPeople_AndRefusesWhatIsNotAMonth()
    {
        await Seed();
        (await Run("import", "targets", Write("t.csv", "indicator,org,year,value,qualifier\nFAI,330000,2026,3000,atLeast\nFAI,330100,2026,1200,atLeast\n"), "--data-dir", _dir)).Code.ShouldBe(0);
        (await Run("import", "readings", Write("r.csv", "indicator,org,period,value\nFAI,330000,2026-06,1500\nFAI,330102,2026-06,350\nFAI,330103,2026-06,270\n"), "--data-dir", _dir)).Code.ShouldBe(0);

        var result = await Run("overview", "--period", "2026-06", "--org", "330000", "--format", "json", "--data-dir", _dir);

        result.Code.ShouldBe(0, result.Err);
        var overview = JsonNode.Parse(result.Out)!.AsObject();
        foreach (var key in new[] { "period", "org", "cards", "matrix", "ranking", "checks", "red", "grey" })
        {
            overview.ContainsKey(key).ShouldBeTrue(key);
        }

        overview["period"]!.GetValue<string>().ShouldBe("2026-06");
        var fai = overview["cards"]!.AsArray().Single(c => c!["indicator"]!.GetValue<string>() == "FAI")!;
        fai["actual"]!.GetValue<double>().ShouldBe(1500);
        fai["expectedToDate"]!.GetValue<double>().ShouldBe(1500);
        fai["target"]!.GetValue<decimal>().ShouldBe(3000m);
        overview["matrix"]!["rows"]!.AsArray().Select(r => r!["org"]!.GetValue<string>()).ShouldContain("330100");
        overview["checks"]!.AsObject().ContainsKey("halfYear").ShouldBeTrue();
        overview["checks"]!.AsObject().ContainsKey("firstQuarter").ShouldBeTrue();

        var table = await Run("overview", "--period", "2026-06", "--data-dir", _dir);
        table.Code.ShouldBe(0, table.Err);
        table.Out.ShouldContain("甲市");
        table.Out.ShouldContain("1500");

        var quarter = await Run("overview", "--period", "2026Q2", "--data-dir", _dir);
        quarter.Code.ShouldNotBe(0);
        quarter.Err.ShouldContain("2026Q2");
        var nowhere = await Run("overview", "--org", "999999", "--data-dir", _dir);
        nowhere.Code.ShouldNotBe(0);
        nowhere.Err.ShouldContain("999999");
    }

    [Fact]
    public async Task ProjectsImportAndSummary_GiveOneRowPerRegionAndRolledUpParent_WithTheContractKeys()
    {
        await Seed();
        var projects = Write("p.csv", "code,name,org,category,totalInvestment,plannedStart,plannedCompletion,stage\nXM1,甲一项目,330102,交通,100,2026-03-01,2028-12-31,新开工\nXM2,甲二项目,330103,产业,60,2026-05-01,2027-12-31,前期\nXM3,乙一项目,330202,能源,80,2025-06-01,2027-06-30,continuing\n");
        var plans = Write("pp.csv", "project,year,plannedInvestment\nXM1,2026,40\nXM2,2026,20\nXM3,2026,40\n");
        var progress = Write("pg.csv", "project,month,completedInvestment,actualStart\nXM1,2026-03,5,2026-03-10\nXM1,2026-04,5,\nXM3,2026-01,10,\n");

        foreach (var (kind, file) in new[] { ("projects", projects), ("project-plans", plans), ("project-progress", progress) })
        {
            var r = await Run("import", kind, file, "--data-dir", _dir);
            r.Code.ShouldBe(0, r.Err);
        }

        var result = await Run("projects", "summary", "--year", "2026", "--as-of", "2026-06-10", "--format", "json", "--data-dir", _dir);

        result.Code.ShouldBe(0, result.Err);
        var rows = JsonNode.Parse(result.Out)!.AsArray().ToDictionary(r => r!["org"]!.GetValue<string>(), r => r!);
        rows.Keys.ShouldBe(["330000", "330100", "330102", "330103", "330200", "330202"], ignoreOrder: true);
        foreach (var key in new[] { "org", "plannedToStart", "started", "startRate", "annualPlan", "completedYtd", "completionRate" })
        {
            rows["330100"].AsObject().ContainsKey(key).ShouldBeTrue(key);
        }

        // 甲市: XM1 and XM2 were to start by 10 June, XM1 did: 50%. Plan 60, done 10 → 16.7%.
        rows["330100"]["plannedToStart"]!.GetValue<int>().ShouldBe(2);
        rows["330100"]["started"]!.GetValue<int>().ShouldBe(1);
        rows["330100"]["startRate"]!.GetValue<double>().ShouldBe(50);
        rows["330100"]["completionRate"]!.GetValue<double>().ShouldBe(16.7);
        rows["330000"]["annualPlan"]!.GetValue<decimal>().ShouldBe(100m);
        rows["330000"]["completedYtd"]!.GetValue<decimal>().ShouldBe(20m);

        var bad = await Run("import", "projects", Write("bad.csv", "code,name,org,category,totalInvestment,plannedStart,plannedCompletion,stage\nXM9,坏项目,330102,交通,100,2026-03-01,2025-12-31,开挖\n"), "--data-dir", _dir);
        bad.Code.ShouldNotBe(0);
        bad.Err.ShouldContain("row 2, column stage");
    }

    [Fact]
    public async Task ProjectsExportAsXlsx_FilledAndImportedBack_AndABadWorkbookWritesNothing()
    {
        await Seed();
        (await Run("import", "projects", Write("p.csv", "code,name,org,category,totalInvestment,plannedStart,plannedCompletion,stage\nXM1,甲一项目,330102,交通,100,2026-03-01,2028-12-31,新开工\nXM2,甲二项目,330103,产业,60,2026-05-01,2027-12-31,前期\n"), "--data-dir", _dir)).Code.ShouldBe(0);
        (await Run("import", "project-plans", Write("pp.csv", "project,year,plannedInvestment\nXM1,2026,40\n"), "--data-dir", _dir)).Code.ShouldBe(0);
        var workbook = Path.Combine(_dir, "projects.xlsx");

        var export = await Run("export", "projects", "--org", "330100", "--out", workbook, "--data-dir", _dir);

        export.Code.ShouldBe(0, export.Err);
        export.Out.Trim().ShouldBe(workbook);
        var sheet = Xlsx.Read(new MemoryStream(await File.ReadAllBytesAsync(workbook)), "重大项目");
        sheet.Rows.Skip(1).Select(r => (r.Cells["A"].Text, r.Cells["F"].Text, r.Cells["I"].Text)).ShouldBe([("XM1", "100", "新开工"), ("XM2", "60", "前期")]);

        // XM2's total investment raised in the workbook; the import reads the .xlsx by its extension.
        var columns = ProjectFiles.Sheets[ProjectImportKind.Projects].Columns;
        IReadOnlyList<object?> Line(int row) => [.. columns.Select((_, i) => sheet.Rows[row].Cells.TryGetValue(Xlsx.ColumnName(i), out var c) ? (object?)c.Text : null)];
        var xm2 = Line(2).ToArray();
        xm2[5] = 75m;
        var filled = Path.Combine(_dir, "filled.xlsx");
        await File.WriteAllBytesAsync(filled, Xlsx.Write("重大项目", [.. columns.Select(c => new Xlsx.Column(c.Header))], [Line(1), xm2]));
        var imported = await Run("import", "projects", filled, "--format", "json", "--data-dir", _dir);
        imported.Code.ShouldBe(0, imported.Err);
        JsonNode.Parse(imported.Out)!["updated"]!.GetValue<int>().ShouldBe(1, "XM1's line is as recorded; XM2's raises its investment");
        JsonNode.Parse(imported.Out)!["unchanged"]!.GetValue<int>().ShouldBe(1);

        var csv = await Run("export", "projects", "--org", "330103", "--data-dir", _dir);
        csv.Code.ShouldBe(0, csv.Err);
        csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ShouldBe(["code,name,org,category,totalInvestment,plannedStart,plannedCompletion,stage,privateShare,leadDepartment,actualStart,actualCompletion", "XM2,甲二项目,330103,产业,75,2026-05-01,2027-12-31,前期,0,,,"]);
        var plans = await Run("export", "project-plans", "--year", "2026", "--format", "csv", "--data-dir", _dir);
        plans.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ShouldBe(["project,year,plannedInvestment", "XM1,2026,40"]);
        var progress = Path.Combine(_dir, "progress.xlsx");
        (await Run("export", "project-progress", "--month", "2026-05", "-o", progress, "--data-dir", _dir)).Code.ShouldBe(0);
        Xlsx.Read(new MemoryStream(await File.ReadAllBytesAsync(progress)), "项目进度").Rows[1].Cells["D"].Text.ShouldBe("2026-05");

        // Text where the total investment goes: refused naming sheet, row and column, and XM2 keeps 75.
        xm2[5] = "很多";
        await File.WriteAllBytesAsync(filled, Xlsx.Write("重大项目", [.. columns.Select(c => new Xlsx.Column(c.Header))], [Line(1), xm2]));
        var bad = await Run("import", "projects", filled, "--data-dir", _dir);
        bad.Code.ShouldNotBe(0);
        bad.Err.ShouldContain("工作表“重大项目”第3行F列");
        bad.Err.ShouldContain("sheet '重大项目' row 3 column F");
        (await Run("export", "projects", "--org", "330103", "--data-dir", _dir)).Out.ShouldContain("XM2,甲二项目,330103,产业,75,");
        (await Run("export", "readings", "--format", "xlsx", "--data-dir", _dir)).Code.ShouldNotBe(0);
        (await Run("export", "projects", "--format", "json", "--data-dir", _dir)).Code.ShouldNotBe(0);
    }

    [Fact]
    public async Task Assess_Json_GivesResultsWithOrgScoreRankGradeAndExplainedCriteria()
    {
        await Seed();
        (await Run("import", "targets", Write("t.csv", "indicator,org,year,value,qualifier\nFAI,330100,2026,1200,atLeast\nFAI,330200,2026,800,atLeast\n"), "--data-dir", _dir)).Code.ShouldBe(0);
        (await Run("import", "readings", Write("r.csv", "indicator,org,period,value\nFAI,330100,2026-06,330\nFAI,330200,2026-06,480\n"), "--data-dir", _dir)).Code.ShouldBe(0);
        var scheme = Write("s.json", """
            { "name": "测试", "year": 2026, "period": "2026-06", "group": ["330100", "330200"],
              "criteria": [ { "code": "INV", "name": "投资", "points": 100, "indicator": "FAI", "method": { "type": "rank", "lastShare": 0.5 } } ],
              "adjustments": [], "veto": [ { "org": "330200", "reason": "事故" } ], "grades": [ { "name": "优秀", "minScore": 90 }, { "name": "一般" } ], "vetoGrade": "不合格" }
            """);

        var result = await Run("assess", "--scheme", scheme, "--format", "json", "--data-dir", _dir);

        result.Code.ShouldBe(0, result.Err);
        var results = JsonNode.Parse(result.Out)!["results"]!.AsArray();
        var first = results.Single(r => r!["org"]!.GetValue<string>() == "330200")!;
        first["score"]!.GetValue<decimal>().ShouldBe(100m);
        first["rank"]!.GetValue<int>().ShouldBe(1);
        first["grade"]!.GetValue<string>().ShouldBe("不合格");
        var criterion = first["criteria"]!.AsArray().Single()!;
        criterion["code"]!.GetValue<string>().ShouldBe("INV");
        criterion["points"]!.GetValue<decimal>().ShouldBe(100m);
        criterion["explanation"]!.GetValue<string>().ShouldContain("组内第1名");
        results.Single(r => r!["org"]!.GetValue<string>() == "330100")!["score"]!.GetValue<decimal>().ShouldBe(50m);
    }

    [Fact]
    public async Task Supervise_RulesOpenItemsOnce_AndEscalateClimbsTheLadderForTheDateGiven()
    {
        await Seed();
        (await Run("import", "targets", Write("t.csv", "indicator,org,year,value,qualifier\nFAI,330103,2026,600,atLeast\n"), "--data-dir", _dir)).Code.ShouldBe(0);
        (await Run("import", "readings", Write("r.csv", "indicator,org,period,value\nFAI,330103,2026-04,150\nFAI,330103,2026-05,200\nFAI,330103,2026-06,250\n"), "--data-dir", _dir)).Code.ShouldBe(0);

        var rules = await Run("supervise", "rules", "--as-of", "2026-07-25", "--format", "json", "--data-dir", _dir);
        var rerun = await Run("supervise", "rules", "--as-of", "2026-07-25", "--data-dir", _dir);

        rules.Code.ShouldBe(0, rules.Err);
        var opened = JsonNode.Parse(rules.Out)!["opened"]!.AsArray().ShouldHaveSingleItem()!;
        opened["cause"]!.GetValue<string>().ShouldBe("indicator-rule:default@330103");
        rerun.Code.ShouldBe(0, rerun.Err);
        rerun.Out.ShouldContain("1 already open");

        await AssignAsOperator(opened["id"]!.GetValue<int>());
        var escalate = await Run("supervise", "escalate", "--as-of", "2026-09-10", "--format", "json", "--data-dir", _dir);
        var again = await Run("supervise", "escalate", "--as-of", "2026-09-10", "--data-dir", _dir);
        var bad = await Run("supervise", "escalate", "--as-of", "10/09/2026", "--data-dir", _dir);

        escalate.Code.ShouldBe(0, escalate.Err);
        var climbed = JsonNode.Parse(escalate.Out)!["escalated"]!.AsArray().ShouldHaveSingleItem()!;
        (climbed["fromLevel"]!.GetValue<int>(), climbed["toLevel"]!.GetValue<int>(), climbed["daysOverdue"]!.GetValue<int>()).ShouldBe((0, 3, 17));
        again.Code.ShouldBe(0, again.Err);
        again.Out.ShouldContain("0 escalated");
        bad.Code.ShouldNotBe(0);
        bad.Err.ShouldContain("--as-of");
    }

    [Fact]
    public async Task SuperviseRules_DryRun_ListsOneItemPerLeadUnit_AndWritesNothing_ThenTheRunOpensWhatItListed()
    {
        await Seed();
        (await Run("import", "targets", Write("t.csv", "indicator,org,year,value,qualifier\nFAI,330103,2026,600,atLeast\nPRIVATE_INV,330103,2026,600,atLeast\n"), "--data-dir", _dir)).Code.ShouldBe(0);
        (await Run("import", "readings", Write("r.csv", "indicator,org,period,value\nFAI,330103,2026-04,150\nFAI,330103,2026-05,200\nFAI,330103,2026-06,250\nPRIVATE_INV,330103,2026-04,100\nPRIVATE_INV,330103,2026-05,120\nPRIVATE_INV,330103,2026-06,150\n"), "--data-dir", _dir)).Code.ShouldBe(0);

        var dry = await Run("supervise", "rules", "--as-of", "2026-07-25", "--dry-run", "--format", "json", "--data-dir", _dir);
        var dryTable = await Run("supervise", "rules", "--as-of", "2026-07-25", "--dry-run", "--data-dir", _dir);
        var run = await Run("supervise", "rules", "--as-of", "2026-07-25", "--format", "json", "--data-dir", _dir);

        dry.Code.ShouldBe(0, dry.Err);
        var preview = JsonNode.Parse(dry.Out)!.AsObject();
        preview.Select(p => p.Key).ShouldBe(["asOf", "opened", "alreadyOpen", "notes", "dryRun", "absorbed", "rules", "writes"]);
        preview["dryRun"]!.GetValue<bool>().ShouldBeTrue();
        var would = preview["opened"]!.AsArray().ShouldHaveSingleItem()!;
        would.AsObject().Select(p => p.Key).Take(6).ShouldBe(["id", "rule", "cause", "title", "leadOrg", "deadline"]);
        would["id"].ShouldBeNull();
        would["leadOrgName"]!.GetValue<string>().ShouldBe("甲二区");
        would["indicators"]!.AsArray().Select(f => f!["indicator"]!.GetValue<string>()).ShouldBe(["FAI", "PRIVATE_INV"]);
        dryTable.Out.ShouldContain("1 would open (2 figures)");
        dryTable.Out.ShouldContain("nothing written");
        run.Code.ShouldBe(0, run.Err);
        var opened = JsonNode.Parse(run.Out)!["opened"]!.AsArray().ShouldHaveSingleItem()!;
        (opened["cause"]!.GetValue<string>(), opened["title"]!.GetValue<string>()).ShouldBe((would["cause"]!.GetValue<string>(), would["title"]!.GetValue<string>()));
        opened["id"]!.GetValue<int>().ShouldBeGreaterThan(0);
        JsonNode.Parse(run.Out)!["writes"]!["batches"]!.GetValue<int>().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task DocsExtract_PrintsTheContract_InSimplifiedChinese_WithoutADataDirectory()
    {
        var file = Write("speech.txt", "首页 > 要闻\n全省工作會議召開\n来源：某报 浏览：【大中小】 发布时间：2026-03-02\n3月1日，全省工作會議召開，省委書記張明講話。\n要深入實施“八八戰略”，確保全省生產總值增長5.5%左右。\nCopyright © 某网 版权所有");

        var result = await Run("docs", "extract", file, "--format", "json");

        result.Code.ShouldBe(0, result.Err);
        result.Err.ShouldContain("traditional→simplified");
        var x = JsonNode.Parse(result.Out)!.AsObject();
        x.Select(p => p.Key).ShouldBe(["title", "date", "people", "terms", "directives", "figures", "text"]);
        x["date"]!.GetValue<string>().ShouldBe("2026-03-01");
        x["people"]![0]!["name"]!.GetValue<string>().ShouldBe("张明");
        x["people"]![0]!["role"]!.GetValue<string>().ShouldBe("省委书记");
        x["terms"]![0]!["term"]!.GetValue<string>().ShouldBe("八八战略");
        x["terms"]![0]!["count"]!.GetValue<int>().ShouldBe(1);
        x["terms"]![0]!["numbered"]!.GetValue<bool>().ShouldBeTrue();
        x["directives"]!.AsArray().ShouldNotBeEmpty();
        x["directives"]![0]!["text"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        var figure = x["figures"]![0]!.AsObject();
        (figure["subject"]!.GetValue<string>(), figure["value"]!.GetValue<decimal>(), figure["unit"]!.GetValue<string>(), figure["qualifier"]!.GetValue<string>())
            .ShouldBe(("全省生产总值", 5.5m, "%", "around"));
        figure.ContainsKey("from").ShouldBeFalse();
        figure["text"]!.GetValue<string>().ShouldBe("全省生产总值增长5.5%左右");
        var text = x["text"]!.GetValue<string>();
        text.ShouldNotContain("版权所有");
        text.ShouldNotContain("首页");
        text.ShouldStartWith("全省工作会议召开\n");
    }

    [Fact]
    public async Task DocsExtractAndIngest_ReadAPdf_WithThePageOfEachSentence_AndRefuseAScan()
    {
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
        var pdf = Path.Combine(fixtures, "work-report.pdf");

        var json = await Run("docs", "extract", pdf, "--format", "json");
        var table = await Run("docs", "extract", pdf, "--format", "table");
        var ingest = await Run("docs", "ingest", pdf, "--data-dir", _dir);
        var scan = await Run("docs", "extract", Path.Combine(fixtures, "scanned.pdf"));

        json.Code.ShouldBe(0, json.Err);
        var x = JsonNode.Parse(json.Out)!.AsObject();
        x["title"]!.GetValue<string>().ShouldBe("政府工作报告");
        var target = x["figures"]!.AsArray().First(f => f!["kind"]!.GetValue<string>() == "target")!;
        target["subject"]!.GetValue<string>().ShouldBe("全省生产总值");
        target["sentence"]!["page"]!.GetValue<int>().ShouldBe(2);
        x["directives"]!.AsArray().Last()!["sentence"]!["page"]!.GetValue<int>().ShouldBe(3);
        x["text"]!.GetValue<string>().Count(c => c == '\f').ShouldBe(3);
        table.Code.ShouldBe(0, table.Err);
        table.Out.ShouldContain("页 page");
        ingest.Code.ShouldBe(0, ingest.Err);
        ingest.Out.ShouldContain("3 页/pages");
        scan.Code.ShouldNotBe(0);
        scan.Err.ShouldContain("scanned.pdf");
        scan.Err.ShouldContain("OCR");
    }

    [Fact]
    public async Task DocsExtract_MissingOrEmptyFile_ExitsNonZeroWithAMessage()
    {
        var missing = await Run("docs", "extract", Path.Combine(_dir, "nope.txt"));
        var empty = await Run("docs", "extract", Write("empty.txt", string.Empty));

        missing.Code.ShouldNotBe(0);
        missing.Err.ShouldContain("nope.txt");
        empty.Code.ShouldNotBe(0);
        empty.Err.ShouldContain("empty");
    }

    [Fact]
    public async Task DocsIngest_ThenListAndTimeline_ReadWhatWasStored()
    {
        var first = Write("a.txt", "发布时间：2026-01-06\n1月5日，全省工作会议召开。\n要深入实施“八八战略”。");
        var second = Write("b.txt", "发布时间：2026-07-03\n7月2日，全省推进会召开。\n要深入实施“八八战略”，实现“双过半”。");

        var a = await Run("docs", "ingest", first, "--data-dir", _dir);
        var b = await Run("docs", "ingest", second, "--data-dir", _dir, "--format", "json");
        var again = await Run("docs", "ingest", first, "--data-dir", _dir);
        var list = await Run("docs", "list", "--data-dir", _dir);
        var timeline = await Run("docs", "timeline", "八八战略", "--data-dir", _dir, "--format", "json");

        a.Code.ShouldBe(0, a.Err);
        a.Out.ShouldContain("文件/document 1");
        b.Code.ShouldBe(0, b.Err);
        JsonNode.Parse(b.Out)!["id"]!.GetValue<int>().ShouldBe(2);
        again.Code.ShouldNotBe(0);
        again.Err.ShouldContain("document 1");
        list.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2);
        var line = JsonNode.Parse(timeline.Out)!.AsArray().ShouldHaveSingleItem()!;
        line["total"]!.GetValue<int>().ShouldBe(2);
        line["firstSeen"]!["id"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task DocsEval_ScoresEachKind_AsJsonAndAsATable()
    {
        var set = Directory.CreateDirectory(Path.Combine(_dir, "set")).FullName;
        File.WriteAllText(Path.Combine(set, "news-01.txt"), "全省工作会议召开\n发布时间：2026-03-02\n3月1日，全省工作会议召开，省委书记张明出席会议并讲话。\n要深入实施“八八战略”，确保全省生产总值增长5.5%左右。\n责任编辑：王五");
        File.WriteAllText(Path.Combine(set, "news-01.expected.json"), """
            {
              "title": "全省工作会议召开",
              "date": "2026-03-01",
              "people": [{"name": "张明", "role": "省委书记"}, {"name": "李华", "role": null}],
              "terms": [{"term": "八八战略", "numbered": true}],
              "figures": [{"subject": "生产总值", "value": 5.5, "unit": "%", "qualifier": "around", "kind": "target"}],
              "absent": ["责任编辑"]
            }
            """);

        var json = await Run("docs", "eval", set, "--format", "json");
        var table = await Run("docs", "eval", set, "--lang", "en");

        json.Code.ShouldBe(0, json.Err);
        var x = JsonNode.Parse(json.Out)!.AsObject();
        x["documents"]!.GetValue<int>().ShouldBe(1);
        var kinds = x["kinds"]!.AsObject();
        kinds.Select(k => k.Key).ShouldBe(["people", "terms", "figures", "targets", "dates", "titles", "boilerplate"]);
        foreach (var (kind, score) in kinds)
        {
            score!.AsObject().Select(p => p.Key).Take(4).ShouldBe(["recall", "precision", "missed", "extra"], kind);
        }

        kinds["people"]!["recall"]!.GetValue<double>().ShouldBe(0.5);
        kinds["people"]!["missed"]!.AsArray().Select(m => m!.GetValue<string>()).ShouldBe(["news-01: 李华"]);
        kinds["boilerplate"]!["precision"].ShouldBeNull();
        table.Code.ShouldBe(0, table.Err);
        table.Out.ShouldContain("recall");
        table.Out.ShouldContain("news-01: 李华");
    }

    [Fact]
    public async Task DocsEval_MissingDirectoryOrBadAnnotation_ExitsNonZero_NamingTheFileAndLine()
    {
        var missing = await Run("docs", "eval", Path.Combine(_dir, "nowhere"), "--lang", "en");
        var set = Directory.CreateDirectory(Path.Combine(_dir, "bad")).FullName;
        File.WriteAllText(Path.Combine(set, "a.txt"), "3月1日，全省工作会议召开。");
        File.WriteAllText(Path.Combine(set, "a.expected.json"), "{\n  \"date\": \"2026-03-01\",\n  \"terms\": [\n}\n");
        var bad = await Run("docs", "eval", set, "--lang", "en");

        missing.Code.ShouldNotBe(0);
        missing.Err.ShouldContain("nowhere");
        bad.Code.ShouldNotBe(0);
        bad.Err.ShouldContain("a.expected.json, line 4");
        bad.Err.ShouldNotContain("   at ");
        bad.Out.ShouldBeEmpty();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // left to the temporary directory's cleaner
        }
    }

    private async Task Seed()
    {
        (await Run("init", "--data-dir", _dir)).Code.ShouldBe(0);
        (await Run("import", "orgs", Write("orgs.csv", Infrastructure.AppFixture.OrgsCsv), "--data-dir", _dir)).Code.ShouldBe(0);
        (await Run("import", "indicators", Write("indicators.csv", Infrastructure.AppFixture.IndicatorsCsv), "--data-dir", _dir)).Code.ShouldBe(0);
    }

    /// <summary>Assigns an item through the use cases, as an operator with the data directory would, since the CLI has no verb for it.</summary>
    private async Task AssignAsOperator(int id)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLuoshiData(DatabaseOptions.Resolve(_dir, null));
        services.AddLuoshiApplication();
        services.AddSingleton<ICurrentActor>(FixedActor.Operator("test"));
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TransitionSupervisionItem>().Handle(id, SupervisionAction.Assign, new(), default);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await LuoshiCli.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
