using System.Text.Json;
using Luoshi.Application.Common;
using Luoshi.Application.Supervision;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Supervision;
using Luoshi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Luoshi.Web.Features.Supervision;

public static class SupervisionApi
{
    /// <summary>The transitions as URL verbs; each endpoint requires the permission of the party that makes it.</summary>
    private static readonly (string Route, SupervisionAction Action, Text Summary)[] Transitions =
    [
        ("assign", SupervisionAction.Assign, new Text("交办(可定截止日期)", "assign to the lead unit (may set the deadline)")),
        ("accept", SupervisionAction.Accept, new Text("签收", "accept")),
        ("start", SupervisionAction.Start, new Text("开始办理", "start work")),
        ("submit", SupervisionAction.Submit, new Text("报结(附证据)", "submit for verification, with evidence")),
        ("verify", SupervisionAction.Verify, new Text("核验办结(须附证据,牵头单位不能核验本单位事项)", "verify and close (evidence required; never by the lead unit)")),
        ("return", SupervisionAction.Return, new Text("退回(须说明理由)", "return to the lead unit (comment required)")),
        ("request-extension", SupervisionAction.RequestExtension, new Text("申请延期(须填新截止日期与理由)", "request a later deadline (deadline and comment required)")),
        ("approve-extension", SupervisionAction.ApproveExtension, new Text("批准延期", "approve the extension")),
        ("reject-extension", SupervisionAction.RejectExtension, new Text("驳回延期(须说明理由)", "reject the extension (comment required)")),
        ("cancel", SupervisionAction.Cancel, new Text("撤销(须说明理由)", "cancel (comment required)")),
    ];

    /// <summary>A transition's body: <c>evidence</c> is one text or file reference, or a list of them.</summary>
    public sealed record TransitionBody(string? Comment, JsonElement? Evidence, DateOnly? Deadline, int? Version)
    {
        public TransitionSupervisionItem.Request ToRequest() => new(Comment, EvidenceList(Evidence), Deadline, Version);

        private static List<string>? EvidenceList(JsonElement? evidence) => evidence switch
        {
            null => null,
            { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
            { ValueKind: JsonValueKind.String } e => [e.GetString()!],
            { ValueKind: JsonValueKind.Array } e when e.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String) => [.. e.EnumerateArray().Select(x => x.GetString()!)],
            _ => throw new DomainException("evidence", new Text("证据应为文本或文本列表", "evidence must be a text or a list of texts")),
        };
    }

    public static RouteGroupBuilder MapSupervisionApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/supervision").WithTags("Supervision");
        var read = SecurityServices.Policy(Permission.ReadAll);

        g.MapPost("/items", async Task<Created<SupervisionItemView>> (CreateSupervisionItem.Request request, CreateSupervisionItem create, CancellationToken ct) =>
        {
            var item = await create.Handle(request, ct);
            return TypedResults.Created($"/api/supervision/items/{item.Id}", item);
        }).RequireAuthorization(SecurityServices.Policy(Permission.Supervise)).WithSummary("新建督办事项(起草)/ open an item as a draft");

        g.MapGet("/items", async (string? org, string? state, string? source, bool? overdue, int? limit, ListSupervisionItems list, CancellationToken ct) =>
            TypedResults.Ok(await list.Handle(new(org, state, source, overdue, limit ?? 500), ct)))
            .RequireAuthorization(read).WithSummary("督办事项列表(?org=&state=&overdue=true)/ items led within a unit's subtree");

        g.MapGet("/items/{id:int}", async (int id, GetSupervisionItem get, CancellationToken ct) => TypedResults.Ok(await get.Handle(id, ct)))
            .RequireAuthorization(read).WithSummary("督办事项及其全过程记录 / an item with its history, oldest first");

        foreach (var (route, action, summary) in Transitions)
        {
            var permission = SupervisionWorkflow.PartyOf(action) == SupervisionParty.Lead ? Permission.HandleSupervision : Permission.Supervise;
            g.MapPost($"/items/{{id:int}}/{route}", async (int id, TransitionBody? body, TransitionSupervisionItem transition, CancellationToken ct) =>
                TypedResults.Ok(await transition.Handle(id, action, body?.ToRequest() ?? new(), ct)))
                .RequireAuthorization(SecurityServices.Policy(permission)).WithSummary(summary.Bilingual);
        }

        g.MapGet("/board", async (string? org, int? limit, SupervisionBoard board, CancellationToken ct) => TypedResults.Ok(await board.Handle(org, limit ?? 50, ct)))
            .RequireAuthorization(read).WithSummary("看板:按状态分列 / the board, a column per state");

