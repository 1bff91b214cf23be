using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Identity;
using Luoshi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Web.Tests.Api;

/// <summary>
/// Every API endpoint of the running app × every kind of caller × a unit inside and outside the caller's
/// scope. An endpoint without an authorization decision, or without a probe here, fails the test, so a
/// new endpoint cannot ship unguarded.
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private const string In = "in";
    private const string Out = "out";

    private TestApp _app = null!;
    private int _documentId;
    private int _directive;
    private int _rejectable;
    private int _target;
    private int _figure;
    private readonly Dictionary<string, HttpClient> _callers = [];
    private readonly Dictionary<string, (Role Role, string? Scope)?> _grants = [];
    private int _serial;

    private sealed record Probe(Permission? Needs, Scope Scope, Func<HttpClient, string, Task<HttpResponseMessage>> Call, bool Anonymous = false, bool PerUnit = true);

    private enum Scope
    {
        /// <summary>Allowed wherever the role's grant reaches.</summary>
        Subtree,

        /// <summary>Needs the permission over the whole tree.</summary>
        Everywhere,

        /// <summary>Not about a unit.</summary>
        None,

        /// <summary>
        /// Needs a grant bound to the unit or below it — the unit's own people (a supervision item's lead unit);
        /// a grant over everything is not one of them, except an Admin's, who acts on their behalf.
        /// </summary>
        Within,
    }

    private Dictionary<string, Probe> Probes() => new()
    {
        ["GET /api/org-units/"] = Public(c => c.GetAsync("/api/org-units")),
        ["GET /api/org-units/{code}"] = Public(c => c.GetAsync("/api/org-units/330100")),
        ["POST /api/org-units/"] = new(Permission.ManageOrgUnits, Scope.Subtree, (c, u) => c.PostAsJsonAsync("/api/org-units", new { code = Next("X"), name = "探针县", kind = "county", parent = u == In ? "330100" : "330200" })),
        ["PUT /api/org-units/{code}"] = new(Permission.ManageOrgUnits, Scope.Subtree, async (c, u) =>
        {
            var code = u == In ? "330102" : "330202";
            var unit = JsonNode.Parse(await _app.Client.GetStringAsync($"/api/org-units/{code}"))!;
            return await c.PutAsJsonAsync($"/api/org-units/{code}", new { name = unit["name"]!.GetValue<string>(), parent = u == In ? "330100" : "330200", version = unit["version"]!.GetValue<int>() });
        }),
        ["GET /api/plan-items/"] = Public(c => c.GetAsync("/api/plan-items")),
        ["GET /api/plan-items/{code}"] = Public(c => c.GetAsync("/api/plan-items/P0")),
        ["POST /api/plan-items/"] = new(Permission.ManagePlans, Scope.Subtree, (c, u) => c.PostAsJsonAsync("/api/plan-items", new { code = Next("T"), kind = "task", title = "探针任务", parent = "P0", lead = u == In ? "330100" : "330200" })),
        ["PUT /api/plan-items/{code}"] = new(Permission.ManagePlans, Scope.Subtree, async (c, u) =>
        {
            var code = u == In ? "TIN" : "TOUT";
            var item = JsonNode.Parse(await _app.Client.GetStringAsync($"/api/plan-items/{code}"))!;
            return await c.PutAsJsonAsync($"/api/plan-items/{code}", new { kind = "task", title = "任务", parent = "P0", lead = u == In ? "330100" : "330200", version = item["version"]!.GetValue<int>() });
        }),
        ["GET /api/indicators/"] = Public(c => c.GetAsync("/api/indicators")),
        ["GET /api/indicators/{code}"] = Public(c => c.GetAsync("/api/indicators/FAI")),
        ["POST /api/indicators/"] = new(Permission.ManageIndicators, Scope.Everywhere, (c, _) => c.PostAsJsonAsync("/api/indicators", new { code = Next("I"), name = "探针指标", unit = "", direction = "higher", frequency = "month", valueKind = "level" }), PerUnit: false),
        ["PUT /api/indicators/{code}"] = new(Permission.ManageIndicators, Scope.Everywhere, async (c, _) =>
        {
            var fai = JsonNode.Parse(await _app.Client.GetStringAsync("/api/indicators/FAI"))!;
            return await c.PutAsJsonAsync("/api/indicators/FAI", new { name = "固定资产投资", unit = "亿元", direction = "higher", frequency = "month", valueKind = "cumulative", aggregation = "sum", tolerance = "5%", version = fai["version"]!.GetValue<int>() });
        }, PerUnit: false),
        ["GET /api/targets/"] = Public(c => c.GetAsync("/api/targets")),
        ["POST /api/targets/"] = new(Permission.ManageTargets, Scope.Subtree, (c, u) => c.PostAsJsonAsync("/api/targets", new { indicator = "GDP", org = u == In ? "330102" : "330202", year = "2026", value = 100 + Interlocked.Increment(ref _serial), qualifier = "atLeast" })),
        ["POST /api/readings/import"] = new(Permission.WriteReadings, Scope.Subtree, (c, u) => c.PostAsync("/api/readings/import", new MultipartFormDataContent
        {
            { new StringContent($"indicator,org,period,value\nFAI,{(u == In ? "330102" : "330202")},2026-01,{Interlocked.Increment(ref _serial)}\n"), "file", "r.csv" },
        })),
        ["GET /api/readings/"] = Public(c => c.GetAsync("/api/readings?indicator=FAI")),
        ["POST /api/readings/"] = new(Permission.WriteReadings, Scope.Subtree, (c, u) => c.PostAsJsonAsync("/api/readings", new { indicator = "FAI", org = u == In ? "330102" : "330202", period = "2026-01", value = Interlocked.Increment(ref _serial) })),
        ["GET /api/readings/history"] = new(Permission.ReadAll, Scope.Subtree, (c, u) => c.GetAsync($"/api/readings/history?indicator=FAI&org={(u == In ? "330102" : "330202")}&period=2025-01")),
        ["GET /api/evaluation/"] = new(Permission.ReadAll, Scope.Subtree, (c, u) => c.GetAsync($"/api/evaluation?period=2026-01&org={(u == In ? "330100" : "330200")}")),
        ["GET /api/evaluation/series"] = new(Permission.ReadAll, Scope.Subtree, (c, u) => c.GetAsync($"/api/evaluation/series?indicator=FAI&org={(u == In ? "330100" : "330200")}&from=2026-01&to=2026-02")),
        ["GET /api/evaluation/plan"] = new(Permission.ReadAll, Scope.Everywhere, (c, _) => c.GetAsync("/api/evaluation/plan?period=2026-01"), PerUnit: false),
        ["GET /api/evaluation/checks"] = new(Permission.ReadAll, Scope.Subtree, (c, u) => c.GetAsync($"/api/evaluation/checks?year=2025&org={(u == In ? "330100" : "330200")}")),
        ["GET /api/overview"] = new(Permission.ReadAll, Scope.Subtree, (c, u) => c.GetAsync($"/api/overview?period=2026-01&org={(u == In ? "330100" : "330200")}")),
        ["GET /api/evaluation/export"] = new(Permission.ReadAll, Scope.Subtree, (c, u) => c.GetAsync($"/api/evaluation/export?format=csv&period=2026-01&org={Org(u)}")),
        ["GET /api/readings/export"] = Public(c => c.GetAsync("/api/readings/export?format=csv&indicator=FAI")),
        ["GET /api/reporting/assignments"] = new(null, Scope.None, (c, _) => c.GetAsync("/api/reporting/assignments"), PerUnit: false),
        ["GET /api/reporting/rules"] = new(null, Scope.None, (c, _) => c.GetAsync("/api/reporting/rules"), PerUnit: false),
        ["GET /api/reporting/revisions"] = new(Permission.ReadAll, Scope.Subtree, (c, u) => c.GetAsync($"/api/reporting/revisions?org={Org(u)}")),
        ["GET /api/reporting/template"] = new(Permission.ReadAll, Scope.Subtree, (c, u) => c.GetAsync($"/api/reporting/template?org={County(u)}&period=2026-02")),
        ["GET /api/reporting/timeliness"] = new(Permission.ReadAll, Scope.Subtree, (c, u) => c.GetAsync($"/api/reporting/timeliness?under={Org(u)}")),
        ["GET /api/reports/"] = new(Permission.ReadAll, Scope.Subtree, (c, u) => c.GetAsync($"/api/reports?state=all&under={Org(u)}")),
        ["GET /api/reports/{org}/{period}"] = new(Permission.ReadAll, Scope.Subtree, (c, u) => c.GetAsync($"/api/reports/{County(u)}/2026-02")),
        ["POST /api/reporting/assignments"] = new(Permission.ManageTargets, Scope.Subtree, (c, u) => c.PostAsJsonAsync("/api/reporting/assignments", new { indicator = "UNEMP", org = County(u) })),
        ["POST /api/reporting/rules"] = new(Permission.ManageIndicators, Scope.Everywhere, (c, _) => c.PostAsJsonAsync("/api/reporting/rules", new { code = Next("R"), kind = "range", indicator = "UNEMP", min = 0, max = 20, message = "范围" }), PerUnit: false),
        ["POST /api/reporting/upload"] = new(Permission.WriteReadings, Scope.Subtree, (c, u) =>
        {
            var form = new MultipartFormDataContent { { new StringContent($"indicator,org,period,value\nFAI,{County(u)},2026-02,{Interlocked.Increment(ref _serial)}\n"), "file", "r.csv" } };
            return c.PostAsync($"/api/reporting/upload?org={County(u)}&period=2026-02", form);
        }),
        ["POST /api/reporting/revisions"] = new(Permission.WriteReadings, Scope.Subtree, (c, u) => c.PostAsJsonAsync("/api/reporting/revisions", new { indicator = "FAI", org = County(u), period = "2025-01", value = 2, reason = "更正" })),
        ["POST /api/reporting/revisions/{id:int}/approve"] = new(Permission.ReviewReadings, Scope.Subtree, async (c, u) => await c.PostAsJsonAsync($"/api/reporting/revisions/{await PendingRevision(u)}/approve", new { comment = "ok" })),
        ["POST /api/reporting/revisions/{id:int}/reject"] = new(Permission.ReviewReadings, Scope.Subtree, async (c, u) => await c.PostAsJsonAsync($"/api/reporting/revisions/{await PendingRevision(u)}/reject", new { comment = "no" })),
        ["POST /api/reports/{org}/{period}/submit"] = new(Permission.WriteReadings, Scope.Subtree, (c, u) => c.PostAsJsonAsync($"/api/reports/{County(u)}/2026-02/submit", new { comment = "报送" })),
        ["POST /api/reports/{org}/{period}/approve"] = new(Permission.ReviewReadings, Scope.Subtree, (c, u) => c.PostAsJsonAsync($"/api/reports/{County(u)}/2026-02/approve", new { comment = "同意" })),
        ["POST /api/reports/{org}/{period}/return"] = new(Permission.ReviewReadings, Scope.Subtree, (c, u) => c.PostAsJsonAsync($"/api/reports/{County(u)}/2026-02/return", new { comment = "退回" })),
        ["GET /api/projects/"] = Public(c => c.GetAsync("/api/projects")),
        ["GET /api/projects/{code}"] = Public(c => c.GetAsync("/api/projects/NOPE")),
        ["GET /api/projects/summary"] = new(Permission.ReadAll, Scope.Subtree, (c, u) => c.GetAsync($"/api/projects/summary?year=2026&org={Org(u)}")),
        ["GET /api/projects/summary/export"] = new(Permission.ReadAll, Scope.Subtree, (c, u) => c.GetAsync($"/api/projects/summary/export?format=csv&year=2026&org={Org(u)}")),
        ["POST /api/projects/import/{kind}"] = new(Permission.ManagePlans, Scope.Subtree, (c, u) =>
        {
            var csv = $"code,name,org,category,totalInvestment,plannedStart,plannedCompletion,stage\n{Next("XM")},探针项目,{County(u)},交通,10,2026-01-01,2027-01-01,前期\n";
            return c.PostAsync("/api/projects/import/projects", new MultipartFormDataContent { { new StringContent(csv), "file", "p.csv" } });
        }),
        ["GET /api/projects/browse"] = Public(c => c.GetAsync("/api/projects/browse")),
        ["GET /api/projects/{code}/curve"] = Public(c => c.GetAsync("/api/projects/XMIN/curve")),
        ["GET /api/projects/progress/template"] = new(Permission.ReadAll, Scope.Subtree, (c, u) => c.GetAsync($"/api/projects/progress/template?org={County(u)}&month=2026-02")),
        ["POST /api/projects/progress/upload"] = new(Permission.ManagePlans, Scope.Subtree, (c, u) =>
        {
            var csv = $"project,month,completedInvestment,actualStart\n{(u == In ? "XMIN" : "XMOUT")},2026-02,{Interlocked.Increment(ref _serial)},\n";
            return c.PostAsync("/api/projects/progress/upload", new MultipartFormDataContent { { new StringContent(csv), "file", "p.csv" } });
        }),
        ["GET /api/publication/"] = new(Permission.ReadAll, Scope.Everywhere, (c, _) => c.GetAsync("/api/publication"), PerUnit: false),
        ["PUT /api/publication/{kind}/{code}"] = new(Permission.ManageIndicators, Scope.Everywhere, (c, _) => c.PutAsJsonAsync("/api/publication/indicator/FAI", new { @public = true }), PerUnit: false),
        ["GET /api/policies/"] = Public(c => c.GetAsync("/api/policies")),
        ["GET /api/policies/{code}"] = Public(c => c.GetAsync("/api/policies/NOPE")),
        ["GET /api/policies/summary"] = new(Permission.ReadAll, Scope.Everywhere, (c, _) => c.GetAsync("/api/policies/summary?by=region"), PerUnit: false),
        ["GET /api/policies/summary/export"] = new(Permission.ReadAll, Scope.Everywhere, (c, _) => c.GetAsync("/api/policies/summary/export?format=csv&by=department"), PerUnit: false),
        ["GET /api/policies/cases"] = new(Permission.ReadAll, Scope.Subtree, (c, u) => c.GetAsync($"/api/policies/cases?org={Org(u)}")),
        ["GET /api/policies/cases/history"] = new(Permission.ReadAll, Scope.Everywhere, (c, _) => c.GetAsync("/api/policies/cases/history?measure=NOPE&enterprise=91350100M000100Y43&applied=2026-01-05"), PerUnit: false),
        ["GET /api/policies/enterprises/{code}"] = new(Permission.ReadAll, Scope.Everywhere, (c, _) => c.GetAsync("/api/policies/enterprises/91350100M000100Y43"), PerUnit: false),
        ["GET /api/policies/template/{kind}"] = new(Permission.ReadAll, Scope.Everywhere, (c, _) => c.GetAsync("/api/policies/template/holidays?format=csv"), PerUnit: false),
        ["POST /api/policies/upload/{kind}"] = new(Permission.ManagePlans, Scope.Everywhere, (c, _) =>
            c.PostAsync("/api/policies/upload/holidays", new MultipartFormDataContent { { new StringContent("date,kind\n2026-10-01,holiday\n"), "file", "h.csv" } }), PerUnit: false),
        ["POST /api/policies/import/{kind}"] = new(Permission.ManagePlans, Scope.Everywhere, (c, _) =>
            c.PostAsync("/api/policies/import/holidays", new MultipartFormDataContent { { new StringContent("date,kind\n2026-10-02,holiday\n"), "file", "h.csv" } }), PerUnit: false),
        ["GET /api/projects/template/{kind}"] = new(Permission.ReadAll, Scope.Subtree, (c, u) => c.GetAsync($"/api/projects/template/project-plans?org={County(u)}&year=2026")),
        ["POST /api/projects/upload/{kind}"] = new(Permission.ManagePlans, Scope.Subtree, (c, u) =>
        {
            var csv = $"project,year,plannedInvestment\n{(u == In ? "XMIN" : "XMOUT")},2026,{Interlocked.Increment(ref _serial)}\n";
            return c.PostAsync("/api/projects/upload/project-plans", new MultipartFormDataContent { { new StringContent(csv), "file", "p.csv" } });
        }),
        ["POST /api/assessment/preview"] = new(Permission.ReadAll, Scope.Everywhere, (c, _) => c.PostAsync("/api/assessment/preview", Json(SchemeJson)), PerUnit: false),
        ["POST /api/assessment/runs"] = new(Permission.ManageTargets, Scope.Everywhere, (c, _) => c.PostAsync("/api/assessment/runs", Json(SchemeJson)), PerUnit: false),
        ["GET /api/assessment/runs/{id:int}"] = new(Permission.ReadAll, Scope.Everywhere, async (c, _) => await c.GetAsync($"/api/assessment/runs/{await RunId()}"), PerUnit: false),
        ["GET /api/assessment/runs/{id:int}/verify"] = new(Permission.ReadAll, Scope.Everywhere, async (c, _) => await c.GetAsync($"/api/assessment/runs/{await RunId()}/verify"), PerUnit: false),
        ["GET /api/assessment/runs/{id:int}/export"] = new(Permission.ReadAll, Scope.Everywhere, async (c, _) => await c.GetAsync($"/api/assessment/runs/{await RunId()}/export?format=csv"), PerUnit: false),
        ["POST /api/assessment/runs/{id:int}/publish"] = new(Permission.ManageTargets, Scope.Everywhere, async (c, _) => await c.PostAsync($"/api/assessment/runs/{await RunId()}/publish", null), PerUnit: false),
        ["GET /api/assessment/schemes"] = new(Permission.ReadAll, Scope.Everywhere, (c, _) => c.GetAsync("/api/assessment/schemes"), PerUnit: false),
        ["GET /api/assessment/schemes/{id:int}"] = new(Permission.ReadAll, Scope.Everywhere, async (c, _) => await c.GetAsync($"/api/assessment/schemes/{await SchemeId()}"), PerUnit: false),
        ["POST /api/assessment/schemes"] = new(Permission.ManageTargets, Scope.Everywhere, (c, _) => c.PostAsync("/api/assessment/schemes", Json(SchemeJson)), PerUnit: false),
        ["GET /api/assessment/runs"] = new(Permission.ReadAll, Scope.Everywhere, (c, _) => c.GetAsync("/api/assessment/runs"), PerUnit: false),
        ["POST /api/assessment/runs/{id:int}/appeals"] = new(Permission.ManageTargets, Scope.Everywhere, async (c, _) =>
        {
            var id = await RunId();
            await _app.Client.PostAsync($"/api/assessment/runs/{id}/publish", null);
            return await c.PostAsync($"/api/assessment/runs/{id}/appeals", Json("""{"org":"330100","points":1,"reason":"申诉"}"""));
        }, PerUnit: false),
        ["POST /api/auth/sign-in"] = new(null, Scope.None, (c, _) => c.PostAsJsonAsync("/api/auth/sign-in", new { name = "matrix-signin", password = "Matrix-pass-2026" }), Anonymous: true, PerUnit: false),
        ["POST /api/auth/sign-out"] = new(null, Scope.None, (c, _) => c.PostAsync("/api/auth/sign-out", null), PerUnit: false),
        ["GET /api/auth/me"] = new(null, Scope.None, (c, _) => c.GetAsync("/api/auth/me"), PerUnit: false),
        ["GET /api/tokens/"] = new(null, Scope.None, (c, _) => c.GetAsync("/api/tokens"), PerUnit: false),
        ["POST /api/tokens/"] = new(null, Scope.None, (c, _) => c.PostAsJsonAsync("/api/tokens", new { name = "probe" }), PerUnit: false),
        ["DELETE /api/tokens/{id:int}"] = new(null, Scope.None, async (c, _) =>
        {
            var created = await c.PostAsJsonAsync("/api/tokens", new { name = "to-revoke" });
            var id = created.IsSuccessStatusCode ? JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<int>() : 1;
            return await c.DeleteAsync($"/api/tokens/{id}");
        }, PerUnit: false),
        ["GET /api/users/"] = new(Permission.ManageUsers, Scope.None, (c, _) => c.GetAsync("/api/users"), PerUnit: false),
        ["POST /api/users/"] = new(Permission.ManageUsers, Scope.Subtree, (c, u) => c.PostAsJsonAsync("/api/users", new { name = Next("u").ToLowerInvariant(), role = "reporter", org = u == In ? "330102" : "330202" })),
        ["GET /api/audit/"] = new(Permission.ReadAudit, Scope.None, (c, _) => c.GetAsync("/api/audit?limit=5"), PerUnit: false),
        ["GET /api/audit/verify"] = new(Permission.ReadAudit, Scope.None, (c, _) => c.GetAsync("/api/audit/verify"), PerUnit: false),

        // Supervision: the supervising side acts on items led by a county of the unit (in) or of another city
        // (out); the lead side acts on items its own unit leads.
        ["POST /api/supervision/items"] = new(Permission.Supervise, Scope.Subtree, (c, u) => c.PostAsJsonAsync("/api/supervision/items", new { title = "探针事项", leadOrg = u == In ? "330102" : "330202", deadline = "2026-12-31" })),
        ["GET /api/supervision/items"] = new(Permission.ReadAll, Scope.Subtree, (c, u) => c.GetAsync($"/api/supervision/items?org={(u == In ? "330100" : "330200")}")),
        ["GET /api/supervision/items/{id:int}"] = new(Permission.ReadAll, Scope.Subtree, async (c, u) => await c.GetAsync($"/api/supervision/items/{await Item(u == In ? "330102" : "330202")}")),
        ["POST /api/supervision/items/{id:int}/assign"] = Supervising("assign"),
        ["POST /api/supervision/items/{id:int}/verify"] = Supervising("verify", "assign", "accept", "submit"),
        ["POST /api/supervision/items/{id:int}/return"] = Supervising("return", "assign", "accept", "submit"),
        ["POST /api/supervision/items/{id:int}/approve-extension"] = Supervising("approve-extension", "assign", "request-extension"),
        ["POST /api/supervision/items/{id:int}/reject-extension"] = Supervising("reject-extension", "assign", "request-extension"),
        ["POST /api/supervision/items/{id:int}/cancel"] = Supervising("cancel", "assign"),
        ["POST /api/supervision/items/{id:int}/accept"] = Leading("accept", "assign"),
        ["POST /api/supervision/items/{id:int}/start"] = Leading("start", "assign", "accept"),
        ["POST /api/supervision/items/{id:int}/submit"] = Leading("submit", "assign", "accept"),
        ["POST /api/supervision/items/{id:int}/request-extension"] = Leading("request-extension", "assign", "accept"),
        ["GET /api/supervision/board"] = new(Permission.ReadAll, Scope.Subtree, (c, u) => c.GetAsync($"/api/supervision/board?org={(u == In ? "330100" : "330200")}")),
        ["GET /api/supervision/overdue"] = new(Permission.ReadAll, Scope.Subtree, (c, u) => c.GetAsync($"/api/supervision/overdue?org={(u == In ? "330100" : "330200")}")),
        ["GET /api/supervision/metrics"] = new(Permission.ReadAll, Scope.Subtree, (c, u) => c.GetAsync($"/api/supervision/metrics?org={(u == In ? "330100" : "330200")}")),
        ["POST /api/supervision/run"] = new(Permission.Supervise, Scope.Everywhere, (c, _) => c.PostAsync("/api/supervision/run?asOf=2026-07-25", null), PerUnit: false),
        ["GET /api/supervision/rules/"] = new(Permission.ReadAll, Scope.None, (c, _) => c.GetAsync("/api/supervision/rules"), PerUnit: false),
        ["GET /api/supervision/rules/{code}"] = new(Permission.ReadAll, Scope.None, (c, _) => c.GetAsync("/api/supervision/rules/default"), PerUnit: false),
        ["GET /api/supervision/rules/preview"] = new(Permission.Supervise, Scope.Everywhere, (c, _) => c.GetAsync("/api/supervision/rules/preview?asOf=2026-07-25"), PerUnit: false),
        ["GET /api/supervision/rules/{code}/preview"] = new(Permission.Supervise, Scope.Everywhere, (c, _) => c.GetAsync("/api/supervision/rules/default/preview?asOf=2026-07-25"), PerUnit: false),
        ["POST /api/supervision/rules/"] = new(Permission.Supervise, Scope.Everywhere, (c, _) => c.PostAsJsonAsync("/api/supervision/rules", new { code = $"probe-{Interlocked.Increment(ref _serial)}", name = "探针规则", indicators = new[] { "FAI" } }), PerUnit: false),
        ["PUT /api/supervision/rules/{code}"] = new(Permission.Supervise, Scope.Everywhere, async (c, _) =>
        {
            var rule = JsonNode.Parse(await _app.Client.GetStringAsync("/api/supervision/rules/default"))!;
            return await c.PutAsJsonAsync("/api/supervision/rules/default", new { name = "默认规则", periods = 3, version = rule["version"]!.GetValue<int>() });
        }, PerUnit: false),
        ["POST /api/supervision/rules/{code}/enable"] = new(Permission.Supervise, Scope.Everywhere, (c, _) => c.PostAsJsonAsync("/api/supervision/rules/default/enable", new { }), PerUnit: false),
        ["POST /api/supervision/rules/{code}/disable"] = new(Permission.Supervise, Scope.Everywhere, (c, _) => c.PostAsJsonAsync("/api/supervision/rules/default/disable", new { }), PerUnit: false),
        ["GET /api/notifications/"] = new(Permission.ReadAll, Scope.Subtree, (c, u) => c.GetAsync($"/api/notifications?org={(u == In ? "330100" : "330200")}")),
        ["GET /api/notifications/mine"] = new(null, Scope.None, (c, _) => c.GetAsync("/api/notifications/mine"), PerUnit: false),
        ["PUT /api/notifications/preferences"] = new(null, Scope.None, (c, _) => c.PutAsJsonAsync("/api/notifications/preferences", new { digest = true }), PerUnit: false),
        ["GET /api/notifications/failures"] = new(Permission.ManageUsers, Scope.Everywhere, (c, _) => c.GetAsync("/api/notifications/failures"), PerUnit: false),
        ["POST /api/notifications/test"] = new(Permission.ManageUsers, Scope.Everywhere, (c, _) => c.PostAsJsonAsync("/api/notifications/test", new { to = "probe@example.org" }), PerUnit: false),
        ["POST /api/notifications/{id:long}/read"] = new(Permission.ReadAll, Scope.Subtree, async (c, u) =>
        {
            var unit = u == In ? "330100" : "330200";
            await Item(unit, "assign");
            var inbox = JsonNode.Parse(await _app.Client.GetStringAsync($"/api/notifications?org={unit}&limit=1"))!;
            return await c.PostAsync($"/api/notifications/{inbox["items"]![0]!["id"]!.GetValue<long>()}/read", null);
        }),
        ["POST /api/documents/"] = new(Permission.ManagePlans, Scope.None, (c, _) =>
        {
            var form = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"要加快{Next("探针")}建设。")), "file", "probe.txt" } };
            return c.PostAsync("/api/documents", form);
        }, PerUnit: false),
        ["POST /api/documents/text"] = new(Permission.ManagePlans, Scope.None, (c, _) => c.PostAsJsonAsync("/api/documents/text", new { title = "探针", text = $"要抓好{Next("探针")}工作。" }), PerUnit: false),
        ["GET /api/documents/"] = new(Permission.ReadAll, Scope.None, (c, _) => c.GetAsync("/api/documents"), PerUnit: false),
        ["GET /api/documents/{id:int}"] = new(Permission.ReadAll, Scope.None, (c, _) => c.GetAsync($"/api/documents/{_documentId}"), PerUnit: false),
        ["GET /api/documents/{id:int}/original"] = new(Permission.ReadAll, Scope.None, (c, _) => c.GetAsync($"/api/documents/{_documentId}/original"), PerUnit: false),
        ["POST /api/documents/{id:int}/items/{number:int}/accept-plan"] = new(Permission.ManagePlans, Scope.Subtree, (c, u) =>
            c.PostAsJsonAsync($"/api/documents/{_documentId}/items/{_directive}/accept-plan", new { code = Next("D"), parent = "P0", lead = u == In ? "330100" : "330200" })),
        ["POST /api/documents/{id:int}/items/{number:int}/accept-policy"] = new(Permission.ManagePlans, Scope.Subtree, (c, u) =>
            c.PostAsJsonAsync($"/api/documents/{_documentId}/items/{_directive}/accept-policy", new { code = Next("ZC"), lead = u == In ? "330100JX" : "330200JX", package = "探针" })),
        ["POST /api/documents/{id:int}/items/{number:int}/accept-target"] = new(Permission.ManageTargets, Scope.Subtree, (c, u) =>
            c.PostAsJsonAsync($"/api/documents/{_documentId}/items/{_target}/accept-target", new { indicator = "GDP", org = u == In ? "330102" : "330202", year = "2026" })),
        ["POST /api/documents/{id:int}/items/{number:int}/accept-reading"] = new(Permission.WriteReadings, Scope.Subtree, (c, u) =>
            c.PostAsJsonAsync($"/api/documents/{_documentId}/items/{_figure}/accept-reading", new { indicator = "FAI", org = u == In ? "330102" : "330202", period = "2026-03" })),
        ["POST /api/documents/{id:int}/items/{number:int}/reject"] = new(Permission.ManagePlans, Scope.None, (c, _) =>
            c.PostAsJsonAsync($"/api/documents/{_documentId}/items/{_rejectable}/reject", new { note = "探针" }), PerUnit: false),
        ["GET /api/documents/timeline"] = new(Permission.ReadAll, Scope.None, (c, _) => c.GetAsync("/api/documents/timeline?term=八八战略"), PerUnit: false),
        ["GET /api/documents/diff"] = new(Permission.ReadAll, Scope.None, (c, _) => c.GetAsync($"/api/documents/diff?from={_documentId}&to={_documentId}"), PerUnit: false),
    };

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(Db.Sqlite);
        await _app.ImportCsvAsync(ImportKind.Orgs, AppFixture.OrgsCsv);
        await _app.ImportCsvAsync(ImportKind.Orgs, "code,name,kind,parent\n330100JX,甲市经信局,Department,330100\n330200JX,乙市经信局,Department,330200\n");
        await _app.ImportCsvAsync(ImportKind.Indicators, AppFixture.IndicatorsCsv);
        await _app.ImportCsvAsync(ImportKind.Plans, "code,kind,title,parent,lead,supporting,start,due,horizon,indicators\nS0,Strategy,战略,,,,,,,\nP0,Programme,工程,S0,,,,,,\nTIN,Task,任务,P0,330100,,,,,\nTOUT,Task,任务,P0,330200,,,,,\n");
        await _app.ImportCsvAsync(ImportKind.Readings, "indicator,org,period,value\nFAI,330102,2025-01,1\nFAI,330202,2025-01,1\n");
        var projects = "code,name,org,category,totalInvestment,plannedStart,plannedCompletion,stage\nXMIN,探针项目,330102,交通,10,2026-01-01,2027-01-01,续建\nXMOUT,探针项目,330202,交通,10,2026-01-01,2027-01-01,续建\n";
        (await _app.Client.PostAsync("/api/projects/import/projects", new MultipartFormDataContent { { new StringContent(projects), "file", "p.csv" } })).EnsureSuccessStatusCode();
        await using (var scope = _app.OperatorScope())
        {
            await scope.ServiceProvider.GetRequiredService<Luoshi.Application.Identity.AddUser>()
                .Handle(new("matrix-signin", Role.Public, null, "Matrix-pass-2026"), CancellationToken.None);
            var document = await scope.ServiceProvider.GetRequiredService<Luoshi.Application.Documents.IngestDocument>().FromText(
                new("探针文件", "深入实施“八八战略”。要加快建设现代化产业体系。要抓好安全生产。全省生产总值增长5.5%左右。上半年全省固定资产投资增长3.2%。"), CancellationToken.None);
            _documentId = document.Id;
            var directives = document.Items.Where(i => i.Kind == Luoshi.Domain.Documents.DocumentItemKind.Directive).ToList();
            _directive = directives[0].Number;
            _rejectable = directives[1].Number;
            _target = document.Items.Single(i => i.Kind == Luoshi.Domain.Documents.DocumentItemKind.Target).Number;
            _figure = document.Items.Single(i => i.Kind == Luoshi.Domain.Documents.DocumentItemKind.Figure).Number;
        }

        (string Name, Role Role, string? Scope)[] callers =
        [
            ("m-admin", Role.Admin, null), ("m-admin-city", Role.Admin, "330100"), ("m-planner", Role.Planner, null), ("m-planner-city", Role.Planner, "330100"),
            ("m-reporter", Role.Reporter, "330100"), ("m-reviewer", Role.Reviewer, "330100"), ("m-supervisor", Role.Supervisor, null),
            ("m-leader", Role.Leader, null), ("m-public", Role.Public, null),
        ];
        foreach (var (name, role, scope) in callers)
        {
            _callers[name] = await _app.ClientFor(name, role, scope);
            _grants[name] = (role, scope);
        }

        _callers["anonymous"] = _app.Anonymous;
        _grants["anonymous"] = null;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void EveryApiEndpoint_HasAnAuthorizationDecision_AndAProbe()
    {
        var probes = Probes();
        var missing = new List<string>();
        foreach (var (key, endpoint) in ApiEndpoints())
        {
            bool decided = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0;
            if (!decided)
            {
                missing.Add($"{key}: no policy and not marked anonymous");
            }

            if (!probes.ContainsKey(key))
            {
                missing.Add($"{key}: no probe in this test");
            }
        }

        missing.ShouldBeEmpty();
        ApiEndpoints().Count.ShouldBeGreaterThanOrEqualTo(25);
    }

    [Fact]
    public async Task EveryEndpoint_AnswersEachCallerAsTheRolesAndScopesSay()
    {
        var wrong = new List<string>();
        int checks = 0;
        var probes = Probes();
        foreach (var (key, _) in ApiEndpoints())
        {
            if (!probes.TryGetValue(key, out var probe))
            {
                wrong.Add($"{key}: no probe");
                continue;
            }

            foreach (var (caller, client) in _callers)
            {
                foreach (var unit in probe.PerUnit ? new[] { In, Out } : [In])
                {
                    var expected = Expected(probe, _grants[caller], unit);
                    using var response = await probe.Call(client, unit);
                    checks++;
                    var status = response.StatusCode;
                    bool ok = expected switch
                    {
                        Answer.Allowed => status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)status < 500,
                        Answer.Unauthenticated => status == HttpStatusCode.Unauthorized,
                        _ => status == HttpStatusCode.Forbidden,
                    };
                    if (!ok)
                    {
                        wrong.Add($"{key} as {caller} on {unit}: expected {expected}, got {(int)status} {await response.Content.ReadAsStringAsync()}");
                    }
                }
            }
        }

        wrong.ShouldBeEmpty();
        checks.ShouldBeGreaterThan(300);
    }

    [Fact]
    public async Task OpenApiAndHealth_StayAnonymous()
    {
        (await _app.Anonymous.GetAsync("/openapi/v1.json")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _app.Anonymous.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private enum Answer
    {
        Allowed,
        Unauthenticated,
        Forbidden,
    }

    private static Answer Expected(Probe probe, (Role Role, string? Scope)? grant, string unit)
    {
        if (probe.Anonymous || (grant is null && probe.Needs is Permission.ReadPublished))
        {
            return Answer.Allowed;
        }

        if (grant is not { } g)
        {
            return Answer.Unauthenticated;
        }

        if (probe.Needs is not { } needs)
        {
            return Answer.Allowed;
        }

        if (!g.Role.Grants(needs))
        {
            return Answer.Forbidden;
        }

        return (probe.Scope, g.Scope, unit) switch
        {
            (Scope.Within, null, _) when g.Role != Role.Admin => Answer.Forbidden,
            (Scope.Within, not null, Out) => Answer.Forbidden,
            (Scope.Everywhere, not null, _) => Answer.Forbidden,
            (Scope.Subtree, not null, Out) => Answer.Forbidden,
            _ => Answer.Allowed,
        };
    }

    private const string SchemeJson = """{"name":"探针","year":2026,"period":"2026-01","group":["330100","330200"],"criteria":[{"code":"C","name":"c","points":10,"source":"manual","method":{"type":"linear","floor":0,"ceiling":10},"scores":[{"org":"330100","points":5}]}],"grades":[{"name":"一般"}]}""";

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    /// <summary>A fresh draft run made by the admin.</summary>
    private async Task<int> RunId()
    {
        var response = await _app.Client.PostAsync("/api/assessment/runs", Json(SchemeJson));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["runId"]!.GetValue<int>();
    }

    /// <summary>The probe scheme's stored version, saved by the admin.</summary>
    private async Task<int> SchemeId()
    {
        var response = await _app.Client.PostAsync("/api/assessment/schemes", Json(SchemeJson));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["version"]!["id"]!.GetValue<int>();
    }

    private static string Org(string unit) => unit == In ? "330100" : "330200";

    private static string County(string unit) => unit == In ? "330102" : "330202";

    /// <summary>A fresh pending revision request on the unit's approved cell, opened by the admin.</summary>
    private async Task<int> PendingRevision(string unit)
    {
        var response = await _app.Client.PostAsJsonAsync("/api/reporting/revisions", new { indicator = "FAI", org = County(unit), period = "2025-01", value = Interlocked.Increment(ref _serial), reason = "探针" });
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();
    }

    /// <summary>A supervising-side transition on a fresh item brought to the state it needs.</summary>
    private Probe Supervising(string verb, params string[] before) =>
        new(Permission.Supervise, Scope.Subtree, async (c, u) => await Transition(c, await Item(u == In ? "330102" : "330202", before), verb));

    /// <summary>A lead-side transition on a fresh item led by the unit itself.</summary>
    private Probe Leading(string verb, params string[] before) =>
        new(Permission.HandleSupervision, Scope.Within, async (c, u) => await Transition(c, await Item(u == In ? "330100" : "330200", before), verb));

    /// <summary>An item opened and moved along by the Admin, who may act for either party.</summary>
    private async Task<int> Item(string lead, params string[] steps)
    {
        var created = await _app.Client.PostAsJsonAsync("/api/supervision/items", new { title = "探针事项", leadOrg = lead, deadline = "2026-12-31" });
        created.EnsureSuccessStatusCode();
        int id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();
        foreach (var step in steps)
        {
            (await Transition(_app.Client, id, step)).EnsureSuccessStatusCode();
        }

        return id;
    }

    private static Task<HttpResponseMessage> Transition(HttpClient client, int id, string verb) =>
        client.PostAsJsonAsync($"/api/supervision/items/{id}/{verb}", verb == "request-extension"
            ? new { comment = "探针", evidence = (string?)null, deadline = (string?)"2027-06-30" }
            : new { comment = "探针", evidence = (string?)"探针证据", deadline = (string?)null });

    private static Probe Public(Func<HttpClient, Task<HttpResponseMessage>> call) =>
        new(Permission.ReadPublished, Scope.None, (c, _) => call(c), Anonymous: true, PerUnit: false);

    private string Next(string prefix) => prefix + "PROBE" + Interlocked.Increment(ref _serial).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private List<(string Key, RouteEndpoint Endpoint)> ApiEndpoints() =>
        [.. _app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => ($"{m} {e.RoutePattern.RawText}", e)))];
}
