using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Luoshi.Application.Import;
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
        ["GET /api/readings/"] = Public(c => c.GetAsync("/api/readings?indicator=FAI")),
        ["POST /api/readings/"] = new(Permission.WriteReadings, Scope.Subtree, (c, u) => c.PostAsJsonAsync("/api/readings", new { indicator = "FAI", org = u == In ? "330102" : "330202", period = "2026-01", value = Interlocked.Increment(ref _serial) })),
        ["GET /api/readings/history"] = new(Permission.ReadAll, Scope.Subtree, (c, u) => c.GetAsync($"/api/readings/history?indicator=FAI&org={(u == In ? "330102" : "330202")}&period=2025-01")),
        ["GET /api/evaluation/"] = new(Permission.ReadAll, Scope.Subtree, (c, u) => c.GetAsync($"/api/evaluation?period=2026-01&org={(u == In ? "330100" : "330200")}")),
        ["GET /api/evaluation/series"] = new(Permission.ReadAll, Scope.Subtree, (c, u) => c.GetAsync($"/api/evaluation/series?indicator=FAI&org={(u == In ? "330100" : "330200")}&from=2026-01&to=2026-02")),
        ["GET /api/evaluation/plan"] = new(Permission.ReadAll, Scope.Everywhere, (c, _) => c.GetAsync("/api/evaluation/plan?period=2026-01"), PerUnit: false),
        ["GET /api/evaluation/checks"] = new(Permission.ReadAll, Scope.Subtree, (c, u) => c.GetAsync($"/api/evaluation/checks?year=2025&org={(u == In ? "330100" : "330200")}")),
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
    };

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(Db.Sqlite);
        await _app.ImportCsvAsync(ImportKind.Orgs, AppFixture.OrgsCsv);
        await _app.ImportCsvAsync(ImportKind.Indicators, AppFixture.IndicatorsCsv);
        await _app.ImportCsvAsync(ImportKind.Plans, "code,kind,title,parent,lead,supporting,start,due,horizon,indicators\nS0,Strategy,战略,,,,,,,\nP0,Programme,工程,S0,,,,,,\nTIN,Task,任务,P0,330100,,,,,\nTOUT,Task,任务,P0,330200,,,,,\n");
        await _app.ImportCsvAsync(ImportKind.Readings, "indicator,org,period,value\nFAI,330102,2025-01,1\nFAI,330202,2025-01,1\n");
        await using (var scope = _app.OperatorScope())
        {
            await scope.ServiceProvider.GetRequiredService<Luoshi.Application.Identity.AddUser>()
                .Handle(new("matrix-signin", Role.Public, null, "Matrix-pass-2026"), CancellationToken.None);
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
            (Scope.Everywhere, not null, _) => Answer.Forbidden,
            (Scope.Subtree, not null, Out) => Answer.Forbidden,
            _ => Answer.Allowed,
        };
    }

    private static string Org(string unit) => unit == In ? "330100" : "330200";

    private static string County(string unit) => unit == In ? "330102" : "330202";

    /// <summary>A fresh pending revision request on the unit's approved cell, opened by the admin.</summary>
    private async Task<int> PendingRevision(string unit)
    {
        var response = await _app.Client.PostAsJsonAsync("/api/reporting/revisions", new { indicator = "FAI", org = County(unit), period = "2025-01", value = Interlocked.Increment(ref _serial), reason = "探针" });
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();
    }

    private static Probe Public(Func<HttpClient, Task<HttpResponseMessage>> call) =>
        new(Permission.ReadPublished, Scope.None, (c, _) => call(c), Anonymous: true, PerUnit: false);

    private string Next(string prefix) => prefix + "PROBE" + Interlocked.Increment(ref _serial).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private List<(string Key, RouteEndpoint Endpoint)> ApiEndpoints() =>
        [.. _app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"]).Select(m => ($"{m} {e.RoutePattern.RawText}", e)))];
}
