using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Luoshi.Application.Supervision;
using Luoshi.Browser.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Luoshi.Browser.Tests.Supervision;

/// <summary>
/// The supervision pages against the demo province, whose clock stands at 2026-11-15. The items are made here
/// (through the API as the admin, or through the pages as the demo users); no other test reads supervision
/// items, and each test finds its own by their titles.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SupervisionTests(DemoSite site)
{
    [Fact]
    public async Task Board_ShowsItemsByState_WithOverdueDaysAndEscalation_AndFilters()
    {
        // Items of 瓯江市 (330300) and 禾城市 (330400) in several states, some past their deadlines, then the calendar runs.
        var level3 = await CreateAsync("看板:瓯江市老旧小区改造进度滞后", "330300", "2026-10-20");
        await MoveAsync(level3, "assign");
        await MoveAsync(level3, "accept");
        var level1 = await CreateAsync("看板:禾城市工业技改投资未达序时", "330400", "2026-11-12");
        await MoveAsync(level1, "assign");
        var submitted = await CreateAsync("看板:瓯江市污水管网整改", "330300", "2026-12-20");
        await MoveAsync(submitted, "assign");
        await MoveAsync(submitted, "accept");
        await MoveAsync(submitted, "submit", new { comment = "已完成", evidence = "验收报告.pdf" });
        var closed = await CreateAsync("看板:禾城市招商引资专班组建", "330400", "2026-12-31");
        await MoveAsync(closed, "assign");
        await MoveAsync(closed, "accept");
        await MoveAsync(closed, "submit", new { evidence = "专班文件" });
        await MoveAsync(closed, "verify", new { evidence = "现场核查记录" });
        var draft = await CreateAsync("看板:瓯江市营商环境投诉", "330300", "2026-12-31");
        await site.AsOperatorAsync(sp => sp.GetRequiredService<EscalateOverdue>().Handle(null, CancellationToken.None));

        await using var s = await site.OpenAsync(user: "supervisor");
        await s.GoAsync("/supervision");
        await Expect(s.Page.Locator(".mainnav a[aria-current='page']")).ToHaveTextAsync("督办");
        await Expect(s.Page.Locator("h1")).ToContainTextAsync("督查督办");

        var card = Card(s, level3);
        await Expect(card).ToHaveAttributeAsync("data-state", "accepted");
        await Expect(card).ToHaveClassAsync(new Regex(@"\besc-3\b"));
        await Expect(card).ToContainTextAsync("瓯江市");
        await Expect(card).ToContainTextAsync("截止 2026-10-20");
        await Expect(card).ToContainTextAsync("逾期 26 天");
        await Expect(card).ToContainTextAsync("三级");
        await Expect(Card(s, level1)).ToHaveClassAsync(new Regex(@"\besc-1\b"));
        await Expect(Card(s, level1)).ToContainTextAsync("逾期 3 天");
        await Expect(s.Page.Locator($".board-column[data-state='submitted'] [data-item='{submitted}']")).ToBeVisibleAsync();
        await Expect(s.Page.Locator($".board-column[data-state='closed'] [data-item='{closed}']")).ToBeVisibleAsync();
        await Expect(s.Page.Locator(".board-column")).ToHaveCountAsync(8);
        (await s.Page.Locator(".board-column[data-state='draft'] .sv-card").CountAsync()).ShouldBeLessThanOrEqualTo(6, "a column shows its most pressing cards");

        // The overdue list, longest overdue first, and the record per lead unit with its chart.
        var overdue = s.Page.Locator("#overdue-list tbody tr");
        await Expect(s.Page.Locator($"#overdue-list tr[data-item='{level3}'] td.num")).ToHaveTextAsync("26");
        (await overdue.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.item)")).ShouldContain(level1.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var row = s.Page.Locator("#metrics-table tr[data-unit='330400']");
        await Expect(row.Locator("td").Nth(0)).ToHaveTextAsync("1");
        await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("1");
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("1");
        await Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("100.0%");
        await Expect(s.Page.Locator("#metrics-chart.chart-ready canvas")).ToHaveCountAsync(1);
        await s.ShotAsync("board");

        // A column opened in full shows every card (the rules' drafts come before a manual one due later).
        await s.GoAsync("/supervision?show=draft");
        await Expect(s.Page.Locator($".board-column[data-state='draft'] [data-item='{draft}']")).ToBeVisibleAsync();
        await s.GoAsync("/supervision");

        // Filtered to one lead unit, and to what is overdue: the page swaps in place.
        await s.Page.Locator("#org").SelectOptionAsync("330400");
        await Expect(s.Page).ToHaveURLAsync(new Regex("org=330400"));
        await Expect(Card(s, level1)).ToBeVisibleAsync();
        await Expect(Card(s, level3)).ToHaveCountAsync(0);
        await s.Page.Locator("#overdue").CheckAsync();
        await Expect(s.Page).ToHaveURLAsync(new Regex("overdue=true"));
        await Expect(Card(s, level1)).ToBeVisibleAsync();
        await Expect(s.Page.Locator($"[data-item='{closed}'].sv-card")).ToHaveCountAsync(0);
        await Expect(s.Page.Locator("#metrics-chart.chart-ready canvas")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task ItemPage_ShowsDetailsAndTheWholeHistory_WithTheAdminActingOnBehalf()
    {
        var id = await CreateAsync("事项页:苕溪市规上工业增加值连续红灯", "330500", "2026-10-30", new
        {
            description = "规上工业增加值增速连续三个月低于目标,请牵头研究对策。",
            supportingOrgs = new[] { "JXT", "TJJ" },
            indicator = "INDUSTRIAL_VALUE_ADDED",
            clearPeriodsToClose = 2,
            priority = "high",
            source = "inspection",
        });
        await MoveAsync(id, "assign", new { comment = "请于10月30日前报结" });
        await MoveAsync(id, "accept");
        await MoveAsync(id, "start", new { comment = "已成立工作专班" });
        await site.AsOperatorAsync(sp => sp.GetRequiredService<EscalateOverdue>().Handle(null, CancellationToken.None));
        await MoveAsync(id, "request-extension", new { comment = "需等待三季度数据", deadline = "2026-12-15" });

        await using var s = await site.OpenAsync();
        await s.GoAsync($"/supervision/items/{id}");
        await Expect(s.Page.Locator("h1")).ToContainTextAsync("苕溪市规上工业增加值连续红灯");
        await Expect(s.Page.Locator("#item-state")).ToHaveTextAsync("延期申请中");
        await Expect(s.Page.Locator("#fact-lead")).ToContainTextAsync("苕溪市");
        await Expect(s.Page.Locator("#fact-supporting")).ToContainTextAsync("省经信厅、省统计局");
        await Expect(s.Page.Locator("#fact-deadline")).ToContainTextAsync("2026-10-30");
        await Expect(s.Page.Locator("#fact-deadline")).ToContainTextAsync("申请延至 2026-12-15");
        await Expect(s.Page.Locator("#fact-indicator")).ToContainTextAsync("苕溪市");
        await Expect(s.Page.Locator("#fact-rule")).ToContainTextAsync("连续 2 期脱离红灯");

        // Oldest first: created, assigned, accepted, started, the three rungs of the ladder, the extension request.
        var entries = s.Page.Locator("#timeline > li");
        string[] actions = ["create", "assign", "accept", "start", "escalate", "escalate", "escalate", "requestextension"];
        (await entries.EvaluateAllAsync<string[]>("ls => ls.map(l => l.dataset.action)")).ShouldBe(actions);
        await Expect(entries.Nth(1)).ToContainTextAsync("起草 → 已交办");
        await Expect(entries.Nth(1)).ToContainTextAsync("请于10月30日前报结");
        await Expect(entries.Nth(2)).ToContainTextAsync("代 苕溪市");
        await Expect(entries.Nth(1)).ToContainTextAsync("代 之江省");
        await Expect(entries.Nth(6)).ToContainTextAsync("三级");
        await Expect(entries.Nth(6)).ToContainTextAsync("逾期16天");
        await Expect(entries.Nth(7)).ToContainTextAsync("需等待三季度数据");

        // The admin may decide the extension or cancel, for the office; nothing else is offered.
        (await s.Page.Locator("form.action-form").EvaluateAllAsync<string[]>("fs => fs.map(f => f.id)"))
            .ShouldBe(["form-approve-extension", "form-reject-extension", "form-cancel"]);
        await Expect(s.Page.Locator("#approve-extension-deadline")).ToHaveValueAsync("2026-12-15");
        await Expect(s.Page.Locator("#form-approve-extension .behalf-note")).ToContainTextAsync("代");
        await s.ShotAsync("item");

        await s.Page.Locator("#do-approve-extension").ClickAsync();
        await Expect(s.Page.Locator(".notice")).ToContainTextAsync("已批准延期");
        await Expect(s.Page.Locator("#item-state")).ToHaveTextAsync("办理中");
        await Expect(s.Page.Locator("#fact-deadline")).ToContainTextAsync("原定 2026-10-30");
        await Expect(s.Page.Locator("#item-level")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task WholeLoop_SupervisorAssigns_TheUnitAcceptsAndSubmits_TheSupervisorVerifies()
    {
        // The supervisor writes the item and hands it to 钱塘市.
        await using var office = await site.OpenAsync(user: "supervisor");
        await office.GoAsync("/supervision");
        await office.Page.Locator("#new-item").ClickAsync();
        await Expect(office.Page).ToHaveURLAsync(new Regex("/supervision/new$"));
        await office.Page.Locator("#Input_Title").FillAsync("闭环:钱塘市限上消费品零售额增速回升");
        await office.Page.Locator("#Input_Description").FillAsync("对照年度目标,提出促消费举措并落实到位。");
        await office.Page.Locator("#Input_LeadOrg").SelectOptionAsync("330100");
        await office.Page.Locator("#Input_SupportingOrgs").SelectOptionAsync(["SWT"]);
        await office.Page.Locator("#Input_Deadline").FillAsync("2026-12-31");
        await office.Page.Locator("#Input_Priority").SelectOptionAsync("Urgent");
        await office.ShotAsync("create");
        await office.Page.Locator("#create").ClickAsync();

        await Expect(office.Page).ToHaveURLAsync(new Regex(@"/supervision/items/\d+$"));
        var id = int.Parse(Regex.Match(office.Page.Url, @"(\d+)$").Value, System.Globalization.CultureInfo.InvariantCulture);
        await Expect(office.Page.Locator(".notice")).ToContainTextAsync("草稿");
        await Expect(office.Page.Locator("#item-state")).ToHaveTextAsync("起草");
        await Expect(office.Page.Locator("#form-accept")).ToHaveCountAsync(0);
        await office.Page.Locator("#assign-comment").FillAsync("请于年底前报结");
        await office.Page.Locator("#do-assign").ClickAsync();
        await Expect(office.Page.Locator("#item-state")).ToHaveTextAsync("已交办");
        await Expect(office.Page.Locator("#form-accept")).ToHaveCountAsync(0, new() { Timeout = 1000 });

        // 钱塘市's reporter sees it on the unit's board, takes it on and reports it done with evidence.
        await using var unit = await site.OpenAsync(user: "reporter");
        await unit.GoAsync("/supervision");
        await Expect(unit.Page.Locator($".board-column[data-state='assigned'] [data-item='{id}']")).ToBeVisibleAsync();
        await unit.Page.Locator($"[data-item='{id}'] a.sv-title").ClickAsync();
        await Expect(unit.Page.Locator("form.action-form")).ToHaveCountAsync(2);
        await unit.Page.Locator("#do-accept").ClickAsync();
        await Expect(unit.Page.Locator("#item-state")).ToHaveTextAsync("已签收");
        await Expect(unit.Page.Locator("#form-verify")).ToHaveCountAsync(0);
        await unit.Page.Locator("#submit-evidence").FillAsync("促消费活动方案.pdf\n11月限上零售额快报");
        await unit.Page.Locator("#submit-comment").FillAsync("已开展汽车、家电以旧换新专项活动");
        await unit.Page.Locator("#do-submit").ClickAsync();
        await Expect(unit.Page.Locator("#item-state")).ToHaveTextAsync("已报结待核验");
        await Expect(unit.Page.Locator("#no-actions")).ToBeVisibleAsync();
        await unit.ShotAsync("submitted");

        // The supervisor verifies: without evidence the item says why not, beside the field; with it, the item closes.
        await office.Page.ReloadAsync();
        await Expect(office.Page.Locator("#form-verify")).ToBeVisibleAsync();
        await office.Page.Locator("#verify-comment").FillAsync("经核查属实");
        await office.Page.Locator("#do-verify").ClickAsync();
        var form = office.Page.Locator("#form-verify");
        await Expect(form.Locator(".field-error")).ToContainTextAsync("办结须附核验证据");
        await Expect(office.Page.Locator("#verify-comment")).ToHaveValueAsync("经核查属实");
        await Expect(office.Page.Locator("#item-state")).ToHaveTextAsync("已报结待核验");
        await office.ShotAsync("refused");

        await office.Page.Locator("#verify-evidence").FillAsync("现场核查记录(2026-11-15)");
        await office.Page.Locator("#do-verify").ClickAsync();
        await Expect(office.Page.Locator(".notice")).ToContainTextAsync("已核验办结");
        await Expect(office.Page.Locator("#item-state")).ToHaveTextAsync("已办结");
        await Expect(office.Page.Locator("#no-actions")).ToBeVisibleAsync();
        var entries = office.Page.Locator("#timeline > li");
        (await entries.EvaluateAllAsync<string[]>("ls => ls.map(l => l.dataset.action)")).ShouldBe(["create", "assign", "accept", "submit", "verify"]);
        await Expect(entries.Nth(2)).ToContainTextAsync("reporter");
        await Expect(entries.Nth(3)).ToContainTextAsync("促消费活动方案.pdf");
        await Expect(entries.Nth(3)).ToContainTextAsync("11月限上零售额快报");
        await Expect(entries.Nth(4)).ToContainTextAsync("supervisor");
        await Expect(entries.Nth(4)).ToContainTextAsync("已报结待核验 → 已办结");
        await Expect(office.Page.Locator("#timeline .behalf")).ToHaveCountAsync(0);

        var item = await site.Http.GetFromJsonAsync<JsonElement>($"/api/supervision/items/{id}");
        item.GetProperty("state").GetString().ShouldBe("closed");
    }

    [Fact]
    public async Task StaleForm_IsRefusedWithTheReason_NotAFault()
    {
        var id = await CreateAsync("过期表单:栝苍市森林防火隐患整改", "331100", "2026-12-31");
        await MoveAsync(id, "assign");
        await MoveAsync(id, "accept");
        await MoveAsync(id, "submit", new { evidence = "整改照片" });

        await using var s = await site.OpenAsync(user: "supervisor");
        await s.GoAsync($"/supervision/items/{id}");
        await s.Page.Locator("#return-comment").FillAsync("照片不能说明整改到位");

        // Meanwhile someone else returns it.
        await MoveAsync(id, "return", new { comment = "缺少验收记录" });
        await s.Page.Locator("#do-return").ClickAsync();

        await Expect(s.Page.Locator("#action-errors")).ToContainTextAsync("事项已被他人处理");
        await Expect(s.Page.Locator("#item-state")).ToHaveTextAsync("已退回");
        await Expect(s.Page.Locator("#form-return")).ToHaveCountAsync(0);
        await Expect(s.Page.Locator("#timeline > li").Last).ToContainTextAsync("缺少验收记录");
    }

    [Fact]
    public async Task RuleOpenedItem_ForAMissingReport_LinksToTheReport()
    {
        // The demo leaves about one unit in eight without its latest monthly report (September, due 2026-10-20).
        await site.AsOperatorAsync(sp => sp.GetRequiredService<RunSupervisionRules>().Handle(new RunSupervisionRules.Request(), CancellationToken.None));
        var items = await site.Http.GetFromJsonAsync<JsonElement>("/api/supervision/items?source=missingReport");
        var id = items.EnumerateArray().First().GetProperty("id").GetInt32();

        await using var s = await site.OpenAsync(user: "supervisor");
        await s.GoAsync($"/supervision/items/{id}");

        await Expect(s.Page.Locator("h1")).ToContainTextAsync("逾期未报送");
        await Expect(s.Page.Locator("h1")).Not.ToContainTextAsync("report missing");
        await Expect(s.Page.Locator("#item-state")).ToHaveTextAsync("起草");
        await Expect(s.Page.Locator("#fact-report a")).ToHaveAttributeAsync("href", new Regex(@"^/reporting/\w+/2026-09$"));
        await s.Page.Locator("#fact-report a").ClickAsync();
        await Expect(s.Page.Locator("#report-state")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task English_TheItemPageSpeaksEnglish()
    {
        var id = await CreateAsync("英文:舟岛市渔港改造", "330900", "2026-12-31");
        await using var s = await site.OpenAsync(user: "supervisor");
        await s.GoAsync($"/supervision/items/{id}?culture=en");
        await Expect(s.Page.Locator("#item-state")).ToHaveTextAsync("Draft");
        await Expect(s.Page.Locator("#actions-title")).ToHaveTextAsync("What you can do now");
        await s.Page.Locator("#do-cancel").ClickAsync();
        await Expect(s.Page.Locator("#form-cancel .field-error")).ToBeVisibleAsync();
        (await s.Page.Locator("#form-cancel .field-error").TextContentAsync())!.ShouldNotMatch(@"\p{IsCJKUnifiedIdeographs}");
    }

    private static ILocator Card(Session s, int id) => s.Page.Locator($".sv-card[data-item='{id}']");

    private async Task<int> CreateAsync(string title, string lead, string deadline, object? more = null)
    {
        var body = new Dictionary<string, object?> { ["title"] = title, ["leadOrg"] = lead, ["deadline"] = deadline };
        if (more is not null)
        {
            foreach (var p in JsonSerializer.SerializeToElement(more).EnumerateObject())
            {
                body[p.Name] = p.Value;
            }
        }

        var response = await site.Http.PostAsJsonAsync("/api/supervision/items", body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private async Task MoveAsync(int id, string verb, object? body = null)
    {
        var response = await site.Http.PostAsJsonAsync($"/api/supervision/items/{id}/{verb}", body ?? new { });
        response.IsSuccessStatusCode.ShouldBeTrue($"{verb} #{id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