        g.MapGet("/overdue", async (string? org, DateOnly? asOf, OverdueItems overdue, CancellationToken ct) => TypedResults.Ok(await overdue.Handle(org, asOf, ct)))
            .RequireAuthorization(read).WithSummary("逾期清单 / the overdue list, longest overdue first");

        g.MapGet("/metrics", async (string? org, DateOnly? from, DateOnly? to, DateOnly? asOf, SupervisionMetrics metrics, CancellationToken ct) =>
            TypedResults.Ok(await metrics.Handle(org, from, to, asOf, ct)))
            .RequireAuthorization(read).WithSummary("各牵头单位的在办、逾期、按期办结率、平均办结天数 / per lead unit: open, overdue, closed on time %, average days to close");

        g.MapPost("/run", async (DateOnly? asOf, RunDailySupervision run, CancellationToken ct) => TypedResults.Ok(await run.RunNow(asOf, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.Supervise))
            .WithSummary("立即运行当日督办:催办、升级,再按规则开立或并入事项(与每日自动运行相同,可重复)/ run the day's supervision now: reminders and escalation, then the rules (what the daily run does; running it again changes nothing) (?asOf=2026-12-06)");

        MapRules(g.MapGroup("/rules"), read);
        return api;
    }

    /// <summary>A switch's body: the version the caller read (optional; a stale one is answered 409).</summary>
    public sealed record SwitchBody(int? Version);

    private static void MapRules(RouteGroupBuilder rules, string read)
    {
        var supervise = SecurityServices.Policy(Permission.Supervise);

        rules.MapGet("/", async (ListSupervisionRules list, CancellationToken ct) => TypedResults.Ok(await list.Handle(ct)))
            .RequireAuthorization(read).WithSummary("指标督办规则(默认规则在前)/ the indicator rules, the default first");

        // A literal segment wins over {code}, so no rule can be called "preview" (SaveSupervisionRule refuses it).
        rules.MapGet("/preview", async (string? asOf, RunSupervisionRules run, CancellationToken ct) =>
            TypedResults.Ok(await run.Handle(new RunSupervisionRules.Request(Parsing.OptionalDate(asOf, "asOf"), DryRun: true), ct)))
            .RequireAuthorization(supervise).WithSummary("预演:所有启用的规则将新开和并入哪些事项(不写入)/ dry run: what every enabled rule would open and absorb, writing nothing (?asOf=2026-12-06)");

        rules.MapGet("/{code}", async (string code, GetSupervisionRule get, CancellationToken ct) => TypedResults.Ok(await get.Handle(code, ct)))
            .RequireAuthorization(read).WithSummary("一条规则 / one rule");

        rules.MapGet("/{code}/preview", async (string code, string? asOf, RunSupervisionRules run, CancellationToken ct) =>
            TypedResults.Ok(await run.Handle(new RunSupervisionRules.Request(Parsing.OptionalDate(asOf, "asOf"), DryRun: true, Rule: code), ct)))
            .RequireAuthorization(supervise).WithSummary("预演一条规则(启用与否均可,不写入)/ what one rule would open and absorb, enabled or not, writing nothing");

        rules.MapPost("/", async Task<Created<SupervisionRuleView>> (SaveSupervisionRule.Request request, SaveSupervisionRule save, CancellationToken ct) =>
        {
            var rule = await save.Create(request, ct);
            return TypedResults.Created($"/api/supervision/rules/{rule.Code}", rule);
        }).RequireAuthorization(supervise).WithSummary("新建规则(默认停用,可带 enabled)/ write a rule (off unless enabled is sent)");

        rules.MapPut("/{code}", async (string code, SaveSupervisionRule.Request request, SaveSupervisionRule save, CancellationToken ct) =>
            TypedResults.Ok(await save.Update(code, request, ct)))
            .RequireAuthorization(supervise).WithSummary("修改规则(需带版本号)/ rewrite a rule (send the version you read)");

        rules.MapPost("/{code}/enable", async (string code, SwitchBody? body, SwitchSupervisionRule rule, CancellationToken ct) =>
            TypedResults.Ok(await rule.Handle(code, enable: true, body?.Version, ct)))
            .RequireAuthorization(supervise).WithSummary("启用规则 / turn a rule on");

        rules.MapPost("/{code}/disable", async (string code, SwitchBody? body, SwitchSupervisionRule rule, CancellationToken ct) =>
            TypedResults.Ok(await rule.Handle(code, enable: false, body?.Version, ct)))
            .RequireAuthorization(supervise).WithSummary("停用规则 / turn a rule off");
    }
}
